// frontier, points and accuracy: statements that show rows (or evaluations) of one selection.
#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <set>
#include <stdexcept>
#include <string_view>

#include "bind/columns.hpp"
#include "bind/query_error.hpp"
#include "data/dimensions.hpp"
#include "eval/cancel.hpp"
#include "eval/compare.hpp"
#include "eval/curve.hpp"
#include "eval/provenance.hpp"
#include "eval/rate_notes.hpp"
#include "eval/statements.hpp"
#include "eval/table_filter.hpp"
#include "text/dates.hpp"
#include "text/text.hpp"

namespace icq::interp {

namespace {

std::vector<RowColumn> columns_of(const std::vector<ast::MetricRef>& show, const std::vector<std::string>& defaults,
                                  const Pricing& pricing) {
  std::vector<RowColumn> cols;
  if (show.empty())
    for (const auto& n : defaults) cols.push_back(row_column(n, &pricing));
  else
    for (const auto& m : show) cols.push_back(row_column(m.name, m.qualifier, &pricing));
  return cols;
}

Table table_of(const std::string& title, const std::vector<RowColumn>& cols, const data::Dataset& ds,
               const std::vector<std::uint32_t>& rows) {
  Table t;
  t.title = title;
  for (const auto& c : cols) t.columns.push_back(c.column);
  for (std::uint32_t idx : rows) {
    if (t.rows.size() % 1024 == 0) check_cancelled();  // every row of a large data set
    std::vector<Value> r;
    for (const auto& c : cols) r.push_back(c.get(ds, ds.rows()[idx]));
    t.rows.push_back(std::move(r));
  }
  return t;
}

// Which prices the rows' economics columns (or `where cost …`) were read with.
std::optional<std::string> economics_note(const std::vector<RowColumn>& cols, const Selection& sel, const Pricing& pricing) {
  const bool shown = std::any_of(cols.begin(), cols.end(), [](const RowColumn& c) { return c.economic; });
  const bool tested = std::any_of(sel.where.begin(), sel.where.end(), [](const BoundExpr& e) { return e.reads_prices(); });
  if (!shown && !tested) return std::nullopt;
  const bool per_role =
      std::any_of(cols.begin(), cols.end(), [](const RowColumn& c) { return c.economic && c.tokens != data::Field::tput_per_gpu; });
  return fmt::format(
      "economics per row: its own {} throughput and its GPU's price and power ({} edition, {} tier); "
      "a row whose GPU has no price has no cost",
      per_role ? "total-token (or, for `cost output` and the like, output- or input-token)" : "total-token", pricing.edition->name,
      pricing.tier);
}

// The output and input rates the columns read from disaggregated rows (eval/rate_notes).
std::vector<std::string> table_rate_notes(const std::vector<RowColumn>& cols, const data::Dataset& ds,
                                          const std::vector<std::uint32_t>& rows) {
  std::vector<RateUse> uses;
  for (const auto& c : cols)
    if (c.tokens != data::Field::tput_per_gpu &&
        std::none_of(uses.begin(), uses.end(), [&](const RateUse& u) { return u.field == c.tokens; }))
      uses.push_back({"", rows, c.tokens});
  return rate_notes(ds, uses, data::RateBasis::deployment);
}

using text::plural;

}  // namespace

Result run_query(const BoundFrontier& stmt, const data::Dataset& ds, ExplainTrace* trace) {
  const Selection& sel = stmt.selection;
  const auto& defaults = stmt.defaults;
  SelectionTrace st;
  const Curve curve(ds, sel, &st);
  Result r;
  r.kind = Kind::frontier;
  r.query = "frontier" + selection_text(sel);
  if (trace) trace->sides.push_back({"frontier", st, curve.frontier().size()});
  if (curve.empty()) {
    check_filters_match(ds, sel.filters);
    check_date_matches(ds, sel.filters, sel.date);
    throw QueryError(fmt::format("no rows match{}", selection_text(sel)), {0, 0}, "check the filters with `list gpus`, `list dates for …`");
  }
  std::vector<std::uint32_t> rows;
  for (const auto& p : curve.frontier()) rows.push_back(static_cast<std::uint32_t>(p.index));
  const auto cols = columns_of(stmt.show,
                               {"interactivity", "throughput", "gpu", "framework", "precision", "spec", "deployment", "tp", "ep",
                                "dp_attention", "prefill_gpus", "decode_gpus", "conc", "date", "image"},
                               stmt.pricing);
  r.tables.push_back(table_of("frontier", cols, ds, rows));
  r.notes.push_back(fmt::format("{} of {} on {} (measured {} tok/s/user; {}), interactivity ascending, throughput descending",
                                plural(curve.frontier().size(), "frontier point"), plural(curve.selected().rows.size(), "row"),
                                plural(curve.selected().lines, "line"), curve.range_text(), dates_text(curve.dates())));
  if (curve.selected().rows_without_x)
    r.notes.push_back(
        fmt::format("{} selected rows have no median interactivity and cannot be on a frontier", curve.selected().rows_without_x));
  if (!defaults.empty()) r.notes.push_back("defaults: " + text::join(defaults, "; "));
  if (auto n = economics_note(cols, sel, stmt.pricing)) r.notes.push_back(std::move(*n));
  for (auto& n : table_rate_notes(cols, ds, rows)) r.notes.push_back(std::move(n));
  for (auto& n : provenance_notes(ds, curve.selected().rows)) r.notes.push_back(std::move(n));
  return r;
}

Result run_query(const BoundPoints& stmt, const data::Dataset& ds, ExplainTrace* trace) {
  const Selection& sel = stmt.selection;
  SelectionTrace st;
  Selected selected = select_rows(ds, sel, &st);
  if (trace) trace->sides.push_back({"points", st, 0});
  // points shows the rows without interactivity too, in the canonical (line, date, conc) order.
  std::vector<std::uint32_t> rows = selected.rows;
  rows.insert(rows.end(), selected.unplottable.begin(), selected.unplottable.end());
  std::sort(rows.begin(), rows.end());
  const auto cols = columns_of(stmt.show,
                               {"gpu", "framework", "precision", "spec", "seq", "deployment", "tp", "ep", "dp_attention", "gpus", "conc",
                                "date", "interactivity", "throughput"},
                               stmt.pricing);
  // order by: columns may be any row column, shown or not.
  if (!stmt.order.empty()) {
    std::vector<std::pair<RowColumn, bool>> keys;
    for (const auto& o : stmt.order) keys.emplace_back(row_column(o.column, o.qualifier, &stmt.pricing), o.descending);
    std::stable_sort(rows.begin(), rows.end(), [&](std::uint32_t a, std::uint32_t b) {
      for (const auto& [col, desc] : keys) {
        const Value va = col.get(ds, ds.rows()[a]), vb = col.get(ds, ds.rows()[b]);
        if (sorts_before(va, vb, desc)) return true;
        if (sorts_before(vb, va, desc)) return false;
      }
      return false;
    });
  }
  const std::size_t total = rows.size();
  if (stmt.limit && rows.size() > *stmt.limit) rows.resize(*stmt.limit);
  Result r;
  r.kind = Kind::points;
  r.query = "points" + selection_text(sel);
  const auto economics = economics_note(cols, sel, stmt.pricing);
  if (!stmt.show.empty()) {
    std::vector<std::string> names;
    for (const auto& c : cols) names.push_back(c.column.name);
    r.query += " show " + text::join(names, ", ");
  }
  if (!stmt.order.empty()) {
    std::vector<std::string> o;
    for (const auto& item : stmt.order)
      o.push_back(text::lower(item.column.text) + (item.qualifier ? " " + text::lower(item.qualifier->text) : "") +
                  (item.descending ? " desc" : " asc"));
    r.query += " order by " + text::join(o, ", ");
  }
  if (stmt.limit) r.query += fmt::format(" limit {}", *stmt.limit);
  if (economics) r.query += " using prices " + stmt.pricing.text();
  r.tables.push_back(table_of("points", cols, ds, rows));
  std::string note = fmt::format("{}{} ({} of each line{})", plural(total, "row"),
                                 rows.size() < total ? fmt::format(", the first {} shown", rows.size()) : "",
                                 sel.date.kind == DateSelection::Kind::latest ? "the latest run" : "the run " + sel.date.text(),
                                 sel.where.empty() ? "" : ", then the where conditions");
  r.notes.push_back(note);
  // points takes no default sequence or model (compare and frontier do): say what the rows span.
  std::vector<std::string> spans;
  for (const LineField f : {LineField::seq, LineField::model}) {
    if (std::any_of(sel.filters.begin(), sel.filters.end(), [&](const LineFilter& lf) { return lf.field == f; })) continue;
    std::set<std::string> values;
    for (const std::uint32_t i : rows) values.insert(data::line_value(f, ds.line_of(ds.rows()[i])));
    if (values.size() > 1)
      spans.push_back(fmt::format("{} {} ({})", values.size(), data::dimension(f).list_word,
                                  text::join(std::vector<std::string>(values.begin(), values.end()), ", ")));
  }
  if (!spans.empty())
    r.notes.push_back(
        fmt::format("the rows span {}: points takes no default sequence or model (compare and frontier default to seq 1k/1k); "
                    "add `seq` or `model` to narrow them",
                    text::join(spans, " and ")));
  if (selected.rows_without_x) r.notes.push_back(fmt::format("{} of them have no median interactivity", selected.rows_without_x));
  if (economics) r.notes.push_back(*economics);
  for (auto& n : table_rate_notes(cols, ds, rows)) r.notes.push_back(std::move(n));
  for (auto& n : provenance_notes(ds, selected.rows)) r.notes.push_back(std::move(n));
  if (total == 0) r.notes.push_back("nothing matches: check the filters with `list gpus`, `list dates for …`");
  return r;
}

Result run_query(const BoundAccuracy& stmt, const data::Dataset& ds, ExplainTrace* trace) {
  const Selection& sel = stmt.selection;
  // The newest evaluation of each configuration and task (as of / on a date when asked).
  std::map<std::string, const data::Evaluation*> newest;  // key: config + task
  std::size_t matching = 0;
  for (const auto& e : ds.evaluations()) {
    if (!std::all_of(sel.filters.begin(), sel.filters.end(), [&](const LineFilter& f) { return f.matches(e.line); })) continue;
    ++matching;
    if (sel.date.kind == DateSelection::Kind::as_of && e.date > sel.date.date) continue;
    if (sel.date.kind == DateSelection::Kind::on && e.date != sel.date.date) continue;
    const auto& l = e.line;
    const std::string key =
        fmt::format("{}|{}|{}|{}|{}|{}|{}|{}|{}|{}|{}|{}|{}", l.model, l.hardware, l.precision, l.framework, l.spec_method, l.disagg,
                    l.prefill_tp, l.prefill_ep, l.decode_tp, l.decode_ep, l.num_prefill_gpu, l.num_decode_gpu, e.task);
    auto& slot = newest[key];
    if (!slot || e.date > slot->date || (e.date == slot->date && e.conc > slot->conc)) slot = &e;
  }
  Result r;
  r.kind = Kind::accuracy;
  r.query = "accuracy" + selection_text(sel);
  if (!stmt.where.empty()) r.query += " where " + stmt.where_text;
  if (!stmt.order.empty()) {
    std::vector<std::string> o;
    for (const auto& item : stmt.order) o.push_back(text::lower(item.column.text) + (item.descending ? " desc" : " asc"));
    r.query += " order by " + text::join(o, ", ");
  }
  if (stmt.limit) r.query += fmt::format(" limit {}", *stmt.limit);
  Table t;
  t.title = "accuracy";
  t.columns = {{"model", "", Column::Type::text},     {"gpu", "", Column::Type::text},           {"precision", "", Column::Type::text},
               {"framework", "", Column::Type::text}, {"spec", "", Column::Type::text},          {"deployment", "", Column::Type::text},
               {"tp", "", Column::Type::integer},     {"ep", "", Column::Type::integer},         {"gpus", "", Column::Type::integer},
               {"conc", "", Column::Type::integer},   {"task", "", Column::Type::text},          {"em_strict", "", Column::Type::number},
               {"se", "", Column::Type::number},      {"em_flexible", "", Column::Type::number}, {"n", "", Column::Type::integer},
               {"status", "", Column::Type::text},    {"date", "", Column::Type::text},          {"run", "", Column::Type::text}};
  auto num = [](double v) -> Value { return std::isnan(v) ? Value{} : Value{v}; };
  for (const auto& [_, e] : newest) {
    const auto& l = e->line;
    t.rows.push_back({l.model, l.hardware, l.precision, l.framework, l.spec_method,
                      std::string(l.disagg         ? "disagg"
                                  : l.is_multinode ? "multinode"
                                                   : "single-node"),
                      static_cast<std::int64_t>(l.decode_tp), static_cast<std::int64_t>(l.decode_ep), static_cast<std::int64_t>(l.gpus()),
                      static_cast<std::int64_t>(e->conc), e->task, num(e->em_strict), num(e->em_strict_se), num(e->em_flexible),
                      std::isnan(e->n_eff) ? Value{} : Value{static_cast<std::int64_t>(e->n_eff)},
                      std::string(e->failed() ? "failed" : "ok"), text::format_date(e->date), e->run_url});
  }
  const std::size_t evaluated = t.rows.size();
  filter_table(t, stmt.where, stmt.order, stmt.limit);
  if (trace) {
    SelectionTrace st;
    st.rows_loaded = ds.evaluations().size();
    st.rows_on_matching_lines = matching;
    st.rows_after_date = newest.size();
    st.rows_after_where = st.rows_used = t.rows.size();
    trace->sides.push_back({"evaluations", st, 0});
  }
  // The failed runs shown, by configuration: a score near 0 is no measurement of the model.
  std::vector<std::string> failed;
  const auto cell = [&t](const std::vector<Value>& row, std::string_view name) -> const Value& {
    for (std::size_t i = 0; i < t.columns.size(); ++i)
      if (t.columns[i].name == name) return row[i];
    throw std::logic_error("accuracy has no column " + std::string(name));
  };
  for (const auto& row : t.rows)
    if (std::get<std::string>(cell(row, "status")) == "failed")
      failed.push_back(fmt::format("{} {} {} {} conc {} on {}", std::get<std::string>(cell(row, "gpu")),
                                   std::get<std::string>(cell(row, "framework")), std::get<std::string>(cell(row, "spec")),
                                   std::get<std::string>(cell(row, "deployment")), std::get<std::int64_t>(cell(row, "conc")),
                                   std::get<std::string>(cell(row, "date"))));
  r.tables.push_back(std::move(t));
  const bool narrowed = !stmt.where.empty() || (stmt.limit && r.tables.front().rows.size() < evaluated);
  r.notes.push_back(fmt::format("{} ({} of {} evaluations match; the newest per configuration and task{}{})",
                                plural(newest.size(), "configuration"), matching, ds.evaluations().size(),
                                sel.date.kind == DateSelection::Kind::latest ? "" : ", " + sel.date.text(),
                                narrowed ? fmt::format("; {} shown", r.tables.front().rows.size()) : ""));
  r.notes.push_back("em_strict: strict exact match (0–1) with its standard error; em_flexible: flexible-extract match");
  if (!failed.empty())
    r.notes.push_back(
        fmt::format("status failed: em_strict under {} means the evaluation run failed (it answered almost nothing right), "
                    "not that the configuration is inaccurate; rerun it before reading it as a score ({}); "
                    "`where status = ok` leaves them out",
                    data::Evaluation::kFailedBelow, text::join(failed, "; ")));
  if (newest.empty()) r.notes.push_back("no evaluation matches these filters; `accuracy` alone lists every configuration evaluated");
  return r;
}

}  // namespace icq::interp
