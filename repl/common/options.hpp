#pragma once
// The one command-line parser of icq and its commands (icq, icq fetch, icq mcp, icq serve, icq-png): each
// command writes a table of its options, and the parser, --help's option lines and the "did you
// mean" of an unknown option are all generated from that table.
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

namespace icq::hosts {

// A usage error: the message ("unknown option '--fromat'") and its help line.
struct UsageError {
  std::string message;
  std::string help;
};

struct Option;
// Applies an option (its argument, empty for a flag) to the options it was made for; a usage
// error for a bad argument.
using Setter = std::function<std::optional<UsageError>(const Option& self, const std::string& value)>;

// One option: every spelling, its argument, its --help text and what it sets.
struct Option {
  std::vector<std::string> names;    // "-h", "--help": as --help shows them
  std::vector<std::string> aliases;  // accepted, not shown ("-bail")
  std::string arg;                   // "QUERY"; empty: a flag
  std::string help;                  // --help's text; each '\n' starts an indented line
  std::string needs;                 // a missing argument: "option -c needs <needs>"
  std::string hint;                  // the help line of its usage errors ("e.g. icq -c \"list gpus\"")
  std::string sample;                // an argument it accepts (the tests parse every option with it)
  Setter set;
};

// "option NAME needs <self.needs>", with the option's hint: the error of a missing or bad argument.
UsageError needs(const Option& self, std::string_view name);

// What a word that is not an option does: taken (go on), or the end of the options (a command
// word that takes the rest), or a usage error.
enum class Operand { taken, stop };
using OperandFn = std::function<std::variant<Operand, UsageError>(int index, const std::string& word)>;

// Parses argv[1..argc) against `table`: `--name VALUE`, `--name=VALUE`, `-XVALUE` (a short option
// glued to its argument, as -DNAME=VALUE) and flags; every other word goes to `operand`, in order.
// `command` names the command in the "see … --help" of an unknown option ("icq fetch").
std::optional<UsageError> parse(const std::vector<Option>& table, int argc, const char* const* argv, const OperandFn& operand,
                                std::string_view command);

// The option lines of --help: "  NAMES ARG" padded to one column, then the text.
std::string options_help(const std::vector<Option>& table);

// Setters of the usual kinds.
Setter set_flag(bool& field, bool value = true);
Setter set_text(std::optional<std::string>& field);                          // an argument that must not be empty (a path)
Setter add_text(std::vector<std::string>& list);                             // repeatable
Setter set_whole(long& field, long lo, long hi);                             // a whole number in [lo, hi]
Setter set_positive(double& field, double hi);                               // a number in (0, hi] (seconds)
Setter add_param(std::vector<std::pair<std::string, std::string>>& params);  // NAME=VALUE

}  // namespace icq::hosts
