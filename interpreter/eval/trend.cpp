// trend: a metric at fixed interactivities on every run date of a selection. Each date's value is
// read on the frontier of the newest run of every line up to that date (`as of` the date), so a
// date shows the state of the selection then, not only the lines that ran that day.
#include <fmt/format.h>

#include <algorithm>
#include <memory>
#include <set>

#include "catalog/catalog.hpp"
#include "eval/cancel.hpp"
#include "eval/compare.hpp"
#include "eval/curve.hpp"
#include "eval/rate_notes.hpp"
#include "bind/method.hpp"
#include "num/decimal.hpp"
#include "bind/query_error.hpp"
#include "render/numbers.hpp"
#include "eval/statements.hpp"
#include "text/dates.hpp"
#include "text/text.hpp"

namespace icq::interp {

Result run_trend(const BoundTrend& stmt, const data::Dataset& ds, ExplainTrace* trace) {
  const auto& [metrics, targets, clamp, sel, defaults, method, tokens, token_field, since, by] = stmt;
  const Pricing& pricing = method.pricing;

  Result r;
  r.kind = Kind::trend;
  std::vector<std::string> mnames, tnames;
  for (const auto& m : metrics) mnames.push_back(m.text);
  for (double t : targets) tnames.push_back(number_text(t));
  r.query = fmt::format("trend {}{} at interactivity {}{}{}{}{}", text::join(mnames, ", "), selection_text(sel), text::join(tnames, ", "),
                        clamp ? " clamp" : "", since ? " since " + text::format_date(*since) : "",
                        by ? fmt::format(" by {}", field_keyword(*by)) : "",
                        method.text() + " tokens " + tokens);

  Table t;
  t.title = "trend";
  t.columns.push_back({"date", "", Column::Type::text});
  if (by) t.columns.push_back({std::string(field_keyword(*by)), "", Column::Type::text});
  t.columns.push_back({"interactivity", "tok/s/user", Column::Type::number});
  t.columns.push_back({"status", "", Column::Type::text});
  t.columns.push_back(evidence_column());
  for (const auto& m : metrics) t.columns.push_back(m.column.as_column());
  t.columns.push_back({"lines", "", Column::Type::integer});
  t.columns.push_back({"frontier", "", Column::Type::integer});

  const std::vector<std::string> groups = by ? present_values(ds, sel.filters, *by) : std::vector<std::string>{""};
  std::size_t out_of_range = 0, cells = 0;
  std::size_t not_solid[3] = {0, 0, 0};  // values between two configurations, across a wide gap, clamped
  std::set<std::uint32_t> knots;  // every date's frontier knots, for the notes on their token rates
  for (const auto& g : groups) {
    Selection gsel = sel;
    if (by) gsel.filters.push_back({*by, {g}});
    gsel.matching_lines = std::make_shared<const std::vector<std::uint32_t>>(matching_lines(ds, gsel));
    // Run dates of the group's lines (rows passing the where conditions), from `since` on.
    std::set<std::int32_t> dates;
    for (const std::uint32_t l : *gsel.matching_lines) {
      for (std::size_t i = ds.line_begin(l); i < ds.line_begin(l + 1); ++i) {
        const auto& row = ds.rows()[i];
        if (since && row.date < *since) continue;
        if (std::all_of(gsel.where.begin(), gsel.where.end(), [&](const BoundExpr& e) { return e.eval(ds, row); })) dates.insert(row.date);
      }
    }
    struct Point {
      std::int32_t date;
      std::optional<double> value;
      const char* not_solid;  // the evidence key of a value that is not solid, else null
    };
    std::vector<std::vector<Point>> series(targets.size());
    for (std::int32_t d : dates) {
      check_cancelled();  // a frontier per run date
      Selection dsel = gsel;
      dsel.date = {DateSelection::Kind::as_of, d};
      SelectionTrace st;
      const Curve curve(ds, dsel, &st);
      for (const auto& p : curve.frontier()) knots.insert(static_cast<std::uint32_t>(p.index));
      if (trace) trace->sides.push_back({fmt::format("{}{}", g.empty() ? "" : g + " ", text::format_date(d)), st, curve.frontier().size()});
      for (std::size_t ti = 0; ti < targets.size(); ++ti) {
        const PointValues pv = evaluate_at(curve, ds, targets[ti], clamp, metrics, method, token_field);
        ++cells;
        if (pv.status == Status::out_of_range) ++out_of_range;
        std::vector<Value> row;
        row.reserve(t.columns.size());
        row.emplace_back(std::in_place_type<std::string>, text::format_date(d));
        if (by) row.emplace_back(std::in_place_type<std::string>, g);
        row.emplace_back(targets[ti]);
        row.emplace_back(std::in_place_type<std::string>, pv.status == Status::ok ? "ok" : pv.status == Status::clamped ? "clamped" : "out_of_range");
        const std::optional<Evidence> ev = evidence_of(curve, ds, pv);
        row.push_back(evidence_cell(ev ? &*ev : nullptr));
        if (ev && !ev->solid()) ++not_solid[ev->kind == Evidence::Kind::wide_gap ? 1 : ev->kind == Evidence::Kind::two_configs ? 0 : 2];
        for (const auto& v : pv.values) {
          if (v) row.emplace_back(*v);
          else row.emplace_back(std::monostate{});
        }
        row.emplace_back(static_cast<std::int64_t>(curve.selected().lines));
        row.emplace_back(static_cast<std::int64_t>(curve.frontier().size()));
        t.rows.push_back(std::move(row));
        series[ti].push_back({d, pv.values.empty() ? std::nullopt : pv.values.front(), ev && !ev->solid() ? evidence_key(ev->kind) : nullptr});
      }
    }
    // A sentence per series: the first metric from its first to its last value.
    for (std::size_t ti = 0; ti < targets.size(); ++ti) {
      std::vector<Point> have;
      for (const auto& p : series[ti])
        if (p.value) have.push_back(p);
      const std::string who = g.empty() ? "" : fmt::format(" for {}", g);
      if (have.empty()) {
        r.summary.push_back(fmt::format("{} at {} tok/s/user{}: no run date has a value (out of range or not measured).", metrics.front().text,
                                        number_text(targets[ti]), who));
        continue;
      }
      const auto& first = have.front();
      const auto& last = have.back();
      std::string change;
      if (have.size() > 1 && *first.value > 0) {
        const num::Decimal pct = (num::Decimal::from_double(*last.value) / num::Decimal::from_double(*first.value) - num::Decimal::from_int(1)) *
                                 num::Decimal::from_int(100);
        const long long n = pct.round_to_integer();
        change = fmt::format(" ({}{}%)", n >= 0 ? "+" : "", n);
      }
      // An end of the trend that is not solid says so (SEMANTICS.md §12).
      const MetricColumn& column = metrics.front().column;  // a structured binding cannot be captured before C++20's P1091 in clang 14
      const auto shown = [&](const Point& p) {
        return out::metric_cell(column, *p.value) + (p.not_solid ? fmt::format(" ({})", p.not_solid) : "");
      };
      r.summary.push_back(fmt::format("{} at {} tok/s/user{}: {} on {} → {} on {}{}, {} of {} run dates with a value.",
                                      metrics.front().column.display, number_text(targets[ti]), who, shown(first), text::format_date(first.date),
                                      shown(last), text::format_date(last.date), change, have.size(), series[ti].size()));
    }
  }
  const bool nothing = t.rows.empty();
  r.tables.push_back(std::move(t));
  r.notes.push_back("each date reads the frontier of the newest run of every selected line up to that date (as of the date)");
  if (not_solid[0] || not_solid[1])
    r.notes.push_back(fmt::format("evidence: {} of {} values between two configurations (two_configs: no single deployment was measured "
                                  "there), {} across a wide gap (wide_gap: the frontier segment's upper end is more than {}× as "
                                  "interactive as its lower end, or its throughput changes more than {}×)",
                                  not_solid[0], cells - out_of_range, not_solid[1], number_text(kWideGapInteractivity),
                                  number_text(kWideGapThroughput)));
  if (out_of_range) r.notes.push_back(fmt::format("{} of {} date×target cells are out of range: the target lies outside that date's frontier",
                                                  out_of_range, cells));
  if (std::any_of(metrics.begin(), metrics.end(), [](const BoundMetric& m) { return catalog::needs_economics(m.metric->kind); }))
    r.notes.push_back(fmt::format("prices: {} edition, {} tier, {} tokens, cost {} (a frontier segment joining two GPUs has no cost)",
                                  pricing.edition->name, pricing.tier, tokens, cost_method_name(method.cost)));
  if (!method.dashboard_note.empty()) r.notes.push_back(method.dashboard_note);
  {
    std::set<data::Field> fields;
    for (const auto& m : metrics) {
      if (m.metric->kind == catalog::MetricKind::throughput) fields.insert(m.field);
      if (catalog::needs_economics(m.metric->kind)) fields.insert(token_field);
    }
    std::vector<RateUse> uses;
    for (data::Field f : fields) uses.push_back({"", {knots.begin(), knots.end()}, f});
    for (auto& n : rate_notes(ds, uses, method.rates)) r.notes.push_back(std::move(n));
  }
  if (!defaults.empty()) r.notes.push_back("defaults: " + text::join(defaults, "; "));
  if (nothing) r.notes.push_back("no run dates match the filters");
  return r;
}

}  // namespace icq::interp
