#pragma once
// Reading lines: libedit (BSD licence) on a terminal, std::getline otherwise — behind one seam so
// the REPL does not care which.
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace icq::repl {

class LineEditor {
 public:
  virtual ~LineEditor() = default;
  // nullopt at end of input (Ctrl-D), or when Ctrl-C interrupted the line (interrupted() tells).
  virtual std::optional<std::string> read(const std::string& prompt) = 0;
  // Whether the last read ended with Ctrl-C: the REPL clears its input and prompts again.
  [[nodiscard]] virtual bool interrupted() const { return false; }
  virtual void remember(const std::string& entry) = 0;  // history
};

// Completion callback: the line left of the cursor -> candidate words for its last word.
using Completer = std::function<std::vector<std::string>(const std::string&)>;

// A libedit editor with history in `history_file` (created 0600, capped) when stdin is a terminal
// and libedit is available; a plain std::getline reader (no prompt echo, no history) otherwise.
std::unique_ptr<LineEditor> make_line_editor(bool interactive, const std::string& history_file, Completer completer);

// ~/.icq_history, or $ICQ_HISTORY.
std::string default_history_file();

}  // namespace icq::repl
