#include "eval/noise.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <set>

#include "catalog/economics.hpp"
#include "data/token_rate.hpp"
#include "eval/compare.hpp"
#include "text/dates.hpp"
#include "text/text.hpp"

namespace icq::interp {

namespace {

using catalog::MetricKind;
using data::Field;

bool has_spread(MetricKind k) { return k != MetricKind::concurrency && k != MetricKind::accuracy; }

// A metric on one measured row alone: the field, or the row's token rate (data/token_rate) priced
// with its GPU (SEMANTICS.md §4). Null when the row lacks what it needs.
std::optional<double> row_value(const BoundMetric& m, const BoundCompare& q, const data::Dataset& ds, const data::Row& row) {
  const data::Line& line = ds.line_of(row);
  double v = NAN;
  switch (m.metric->kind) {
    case MetricKind::throughput: v = data::token_rate(line, row, m.field, q.method.rates).value; break;
    case MetricKind::latency: v = row.get(m.field); break;
    case MetricKind::concurrency:
    case MetricKind::accuracy: break;
    default: {
      const double t = data::token_rate(line, row, q.token_field, q.method.rates).value;
      const auto given = catalog::needs_price(m.metric->kind) ? q.method.pricing.price(line.hardware) : q.method.pricing.kw(line.hardware);
      if (!(t > 0) || !given) break;
      v = catalog::economic_value_of(m.metric->kind, t, *given);
    }
  }
  return std::isfinite(v) ? std::optional<double>(v) : std::nullopt;
}

Spread spread_of(const std::vector<double>& factors) {
  Spread s;
  s.runs = factors.size();
  if (s.runs < 2) {
    s.unknown = true;
    return s;
  }
  s.min = *std::min_element(factors.begin(), factors.end());
  s.max = *std::max_element(factors.begin(), factors.end());
  double mean = 0;
  for (double f : factors) mean += f;
  mean /= static_cast<double>(s.runs);
  double ss = 0;
  for (double f : factors) ss += (f - mean) * (f - mean);
  s.stddev = std::sqrt(ss / static_cast<double>(s.runs - 1));
  return s;
}

KnotRuns knot_runs(const BoundCompare& q, const Selection& sel, const data::Dataset& ds, std::uint32_t knot) {
  const data::Row& own = ds.rows()[knot];
  KnotRuns k;
  // Rows of a line are sorted by (date, run, conc): one per run at this concurrency, and those up to
  // the knot's own row are the runs up to its own (the knot is its line's run under the date choice).
  for (std::size_t i = ds.line_begin(own.line); i <= knot; ++i) {
    const data::Row& r = ds.rows()[i];
    if (r.conc != own.conc) continue;
    if (!std::all_of(sel.where.begin(), sel.where.end(), [&](const BoundExpr& e) { return e.eval(ds, r); })) continue;
    k.rows.push_back(static_cast<std::uint32_t>(i));
  }
  if (k.rows.size() > q.noise_runs) k.rows.erase(k.rows.begin(), k.rows.end() - static_cast<std::ptrdiff_t>(q.noise_runs));
  for (const auto& m : q.metrics) {
    if (!has_spread(m.metric->kind)) {
      k.factors.emplace_back();
      continue;
    }
    std::vector<double> factors;
    if (const auto base = row_value(m, q, ds, own); base && *base > 0)
      for (std::uint32_t r : k.rows)
        if (const auto v = row_value(m, q, ds, ds.rows()[r])) factors.push_back(*v / *base);
    k.factors.push_back(spread_of(factors));
  }
  return k;
}

}  // namespace

std::vector<SideNoise> side_noise(const BoundCompare& q, const std::vector<Curve>& curves, const data::Dataset& ds) {
  std::vector<SideNoise> out;
  for (std::size_t i = 0; i < curves.size(); ++i) {
    const Selection sel = merged(q.shared, q.sides[i].selection);
    SideNoise n;
    for (const auto& p : curves[i].frontier()) n.knots.push_back(knot_runs(q, sel, ds, static_cast<std::uint32_t>(p.index)));
    out.push_back(std::move(n));
  }
  return out;
}

std::vector<std::size_t> knots_for(const Curve& c, double x) {
  const auto& f = c.frontier();
  if (f.empty()) return {};
  if (x <= f.front().x) return {0};
  for (std::size_t i = 0; i + 1 < f.size(); ++i) {
    if (x == f[i].x) return {i};
    if (x < f[i + 1].x) return {i, i + 1};
  }
  return {f.size() - 1};
}

std::vector<std::optional<Spread>> spread_at(const SideNoise& n, const Curve& c, const PointValues& pv) {
  std::vector<std::optional<Spread>> out(pv.values.size());
  if (pv.status == Status::out_of_range) return out;
  const auto ks = knots_for(c, pv.x);
  if (ks.empty()) return out;
  const auto& f = c.frontier();
  const double u = ks.size() == 2 ? (pv.x - f[ks[0]].x) / (f[ks[1]].x - f[ks[0]].x) : 0.0;
  for (std::size_t m = 0; m < out.size(); ++m) {
    const auto& a = n.knots[ks.front()].factors[m];
    const auto& b = n.knots[ks.back()].factors[m];
    if (!pv.values[m] || !a || !b) continue;
    Spread s;
    s.runs = std::min(a->runs, b->runs);
    if (a->unknown || b->unknown) {
      s.unknown = true;
    } else {
      const double v = *pv.values[m];
      const auto carry = [&](double fa, double fb) { return v * ((1 - u) * fa + u * fb); };
      s.min = carry(a->min, b->min);
      s.max = carry(a->max, b->max);
      s.stddev = carry(a->stddev, b->stddev);
    }
    out[m] = s;
  }
  return out;
}

std::vector<std::string> noise_notes(const BoundCompare& q, const std::vector<Curve>& curves, const std::vector<SideNoise>& noise,
                                     const data::Dataset& ds, const std::vector<double>& targets,
                                     const std::vector<std::vector<std::optional<double>>>& read) {
  const std::string up_to = q.shared.date.kind == DateSelection::Kind::latest ? std::string("up to each knot's own run")
                                                                              : "up to " + text::format_date(q.shared.date.date);
  std::vector<std::string> dates_of, unknown;
  for (std::size_t s = 0; s < curves.size(); ++s) {
    std::set<std::int32_t> dates;
    for (std::size_t t = 0; t < targets.size(); ++t) {
      if (!read[s][t]) continue;
      std::vector<std::string> thin;  // the knots behind an unknown spread
      for (std::size_t k : knots_for(curves[s], *read[s][t])) {
        const KnotRuns& kr = noise[s].knots[k];
        for (std::uint32_t r : kr.rows) dates.insert(ds.rows()[r].date);
        const bool few = std::any_of(kr.factors.begin(), kr.factors.end(), [](const std::optional<Spread>& f) { return f && f->unknown; });
        if (!few) continue;
        const data::Row& row = ds.rows()[curves[s].frontier()[k].index];
        thin.push_back(fmt::format("{} conc {} on {}: {}", ds.line_of(row).framework, row.conc, text::format_date(row.date),
                                   text::plural(kr.rows.size(), "run")));
      }
      if (!thin.empty())
        unknown.push_back(fmt::format("{} at {} ({})", q.sides[s].display, number_text(targets[t]), text::join(thin, "; ")));
    }
    dates_of.push_back(dates.empty()       ? q.sides[s].display + " none"
                       : dates.size() == 1 ? fmt::format("{} 1 run date ({})", q.sides[s].display, text::format_date(*dates.begin()))
                                           : fmt::format("{} {} run dates ({} … {})", q.sides[s].display, dates.size(),
                                                         text::format_date(*dates.begin()), text::format_date(*dates.rbegin())));
  }
  std::vector<std::string> notes;
  notes.push_back(fmt::format(
      "with noise: each value's spread comes from reruns of the configuration of each frontier knot it is read from, at the knot's "
      "concurrency on other run dates (the last {} runs {}, the knot's own included, passing the where conditions): per metric each "
      "run's value on its own row as a factor of the knot's, their min, max and sample standard deviation (±), carried linearly "
      "between two knots; a verdict whose two best values differ by less than both spreads' widths, the spreads overlapping, names "
      "no winner; reruns read: {}",
      q.noise_runs, up_to, text::join(dates_of, "; ")));
  if (!unknown.empty())
    notes.push_back(
        "unknown spread (±?): a knot read there has fewer than 2 runs of its configuration at its concurrency, so "
        "nothing is known of its run-to-run noise (not zero): " +
        text::join(unknown, "; "));
  std::vector<std::string> none;
  for (const auto& m : q.metrics)
    if (!has_spread(m.metric->kind)) none.push_back(m.column.display);
  if (!none.empty()) notes.push_back(text::join(none, " and ") + ": no run-to-run spread (the configuration sets it), so no ±");
  notes.push_back(
      "drift from configurations added or retired over the run dates is not run-to-run noise: `trend METRIC … at T` "
      "shows it");
  return notes;
}

}  // namespace icq::interp
