#include "line_editor.hpp"

#include <dlfcn.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstdlib>
#include <cstring>
#include <iostream>
#include <type_traits>

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
// libedit is opened when an interactive session starts, not linked: linked, every `icq -c` loaded
// it and the three libraries it needs (libtinfo, libbsd, libmd), 7% of a cold compare's
// instructions and 30 of its page faults, for a prompt it never shows.
struct Libedit {
  decltype(&::readline) readline = nullptr;
  decltype(&::using_history) using_history = nullptr;
  decltype(&::add_history) add_history = nullptr;
  decltype(&::stifle_history) stifle_history = nullptr;
  decltype(&::read_history) read_history = nullptr;
  decltype(&::write_history) write_history = nullptr;
  decltype(&::rl_completion_matches) rl_completion_matches = nullptr;
  decltype(&::rl_readline_name) rl_readline_name = nullptr;
  decltype(&::rl_line_buffer) rl_line_buffer = nullptr;
  decltype(&::rl_basic_word_break_characters) rl_basic_word_break_characters = nullptr;
  decltype(&::rl_attempted_completion_function) rl_attempted_completion_function = nullptr;
  decltype(&::rl_attempted_completion_over) rl_attempted_completion_over = nullptr;

  // Null, with why in `why`, when the library or one of its names is missing.
  static const Libedit* open(std::string& why) {
    static Libedit lib;
    static const std::string error = lib.load();
    why = error;
    return error.empty() ? &lib : nullptr;
  }

 private:
  std::string load() {
    void* h = ::dlopen(ICQ_LIBEDIT_SONAME, RTLD_NOW | RTLD_LOCAL);
    if (!h) return ::dlerror();
    std::string missing;
    const auto find = [&](auto& slot, const char* name) {
      slot = reinterpret_cast<std::remove_reference_t<decltype(slot)>>(::dlsym(h, name));
      if (!slot) missing += std::string(missing.empty() ? "" : ", ") + name;
    };
    find(readline, "readline"), find(using_history, "using_history"), find(add_history, "add_history");
    find(stifle_history, "stifle_history"), find(read_history, "read_history"), find(write_history, "write_history");
    find(rl_completion_matches, "rl_completion_matches"), find(rl_readline_name, "rl_readline_name");
    find(rl_line_buffer, "rl_line_buffer"), find(rl_basic_word_break_characters, "rl_basic_word_break_characters");
    find(rl_attempted_completion_function, "rl_attempted_completion_function");
    find(rl_attempted_completion_over, "rl_attempted_completion_over");
    return missing.empty() ? std::string() : std::string(ICQ_LIBEDIT_SONAME) + " lacks " + missing;
  }
};

// Ctrl-C at the prompt must not end the session: the host's handler (interrupt.hpp) only records
// it (no SA_RESTART, so the terminal read returns), and read() reports an interrupted line
// instead of end of input.

// libedit's readline emulation keeps its state in globals; one editor per process.
const Libedit* g_lib = nullptr;
Completer g_completer;
std::vector<std::string> g_matches;

char* next_match(const char*, int state) {
  static std::size_t i;
  if (state == 0) i = 0;
  return i < g_matches.size() ? strdup(g_matches[i++].c_str()) : nullptr;
}

char** complete_hook(const char* text, int start, int) {
  *g_lib->rl_attempted_completion_over = 1;  // never fall back to file names
  const std::string line(*g_lib->rl_line_buffer, static_cast<std::size_t>(start));
  g_matches = g_completer ? g_completer(line + text) : std::vector<std::string>{};
  if (g_matches.empty()) return nullptr;
  return g_lib->rl_completion_matches(text, next_match);
}

class LibeditEditor final : public LineEditor {
 public:
  LibeditEditor(const Libedit& lib, std::string history_file, Completer completer) : lib_(lib), file_(std::move(history_file)) {
    g_lib = &lib_;
    g_completer = std::move(completer);
    *lib_.rl_readline_name = "icq";
    *lib_.rl_attempted_completion_function = complete_hook;
    *lib_.rl_basic_word_break_characters = " \t\n,;()=";
    lib_.using_history();
    lib_.stifle_history(kHistoryCap);
    if (!file_.empty()) lib_.read_history(file_.c_str());
    interrupt::install();
  }
  ~LibeditEditor() override {
    save();
    interrupt::uninstall();
  }
  std::optional<std::string> read(const std::string& prompt) override {
    interrupted_ = false;
    interrupt::clear();  // a Ctrl-C that cancelled the last statement is spent
    char* line = lib_.readline(prompt.c_str());
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
    lib_.add_history(entry.c_str());
    save();  // as each line is entered: a killed session keeps its history
  }

 private:
  void save() {
    if (file_.empty()) return;
    // Create the file private to the user before libedit writes it.
    const int fd = ::open(file_.c_str(), O_CREAT | O_WRONLY, 0600);
    if (fd >= 0) ::close(fd);
    ::chmod(file_.c_str(), 0600);
    lib_.write_history(file_.c_str());
  }
  const Libedit& lib_;
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
  if (interactive) {
    std::string why;
    if (const Libedit* lib = Libedit::open(why)) return std::make_unique<LibeditEditor>(*lib, history_file, std::move(completer));
    std::cerr << "icq: no line editing, completion or history (" << why << "); on Debian: apt install libedit2\n";
  }
#else
  (void)history_file;
  (void)completer;
#endif
  return std::make_unique<GetlineEditor>(interactive);
}

}  // namespace icq::repl
