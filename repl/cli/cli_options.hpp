#pragma once
// Command-line options of the icq program: its table for the one parser (common/options.hpp), from
// which --help and the "did you mean" of an unknown option come too.
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "bootstrap.hpp"
#include "icq/render.hpp"
#include "options.hpp"

namespace icq::cli {

struct Input {
  enum class Kind { query, file, stdin_ } kind;
  std::string text;  // the query, or the file path
  bool operator==(const Input&) const = default;
};

struct Options {
  std::vector<Input> inputs;  // in command-line order
  hosts::DataChoice data;     // --data, --cache, --no-cache, -D
  std::optional<Format> format;
  std::optional<std::string> output;  // --output FILE (FILE.png: the PNG of the last chart)
  bool log_x = false, log_y = false;  // --chart-log x|y|xy
  bool help = false, version = false;
  bool bail = true;     // --bail (default) / --no-bail
  bool strict = false;  // --strict: any data warning exits 2
  // `icq [options] fetch|mcp|serve …`: the command word, and the arguments it gets (those before the
  // word, then those after it).
  std::optional<std::string> command;
  std::vector<std::string> command_args;
  bool operator==(const Options&) const = default;
};

// The table of icq's options, setting `o`.
std::vector<hosts::Option> option_table(Options& o);

// Parses argv; returns the options or a usage error (exit code 2).
std::variant<Options, hosts::UsageError> parse_args(int argc, const char* const* argv);

std::string usage_text();

}  // namespace icq::cli
