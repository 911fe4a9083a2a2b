#pragma once
// The one assembly of a run's output in a format, as `icq --format F` writes it to stdout: the
// command line writes each piece as it comes, icq serve gathers them into one response body, and
// the two are byte for byte the same. A run in batch is one document in json (an array of every
// result and failed statement, whatever their number), svg (the last chart) and html (one page);
// the other formats print each result as it comes, text formats a blank line apart. An output that
// cannot be produced (an SVG of results without a chart) is an error the host reports (errors()).
#include <string>
#include <vector>

#include "icq/icq.hpp"

namespace icq::hosts {

// Whether a result only changed the session (set, let, param, load): no output is asked of it.
bool changes_session(const Result& r);
// "`list gpus` is a list": a result that has no chart, for the error that says so.
std::string chartless(const Result& r);
// The error of a chart asked for (`what`: "the SVG", "'rank.png'") that the results named in
// `chartless` cannot draw.
Diagnostic no_chart(const std::string& what, const std::vector<std::string>& chartless);

class Output {
 public:
  // `streaming`: the REPL's way, every result written as it comes, in every format.
  explicit Output(Format format, bool streaming = false) : format_(format), streaming_(streaming) {}

  [[nodiscard]] Format format() const { return format_; }
  void set_format(Format f) { format_ = f; }  // .mode
  void set_streaming(bool on) { streaming_ = on; }

  // One result of the run: the text to write now ("" while the format gathers the run). A
  // `set format` result switches the format from the next result on and prints nothing.
  std::string next(const Result& r, const RenderOptions& options);
  // `r` in `f` now, after a blank line when a text format follows earlier output.
  std::string shown(const Result& r, Format f, const RenderOptions& options);
  // Text a host drew itself (a terminal chart), after a blank line when it follows earlier output.
  std::string drawn(const std::string& text);
  // A failed statement: in batch json, an error object of the run's value.
  void failed(const Diagnostic& d);
  // The rest of the run: the page or chart of the gathered results, then the JSON array (`[]` when
  // json is the format at the end and nothing came). `notes` get what a person should be told about
  // it (the command line prints them on stderr).
  std::string finish(const RenderOptions& chart_options, std::vector<std::string>& notes);
  // The outputs asked for that could not be produced since the last call (an SVG of results without
  // a chart): the host reports each as an error (exit 2; icq serve answers 400).
  std::vector<Diagnostic> errors();

 private:
  Format format_;
  bool streaming_;
  bool printed_ = false;
  std::vector<std::string> json_;   // json in batch: the run's values
  std::vector<Result> report_;      // svg and html in batch: the run's results
  std::vector<Diagnostic> errors_;  // outputs that could not be produced
  bool failed_ = false;             // a statement of the run failed
};

}  // namespace icq::hosts
