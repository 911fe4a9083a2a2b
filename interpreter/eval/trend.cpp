// trend: a metric at fixed interactivities on every run date of a selection. Each date's value is
// read on the frontier of the newest run of every line up to that date (`as of` the date), so a
// date shows the state of the selection then, not only the lines that ran that day.
#include <fmt/format.h>

#include <algorithm>
#include <memory>
#include <set>

#include "bind/method.hpp"
#include "bind/query_error.hpp"
#include "catalog/catalog.hpp"
#include "eval/cancel.hpp"
#include "eval/compare.hpp"
#include "eval/curve.hpp"
#include "eval/rate_notes.hpp"
#include "eval/statements.hpp"
#include "num/decimal.hpp"
#include "render/numbers.hpp"
#include "text/dates.hpp"
#include "text/text.hpp"

namespace icq::interp {

namespace {

std::string trend_query(const BoundTrend& stmt) {
  const auto& [metrics, targets, clamp, sel, defaults, method, tokens, token_field, since, until, by] = stmt;
  std::vector<std::string> mnames, tnames;
  for (const auto& m : metrics) mnames.push_back(m.text);
  for (double t : targets) tnames.push_back(number_text(t));
  return fmt::format("trend {}{} at interactivity {}{}{}{}{}", text::join(mnames, ", "), selection_text(sel), text::join(tnames, ", "),
                     clamp ? " clamp" : "",
                     (since ? " since " + text::format_date(*since) : "") + (until ? " as of " + text::format_date(*until) : ""),
                     by ? fmt::format(" by {}", field_keyword(*by)) : "", method.text() + " tokens " + tokens);
}

// The table's columns, its rows to come: a row per date, group and target.
Table trend_table(const BoundTrend& stmt) {
  Table t;
  t.title = "trend";
  t.columns.push_back({"date", "", Column::Type::text});
  if (stmt.by) t.columns.push_back({std::string(field_keyword(*stmt.by)), "", Column::Type::text});
  t.columns.push_back({"interactivity", "tok/s/user", Column::Type::number});
  t.columns.push_back({"status", "", Column::Type::text});
  t.columns.push_back(evidence_column());
  for (const auto& m : stmt.metrics) t.columns.push_back(m.column.as_column());
  t.columns.push_back({"lines", "", Column::Type::integer});
  t.columns.push_back({"frontier", "", Column::Type::integer});
  return t;
}

// What the notes count across every group and date.
struct Tally {
  std::size_t out_of_range = 0, cells = 0;
  std::size_t not_solid[3] = {0, 0, 0};  // values between two configurations, across a wide gap, clamped
  std::set<std::uint32_t> knots;         // every date's frontier knots, for the notes on their token rates
};

struct Point {
  std::int32_t date;
  std::optional<double> value;
  const char* not_solid;  // the evidence key of a value that is not solid, else null
};

// Run dates of the group's lines (rows passing the where conditions), from `since` to `as of`.
std::set<std::int32_t> run_dates(const BoundTrend& stmt, const data::Dataset& ds, const Selection& gsel) {
  std::set<std::int32_t> dates;
  for (const std::uint32_t l : *gsel.matching_lines) {
    for (std::size_t i = ds.line_begin(l); i < ds.line_begin(l + 1); ++i) {
      const auto& row = ds.rows()[i];
      if ((stmt.since && row.date < *stmt.since) || (stmt.until && row.date > *stmt.until)) continue;
      if (std::all_of(gsel.where.begin(), gsel.where.end(), [&](const BoundExpr& e) { return e.eval(ds, row); })) dates.insert(row.date);
    }
  }
  return dates;
}

// The row of one date, group and target in the table; its first metric's point of the series.
Point add_row(const BoundTrend& stmt, const data::Dataset& ds, const Curve& curve, std::int32_t d, const std::string& g, double target,
              Table& t, Tally& tally) {
  const PointValues pv = evaluate_at(curve, ds, target, stmt.clamp, stmt.metrics, stmt.method, stmt.token_field);
  ++tally.cells;
  if (pv.status == Status::out_of_range) ++tally.out_of_range;
  std::vector<Value> row;
  row.reserve(t.columns.size());
  row.emplace_back(std::in_place_type<std::string>, text::format_date(d));
  if (stmt.by) row.emplace_back(std::in_place_type<std::string>, g);
  row.emplace_back(target);
  row.emplace_back(std::in_place_type<std::string>, pv.status == Status::ok        ? "ok"
                                                    : pv.status == Status::clamped ? "clamped"
                                                                                   : "out_of_range");
  const std::optional<Evidence> ev = evidence_of(curve, ds, pv);
  row.push_back(evidence_cell(ev ? &*ev : nullptr));
  if (ev && !ev->solid()) ++tally.not_solid[ev->kind == Evidence::Kind::wide_gap ? 1 : ev->kind == Evidence::Kind::two_configs ? 0 : 2];
  for (const auto& v : pv.values) {
    if (v) row.emplace_back(*v);
    else row.emplace_back(std::monostate{});
  }
  row.emplace_back(static_cast<std::int64_t>(curve.selected().lines));
  row.emplace_back(static_cast<std::int64_t>(curve.frontier().size()));
  t.rows.push_back(std::move(row));
  return {d, pv.values.empty() ? std::nullopt : pv.values.front(), ev && !ev->solid() ? evidence_key(ev->kind) : nullptr};
}

// A group's rows, date by date; returns a series of points per target.
std::vector<std::vector<Point>> add_group(const BoundTrend& stmt, const data::Dataset& ds, const Selection& gsel, const std::string& g,
                                          Table& t, Tally& tally, ExplainTrace* trace) {
  std::vector<std::vector<Point>> series(stmt.targets.size());
  for (std::int32_t d : run_dates(stmt, ds, gsel)) {
    check_cancelled();  // a frontier per run date
    Selection dsel = gsel;
    dsel.date = {DateSelection::Kind::as_of, d};
    SelectionTrace st;
    const Curve curve(ds, dsel, &st);
    for (const auto& p : curve.frontier()) tally.knots.insert(static_cast<std::uint32_t>(p.index));
    if (trace) trace->sides.push_back({fmt::format("{}{}", g.empty() ? "" : g + " ", text::format_date(d)), st, curve.frontier().size()});
    for (std::size_t ti = 0; ti < stmt.targets.size(); ++ti)
      series[ti].push_back(add_row(stmt, ds, curve, d, g, stmt.targets[ti], t, tally));
  }
  return series;
}

// A sentence per series: the first metric from its first to its last value.
std::string series_sentence(const BoundTrend& stmt, const std::vector<Point>& series, double target, const std::string& g) {
  std::vector<Point> have;
  for (const auto& p : series)
    if (p.value) have.push_back(p);
  const std::string who = g.empty() ? "" : fmt::format(" for {}", g);
  if (have.empty())
    return fmt::format("{} at {} tok/s/user{}: no run date has a value (out of range or not measured).", stmt.metrics.front().text,
                       number_text(target), who);
  const auto& first = have.front();
  const auto& last = have.back();
  std::string change;
  if (have.size() > 1 && *first.value > 0) {
    const num::Decimal pct =
        (num::Decimal::from_double(*last.value) / num::Decimal::from_double(*first.value) - num::Decimal::from_int(1)) *
        num::Decimal::from_int(100);
    const long long n = pct.round_to_integer();
    change = fmt::format(" ({}{}%)", n >= 0 ? "+" : "", n);
  }
  // An end of the trend that is not solid says so (SEMANTICS.md §12).
  const MetricColumn& column = stmt.metrics.front().column;
  const auto shown = [&](const Point& p) {
    return out::metric_cell(column, *p.value) + (p.not_solid ? fmt::format(" ({})", p.not_solid) : "");
  };
  return fmt::format("{} at {} tok/s/user{}: {} on {} → {} on {}{}, {} of {} run dates with a value.", column.display, number_text(target),
                     who, shown(first), text::format_date(first.date), shown(last), text::format_date(last.date), change, have.size(),
                     series.size());
}

// The notes on the token rates of every date's frontier knots.
void add_rate_notes(Result& r, const BoundTrend& stmt, const data::Dataset& ds, const Tally& tally) {
  std::set<data::Field> fields;
  for (const auto& m : stmt.metrics) {
    if (m.metric->kind == catalog::MetricKind::throughput) fields.insert(m.field);
    if (catalog::needs_economics(m.metric->kind)) fields.insert(stmt.token_field);
  }
  std::vector<RateUse> uses;
  for (data::Field f : fields) uses.push_back({"", {tally.knots.begin(), tally.knots.end()}, f});
  for (auto& n : rate_notes(ds, uses, stmt.method.rates)) r.notes.push_back(std::move(n));
}

void add_notes(Result& r, const BoundTrend& stmt, const data::Dataset& ds, const Tally& tally, bool nothing) {
  const auto& [metrics, targets, clamp, sel, defaults, method, tokens, token_field, since, until, by] = stmt;
  const Pricing& pricing = method.pricing;
  r.notes.push_back("each date reads the frontier of the newest run of every selected line up to that date (as of the date)");
  if (tally.not_solid[0] || tally.not_solid[1])
    r.notes.push_back(
        fmt::format("evidence: {} of {} values between two configurations (two_configs: no single deployment was measured "
                    "there), {} across a wide gap (wide_gap: the frontier segment's upper end is more than {}× as "
                    "interactive as its lower end, or its throughput changes more than {}×)",
                    tally.not_solid[0], tally.cells - tally.out_of_range, tally.not_solid[1], number_text(kWideGapInteractivity),
                    number_text(kWideGapThroughput)));
  if (tally.out_of_range)
    r.notes.push_back(fmt::format("{} of {} date×target cells are out of range: the target lies outside that date's frontier",
                                  tally.out_of_range, tally.cells));
  if (std::any_of(metrics.begin(), metrics.end(), [](const BoundMetric& m) { return catalog::needs_economics(m.metric->kind); }))
    r.notes.push_back(fmt::format("prices: {} edition, {} tier, {} tokens, cost {} (a frontier segment joining two GPUs has no cost)",
                                  pricing.edition->name, pricing.tier, tokens, cost_method_name(method.cost)));
  if (!method.dashboard_note.empty()) r.notes.push_back(method.dashboard_note);
  add_rate_notes(r, stmt, ds, tally);
  if (!defaults.empty()) r.notes.push_back("defaults: " + text::join(defaults, "; "));
  if (nothing) r.notes.push_back("no run dates match the filters");
}

}  // namespace

Result run_query(const BoundTrend& stmt, const data::Dataset& ds, ExplainTrace* trace) {
  Result r;
  r.kind = Kind::trend;
  r.query = trend_query(stmt);
  Table t = trend_table(stmt);
  const auto& by = stmt.by;
  const std::vector<std::string> groups = by ? present_values(ds, stmt.selection.filters, *by) : std::vector<std::string>{""};
  Tally tally;
  for (const auto& g : groups) {
    Selection gsel = stmt.selection;
    if (by) gsel.filters.push_back({*by, {g}});
    gsel.matching_lines = std::make_shared<const std::vector<std::uint32_t>>(matching_lines(ds, gsel));
    const auto series = add_group(stmt, ds, gsel, g, t, tally, trace);
    for (std::size_t ti = 0; ti < stmt.targets.size(); ++ti) r.summary.push_back(series_sentence(stmt, series[ti], stmt.targets[ti], g));
  }
  const bool nothing = t.rows.empty();
  r.tables.push_back(std::move(t));
  add_notes(r, stmt, ds, tally, nothing);
  return r;
}

}  // namespace icq::interp
