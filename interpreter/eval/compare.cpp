#include "eval/compare.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <optional>
#include <set>

#include "bind/binder.hpp"
#include "bind/query_error.hpp"
#include "catalog/catalog.hpp"
#include "eval/cancel.hpp"
#include "eval/chart_data.hpp"
#include "eval/compare_notes.hpp"
#include "eval/config_table.hpp"
#include "eval/curve.hpp"
#include "eval/dashboard_link.hpp"
#include "eval/noise.hpp"
#include "eval/provenance.hpp"
#include "math/band.hpp"
#include "num/decimal.hpp"
#include "phrase/verdict.hpp"
#include "render/numbers.hpp"
#include "text/dates.hpp"
#include "text/text.hpp"

namespace icq::interp {

namespace {

using data::Field;
using num::Decimal;

// How a verdict speaks of a metric: cost and throughput by name, any other by its better direction.
VerdictMetric verdict_metric(const BoundMetric& m) {
  VerdictMetric v;
  v.key = m.column.key;
  v.kind = m.metric->kind == catalog::MetricKind::cost         ? VerdictMetric::Kind::cost
           : m.metric->kind == catalog::MetricKind::throughput ? VerdictMetric::Kind::throughput
                                                               : VerdictMetric::Kind::other;
  v.better = m.column.polarity == MetricColumn::Polarity::higher_is_better  ? VerdictMetric::Better::higher
             : m.column.polarity == MetricColumn::Polarity::lower_is_better ? VerdictMetric::Better::lower
                                                                            : VerdictMetric::Better::neither;
  v.tokens = m.field == Field::tput_per_gpu ? "tok/s/GPU" : m.field == Field::output_tput_per_gpu ? "output tok/s/GPU" : "input tok/s/GPU";
  v.unit = m.column.unit;
  v.display = m.column.display;
  return v;
}

// What a verdict adds when it rests on a value that is not solid (SEMANTICS.md §12); empty otherwise.
std::string caution(const std::string& who, double t, const Evidence& e) {
  switch (e.kind) {
    case Evidence::Kind::wide_gap:
      return fmt::format("{}'s value is a guess across a wide gap (nothing measured between {} and {} tok/s/user)", who,
                         num::fixed(e.knots.front().interactivity, 1), num::fixed(e.knots.back().interactivity, 1));
    case Evidence::Kind::two_configs:
      return fmt::format("{}'s value joins two configurations (no single deployment was measured at {} tok/s/user)", who, number_text(t));
    default: return {};
  }
}

// The note on a pooled value beyond the best single configuration at t (by more than 1 % on the
// metric at `by`), or on a target no single configuration's own frontier spans.
std::optional<std::string> beyond_single(const std::string& who, double t, const std::vector<BoundMetric>& metrics, std::size_t by,
                                         const std::vector<std::optional<double>>& pooled, const Deployable* single) {
  if (!single)
    return fmt::format("{} at {}: no single configuration's own frontier spans {} tok/s/user", who, number_text(t), number_text(t));
  if (by >= metrics.size() || !pooled[by] || !single->values[by] || !(*pooled[by] > 0) || !(*single->values[by] > 0)) return std::nullopt;
  const auto& col = metrics[by].column;
  const double p = *pooled[by], s = *single->values[by];
  const bool lower = col.polarity == MetricColumn::Polarity::lower_is_better;
  if ((lower ? s / p : p / s) <= 1.01) return std::nullopt;  // no more than 1 % better than one line reaches
  const std::string by_how_much = lower        ? num::fixed((1 - p / s) * 100, 1) + "% below"
                                  : p / s <= 2 ? num::fixed((p / s - 1) * 100, 1) + "% above"
                                               : num::fixed(p / s, 2) + "×";
  return fmt::format(
      "{} at {}: the pooled {} {} is {} the {} of the best single configuration, {}{}", who, number_text(t), col.key,
      out::metric_cell(col, p), by_how_much, out::metric_cell(col, s), single->config,
      single->evidence && !single->evidence->solid() ? fmt::format(" (itself {})", evidence_key(single->evidence->kind)) : "");
}

}  // namespace

std::string dates_text(const std::set<std::int32_t>& dates) {
  if (dates.empty()) return "no dates";
  if (dates.size() == 1) return "run date " + text::format_date(*dates.begin());
  return fmt::format("run dates {} … {} ({} dates)", text::format_date(*dates.begin()), text::format_date(*dates.rbegin()), dates.size());
}

Selection merged(const Selection& shared, const Selection& own) {
  Selection s = shared;
  s.filters.insert(s.filters.end(), own.filters.begin(), own.filters.end());
  s.where.insert(s.where.end(), own.where.begin(), own.where.end());
  if (own.date.kind != DateSelection::Kind::latest) s.date = own.date;
  if (own.matching_lines) s.matching_lines = own.matching_lines;  // a `rank config` side: its one line
  return s;
}

AxisUse axis_use(const BoundCompare& q, const std::vector<Curve>& curves, const data::Dataset& ds) {
  AxisUse u;
  for (const auto& c : curves)
    for (std::uint32_t r : c.selected().rows) {
      (ds.line_of(ds.rows()[r]).agentic() ? u.agentic : u.fixed) = true;
      if (u.agentic && u.fixed) break;
    }
  if (q.shared.axis.chosen) u.words = percentile_name(*q.shared.axis.chosen);
  else if (u.agentic && u.fixed) u.words = "p50/p90";
  else u.words = u.agentic ? "p90" : "p50";
  return u;
}

std::string resolved_query(const BoundCompare& q, const std::vector<double>& targets, const std::string& axis) {
  std::string s = "compare";
  if (q.dimension != "filters") s += " " + q.dimension;
  for (std::size_t i = 0; i < q.sides.size(); ++i) s += (i ? " vs " : " ") + q.sides[i].label;
  return s + resolved_clauses(q, targets, axis);
}

std::string resolved_clauses(const BoundCompare& q, const std::vector<double>& targets, const std::string& axis) {
  std::string s = selection_text(q.shared);
  if (!targets.empty()) {
    std::vector<std::string> t;
    for (double v : targets) t.push_back(number_text(v));
    s += " at interactivity " + text::join(t, ", ");
  }
  if (q.clamp) s += " clamp";
  std::vector<std::string> m;
  for (const auto& bm : q.metrics) m.push_back(bm.text);
  if (q.show_deployable) m.emplace_back("deployable");
  if (q.show_config) m.emplace_back("config");
  s += " show " + text::join(m, ", ");
  if (q.noise_runs) s += fmt::format(" with noise last {}", q.noise_runs);
  s += q.method.text();
  // The workload's default percentile, printed so nobody has to guess which axis was read.
  if (!q.method.axis.chosen && !axis.empty() && axis.find('/') == std::string::npos) s += " using interactivity " + axis;
  s += " tokens " + q.tokens;
  return s;
}

std::string selection_text(const Selection& sel) {
  std::string s;
  for (const auto& f : sel.filters) s += " " + f.text();
  for (const auto& w : sel.where) s += " where " + w.source;
  if (const auto d = sel.date.text(); !d.empty()) s += " " + d;
  return s;
}

std::vector<Curve> build_curves(const BoundCompare& q, const data::Dataset& ds, std::vector<SideTrace>* traces) {
  std::vector<Curve> curves;
  curves.reserve(q.sides.size());
  for (const auto& side : q.sides) {
    check_cancelled();  // `rank config` builds a curve per configuration
    SelectionTrace trace;
    curves.emplace_back(ds, merged(q.shared, side.selection), &trace);
    if (traces) traces->push_back({side.display, trace, curves.back().frontier().size()});
  }
  return curves;
}

std::vector<Curve> side_curves(const BoundCompare& q, const data::Dataset& ds, std::vector<SideTrace>* traces) {
  std::vector<Curve> curves = build_curves(q, ds, traces);
  for (std::size_t i = 0; i < curves.size(); ++i) {
    const Curve& c = curves[i];
    const BoundSide& side = q.sides[i];
    // A shared filter that leaves nothing is the error, not the side that meets it first.
    if (c.empty()) check_filters_match(ds, q.shared.filters);
    // A date before every run of the shared filters is the error (a date side's own date too); a
    // side that alone lacks runs then is the side's.
    if (c.empty()) {
      const Selection all = merged(q.shared, side.selection);
      check_date_matches(ds, q.shared.filters, all.date);
    }
    if (c.empty()) {
      std::string help;
      if (q.dimension != "filters" && q.dimension != "date") {
        // Under the shared dates and conditions too: a value with rows only outside them is no side.
        const bool narrowed = !q.shared.where.empty() || q.shared.date.kind != DateSelection::Kind::latest;
        const auto present = present_values(ds, q.shared, line_field_of(q.dimension));
        const char* under = narrowed ? "the shared filters, dates and conditions" : "the shared filters";
        help = present.empty() ? fmt::format("no rows match {} at all", under)
                               : fmt::format("{} values with rows under {}: {}", q.dimension, under, text::join(present, ", "));
      } else {
        help = "check the filters with `list dates` or `list gpus`";
      }
      const std::string why = c.selected().rows_without_x
                                  ? fmt::format(" ({} rows lack {} interactivity)", c.selected().rows_without_x,
                                                [&] {
                                                  const auto& un = c.selected().unplottable;
                                                  const auto p =
                                                      un.empty() ? Percentile::p50 : q.shared.axis.of(ds.line_of(ds.rows()[un.front()]));
                                                  return p == Percentile::p50 ? std::string("median") : std::string(percentile_name(p));
                                                }())
                                  : std::string{};
      throw QueryError(fmt::format("no rows for side '{}' with{}{}", side.display, selection_text(q.shared), why), side.span, help);
    }
  }
  return curves;
}

Result run_compare(const BoundCompare& q, const data::Dataset& ds, std::vector<SideTrace>* traces) {
  // 1. Rows, range and frontier of each side.
  return compare_curves(q, ds, std::make_shared<const std::vector<Curve>>(side_curves(q, ds, traces)));
}

Result compare_curves(const BoundCompare& q, const data::Dataset& ds, const std::vector<Curve>& curves, std::vector<NoteKind>* note_kinds) {
  return compare_curves(q, ds, std::make_shared<const std::vector<Curve>>(curves), note_kinds);  // the chart's own copy
}

Result compare_curves(const BoundCompare& q, const data::Dataset& ds, std::shared_ptr<const std::vector<Curve>> shared,
                      std::vector<NoteKind>* note_kinds) {
  const std::vector<Curve>& curves = *shared;
  Result result;
  result.kind = Kind::compare;
  Notes notes;

  // 2. Band and targets. A band the sides only touch, or too narrow for an integer target, has no
  // default targets (SEMANTICS.md §5): the dashboard silently falls back to the union there.
  std::vector<math::Range> ranges;
  for (const auto& c : curves) ranges.push_back(*c.range());
  std::optional<math::Range> band = math::band_of(ranges);
  const bool touching = band && math::degenerate(*band);
  const auto ranges_text = [&] {
    std::vector<std::string> rs;
    for (std::size_t i = 0; i < curves.size(); ++i) rs.push_back(fmt::format("{} {}", q.sides[i].display, curves[i].range_text()));
    return text::join(rs, "; ");
  };
  const std::string no_band_why = touching ? fmt::format("the sides' interactivity ranges only touch ({}–{})", num::fixed(band->lo, 2), num::fixed(band->hi, 2))
                                           : std::string("the sides' interactivity ranges never overlap");
  if (touching) band.reset();
  std::vector<double> targets;
  switch (q.targets.kind) {
    case TargetSpec::Kind::interactivity: targets = q.targets.values; break;
    case TargetSpec::Kind::band_default:
    case TargetSpec::Kind::band: {
      if (!band)
        throw QueryError(fmt::format("{}, so there is no band to place {} in", no_band_why,
                                     q.targets.kind == TargetSpec::Kind::band ? "band percentages" : "default targets"),
                         q.targets.kind == TargetSpec::Kind::band ? q.targets.span : ast::Span{0, 0},
                         "measured ranges (tok/s/user): " + ranges_text() +
                             ". Give targets with `at interactivity …` (each side says where it is out of range), or add `clamp`");
      static const std::vector<double> quartiles = {0.25, 0.50, 0.75};
      const bool pct = q.targets.kind == TargetSpec::Kind::band;
      targets = math::band_targets(*band, pct ? q.targets.values : quartiles, pct);
      break;
    }
  }

  // 3. Prices and powers: every GPU a cost/power figure could need. A side without them keeps its
  // throughput and leaves its cost and power empty; the priced sides keep theirs.
  const std::vector<BoundMetric>& metrics = q.metrics;
  const bool wants_money =
      std::any_of(metrics.begin(), metrics.end(), [](const BoundMetric& m) { return catalog::needs_price(m.metric->kind); });
  const bool wants_power =
      std::any_of(metrics.begin(), metrics.end(), [](const BoundMetric& m) { return catalog::needs_power(m.metric->kind); });
  const Pricing& pricing = q.method.pricing;
  std::set<std::string> frontier_gpus;
  for (std::size_t i = 0; i < curves.size(); ++i) {
    std::set<std::string> gpus, unpriced;
    for (const auto& p : curves[i].frontier()) gpus.insert(ds.line_of(ds.rows()[p.index]).hardware);
    for (const auto& g : gpus) {
      frontier_gpus.insert(g);
      if ((wants_money && !pricing.price(g)) || (wants_power && !pricing.kw(g))) unpriced.insert(g);
    }
    if (unpriced.empty()) continue;
    std::vector<std::string> names;
    for (const auto& g : unpriced) names.push_back(catalog::gpu_display(g));
    const std::string what = fmt::format("{} {} no {} in the {} edition{}", text::join(names, ", "), names.size() == 1 ? "has" : "have",
                                         wants_money && wants_power ? "price or power"
                                         : wants_money              ? "price"
                                                                    : "power",
                                         pricing.edition->name, wants_money ? " (" + pricing.tier + " tier)" : "");
    const auto with = [&] {
      std::vector<std::string> eds;
      for (const auto& e : catalog::price_editions())
        if (std::all_of(unpriced.begin(), unpriced.end(), [&](const std::string& g) {
              const auto* x = e.find(g);
              return x && (!wants_money || !catalog::tier_price(*x, pricing.tier).empty());
            }))
          eds.push_back(e.name);
      return eds;
    }();
    const std::string editions = with.empty() ? std::string() : "editions that have it: " + text::join(with, ", ");
    const std::string set =
        wants_money ? fmt::format("set price {} 1.50", *unpriced.begin()) : fmt::format("set power {} 1.2", *unpriced.begin());
    if (q.metrics_explicit)
      throw QueryError(
          fmt::format("side '{}': {}, so {} cannot be computed", q.sides[i].display, what,
                      wants_money && wants_power ? "cost and power figures"
                      : wants_money              ? "cost"
                                                 : "tok/s/MW and J/tok"),
          q.sides[i].span,
          fmt::format("{}give one with `{}`, or show throughput and latency only", editions.empty() ? "" : editions + "; ", set));
    notes.add(fmt::format("{}: cost and power figures are left empty: {}{}", q.sides[i].display, what,
                          editions.empty() ? "" : " (" + editions + ")"));
  }

  const AxisUse axis = axis_use(q, curves, ds);

  // 4. Values and verdicts at each target.
  Comparison cmp;
  cmp.dimension = q.dimension;
  if (band) cmp.band = std::pair{band->lo, band->hi};
  cmp.prices = pricing.text();
  cmp.tokens = q.tokens;
  for (const auto& m : metrics) cmp.metrics.push_back(m.column);
  for (std::size_t i = 0; i < curves.size(); ++i) {
    const Curve& c = curves[i];
    SideSummary s;
    s.label = q.sides[i].label;
    s.display = q.sides[i].display;
    s.filters = selection_text(merged(q.shared, q.sides[i].selection)).substr(1);
    s.rows = c.selected().rows.size();
    s.frontier_points = c.frontier().size();
    s.range = std::pair{c.range()->lo, c.range()->hi};
    for (auto d : c.dates()) s.run_dates.push_back(text::format_date(d));
    s.gpus.assign(c.gpus().begin(), c.gpus().end());
    s.frameworks.assign(c.frameworks().begin(), c.frameworks().end());
    cmp.sides.push_back(std::move(s));
  }
  cmp.chart_data = chart_data(q, shared, ds);  // the chart's points and curves, made when drawn (eval/chart_data)

  CompareCaveats caveats;  // gathered at each target, for the notes
  // The best single configuration (SEMANTICS.md §12): each side's lines, built when first needed;
  // the best by the first metric with a better direction.
  std::vector<std::optional<LineCurves>> lines(curves.size());
  const std::size_t by =
      static_cast<std::size_t>(std::find_if(metrics.begin(), metrics.end(),
                                            [](const BoundMetric& m) { return m.column.polarity != MetricColumn::Polarity::neutral; }) -
                               metrics.begin()) %
      std::max<std::size_t>(metrics.size(), 1);
  const bool want_single = q.show_deployable || q.show_config;
  const bool wants_accuracy =
      std::any_of(metrics.begin(), metrics.end(), [](const BoundMetric& m) { return m.metric->kind == catalog::MetricKind::accuracy; });
  const std::vector<SideNoise> noise = q.noise_runs ? side_noise(q, curves, ds) : std::vector<SideNoise>{};
  std::vector<std::vector<std::optional<double>>> read(curves.size());  // where each side's values were read, for the noise notes
  cmp.noise_runs = q.noise_runs;
  for (std::size_t tr_index = 0; tr_index < targets.size(); ++tr_index) {
    const double t = targets[tr_index];
    check_cancelled();  // thousands of targets (`at 10..200 step 0.01`) over many sides
    TargetResult tr;
    tr.interactivity = t;
    if (band) tr.position = math::position_words(*band, t);
    std::vector<PointValues> at;
    for (std::size_t si = 0; si < curves.size(); ++si) {
      const std::string& who = q.sides[si].display;
      at.push_back(evaluate_at(curves[si], ds, t, q.clamp, metrics, q.method, q.token_field));
      const PointValues& pv = at.back();
      if (pv.status == Status::out_of_range) caveats.out_of_range.push_back({si, tr_index, t, curves[si].frontier_text(t)});
      if (pv.status == Status::clamped)
        caveats.clamped.push_back(fmt::format("{} at {} takes the value at {}", who, number_text(t), num::fixed(pv.x, 1)));
      if (pv.status != Status::out_of_range) {
        if (pv.mixed_gpu && ((wants_money && q.method.cost == CostMethod::derived) || wants_power))
          caveats.mixed.push_back(fmt::format("{} at {}", who, number_text(t)));
        if (pv.mixed_config) caveats.mixed_config.push_back(fmt::format("{} at {}", who, number_text(t)));
        if (pv.zero_throughput) caveats.zero_tput.push_back(fmt::format("{} at {}", who, number_text(t)));
        if (pv.evaluation) {
          const auto& e = *pv.evaluation;
          const std::string src =
              fmt::format("{}: {} {} {} {} {} on {} ({} ± {}, n={}{})", who, e.task, catalog::model_display(e.line.model),
                          catalog::gpu_display(e.line.hardware), catalog::display(catalog::precisions(), e.line.precision),
                          e.line.framework, text::format_date(e.date), num::Decimal::from_double(e.em_strict).fixed(3),
                          std::isnan(e.em_strict_se) ? std::string("?") : num::Decimal::from_double(e.em_strict_se).fixed(3),
                          std::isnan(e.n_eff) ? std::string("?") : number_text(e.n_eff), e.run_url.empty() ? "" : ", " + e.run_url);
          if (std::find(caveats.accuracy_sources.begin(), caveats.accuracy_sources.end(), src) == caveats.accuracy_sources.end())
            caveats.accuracy_sources.push_back(src);
        } else if (wants_accuracy && !pv.mixed_config) {
          const data::Line& l = ds.line_of(*curves[si].knots_at(pv.x).front());
          const std::string n = fmt::format("no evaluation of {} on {} {} {} (for {} at {})", catalog::model_display(l.model),
                                            catalog::gpu_display(l.hardware), catalog::display(catalog::precisions(), l.precision),
                                            l.framework, who, number_text(t));
          caveats.no_evaluation.push_back(n);
        }
      }
      SideValue sv{q.sides[si].label, pv.status, pv.values, {}, evidence_of(curves[si], ds, pv), {}};
      if (sv.evidence && !sv.evidence->solid() && sv.evidence->kind != Evidence::Kind::clamped)
        caveats.not_solid.push_back({si, t, *sv.evidence});
      // A value joining two configurations may be beyond what any one of them reaches: say by how much.
      const bool joins = sv.evidence && !sv.evidence->same_config;
      if (sv.evidence && (want_single || joins)) {
        if (!lines[si]) lines[si].emplace(curves[si]);
        std::optional<SingleBest> single =
            best_single(lines[si]->reaching(pv.x), ds, pv.x, metrics, by, q.method, q.token_field, want_single);
        if (joins)
          if (auto n = beyond_single(who, t, metrics, by, pv.values, single ? &single->deployable : nullptr))
            caveats.beyond_single.push_back(std::move(*n));
        if (want_single && single) sv.deployable = std::move(single->deployable);
      }
      tr.values.push_back(std::move(sv));
      if (!noise.empty()) tr.values.back().noise = spread_at(noise[si], curves[si], pv);
      read[si].push_back(pv.status == Status::out_of_range ? std::nullopt : std::optional<double>(pv.x));
    }

    // The verdict sentence (phrase/verdict), from the values at this target.
    VerdictInput vin;
    vin.target = number_text(t);
    vin.at = t;
    if (band) vin.band = std::pair{band->lo, band->hi}, vin.band_label = math::band_label(*band), vin.position = tr.position;
    for (const auto& m : metrics) vin.metrics.push_back(verdict_metric(m));
    for (std::size_t si = 0; si < curves.size(); ++si) {
      const bool out = at[si].status == Status::out_of_range;
      VerdictSide vs{q.sides[si].display,
                     q.sides[si].label,
                     out,
                     at[si].status == Status::clamped,
                     out ? curves[si].frontier_text(t) : std::string(),
                     {},
                     tr.values[si].evidence ? caution(q.sides[si].display, t, *tr.values[si].evidence) : std::string(),
                     tr.values[si].evidence ? std::optional(tr.values[si].evidence->kind) : std::nullopt,
                     {}};
      for (std::size_t mi = 0; mi < metrics.size(); ++mi) {
        // Exact: a cost as its price over its throughput (or its decimal), any other value as its double.
        const auto& v = at[si].values[mi];
        const bool cost = metrics[mi].metric->kind == catalog::MetricKind::cost && (at[si].cost_exact || at[si].cost);
        const auto exact = !v ? std::nullopt : cost ? at[si].cost_exact : num::exact_of(*v);
        vs.exact.push_back(exact);
        vs.values.push_back(!v || exact ? std::nullopt : cost ? at[si].cost : std::optional<Decimal>(Decimal::from_double(*v)));
      }
      vin.sides.push_back(std::move(vs));
    }
    // `with noise`: when the two best values differ by less than both their spreads, say so instead of a winner.
    if (!noise.empty()) {
      vin.within_noise = [&](std::size_t mi, std::size_t a, std::size_t b) { return within_noise(tr.values[a], tr.values[b], mi); };
      vin.noise_clause = [&](std::size_t mi, std::size_t a, std::size_t b) {
        const auto span = [&](std::size_t si) {
          const Spread& sp = *tr.values[si].noise[mi];
          return fmt::format("{} {}–{} over {} runs", q.sides[si].display, out::metric_cell(metrics[mi].column, sp.min),
                             out::metric_cell(metrics[mi].column, sp.max), sp.runs);
        };
        return fmt::format("{}: {} and {} are within run-to-run noise ({}; {})", metrics[mi].column.display, q.sides[a].display,
                           q.sides[b].display, span(a), span(b));
      };
    }
    Verdict verdict = verdict_at(vin);
    if (verdict.saving) caveats.saving_at.emplace_back(number_text(t), std::move(*verdict.saving));
    if (!verdict.sentence.empty()) result.summary.push_back(verdict.sentence);
    tr.verdicts = std::move(verdict.metrics);
    tr.sentence = std::move(verdict.sentence);
    cmp.targets.push_back(std::move(tr));
  }

  // 5. Notes: what was computed, from what, and every caveat (eval/compare_notes).
  {
    Notes all;
    all.add(band_note(q, band, no_band_why, ranges_text()), NoteKind::band);
    all.append(std::move(notes));
    const auto noise_text = noise.empty() ? std::vector<std::string>{} : noise_notes(q, curves, noise, ds, targets, read);
    all.append(compare_notes(q, curves, ds, axis, noise_text, frontier_gpus, caveats));
    notes = std::move(all);
  }

  // The same values as a typed table, one row per target and side, for hosts that read tables.
  Table values;
  values.title = "values";
  values.columns = {{"interactivity", "tok/s/user", Column::Type::number},
                    {"side", "", Column::Type::text},
                    {"status", "", Column::Type::text},
                    evidence_column()};
  for (const auto& m : cmp.metrics) {
    values.columns.push_back(m.as_column());
    if (m.key == "concurrency") values.columns.back().type = Column::Type::integer;  // rounded, as JSON writes it
  }
  for (const auto& t : cmp.targets)
    for (const auto& sv : t.values) {
      std::vector<Value> row;
      row.emplace_back(t.interactivity);
      row.emplace_back(sv.side);
      row.emplace_back(std::string(sv.status == Status::ok ? "ok" : sv.status == Status::clamped ? "clamped" : "out_of_range"));
      row.push_back(evidence_cell(sv.evidence ? &*sv.evidence : nullptr));
      for (std::size_t m = 0; m < sv.values.size(); ++m) {
        if (!sv.values[m]) row.emplace_back(std::monostate{});
        else if (cmp.metrics[m].key == "concurrency") row.emplace_back(static_cast<std::int64_t>(*sv.values[m]));
        else row.emplace_back(*sv.values[m]);
      }
      values.rows.push_back(std::move(row));
    }
  result.tables.push_back(std::move(values));
  if (q.show_deployable) result.tables.push_back(deployable_table(cmp));
  if (q.show_config) {
    result.tables.push_back(config_table(q, curves, ds, targets));
    notes.add(
        "config: the frontier knots each value is read from (below/above the target on the segment, or at a knot), and "
        "the best single configuration there (its own frontier read at the target)");
  }
  result.query = resolved_query(q, targets, axis.words);
  if (const auto link = dashboard_link(q); link && cmp.band)
    cmp.page_data = dashboard_page(q, *link, curves, ds, *cmp.band, targets, metrics, cmp.targets);
  result.notes = std::move(notes.texts);
  if (note_kinds) *note_kinds = std::move(notes.kinds);
  result.comparison = std::move(cmp);
  return result;
}

}  // namespace icq::interp
