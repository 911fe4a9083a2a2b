#include "output.hpp"

#include <string_view>
#include <utility>

namespace icq::hosts {

bool changes_session(const Result& r) {
  return r.kind == Kind::set || r.kind == Kind::let || r.kind == Kind::param || r.kind == Kind::load;
}

std::string chartless(const Result& r) {
  const std::string_view kind = kind_name(r.kind);
  const bool vowel = !kind.empty() && std::string_view("aeiou").find(kind.front()) != std::string_view::npos;
  return "`" + r.query + "` is " + (vowel ? "an " : "a ") + std::string(kind);
}

Diagnostic no_chart(const std::string& what, const std::vector<std::string>& chartless) {
  Diagnostic d;
  d.kind = ErrorKind::usage;
  d.span.source = "icq";
  std::string listed;
  for (const auto& c : chartless) listed += (listed.empty() ? "" : "; ") + c;
  d.message = "cannot write " + what + ": " +
              (chartless.size() == 1 ? chartless.front() + ", which has no chart"
                                     : "none of the run's " + std::to_string(chartless.size()) + " results has a chart (" + listed + ")");
  d.help = "compare, frontier, trend and points draw a chart; --format html shows any result in a page";
  return d;
}

std::string Output::next(const Result& r, const RenderOptions& options) {
  // `set format` applies from the next result on: each result in the format in force when it was
  // produced (the session's format is only the last one set).
  if (r.effects.format) {
    format_ = *r.effects.format;
    return {};
  }
  if (format_ == Format::json && !streaming_) {
    json_.push_back(render(r, Format::json, options));
    return {};
  }
  if ((format_ == Format::svg || format_ == Format::html) && !streaming_) {
    report_.push_back(r);
    return {};
  }
  // The REPL in svg mode: a result without a chart has no SVG to print.
  if (format_ == Format::svg && !has_chart(r)) {
    if (!changes_session(r)) errors_.push_back(no_chart("an SVG", {chartless(r)}));
    return {};
  }
  return shown(r, format_, options);
}

std::string Output::shown(const Result& r, Format f, const RenderOptions& options) {
  std::string o = printed_ && (f == Format::table || f == Format::markdown || f == Format::page) ? "\n" : "";
  printed_ = true;
  return o + render(r, f, options);
}

std::string Output::drawn(const std::string& text) {
  std::string o = printed_ ? "\n" : "";
  printed_ = true;
  return o + text;
}

void Output::failed(const Diagnostic& d) {
  if (d.severity != Severity::error) return;
  failed_ = true;
  if (format_ == Format::json && !streaming_) json_.push_back(render_error_json(d));
}

std::string Output::finish(const RenderOptions& chart_options, std::vector<std::string>& notes) {
  std::string o;
  if (format_ == Format::html && !streaming_) {
    // One page per run, an empty report when nothing ran (a page, not nothing).
    o += render_html(report_, chart_options);
  } else if (format_ == Format::svg && !streaming_) {
    // One SVG document per run: the last result that has a chart (html shows them all).
    std::size_t charts = 0, last = 0;
    for (std::size_t i = 0; i < report_.size(); ++i)
      if (has_chart(report_[i])) ++charts, last = i;
    if (charts == 0) {
      // No chart to write: an error naming the results (not an empty document); when nothing but
      // session statements ran, the run has nothing to draw (unless a failed statement says why).
      std::vector<std::string> none;
      for (const auto& r : report_)
        if (!changes_session(r)) none.push_back(chartless(r));
      if (!none.empty()) {
        errors_.push_back(no_chart("the SVG", none));
      } else if (!failed_) {
        Diagnostic d = no_chart("the SVG", {});
        d.message = "cannot write the SVG: the run gave no result to draw";
        errors_.push_back(std::move(d));
      }
    } else {
      if (charts > 1)
        notes.push_back("--format svg writes one chart: the last of the run's " + std::to_string(charts) + " (result " +
                        std::to_string(last + 1) + "); --format html shows every result with its chart");
      o += render(report_[last], Format::svg, chart_options);
    }
  }
  report_.clear();
  failed_ = false;
  // One JSON array per run whatever the number of results, so a consumer never branches on it.
  if (json_.empty() && (format_ != Format::json || streaming_)) return o;
  o += render_json_run(json_);
  json_.clear();
  return o;
}

std::vector<Diagnostic> Output::errors() { return std::exchange(errors_, {}); }

}  // namespace icq::hosts
