// icq: the command-line host of the icq library — scripts, one-off queries and a REPL.
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <ctime>
#include <fstream>
#include <iostream>
#include <optional>
#include <sstream>
#include <string_view>
#include <variant>
#include <vector>

#include "bootstrap.hpp"
#include "cli_options.hpp"
#include "helpers.hpp"
#include "host.hpp"
#include "icq/icq.hpp"
#include "interrupt.hpp"

namespace {

bool is_tty(int fd) { return ::isatty(fd) == 1; }

std::optional<std::string> slurp(std::istream& in) {
  std::ostringstream ss;
  ss << in.rdbuf();
  if (in.bad()) return std::nullopt;
  return ss.str();
}

}  // namespace

int main(int argc, char** argv) {
  const auto parsed = icq::cli::parse_args(argc, argv);
  if (const auto* err = std::get_if<icq::hosts::UsageError>(&parsed)) {
    std::cerr << "icq: " << err->message << "\n";
    if (!err->help.empty()) std::cerr << "help: " << err->help << "\n";
    return 2;
  }
  const auto& opts = std::get<icq::cli::Options>(parsed);
  // `icq [options] fetch …` (the only command that touches the network) and `icq mcp` (the Model
  // Context Protocol server on stdio, for AI assistants) are programs of their own (helpers.hpp).
  if (opts.command)
    return icq::hosts::run_helper(*opts.command == "fetch" ? icq::hosts::fetch_helper : icq::hosts::mcp_helper, opts.command_args);
  if (opts.help) {
    std::cout << icq::cli::usage_text();
    return 0;
  }
  if (opts.version) {
    std::cout << "icq " << ICQ_VERSION_STRING << "\n";
    return 0;
  }

  const char* no_color_env = std::getenv("NO_COLOR");
  const bool no_color = no_color_env != nullptr && *no_color_env != '\0';
  icq::repl::HostOptions ho;
  ho.format = opts.format.value_or(icq::Format::table);
  ho.bail = opts.bail;
  ho.strict = opts.strict;
  ho.tty_out = is_tty(STDOUT_FILENO);
  ho.color = ho.tty_out && !no_color;
  ho.color_errors = is_tty(STDERR_FILENO) && !no_color;
  ho.log_x = opts.log_x, ho.log_y = opts.log_y;

  icq::SessionOptions so = icq::hosts::session_options(opts.data, std::time(nullptr));
  // Data problems are reported as they load. Broken or unrecognised files make the run exit 2 after
  // its results; a partly bad file (its good rows kept) only warns, like a compiler, unless --strict;
  // notes (skipped non-benchmark documents, units) never count.
  bool data_problems = false;
  // The cache loads with the built-in data, whose notes (fields icq ignores) a run never shows.
  bool quiet_notes = !so.extra_paths.empty();
  so.on_warning = [&](const icq::Diagnostic& d) {
    if (quiet_notes && d.severity == icq::Severity::note) return;
    data_problems = data_problems || d.severity == icq::Severity::error || (opts.strict && d.severity == icq::Severity::warning);
    std::cerr << icq::format_diagnostic(d, ho.color_errors);
  };
  if (is_tty(STDERR_FILENO))
    so.on_progress = [start = std::chrono::steady_clock::now(), shown = false](std::size_t done, std::size_t total,
                                                                               std::string_view name) mutable {
      // Only long loads get a progress line: many files, or any load past a quarter of a second
      // (a history of a few large files takes seconds per file).
      if (!shown && total < 20 && std::chrono::steady_clock::now() - start < std::chrono::milliseconds(250)) return;
      shown = true;
      std::cerr << "\rloading " << done << "/" << total << " " << std::string(name.substr(0, 60)) << "\x1b[K"
                << (done == total ? "\r\x1b[K" : "") << std::flush;
    };
  const std::unique_ptr<icq::Session> session = icq::hosts::open_session(std::move(so), ho.color_errors);
  if (!session) return 2;
  quiet_notes = false;
  // From here Ctrl-C cancels the statement running (the REPL prompts again; a batch run stops after
  // what finished and exits 130); while the data loads above, it ends the process as usual.
  icq::repl::interrupt::install();
  icq::repl::Host host(*session, ho);
  if (opts.output && !host.set_output(*opts.output)) {
    std::cerr << "icq: cannot write '" << *opts.output << "'\n";
    return 2;
  }

  if (opts.inputs.empty()) {
    if (is_tty(STDIN_FILENO)) return host.repl(true);
    // Not a terminal: stdin is a script, run in batch (no prompt, no history).
    const auto text = slurp(std::cin);
    if (host.interrupted()) return 130;
    const int code = text ? host.run_script(*text, "<stdin>") : 2;
    host.finish();
    return host.interrupted() ? 130 : icq::repl::gravest(code, data_problems ? 2 : 0);
  }
  int worst = 0;
  for (const auto& in : opts.inputs) {
    if (host.interrupted()) break;
    int code = 0;
    switch (in.kind) {
      case icq::cli::Input::Kind::query: code = host.run_script(in.text, "query"); break;
      case icq::cli::Input::Kind::stdin_: {
        const auto text = slurp(std::cin);
        code = text ? host.run_script(*text, "<stdin>") : 2;
        break;
      }
      case icq::cli::Input::Kind::file: {
        std::ifstream f(in.text, std::ios::binary);
        const auto text = f ? slurp(f) : std::nullopt;
        if (!text) {
          std::cerr << "icq: cannot read script '" << in.text << "'\n";
          code = 2;
        } else {
          code = host.run_script(*text, in.text);
        }
        break;
      }
    }
    worst = icq::repl::gravest(worst, code);
    if (opts.bail && (code == 1 || code == 2)) break;
  }
  host.finish();
  return host.interrupted() ? 130 : icq::repl::gravest(worst, data_problems ? 2 : 0);
}
