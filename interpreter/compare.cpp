#include "compare.hpp"

#include "binder.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <optional>
#include <set>

#include "catalog/catalog.hpp"
#include "math/band.hpp"
#include "math/frontier.hpp"
#include "math/spline.hpp"
#include "num/decimal.hpp"
#include "phrasing.hpp"
#include "query_error.hpp"
#include "text/dates.hpp"
#include "text/text.hpp"

namespace icq::interp {

namespace {

using data::Field;
using num::Decimal;

struct SideEval {
  const BoundSide* side = nullptr;
  Selection selection;
  Selected selected;
  std::optional<math::Range> range;
  std::vector<math::Point> frontier;        // knots, x ascending
  std::map<Field, std::optional<math::MonotoneSpline>> splines;  // nullopt: some knot lacks the field
  std::optional<math::MonotoneSpline> conc;
  std::set<std::int32_t> dates;
  std::set<std::string> gpus, frameworks;
  bool any_disagg = false;
};

Selection merged(const Selection& shared, const Selection& own) {
  Selection s = shared;
  s.filters.insert(s.filters.end(), own.filters.begin(), own.filters.end());
  s.where.insert(s.where.end(), own.where.begin(), own.where.end());
  if (own.date.kind != DateSelection::Kind::latest) s.date = own.date;
  return s;
}

std::string range_text(const math::Range& r) { return fmt::format("{:.1f}–{:.1f}", r.lo, r.hi); }

// Where a side can be interpolated: its frontier's first to last knot (inside the rows' range).
std::string frontier_text(const std::vector<math::Point>& f) {
  return f.size() == 1 ? fmt::format("{:.1f}", f.front().x) : fmt::format("{:.1f}–{:.1f}", f.front().x, f.back().x);
}

const math::MonotoneSpline* spline_for(SideEval& se, const data::Dataset& ds, Field f) {
  auto it = se.splines.find(f);
  if (it == se.splines.end()) {
    std::vector<double> xs, ys;
    bool complete = true;
    for (const auto& p : se.frontier) {
      const double v = ds.rows()[p.index].get(f);
      if (std::isnan(v)) complete = false;
      xs.push_back(p.x);
      ys.push_back(v);
    }
    std::optional<math::MonotoneSpline> s;
    if (complete && !xs.empty()) s.emplace(xs, ys);
    it = se.splines.emplace(f, std::move(s)).first;
  }
  return it->second ? &*it->second : nullptr;
}

// The GPU whose price applies at x: the GPU of the knot at x, or of both knots bracketing x when
// they agree. A segment joining two GPUs has no single price (nullopt).
std::optional<std::string> gpu_at(const SideEval& se, const data::Dataset& ds, double x) {
  const auto& f = se.frontier;
  auto gpu_of = [&](std::size_t i) { return ds.line_of(ds.rows()[f[i].index]).hardware; };
  if (f.size() == 1 || x <= f.front().x) return gpu_of(0);
  if (x >= f.back().x) return gpu_of(f.size() - 1);
  for (std::size_t i = 0; i + 1 < f.size(); ++i) {
    if (x == f[i].x) return gpu_of(i);
    if (x > f[i].x && x < f[i + 1].x) {
      const std::string a = gpu_of(i), b = gpu_of(i + 1);
      if (a == b) return a;
      return std::nullopt;
    }
  }
  return gpu_of(f.size() - 1);
}

const std::string& tier_price(const catalog::Economics& e, const std::string& tier) {
  return tier == "neocloud" ? e.neocloud : tier == "rental" ? e.rental : e.hyperscaler;
}

std::string dates_text(const std::set<std::int32_t>& dates) {
  if (dates.empty()) return "no dates";
  if (dates.size() == 1) return "run date " + text::format_date(*dates.begin());
  return fmt::format("run dates {} … {} ({} dates)", text::format_date(*dates.begin()), text::format_date(*dates.rbegin()),
                     dates.size());
}

std::string list_text(const std::set<std::string>& items, std::string (*display)(std::string_view)) {
  std::vector<std::string> v;
  for (const auto& i : items) v.push_back(display ? display(i) : i);
  return text::join(v, ", ");
}

std::string identity(std::string_view s) { return std::string(s); }

// Present values of the compared dimension under the shared filters, for an empty side's help.
std::vector<std::string> present_values(const data::Dataset& ds, const BoundCompare& q, LineField f) {
  std::set<std::string> out;
  for (const auto& l : ds.lines()) {
    if (!std::all_of(q.shared.filters.begin(), q.shared.filters.end(), [&](const LineFilter& x) { return x.matches(l); })) continue;
    for (const auto& candidate : std::vector<std::string>{l.hardware, l.model, l.precision, l.framework,
                                                           catalog::family_of_framework(l.framework), l.spec_method,
                                                           l.sequence(), catalog::vendor_of_gpu(l.hardware)}) {
      LineFilter probe{f, {candidate}};
      if (probe.matches(l)) out.insert(candidate);
    }
    if (f == LineField::deployment)
      for (const char* d : {"disagg", "single-node", "agg", "multinode"})
        if (LineFilter{f, {d}}.matches(l)) out.insert(d);
  }
  return {out.begin(), out.end()};
}

}  // namespace

std::string number_text(double v) {
  if (v == std::floor(v) && std::abs(v) < 1e15) return fmt::format("{}", static_cast<long long>(v));
  return fmt::format("{}", v);
}

std::string resolved_query(const BoundCompare& q, const std::vector<double>& targets) {
  std::string s = "compare";
  if (q.dimension != "filters") s += " " + q.dimension;
  for (std::size_t i = 0; i < q.sides.size(); ++i) s += (i ? " vs " : " ") + q.sides[i].label;
  for (const auto& f : q.shared.filters) s += " " + f.text();
  for (const auto& w : q.shared.where) s += " where " + w.source;
  if (const auto d = q.shared.date.text(); !d.empty()) s += " " + d;
  if (!targets.empty()) {
    std::vector<std::string> t;
    for (double v : targets) t.push_back(number_text(v));
    s += " at interactivity " + text::join(t, ", ");
  }
  if (q.clamp) s += " clamp";
  std::vector<std::string> m;
  for (const auto& bm : q.metrics) m.push_back(bm.text);
  s += " show " + text::join(m, ", ");
  s += " using prices " + q.pricing.text() + " tokens " + q.tokens;
  return s;
}

Result run_compare(const BoundCompare& q, const data::Dataset& ds) {
  Result result;
  result.kind = "compare";
  std::vector<std::string> notes;

  // 1. Rows, range and frontier of each side.
  std::vector<SideEval> sides(q.sides.size());
  for (std::size_t i = 0; i < q.sides.size(); ++i) {
    SideEval& se = sides[i];
    se.side = &q.sides[i];
    se.selection = merged(q.shared, q.sides[i].selection);
    se.selected = select_rows(ds, se.selection);
    if (se.selected.rows.empty()) {
      std::string help;
      if (q.dimension != "filters" && q.dimension != "date") {
        const auto present = present_values(ds, q, line_field_of(q.dimension));
        help = present.empty() ? "no rows match the shared filters at all"
                               : fmt::format("{} values with rows under the shared filters: {}", q.dimension, text::join(present, ", "));
      } else {
        help = "check the filters with `list dates` or `list gpus`";
      }
      std::vector<std::string> shared;
      for (const auto& f : q.shared.filters) shared.push_back(f.text());
      std::string why = se.selected.rows_without_x
                            ? fmt::format(" ({} rows lack median interactivity)", se.selected.rows_without_x)
                            : std::string{};
      throw QueryError(fmt::format("no rows for side '{}' with {}{}", se.side->display, text::join(shared, " "), why),
                       se.side->span, help);
    }
    std::vector<math::Point> points;
    points.reserve(se.selected.rows.size());
    math::Range r{INFINITY, -INFINITY};
    for (std::uint32_t idx : se.selected.rows) {
      const data::Row& row = ds.rows()[idx];
      const double x = row.get(Field::median_intvty);
      r.lo = std::min(r.lo, x);
      r.hi = std::max(r.hi, x);
      points.push_back({x, row.get(Field::tput_per_gpu), idx});
      const data::Line& line = ds.line_of(row);
      se.dates.insert(row.date);
      se.gpus.insert(line.hardware);
      se.frameworks.insert(line.framework);
      se.any_disagg = se.any_disagg || line.disagg;
    }
    se.range = r;
    se.frontier = math::upper_left_frontier(points);
    std::vector<double> xs, cs;
    for (const auto& p : se.frontier) {
      xs.push_back(p.x);
      cs.push_back(ds.rows()[p.index].conc);
    }
    se.conc.emplace(xs, cs);
  }

  // 2. Band and targets.
  std::vector<math::Range> ranges;
  for (const auto& se : sides) ranges.push_back(*se.range);
  const std::optional<math::Range> band = math::band_of(ranges);
  std::vector<double> targets;
  switch (q.targets.kind) {
    case TargetSpec::Kind::interactivity: targets = q.targets.values; break;
    case TargetSpec::Kind::band_default:
    case TargetSpec::Kind::band: {
      if (!band) {
        if (q.targets.kind == TargetSpec::Kind::band) {
          std::vector<std::string> rs;
          for (const auto& se : sides) rs.push_back(fmt::format("{} {}", se.side->display, range_text(*se.range)));
          throw QueryError("the sides share no interactivity band, so band percentages have no meaning", q.targets.span,
                           "measured ranges (tok/s/user): " + text::join(rs, "; ") + ". Give targets with `at interactivity …`");
        }
        break;
      }
      static const std::vector<double> quartiles = {0.25, 0.50, 0.75};
      targets = math::band_targets(*band, q.targets.kind == TargetSpec::Kind::band ? q.targets.values : quartiles);
      break;
    }
  }

  // 3. Prices: every GPU a cost/power figure could need must be in the catalog edition.
  std::vector<BoundMetric> metrics = q.metrics;
  const bool wants_money = std::any_of(metrics.begin(), metrics.end(), [](const BoundMetric& m) { return m.metric->kind == catalog::MetricKind::cost; });
  const bool wants_power = std::any_of(metrics.begin(), metrics.end(), [](const BoundMetric& m) {
    return m.metric->kind == catalog::MetricKind::power || m.metric->kind == catalog::MetricKind::joules;
  });
  std::set<std::string> frontier_gpus;
  for (const auto& se : sides)
    for (const auto& p : se.frontier) frontier_gpus.insert(ds.line_of(ds.rows()[p.index]).hardware);
  std::vector<std::string> unpriced;
  for (const auto& g : frontier_gpus)
    if (!q.pricing.edition->find(g)) unpriced.push_back(g);
  if (!unpriced.empty() && (wants_money || wants_power)) {
    std::vector<std::string> names;
    for (const auto& g : unpriced) names.push_back(catalog::gpu_display(g));
    if (q.metrics_explicit) {
      throw QueryError(fmt::format("{} {} no price or power in the {} catalog edition, so cost, tok/s/MW and J/tok cannot be computed",
                                   text::join(names, ", "), unpriced.size() == 1 ? "has" : "have", q.pricing.edition->name),
                       {0, 0}, "show throughput or latency metrics only for these GPUs, or filter them out");
    }
    metrics.erase(std::remove_if(metrics.begin(), metrics.end(), [](const BoundMetric& m) {
                    return m.metric->kind == catalog::MetricKind::cost || m.metric->kind == catalog::MetricKind::power ||
                           m.metric->kind == catalog::MetricKind::joules;
                  }),
                  metrics.end());
    notes.push_back(fmt::format("cost, tok/s/MW and J/tok omitted: {} {} no price or power in the {} catalog edition",
                                text::join(names, ", "), unpriced.size() == 1 ? "has" : "have", q.pricing.edition->name));
  }

  // 4. Values at each target.
  Comparison cmp;
  cmp.dimension = q.dimension;
  if (band) cmp.band = std::pair{band->lo, band->hi};
  cmp.prices = q.pricing.text();
  cmp.tokens = q.tokens;
  for (const auto& m : metrics) cmp.metrics.push_back(m.column);
  for (const auto& se : sides) {
    SideSummary s;
    s.label = se.side->label;
    s.display = se.side->display;
    std::vector<std::string> parts;
    for (const auto& f : se.selection.filters) parts.push_back(f.text());
    for (const auto& w : se.selection.where) parts.push_back("where " + w.source);
    if (const auto d = se.selection.date.text(); !d.empty()) parts.push_back(d);
    s.filters = text::join(parts, " ");
    s.rows = se.selected.rows.size();
    s.frontier_points = se.frontier.size();
    s.range = std::pair{se.range->lo, se.range->hi};
    for (auto d : se.dates) s.run_dates.push_back(text::format_date(d));
    s.gpus.assign(se.gpus.begin(), se.gpus.end());
    s.frameworks.assign(se.frameworks.begin(), se.frameworks.end());
    cmp.sides.push_back(std::move(s));
  }

  std::vector<std::string> out_of_range, clamped, mixed, zero_tput;
  std::vector<std::pair<std::string, Decimal>> saving_at;  // for the phrasing note, in target order
  for (double t : targets) {
    TargetResult tr;
    tr.interactivity = t;
    if (band) tr.position = math::position_words(*band, t);
    std::vector<std::optional<Decimal>> costs(sides.size());
    for (std::size_t si = 0; si < sides.size(); ++si) {
      SideEval& se = sides[si];
      SideValue sv;
      sv.side = se.side->label;
      double x = t;
      const math::MonotoneSpline* tput_spline = spline_for(se, ds, Field::tput_per_gpu);
      if (!tput_spline->in_range(t)) {
        if (!q.clamp) {
          sv.status = Status::out_of_range;
          sv.values.assign(metrics.size(), std::nullopt);
          out_of_range.push_back(fmt::format("{} at {} tok/s/user (frontier {})", se.side->display, number_text(t), frontier_text(se.frontier)));
          tr.values.push_back(std::move(sv));
          continue;
        }
        sv.status = Status::clamped;
        x = std::clamp(t, se.frontier.front().x, se.frontier.back().x);
        clamped.push_back(fmt::format("{} at {} takes the value at {:.1f}", se.side->display, number_text(t), x));
      }
      const auto gpu = gpu_at(se, ds, x);
      const catalog::Economics* econ = gpu ? q.pricing.edition->find(*gpu) : nullptr;
      std::optional<double> token_tput;
      if (const auto* s = spline_for(se, ds, q.token_field)) token_tput = s->at_clamped(x);
      for (const auto& m : metrics) {
        std::optional<double> v;
        switch (m.metric->kind) {
          case catalog::MetricKind::throughput:
          case catalog::MetricKind::latency:
            if (const auto* s = spline_for(se, ds, m.field)) v = s->at_clamped(x);
            break;
          case catalog::MetricKind::concurrency: v = math::round_half_up(se.conc->at_clamped(x)); break;
          case catalog::MetricKind::cost:
          case catalog::MetricKind::power:
          case catalog::MetricKind::joules: {
            if (!gpu) {
              mixed.push_back(fmt::format("{} at {}", se.side->display, number_text(t)));
              break;
            }
            if (!econ || !token_tput) break;
            if (*token_tput <= 0) {
              zero_tput.push_back(fmt::format("{} at {}", se.side->display, number_text(t)));
              break;
            }
            const Decimal tput = Decimal::from_double(*token_tput);
            const Decimal kw = Decimal::parse(econ->kw);
            if (m.metric->kind == catalog::MetricKind::cost) {
              const Decimal cost = Decimal::parse(tier_price(*econ, q.pricing.tier)) /
                                   (tput * Decimal::from_int(3600) / Decimal::from_int(1000000));
              costs[si] = cost;
              v = cost.to_double();
            } else if (m.metric->kind == catalog::MetricKind::power) {
              v = (tput * Decimal::from_int(1000) / kw).to_double();
            } else {
              v = (kw * Decimal::from_int(1000) / tput).to_double();
            }
            break;
          }
        }
        sv.values.push_back(v);
      }
      tr.values.push_back(std::move(sv));
    }

    // Verdict for this target.
    std::string prefix = band ? fmt::format("{} of the {} tok/s/user band, at {} tok/s/user", capitalize(tr.position),
                                            math::band_label(*band), number_text(t))
                              : fmt::format("At {} tok/s/user", number_text(t));
    std::vector<std::string> clamped_here;
    for (std::size_t si = 0; si < sides.size(); ++si)
      if (tr.values[si].status == Status::clamped) clamped_here.push_back(sides[si].side->display);
    if (!clamped_here.empty()) prefix += fmt::format(" ({} clamped to the frontier's edge)", text::join(clamped_here, ", "));
    std::vector<std::string> missing;
    for (std::size_t si = 0; si < sides.size(); ++si)
      if (tr.values[si].status == Status::out_of_range)
        missing.push_back(fmt::format("{} is out of range (its frontier spans {} tok/s/user)", sides[si].side->display,
                                      frontier_text(sides[si].frontier)));
    if (!missing.empty()) {
      result.summary.push_back(fmt::format("{}: {}; no comparison.", prefix, text::join(missing, ", ")));
    } else {
      std::vector<std::string> clauses;
      auto contenders = [&](std::size_t mi) -> std::optional<std::vector<Contender>> {
        std::vector<Contender> c;
        for (std::size_t si = 0; si < sides.size(); ++si) {
          const auto& v = tr.values[si].values[mi];
          if (!v || *v <= 0) return std::nullopt;
          c.push_back({sides[si].side->display,
                       metrics[mi].metric->kind == catalog::MetricKind::cost && costs[si] ? *costs[si] : Decimal::from_double(*v), si});
        }
        return c;
      };
      bool had_cost = false, had_tput = false;
      for (std::size_t mi = 0; mi < metrics.size(); ++mi) {
        const auto kind = metrics[mi].metric->kind;
        if (kind == catalog::MetricKind::cost && !had_cost) {
          had_cost = true;
          if (auto c = contenders(mi)) {
            clauses.insert(clauses.begin(), cost_clause(*c));
            auto ranked = *c;
            std::stable_sort(ranked.begin(), ranked.end(), [](const Contender& a, const Contender& b) { return a.value < b.value; });
            saving_at.emplace_back(number_text(t), (Decimal::from_int(1) - ranked[0].value / ranked[1].value) * Decimal::from_int(100));
          }
        } else if (kind == catalog::MetricKind::throughput && !had_tput) {
          had_tput = true;
          if (auto c = contenders(mi)) {
            const std::string unit = metrics[mi].field == Field::tput_per_gpu ? "tok/s/GPU"
                                     : metrics[mi].field == Field::output_tput_per_gpu ? "output tok/s/GPU"
                                                                                       : "input tok/s/GPU";
            clauses.push_back(more_clause(*c, unit, unit));
          }
        }
      }
      if (clauses.empty()) {
        // Neither cost nor throughput shown: speak about the first metric that has a better direction.
        for (std::size_t mi = 0; mi < metrics.size() && clauses.empty(); ++mi) {
          const auto pol = metrics[mi].column.polarity;
          if (pol == MetricColumn::Polarity::neutral) continue;
          if (auto c = contenders(mi)) {
            if (pol == MetricColumn::Polarity::higher_is_better) clauses.push_back(more_clause(*c, metrics[mi].column.unit, metrics[mi].column.unit));
            else clauses.push_back(lower_clause(*c, metrics[mi].column.display));
          }
        }
      }
      if (!clauses.empty()) result.summary.push_back(fmt::format("{}: {}.", prefix, text::join(clauses, "; ")));
    }
    cmp.targets.push_back(std::move(tr));
  }

  // 5. Notes: what was computed, from what, and every caveat.
  if (band) {
    std::string how = q.targets.kind == TargetSpec::Kind::band_default ? "; targets are its 25/50/75% points"
                      : q.targets.kind == TargetSpec::Kind::band       ? "; targets are the given percentages of it"
                                                                       : "";
    notes.insert(notes.begin(), fmt::format("band {} tok/s/user: where every side was measured ({:.2f}–{:.2f}){}",
                                            math::band_label(*band), band->lo, band->hi, how));
  } else {
    std::vector<std::string> rs;
    for (const auto& se : sides) rs.push_back(fmt::format("{} {}", se.side->display, range_text(*se.range)));
    notes.insert(notes.begin(), fmt::format("no common band: the sides never overlap in interactivity ({} tok/s/user){}",
                                            text::join(rs, "; "),
                                            targets.empty() ? "; no default targets — give them with `at interactivity …`" : ""));
  }
  for (const auto& se : sides) {
    std::string pooled;
    if (se.gpus.size() > 1 || q.dimension != "gpu") pooled += fmt::format(", GPUs {}", list_text(se.gpus, catalog::gpu_display));
    pooled += fmt::format(", frameworks {}", list_text(se.frameworks, identity));
    const auto plural = [](std::size_t n, const char* word) { return fmt::format("{} {}{}", n, word, n == 1 ? "" : "s"); };
    notes.push_back(fmt::format("{}: {} on {}, measured {} tok/s/user; {} spanning {}; {}{}", se.side->display,
                                plural(se.selected.rows.size(), "row"), plural(se.selected.lines, "line"), range_text(*se.range),
                                plural(se.frontier.size(), "frontier point"), frontier_text(se.frontier), dates_text(se.dates),
                                pooled));
    if (se.selected.rows_without_x)
      notes.push_back(fmt::format("{}: {} selected rows have no median interactivity and are not on the chart", se.side->display,
                                  se.selected.rows_without_x));
  }
  if (!q.defaults.empty()) notes.push_back("defaults: " + text::join(q.defaults, "; "));
  if (std::any_of(metrics.begin(), metrics.end(), [](const BoundMetric& m) {
        return m.metric->kind == catalog::MetricKind::cost || m.metric->kind == catalog::MetricKind::power ||
               m.metric->kind == catalog::MetricKind::joules;
      })) {
    std::vector<std::string> prices;
    for (const auto& g : frontier_gpus)
      if (const auto* e = q.pricing.edition->find(g))
        prices.push_back(fmt::format("{} ${}/GPU-hour, {} kW", catalog::gpu_display(g), tier_price(*e, q.pricing.tier), e->kw));
    notes.push_back(fmt::format("prices: {} edition, {} tier, {} tokens: {}", q.pricing.edition->name, q.pricing.tier, q.tokens,
                                text::join(prices, "; ")));
  }
  if (!saving_at.empty()) {
    std::vector<std::string> s;
    for (const auto& [t, pct] : saving_at) s.push_back(fmt::format("{}% at {}", pct.fixed(1), t));
    notes.push_back(fmt::format("\"N% cheaper\" follows the dashboard: the pricier side costs N% more per token; the cheaper "
                                "side's saving is 1 − 1/r ({})",
                                text::join(s, ", ")));
  }
  if (!out_of_range.empty())
    notes.push_back("out of range, no value: " + text::join(out_of_range, "; ") +
                    " — `clamp` takes the frontier's edge value instead, as the dashboard does silently");
  if (!clamped.empty()) notes.push_back("clamped (asked for with `clamp`): " + text::join(clamped, "; "));
  if (!mixed.empty())
    notes.push_back("no single GPU price: the frontier segment joins two GPUs for " + text::join(mixed, "; ") +
                    "; cost, tok/s/MW and J/tok are left empty there (narrow the side to one GPU)");
  if (!zero_tput.empty()) notes.push_back("zero throughput, no cost: " + text::join(zero_tput, "; "));
  for (const auto& m : metrics) {
    if (m.metric->kind != catalog::MetricKind::throughput && m.metric->kind != catalog::MetricKind::latency) continue;
    std::vector<std::string> lacking;
    for (auto& se : sides)
      if (!spline_for(se, ds, m.field)) lacking.push_back(se.side->display);
    if (!lacking.empty())
      notes.push_back(fmt::format("{} is not measured at every frontier point of {}, so it is left empty there ({} is absent "
                                  "from some rows)",
                                  m.column.display, text::join(lacking, ", "), data::field_name(m.field)));
  }
  if ((wants_money || wants_power) && q.token_field != Field::tput_per_gpu)
    for (auto& se : sides)
      if (!spline_for(se, ds, q.token_field))
        notes.push_back(fmt::format("{}: {} is absent from some frontier rows, so cost and power are left empty", se.side->display,
                                    data::field_name(q.token_field)));
  const bool per_role = q.token_field != Field::tput_per_gpu ||
                        std::any_of(metrics.begin(), metrics.end(), [](const BoundMetric& m) {
                          return m.field == Field::output_tput_per_gpu || m.field == Field::input_tput_per_gpu;
                        });
  if (per_role && std::any_of(sides.begin(), sides.end(), [](const SideEval& se) { return se.any_disagg; }))
    notes.push_back("disaggregated rows: output throughput is per decode GPU and input throughput per prefill GPU");

  result.query = resolved_query(q, targets);
  result.notes = std::move(notes);
  result.comparison = std::move(cmp);
  return result;
}

}  // namespace icq::interp
