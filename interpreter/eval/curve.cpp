#include "eval/curve.hpp"

#include "catalog/economics.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <tuple>

#include "data/dimensions.hpp"
#include "num/decimal.hpp"

namespace icq::interp {

using data::Field;
using num::Decimal;

Curve::Curve(const data::Dataset& ds, const Selection& selection, SelectionTrace* trace)
    : Curve(ds, selection.axis, select_rows(ds, selection, trace)) {}

Curve::Curve(const data::Dataset& ds, const Axis& axis, Selected selected) : ds_(&ds), axis_(axis), selected_(std::move(selected)) {
  if (selected_.rows.empty()) return;
  std::vector<math::Point> points;
  points.reserve(selected_.rows.size());
  math::Range r{INFINITY, -INFINITY};
  for (std::uint32_t idx : selected_.rows) {
    const data::Row& row = ds.rows()[idx];
    const double x = axis_.x(row, ds.line_of(row));
    r.lo = std::min(r.lo, x);
    r.hi = std::max(r.hi, x);
    points.push_back({x, row.get(Field::tput_per_gpu), idx});
  }
  range_ = r;
  frontier_ = math::upper_left_frontier(points);
}

const Curve::Members& Curve::members() const {
  if (!members_) {
    Members m;
    // Rows come grouped by line and by date within it: the sets change only where those do.
    // Lines sort by GPU, then framework: a name is looked up only where it changes.
    const data::Row* last = nullptr;
    const std::string *gpu = nullptr, *framework = nullptr;
    for (std::uint32_t idx : selected_.rows) {
      const data::Row& row = ds_->rows()[idx];
      if (!last || last->date != row.date) m.dates.insert(row.date);
      if (!last || last->line != row.line) {
        const data::Line& line = ds_->line_of(row);
        if (!gpu || *gpu != line.hardware) m.gpus.insert(*(gpu = &line.hardware));
        if (!framework || *framework != line.framework) m.frameworks.insert(*(framework = &line.framework));
      }
      last = &row;
    }
    members_ = std::move(m);
  }
  return *members_;
}

const math::MonotoneSpline* Curve::concurrency() const {
  if (!conc_) {
    conc_.emplace();
    if (!selected_.rows.empty()) {
      std::vector<double> xs, cs;
      xs.reserve(frontier_.size()), cs.reserve(frontier_.size());
      for (const auto& p : frontier_) {
        xs.push_back(p.x);
        cs.push_back(ds_->rows()[p.index].conc);
      }
      conc_->emplace(std::move(xs), std::move(cs));
    }
  }
  return *conc_ ? &**conc_ : nullptr;
}

LineCurves::LineCurves(const Curve& side) : side_(&side) {
  const data::Dataset& ds = side.dataset();
  const auto& rows = side.selected().rows;  // grouped by line: the dataset's rows are sorted by line first
  std::size_t lines = rows.empty() ? 0 : 1;
  for (std::size_t i = 1; i < rows.size(); ++i) lines += ds.rows()[rows[i]].line != ds.rows()[rows[i - 1]].line;
  lines_.reserve(lines);
  for (std::size_t i = 0; i < rows.size();) {
    Line l;
    l.begin = i;
    l.range = {INFINITY, -INFINITY};
    const std::uint32_t line = ds.rows()[rows[i]].line;
    for (; i < rows.size() && ds.rows()[rows[i]].line == line; ++i) {
      const data::Row& row = ds.rows()[rows[i]];
      const double x = side.axis().x(row, ds.line_of(row));
      l.range.lo = std::min(l.range.lo, x);
      l.range.hi = std::max(l.range.hi, x);
    }
    l.end = i;
    lines_.push_back(std::move(l));
  }
}

std::vector<const Curve*> LineCurves::reaching(double x) {
  std::vector<const Curve*> out;
  for (Line& l : lines_) {
    if (!(x >= l.range.lo && x <= l.range.hi)) continue;
    if (!l.curve) {
      const auto& rows = side_->selected().rows;
      Selected one;
      one.rows.assign(rows.begin() + static_cast<std::ptrdiff_t>(l.begin), rows.begin() + static_cast<std::ptrdiff_t>(l.end));
      one.lines = 1;
      l.curve.emplace(side_->dataset(), side_->axis(), std::move(one));
    }
    out.push_back(&*l.curve);
  }
  return out;
}

const math::MonotoneSpline* Curve::spline(Field f) const {
  auto it = splines_.find(f);
  if (it == splines_.end()) {
    std::vector<double> xs, ys;
    xs.reserve(frontier_.size()), ys.reserve(frontier_.size());
    bool complete = true;
    for (const auto& p : frontier_) {
      const data::Row& row = ds_->rows()[p.index];
      const double v = row.get(f);
      if (std::isnan(v)) complete = false;
      xs.push_back(p.x);
      ys.push_back(v);
    }
    std::optional<math::MonotoneSpline> s;
    if (complete && !xs.empty()) s.emplace(std::move(xs), std::move(ys));
    it = splines_.emplace(f, std::move(s)).first;
  }
  return it->second ? &*it->second : nullptr;
}

const math::MonotoneSpline* Curve::rate_spline(Field f, data::RateBasis basis) const {
  if (f == Field::tput_per_gpu) return spline(f);
  auto it = rate_splines_.find({f, basis});
  if (it == rate_splines_.end()) {
    std::vector<double> xs, ys;
    xs.reserve(frontier_.size()), ys.reserve(frontier_.size());
    for (const auto& p : frontier_) {
      const data::Row& row = ds_->rows()[p.index];
      xs.push_back(p.x);
      ys.push_back(data::token_rate(ds_->line_of(row), row, f, basis).value);
    }
    std::optional<math::MonotoneSpline> s;
    if (!xs.empty() && std::none_of(ys.begin(), ys.end(), [](double v) { return std::isnan(v); })) s.emplace(std::move(xs), std::move(ys));
    it = rate_splines_.emplace(std::pair{f, basis}, std::move(s)).first;
  }
  return it->second ? &*it->second : nullptr;
}

const math::MonotoneSpline* Curve::economics_spline(catalog::MetricKind kind, Field token_field, data::RateBasis basis,
                                                    const Pricing& pricing) const {
  const auto same_pricing = [&](const Pricing& p) {
    return p.edition == pricing.edition && p.tier == pricing.tier && p.price_overrides == pricing.price_overrides &&
           p.power_overrides == pricing.power_overrides;
  };
  for (const auto& e : economics_)
    if (e.kind == kind && e.token_field == token_field && e.basis == basis && same_pricing(e.pricing))
      return e.spline ? &*e.spline : nullptr;
  const auto make = [&]() -> std::optional<math::MonotoneSpline> {
    std::vector<double> xs, ys;
    xs.reserve(frontier_.size()), ys.reserve(frontier_.size());
    for (const auto& p : frontier_) {
      const data::Row& row = ds_->rows()[p.index];
      const std::string& gpu = ds_->line_of(row).hardware;
      const double t = data::token_rate(ds_->line_of(row), row, token_field, basis).value;
      if (!(t > 0)) return std::nullopt;
      // J/tok needs the knot's power, every cost figure its price.
      const auto economics = kind == catalog::MetricKind::joules ? pricing.kw(gpu) : pricing.price(gpu);
      if (!economics) return std::nullopt;
      xs.push_back(p.x);
      ys.push_back(catalog::economic_value_of(kind, t, *economics));
    }
    return math::MonotoneSpline(std::move(xs), std::move(ys));
  };
  economics_.push_back(EconomicsSpline{kind, token_field, basis, pricing, make()});
  return economics_.back().spline ? &*economics_.back().spline : nullptr;
}

bool Curve::in_range(double x) const { return !frontier_.empty() && x >= frontier_.front().x && x <= frontier_.back().x; }

Knots Curve::knots_at(double x) const {
  const auto& f = frontier_;
  auto row = [&](std::size_t i) { return &ds_->rows()[f[i].index]; };
  if (f.empty()) return {};
  if (f.size() == 1 || x <= f.front().x) return {row(0)};
  if (x >= f.back().x) return {row(f.size() - 1)};
  for (std::size_t i = 0; i + 1 < f.size(); ++i) {
    if (x == f[i].x) return {row(i)};
    if (x > f[i].x && x < f[i + 1].x) return {row(i), row(i + 1)};
  }
  return {row(f.size() - 1)};
}

std::string Curve::frontier_text() const { return frontier_span(1); }

std::string Curve::frontier_text(double near) const {
  if (frontier_.empty()) return "empty";
  int places = 1;
  const auto same = [&](double x, int p) { return num::fixed(x, p) == num::fixed(near, p); };
  while (places < 4 && (same(frontier_.front().x, places) || same(frontier_.back().x, places))) ++places;
  return frontier_span(places);
}

std::string Curve::frontier_span(int places) const {
  if (frontier_.empty()) return "empty";
  const double lo = frontier_.front().x, hi = frontier_.back().x;
  return frontier_.size() == 1 ? num::fixed(lo, places) : num::fixed(lo, places) + "–" + num::fixed(hi, places);
}

std::string Curve::range_text() const { return range_ ? num::fixed(range_->lo, 1) + "–" + num::fixed(range_->hi, 1) : "none"; }

const data::Evaluation* evaluation_for(const data::Dataset& ds, const data::Line& line) {
  const data::Evaluation* best = nullptr;
  auto better = [&](const data::Evaluation& e) {
    if (!best) return true;
    const bool spec = e.line.spec_method == line.spec_method, best_spec = best->line.spec_method == line.spec_method;
    if (spec != best_spec) return spec;
    return e.date > best->date;
  };
  for (const auto& e : ds.evaluations())
    if (e.line.model == line.model && e.line.hardware == line.hardware && e.line.precision == line.precision &&
        e.line.framework == line.framework && better(e))
      best = &e;
  return best;
}

PointValues evaluate_at(const Curve& curve, const data::Dataset& ds, double target, bool clamp, const std::vector<BoundMetric>& metrics,
                        const Method& method, Field token_field, Digits digits) {
  PointValues pv;
  pv.x = target;
  if (!curve.in_range(target)) {
    if (!clamp || curve.empty()) {
      pv.status = Status::out_of_range;
      pv.values.assign(metrics.size(), std::nullopt);
      return pv;
    }
    pv.status = Status::clamped;
    pv.x = std::clamp(target, curve.frontier().front().x, curve.frontier().back().x);
  }
  const auto knots = curve.knots_at(pv.x);
  auto same = [&](auto key) {
    return std::all_of(knots.begin(), knots.end(),
                       [&](const data::Row* r) { return key(ds.line_of(*r)) == key(ds.line_of(*knots.front())); });
  };
  const auto gpu_key = [](const data::Line& l) -> const std::string& { return l.hardware; };
  if (same(gpu_key)) pv.gpu = ds.line_of(*knots.front()).hardware;
  else pv.mixed_gpu = true;

  // The token throughput a money figure divides, splined when one asks for it.
  std::optional<std::optional<double>> token_tput_read;
  const auto token_tput = [&]() -> std::optional<double> {
    if (!token_tput_read) {
      const auto* s = curve.rate_spline(token_field, method.rates);
      token_tput_read = s ? std::optional<double>(s->at_clamped(pv.x)) : std::nullopt;
    }
    return *token_tput_read;
  };
  const Pricing& pricing = method.pricing;
  using catalog::economic_value;
  // Splined method (SEMANTICS.md §3): the knots' own values, splined (made once per curve).
  const auto splined = [&](catalog::MetricKind kind) -> std::optional<double> {
    const auto* s = curve.economics_spline(kind, token_field, method.rates, pricing);
    return s ? std::optional<double>(s->at_clamped(pv.x)) : std::nullopt;
  };
  const auto money = [&](catalog::MetricKind kind) -> std::optional<double> {
    const bool per_knot = method.cost == CostMethod::splined && kind != catalog::MetricKind::power;
    if (per_knot) {
      if (kind == catalog::MetricKind::joules) return splined(kind);
      const auto c = splined(catalog::MetricKind::cost);
      if (!c) return std::nullopt;
      if (kind == catalog::MetricKind::cost && digits == Digits::exact) {  // the verdicts divide it
        pv.cost_exact = num::exact_of(*c);
        if (!pv.cost_exact) pv.cost = Decimal::from_double(*c);
      }
      if (kind == catalog::MetricKind::cost) return c;
      return *c > 0 ? std::optional<double>(1e6 / *c) : std::nullopt;
    }
    const auto tput = pv.gpu ? token_tput() : std::nullopt;
    if (!tput) return std::nullopt;
    if (*tput <= 0) {
      pv.zero_throughput = true;
      return std::nullopt;
    }
    const auto given = catalog::needs_price(kind) ? pricing.price(*pv.gpu) : pricing.kw(*pv.gpu);
    if (!given) return std::nullopt;
    if (kind == catalog::MetricKind::cost && digits == Digits::exact) {  // the verdicts divide it
      pv.cost_exact = catalog::exact_cost(*tput, *given);
      if (!pv.cost_exact) pv.cost = economic_value(kind, Decimal::from_double(*tput), Decimal::parse(*given));
    }
    return catalog::economic_value_of(kind, *tput, *given);
  };
  for (const auto& m : metrics) {
    std::optional<double> v;
    switch (m.metric->kind) {
      case catalog::MetricKind::throughput:
        if (const auto* s = curve.rate_spline(m.field, method.rates)) v = s->at_clamped(pv.x);
        break;
      case catalog::MetricKind::latency:
        if (const auto* s = curve.spline(m.field)) v = s->at_clamped(pv.x);
        break;
      case catalog::MetricKind::concurrency:
        if (const auto* s = curve.concurrency()) v = math::round_half_up(s->at_clamped(pv.x));
        break;
      case catalog::MetricKind::accuracy: {
        const auto config = [](const data::Line& l) { return l.model + "|" + l.hardware + "|" + l.precision + "|" + l.framework; };
        if (!same(config)) {
          pv.mixed_config = true;
          break;
        }
        pv.evaluation = evaluation_for(ds, ds.line_of(*knots.front()));
        if (pv.evaluation) v = pv.evaluation->em_strict;
        break;
      }
      case catalog::MetricKind::cost:
      case catalog::MetricKind::tokens_per_dollar:
      case catalog::MetricKind::power:
      case catalog::MetricKind::joules: v = money(m.metric->kind); break;
    }
    pv.values.push_back(v);
  }
  return pv;
}

bool wide_gap(const math::Point& lo, const math::Point& hi) {
  return hi.x > kWideGapInteractivity * lo.x || !(hi.y > 0) || lo.y > kWideGapThroughput * hi.y;
}

std::optional<Evidence> evidence_of(const Curve& curve, const data::Dataset& ds, const PointValues& pv, bool labelled) {
  if (pv.status == Status::out_of_range || curve.empty()) return std::nullopt;
  const auto& f = curve.frontier();
  const auto knot = [&](const math::Point& p) {
    const data::Row& row = ds.rows()[p.index];
    return EvidenceKnot{p.x, p.y, row.conc, labelled ? data::config_label(ds.line_of(row)) : std::string()};
  };
  Evidence e;
  const auto measured = [&](const math::Point& p) { return std::abs(pv.x - p.x) <= kMeasuredTolerance * p.x; };
  if (pv.status == Status::clamped) {
    e.kind = Evidence::Kind::clamped;
    e.knots.push_back(knot(pv.x <= f.front().x ? f.front() : f.back()));
    return e;
  }
  // The segment [f[i], f[i+1]] holding x (x inside the frontier: in_range held).
  std::size_t i = 0;
  while (i + 1 < f.size() && f[i + 1].x < pv.x) ++i;
  if (i + 1 == f.size() || measured(f[i]) || measured(f[i + 1])) {
    const bool upper = i + 1 < f.size() && (!measured(f[i]) || std::abs(pv.x - f[i + 1].x) < std::abs(pv.x - f[i].x));
    e.knots.push_back(knot(f[upper ? i + 1 : i]));
    return e;
  }
  const math::Point &lo = f[i], &hi = f[i + 1];
  e.same_config = ds.rows()[lo.index].line == ds.rows()[hi.index].line;
  e.kind = wide_gap(lo, hi) ? Evidence::Kind::wide_gap : e.same_config ? Evidence::Kind::one_config : Evidence::Kind::two_configs;
  e.knots = {knot(lo), knot(hi)};
  return e;
}

Value evidence_cell(const Evidence* e) {
  Value v;
  if (e) v.emplace<std::string>(evidence_key(e->kind));
  return v;
}

std::string evidence_words(const Evidence& e) {
  const auto between = [&] {
    return num::fixed(e.knots.front().interactivity, 1) + " and " + num::fixed(e.knots.back().interactivity, 1) + " tok/s/user";
  };
  switch (e.kind) {
    case Evidence::Kind::measured: return "measured at " + num::fixed(e.knots.front().interactivity, 1) + " tok/s/user";
    case Evidence::Kind::one_config: return "along one configuration, between " + between();
    case Evidence::Kind::two_configs: return "between two configurations, measured at " + between();
    case Evidence::Kind::wide_gap:
      return fmt::format("across a wide gap: nothing measured between {}{}", between(), e.same_config ? "" : ", two configurations");
    case Evidence::Kind::clamped: return "clamped to the knot at " + num::fixed(e.knots.front().interactivity, 1) + " tok/s/user";
  }
  return {};
}

std::optional<SingleBest> best_single(const std::vector<const Curve*>& lines, const data::Dataset& ds, double x,
                                      const std::vector<BoundMetric>& metrics, std::size_t by, const Method& method,
                                      data::Field token_field, bool every_metric) {
  const bool lower = by < metrics.size() && metrics[by].column.polarity == MetricColumn::Polarity::lower_is_better;
  std::optional<SingleBest> best;
  // Solid first, then the better value (a line without one last).
  const auto rank = [&](const Deployable& d) {
    const std::optional<double> v = by < d.values.size() ? d.values[by] : std::nullopt;
    return std::tuple{d.evidence && d.evidence->solid(), v.has_value(), v ? (lower ? -*v : *v) : 0.0};
  };
  // Ranked on the one metric, the evidence without its knots' labels; the winner's every metric
  // read once at the end when asked, and its evidence labelled. No verdict divides these: no
  // decimal cost.
  const std::vector<BoundMetric> one = by < metrics.size() ? std::vector<BoundMetric>{metrics[by]} : std::vector<BoundMetric>{};
  for (const Curve* line : lines) {
    const Curve& c = *line;
    if (!c.in_range(x)) continue;
    PointValues pv = evaluate_at(c, ds, x, false, one, method, token_field, Digits::values);
    Deployable d{{}, std::vector<std::optional<double>>(metrics.size()), evidence_of(c, ds, pv, false)};
    if (by < metrics.size()) d.values[by] = pv.values.front();
    if (!best || rank(d) > rank(best->deployable)) best = SingleBest{std::move(d), &c};
  }
  if (best) best->deployable.config = data::config_label(ds.line_of(ds.rows()[best->line->frontier().front().index]));
  if (best && every_metric) {
    const PointValues pv = evaluate_at(*best->line, ds, x, false, metrics, method, token_field, Digits::values);
    best->deployable.values = pv.values;
    best->deployable.evidence = evidence_of(*best->line, ds, pv);  // the same x: the same kind
  }
  return best;
}

}  // namespace icq::interp
