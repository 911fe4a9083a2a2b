// explain: runs a statement with tracing and shows, per side (or run date), how many rows each
// step kept. The counts add up: every row count includes the next one.
#include <fmt/format.h>

#include "bind/query_error.hpp"
#include "eval/statements.hpp"

namespace icq::interp {

Result explain(const Result& inner, const ExplainTrace& trace) {
  Result r;
  r.kind = Kind::explain;
  r.query = "explain " + inner.query;
  Table t;
  t.title = "plan";
  t.columns.push_back({"step", "", Column::Type::text});
  for (const auto& s : trace.sides) t.columns.push_back({s.side, "rows", Column::Type::integer});
  auto row = [&](std::string step, auto get) {
    std::vector<Value> cells = {std::move(step)};
    for (const auto& s : trace.sides) cells.emplace_back(static_cast<std::int64_t>(get(s)));
    t.rows.push_back(std::move(cells));
  };
  const bool evaluations = !trace.sides.empty() && trace.sides.front().side == "evaluations";
  if (evaluations) {
    row("1. evaluations loaded", [](const SideTrace& s) { return s.selection.rows_loaded; });
    row("2. matching the filters", [](const SideTrace& s) { return s.selection.rows_on_matching_lines; });
    row("3. newest per configuration and task", [](const SideTrace& s) { return s.selection.rows_used; });
  } else {
    row("1. rows loaded", [](const SideTrace& s) { return s.selection.rows_loaded; });
    row("   lines loaded", [](const SideTrace& s) { return s.selection.lines_loaded; });
    row("2. lines matching the filters", [](const SideTrace& s) { return s.selection.lines_matching; });
    row("   rows on those lines", [](const SideTrace& s) { return s.selection.rows_on_matching_lines; });
    row("3. rows of the chosen run date per line", [](const SideTrace& s) { return s.selection.rows_after_date; });
    row("4. rows passing where", [](const SideTrace& s) { return s.selection.rows_after_where; });
    row("   of which without interactivity", [](const SideTrace& s) { return s.selection.rows_without_x; });
    row("5. rows used", [](const SideTrace& s) { return s.selection.rows_used; });
    if (inner.kind != Kind::points) row("6. frontier points", [](const SideTrace& s) { return s.frontier_points; });
  }
  r.tables.push_back(std::move(t));
  r.notes.push_back("the statement with every default filled in: " + inner.query);
  r.notes.push_back(
      "run date per line: the latest unless `as of` (newest up to the date) or `on date` (that date only) says otherwise; "
      "`where` applies after it");
  for (const auto& n : inner.notes) r.notes.push_back(n);
  return r;
}

}  // namespace icq::interp
