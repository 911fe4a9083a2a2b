#pragma once
// The harnesses' invariant check: a violated invariant is a crash libFuzzer reports, with the
// check that failed.
#include <cstdio>
#include <cstdlib>

#define ICQ_FUZZ_CHECK(cond)                                                            \
  do {                                                                                  \
    if (!(cond)) {                                                                      \
      std::fprintf(stderr, "%s:%d: invariant failed: %s\n", __FILE__, __LINE__, #cond); \
      std::abort();                                                                     \
    }                                                                                   \
  } while (0)
