// rank: one comparison of every value of a dimension (or every configuration), reordered at each
// target by the metric's polarity. The values are the comparison's own, so a ranking and the
// `compare` of the same sides always agree.
#include <fmt/format.h>

#include <algorithm>
#include <set>

#include "bind/query_error.hpp"
#include "eval/compare.hpp"
#include "eval/statements.hpp"
#include "render/numbers.hpp"
#include "text/text.hpp"

namespace icq::interp {

namespace {

const char* status_word(Status s) { return s == Status::ok ? "ok" : s == Status::clamped ? "clamped" : "out_of_range"; }

struct Entry {
  const SideSummary* side;
  const SideValue* value;  // null: the side has no frontier under the filters
  [[nodiscard]] std::optional<double> metric() const {
    if (!value || value->status == Status::out_of_range || value->values.empty()) return std::nullopt;
    return value->values.front();
  }
};

// The sides with a frontier under the filters, their curves, and the names of those without one.
struct Measured {
  BoundCompare compare;
  std::vector<Curve> curves;
  std::vector<std::string> unmeasured;
};

// Sides with no frontier under the filters are listed, not dropped and not an error.
// Each side's curve is built once: the ones with a frontier are the comparison's.
Measured measure_sides(const BoundRank& q, const data::Dataset& ds, ExplainTrace* trace) {
  std::vector<Curve> all = build_curves(q.compare, ds, trace ? &trace->sides : nullptr);
  Measured m{q.compare, {}, {}};
  m.compare.sides.clear();
  for (std::size_t i = 0; i < all.size(); ++i) {
    if (all[i].empty()) {
      m.unmeasured.push_back(q.compare.sides[i].display);
    } else {
      m.compare.sides.push_back(q.compare.sides[i]);
      m.curves.push_back(std::move(all[i]));
    }
  }
  if (m.compare.sides.empty())
    throw QueryError(fmt::format("no {} has a frontier under{}", q.dimension == "config" ? "configuration" : q.dimension,
                                 selection_text(q.compare.shared)),
                     {0, 0}, "check the filters with `list gpus`, `list dates for …`");
  return m;
}

std::string rank_query(const BoundRank& q, const Measured& m, const Comparison& c, const data::Dataset& ds) {
  std::vector<std::string> mnames;
  for (const auto& metric : q.compare.metrics) mnames.push_back(metric.text);
  // The comparison's clauses, after the ranking's own head.
  std::vector<double> targets;
  for (const auto& t : c.targets) targets.push_back(t.interactivity);
  return fmt::format("rank {} by {}{}{}", q.dimension, mnames.front(),
                     resolved_clauses(m.compare, targets, axis_use(m.compare, m.curves, ds).words),
                     q.limit ? fmt::format(" limit {}", *q.limit) : "");
}

// One ranking table per target, and its sentence.
struct Ranking {
  Ranking(const BoundRank& query, const Comparison& comparison, const std::vector<std::string>& without_frontier)
      : q(query), c(comparison), unmeasured(without_frontier) {}

  const BoundRank& q;
  const Comparison& c;
  const std::vector<std::string>& unmeasured;
  const MetricColumn& metric = c.metrics.front();
  const bool higher = metric.polarity == MetricColumn::Polarity::higher_is_better;
  const std::size_t sides = q.compare.sides.size();
  const std::size_t shown = q.limit ? std::min(*q.limit, sides) : sides;
  std::set<std::string> listed;  // the sides in some table: under `limit`, the notes are theirs

  // What the sentence says of the sides in a table, in their order.
  struct Said {
    std::vector<std::string> order;   // the ranked: "B200 (…)", "H200 (0.5×)"
    std::vector<std::string> absent;  // "H200 (out of range)"
  };

  [[nodiscard]] std::vector<Entry> ranked_entries(const TargetResult& target) const {
    std::vector<Entry> entries;
    for (std::size_t i = 0; i < c.sides.size(); ++i) entries.push_back({&c.sides[i], &target.values[i]});
    std::stable_sort(entries.begin(), entries.end(), [&](const Entry& a, const Entry& b) {
      const auto va = a.metric(), vb = b.metric();
      if (va && vb) return higher ? *va > *vb : *va < *vb;
      return va.has_value() && !vb.has_value();  // values first, then out of range or without a value
    });
    return entries;
  }

