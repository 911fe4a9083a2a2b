#pragma once
// The REPL's dot-commands, from one table that also writes `.help` and the usage lines.
#include <string>
#include <vector>

namespace icq::repl {

class Host;

struct DotCommand {
  const char* name;  // ".mode"
  const char* args;  // "table|markdown|csv|json|jsonl"
  const char* help;
  int (*run)(Host& host, const std::vector<std::string>& args, const std::string& line);
};

const std::vector<DotCommand>& dot_commands();

// The command a (possibly abbreviated) name means: exact, else a unique prefix; null otherwise.
const DotCommand* find_dot_command(const std::string& name, std::vector<std::string>* candidates = nullptr);

}  // namespace icq::repl
