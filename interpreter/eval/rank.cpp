// rank: one comparison of every value of a dimension (or every configuration), reordered at each
// target by the metric's polarity. The values are the comparison's own, so a ranking and the
// `compare` of the same sides always agree.
#include <fmt/format.h>

#include <algorithm>
#include <set>

#include "bind/query_error.hpp"
#include "eval/compare.hpp"
#include "eval/statements.hpp"
#include "render/numbers.hpp"
#include "text/text.hpp"

namespace icq::interp {

namespace {

const char* status_word(Status s) { return s == Status::ok ? "ok" : s == Status::clamped ? "clamped" : "out_of_range"; }

struct Entry {
  const SideSummary* side;
  const SideValue* value;  // null: the side has no frontier under the filters
  [[nodiscard]] std::optional<double> metric() const {
    if (!value || value->status == Status::out_of_range || value->values.empty()) return std::nullopt;
    return value->values.front();
  }
};

}  // namespace

Result run_rank(const BoundRank& q, const data::Dataset& ds, ExplainTrace* trace) {
  // Sides with no frontier under the filters are listed, not dropped and not an error.
  // Each side's curve is built once: the ones with a frontier are the comparison's.
  std::vector<Curve> all = build_curves(q.compare, ds, trace ? &trace->sides : nullptr);
  BoundCompare measured = q.compare;
  measured.sides.clear();
  std::vector<Curve> curves;
  std::vector<std::string> unmeasured;
  for (std::size_t i = 0; i < all.size(); ++i) {
    if (all[i].empty()) {
      unmeasured.push_back(q.compare.sides[i].display);
    } else {
      measured.sides.push_back(q.compare.sides[i]);
      curves.push_back(std::move(all[i]));
    }
  }
  if (measured.sides.empty())
    throw QueryError(fmt::format("no {} has a frontier under{}", q.dimension == "config" ? "configuration" : q.dimension,
                                 selection_text(q.compare.shared)),
                     {0, 0}, "check the filters with `list gpus`, `list dates for …`");
  const Result cmp = compare_curves(measured, ds, curves);
  const Comparison& c = *cmp.comparison;
  const MetricColumn& metric = c.metrics.front();
  const bool higher = metric.polarity == MetricColumn::Polarity::higher_is_better;
  if (metric.polarity == MetricColumn::Polarity::neutral)
    throw QueryError(fmt::format("{} has no better direction to rank by", metric.key), {0, 0}, "rank by throughput, cost, power, energy or a latency");

  Result r;
  r.kind = Kind::rank;
  std::vector<std::string> mnames;
  for (const auto& m : q.compare.metrics) mnames.push_back(m.text);
  // The comparison's clauses, after the ranking's own head.
  std::vector<double> targets;
  for (const auto& t : c.targets) targets.push_back(t.interactivity);
  r.query = fmt::format("rank {} by {}{}{}", q.dimension, mnames.front(),
                        resolved_clauses(measured, targets, axis_use(measured, curves, ds).words),
                        q.limit ? fmt::format(" limit {}", *q.limit) : "");
  const std::size_t sides = q.compare.sides.size();
  const std::size_t shown = q.limit ? std::min(*q.limit, sides) : sides;
  std::set<std::string> listed;  // the sides in some table: under `limit`, the notes are theirs

  for (const auto& target : c.targets) {
    std::vector<Entry> entries;
    for (std::size_t i = 0; i < c.sides.size(); ++i) entries.push_back({&c.sides[i], &target.values[i]});
    std::stable_sort(entries.begin(), entries.end(), [&](const Entry& a, const Entry& b) {
      const auto va = a.metric(), vb = b.metric();
      if (va && vb) return higher ? *va > *vb : *va < *vb;
      return va.has_value() && !vb.has_value();  // values first, then out of range or without a value
    });
    Table t;
    t.title = fmt::format("at {} tok/s/user", number_text(target.interactivity));
    t.columns = {{"rank", "", Column::Type::integer},
                 {q.dimension, "", Column::Type::text},
                 {"interactivity", "tok/s/user", Column::Type::number},
                 metric.as_column(),
                 {"vs_best", "×", Column::Type::number},
                 {"status", "", Column::Type::text},
                 evidence_column()};
    for (std::size_t m = 1; m < c.metrics.size(); ++m) t.columns.push_back(c.metrics[m].as_column());
    const std::optional<double> best = entries.empty() ? std::nullopt : entries.front().metric();
    std::int64_t place = 0;
    std::vector<std::string> order, absent;  // absent: "H200 (out of range)"
    for (const auto& e : entries) {
      if (t.rows.size() == shown) break;  // `limit N`: the N best
      listed.insert(e.side->display);
      const auto v = e.metric();
      std::vector<Value> row;
      row.emplace_back(v ? Value{++place} : Value{});
      row.emplace_back(std::in_place_type<std::string>, e.side->display);
      row.emplace_back(target.interactivity);
      row.emplace_back(v ? Value{*v} : Value{});
      row.emplace_back(v && best && *best != 0 ? Value{*v / *best} : Value{});
      row.emplace_back(std::in_place_type<std::string>, !v && e.value->status != Status::out_of_range ? "no value" : status_word(e.value->status));
      const Evidence* ev = e.value->evidence ? &*e.value->evidence : nullptr;
      row.push_back(evidence_cell(ev));
      for (std::size_t m = 1; m < c.metrics.size(); ++m) {
        const auto& x = e.value->values[m];
        row.emplace_back(x && e.value->status != Status::out_of_range ? Value{*x} : Value{});
      }
      t.rows.push_back(std::move(row));
      // A value that is not solid says so where it is ranked (SEMANTICS.md §12).
      const std::string caution = !ev || ev->solid() ? "" : ev->kind == Evidence::Kind::wide_gap ? ", a guess across a wide gap"
                                                          : ev->kind == Evidence::Kind::two_configs ? ", between two configurations"
                                                                                                     : ", clamped";
      if (v) order.push_back(place == 1 ? fmt::format("{} ({}{})", e.side->display, out::metric_cell(metric, *v), caution)
                                        : fmt::format("{} ({}×{})", e.side->display, out::grouped(*v / *best, 3), caution));
      else absent.push_back(fmt::format("{} ({})", e.side->display, e.value->status == Status::out_of_range ? "out of range" : "no value"));
    }
    for (const auto& u : unmeasured) {
      if (t.rows.size() == shown) break;
      listed.insert(u);
      absent.push_back(u + " (not measured)");
      std::vector<Value> row(t.columns.size());
      row[1].emplace<std::string>(u);
      row[2] = target.interactivity;
      row[5].emplace<std::string>("not measured");
      t.rows.push_back(std::move(row));
    }
    r.tables.push_back(std::move(t));
    const std::string top = shown < sides ? fmt::format(" the {} best of {}:", shown, sides) : "";
    r.summary.push_back(order.empty()
                            ? fmt::format("At {} tok/s/user no {} has a {} value.", number_text(target.interactivity), q.dimension, metric.key)
                            : fmt::format("At {} tok/s/user, by {} ({}):{} {}{}.", number_text(target.interactivity), metric.display,
                                          higher ? "higher is better" : "lower is better", top, text::join(order, ", "),
                                          absent.empty() ? "" : "; without a value there: " + text::join(absent, ", ")));
  }
  // The comparison's notes on each side, prices and method; not its band (of all sides at once, which
  // a ranking does not need) nor its two-side verdict wording. Under `limit`, the notes of the sides
  // shown: the comparison of those alone (a side's value at a target does not depend on the others).
  Result few_cmp;
  const Result* notes_of = &cmp;
  if (shown < sides) {
    BoundCompare few = measured;
    few.sides.clear();
    std::vector<Curve> few_curves;
    for (std::size_t i = 0; i < measured.sides.size(); ++i)
      if (listed.count(measured.sides[i].display)) few.sides.push_back(measured.sides[i]), few_curves.push_back(curves[i]);
    if (!few.sides.empty()) few_cmp = compare_curves(few, ds, few_curves), notes_of = &few_cmp;
  }
  for (const auto& n : notes_of->notes)
    if (n.rfind("band ", 0) != 0 && n.rfind("no common band", 0) != 0 && n.find("% cheaper\"") == std::string::npos &&
        (notes_of == &cmp || n.rfind("the dashboard's page", 0) != 0))  // a page of the sides shown is not the ranking's
      r.notes.push_back(n);
  std::vector<std::string> unmeasured_shown;
  for (const auto& u : unmeasured)
    if (listed.count(u)) unmeasured_shown.push_back(u);
  if (!unmeasured_shown.empty())
    r.notes.push_back(fmt::format("no frontier under the filters (listed last): {}", text::join(unmeasured_shown, ", ")));
  r.notes.push_back("vs_best: the value over the best value at that target; out-of-range values are listed after the ranked ones");
  if (shown < sides)
    r.notes.push_back(fmt::format("limit {}: the {} best of the {} {} at each target (the notes are of those shown)", *q.limit,
                                  shown, sides, q.dimension == "config" ? "configurations" : q.dimension + " values"));
  return r;
}

}  // namespace icq::interp
