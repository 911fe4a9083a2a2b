#include "serve_options.hpp"

namespace icq::serve {

std::vector<hosts::Option> option_table(Args& a) {
  using hosts::Option;
  using hosts::UsageError;
  std::vector<Option> table = {
      {{"--host"},
       {},
       "ADDRESS",
       "the address to listen on (default 127.0.0.1: this machine only; 0.0.0.0: every network)",
       "an address",
       "e.g. icq serve --host 0.0.0.0",
       "0.0.0.0",
       [&a](const Option& self, const std::string& v) -> std::optional<UsageError> {
         if (v.empty()) return hosts::needs(self, self.names.front());
         a.listen.host = v;
         return std::nullopt;
       }},
      {{"--port"},
       {},
       "N",
       "the port (default 8426; 0: any free port, named on the first line of stdout)",
       "a port number from 0 to 65535",
       "e.g. icq serve --port 8080",
       "8080",
       hosts::set_whole(a.listen.port, 0, 65535)},
      {{"--scripts"},
       {},
       "DIR",
       "serve the scripts DIR/NAME.icq at /scripts/NAME (their params from the URL)",
       "a folder",
       "e.g. icq serve --scripts reports/",
       "reports",
       hosts::set_text(a.scripts)},
  };
  for (auto& option : hosts::data_options(a.data)) table.push_back(std::move(option));
  const std::vector<Option> limits = {
      {{"--timeout"},
       {},
       "SECONDS",
       "time limit of one query (default 10); a query past it is answered 400",
       "a positive number",
       "e.g. icq serve --timeout 30",
       "30",
       hosts::set_positive(a.limits.timeout_seconds, 3600)},
      {{"--max-output"},
       {},
       "BYTES",
       "largest answer (default 8388608); a larger one is answered 400",
       "a whole number from 1024 to 1073741824",
       "e.g. icq serve --max-output 1048576",
       "1048576",
       hosts::set_whole(a.limits.max_output_bytes, 1024, 1L << 30)},
      {{"--max-query"},
       {},
       "BYTES",
       "longest query text or parameter value (default 4096); a longer one is answered 400",
       "a whole number from 16 to 65536",
       "e.g. icq serve --max-query 2048",
       "2048",
       hosts::set_whole(a.limits.max_query_bytes, 16, 65536)},
      {{"--max-running"},
       {},
       "N",
       "queries evaluated at once (default 4); one more is answered 503 with Retry-After",
       "a whole number from 1 to 256",
       "e.g. icq serve --max-running 2",
       "2",
       hosts::set_whole(a.limits.max_running, 1, 256)},
      {{"--threads"},
       {},
       "N",
       "connections served at once (default 32); more wait to be accepted",
       "a whole number from 1 to 1024",
       "e.g. icq serve --threads 64",
       "64",
       hosts::set_whole(a.listen.threads, 1, 1024)},
      {{"--read-timeout"},
       {},
       "SECONDS",
       "a client silent this long while sending its request, or between requests, is\ndisconnected (default 5)",
       "a positive number",
       "e.g. icq serve --read-timeout 2",
       "2",
       hosts::set_positive(a.listen.read_timeout, 3600)},
      {{"-h", "--help"}, {}, "", "print this help", "", "", "", hosts::set_flag(a.help)},
  };
  table.insert(table.end(), limits.begin(), limits.end());
  return table;
}

std::string usage_text() {
  Args unused;
  return "usage: icq serve [options]\n"
         "\n"
         "Every query a URL: an HTTP server over the data loaded once. Read-only: load and set format are refused.\n"
         "  GET /?q=QUERY            the page: a query box with completion, the result's tables, chart, verdicts and notes\n"
         "  GET /query.json?q=QUERY  the result as `icq --format json -c QUERY` prints it (also .csv, .svg, .html)\n"
         "  GET /data.json           what the data holds: files, rows, models, GPUs, run dates\n"
         "  GET /complete.json?q=..  the words that may complete the query's last word (the REPL's Tab)\n"
         "  GET /scripts/NAME?P=V    with --scripts: DIR/NAME.icq with its param P set to V (also NAME.json, .csv, …)\n"
         "The first line on stdout names the address and the process id; one line per request goes to stderr.\n"
         "SIGINT or SIGTERM stops it.\n"
         "\n"
         "options:\n" +
         hosts::options_help(option_table(unused));
}

std::variant<Args, hosts::UsageError> parse_args(int argc, const char* const* argv) {
  Args a;
  const auto operand = [](int, const std::string& word) -> std::variant<hosts::Operand, hosts::UsageError> {
    return hosts::UsageError{"unexpected word '" + word + "'", "icq serve takes options only; see icq serve --help"};
  };
  if (auto error = hosts::parse(option_table(a), argc, argv, operand, "icq serve")) return *error;
  return a;
}

}  // namespace icq::serve
