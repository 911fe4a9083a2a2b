#pragma once
// Command-line options of the icq program, from one table: the parser, --help and the "did you
// mean" of an unknown option are all generated from it.
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "icq/render.hpp"

namespace icq::cli {

struct Input {
  enum class Kind { query, file, stdin_ } kind;
  std::string text;  // the query, or the file path
  bool operator==(const Input&) const = default;
};

struct Options {
  std::vector<Input> inputs;  // in command-line order
  std::vector<std::string> data_paths;
  std::optional<std::string> cache;  // --cache DIR: the cache of `icq fetch` to read
  bool no_cache = false;             // --no-cache: the built-in data alone
  std::vector<std::pair<std::string, std::string>> params;  // -D NAME=VALUE
  std::optional<Format> format;
  std::optional<std::string> output;  // --output FILE (FILE.png: the PNG of the last chart)
  bool log_x = false, log_y = false;  // --chart-log x|y|xy
  bool help = false, version = false;
  bool bail = true;  // --bail (default) / --no-bail
  bool strict = false;  // --strict: any data warning exits 2
  // `icq [options] fetch|mcp …`: the command word, and the arguments it gets (those before the
  // word, then those after it).
  std::optional<std::string> command;
  std::vector<std::string> command_args;
  bool operator==(const Options&) const = default;
};

struct UsageError {
  std::string message;
  std::string help;
};

// One option: every spelling, its argument, its --help text and what it sets.
struct OptionSpec {
  std::vector<std::string> names;    // "-h", "--help": as --help shows them
  std::vector<std::string> aliases;  // accepted, not shown ("-bail")
  std::string arg;                   // "QUERY"; empty: a flag
  std::string help;                  // --help's text; each '\n' starts an indented line
  std::string needs;                 // a missing argument: "option -c needs <needs>"
  std::string hint;                  // the help line of its usage errors ("e.g. icq -c \"list gpus\"")
  std::string sample;                // an argument it accepts (the tests parse every option with it)
  // Applies the option (the argument, empty for a flag); a usage error for a bad argument.
  std::optional<UsageError> (*set)(Options& o, const OptionSpec& self, const std::string& value);
};

const std::vector<OptionSpec>& option_table();

// Parses argv; returns the options or a usage error (exit code 2).
std::variant<Options, UsageError> parse_args(int argc, const char* const* argv);

std::string usage_text();

}  // namespace icq::cli
