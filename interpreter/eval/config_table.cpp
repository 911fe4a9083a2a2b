// `show config` on compare: the frontier knots behind each value, the answer to "what would I have
// to deploy to get this?". A value between two knots is read off the segment joining them, so both
// are listed; a value at a knot (or clamped to an end) lists that one. When the two knots are of
// different configurations no single deployment gives that value, so the best single configuration
// at the target follows (SEMANTICS.md §12). `show deployable` is that last row alone, per target.
#include "eval/config_table.hpp"

#include <algorithm>
#include <cmath>

#include <fmt/format.h>

#include "bind/columns.hpp"

namespace icq::interp {

Table config_table(const BoundCompare& q, const std::vector<Curve>& curves, const data::Dataset& ds, const std::vector<double>& targets) {
  static const std::vector<std::string> fields = {
      "gpu",        "framework",     "precision",       "spec",           "deployment",   "tp",          "ep",   "dp_attention",
      "prefill_tp", "prefill_ep",    "prefill_workers", "decode_workers", "prefill_gpus", "decode_gpus", "gpus", "conc",
      "date",       "interactivity", "throughput",      "image"};
  std::vector<RowColumn> cols;
  for (const auto& f : fields) cols.push_back(row_column(f));
  const auto column_of = [&](const std::string& name) {
    return static_cast<std::size_t>(std::find(fields.begin(), fields.end(), name) - fields.begin());
  };
  Table t;
  t.title = "config";
  t.columns = {{"target", "tok/s/user", Column::Type::number}, {"side", "", Column::Type::text}, {"knot", "", Column::Type::text}};
  for (const auto& c : cols) t.columns.push_back(c.column);
  // The best single configuration is chosen as `show deployable` chooses it: by the first metric
  // with a better direction.
  std::size_t by = 0;
  while (by + 1 < q.metrics.size() && q.metrics[by].column.polarity == MetricColumn::Polarity::neutral) ++by;
  std::vector<LineCurves> lines;
  lines.reserve(curves.size());
  for (const auto& c : curves) lines.emplace_back(c);
  for (const double x : targets)
    for (std::size_t i = 0; i < curves.size(); ++i) {
      const auto knots = curves[i].knots_at(x);
      const bool inside = curves[i].in_range(x);
      for (std::size_t k = 0; k < knots.size(); ++k) {
        std::vector<Value> row;
        row.emplace_back(x);
        row.emplace_back(std::in_place_type<std::string>, q.sides[i].label);
        row.emplace_back(std::in_place_type<std::string>, !inside             ? "nearest (out of range)"
                                                          : knots.size() == 1 ? "at"
                                                          : k == 0            ? "below"
                                                                              : "above");
        for (const auto& c : cols) row.push_back(c.get(ds, *knots[k]));
        t.rows.push_back(std::move(row));
      }
      const bool joins = inside && knots.size() == 2 && knots[0]->line != knots[1]->line;
      if (!joins) continue;
      // Two configurations: the best single one at x (as `show deployable` chooses it), its
      // configuration fields and its throughput there, with its own evidence.
      const auto single = best_single(lines[i].reaching(x), ds, x, q.metrics, by, q.method, q.token_field);
      const Curve* best = single ? single->line : nullptr;
      std::vector<Value> row;
      row.emplace_back(x);
      row.emplace_back(std::in_place_type<std::string>, q.sides[i].label);
      const auto& ev = single ? single->deployable.evidence : std::nullopt;
      row.emplace_back(std::in_place_type<std::string>, !best                ? "best single: none spans the target"
                                                        : ev && !ev->solid() ? fmt::format("best single ({})", evidence_key(ev->kind))
                                                                             : std::string("best single"));
      if (best) {
        const data::Row& first = ds.rows()[best->frontier().front().index];
        for (const auto& c : cols) row.push_back(c.get(ds, first));
        row[3 + column_of("interactivity")] = x;
        if (const auto* tput = best->spline(data::Field::tput_per_gpu)) row[3 + column_of("throughput")] = tput->at_clamped(x);
        const auto* conc = best->concurrency();
        row[3 + column_of("conc")].emplace<std::int64_t>(std::llround(conc->at_clamped(x)));
      } else {
        row.resize(t.columns.size());
      }
      t.rows.push_back(std::move(row));
    }
  return t;
}

Table deployable_table(const Comparison& c) {
  const std::size_t by = [&] {
    for (std::size_t i = 0; i < c.metrics.size(); ++i)
      if (c.metrics[i].polarity != MetricColumn::Polarity::neutral) return i;
    return std::size_t{0};
  }();
  Table t;
  t.title = "deployable";
  t.columns = {{"target", "tok/s/user", Column::Type::number}, {"side", "", Column::Type::text}, {"config", "", Column::Type::text}};
  for (const auto& m : c.metrics) {
    t.columns.push_back(m.as_column());
    if (m.key == "concurrency") t.columns.back().type = Column::Type::integer;
  }
  if (!c.metrics.empty()) t.columns.push_back({"pooled_vs_single", "×", Column::Type::number});
  t.columns.push_back(evidence_column());
  for (const auto& target : c.targets)
    for (const auto& sv : target.values) {
      if (sv.status == Status::out_of_range) continue;
      std::vector<Value> row;
      row.emplace_back(target.interactivity);
      row.emplace_back(sv.side);
      if (!sv.deployable) {
        row.emplace_back(std::string("none: no single configuration spans the target"));
        row.resize(t.columns.size());
        t.rows.push_back(std::move(row));
        continue;
      }
      const Deployable& d = *sv.deployable;
      row.emplace_back(d.config);
      for (std::size_t m = 0; m < c.metrics.size(); ++m) {
        const auto& v = m < d.values.size() ? d.values[m] : std::nullopt;
        if (!v) row.emplace_back(std::monostate{});
        else if (c.metrics[m].key == "concurrency") row.emplace_back(static_cast<std::int64_t>(*v));
        else row.emplace_back(*v);
      }
      if (!c.metrics.empty()) {
        const auto& p = sv.values[by];
        const auto& s = by < d.values.size() ? d.values[by] : std::nullopt;
        row.push_back(p && s && *s > 0 ? Value{*p / *s} : Value{});
      }
      row.push_back(evidence_cell(d.evidence ? &*d.evidence : nullptr));
      t.rows.push_back(std::move(row));
    }
  return t;
}

}  // namespace icq::interp
