#include "output.hpp"

namespace icq::hosts {

std::string Output::next(const Result& r, const RenderOptions& options) {
  // `set format` applies from the next result on: each result in the format in force when it was
  // produced (the session's format is only the last one set).
  if (r.effects.format) {
    format_ = *r.effects.format;
    return {};
  }
  if (format_ == Format::json && !streaming_) {
    std::string v = render(r, Format::json, options);
    json_.push_back(v.substr(0, v.find_last_not_of('\n') + 1));
    return {};
  }
  if ((format_ == Format::svg || format_ == Format::html) && !streaming_) {
    report_.push_back(r);
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
  if (format_ == Format::json && !streaming_ && d.severity == Severity::error) json_.push_back(render_error_json(d));
}

std::string Output::finish(const RenderOptions& chart_options, std::vector<std::string>& notes) {
  std::string o;
  if (!report_.empty()) {
    if (format_ == Format::html) {
      o += render_html(report_, chart_options);
    } else {
      // One SVG document per run: the last result that has a chart (html shows them all).
      std::size_t charts = 0, last = report_.size() - 1;
      for (std::size_t i = 0; i < report_.size(); ++i)
        if (has_chart(report_[i])) ++charts, last = i;
      if (charts == 0) notes.emplace_back("no result of this run has a chart (compare, frontier, trend and points do)");
      if (charts > 1)
        notes.push_back("--format svg writes one chart: the last of the run's " + std::to_string(charts) + " (result " +
                        std::to_string(last + 1) + "); --format html shows every result with its chart");
      o += render(report_[last], Format::svg, chart_options);
    }
    report_.clear();
  }
  // A run of comments alone is still JSON to whoever parses it: an empty array.
  if (json_.empty()) return format_ == Format::json && !streaming_ && o.empty() ? "[]\n" : o;
  // One JSON value per run: an object alone, an array of several (nested objects indented).
  if (json_.size() == 1) {
    o += json_.front() + "\n";
  } else {
    o += "[\n";
    for (std::size_t i = 0; i < json_.size(); ++i) {
      std::string v = json_[i];
      for (std::size_t p = v.find('\n'); p != std::string::npos; p = v.find('\n', p + 3)) v.replace(p, 1, "\n  ");
      o += "  " + v + (i + 1 < json_.size() ? ",\n" : "\n");
    }
    o += "]\n";
  }
  json_.clear();
  return o;
}

}  // namespace icq::hosts
