#include "eval/noise.hpp"

#include <algorithm>
#include <cmath>
#include <set>

#include "eval/compare.hpp"

namespace icq::interp {

std::vector<SideHistory> side_histories(const BoundCompare& q, const data::Dataset& ds) {
  std::vector<SideHistory> out;
  for (const auto& side : q.sides) {
    const Selection sel = merged(q.shared, side.selection);
    // The run dates of the side's lines (rows passing its where conditions), up to its date choice.
    std::set<std::int32_t> dates;
    for (const std::uint32_t l : sel.matching_lines ? *sel.matching_lines : matching_lines(ds, sel))
      for (std::size_t i = ds.line_begin(l); i < ds.line_begin(l + 1); ++i) {
        const auto& row = ds.rows()[i];
        if (sel.date.kind == DateSelection::Kind::as_of && row.date > sel.date.date) continue;
        if (sel.date.kind == DateSelection::Kind::on && row.date != sel.date.date) continue;
        if (std::all_of(sel.where.begin(), sel.where.end(), [&](const BoundExpr& e) { return e.eval(ds, row); })) dates.insert(row.date);
      }
    SideHistory h;
    auto first = dates.begin();
    if (dates.size() > q.noise_runs) std::advance(first, static_cast<std::ptrdiff_t>(dates.size() - q.noise_runs));
    for (auto it = first; it != dates.end(); ++it) {
      Selection at = sel;
      at.date = {DateSelection::Kind::as_of, *it};
      h.dates.push_back(*it);
      h.curves.emplace_back(ds, at);
    }
    out.push_back(std::move(h));
  }
  return out;
}

std::vector<std::optional<Spread>> spread_at(const SideHistory& h, const data::Dataset& ds, double target, const BoundCompare& q) {
  std::vector<std::vector<double>> per_metric(q.metrics.size());
  for (const auto& c : h.curves) {
    if (c.empty()) continue;
    const PointValues pv = evaluate_at(c, ds, target, q.clamp, q.metrics, q.method, q.token_field);
    if (pv.status == Status::out_of_range) continue;
    for (std::size_t m = 0; m < pv.values.size(); ++m)
      if (pv.values[m]) per_metric[m].push_back(*pv.values[m]);
  }
  std::vector<std::optional<Spread>> out;
  for (const auto& v : per_metric) {
    if (v.size() < 2) {
      out.emplace_back();
      continue;
    }
    Spread s;
    s.runs = v.size();
    s.min = *std::min_element(v.begin(), v.end());
    s.max = *std::max_element(v.begin(), v.end());
    double mean = 0;
    for (double x : v) mean += x;
    mean /= static_cast<double>(v.size());
    double ss = 0;
    for (double x : v) ss += (x - mean) * (x - mean);
    s.stddev = std::sqrt(ss / static_cast<double>(v.size() - 1));
    out.push_back(s);
  }
  return out;
}


}  // namespace icq::interp
