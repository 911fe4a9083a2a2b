// icq: the command-line host of the icq library — scripts, one-off queries and a REPL.
#include <unistd.h>

#include <cctype>
#include <chrono>
#include <cstdlib>
#include <ctime>
#include <fstream>
#include <iostream>
#include <optional>
#include <set>
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

// The text of each input, read before any runs (nullopt: it cannot be read; the run says so).
std::vector<std::optional<std::string>> read_inputs(const std::vector<icq::cli::Input>& inputs) {
  std::vector<std::optional<std::string>> texts;
  for (const auto& in : inputs) {
    switch (in.kind) {
      case icq::cli::Input::Kind::query: texts.emplace_back(in.text); break;
      case icq::cli::Input::Kind::stdin_: texts.push_back(slurp(std::cin)); break;
      case icq::cli::Input::Kind::file: {
        std::ifstream f(in.text, std::ios::binary);
        texts.push_back(f ? slurp(f) : std::nullopt);
        break;
      }
    }
  }
  return texts;
}

// -D NAME=VALUE sets a parameter of the scripts run: one that none of them declares (`param NAME =
// …`) or uses ($NAME) would be ignored, so it is an error naming theirs (2) before anything runs.
// Inputs that cannot be read or parsed leave the check to the run, which says what is wrong.
int check_params(const icq::cli::Options& opts, const icq::repl::Host& host, const std::vector<std::optional<std::string>>& texts) {
  std::set<std::string> known;
  for (const auto& text : texts) {
    const auto names = text ? host.parameters(*text) : std::nullopt;
    if (!names) return 0;
    known.insert(names->begin(), names->end());
  }
  const std::vector<std::string> names(known.begin(), known.end());
  const auto& in = opts.inputs;
  const std::string subject = in.size() != 1                               ? "the scripts and queries run"
                              : in[0].kind == icq::cli::Input::Kind::file  ? "'" + in[0].text + "'"
                              : in[0].kind == icq::cli::Input::Kind::query ? "the query"
                                                                           : "the script on stdin";
  for (const auto& [name, value] : opts.data.params) {
    if (known.count(name)) continue;
    std::cerr << "icq: -D " << name << "=" << value << ": " << subject << " has no parameter '" << name << "'\n";
    std::string list;
    for (const auto& n : names) list += (list.empty() ? "$" : ", $") + n;
    const std::string dym = icq::did_you_mean(icq::closest_words(name, names));
    std::cerr << "help: " << (dym.empty() ? "" : dym + " ")
              << (names.empty() ? "it has none: -D sets what `param NAME = VALUE` declares or $NAME uses" : "its parameters: " + list)
              << "\n";
    return 2;
  }
  return 0;
}

