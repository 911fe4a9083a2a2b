// icq: the command-line host of the icq library — scripts, one-off queries and a REPL.
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <sstream>
#include <variant>

#include "cli.hpp"
#include "icq/icq.hpp"

namespace {

bool is_tty(int fd) { return ::isatty(fd) == 1; }

struct Host {
  icq::Format format = icq::Format::table;
  icq::RenderOptions render;
  bool color_errors = false;
  bool printed_result = false;

  void report(const icq::Diagnostic& d) const { std::cerr << icq::format_diagnostic(d, color_errors); }

  // Runs one text; prints results and diagnostics. Returns its exit code.
  int run(icq::Session& session, const std::string& text, const std::string& source) {
    const icq::Outcome out = session.run(text, source);
    for (const auto& r : out.results) {
      if (r.kind == "set" && session.format()) {
        format = *session.format();  // `set format` applies from the next result on
        continue;
      }
      if (printed_result && (format == icq::Format::table || format == icq::Format::markdown)) std::cout << "\n";
      std::cout << icq::render(r, format, render);
      printed_result = true;
    }
    std::cout.flush();
    for (const auto& d : out.diagnostics) report(d);
    return out.exit_code();
  }
};

bool read_file(const std::string& path, std::string& out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  std::ostringstream ss;
  ss << in.rdbuf();
  out = ss.str();
  return !in.bad();
}

int repl(icq::Session& session, Host& host) {
  std::cerr << "icq " << ICQ_VERSION_STRING << " — `help` lists the statements, Ctrl-D quits\n";
  std::string buffer, line;
  while (true) {
    std::cerr << (buffer.empty() ? "icq> " : "...> ") << std::flush;
    if (!std::getline(std::cin, line)) break;
    buffer += buffer.empty() ? line : "\n" + line;
    const icq::Outcome probe = session.run(buffer, "repl");
    // A parse error at the very end of the input means "keep typing".
    if (!probe.diagnostics.empty() && probe.diagnostics.front().incomplete && !line.empty()) continue;
    for (const auto& r : probe.results) std::cout << icq::render(r, host.format, host.render) << "\n";
    std::cout.flush();
    for (const auto& d : probe.diagnostics) host.report(d);
    buffer.clear();
  }
  std::cerr << "\n";
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  const auto parsed = icq::cli::parse_args(argc, argv);
  if (const auto* err = std::get_if<icq::cli::UsageError>(&parsed)) {
    std::cerr << "icq: " << err->message << "\n";
    if (!err->help.empty()) std::cerr << "help: " << err->help << "\n";
    return 2;
  }
  const auto& opts = std::get<icq::cli::Options>(parsed);
  if (opts.help) {
    std::cout << icq::cli::usage_text();
    return 0;
  }
  if (opts.version) {
    std::cout << "icq " << ICQ_VERSION_STRING << "\n";
    return 0;
  }

  Host host;
  const bool tty_out = is_tty(STDOUT_FILENO);
  const bool no_color = std::getenv("NO_COLOR") != nullptr && *std::getenv("NO_COLOR") != '\0';
  host.format = opts.format.value_or(icq::Format::table);
  host.render.unicode = tty_out;
  host.render.color = tty_out && !no_color;
  host.color_errors = is_tty(STDERR_FILENO) && !no_color;

  icq::SessionOptions so;
  so.data_paths = opts.data_paths;
  for (const auto& [k, v] : opts.params) so.params[k] = v;
  so.on_warning = [&](const icq::Diagnostic& d) { host.report(d); };
  if (is_tty(STDERR_FILENO))
    so.on_progress = [](std::size_t done, std::size_t total, std::string_view name) {
      if (total < 20) return;  // only long loads get a progress line
      std::cerr << "\rloading " << done << "/" << total << " " << (done == total ? std::string(60, ' ') : std::string(name.substr(0, 60)))
                << (done == total ? "\r" : "") << std::flush;
    };
  std::optional<icq::Session> session;
  try {
    session.emplace(std::move(so));
  } catch (const icq::Error& e) {
    host.report(e.diagnostic);
    return 2;
  }

  if (opts.inputs.empty()) {
    if (is_tty(STDIN_FILENO)) return repl(*session, host);
    std::ostringstream ss;
    ss << std::cin.rdbuf();
    return host.run(*session, ss.str(), "<stdin>");
  }
  for (const auto& in : opts.inputs) {
    int code = 0;
    switch (in.kind) {
      case icq::cli::Input::Kind::query: code = host.run(*session, in.text, "query"); break;
      case icq::cli::Input::Kind::stdin_: {
        std::ostringstream ss;
        ss << std::cin.rdbuf();
        code = host.run(*session, ss.str(), "<stdin>");
        break;
      }
      case icq::cli::Input::Kind::file: {
        std::string text;
        if (!read_file(in.text, text)) {
          std::cerr << "icq: cannot read script '" << in.text << "'\n";
          return 2;
        }
        code = host.run(*session, text, in.text);
        break;
      }
    }
    if (code != 0) return code;  // batch runs stop at the first error
  }
  return 0;
}
