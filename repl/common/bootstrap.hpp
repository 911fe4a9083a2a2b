#pragma once
// The session bootstrap every host uses (icq, icq mcp, and icq fetch for the snapshot it keeps):
// which data a run loads — the built-in data with the newest capture of the cache over it, read
// through the cache's snapshot, or the --data paths instead — from the options that choose it.
#include <ctime>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "icq/session.hpp"
#include "options.hpp"

namespace icq::hosts {

// Where a host's data comes from: --data, --cache, --no-cache and -D.
struct DataChoice {
  std::vector<std::string> data_paths;                      // --data PATH: instead of the built-in data and the cache
  std::optional<std::string> cache;                         // --cache DIR: the cache of `icq fetch` to read
  bool no_cache = false;                                    // --no-cache: the built-in data alone
  std::vector<std::pair<std::string, std::string>> params;  // -D NAME=VALUE
  bool operator==(const DataChoice&) const = default;
};

// The options that set a DataChoice, for the option table of every host that runs queries.
std::vector<Option> data_options(DataChoice& d);

// The Session's data and parameters for a choice. With the cache: its newest capture (files of
// newer `fetch model …` captures over it) after the built-in data, read through the capture's
// snapshot, which the Session writes again when it cannot be read (missing, damaged, or from
// another build of icq). Throws icq::Error (a usage error) when the cache cannot be read: its
// capture.json files are JSON, and icq could not open simdjson (stdlib/data/json_library.hpp).
SessionOptions session_options(const DataChoice& d, std::time_t now);

// session_options, with a failure reported on stderr as open_session reports one, and nullopt.
std::optional<SessionOptions> reported_session_options(const DataChoice& d, std::time_t now, bool color_errors);

// Opens the Session; a failure is reported on stderr (with what to do when the cache's data is
// at fault) and gives null.
std::unique_ptr<Session> open_session(SessionOptions options, bool color_errors);

}  // namespace icq::hosts