  [[nodiscard]] Table empty_table(const TargetResult& target) const {
    Table t;
    t.title = fmt::format("at {} tok/s/user", number_text(target.interactivity));
    t.columns = {{"rank", "", Column::Type::integer},
                 {q.dimension, "", Column::Type::text},
                 {"interactivity", "tok/s/user", Column::Type::number},
                 metric.as_column(),
                 {"vs_best", "×", Column::Type::number},
                 {"status", "", Column::Type::text},
                 evidence_column()};
    for (std::size_t m = 1; m < c.metrics.size(); ++m) t.columns.push_back(c.metrics[m].as_column());
    return t;
  }

  // A side's row; `place` counts the sides ranked so far.
  void add_entry(const TargetResult& target, const Entry& e, std::optional<double> best, std::int64_t& place, Table& t, Said& said) {
    listed.insert(e.side->display);
    const auto v = e.metric();
    std::vector<Value> row;
    row.emplace_back(v ? Value{++place} : Value{});
    row.emplace_back(std::in_place_type<std::string>, e.side->display);
    row.emplace_back(target.interactivity);
    row.emplace_back(v ? Value{*v} : Value{});
    row.emplace_back(v && best && *best != 0 ? Value{*v / *best} : Value{});
    row.emplace_back(std::in_place_type<std::string>,
                     !v && e.value->status != Status::out_of_range ? "no value" : status_word(e.value->status));
    const Evidence* ev = e.value->evidence ? &*e.value->evidence : nullptr;
    row.push_back(evidence_cell(ev));
    for (std::size_t m = 1; m < c.metrics.size(); ++m) {
      const auto& x = e.value->values[m];
      row.emplace_back(x && e.value->status != Status::out_of_range ? Value{*x} : Value{});
    }
    t.rows.push_back(std::move(row));
    // A value that is not solid says so where it is ranked (SEMANTICS.md §12).
    const std::string caution = !ev || ev->solid()                        ? ""
                                : ev->kind == Evidence::Kind::wide_gap    ? ", a guess across a wide gap"
                                : ev->kind == Evidence::Kind::two_configs ? ", between two configurations"
                                                                          : ", clamped";
    if (v)
      said.order.push_back(place == 1 ? fmt::format("{} ({}{})", e.side->display, out::metric_cell(metric, *v), caution)
                                      : fmt::format("{} ({}×{})", e.side->display, out::grouped(*v / *best, 3), caution));
    else
      said.absent.push_back(fmt::format("{} ({})", e.side->display, e.value->status == Status::out_of_range ? "out of range" : "no value"));
  }

  // The sides without a frontier, listed last.
  void add_unmeasured(const TargetResult& target, Table& t, Said& said) {
    for (const auto& u : unmeasured) {
      if (t.rows.size() == shown) break;
      listed.insert(u);
      said.absent.push_back(u + " (not measured)");
      std::vector<Value> row(t.columns.size());
      row[1].emplace<std::string>(u);
      row[2] = target.interactivity;
      row[5].emplace<std::string>("not measured");
      t.rows.push_back(std::move(row));
    }
  }

  [[nodiscard]] std::string sentence(const TargetResult& target, const Said& said) const {
    const std::string top = shown < sides ? fmt::format(" the {} best of {}:", shown, sides) : "";
    return said.order.empty()
               ? fmt::format("At {} tok/s/user no {} has a {} value.", number_text(target.interactivity), q.dimension, metric.key)
               : fmt::format("At {} tok/s/user, by {} ({}):{} {}{}.", number_text(target.interactivity), metric.display,
                             higher ? "higher is better" : "lower is better", top, text::join(said.order, ", "),
                             said.absent.empty() ? "" : "; without a value there: " + text::join(said.absent, ", "));
  }

