#include "line_editor.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstdlib>
#include <cstring>
#include <iostream>

#include "interrupt.hpp"

#ifdef ICQ_HAVE_LIBEDIT
#include <editline/readline.h>
#endif

namespace icq::repl {

namespace {

constexpr int kHistoryCap = 1000;

class GetlineEditor final : public LineEditor {
 public:
  explicit GetlineEditor(bool prompt) : prompt_(prompt) {}
  std::optional<std::string> read(const std::string& prompt) override {
    if (prompt_) std::cerr << prompt << std::flush;
    std::string line;
    if (!std::getline(std::cin, line)) return std::nullopt;
    return line;
  }
  void remember(const std::string&) override {}

 private:
  bool prompt_;
};

#ifdef ICQ_HAVE_LIBEDIT
// Ctrl-C at the prompt must not end the session: the host's handler (interrupt.hpp) only records
// it (no SA_RESTART, so the terminal read returns), and read() reports an interrupted line
// instead of end of input.

// libedit's readline emulation keeps its state in globals; one editor per process.
Completer g_completer;
std::vector<std::string> g_matches;

char* next_match(const char*, int state) {
  static std::size_t i;
  if (state == 0) i = 0;
  return i < g_matches.size() ? strdup(g_matches[i++].c_str()) : nullptr;
}

char** complete_hook(const char* text, int start, int) {
  rl_attempted_completion_over = 1;  // never fall back to file names
  const std::string line(rl_line_buffer, static_cast<std::size_t>(start));
  g_matches = g_completer ? g_completer(line + text) : std::vector<std::string>{};
  if (g_matches.empty()) return nullptr;
  return rl_completion_matches(text, next_match);
}

class LibeditEditor final : public LineEditor {
 public:
  LibeditEditor(std::string history_file, Completer completer) : file_(std::move(history_file)) {
    g_completer = std::move(completer);
    rl_readline_name = "icq";
    rl_attempted_completion_function = complete_hook;
    rl_basic_word_break_characters = " \t\n,;()=";
    using_history();
    stifle_history(kHistoryCap);
    if (!file_.empty()) read_history(file_.c_str());
    interrupt::install();
  }
  ~LibeditEditor() override {
    save();
    interrupt::uninstall();
  }
  std::optional<std::string> read(const std::string& prompt) override {
    interrupted_ = false;
    interrupt::clear();  // a Ctrl-C that cancelled the last statement is spent
    char* line = readline(prompt.c_str());
    if (interrupt::requested()) {
      interrupt::clear();
      interrupted_ = true;
      std::free(line);
      std::cerr << "^C\n";
      return std::nullopt;
    }
    if (!line) return std::nullopt;
    std::string s(line);
    std::free(line);
    return s;
  }
  [[nodiscard]] bool interrupted() const override { return interrupted_; }
  void remember(const std::string& entry) override {
    if (entry.find_first_not_of(" \t") == std::string::npos) return;
    add_history(entry.c_str());
    save();  // as each line is entered: a killed session keeps its history
  }

 private:
  void save() {
    if (file_.empty()) return;
    // Create the file private to the user before libedit writes it.
    const int fd = ::open(file_.c_str(), O_CREAT | O_WRONLY, 0600);
    if (fd >= 0) ::close(fd);
    ::chmod(file_.c_str(), 0600);
    write_history(file_.c_str());
  }
  std::string file_;
  bool interrupted_ = false;
};
#endif

}  // namespace

std::string default_history_file() {
  if (const char* f = std::getenv("ICQ_HISTORY")) return f;
  if (const char* home = std::getenv("HOME")) return std::string(home) + "/.icq_history";
  return {};
}

std::unique_ptr<LineEditor> make_line_editor(bool interactive, const std::string& history_file, Completer completer) {
#ifdef ICQ_HAVE_LIBEDIT
  if (interactive) return std::make_unique<LibeditEditor>(history_file, std::move(completer));
#else
  (void)history_file;
  (void)completer;
#endif
  return std::make_unique<GetlineEditor>(interactive);
}

}  // namespace icq::repl
