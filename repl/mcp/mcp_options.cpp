#include "mcp_options.hpp"

#include <cstdlib>

namespace icq::mcp {

namespace {

// A positive number up to 1e12 (seconds or bytes).
template <typename T>
hosts::Setter set_positive(T& field) {
  return [&field](const hosts::Option& self, const std::string& v) -> std::optional<hosts::UsageError> {
    char* end = nullptr;
    const double n = std::strtod(v.c_str(), &end);
    if (v.empty() || *end != '\0' || !(n > 0) || n > 1e12) return hosts::needs(self, self.names.front());
    field = static_cast<T>(n);
    return std::nullopt;
  };
}

}  // namespace

std::vector<hosts::Option> option_table(Args& a) {
  using hosts::Option;
  std::vector<Option> table = hosts::data_options(a.data);
  const std::vector<Option> own = {
      {{"--timeout"},
       {},
       "SECONDS",
       "time limit of one call (default 60); a call past it is answered with an error",
       "a positive number",
       "e.g. icq mcp --timeout 30",
       "30",
       set_positive(a.server.timeout_seconds)},
      {{"--max-output"},
       {},
       "BYTES",
       "longest text of one result item (default 524288); longer output is cut, with a note",
       "a positive number",
       "e.g. icq mcp --max-output 65536",
       "65536",
       set_positive(a.server.max_output_bytes)},
      {{"--max-message"},
       {},
       "BYTES",
       "longest message read (default 4194304); a longer line is answered with an error",
       "a positive number",
       "e.g. icq mcp --max-message 1048576",
       "1048576",
       set_positive(a.server.max_message_bytes)},
      {{"--allow-load"},
       {},
       "DIR",
       "let the assistant's `load` read data files inside DIR (repeatable); without it\n"
       "the server reads no file an assistant names",
       "a folder",
       "e.g. icq mcp --allow-load ~/benchmarks",
       "results",
       hosts::add_text(a.allow_load)},
      {{"-h", "--help"}, {}, "", "print this help", "", "", "", hosts::set_flag(a.help)},
  };
  table.insert(table.end(), own.begin(), own.end());
  return table;
}

std::string usage_text() {
  Args unused;
  return "usage: icq mcp [options]\n"
         "\n"
         "The icq interpreter as a Model Context Protocol server on stdin/stdout (newline-delimited JSON-RPC 2.0),\n"
         "for AI assistants: register the command `icq` with the arguments [\"mcp\"]. Tools: query, compare, rank,\n"
         "crossover, list, describe, frontier, trend, points, load; resources: icq://help, icq://data, icq://catalog.\n"
         "An assistant reads the data the server was started with and, with --allow-load, data files inside those\n"
         "folders; it writes nothing. Ends at the end of stdin.\n"
         "\n"
         "options:\n" +
         hosts::options_help(option_table(unused));
}

std::variant<Args, hosts::UsageError> parse_args(int argc, const char* const* argv) {
  Args a;
  const auto operand = [](int, const std::string& word) -> std::variant<hosts::Operand, hosts::UsageError> {
    return hosts::UsageError{"unexpected word '" + word + "'", "icq mcp takes options only; see icq mcp --help"};
  };
  if (auto error = hosts::parse(option_table(a), argc, argv, operand, "icq mcp")) return *error;
  return a;
}

}  // namespace icq::mcp
