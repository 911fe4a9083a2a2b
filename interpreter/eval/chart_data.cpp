#include "eval/chart_data.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <string>

#include "data/token_rate.hpp"
#include "eval/compare.hpp"

namespace icq::interp {

namespace {

using catalog::MetricKind;

// A GPU's price and power as numbers, parsed once per GPU (a side has a handful).
struct Economics {
  double price = NAN, kw = NAN;
};

// The constant of a figure derived from throughput: cost = c / tput, J/tok = c / tput, tok/s/MW
// = c × tput, tokens per $1 = c × tput (SEMANTICS.md §4); NaN without the GPU's price or power.
double scale_of(MetricKind kind, const Economics& e) {
  switch (kind) {
    case MetricKind::cost: return e.price / 3600.0 * 1e6;
    case MetricKind::tokens_per_dollar: return 3600.0 / e.price;
    case MetricKind::power: return 1000.0 / e.kw;
    case MetricKind::joules: return e.kw * 1000.0;
    default: return NAN;
  }
}
bool reciprocal(MetricKind kind) { return kind == MetricKind::cost || kind == MetricKind::joules; }

// The same figure of one measured row, from its own throughput (the per-knot formula too).
double row_money(MetricKind kind, double tput, const Economics& e) {
  if (!(tput > 0)) return NAN;
  const double c = scale_of(kind, e);
  return reciprocal(kind) ? c / tput : c * tput;
}

// What the series are made from: the parts of the bound compare a chart reads.
struct ChartInput {
  std::vector<Axis> axes;  // each side's
  std::vector<BoundMetric> metrics;
  Method method;
  data::Field token_field;
};

ChartSeriesBySide chart_series(const ChartInput& q, const std::vector<Curve>& curves, const data::Dataset& ds) {
  ChartSeriesBySide out(curves.size());
  std::map<std::string, Economics> economics;
  const auto economics_of = [&](const std::string& gpu) -> const Economics& {
    auto [it, fresh] = economics.try_emplace(gpu);
    if (fresh) {
      if (const auto p = q.method.pricing.price(gpu)) it->second.price = std::stod(*p);
      if (const auto k = q.method.pricing.kw(gpu)) it->second.kw = std::stod(*k);
    }
    return it->second;
  };
  for (std::size_t i = 0; i < curves.size(); ++i) {
    const Curve& c = curves[i];
    const Axis& axis = q.axes[i];
    const auto& front = c.frontier();
    std::vector<std::pair<double, double>> gaps;
    for (std::size_t k = 0; k + 1 < front.size(); ++k)
      if (wide_gap(front[k], front[k + 1])) gaps.emplace_back(front[k].x, front[k + 1].x);
    for (const auto& m : q.metrics) {
      ChartSeries s;
      s.gaps = gaps;
      const MetricKind kind = m.metric->kind;
      const bool money =
          kind != MetricKind::throughput && kind != MetricKind::latency && kind != MetricKind::concurrency && kind != MetricKind::accuracy;
      for (std::uint32_t idx : c.selected().rows) {
        const data::Row& row = ds.rows()[idx];
        const data::Line& line = ds.line_of(row);
        // Token rates per GPU of the deployment (data/token_rate, SEMANTICS.md §4).
        const auto rate = [&](data::Field f) { return data::token_rate(line, row, f, q.method.rates).value; };
        const double y = kind == MetricKind::concurrency  ? row.conc
                         : money                          ? row_money(kind, rate(q.token_field), economics_of(line.hardware))
                         : kind == MetricKind::accuracy   ? NAN
                         : kind == MetricKind::throughput ? rate(m.field)
                                                          : row.get(m.field);
        if (std::isfinite(y)) s.measured.emplace_back(axis.x(row, line), y);
      }
      std::sort(s.measured.begin(), s.measured.end());
      if (kind == MetricKind::accuracy || front.empty()) {
        out[i].push_back(std::move(s));
        continue;
      }
      // The Hermite the values are read from: the metric's own spline on the knots, or throughput's
      // for a figure derived from it (SEMANTICS.md §3–4).
      const bool per_knot = money && q.method.cost == CostMethod::splined && kind != MetricKind::power;
      const data::Field f = kind == MetricKind::concurrency ? data::Field::tput_per_gpu : money ? q.token_field : m.field;
      const bool rated = money || kind == MetricKind::throughput;
      const math::MonotoneSpline* spline = kind == MetricKind::concurrency ? c.concurrency()
                                           : rated                         ? c.rate_spline(f, q.method.rates)
                                                                           : c.spline(f);
      if (!spline) {
        out[i].push_back(std::move(s));
        continue;
      }
      for (const auto& p : front) {
        const data::Row& row = ds.rows()[p.index];
        const data::Line& line = ds.line_of(row);
        const double y = rated                             ? data::token_rate(line, row, f, q.method.rates).value
                         : kind == MetricKind::concurrency ? row.conc
                                                           : row.get(f);
        s.xs.push_back(p.x);
        s.ys.push_back(per_knot ? row_money(kind, y, economics_of(line.hardware)) : y);
      }
      if (per_knot) {
        // The splined method: each knot's own figure, splined like any metric.
        if (std::all_of(s.ys.begin(), s.ys.end(), [](double y) { return std::isfinite(y); }))
          s.slopes = math::MonotoneSpline(s.xs, s.ys).slopes();
        else s.xs.clear(), s.ys.clear();
      } else {
        s.slopes = spline->slopes();
        if (money) {
          // Derived from throughput: one GPU's constant per segment, none where it joins two GPUs.
          s.derived = reciprocal(kind) ? ChartSeries::Derived::over : ChartSeries::Derived::times;
          for (std::size_t k = 0; k < front.size(); ++k) {
            const std::string& a = ds.line_of(ds.rows()[front[k].index]).hardware;
            const std::string& b = ds.line_of(ds.rows()[front[std::min(k + 1, front.size() - 1)].index]).hardware;
            s.scale.push_back(a == b ? scale_of(kind, economics_of(a)) : NAN);
          }
        }
      }
      out[i].push_back(std::move(s));
    }
  }
  return out;
}

}  // namespace

std::shared_ptr<const Deferred<ChartSeriesBySide>> chart_data(const BoundCompare& q, std::shared_ptr<const std::vector<Curve>> curves,
                                                              const data::Dataset& ds) {
  ChartInput in{{}, q.metrics, q.method, q.token_field};
  in.axes.assign(curves->size(), q.shared.axis);  // a side's selection reads the shared axis (merged() keeps it)
  auto owner = ds.weak_from_this().lock();
  if (!owner) {
    auto made = chart_series(in, *curves, ds);
    return std::make_shared<const Deferred<ChartSeriesBySide>>([made = std::move(made)] { return made; });
  }
  return std::make_shared<const Deferred<ChartSeriesBySide>>(
      [in = std::move(in), curves = std::move(curves), owner = std::move(owner)] { return chart_series(in, *curves, *owner); });
}

}  // namespace icq::interp
