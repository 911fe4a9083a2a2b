#pragma once
// `icq fetch`: today's data from the InferenceX API (DASHBOARD.md §1) into a new dated capture of
// the local cache (common/cache.hpp), all or nothing. The only part of icq that touches the network.
#include "fetch_options.hpp"

namespace icq::fetch {

// Runs the fetch. Returns the exit code: 0 (a new capture, or nothing changed), 2 (network, server
// or cache error; the cache is then exactly as it was).
int run(const Args& args);

}  // namespace icq::fetch