  void add_target(Result& r, const TargetResult& target) {
    const std::vector<Entry> entries = ranked_entries(target);
    Table t = empty_table(target);
    const std::optional<double> best = entries.empty() ? std::nullopt : entries.front().metric();
    std::int64_t place = 0;
    Said said;
    for (const auto& e : entries) {
      if (t.rows.size() == shown) break;  // `limit N`: the N best
      add_entry(target, e, best, place, t, said);
    }
    add_unmeasured(target, t, said);
    r.tables.push_back(std::move(t));
    r.summary.push_back(sentence(target, said));
  }
};

// Whether a ranking keeps a note of its comparison: those on each side, prices and method; not the
// band (of all sides at once, which a ranking does not need) nor the two-side verdicts' wording, and
// the dashboard's page only when the comparison is of every side ranked.
bool ranking_keeps(NoteKind kind, bool of_every_side) {
  switch (kind) {
    case NoteKind::other: return true;
    case NoteKind::dashboard_page: return of_every_side;
    case NoteKind::band:
    case NoteKind::saving_wording: return false;
  }
  return false;
}

void keep_notes(Result& r, const Result& cmp, const std::vector<NoteKind>& kinds, bool of_every_side) {
  for (std::size_t i = 0; i < cmp.notes.size(); ++i)
    if (ranking_keeps(kinds[i], of_every_side)) r.notes.push_back(cmp.notes[i]);
}

// The notes the ranking keeps of its comparison (`kinds`: of each of cmp's notes). Under `limit`,
// of the sides shown: the comparison of those alone (a side's value at a target does not depend on
// the others).
void add_comparison_notes(Result& r, const Ranking& ranking, const Measured& m, const Result& cmp, const std::vector<NoteKind>& kinds,
                          const data::Dataset& ds) {
  if (ranking.shown < ranking.sides) {
    BoundCompare few = m.compare;
    few.sides.clear();
    std::vector<Curve> few_curves;
    for (std::size_t i = 0; i < m.compare.sides.size(); ++i)
      if (ranking.listed.count(m.compare.sides[i].display)) few.sides.push_back(m.compare.sides[i]), few_curves.push_back(m.curves[i]);
    if (!few.sides.empty()) {
      std::vector<NoteKind> few_kinds;
      const Result few_cmp = compare_curves(few, ds, few_curves, &few_kinds);
      keep_notes(r, few_cmp, few_kinds, false);
      return;
    }
  }
  keep_notes(r, cmp, kinds, true);
}

void add_ranking_notes(Result& r, const Ranking& ranking) {
  const BoundRank& q = ranking.q;
  std::vector<std::string> unmeasured_shown;
  for (const auto& u : ranking.unmeasured)
    if (ranking.listed.count(u)) unmeasured_shown.push_back(u);
  if (!unmeasured_shown.empty())
    r.notes.push_back(fmt::format("no frontier under the filters (listed last): {}", text::join(unmeasured_shown, ", ")));
  r.notes.push_back("vs_best: the value over the best value at that target; out-of-range values are listed after the ranked ones");
  if (ranking.shown < ranking.sides)
    r.notes.push_back(fmt::format("limit {}: the {} best of the {} {} at each target (the notes are of those shown)", *q.limit,
                                  ranking.shown, ranking.sides, q.dimension == "config" ? "configurations" : q.dimension + " values"));
}

}  // namespace

Result run_query(const BoundRank& q, const data::Dataset& ds, ExplainTrace* trace) {
  const Measured m = measure_sides(q, ds, trace);
  std::vector<NoteKind> note_kinds;
  const Result cmp = compare_curves(m.compare, ds, m.curves, &note_kinds);
  const Comparison& c = *cmp.comparison;
  const MetricColumn& metric = c.metrics.front();
  if (metric.polarity == MetricColumn::Polarity::neutral)
    throw QueryError(fmt::format("{} has no better direction to rank by", metric.key), {0, 0},
                     "rank by throughput, cost, power, energy or a latency");

  Result r;
  r.kind = Kind::rank;
  r.query = rank_query(q, m, c, ds);
  Ranking ranking(q, c, m.unmeasured);
  for (const auto& target : c.targets) ranking.add_target(r, target);
  add_comparison_notes(r, ranking, m, cmp, note_kinds, ds);
  add_ranking_notes(r, ranking);
  return r;
}

}  // namespace icq::interp
