# icq_fast_start(target): the icq command's link, for a cold `icq -c` (issue 22; docs/DECISIONS.md,
# "A lean core"). Measured in paired runs of a cold compare on the built-in data, each step alone:
#   - libstdc++ and libgcc linked in, not loaded: the loader's work on libstdc++'s thousands of
#     symbol relocations was a third of the run (a C++ program that does nothing: 3.0-3.5 ms with
#     the shared libstdc++, 2.2 ms without, a C one 1.8 ms). Only a program that loads no other C++
#     library at start may do this: icq opens simdjson when it first reads a file
#     (stdlib/data/json_library.hpp) and libedit is C.
#   - not position-independent: the 4,600 relative relocations of a PIE wrote into vtables and
#     tables of pointers at every start, a page fault each first write, 13% of the run. The helpers,
#     which serve the network (icq-fetch, icq-mcp, icq-serve, icq-pg), stay PIE.
#   - code and data no program calls left out (--gc-sections over per-function sections): 1.2 MB
#     less text mapped at start, 4%.
# Not under the sanitizers (their runtimes expect the shared libstdc++) nor with Clang (the fuzz
# preset); ICQ_FAST_START=OFF builds icq like any program.
option(ICQ_FAST_START "Link the icq command for a fast cold start (GCC, not under sanitizers)" ON)
set(ICQ_FAST_START_ACTIVE OFF)
if(ICQ_FAST_START AND CMAKE_CXX_COMPILER_ID STREQUAL "GNU" AND NOT CMAKE_CXX_FLAGS MATCHES "-fsanitize" AND NOT ICQ_FUZZ)
  set(ICQ_FAST_START_ACTIVE ON)
  add_compile_options(-ffunction-sections -fdata-sections)
endif()
#   - the first 2 MiB of C++ allocations on one transparent huge page (`FIRST_HEAP`, for icq alone:
#     repl/cli/first_heap.cpp says why).
function(icq_fast_start target)
  cmake_parse_arguments(PARSE_ARGV 1 arg "" "FIRST_HEAP" "")
  if(ICQ_FAST_START_ACTIVE)
    target_link_options(${target} PRIVATE -static-libstdc++ -static-libgcc -no-pie -Wl,--gc-sections)
    if(arg_FIRST_HEAP)
      target_sources(${target} PRIVATE "${arg_FIRST_HEAP}")
    endif()
  endif()
endfunction()
