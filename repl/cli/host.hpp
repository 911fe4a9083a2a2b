#pragma once
// The command-line host of an icq Session: runs scripts and queries, renders results, reports
// diagnostics, and carries the REPL and its dot-commands.
#include <cstdint>
#include <fstream>
#include <iosfwd>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "icq/icq.hpp"
#include "output.hpp"

namespace icq::repl {

struct HostOptions {
  Format format = Format::table;      // at the start: .mode and `set format` change it
  bool bail = true;                   // stop a script at its first error
  bool strict = false;                // a data warning (of a `load` too) makes the run exit 2
  bool tty_out = false;               // stdout is a terminal: box drawing, colours
  bool color = false;                 // colours on stdout
  bool color_errors = false;          // colours on stderr
  bool log_x = false, log_y = false;  // charts: logarithmic axes (--chart-log, .chartlog)
};

// The exit code of two outcomes together: interrupted (130) over usage (2) over query (1) over
// failed expectation (3).
int gravest(int a, int b);

class Host {
 public:
  Host(Session& session, HostOptions options);

  // Runs a script or a query (dot-command lines included); prints results and diagnostics.
  // Returns the exit code: 0, 1 query error, 2 usage or I/O, 3 failed expectation, 130 when
  // Ctrl-C cancelled a statement (the script stops there; the results before it are printed).
  int run_script(const std::string& text, const std::string& source);
  // The parameters a script declares or uses, its dot-command lines left out and the scripts its
  // `.read` lines name followed; nullopt when some of it does not parse or cannot be read (the run
  // then says why).
  [[nodiscard]] std::optional<std::set<std::string>> parameters(const std::string& text, int depth = 0) const;
  int repl(bool interactive);
  // Whether Ctrl-C came during the run (a batch run then exits 130).
  [[nodiscard]] bool interrupted() const;

  void report(const Diagnostic& d) const;
  // .output / --output: results to FILE (empty or "stdout": the terminal); a FILE ending in .png
  // gets the PNG of each chart as it comes (the last one stays) while results print as before.
  // Returns why FILE cannot be written ("" when it can); the caller ends a .png output first (end_png).
  std::string set_output(const std::string& path);
  // Ends a .png output: results came and none had a chart, so the PNG asked for cannot be made: an
  // error naming them and why (returns 2; 0 otherwise).
  int end_png();
  // Ends a batch run: a PNG or SVG asked for and not made is an error (end_png; svg: no result with
  // a chart); with --format json, writes the run's one JSON document: an array of every result and
  // failed statement, whatever their number (render_json_run). Returns 2 after such an error, else 0.
  int finish();

 private:
  friend struct DotCommands;
  int run_icq(const std::string& text, const std::string& source);
  int run_dot(const std::string& line, const std::string& source, std::size_t line_no);
  // Reports an error (and keeps it for --format json), as every diagnostic of a run is.
  void report_error(const Diagnostic& d);
  // The running dot-command's error, drawn like a query's: its line, a caret at byte `at` over
  // `length` bytes, the help lines. Returns 2 (a usage error).
  int dot_error(std::size_t at, std::size_t length, std::string message, std::string help);
  std::ostream& out();
  // `plot <statement>`: the result's chart in the terminal, or a table when it has none.
  void plot_one(const Result& r, const RenderOptions& options);
  int write_png(const Result& r);

  Session& session_;
  HostOptions opt_;
  std::ofstream file_;     // .output FILE
  std::string file_path_;  // … its name
  bool timer_ = false;
  bool quit_ = false;
  hosts::Output output_;                    // the format in force, and what json, svg and html gather until finish()
  std::string png_;                         // .output FILE.png: where each chart's PNG goes
  std::vector<std::string> png_chartless_;  // … the results since that had no chart: "`list gpus` is a list"
  std::size_t png_charts_ = 0;              // … the charts written to it
  // The dot-command running: where it is, for its error messages.
  std::string dot_source_, dot_line_;
  std::size_t dot_line_no_ = 0;
  bool interrupted_ = false;     // Ctrl-C cancelled a statement: the script stops
  std::vector<bool> continued_;  // REPL: lines of the statement that end in a backslash the host added
};

}  // namespace icq::repl
