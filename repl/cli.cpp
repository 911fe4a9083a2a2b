#include "cli.hpp"

#include <string_view>
#include <variant>


namespace icq::cli {

namespace {

constexpr std::size_t kHelpColumn = 29;  // where --help's option texts start

std::optional<UsageError> needs(const OptionSpec& self, const std::string& name) {
  return UsageError{"option " + name + " needs " + self.needs, self.hint};
}

// The table's setters: `self.names.front()` names the option in their messages.
std::optional<UsageError> set_query(Options& o, const OptionSpec&, const std::string& v) {
  o.inputs.push_back({Input::Kind::query, v});
  return std::nullopt;
}
std::optional<UsageError> set_file(Options& o, const OptionSpec&, const std::string& v) {
  o.inputs.push_back({v == "-" ? Input::Kind::stdin_ : Input::Kind::file, v});
  return std::nullopt;
}
std::optional<UsageError> set_format(Options& o, const OptionSpec&, const std::string& v) {
  o.format = parse_format(v);
  if (!o.format) return UsageError{"unknown format '" + v + "'", "formats: " + std::string(format_names())};
  return std::nullopt;
}
// An option whose argument is a path that must not be empty (--output, --cache).
template <std::optional<std::string> Options::*Field>
std::optional<UsageError> set_path(Options& o, const OptionSpec& self, const std::string& v) {
  if (v.empty()) return needs(self, self.names.front());
  o.*Field = v;
  return std::nullopt;
}
std::optional<UsageError> set_chart_log(Options& o, const OptionSpec& self, const std::string& v) {
  if (v != "x" && v != "y" && v != "xy") return needs(self, self.names.front());
  o.log_x = v != "y", o.log_y = v != "x";
  return std::nullopt;
}
std::optional<UsageError> set_data(Options& o, const OptionSpec&, const std::string& v) {
  o.data_paths.push_back(v);
  return std::nullopt;
}
// A flag: sets one field of the options to Value.
template <bool Options::*Field, bool Value>
std::optional<UsageError> set_flag(Options& o, const OptionSpec&, const std::string&) {
  o.*Field = Value;
  return std::nullopt;
}
std::optional<UsageError> set_param(Options& o, const OptionSpec& self, const std::string& v) {
  const auto eq = v.find('=');
  if (eq == std::string::npos || eq == 0)
    return UsageError{"option -D needs " + self.needs + ", got '" + v + "'", self.hint};
  o.params.emplace_back(v.substr(0, eq), v.substr(eq + 1));
  return std::nullopt;
}

// The option `arg` spells (exactly, or an alias), or null.
const OptionSpec* find(const std::string& arg) {
  for (const auto& spec : option_table()) {
    for (const auto& n : spec.names)
      if (n == arg) return &spec;
    for (const auto& n : spec.aliases)
      if (n == arg) return &spec;
  }
  return nullptr;
}

// Words that follow the options and are commands of their own, each with its own options.
bool is_command(const std::string& word) { return word == "fetch" || word == "mcp"; }

}  // namespace

const std::vector<OptionSpec>& option_table() {
  static const std::vector<OptionSpec> table = {
      {{"-c"}, {}, "QUERY", "run QUERY (repeatable; runs in order with scripts)", "a query", "e.g. icq -c \"list gpus\"", "list gpus", &set_query},
      {{"-f"}, {}, "FILE", "run the script FILE (same as giving it as an argument)", "a script file", "e.g. icq -f report.icq", "report.icq",
       &set_file},
      {{"--format"}, {}, "FORMAT",
       "table (default), markdown, csv, json, jsonl, page, svg (the run's last chart as\n"
       "SVG) or html (one self-contained page: every result's table and chart)",
       "a format", "formats: " + std::string(format_names()), "json", &set_format},
      {{"--output"}, {}, "FILE", "write the results to FILE; FILE.png: the PNG of the last chart (results still print)", "a file",
       "e.g. icq --output chart.png -c \"compare ...\"", "out.txt", &set_path<&Options::output>},
      {{"--chart-log"}, {}, "x|y|xy", "logarithmic chart axes", "x, y or xy", "e.g. icq --chart-log x --format svg -c \"...\"", "xy",
       &set_chart_log},
      {{"--data"}, {}, "PATH", "load PATH (file or directory; repeatable) instead of the built-in data\n(and instead of the cache)",
       "a file or directory", "e.g. icq --data results/ -c \"list models\"", "results/", &set_data},
      {{"--cache"}, {}, "DIR",
       "the cache of `icq fetch` (default $ICQ_CACHE, else $XDG_CACHE_HOME/icq,\n"
       "else ~/.cache/icq): its newest capture is loaded over the built-in data",
       "a folder", "e.g. icq --cache ~/icq-cache -c \"list models\"", "icq-cache", &set_path<&Options::cache>},
      {{"--no-cache"}, {}, "", "the built-in data alone", "", "", "", &set_flag<&Options::no_cache, true>},
      {{"-D"}, {}, "NAME=VALUE", "set parameter $NAME (wins over the scripts' `param NAME = ...`)", "NAME=VALUE",
       "e.g. icq -D target=75 report.icq", "target=75", &set_param},
      {{"--bail"}, {"-bail"}, "", "stop at the first error (the default)", "", "", "", &set_flag<&Options::bail, true>},
      {{"--no-bail"}, {}, "", "run every statement; the exit code is the gravest error's", "", "", "", &set_flag<&Options::bail, false>},
      {{"--strict"}, {}, "", "any data warning (a record that could not be used) exits 2", "", "", "", &set_flag<&Options::strict, true>},
      {{"--version"}, {}, "", "print the version", "", "", "", &set_flag<&Options::version, true>},
      {{"-h", "--help"}, {}, "", "print this help", "", "", "", &set_flag<&Options::help, true>},
  };
  return table;
}

std::string usage_text() {
  std::string options;
  for (const auto& spec : option_table()) {
    std::string head = "  ";
    for (std::size_t i = 0; i < spec.names.size(); ++i) head += (i ? ", " : "") + spec.names[i];
    if (!spec.arg.empty()) head += " " + spec.arg;
    head += head.size() < kHelpColumn ? std::string(kHelpColumn - head.size(), ' ') : " ";
    std::string text = spec.help;
    for (std::size_t p = text.find('\n'); p != std::string::npos; p = text.find('\n', p + 1 + kHelpColumn))
      text.insert(p + 1, std::string(kHelpColumn, ' '));
    options += head + text + "\n";
  }
  return "usage: icq [options] [script.icq ...]\n"
         "\n"
         "  icq                        interactive session (REPL) when stdin is a terminal\n"
         "  icq report.icq [more.icq]  run scripts in order ('-' reads a script from stdin)\n"
         "  icq -c \"compare ...\"       run one query\n"
         "  icq fetch                  download today's data from the InferenceX API into the cache (icq fetch --help)\n"
         "  icq mcp                    serve the interpreter to AI assistants over MCP on stdio (icq mcp --help)\n"
         "\n"
         "options:\n" +
         options +
         "\n"
         "REPL: `help` lists the statements, `.help` the dot-commands; Tab completes; history in ~/.icq_history;\n"
         "`plot <statement>` (REPL or -c) draws the statement's chart in the terminal\n"
         "\n"
         "exit codes: 0 ok, 1 query error, 2 usage or I/O error (or a data file that gave no rows, or any data\n"
         "warning with --strict), 3 a failed expect/assert, 130 interrupted (Ctrl-C); a partly bad data file only\n"
         "warns on stderr\n";
}

std::variant<Options, UsageError> parse_args(int argc, const char* const* argv) {
  Options o;
  for (int i = 1; i < argc; ++i) {
    const std::string word = argv[i];
    // A command word (fetch, mcp) before any script or query takes every argument but itself.
    if (is_command(word) && o.inputs.empty()) {
      o.command = word;
      for (int j = 1; j < argc; ++j)
        if (j != i) o.command_args.emplace_back(argv[j]);
      return o;
    }
    if (word == "-" || word.empty() || word[0] != '-') {
      o.inputs.push_back({word == "-" ? Input::Kind::stdin_ : Input::Kind::file, word});
      continue;
    }
    // --name=VALUE, -XVALUE (a short option glued to its argument, as -DNAME=VALUE), or the word.
    std::string name = word;
    std::optional<std::string> glued;
    const OptionSpec* spec = find(word);
    if (!spec && word.rfind("--", 0) == 0 && word.find('=') != std::string::npos) {
      name = word.substr(0, word.find('='));
      glued = word.substr(word.find('=') + 1);
      spec = find(name);
    } else if (!spec && word.size() > 2 && word[1] != '-') {
      const OptionSpec* shortopt = find(word.substr(0, 2));
      if (shortopt && !shortopt->arg.empty()) name = word.substr(0, 2), glued = word.substr(2), spec = shortopt;
    }
    if (!spec) {
      std::vector<std::string> names;
      for (const auto& s : option_table()) names.insert(names.end(), s.names.begin(), s.names.end());
      const auto near = icq::closest_words(word, names);
      return UsageError{"unknown option '" + word + "'", near.empty() ? "see icq --help" : icq::did_you_mean({near.front()})};
    }
    std::string value;
    if (!spec->arg.empty()) {
      if (glued) value = *glued;
      else if (i + 1 < argc) value = argv[++i];
      else return *needs(*spec, name);
    } else if (glued) {
      return UsageError{"option " + name + " takes no value", "see icq --help"};
    }
    if (auto error = spec->set(o, *spec, value)) return *error;
  }
  return o;
}

}  // namespace icq::cli
