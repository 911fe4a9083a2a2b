#pragma once
// The one assembly of a run's output in a format, as `icq --format F` writes it to stdout: the
// command line writes each piece as it comes, icq serve gathers them into one response body, and
// the two are byte for byte the same. A run in batch is one document in json (one value: the
// result, or an array of every result and failed statement), svg (the last chart) and html (one
// page); the other formats print each result as it comes, text formats a blank line apart.
#include <string>
#include <vector>

#include "icq/icq.hpp"

namespace icq::hosts {

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
  // The rest of the run: the page or chart of the gathered results, then the JSON value. `notes`
  // get what a person should be told about it (the command line prints them on stderr).
  std::string finish(const RenderOptions& chart_options, std::vector<std::string>& notes);

 private:
  Format format_;
  bool streaming_;
  bool printed_ = false;
  std::vector<std::string> json_;  // json in batch: the run's values
  std::vector<Result> report_;     // svg and html in batch: the run's results
};

}  // namespace icq::hosts
