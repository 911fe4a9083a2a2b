#pragma once
// `icq fetch`: today's data from the InferenceX API (DASHBOARD.md §1) into a new dated capture of
// the local cache (cache.hpp), all or nothing. The only part of icq that touches the network.
namespace icq::fetch {

// Runs `icq fetch ARGS` (argv[0] is "fetch"). Returns the exit code: 0 (a new capture, or nothing
// changed), 2 (usage, network, server or cache error; the cache is then exactly as it was).
int run(int argc, const char* const* argv);

}  // namespace icq::fetch
