// Result -> text for each output format. Table and markdown round numbers for people; csv and
// json carry full precision. Every format carries the InferenceX attribution with data results.
#include "icq/render.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "num/decimal.hpp"
#include "render/braille.hpp"
#include "render/chart.hpp"
#include "render/grids.hpp"
#include "render/json.hpp"
#include "render/numbers.hpp"
#include "render/svg.hpp"
#include "render/text_table.hpp"
#include "text/text.hpp"

namespace icq {

namespace {

struct Verdict {
  std::string winner, ratio;
};

// The winner and ratio columns of one metric at one target, read from the comparison's verdict
// there (MetricVerdict): the best side's name, "tie", "noise" (`with noise`), "—" without one.
Verdict verdict(const Comparison& c, std::size_t metric, const TargetResult& t) {
  if (c.metrics[metric].polarity == MetricColumn::Polarity::neutral || metric >= t.verdicts.size()) return {"", ""};
  const MetricVerdict& v = t.verdicts[metric];
  const std::string ratio = v.ratio ? num::Decimal::from_double(*v.ratio).fixed(2) + "x" : "";
  switch (v.outcome) {
    case MetricVerdict::Outcome::none: return {"—", ""};
    case MetricVerdict::Outcome::noise: return {"noise", ""};
    case MetricVerdict::Outcome::tie: return {"tie", ratio};
    case MetricVerdict::Outcome::winner: {
      const auto s = c.side_index(v.winner);
      return {s ? c.sides[*s].display : v.winner, ratio};
    }
  }
  return {"", ""};
}

out::Grid compare_grid(const Comparison& c) {
  out::Grid g;
  g.header = {"metric", "tok/s/user"};
  g.right_align = {false, true};
  for (const auto& s : c.sides) g.header.push_back(s.display), g.right_align.push_back(true);
  g.header.push_back("winner"), g.right_align.push_back(false);
  g.header.push_back("ratio"), g.right_align.push_back(true);
  for (std::size_t m = 0; m < c.metrics.size(); ++m) {
    if (!c.targets.empty()) g.rules_before.push_back(g.rows.size());
    for (std::size_t t = 0; t < c.targets.size(); ++t) {
      const auto& tr = c.targets[t];
      std::vector<std::string> row = {t == 0 ? c.metrics[m].display : "", out::number_text(tr.interactivity)};
      for (const auto& sv : tr.values) {
        if (sv.status == Status::out_of_range) row.push_back("out of range");
        else if (!sv.values[m]) row.push_back("—");
        else
          row.push_back(out::metric_cell(c.metrics[m], *sv.values[m]) +
                        (sv.evidence                    ? out::evidence_mark(sv.evidence->kind)
                         : sv.status == Status::clamped ? "*"
                                                        : "") +
                        (m < sv.noise.size() && sv.noise[m]
                             ? (sv.noise[m]->unknown ? " ±?" : " ±" + out::metric_cell(c.metrics[m], sv.noise[m]->stddev))
                             : ""));
      }
      const Verdict v = verdict(c, m, tr);
      row.push_back(v.winner);
      row.push_back(v.ratio);
      g.rows.push_back(std::move(row));
    }
  }
  return g;
}

out::Grid table_grid(const Table& t) {
  out::Grid g;
  for (const auto& col : t.columns) {
    g.header.push_back(col.unit.empty() || col.type == Column::Type::text ? col.name : col.name);
    g.right_align.push_back(col.type != Column::Type::text);
  }
  for (const auto& r : t.rows) {
    std::vector<std::string> cells;
    for (std::size_t i = 0; i < r.size(); ++i) {
      const Value& v = r[i];
      if (std::holds_alternative<std::monostate>(v)) cells.push_back("");
      else if (const auto* d = std::get_if<double>(&v)) cells.push_back(out::number_cell(t.columns[i], *d));
      else if (const auto* n = std::get_if<std::int64_t>(&v)) cells.push_back(out::grouped(static_cast<double>(*n), 0));
      else cells.push_back(std::get<std::string>(v));
    }
    g.rows.push_back(std::move(cells));
  }
  return g;
}

bool repeats_comparison(const Result& r, const Table& t) { return r.comparison && t.title == "values"; }

// Table and markdown. The table format wraps to o.columns when it is given (a terminal): long
// verdicts and notes at spaces with a hanging indent, tables too wide by narrowing their widest
// columns. Markdown never wraps: a line break would end a table row, and whatever shows it reflows.
std::string human(const Result& r, bool markdown, const RenderOptions& o) {
  const std::string bold = o.color && !markdown ? "\x1b[1m" : "", off = o.color && !markdown ? "\x1b[0m" : "";
  const std::size_t width = markdown || o.columns <= 0 ? 0 : static_cast<std::size_t>(o.columns);
  std::string out = markdown ? "**`" + r.query + "`**\n\n" : bold + r.query + off + "\n\n";
  if (r.comparison) {
    const auto g = compare_grid(*r.comparison);
    if (!r.comparison->targets.empty()) out += (markdown ? out::draw_markdown(g) : out::draw(g, o.unicode, width)) + "\n";
  }
  // A comparison's "values" table repeats its values as data; the grid above shows them.
  for (const auto& t : r.tables) {
    if (repeats_comparison(r, t)) continue;
    if (r.tables.size() > 1 && !t.title.empty()) out += markdown ? "#### " + t.title + "\n\n" : t.title + "\n";
    out += (markdown ? out::draw_markdown(table_grid(t)) : out::draw(table_grid(t), o.unicode, width)) + "\n";
  }
  if (!r.summary.empty()) {
    out += markdown ? "**Verdicts**\n\n" : bold + "Verdicts" + off + "\n";
    for (const auto& s : r.summary) out += markdown ? "- " + s + "\n" : out::wrap_hanging("  ", s, 4, width);
    out += "\n";
  }
  std::vector<std::string> notes = r.notes;
  if (kind_info(r.kind).shows_data) notes.emplace_back(attribution());
  if (!notes.empty()) {
    out += markdown ? "**Notes**\n\n" : bold + "Notes" + off + "\n";
    for (const auto& n : notes) out += markdown ? "- " + n + "\n" : out::wrap_hanging("  - ", n, 4, width);
  }
  return out;
}

std::string csv_field(const std::string& s) {
  if (s.find_first_of(",\"\n\r") == std::string::npos) return s;
  std::string o = "\"";
  for (char c : s) {
    if (c == '"') o += '"';
    o += c;
  }
  return o + "\"";
}

std::string csv(const Result& r) {
  std::string out;
  if (kind_info(r.kind).shows_data) out += "# " + std::string(attribution()) + "\n";
  out += "# " + r.query + "\n";
  if (r.comparison) {
    const auto& c = *r.comparison;
    out += "interactivity,side,status,evidence";
    for (const auto& m : c.metrics) out += "," + m.key;
    out += "\n";
    for (const auto& t : c.targets)
      for (const auto& sv : t.values) {
        out += out::plain(t.interactivity) + "," + csv_field(sv.side) + "," +
               (sv.status == Status::ok        ? "ok"
                : sv.status == Status::clamped ? "clamped"
                                               : "out_of_range") +
               "," + (sv.evidence ? evidence_key(sv.evidence->kind) : "");
        for (const auto& v : sv.values) out += "," + (v ? out::plain(*v) : std::string{});
        out += "\n";
      }
  }
  for (const auto& t : r.tables) {
    if (repeats_comparison(r, t)) continue;
    std::vector<std::string> names;
    for (const auto& col : t.columns) names.push_back(csv_field(col.name));
    out += text::join(names, ",") + "\n";
    for (const auto& row : t.rows) {
      std::vector<std::string> cells;
      for (const auto& v : row) {
        if (const auto* d = std::get_if<double>(&v)) cells.push_back(out::plain(*d));
        else if (const auto* n = std::get_if<std::int64_t>(&v)) cells.push_back(std::to_string(*n));
        else if (const auto* s = std::get_if<std::string>(&v)) cells.push_back(csv_field(*s));
        else cells.emplace_back();
      }
      out += text::join(cells, ",") + "\n";
    }
  }
  for (const auto& s : r.summary) out += "# verdict: " + s + "\n";
  for (const auto& n : r.notes) out += "# note: " + n + "\n";
  return out;
}

// A compare as the dashboard's page prints it: title, paragraphs, the table in the page's
// roundings (targets in the "Target" row, where the page has input boxes), the page's address.
// Results without a page render as tables, after a line saying why.
std::string page(const Result& r, const RenderOptions& options) {
  if (!r.comparison) return human(r, false, options);
  if (!r.comparison->page())
    return "no dashboard page shows this comparison: pages compare two precisions on one GPU, MTP vs off on one GPU and "
           "precision, or two GPUs at one precision, each for one model and sequence, without other filters\n\n" +
           human(r, false, options);
  const DashboardPage& p = *r.comparison->page();
  std::string out = p.title + "\n\n";
  for (const auto& para : p.paragraphs) out += para + "\n\n";
  out += "| " + text::join(p.table_header, " | ") + " |\n|";
  for (std::size_t i = 0; i < p.table_header.size(); ++i) out += "---|";
  out += "\n| Target | " + text::join(p.table_inputs, " | ") + " |\n";
  for (const auto& row : p.table_rows) out += "| " + text::join(row, " | ") + " |\n";
  out += "\n" + p.url + "\n" + std::string(attribution()) + "\n";
  return out;
}

}  // namespace

std::optional<Format> parse_format(std::string_view name) {
  const std::string n = text::lower(name);
  if (n == "table") return Format::table;
  if (n == "markdown" || n == "md") return Format::markdown;
  if (n == "csv") return Format::csv;
  if (n == "json") return Format::json;
  if (n == "jsonl" || n == "ndjson") return Format::jsonl;
  if (n == "page" || n == "dashboard") return Format::page;
  if (n == "svg") return Format::svg;
  if (n == "html") return Format::html;
  return std::nullopt;
}

std::string_view format_name(Format f) {
  switch (f) {
    case Format::table: return "table";
    case Format::markdown: return "markdown";
    case Format::csv: return "csv";
    case Format::json: return "json";
    case Format::jsonl: return "jsonl";
    case Format::page: return "page";
    case Format::svg: return "svg";
    case Format::html: return "html";
  }
  return "table";
}

namespace out {
Grid comparison_grid(const Comparison& c) { return compare_grid(c); }
Grid result_table_grid(const Table& t) { return table_grid(t); }
}  // namespace out

std::string_view format_names() {
  static const std::string names = [] {
    std::string s;
    for (const Format f : kFormats) s += (s.empty() ? "" : ", ") + std::string(format_name(f));
    return s;
  }();
  return names;
}

bool has_chart(const Result& result) { return chart::build(result).has_value(); }

std::string render_plot(const Result& result, const RenderOptions& options) {
  const auto spec = chart::build(result, {options.log_x, options.log_y});
  return spec ? chart::braille(*spec, options.columns > 0 ? options.columns : 80, options.rows > 0 ? options.rows : 24, options.color)
              : std::string{};
}

std::string render_error_json(const Diagnostic& d) {
  return fmt::format(
      "{{\n  \"kind\": \"error\",\n  \"source\": {},\n  \"line\": {},\n  \"column\": {},\n  \"message\": {},\n  \"help\": {}\n}}",
      text::json_string(d.span.source), d.span.line, d.span.column, text::json_string(d.message), text::json_string(d.help));
}

std::string render_json_run(const std::vector<std::string>& objects) {
  if (objects.empty()) return "[]\n";
  std::string o = "[\n";
  for (std::size_t i = 0; i < objects.size(); ++i) {
    std::string v = objects[i].substr(0, objects[i].find_last_not_of('\n') + 1);
    for (std::size_t p = v.find('\n'); p != std::string::npos; p = v.find('\n', p + 3)) v.replace(p, 1, "\n  ");
    o += "  " + v + (i + 1 < objects.size() ? ",\n" : "\n");
  }
  return o + "]\n";
}

std::string_view attribution() {
  return "data: InferenceX by SemiAnalysis (https://github.com/SemiAnalysisAI/InferenceX), Apache-2.0; attribution required";
}

std::string render(const Result& result, Format format, const RenderOptions& options) {
  switch (format) {
    case Format::table: return human(result, false, options);
    case Format::markdown: return human(result, true, options);
    case Format::csv: return csv(result);
    case Format::json: return out::to_json(result, true) + "\n";
    case Format::jsonl: return out::to_json(result, false) + "\n";
    case Format::page: return page(result, options);
    case Format::svg: {
      const auto spec = chart::build(result, {options.log_x, options.log_y});
      return spec ? chart::svg(*spec)
                  : chart::svg_without_chart(result.query, "no chart: a " + std::string(kind_name(result.kind)) +
                                                               " result has none (compare, frontier, trend and points do)");
    }
    case Format::html: return render_html({result}, options);
  }
  return {};
}

}  // namespace icq
