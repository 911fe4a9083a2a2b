#pragma once
// The options of `icq serve`: its table for the one parser (common/options.hpp), its --help.
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "bootstrap.hpp"
#include "options.hpp"

namespace icq::serve {

// What bounds one request (docs/DECISIONS.md, "icq serve").
struct Limits {
  double timeout_seconds = 10;               // one query's evaluation; then Session::cancel()
  long max_output_bytes = 8L * 1024 * 1024;  // one answer's body
  long max_query_bytes = 4096;               // the query text (or one script parameter's value)
  long max_running = 4;                      // queries evaluated at once; more are answered 503
  bool operator==(const Limits&) const = default;
};

struct Listen {
  std::string host = "127.0.0.1";
  long port = 8426;         // 0: any free port (the first line on stdout says which)
  long threads = 32;        // connections served at once; more wait to be accepted
  double read_timeout = 5;  // seconds a client may leave the server waiting for its bytes
  bool operator==(const Listen&) const = default;
};

struct Args {
  hosts::DataChoice data;              // --data, --cache, --no-cache, -D
  Listen listen;                       // --host, --port, --threads, --read-timeout
  Limits limits;                       // --timeout, --max-output, --max-query, --max-running
  std::optional<std::string> scripts;  // --scripts DIR: the .icq reports served at /scripts/NAME
  bool help = false;
  bool operator==(const Args&) const = default;
};

std::vector<hosts::Option> option_table(Args& a);
std::variant<Args, hosts::UsageError> parse_args(int argc, const char* const* argv);
std::string usage_text();

}  // namespace icq::serve
