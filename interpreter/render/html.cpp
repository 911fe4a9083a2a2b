// A whole run as one self-contained HTML page: per result its query, table (the text formats'
// grid), chart (the SVG writer's document inline), verdicts and notes. No scripts, no fonts, no
// links to load: the page opens offline and prints. A host's HtmlFrame (icq serve's query form)
// replaces the header and may add to the head; the results render the same. A fragment (a notebook's
// output) is the same sections in a <div>, its style scoped to it.
#include <algorithm>
#include <string>
#include <vector>

#include "icq/render.hpp"
#include "render/chart.hpp"
#include "render/grids.hpp"
#include "render/json.hpp"
#include "render/svg.hpp"
#include "text/text.hpp"

namespace icq {

namespace {

std::string esc(std::string_view s) { return text::xml_escape(s); }

std::string table_html(const out::Grid& g, const char* cls) {
  std::string o = std::string("<table class=\"") + cls + "\">\n<thead><tr>";
  for (std::size_t i = 0; i < g.header.size(); ++i)
    o += std::string("<th") + (i < g.right_align.size() && g.right_align[i] ? " class=\"num\"" : "") + ">" + esc(g.header[i]) + "</th>";
  o += "</tr></thead>\n<tbody>\n";
  for (std::size_t r = 0; r < g.rows.size(); ++r) {
    const bool rule = r > 0 && std::find(g.rules_before.begin(), g.rules_before.end(), r) != g.rules_before.end();
    o += rule ? "<tr class=\"rule\">" : "<tr>";
    for (std::size_t i = 0; i < g.rows[r].size(); ++i)
      o += std::string("<td") + (i < g.right_align.size() && g.right_align[i] ? " class=\"num\"" : "") + ">" + esc(g.rows[r][i]) + "</td>";
    o += "</tr>\n";
  }
  return o + "</tbody>\n</table>\n";
}

std::string list_html(const char* heading, const char* cls, const std::vector<std::string>& items) {
  if (items.empty()) return {};
  std::string o = std::string("<h3>") + heading + "</h3>\n<ul class=\"" + cls + "\">\n";
  for (const auto& i : items) o += "<li>" + esc(i) + "</li>\n";
  return o + "</ul>\n";
}

constexpr const char* kStyle =
    R"(body{font-family:"DejaVu Sans",Verdana,Arial,sans-serif;margin:24px auto;max-width:1000px;color:#111;background:#fff;line-height:1.4}
h1{font-size:20px;margin:0 0 4px}h2{font-size:14px;font-weight:normal;margin:28px 0 10px}h2 code{font-size:13px;background:#f3f3f3;padding:3px 6px;border-radius:3px;display:inline-block;white-space:pre-wrap}
h3{font-size:13px;margin:14px 0 4px}table{border-collapse:collapse;font-size:13px;margin:6px 0}th,td{border:1px solid #ccc;padding:3px 8px;text-align:left}
th{background:#f3f3f3}td.num,th.num{text-align:right;font-variant-numeric:tabular-nums}tr.rule td{border-top:2px solid #888}
figure{margin:10px 0}figure svg{max-width:100%;height:auto;border:1px solid #ddd}ul{margin:2px 0 8px;padding-left:22px;font-size:13px}
section{border-top:1px solid #ddd;padding-top:4px}footer{margin-top:32px;font-size:12px;color:#555}
)";

// The style of a fragment: the page's rules for its results, each under .icq-report so that the
// page it is put in (a notebook) keeps its own.
constexpr const char* kFragmentStyle =
    R"(.icq-report{font-family:"DejaVu Sans",Verdana,Arial,sans-serif;color:#111;background:#fff;line-height:1.4;max-width:1000px}
.icq-report h2{font-size:14px;font-weight:normal;margin:12px 0 10px}.icq-report h2 code{font-size:13px;background:#f3f3f3;padding:3px 6px;border-radius:3px;display:inline-block;white-space:pre-wrap}
.icq-report h3{font-size:13px;margin:14px 0 4px}.icq-report table{border-collapse:collapse;font-size:13px;margin:6px 0}.icq-report th,.icq-report td{border:1px solid #ccc;padding:3px 8px;text-align:left}
.icq-report th{background:#f3f3f3}.icq-report td.num,.icq-report th.num{text-align:right;font-variant-numeric:tabular-nums}.icq-report tr.rule td{border-top:2px solid #888}
.icq-report figure{margin:10px 0}.icq-report figure svg{max-width:100%;height:auto;border:1px solid #ddd}.icq-report ul{margin:2px 0 8px;padding-left:22px;font-size:13px}
)";

// One result as the page shows it: query, table or grid, chart, verdicts, notes.
std::string section_html(const Result& r, const RenderOptions& options) {
  std::string o =
      "<section class=\"result\" data-kind=\"" + esc(std::string(kind_name(r.kind))) + "\">\n<h2><code>" + esc(r.query) + "</code></h2>\n";
  if (r.comparison && !r.comparison->targets.empty()) o += table_html(out::comparison_grid(*r.comparison), "values");
  for (const auto& t : r.comparison ? std::vector<Table>{} : r.tables) {
    if (r.tables.size() > 1 && !t.title.empty()) o += "<h3>" + esc(t.title) + "</h3>\n";
    o += table_html(out::result_table_grid(t), "rows");
  }
  if (const auto spec = chart::build(r, {options.log_x, options.log_y}))
    o += "<figure class=\"chart\">\n" + chart::svg(*spec) + "</figure>\n";
  o += list_html("Verdicts", "verdicts", r.summary);
  std::vector<std::string> notes = r.notes;
  if (kind_info(r.kind).shows_data) notes.emplace_back(attribution());
  o += list_html("Notes", "notes", notes);
  return o + "</section>\n";
}

}  // namespace

std::string render_html(const std::vector<Result>& results, const RenderOptions& options) {
  return render_html(results, options, HtmlFrame{});
}

std::string render_html_fragment(const std::vector<Result>& results, const RenderOptions& options) {
  std::string o = std::string("<div class=\"icq-report\">\n<style>\n") + kFragmentStyle + "</style>\n";
  for (const auto& r : results) o += section_html(r, options);
  return o + "</div>\n";
}

std::string render_html(const std::vector<Result>& results, const RenderOptions& options, const HtmlFrame& frame) {
  std::string o = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n";
  const std::string title =
      !frame.title.empty() ? frame.title : "icq report" + (results.size() == 1 ? ": " + results.front().query : std::string{});
  o += "<title>" + esc(title) + "</title>\n";
  o += std::string("<style>\n") + kStyle + "</style>\n" + frame.head + "</head>\n<body>\n";
  std::size_t charts = 0;
  bool data = false;
  for (const auto& r : results) charts += has_chart(r), data = data || kind_info(r.kind).shows_data;
  if (!frame.header.empty()) o += frame.header;
  else
    o += "<header><h1>icq report</h1><p>" + std::to_string(results.size()) + (results.size() == 1 ? " result" : " results") + ", " +
         std::to_string(charts) + (charts == 1 ? " chart" : " charts") + "</p></header>\n";
  for (const auto& r : results) o += section_html(r, options);
  if (data) o += "<footer>" + esc(attribution()) + "</footer>\n";
  return o + "</body>\n</html>\n";
}

}  // namespace icq
