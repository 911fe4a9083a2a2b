#include "cli_options.hpp"

#include <string_view>

namespace icq::cli {

namespace {

// Words that follow the options and are commands of their own, each with its own options.
bool is_command(const std::string& word) { return word == "fetch" || word == "mcp" || word == "serve"; }

}  // namespace

std::vector<hosts::Option> option_table(Options& o) {
  using hosts::Option;
  using hosts::UsageError;
  std::vector<Option> table = {
      {{"-c"},
       {},
       "QUERY",
       "run QUERY (repeatable; runs in order with scripts)",
       "a query",
       "e.g. icq -c \"list gpus\"",
       "list gpus",
       [&o](const Option&, const std::string& v) -> std::optional<UsageError> {
         o.inputs.push_back({Input::Kind::query, v});
         return std::nullopt;
       }},
      {{"-f"},
       {},
       "FILE",
       "run the script FILE (same as giving it as an argument)",
       "a script file",
       "e.g. icq -f report.icq",
       "report.icq",
       [&o](const Option&, const std::string& v) -> std::optional<UsageError> {
         o.inputs.push_back({v == "-" ? Input::Kind::stdin_ : Input::Kind::file, v});
         return std::nullopt;
       }},
      {{"--format"},
       {},
       "FORMAT",
       "table (default), markdown, csv, json, jsonl, page, svg (the run's last chart as\n"
       "SVG) or html (one self-contained page: every result's table and chart)",
       "a format",
       "formats: " + std::string(format_names()),
       "json",
       [&o](const Option&, const std::string& v) -> std::optional<UsageError> {
         o.format = parse_format(v);
         if (!o.format) return UsageError{"unknown format '" + v + "'", "formats: " + std::string(format_names())};
         return std::nullopt;
       }},
      {{"--output"},
       {},
       "FILE",
       "write the results to FILE; FILE.png: the PNG of the last chart (results still print);\n"
       "FILE.svg, .html, .json, .jsonl, .csv, .md: in that format unless --format says",
       "a file",
       "e.g. icq --output chart.png -c \"compare ...\"",
       "out.txt",
       hosts::set_text(o.output)},
      {{"--chart-log"},
       {},
       "x|y|xy",
       "logarithmic chart axes",
       "x, y or xy",
       "e.g. icq --chart-log x --format svg -c \"...\"",
       "xy",
       [&o](const Option& self, const std::string& v) -> std::optional<UsageError> {
         if (v != "x" && v != "y" && v != "xy") return hosts::needs(self, self.names.front());
         o.log_x = v != "y", o.log_y = v != "x";
         return std::nullopt;
       }},
  };
  for (auto& option : hosts::data_options(o.data)) table.push_back(std::move(option));
  const std::vector<Option> flags = {
      {{"--bail"}, {"-bail"}, "", "stop at the first error (the default)", "", "", "", hosts::set_flag(o.bail, true)},
      {{"--no-bail"}, {}, "", "run every statement; the exit code is the gravest error's", "", "", "", hosts::set_flag(o.bail, false)},
      {{"--strict"}, {}, "", "any data warning (a record that could not be used) exits 2", "", "", "", hosts::set_flag(o.strict)},
      {{"--version"}, {}, "", "print the version", "", "", "", hosts::set_flag(o.version)},
      {{"-h", "--help"}, {}, "", "print this help", "", "", "", hosts::set_flag(o.help)},
  };
  table.insert(table.end(), flags.begin(), flags.end());
  return table;
}

std::string usage_text() {
  Options unused;
  return "usage: icq [options] [script.icq ...]\n"
         "\n"
         "  icq                        interactive session (REPL) when stdin is a terminal\n"
         "  icq report.icq [more.icq]  run scripts in order ('-' reads a script from stdin)\n"
         "  icq -c \"compare ...\"       run one query\n"
         "  icq fetch                  download today's data from the InferenceX API into the cache (icq fetch --help)\n"
         "  icq mcp                    serve the interpreter to AI assistants over MCP on stdio (icq mcp --help)\n"
         "  icq serve                  every query a URL: an HTTP server of pages, JSON, CSV and SVG (icq serve --help)\n"
         "\n"
         "options:\n" +
         hosts::options_help(option_table(unused)) +
         "\n"
         "REPL: `help` lists the statements, `.help` the dot-commands; Tab completes; history in ~/.icq_history;\n"
         "`plot STATEMENT` (a statement of the language) draws the statement's chart in the terminal\n"
         "\n"
         "exit codes: 0 ok, 1 query error, 2 usage or I/O error (or a data file that gave no rows, or any data\n"
         "warning with --strict), 3 a failed expect/assert, 130 interrupted (Ctrl-C); a partly bad data file only\n"
         "warns on stderr\n";
}

std::variant<Options, hosts::UsageError> parse_args(int argc, const char* const* argv) {
  Options o;
  const auto table = option_table(o);
  const auto operand = [&](int i, const std::string& word) -> std::variant<hosts::Operand, hosts::UsageError> {
    // A command word (fetch, mcp) before any script or query takes every argument but itself.
    if (is_command(word) && o.inputs.empty()) {
      o.command = word;
      for (int j = 1; j < argc; ++j)
        if (j != i) o.command_args.emplace_back(argv[j]);
      return hosts::Operand::stop;
    }
    o.inputs.push_back({word == "-" ? Input::Kind::stdin_ : Input::Kind::file, word});
    return hosts::Operand::taken;
  };
  if (auto error = hosts::parse(table, argc, argv, operand, "icq")) return *error;
  return o;
}

}  // namespace icq::cli
