#pragma once
// The command-line host of an icq Session: runs scripts and queries, renders results, reports
// diagnostics, and carries the REPL and its dot-commands.
#include <fstream>
#include <iosfwd>
#include <string>
#include <string_view>
#include <vector>

#include "icq/icq.hpp"

namespace icq::repl {

struct HostOptions {
  Format format = Format::table;
  bool bail = true;          // stop a script at its first error
  bool tty_out = false;      // stdout is a terminal: box drawing, colours
  bool color = false;        // colours on stdout
  bool color_errors = false; // colours on stderr
  bool log_x = false, log_y = false;  // charts: logarithmic axes (--chart-log, .chartlog)
};

// The exit code of two outcomes together: usage (2) over query (1) over failed expectation (3).
int gravest(int a, int b);

class Host {
 public:
  Host(Session& session, HostOptions options);

  // Runs a script or a query (dot-command lines included); prints results and diagnostics.
  // Returns the exit code: 0, 1 query error, 2 usage or I/O, 3 failed expectation.
  int run_script(const std::string& text, const std::string& source);
  int repl(bool interactive);

  void report(const Diagnostic& d) const;
  // .output / --output: results to FILE (empty or "stdout": the terminal); a FILE ending in .png
  // gets the PNG of each chart as it comes (the last one stays) while results print as before.
  // False when FILE cannot be written.
  bool set_output(const std::string& path);
  // Ends a batch run: with --format json, writes the run's one JSON value (the result, or an array
  // of every result and failed statement when there are several).
  void finish();

 private:
  friend struct DotCommands;
  int run_icq(const std::string& text, const std::string& source);
  int run_dot(const std::string& line, const std::string& source, std::size_t line_no);
  std::ostream& out();
  void render_one(const Result& r, const RenderOptions& options, bool plot);
  int write_png(const Result& r);

  Session& session_;
  HostOptions opt_;
  std::ofstream file_;   // .output FILE
  bool timer_ = false;
  bool quit_ = false;
  bool printed_ = false;
  std::vector<std::string> json_;  // --format json in batch: the run's values, written by finish()
  bool streaming_ = false;         // the REPL writes each JSON value as it comes
  std::vector<Result> report_;     // --format svg|html in batch: the run's results, written by finish()
  std::string png_;                // .output FILE.png: where each chart's PNG goes
  std::string dot_where_;  // "script.icq:4" of the dot-command running, for its error messages
};

}  // namespace icq::repl
