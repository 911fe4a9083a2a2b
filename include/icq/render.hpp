#pragma once
// Results to text, in the output formats of the command line.
#include <optional>
#include <string>
#include <string_view>
#include <vector>
#include "icq/export.hpp"

#include "icq/diagnostic.hpp"
#include "icq/format.hpp"
#include "icq/result.hpp"

namespace icq {

ICQ_API std::optional<Format> parse_format(std::string_view name);
ICQ_API std::string_view format_name(Format f);
// Every format's name, comma-separated, in the order above: the one list of --format, .mode,
// `set format` and their messages.
ICQ_API std::string_view format_names();

struct RenderOptions {
  bool unicode = false;               // box-drawing table borders (a terminal); ASCII otherwise
  bool color = false;                 // ANSI colours (a terminal without NO_COLOR)
  bool log_x = false, log_y = false;  // charts: logarithmic axes
  // The terminal's size in cells; 0 when there is none (a pipe, a file). columns > 0 wraps the table
  // format to that width: verdicts and notes at spaces with a hanging indent, a table too wide by
  // wrapping the text of its widest columns (when that makes it fit). render_plot draws 80 x 24
  // cells when they are 0.
  int columns = 0, rows = 0;
};

// The attribution InferenceX's licence asks for in every export.
ICQ_API std::string_view attribution();

ICQ_API std::string render(const Result& result, Format format, const RenderOptions& options = {});

// Charts (svg, html, png, plot): compare (with targets), frontier, trend and points have one.
ICQ_API bool has_chart(const Result& result);
// A whole run or script as one self-contained HTML page: each result's query, table, chart,
// verdicts and notes; no scripts, fonts or links to fetch. render(r, Format::html) is the page of one.
ICQ_API std::string render_html(const std::vector<Result>& results, const RenderOptions& options = {});
// What a host puts around the results of that page (icq serve: a query form and its completion).
struct HtmlFrame {
  std::string title;   // the page's title (text); empty: the report's
  std::string head;    // HTML added at the end of <head> (a style, a script)
  std::string header;  // HTML in place of the report's header (its title and counts)
};
// The page of render_html with the host's frame: the results render as in the report.
ICQ_API std::string render_html(const std::vector<Result>& results, const RenderOptions& options, const HtmlFrame& frame);
// The results of render_html as a fragment of another page (a notebook cell's output): the same
// sections (query, table, chart, verdicts, notes) in one <div class="icq-report"> with a style that
// applies inside it only; no document, head or header around them.
ICQ_API std::string render_html_fragment(const std::vector<Result>& results, const RenderOptions& options = {});
// The chart in a terminal: Unicode braille cells, ANSI colours when options.color, sized to
// options.columns x options.rows; empty when the result has no chart.
ICQ_API std::string render_plot(const Result& result, const RenderOptions& options = {});

// A failed statement as a JSON object of the json format's array:
// {"kind": "error", "line": …, "column": …, "message": …, "help": …}.
ICQ_API std::string render_error_json(const Diagnostic& d);

// The one JSON document of a run (icq --format json, icq mcp, any host): an array of `objects` —
// each result's render(r, Format::json), each failed statement's render_error_json — in the order
// they came, whatever their number, so a consumer never branches on the count; `[]` for none.
// Nested lines are indented; the text ends with a newline.
ICQ_API std::string render_json_run(const std::vector<std::string>& objects);

}  // namespace icq
