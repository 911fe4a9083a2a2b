#include "cli.hpp"

#include <algorithm>
#include <string_view>
#include <variant>

namespace icq::cli {

namespace {

const std::vector<std::string>& option_names() {
  static const std::vector<std::string> names = {"-c", "-f", "-D", "--format", "--output", "--chart-log", "--data", "--cache", "--no-cache", "--bail", "--no-bail", "--strict", "--help", "-h", "--version"};
  return names;
}

// Small local edit distance for "did you mean" on options (the CLI links only the public API).
std::size_t distance(std::string_view a, std::string_view b) {
  std::vector<std::size_t> row(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diag = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t up = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diag + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diag = up;
    }
  }
  return row[b.size()];
}

}  // namespace

std::string usage_text() {
  return "usage: icq [options] [script.icq ...]\n"
         "\n"
         "  icq                        interactive session (REPL) when stdin is a terminal\n"
         "  icq report.icq [more.icq]  run scripts in order ('-' reads a script from stdin)\n"
         "  icq -c \"compare ...\"       run one query\n"
         "  icq fetch                  download today's data from the InferenceX API into the cache (icq fetch --help)\n"
         "  icq mcp                    serve the interpreter to AI assistants over MCP on stdio (icq mcp --help)\n"
         "\n"
         "options:\n"
         "  -c QUERY                   run QUERY (repeatable; runs in order with scripts)\n"
         "  -f FILE                    run the script FILE (same as giving it as an argument)\n"
         "  --format FORMAT            table (default), markdown, csv, json, jsonl, page, svg (the run's last chart as\n"
         "                             SVG) or html (one self-contained page: every result's table and chart)\n"
         "  --output FILE              write the results to FILE; FILE.png: the PNG of the last chart (results still print)\n"
         "  --chart-log x|y|xy         logarithmic chart axes\n"
         "  --data PATH                load PATH (file or directory; repeatable) instead of the built-in data\n"
         "                             (and instead of the cache)\n"
         "  --cache DIR                the cache of `icq fetch` (default $ICQ_CACHE, else $XDG_CACHE_HOME/icq,\n"
         "                             else ~/.cache/icq): its newest capture is loaded over the built-in data\n"
         "  --no-cache                 the built-in data alone\n"
         "  -D NAME=VALUE              set parameter $NAME (wins over the scripts' `param NAME = ...`)\n"
         "  --bail                     stop at the first error (the default)\n"
         "  --no-bail                  run every statement; the exit code is the gravest error's\n"
         "  --strict                   any data warning (a record that could not be used) exits 2\n"
         "  --version                  print the version\n"
         "  -h, --help                 print this help\n"
         "\n"
         "REPL: `help` lists the statements, `.help` the dot-commands; Tab completes; history in ~/.icq_history;\n"
         "`plot <statement>` (REPL or -c) draws the statement's chart in the terminal\n"
         "\n"
         "exit codes: 0 ok, 1 query error, 2 usage or I/O error (or a data file that gave no rows, or any data\n"
         "warning with --strict), 3 a failed expect/assert; a partly bad data file only warns on stderr\n";
}

std::variant<Options, UsageError> parse_args(int argc, const char* const* argv) {
  Options o;
  for (int i = 1; i < argc; ++i) {
    std::string arg = argv[i];
    std::string inline_value;
    bool has_inline = false;
    if (arg.rfind("--", 0) == 0) {
      const auto eq = arg.find('=');
      if (eq != std::string::npos) inline_value = arg.substr(eq + 1), arg = arg.substr(0, eq), has_inline = true;
    }
    auto value = [&](const char* what) -> std::optional<std::string> {
      if (has_inline) return inline_value;
      if (i + 1 >= argc) return std::nullopt;
      (void)what;
      return std::string(argv[++i]);
    };
    if (arg == "-c") {
      auto v = value("a query");
      if (!v) return UsageError{"option -c needs a query", "e.g. icq -c \"list gpus\""};
      o.inputs.push_back({Input::Kind::query, *v});
    } else if (arg == "-f") {
      auto v = value("a file");
      if (!v) return UsageError{"option -f needs a script file", "e.g. icq -f report.icq"};
      o.inputs.push_back({*v == "-" ? Input::Kind::stdin_ : Input::Kind::file, *v});
    } else if (arg == "--format") {
      auto v = value("a format");
      if (!v) return UsageError{"option --format needs a format", "formats: " + std::string(format_names())};
      o.format = parse_format(*v);
      if (!o.format) return UsageError{"unknown format '" + *v + "'", "formats: " + std::string(format_names())};
    } else if (arg == "--output") {
      auto v = value("a file");
      if (!v || v->empty()) return UsageError{"option --output needs a file", "e.g. icq --output chart.png -c \"compare ...\""};
      o.output = *v;
    } else if (arg == "--chart-log") {
      auto v = value("axes");
      if (!v || (*v != "x" && *v != "y" && *v != "xy")) return UsageError{"option --chart-log needs x, y or xy", "e.g. icq --chart-log x --format svg -c \"...\""};
      o.log_x = *v != "y", o.log_y = *v != "x";
    } else if (arg == "--data") {
      auto v = value("a path");
      if (!v) return UsageError{"option --data needs a file or directory", "e.g. icq --data results/ -c \"list models\""};
      o.data_paths.push_back(*v);
    } else if (arg == "--cache") {
      auto v = value("a folder");
      if (!v || v->empty()) return UsageError{"option --cache needs a folder", "e.g. icq --cache ~/icq-cache -c \"list models\""};
      o.cache = *v;
    } else if (arg == "--no-cache") {
      o.no_cache = true;
    } else if (arg == "-D" || (arg.rfind("-D", 0) == 0 && arg.size() > 2)) {
      std::string def;
      if (arg.size() > 2) def = arg.substr(2);
      else if (i + 1 < argc) def = argv[++i];
      const auto eq = def.find('=');
      if (eq == std::string::npos || eq == 0)
        return UsageError{"option -D needs NAME=VALUE, got '" + def + "'", "e.g. icq -D target=75 report.icq"};
      o.params.emplace_back(def.substr(0, eq), def.substr(eq + 1));
    } else if (arg == "--bail" || arg == "-bail") {
      o.bail = true;
    } else if (arg == "--no-bail") {
      o.bail = false;
    } else if (arg == "--strict") {
      o.strict = true;
    } else if (arg == "-h" || arg == "--help") {
      o.help = true;
    } else if (arg == "--version") {
      o.version = true;
    } else if (arg == "-") {
      o.inputs.push_back({Input::Kind::stdin_, "-"});
    } else if (!arg.empty() && arg[0] == '-') {
      std::string best;
      std::size_t best_d = 3;
      for (const auto& n : option_names())
        if (const auto d = distance(arg, n); d < best_d) best_d = d, best = n;
      return UsageError{"unknown option '" + arg + "'", best.empty() ? "see icq --help" : "did you mean '" + best + "'?"};
    } else {
      o.inputs.push_back({Input::Kind::file, arg});
    }
  }
  return o;
}

}  // namespace icq::cli
