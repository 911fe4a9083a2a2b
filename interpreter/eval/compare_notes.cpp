// The notes of a comparison: the band, each side's rows and frontier, the method, provenance,
// prices and every caveat met at the targets. In eval/, not phrase/, because they read the curves.
#include "eval/compare_notes.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "catalog/catalog.hpp"
#include "data/fields.hpp"
#include "eval/dashboard_link.hpp"
#include "eval/provenance.hpp"
#include "eval/rate_notes.hpp"
#include "render/numbers.hpp"
#include "text/dates.hpp"
#include "text/text.hpp"
#include "num/decimal.hpp"

namespace icq::interp {

namespace {

// Each side's targets without a value, neighbouring targets joined into one stretch:
// "FP8 at 20–31 tok/s/user (12 targets; frontier 31.03–163.50)".
std::string out_of_range_text(const BoundCompare& q, const std::vector<CompareCaveats::Missing>& missing) {
  std::vector<CompareCaveats::Missing> by_side = missing;
  std::stable_sort(by_side.begin(), by_side.end(), [](const auto& a, const auto& b) { return a.side < b.side; });
  std::vector<std::string> parts;
  for (std::size_t i = 0; i < by_side.size();) {
    std::size_t j = i + 1;
    while (j < by_side.size() && by_side[j].side == by_side[i].side && by_side[j].index == by_side[j - 1].index + 1) ++j;
    const auto& first = by_side[i];
    const auto& last = by_side[j - 1];
    // The frontier told apart from both ends of the stretch: the one with more places.
    const std::string& frontier = first.frontier.size() >= last.frontier.size() ? first.frontier : last.frontier;
    const std::string& who = q.sides[first.side].display;
    if (j - i == 1) parts.push_back(fmt::format("{} at {} tok/s/user (frontier {})", who, number_text(first.target), first.frontier));
    else if (j - i == 2)
      parts.push_back(
          fmt::format("{} at {} and {} tok/s/user (frontier {})", who, number_text(first.target), number_text(last.target), frontier));
    else
      parts.push_back(fmt::format("{} at {}–{} tok/s/user ({} targets; frontier {})", who, number_text(first.target),
                                  number_text(last.target), j - i, frontier));
    i = j;
  }
  return text::join(parts, "; ");
}

using data::Field;
using text::plural;

std::string list_text(const std::set<std::string>& items, std::string (*display)(std::string_view)) {
  std::vector<std::string> v;
  for (const auto& i : items) v.push_back(display ? display(i) : i);
  return text::join(v, ", ");
}

std::string identity(std::string_view s) { return std::string(s); }

bool is_money(const BoundMetric& m) { return catalog::needs_economics(m.metric->kind); }

// Notes on the method in force, model groups, run dates, engines pooled and the dashboard's page.
Notes method_notes(const BoundCompare& q, const std::vector<Curve>& curves, const data::Dataset& ds, bool money, const AxisUse& axis) {
  Notes notes;
  const Method& m = q.method;
  if (!m.dashboard_note.empty())
    notes.add(m.dashboard_note + "; `using dashboard` sets the method, not the data (add `as of DATE` for that day's runs)");
  if (money && m.cost == CostMethod::splined)
    notes.add(
        "cost splined (as the dashboard before 2026-08-12): each frontier knot is priced at its own throughput and the "
        "knots' costs are splined; tokens per $1 is 1e6 / that cost and J/tok is splined the same way; tok/s/MW is the "
        "same either way");
  if (m.axis.chosen)
    notes.add(fmt::format("interactivity axis: {} (chosen with `using interactivity`){}", percentile_name(*m.axis.chosen),
                          axis.agentic ? "; agentic rows take 1 / its ITL where present" : ""));
  else if (axis.agentic)
    notes.add(std::string("interactivity axis: p90 for agentic rows (1 / p90 ITL where present, as the dashboard's AgentX pages)") +
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
          if (const auto& k = ds.line_of(ds.rows()[r]).model; std::find(g->keys.begin(), g->keys.end(), k) != g->keys.end())
            present.insert(k);
      notes.add(fmt::format("model {} ({}) pools {}, as the dashboard's page does; rows from {}", g->slug, g->label,
                            text::join(g->keys, ", "), present.empty() ? "none" : text::join({present.begin(), present.end()}, ", ")));
    }
  // Run dates: which sides read one day's runs and which the newest run up to a day.
  if (q.dimension == "date")
    notes.add(
        "date sides are `on date`: each takes only the runs of its day (a line not run that day is absent); a side "
        "written (as of DATE) takes each line's newest run up to the date");
  else if (q.shared.date.kind == DateSelection::Kind::as_of)
    notes.add(fmt::format("as of {}: each line's newest run up to that day", text::format_date(q.shared.date.date)));
  else if (q.shared.date.kind == DateSelection::Kind::on)
    notes.add(fmt::format("on date {}: only the runs of that day", text::format_date(q.shared.date.date)));
  for (const auto& s : q.sides)
    if (q.dimension != "date" && s.selection.date.kind != DateSelection::Kind::latest)
      notes.add(fmt::format(
          "{}: {} ({})", s.display, s.selection.date.text(),
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
      notes.add(
          fmt::format("MTP acceptance-rate comparability: {} pools MTP rows of {} engines ({}); acceptance-rate "
                      "implementations differ across inference engines, so points from different engines are not "
                      "directly comparable on the same curve (narrow it with `framework` or `family`)",
                      q.sides[i].display, engines.size(), text::join({engines.begin(), engines.end()}, ", ")));
  }
  if (const auto link = dashboard_link(q)) notes.add("the dashboard's page of this comparison: " + link->url, NoteKind::dashboard_page);
  return notes;
}

// The notes on values that are not solid (SEMANTICS.md §12), one per kind, with the mark the table
// puts on them, and each side's targets: with their knots when few, as a count and span when many.
std::vector<std::string> evidence_notes(const BoundCompare& q, const CompareCaveats& caveats) {
  std::vector<std::string> notes;
  for (const auto kind : {Evidence::Kind::two_configs, Evidence::Kind::wide_gap}) {
    std::vector<std::string> each;
    for (std::size_t side = 0; side < q.sides.size(); ++side) {
      std::vector<const CompareCaveats::Reading*> at;
      for (const auto& r : caveats.not_solid)
        if (r.side == side && r.evidence.kind == kind) at.push_back(&r);
      if (at.empty()) continue;
      if (at.size() > 4) {
        each.push_back(fmt::format("{} at {} targets from {} to {}", q.sides[side].display, at.size(), number_text(at.front()->target),
                                   number_text(at.back()->target)));
        continue;
      }
      for (const auto* r : at) {
        const auto& k = r->evidence.knots;
        each.push_back(fmt::format("{} at {} (measured at {} by {} and at {} by {})", q.sides[side].display, number_text(r->target),
                                   num::fixed(k.front().interactivity, 1), k.front().config, num::fixed(k.back().interactivity, 1),
                                   k.back().config));
      }
    }
    if (each.empty()) continue;
    notes.push_back(kind == Evidence::Kind::two_configs
                        ? fmt::format("{} ({}) between two configurations: the frontier segment joins the knots of two configuration "
                                      "lines, so no single deployment was measured there: {}",
                                      out::evidence_mark(kind), evidence_key(kind), text::join(each, "; "))
                        : fmt::format("{} ({}) across a wide gap (the frontier segment's upper end is more than {}× as interactive as "
                                      "its lower end, or its throughput changes more than {}×): nothing was measured in between, the "
                                      "value is the spline's guess: {}",
                                      out::evidence_mark(kind), evidence_key(kind), number_text(kWideGapInteractivity),
                                      number_text(kWideGapThroughput), text::join(each, "; ")));
  }
  if (!caveats.beyond_single.empty())
    notes.push_back("beyond any single configuration: " + text::join(caveats.beyond_single, "; ") +
                    " (`show deployable` gives the best single configuration at each target)");
  return notes;
}

}  // namespace

std::string band_note(const BoundCompare& q, const std::optional<math::Range>& band, const std::string& no_band_why,
                      const std::string& ranges) {
  if (band) {
    const std::string how = q.targets.kind == TargetSpec::Kind::band_default ? "; targets are its 25/50/75% points"
                            : q.targets.kind == TargetSpec::Kind::band       ? "; targets are the given percentages of it"
                                                                             : "";
    return fmt::format("band {} tok/s/user: where every side was measured ({}–{}){}", math::band_label(*band), num::fixed(band->lo, 2),
                       num::fixed(band->hi, 2), how);
  }
  return fmt::format("no common band: {} ({} tok/s/user); each side says where it is out of range", no_band_why, ranges);
}

Notes compare_notes(const BoundCompare& q, const std::vector<Curve>& curves, const data::Dataset& ds, const AxisUse& axis,
                    const std::vector<std::string>& noise_notes, const std::set<std::string>& frontier_gpus,
                    const CompareCaveats& caveats) {
  Notes notes;
  const std::vector<BoundMetric>& metrics = q.metrics;
  const Pricing& pricing = q.method.pricing;
  const bool wants_money =
      std::any_of(metrics.begin(), metrics.end(), [](const BoundMetric& m) { return catalog::needs_price(m.metric->kind); });
  const bool wants_power =
      std::any_of(metrics.begin(), metrics.end(), [](const BoundMetric& m) { return catalog::needs_power(m.metric->kind); });
  const bool wants_accuracy =
      std::any_of(metrics.begin(), metrics.end(), [](const BoundMetric& m) { return m.metric->kind == catalog::MetricKind::accuracy; });
  for (std::size_t i = 0; i < curves.size(); ++i) {
    const Curve& c = curves[i];
    std::string pooled;
    if (c.gpus().size() > 1 || q.dimension != "gpu") pooled += fmt::format(", GPUs {}", list_text(c.gpus(), catalog::gpu_display));
    pooled += fmt::format(", frameworks {}", list_text(c.frameworks(), identity));
    notes.add(fmt::format("{}: {} on {}, measured {} tok/s/user; {} spanning {}; {}{}", q.sides[i].display,
                          plural(c.selected().rows.size(), "row"), plural(c.selected().lines, "line"), c.range_text(),
                          plural(c.frontier().size(), "frontier point"), c.frontier_text(), dates_text(c.dates()), pooled));
    if (c.selected().rows_without_x)
      notes.add(fmt::format("{}: {} selected rows have no {} interactivity and are not on the chart", q.sides[i].display,
                            c.selected().rows_without_x, axis.words == "p50" ? "median" : axis.words));
  }
  if (!q.sides_note.empty()) notes.add(q.sides_note);
  for (const auto& n : noise_notes) notes.add(n);
  if (!q.defaults.empty()) notes.add("defaults: " + text::join(q.defaults, "; "));
  notes.append(method_notes(q, curves, ds, wants_money || wants_power, axis));
  {
    std::vector<const std::vector<std::uint32_t>*> used;
    for (const auto& c : curves) used.push_back(&c.selected().rows);
    for (auto& n : provenance_notes(ds, used)) notes.add(std::move(n));
  }
  if (std::any_of(metrics.begin(), metrics.end(), is_money)) {
    std::vector<std::string> prices;
    for (const auto& g : frontier_gpus) prices.push_back(pricing.describe(g));
    notes.add(
        fmt::format("prices: {} edition, {} tier, {} tokens: {}", pricing.edition->name, pricing.tier, q.tokens, text::join(prices, "; ")));
  }
  if (!caveats.saving_at.empty()) {
    std::vector<std::string> s;
    for (const auto& [t, pct] : caveats.saving_at) s.push_back(fmt::format("{}% at {}", pct, t));
    notes.add(fmt::format("\"N% cheaper\" follows the dashboard: the pricier side costs N% more per token; the cheaper "
                          "side's saving is 1 − 1/r ({})",
                          text::join(s, ", ")),
              NoteKind::saving_wording);
  }
  if (!caveats.out_of_range.empty())
    notes.add("out of range, no value: " + out_of_range_text(q, caveats.out_of_range) +
              " — `clamp` takes the frontier's edge value instead, as the dashboard does silently");
  if (!caveats.clamped.empty()) notes.add("clamped (asked for with `clamp`): " + text::join(caveats.clamped, "; "));
  for (auto& n : evidence_notes(q, caveats)) notes.add(std::move(n));
  if (!caveats.mixed.empty())
    notes.add("no single GPU price: the frontier segment joins two GPUs for " + text::join(caveats.mixed, "; ") +
              "; cost, tok/s/MW and J/tok are left empty there (narrow the side to one GPU)");
  if (!caveats.zero_tput.empty()) notes.add("zero throughput, no cost: " + text::join(caveats.zero_tput, "; "));
  if (wants_accuracy) {
    for (const auto& s : caveats.accuracy_sources) notes.add("accuracy from the evaluation " + s);
    if (!caveats.mixed_config.empty())
      notes.add(
          "no single configuration for accuracy: the frontier segment joins two model/GPU/precision/framework "
          "configurations for " +
          text::join(caveats.mixed_config, "; "));
    for (const auto& n : caveats.no_evaluation) notes.add(n);
  }
  for (const auto& m : metrics) {
    if (m.metric->kind != catalog::MetricKind::throughput && m.metric->kind != catalog::MetricKind::latency) continue;
    std::vector<std::string> lacking;
    for (std::size_t i = 0; i < curves.size(); ++i)
      if (!curves[i].spline(m.field)) lacking.push_back(q.sides[i].display);  // absent (an unknown rate: the rate notes)
    if (!lacking.empty())
      notes.add(
          fmt::format("{} is not measured at every frontier point of {}, so it is left empty there ({} is absent "
                      "from some rows)",
                      m.column.display, text::join(lacking, ", "), data::field_name(m.field)));
  }
  if ((wants_money || wants_power) && q.token_field != Field::tput_per_gpu)
    for (std::size_t i = 0; i < curves.size(); ++i)
      if (!curves[i].spline(q.token_field))
        notes.add(fmt::format("{}: {} is absent from some frontier rows, so cost and power are left empty", q.sides[i].display,
                              data::field_name(q.token_field)));
  // Output and input rates of disaggregated knots (SEMANTICS.md §4): what they count, and the unknown ones.
  {
    std::set<Field> fields;
    if (wants_money || wants_power) fields.insert(q.token_field);
    std::string shown;
    for (const auto& m : metrics)
      if (m.metric->kind == catalog::MetricKind::throughput) {
        fields.insert(m.field);
        if (m.field == q.token_field && (wants_money || wants_power)) shown = m.column.display;
      }
    std::vector<RateUse> uses;
    for (Field f : fields)
      for (std::size_t i = 0; i < curves.size(); ++i) {
        RateUse u{q.sides[i].display + ": ", {}, f};
        for (const auto& p : curves[i].frontier()) u.rows.push_back(static_cast<std::uint32_t>(p.index));
        uses.push_back(std::move(u));
      }
    for (auto& n : rate_notes(ds, uses, q.method.rates, shown)) notes.add(std::move(n));
  }

  return notes;
}

}  // namespace icq::interp