// --output FILE.svg, .html, .json, .jsonl, .csv or .md without --format: the format its name says,
// as FILE.png gets the PNG (table text in a file named chart.svg is not what it says it is).
std::optional<icq::Format> format_of_file(const std::string& path) {
  const auto dot = path.find_last_of('.');
  if (dot == std::string::npos || path.find('/', dot) != std::string::npos) return std::nullopt;
  std::string ext = path.substr(dot + 1);
  for (auto& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (ext == "md") return icq::Format::markdown;
  if (ext == "htm") return icq::Format::html;
  if (ext == "svg" || ext == "html" || ext == "json" || ext == "jsonl" || ext == "csv") return icq::parse_format(ext);
  return std::nullopt;
}

// `icq [options] fetch …` (the network client), `icq mcp` (the Model Context Protocol server on
// stdio, for AI assistants) and `icq serve` (the HTTP server) are programs of their own (helpers.hpp);
// --help and --version need no data either. The exit code, or nullopt to go on.
std::optional<int> run_without_data(const icq::cli::Options& opts) {
  if (opts.command)
    return icq::hosts::run_helper(*opts.command == "fetch" ? icq::hosts::fetch_helper
                                  : *opts.command == "mcp" ? icq::hosts::mcp_helper
                                                           : icq::hosts::serve_helper,
                                  opts.command_args);
  if (opts.help) {
    std::cout << icq::cli::usage_text();
    return 0;
  }
  if (opts.version) {
    std::cout << "icq " << ICQ_VERSION_STRING << "\n";
    return 0;
  }
  return std::nullopt;
}

icq::repl::HostOptions host_options(const icq::cli::Options& opts) {
  const char* no_color_env = std::getenv("NO_COLOR");
  const bool no_color = no_color_env != nullptr && *no_color_env != '\0';
  icq::repl::HostOptions ho;
  ho.format = opts.format ? *opts.format : opts.output ? format_of_file(*opts.output).value_or(icq::Format::table) : icq::Format::table;
  ho.bail = opts.bail;
  ho.strict = opts.strict;
  ho.tty_out = is_tty(STDOUT_FILENO);
  ho.color = ho.tty_out && !no_color;
  ho.color_errors = is_tty(STDERR_FILENO) && !no_color;
  ho.log_x = opts.log_x, ho.log_y = opts.log_y;
  return ho;
}

// Data problems are reported as they load. Broken or unrecognised files make the run exit 2 after
// its results; a partly bad file (its good rows kept) only warns, like a compiler, unless --strict;
// notes (skipped non-benchmark documents, units) never count.
struct DataProblems {
  bool any = false;
  // The cache loads with the built-in data, whose notes (fields icq ignores) a run never shows.
  bool quiet_notes = false;
};

// The session on the data the options name, its problems reported to `problems` (which outlives it).
std::unique_ptr<icq::Session> open_data(const icq::cli::Options& opts, const icq::repl::HostOptions& ho, DataProblems& problems) {
  auto chosen = icq::hosts::reported_session_options(opts.data, std::time(nullptr), ho.color_errors);
  if (!chosen) return nullptr;
  icq::SessionOptions so = std::move(*chosen);
  problems.quiet_notes = !so.extra_paths.empty();
  so.on_warning = [&problems, &opts, &ho](const icq::Diagnostic& d) {
    if (problems.quiet_notes && d.severity == icq::Severity::note) return;
    problems.any = problems.any || d.severity == icq::Severity::error || (opts.strict && d.severity == icq::Severity::warning);
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
  std::unique_ptr<icq::Session> session = icq::hosts::open_session(std::move(so), ho.color_errors);
  problems.quiet_notes = false;
  return session;
}

// No inputs and stdin not a terminal: stdin is a script, run in batch (no prompt, no history).
int run_stdin_script(icq::repl::Host& host, const icq::cli::Options& opts, const DataProblems& problems) {
  const auto text = slurp(std::cin);
  if (host.interrupted()) return 130;
  icq::cli::Options as_script = opts;
  as_script.inputs = {{icq::cli::Input::Kind::stdin_, "-"}};
  if (const int bad = check_params(as_script, host, {text})) return bad;
  const int code = text ? host.run_script(*text, "<stdin>") : 2;
  const int finished = host.finish();
  return host.interrupted() ? 130 : icq::repl::gravest(icq::repl::gravest(code, finished), problems.any ? 2 : 0);
}

// The queries and scripts the command line names, in order; the exit code is the gravest of theirs.
int run_inputs(icq::repl::Host& host, const icq::cli::Options& opts, const DataProblems& problems) {
  const auto texts = read_inputs(opts.inputs);
  if (host.interrupted()) return 130;
  if (const int bad = check_params(opts, host, texts)) return bad;
  int worst = 0;
  for (std::size_t i = 0; i < opts.inputs.size(); ++i) {
    if (host.interrupted()) break;
    const auto& in = opts.inputs[i];
    int code = 0;
    if (!texts[i]) {
      std::cerr << "icq: cannot read " << (in.kind == icq::cli::Input::Kind::file ? "script '" + in.text + "'" : "stdin") << "\n";
      code = 2;
    } else {
      code = host.run_script(*texts[i], in.kind == icq::cli::Input::Kind::query  ? "query"
                                        : in.kind == icq::cli::Input::Kind::file ? in.text
                                                                                 : "<stdin>");
    }
    worst = icq::repl::gravest(worst, code);
    if (opts.bail && (code == 1 || code == 2)) break;
  }
  worst = icq::repl::gravest(worst, host.finish());
  return host.interrupted() ? 130 : icq::repl::gravest(worst, problems.any ? 2 : 0);
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
  if (const auto code = run_without_data(opts)) return *code;

  const icq::repl::HostOptions ho = host_options(opts);
  DataProblems problems;
  const std::unique_ptr<icq::Session> session = open_data(opts, ho, problems);
  if (!session) return 2;
  // From here Ctrl-C cancels the statement running (the REPL prompts again; a batch run stops after
  // what finished and exits 130); while the data loads above, it ends the process as usual.
  icq::repl::interrupt::install();
  icq::repl::Host host(*session, ho);
  if (opts.output)
    if (const std::string why = host.set_output(*opts.output); !why.empty()) {
      std::cerr << "icq: cannot write '" << *opts.output << "': " << why << "\n";
      return 2;
    }

  if (!opts.inputs.empty()) return run_inputs(host, opts, problems);
  if (is_tty(STDIN_FILENO)) return host.repl(true);
  return run_stdin_script(host, opts, problems);
}
