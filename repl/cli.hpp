#pragma once
// Command-line options of the icq program.
#include <optional>
#include <variant>
#include <string>
#include <vector>

#include "icq/render.hpp"

namespace icq::cli {

struct Input {
  enum class Kind { query, file, stdin_ } kind;
  std::string text;  // the query, or the file path
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
};

struct UsageError {
  std::string message;
  std::string help;
};

// Parses argv; returns the options or a usage error (exit code 2).
std::variant<Options, UsageError> parse_args(int argc, const char* const* argv);

std::string usage_text();

}  // namespace icq::cli
