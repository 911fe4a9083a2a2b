#include "eval/compare.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <optional>
#include <set>

#include "bind/binder.hpp"
#include "catalog/catalog.hpp"
#include "eval/cancel.hpp"
#include "eval/chart_data.hpp"
#include "eval/config_table.hpp"
#include "eval/noise.hpp"
#include "render/numbers.hpp"
#include "eval/curve.hpp"
#include "eval/dashboard_link.hpp"
#include "eval/provenance.hpp"
#include "math/band.hpp"
#include "num/decimal.hpp"
#include "phrase/verdict.hpp"
#include "bind/query_error.hpp"
#include "text/dates.hpp"
#include "text/text.hpp"

namespace icq::interp {

namespace {

using data::Field;
using num::Decimal;

std::string list_text(const std::set<std::string>& items, std::string (*display)(std::string_view)) {
  std::vector<std::string> v;
  for (const auto& i : items) v.push_back(display ? display(i) : i);
  return text::join(v, ", ");
}

std::string identity(std::string_view s) { return std::string(s); }

bool is_money(const BoundMetric& m) { return catalog::needs_economics(m.metric->kind); }

// How a verdict speaks of a metric: cost and throughput by name, any other by its better direction.
VerdictMetric verdict_metric(const BoundMetric& m) {
  VerdictMetric v;
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

std::string plural(std::size_t n, const char* word) { return fmt::format("{} {}{}", n, word, n == 1 ? "" : "s"); }

// Notes on the method in force, model groups, run dates, engines pooled and the dashboard's page.
std::vector<std::string> method_notes(const BoundCompare& q, const std::vector<Curve>& curves, const data::Dataset& ds, bool money,
                                      const AxisUse& axis) {
  std::vector<std::string> notes;
  const Method& m = q.method;
  if (!m.dashboard_note.empty())
    notes.push_back(m.dashboard_note + "; `using dashboard` sets the method, not the data (add `as of DATE` for that day's runs)");
  if (money && m.cost == CostMethod::splined)
    notes.push_back("cost splined (as the dashboard before 2026-08-12): each frontier knot is priced at its own throughput and the "
                    "knots' costs are splined; tokens per $1 is 1e6 / that cost and J/tok is splined the same way; tok/s/MW is the "
                    "same either way");
  if (m.axis.chosen)
    notes.push_back(fmt::format("interactivity axis: {} (chosen with `using interactivity`){}", percentile_name(*m.axis.chosen),
                                axis.agentic ? "; agentic rows take 1 / its ITL where present" : ""));
  else if (axis.agentic)
    notes.push_back(std::string("interactivity axis: p90 for agentic rows (1 / p90 ITL where present, as the dashboard's AgentX pages)") +
                    (axis.fixed ? ", the median for fixed sequences" : "") + "; `using interactivity p50|p90|p99` chooses another");
  // Model groups: the keys a dashboard model pools.
  std::vector<const LineFilter*> model_filters;
  for (const auto& f : q.shared.filters) model_filters.push_back(&f);
  for (const auto& s : q.sides)
    for (const auto& f : s.selection.filters) model_filters.push_back(&f);
  std::set<std::string> seen;
  for (const auto* f : model_filters)
    for (const auto& slug : f->groups) {
      const auto* g = catalog::find_model_group(slug);
      if (!g || !seen.insert(slug).second) continue;
      std::set<std::string> present;
      for (const auto& c : curves)
        for (std::uint32_t r : c.selected().rows)
          if (const auto& k = ds.line_of(ds.rows()[r]).model; std::find(g->keys.begin(), g->keys.end(), k) != g->keys.end()) present.insert(k);
      notes.push_back(fmt::format("model {} ({}) pools {}, as the dashboard's page does; rows from {}", g->slug, g->label,
                                  text::join(g->keys, ", "), present.empty() ? "none" : text::join({present.begin(), present.end()}, ", ")));
    }
  // Run dates: which sides read one day's runs and which the newest run up to a day.
  if (q.dimension == "date")
    notes.push_back("date sides are `on date`: each takes only the runs of its day (a line not run that day is absent); a side "
                    "written (as of DATE) takes each line's newest run up to the date");
  else if (q.shared.date.kind == DateSelection::Kind::as_of)
    notes.push_back(fmt::format("as of {}: each line's newest run up to that day", text::format_date(q.shared.date.date)));
  else if (q.shared.date.kind == DateSelection::Kind::on)
    notes.push_back(fmt::format("on date {}: only the runs of that day", text::format_date(q.shared.date.date)));
  for (const auto& s : q.sides)
    if (q.dimension != "date" && s.selection.date.kind != DateSelection::Kind::latest)
      notes.push_back(fmt::format("{}: {} ({})", s.display, s.selection.date.text(),
                                  s.selection.date.kind == DateSelection::Kind::on ? "only the runs of that day" : "each line's newest run up to that day"));
  // MTP acceptance rates differ across engines: the spec-decode page's comparability box.
  const auto pins_mtp = [](const Selection& sel) {
    return std::any_of(sel.filters.begin(), sel.filters.end(), [](const LineFilter& f) {
      return f.field == LineField::spec && std::find(f.values.begin(), f.values.end(), "mtp") != f.values.end();
    });
  };
  for (std::size_t i = 0; i < curves.size(); ++i) {
    if (q.dimension != "spec" && !pins_mtp(q.shared) && !pins_mtp(q.sides[i].selection)) continue;
    std::set<std::string> engines;
    for (std::uint32_t r : curves[i].selected().rows)
      if (const auto& l = ds.line_of(ds.rows()[r]); l.spec_method == "mtp") engines.insert(catalog::family_of_framework(l.framework));
    if (engines.size() > 1)
      notes.push_back(fmt::format("MTP acceptance-rate comparability: {} pools MTP rows of {} engines ({}); acceptance-rate "
                                  "implementations differ across inference engines, so points from different engines are not "
                                  "directly comparable on the same curve (narrow it with `framework` or `family`)",
                                  q.sides[i].display, engines.size(), text::join({engines.begin(), engines.end()}, ", ")));
  }
  if (const auto link = dashboard_link(q)) notes.push_back("the dashboard's page of this comparison: " + link->url);
  return notes;
}

}  // namespace

std::string dates_text(const std::set<std::int32_t>& dates) {
  if (dates.empty()) return "no dates";
  if (dates.size() == 1) return "run date " + text::format_date(*dates.begin());
  return fmt::format("run dates {} … {} ({} dates)", text::format_date(*dates.begin()), text::format_date(*dates.rbegin()),
                     dates.size());
}

std::string number_text(double v) {
  if (v == std::floor(v) && std::abs(v) < 1e15) return fmt::format("{}", static_cast<long long>(v));
  return fmt::format("{}", v);
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
                                  ? fmt::format(" ({} rows lack {} interactivity)", c.selected().rows_without_x, [&] {
                                      const auto& un = c.selected().unplottable;
                                      const auto p = un.empty() ? Percentile::p50 : q.shared.axis.of(ds.line_of(ds.rows()[un.front()]));
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
  return compare_curves(q, ds, side_curves(q, ds, traces));
}

Result compare_curves(const BoundCompare& q, const data::Dataset& ds, const std::vector<Curve>& curves) {
  Result result;
  result.kind = "compare";
  std::vector<std::string> notes;

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
  const std::string no_band_why = touching ? fmt::format("the sides' interactivity ranges only touch ({:.2f}–{:.2f})", band->lo, band->hi)
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
  const bool wants_money = std::any_of(metrics.begin(), metrics.end(), [](const BoundMetric& m) { return catalog::needs_price(m.metric->kind); });
  const bool wants_power = std::any_of(metrics.begin(), metrics.end(), [](const BoundMetric& m) { return catalog::needs_power(m.metric->kind); });
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
                                         wants_money && wants_power ? "price or power" : wants_money ? "price" : "power",
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
    const std::string set = wants_money ? fmt::format("set price {} 1.50", *unpriced.begin()) : fmt::format("set power {} 1.2", *unpriced.begin());
    if (q.metrics_explicit)
      throw QueryError(fmt::format("side '{}': {}, so {} cannot be computed", q.sides[i].display, what,
                                   wants_money && wants_power ? "cost and power figures" : wants_money ? "cost" : "tok/s/MW and J/tok"),
                       q.sides[i].span,
                       fmt::format("{}give one with `{}`, or show throughput and latency only", editions.empty() ? "" : editions + "; ", set));
    notes.push_back(fmt::format("{}: cost and power figures are left empty: {}{}", q.sides[i].display, what, editions.empty() ? "" : " (" + editions + ")"));
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
  fill_chart_series(cmp, q, curves, ds, targets);  // the chart's points and curves (eval/chart_data)

  std::vector<std::string> out_of_range, clamped, mixed, mixed_config, zero_tput;
  std::vector<std::pair<std::string, Decimal>> saving_at;  // for the phrasing note, in target order
  std::vector<std::string> accuracy_sources, no_evaluation;
  const bool wants_accuracy = std::any_of(metrics.begin(), metrics.end(), [](const BoundMetric& m) { return m.metric->kind == catalog::MetricKind::accuracy; });
  const std::vector<SideHistory> histories = q.noise_runs ? side_histories(q, ds) : std::vector<SideHistory>{};
  cmp.noise_runs = q.noise_runs;
  for (double t : targets) {
    check_cancelled();  // thousands of targets (`at 10..200 step 0.01`) over many sides
    TargetResult tr;
    tr.interactivity = t;
    if (band) tr.position = math::position_words(*band, t);
    std::vector<PointValues> at;
    for (std::size_t si = 0; si < curves.size(); ++si) {
      const std::string& who = q.sides[si].display;
      at.push_back(evaluate_at(curves[si], ds, t, q.clamp, metrics, q.method, q.token_field));
      const PointValues& pv = at.back();
      if (pv.status == Status::out_of_range)
        out_of_range.push_back(fmt::format("{} at {} tok/s/user (frontier {})", who, number_text(t), curves[si].frontier_text()));
      if (pv.status == Status::clamped) clamped.push_back(fmt::format("{} at {} takes the value at {:.1f}", who, number_text(t), pv.x));
      if (pv.status != Status::out_of_range) {
        if (pv.mixed_gpu && ((wants_money && q.method.cost == CostMethod::derived) || wants_power)) mixed.push_back(fmt::format("{} at {}", who, number_text(t)));
        if (pv.mixed_config) mixed_config.push_back(fmt::format("{} at {}", who, number_text(t)));
        if (pv.zero_throughput) zero_tput.push_back(fmt::format("{} at {}", who, number_text(t)));
        if (pv.evaluation) {
          const auto& e = *pv.evaluation;
          const std::string src = fmt::format(
              "{}: {} {} {} {} {} on {} ({} ± {}, n={}{})", who, e.task, catalog::model_display(e.line.model), catalog::gpu_display(e.line.hardware),
              catalog::display(catalog::precisions(), e.line.precision), e.line.framework, text::format_date(e.date),
              num::Decimal::from_double(e.em_strict).fixed(3),
              std::isnan(e.em_strict_se) ? std::string("?") : num::Decimal::from_double(e.em_strict_se).fixed(3),
              std::isnan(e.n_eff) ? std::string("?") : number_text(e.n_eff), e.run_url.empty() ? "" : ", " + e.run_url);
          if (std::find(accuracy_sources.begin(), accuracy_sources.end(), src) == accuracy_sources.end()) accuracy_sources.push_back(src);
        } else if (wants_accuracy && !pv.mixed_config) {
          const data::Line& l = ds.line_of(*curves[si].knots_at(pv.x).front());
          const std::string n = fmt::format("no evaluation of {} on {} {} {} (for {} at {})", catalog::model_display(l.model),
                                            catalog::gpu_display(l.hardware), catalog::display(catalog::precisions(), l.precision),
                                            l.framework, who, number_text(t));
          no_evaluation.push_back(n);
        }
      }
      tr.values.push_back({q.sides[si].label, pv.status, pv.values, {}});
      if (!histories.empty()) tr.values.back().noise = spread_at(histories[si], ds, t, q);
    }

    // The verdict sentence (phrase/verdict), from the values at this target.
    VerdictInput vin;
    vin.target = number_text(t);
    vin.at = t;
    if (band) vin.band = std::pair{band->lo, band->hi}, vin.band_label = math::band_label(*band), vin.position = tr.position;
    for (const auto& m : metrics) vin.metrics.push_back(verdict_metric(m));
    for (std::size_t si = 0; si < curves.size(); ++si) {
      VerdictSide vs{q.sides[si].display, at[si].status == Status::out_of_range, at[si].status == Status::clamped, curves[si].frontier_text(), {}};
      for (std::size_t mi = 0; mi < metrics.size(); ++mi) {
        const auto& v = at[si].values[mi];
        const bool exact_cost = metrics[mi].metric->kind == catalog::MetricKind::cost && at[si].cost;
        vs.values.push_back(!v ? std::nullopt : std::optional<Decimal>(exact_cost ? *at[si].cost : Decimal::from_double(*v)));
      }
      vin.sides.push_back(std::move(vs));
    }
    // `with noise`: when the two best values differ by less than both their spreads, say so instead of a winner.
    vin.noise = [&](std::size_t mi) -> std::optional<std::string> {
      if (histories.empty()) return std::nullopt;
      std::vector<std::size_t> order(curves.size());
      for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
      const bool higher = metrics[mi].column.polarity != MetricColumn::Polarity::lower_is_better;
      std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
        return higher ? *at[a].values[mi] > *at[b].values[mi] : *at[a].values[mi] < *at[b].values[mi];
      });
      const SideValue &a = tr.values[order[0]], &b = tr.values[order[1]];
      if (!within_noise(a, b, mi)) return std::nullopt;
      const auto span = [&](std::size_t si) {
        const Spread& sp = *tr.values[si].noise[mi];
        return fmt::format("{} {}–{} over {} runs", q.sides[si].display, out::metric_cell(metrics[mi].column.key, sp.min),
                           out::metric_cell(metrics[mi].column.key, sp.max), sp.runs);
      };
      return fmt::format("{}: {} and {} are within run-to-run noise ({}; {})", metrics[mi].column.display, q.sides[order[0]].display,
                         q.sides[order[1]].display, span(order[0]), span(order[1]));
    };
    const Verdict verdict = verdict_at(vin);
    if (verdict.saving) saving_at.emplace_back(number_text(t), *verdict.saving);
    if (!verdict.sentence.empty()) result.summary.push_back(verdict.sentence);
    cmp.targets.push_back(std::move(tr));
  }

  // 5. Notes: what was computed, from what, and every caveat.
  if (band) {
    const std::string how = q.targets.kind == TargetSpec::Kind::band_default ? "; targets are its 25/50/75% points"
                            : q.targets.kind == TargetSpec::Kind::band       ? "; targets are the given percentages of it"
                                                                             : "";
    notes.insert(notes.begin(), fmt::format("band {} tok/s/user: where every side was measured ({:.2f}–{:.2f}){}",
                                            math::band_label(*band), band->lo, band->hi, how));
  } else {
    notes.insert(notes.begin(), fmt::format("no common band: {} ({} tok/s/user); each side says where it is out of range", no_band_why,
                                            ranges_text()));
  }
  for (std::size_t i = 0; i < curves.size(); ++i) {
    const Curve& c = curves[i];
    std::string pooled;
    if (c.gpus().size() > 1 || q.dimension != "gpu") pooled += fmt::format(", GPUs {}", list_text(c.gpus(), catalog::gpu_display));
    pooled += fmt::format(", frameworks {}", list_text(c.frameworks(), identity));
    notes.push_back(fmt::format("{}: {} on {}, measured {} tok/s/user; {} spanning {}; {}{}", q.sides[i].display,
                                plural(c.selected().rows.size(), "row"), plural(c.selected().lines, "line"), c.range_text(),
                                plural(c.frontier().size(), "frontier point"), c.frontier_text(), dates_text(c.dates()), pooled));
    if (c.selected().rows_without_x)
      notes.push_back(fmt::format("{}: {} selected rows have no {} interactivity and are not on the chart", q.sides[i].display,
                                  c.selected().rows_without_x, axis.words == "p50" ? "median" : axis.words));
  }
  if (!q.sides_note.empty()) notes.push_back(q.sides_note);
  if (!histories.empty()) {
    std::vector<std::string> each;
    for (std::size_t i = 0; i < histories.size(); ++i) {
      const auto& d = histories[i].dates;
      each.push_back(d.empty() ? q.sides[i].display + " none"
                               : fmt::format("{} {} ({} … {})", q.sides[i].display, d.size(), text::format_date(d.front()), text::format_date(d.back())));
    }
    notes.push_back(fmt::format("with noise: each value's spread (min–max, sample standard deviation) at the target over the side's last {} "
                                "run dates, each read on the frontier as of that date; run dates: {}; a verdict whose two best values "
                                "differ by less than both their spreads names no winner",
                                q.noise_runs, text::join(each, "; ")));
  }
  if (!q.defaults.empty()) notes.push_back("defaults: " + text::join(q.defaults, "; "));
  for (auto& n : method_notes(q, curves, ds, wants_money || wants_power, axis)) notes.push_back(std::move(n));
  {
    std::vector<const std::vector<std::uint32_t>*> used;
    for (const auto& c : curves) used.push_back(&c.selected().rows);
    for (auto& n : provenance_notes(ds, used)) notes.push_back(std::move(n));
  }
  if (std::any_of(metrics.begin(), metrics.end(), is_money)) {
    std::vector<std::string> prices;
    for (const auto& g : frontier_gpus) prices.push_back(pricing.describe(g));
    notes.push_back(fmt::format("prices: {} edition, {} tier, {} tokens: {}", pricing.edition->name, pricing.tier, q.tokens,
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
  if (wants_accuracy) {
    for (const auto& s : accuracy_sources) notes.push_back("accuracy from the evaluation " + s);
    if (!mixed_config.empty())
      notes.push_back("no single configuration for accuracy: the frontier segment joins two model/GPU/precision/framework "
                      "configurations for " + text::join(mixed_config, "; "));
    for (const auto& n : no_evaluation) notes.push_back(n);
  }
  for (const auto& m : metrics) {
    if (m.metric->kind != catalog::MetricKind::throughput && m.metric->kind != catalog::MetricKind::latency) continue;
    std::vector<std::string> lacking;
    for (std::size_t i = 0; i < curves.size(); ++i)
      if (!curves[i].spline(m.field)) lacking.push_back(q.sides[i].display);
    if (!lacking.empty())
      notes.push_back(fmt::format("{} is not measured at every frontier point of {}, so it is left empty there ({} is absent "
                                  "from some rows)",
                                  m.column.display, text::join(lacking, ", "), data::field_name(m.field)));
  }
  if ((wants_money || wants_power) && q.token_field != Field::tput_per_gpu)
    for (std::size_t i = 0; i < curves.size(); ++i)
      if (!curves[i].spline(q.token_field))
        notes.push_back(fmt::format("{}: {} is absent from some frontier rows, so cost and power are left empty", q.sides[i].display,
                                    data::field_name(q.token_field)));
  const bool per_role = q.token_field != Field::tput_per_gpu || std::any_of(metrics.begin(), metrics.end(), [](const BoundMetric& m) {
                          return m.field == Field::output_tput_per_gpu || m.field == Field::input_tput_per_gpu;
                        });
  if (per_role && std::any_of(curves.begin(), curves.end(), [](const Curve& c) { return c.any_disagg(); }))
    notes.push_back("disaggregated rows: output throughput is per decode GPU and input throughput per prefill GPU");

  // The same values as a typed table, one row per target and side, for hosts that read tables.
  Table values;
  values.title = "values";
  values.columns = {{"interactivity", "tok/s/user", Column::Type::number}, {"side", "", Column::Type::text}, {"status", "", Column::Type::text}};
  for (const auto& m : cmp.metrics)
    values.columns.push_back({m.key, m.unit, m.key == "concurrency" ? Column::Type::integer : Column::Type::number});
  for (const auto& t : cmp.targets)
    for (const auto& sv : t.values) {
      std::vector<Value> row;
      row.emplace_back(t.interactivity);
      row.emplace_back(sv.side);
      row.emplace_back(std::string(sv.status == Status::ok ? "ok" : sv.status == Status::clamped ? "clamped" : "out_of_range"));
      for (std::size_t m = 0; m < sv.values.size(); ++m) {
        if (!sv.values[m]) row.emplace_back(std::monostate{});
        else if (cmp.metrics[m].key == "concurrency") row.emplace_back(static_cast<std::int64_t>(*sv.values[m]));
        else row.emplace_back(*sv.values[m]);
      }
      values.rows.push_back(std::move(row));
    }
  result.tables.push_back(std::move(values));
  if (q.show_config) {
    result.tables.push_back(config_table(q, curves, ds, targets));
    notes.push_back("config: the frontier knots each value is read from (below/above the target on the segment, or at a knot)");
  }
  result.query = resolved_query(q, targets, axis.words);
  if (const auto link = dashboard_link(q); link && cmp.band)
    cmp.page = dashboard_page(q, *link, curves, ds, *cmp.band, targets);
  result.notes = std::move(notes);
  result.comparison = std::move(cmp);
  return result;
}

}  // namespace icq::interp
