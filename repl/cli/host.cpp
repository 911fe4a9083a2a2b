#include "host.hpp"

#include <fcntl.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <iostream>
#include <sstream>

#include <optional>
#include <tuple>

#include "dot_commands.hpp"
#include "helpers.hpp"
#include "interrupt.hpp"
#include "line_editor.hpp"

namespace icq::repl {

namespace {

bool is_dot_line(const std::string& line) {
  const auto p = line.find_first_not_of(" \t");
  return p != std::string::npos && line[p] == '.' && line.size() > p + 1 && std::isalpha(static_cast<unsigned char>(line[p + 1]));
}

std::vector<std::string> words(const std::string& s) {
  std::istringstream in(s);
  std::vector<std::string> w;
  for (std::string x; in >> x;) w.push_back(x);
  return w;
}

// Stdout's size in cells as the terminal reports it; {0, 0} when it does not.
std::pair<int, int> stdout_cells() {
  winsize ws{};
  if (::ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0) return {ws.ws_col, ws.ws_row};
  return {0, 0};
}

// The terminal's size in cells (80 x 24 when stdout is not a terminal).
std::pair<int, int> terminal_size() {
  const auto [cols, rows] = stdout_cells();
  return cols > 0 && rows > 0 ? std::pair{cols, rows} : std::pair{80, 24};
}

// The width results wrap to on a terminal: TIOCGWINSZ, else $COLUMNS, else none (0).
int terminal_columns() {
  if (const int cols = stdout_cells().first; cols > 0) return cols;
  const char* env = std::getenv("COLUMNS");
  const int n = env ? std::atoi(env) : 0;
  return n > 0 ? n : 0;
}

// Why `path` cannot be created or written, as the system says it ("" when it can): asked before
// the PNG is made, without leaving a file behind.
std::string unwritable(const std::string& path) {
  int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
  if (fd >= 0) {
    ::close(fd);
    ::unlink(path.c_str());
    return {};
  }
  if (errno == EEXIST) fd = ::open(path.c_str(), O_WRONLY | O_CLOEXEC);  // there already: may it be replaced?
  if (fd >= 0) {
    ::close(fd);
    return {};
  }
  return std::strerror(errno);
}

bool ends_with_png(const std::string& path) {
  if (path.size() < 4) return false;
  std::string ext = path.substr(path.size() - 4);
  for (auto& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return ext == ".png";
}

}  // namespace

Host::Host(Session& session, HostOptions options) : session_(session), opt_(options), output_(options.format) {}

std::ostream& Host::out() { return file_.is_open() ? static_cast<std::ostream&>(file_) : std::cout; }

void Host::report(const Diagnostic& d) const {
  // A REPL statement typed over several lines has a continuation backslash the host put at the end
  // of each but the last: the caret shows the line as it was typed.
  if (d.span.source == "repl" && d.span.line >= 1 && d.span.line <= continued_.size() && continued_[d.span.line - 1] &&
      !d.span.line_text.empty() && d.span.line_text.back() == '\\') {
    Diagnostic typed = d;
    typed.span.line_text.pop_back();
    std::cerr << format_diagnostic(typed, opt_.color_errors);
    return;
  }
  std::cerr << format_diagnostic(d, opt_.color_errors);
}

void Host::report_error(const Diagnostic& d) {
  report(d);
  output_.failed(d);
}

bool Host::interrupted() const { return interrupted_ || interrupt::requested(); }

std::string Host::set_output(const std::string& path) {
  file_.close();
  file_.clear();
  png_.clear();
  png_chartless_.clear();
  png_charts_ = 0;
  if (path.empty() || path == "stdout") return {};
  if (ends_with_png(path)) {
    std::string why = unwritable(path);
    if (why.empty()) png_ = path;
    return why;
  }
  errno = 0;
  file_.open(path, std::ios::binary | std::ios::trunc);
  file_path_ = path;
  if (file_) return {};
  return errno ? std::strerror(errno) : "it cannot be opened for writing";
}

int Host::end_png() {
  const bool failed = !png_.empty() && png_charts_ == 0 && !png_chartless_.empty();
  if (failed) report_error(hosts::no_chart("'" + png_ + "'", png_chartless_));
  png_chartless_.clear();
  png_charts_ = 0;
  return failed ? 2 : 0;
}

int Host::write_png(const Result& r) {
  if (png_.empty() || hosts::changes_session(r)) return 0;
  if (!has_chart(r)) {
    png_chartless_.push_back(hosts::chartless(r));
    return 0;
  }
  if (++png_charts_ == 2)
    std::cerr << "icq: note: '" << png_ << "' holds one chart: each replaces the one before (--format html keeps them all)\n";
  RenderOptions o;
  o.log_x = opt_.log_x, o.log_y = opt_.log_y;
  // icq-png rasterises the SVG (librsvg stays out of icq) and says why when it cannot.
  const int code = hosts::run_helper(hosts::png_helper, {png_}, render(r, Format::svg, o));
  return code == 0 || code == 130 ? code : 2;
}

void Host::plot_one(const Result& r, const RenderOptions& options) {
  if (has_chart(r)) {
    RenderOptions o = options;
    std::tie(o.columns, o.rows) = terminal_size();
    out() << output_.drawn(render_plot(r, o));
    return;
  }
  if (kind_info(r.kind).shows_data)
    std::cerr << "plot: a " << kind_name(r.kind) << " result has no chart (compare, frontier, trend and points do); it prints as a table\n";
  const Format f = output_.format() != Format::table && output_.format() != Format::markdown ? Format::table : output_.format();
  out() << output_.shown(r, f, options);
}

int Host::run_icq(const std::string& text, const std::string& source) {
  const auto start = std::chrono::steady_clock::now();
  Outcome o;
  {
    const interrupt::Cancels cancels(session_);  // Ctrl-C now stops the statement, not the host
    o = session_.run(text, source, opt_.bail);
  }
  const bool cancelled = o.exit_code() == 130;
  interrupted_ = interrupted_ || cancelled || interrupt::requested();
  if (cancelled && ::isatty(STDERR_FILENO)) std::cerr << "\n";  // past the terminal's echo of ^C
  const bool to_file = file_.is_open();
  RenderOptions options;
  options.unicode = opt_.tty_out && !to_file;
  if (options.unicode) options.columns = terminal_columns();  // only a terminal wraps: pipes and files never
  options.color = opt_.color && !to_file;
  options.log_x = opt_.log_x, options.log_y = opt_.log_y;
  int code = 0;
  for (const auto& r : o.results) {
    if (!r.effects.format) code = gravest(code, write_png(r));
    if (r.effects.plot) plot_one(r, options);  // `plot STATEMENT`: its chart in the terminal
    else out() << output_.next(r, options);    // json, svg and html in batch: gathered, written by finish()
  }
  out().flush();
  for (const auto& d : output_.errors()) report_error(d), code = gravest(code, 2);  // the REPL's svg of a result without a chart
  for (const auto& d : o.diagnostics) {
    report_error(d);
    // A load's warnings about its files count as the data's do at start (--strict).
    if (opt_.strict && d.severity == Severity::warning) code = gravest(code, 2);
  }
  if (timer_) std::cerr << "Run Time: " << std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count() << " s\n";
  return gravest(o.exit_code(), code);
}

int Host::finish() {
  int code = end_png();
  RenderOptions o;
  o.log_x = opt_.log_x, o.log_y = opt_.log_y;
  std::vector<std::string> notes;
  const std::string rest = output_.finish(o, notes);
  for (const auto& n : notes) std::cerr << "icq: note: " << n << "\n";
  for (const auto& d : output_.errors()) report(d), code = 2;  // an SVG asked for that no result can draw
  out() << rest;
  out().flush();
  // --output FILE of a document that could not be made: no empty FILE left behind.
  if (code == 2 && file_.is_open() && file_.tellp() == 0) {
    file_.close();
    std::remove(file_path_.c_str());
  }
  return code;
}

int Host::dot_error(std::size_t at, std::size_t length, std::string message, std::string help) {
  Diagnostic d;
  d.kind = ErrorKind::usage;
  d.message = std::move(message);
  d.help = std::move(help);
  d.span.source = dot_source_;
  d.span.line = static_cast<std::uint32_t>(dot_line_no_);
  d.span.line_text = dot_line_;
  at = std::min(at, dot_line_.size());
  d.span.offset = static_cast<std::uint32_t>(at);
  d.span.column = static_cast<std::uint32_t>(at + 1);
  d.span.length = static_cast<std::uint32_t>(std::min(length, dot_line_.size() - at));
  report_error(d);
  return 2;
}

int Host::run_dot(const std::string& line, const std::string& source, std::size_t line_no) {
  dot_source_ = source;
  dot_line_no_ = line_no;
  dot_line_ = line.substr(0, line.find_last_not_of("\r\n") + 1);
  const auto w = words(dot_line_);
  std::vector<std::string> candidates;
  const DotCommand* cmd = find_dot_command(w[0], &candidates);
  if (!cmd) {
    const bool ambiguous = candidates.size() > 1;  // a prefix of several
    if (!ambiguous) {
      std::vector<std::string> names;
      for (const auto& c : dot_commands()) names.emplace_back(c.name);
      candidates = icq::closest_words(w[0], names);
    }
    const std::string dym = icq::did_you_mean(candidates);
    return dot_error(dot_line_.find(w[0]), w[0].size(), (ambiguous ? "ambiguous" : "unknown") + std::string(" command '") + w[0] + "'",
                     dym.empty() ? ".help lists the commands" : dym);
  }
  return cmd->run(*this, std::vector<std::string>(w.begin() + 1, w.end()), std::string(dot_line_));  // a copy: .read nests
}

int gravest(int a, int b) {
  auto rank = [](int c) { return c == 130 ? 4 : c == 2 ? 3 : c == 1 ? 2 : c == 3 ? 1 : 0; };
  return rank(a) >= rank(b) ? a : b;
}

int Host::run_script(const std::string& text, const std::string& source) {
  // Dot-command lines run in place; the icq text between them runs with every earlier line kept
  // as an empty line, so diagnostics name the script's own line and column.
  std::istringstream in(text);
  std::string line, pending, padding;
  std::size_t line_no = 0;
  int worst = 0;
  const auto stops = [&](int code) { return interrupted() || (opt_.bail && (code == 1 || code == 2)); };
  auto flush = [&]() {
    int code = 0;
    if (pending.find_first_not_of(" \t\r\n;") != std::string::npos) code = run_icq(padding + pending, source);
    padding += std::string(static_cast<std::size_t>(std::count(pending.begin(), pending.end(), '\n')), '\n');
    pending.clear();
    return code;
  };
  while (std::getline(in, line)) {
    ++line_no;
    if (!is_dot_line(line)) {
      pending += line + "\n";
      continue;
    }
    worst = gravest(worst, flush());
    if (stops(worst)) return worst;
    worst = gravest(worst, run_dot(line, source, line_no));
    padding += "\n";
    if (stops(worst) || quit_) return worst;
  }
  return gravest(worst, flush());
}

std::optional<std::set<std::string>> Host::parameters(const std::string& text, int depth) const {
  if (depth > 16) return std::nullopt;  // .read in a loop: the run says so
  std::istringstream in(text);
  std::string line, icq_text;
  std::set<std::string> names;
  while (std::getline(in, line)) {
    if (!is_dot_line(line)) {
      icq_text += line + "\n";
      continue;
    }
    icq_text += "\n";
    const auto w = words(line);
    if (w.size() == 2 && find_dot_command(w[0]) == find_dot_command(".read")) {
      std::ifstream f(w[1], std::ios::binary);
      std::ostringstream ss;
      if (!(ss << f.rdbuf())) return std::nullopt;
      const auto inner = parameters(ss.str(), depth + 1);
      if (!inner) return std::nullopt;
      names.insert(inner->begin(), inner->end());
    }
  }
  const auto own = session_.parameters(icq_text);
  if (!own) return std::nullopt;
  names.insert(own->begin(), own->end());
  return names;
}

namespace {

bool ends_with_backslash(const std::string& line) {
  const auto p = line.find_last_not_of(" \t\r");
  return p != std::string::npos && line[p] == '\\';
}

}  // namespace

int Host::repl(bool interactive) {
  output_.set_streaming(interactive);
  std::unique_ptr<LineEditor> editor =
      make_line_editor(interactive, interactive ? default_history_file() : std::string{}, [this](const std::string& line) {
        if (is_dot_line(line) && line.find(' ') == std::string::npos) {
          std::vector<std::string> c;
          for (const auto& d : dot_commands())
            if (std::string(d.name).rfind(line.substr(line.find('.')), 0) == 0) c.push_back(d.name);
          return c;
        }
        return session_.complete(line);
      });
  if (interactive) std::cerr << "icq " << ICQ_VERSION_STRING << " — `help` lists the statements, `.help` the commands, Ctrl-D quits\n";
  std::string buffer;
  int last = 0;
  while (!quit_) {
    interrupted_ = false;  // a Ctrl-C stops one statement (or one .read), never the REPL
    const auto line = editor->read(buffer.empty() ? "icq> " : "...> ");
    if (!line && editor->interrupted()) {
      buffer.clear();  // Ctrl-C drops the current input and any pending continuation
      continued_.clear();
      continue;
    }
    if (!line) {
      if (!buffer.empty()) std::cerr << "\n(the unfinished statement was discarded)";
      break;
    }
    if (buffer.empty() && is_dot_line(*line)) {
      editor->remember(*line);
      last = run_dot(*line, "repl", 1);
      continue;
    }
    // Lines of one statement join as a script writes them: a backslash and a newline (a bare
    // newline would end the statement), so a `--` comment ends with its line and a diagnostic
    // names the line and column typed. A line ending in a backslash asks for the next line.
    buffer += *line;
    if (ends_with_backslash(*line)) {
      buffer += "\n";
      continued_.push_back(false);
      continue;
    }
    // A parse error at the very end of the input means "keep typing": the statement continues.
    if (!line->empty()) {
      const Outcome probe = session_.check(buffer);
      if (!probe.diagnostics.empty() && probe.diagnostics.front().incomplete) {
        buffer += "\\\n";
        continued_.push_back(true);
        continue;
      }
    }
    editor->remember(buffer);
    last = run_icq(buffer, "repl");
    buffer.clear();
    continued_.clear();
  }
  if (interactive) std::cerr << "\n";
  const int ended = end_png();  // a .png output left open that got no chart
  return interactive ? 0 : gravest(last, ended);
}

}  // namespace icq::repl
