#include "eval/chart_data.hpp"

#include <algorithm>
#include <cmath>
#include <string>

#include "data/token_rate.hpp"
#include "eval/compare.hpp"

namespace icq::interp {

namespace {

using catalog::MetricKind;

// A money or energy figure of one measured row, from its own throughput and its GPU's economics
// (the per-knot formula of the splined method); NaN when the row lacks what it needs.
double row_money(MetricKind kind, double tput, const std::optional<std::string>& price, const std::optional<std::string>& kw) {
  if (!(tput > 0)) return NAN;
  switch (kind) {
    case MetricKind::cost: return price ? std::stod(*price) / (tput * 3600.0 / 1e6) : NAN;
    case MetricKind::tokens_per_dollar: return price ? 1e6 / (std::stod(*price) / (tput * 3600.0 / 1e6)) : NAN;
    case MetricKind::power: return kw ? tput * 1000.0 / std::stod(*kw) : NAN;
    case MetricKind::joules: return kw ? std::stod(*kw) * 1000.0 / tput : NAN;
    default: return NAN;
  }
}

// The curve of a metric whose values are a spline on the frontier knots: the knots and the
// spline's own slopes (an exact cubic Hermite, d3.curveMonotoneX).
void hermite(ChartSeries& s, const Curve& c, const math::MonotoneSpline* spline, const std::vector<double>& ys) {
  if (!spline || ys.size() != c.frontier().size()) return;
  for (const auto& p : c.frontier()) s.xs.push_back(p.x);
  s.ys = ys;
  s.slopes = spline->slopes();
}

}  // namespace

void fill_chart_series(Comparison& cmp, const BoundCompare& q, const std::vector<Curve>& curves, const data::Dataset& ds,
                       const std::vector<double>& targets) {
  constexpr int kSamplesPerSegment = 24;
  for (std::size_t i = 0; i < curves.size() && i < cmp.sides.size(); ++i) {
    const Curve& c = curves[i];
    const Axis axis = merged(q.shared, q.sides[i].selection).axis;
    const auto& front = c.frontier();
    for (const auto& m : q.metrics) {
      ChartSeries s;
      const MetricKind kind = m.metric->kind;
      for (std::uint32_t idx : c.selected().rows) {
        const data::Row& row = ds.rows()[idx];
        const data::Line& line = ds.line_of(row);
        double y = NAN;
        switch (kind) {
          case MetricKind::throughput: y = data::token_rate(line, row, m.field, q.method.rates).value; break;
          case MetricKind::latency: y = row.get(m.field); break;
          case MetricKind::concurrency: y = row.conc; break;
          case MetricKind::accuracy: break;
          default:
            y = row_money(kind, data::token_rate(line, row, q.token_field, q.method.rates).value, q.method.pricing.price(line.hardware),
                          q.method.pricing.kw(line.hardware));
        }
        if (std::isfinite(y)) s.measured.emplace_back(axis.x(row, line), y);
      }
      std::sort(s.measured.begin(), s.measured.end());
      if (kind == MetricKind::throughput) {
        std::vector<double> ys;
        for (const auto& p : front) {
          const data::Row& row = ds.rows()[p.index];
          ys.push_back(data::token_rate(ds.line_of(row), row, m.field, q.method.rates).value);
        }
        hermite(s, c, c.rate_spline(m.field, q.method.rates), ys);
      } else if (kind == MetricKind::latency) {
        std::vector<double> ys;
        for (const auto& p : front) ys.push_back(ds.rows()[p.index].get(m.field));
        hermite(s, c, c.spline(m.field), ys);
      } else if (kind == MetricKind::concurrency) {
        std::vector<double> ys;
        for (const auto& p : front) ys.push_back(ds.rows()[p.index].conc);
        hermite(s, c, c.concurrency(), ys);
      } else if (kind != MetricKind::accuracy && !front.empty()) {
        // Cost and power derived from the interpolated throughput are no cubic: the values
        // themselves, densely, and at every target inside the frontier.
        std::vector<double> xs;
        for (std::size_t k = 0; k < front.size(); ++k) {
          xs.push_back(front[k].x);
          if (k + 1 < front.size())
            for (int j = 1; j < kSamplesPerSegment; ++j) xs.push_back(front[k].x + (front[k + 1].x - front[k].x) * j / kSamplesPerSegment);
        }
        for (double t : targets)
          if (c.in_range(t)) xs.push_back(t);
        std::sort(xs.begin(), xs.end());
        xs.erase(std::unique(xs.begin(), xs.end()), xs.end());
        const std::vector<BoundMetric> one = {m};
        for (double x : xs) {
          const PointValues pv = evaluate_at(c, ds, x, false, one, q.method, q.token_field);
          if (pv.status == Status::out_of_range || pv.values.empty() || !pv.values.front()) continue;
          s.xs.push_back(x);
          s.ys.push_back(*pv.values.front());
        }
      }
      cmp.sides[i].chart.push_back(std::move(s));
    }
  }
}

}  // namespace icq::interp
