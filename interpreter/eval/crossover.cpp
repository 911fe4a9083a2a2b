// crossover: the interactivities inside the band where the leader on one metric changes, read on
// the same splines (and the same cost method) the comparison uses. The band is scanned on a grid
// finer than the 0.01 tok/s/user the result is given to, and each change of leader is located by
// bisection.
#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "bind/query_error.hpp"
#include "eval/cancel.hpp"
#include "eval/compare.hpp"
#include "eval/statements.hpp"
#include "math/band.hpp"
#include "render/numbers.hpp"
#include "text/text.hpp"

namespace icq::interp {

namespace {

constexpr double kGrid = 0.01;       // scan step (tok/s/user)
constexpr double kLocate = 0.00005;  // bisection width: crossings are given to 0.01

double round2(double v) { return std::round(v * 100.0) / 100.0; }
std::string x_text(double v) { return fmt::format("{:.2f}", round2(v)); }

struct Scan {
  const BoundCompare& q;
  const std::vector<Curve>& curves;
  const data::Dataset& ds;
  bool higher;

  [[nodiscard]] std::vector<std::optional<double>> values(double x) const {
    std::vector<std::optional<double>> out;
    for (const auto& c : curves) {
      const PointValues pv = evaluate_at(c, ds, x, false, q.metrics, q.method, q.token_field);
      out.push_back(pv.status == Status::out_of_range || pv.values.empty() ? std::nullopt : pv.values.front());
    }
    return out;
  }
  // The sides whose value at x is not solid (SEMANTICS.md §12), as "B200 two_configs, …"; "solid" when none.
  [[nodiscard]] std::string evidence(double x) const {
    std::vector<std::string> weak;
    for (std::size_t i = 0; i < curves.size(); ++i) {
      const PointValues pv = evaluate_at(curves[i], ds, x, false, q.metrics, q.method, q.token_field);
      if (const auto e = evidence_of(curves[i], ds, pv, false); e && !e->solid())
        weak.push_back(q.sides[i].display + " " + evidence_key(e->kind));
    }
    return weak.empty() ? "solid" : text::join(weak, ", ");
  }
  // Which sides have a value at x (one bit each), and the side that beats every other there: -1
  // unless every side has a value. A stretch keeps one state; its ends are located like crossings.
  struct State {
    std::vector<bool> measured;
    int leader = -1;
    bool operator==(const State&) const = default;
  };
  [[nodiscard]] State state(double x) const {
    const auto v = values(x);
    State st;
    st.measured.assign(v.size(), false);
    for (std::size_t i = 0; i < v.size(); ++i) {
      if (!v[i]) continue;
      st.measured[i] = true;
      if (st.leader < 0 || (higher ? *v[i] > *v[static_cast<std::size_t>(st.leader)] : *v[i] < *v[static_cast<std::size_t>(st.leader)]))
        st.leader = static_cast<int>(i);
    }
    if (std::find(st.measured.begin(), st.measured.end(), false) != st.measured.end()) st.leader = -1;
    return st;
  }
};

// Stretches of one state (the sides with a value, and the leader where all have one) over the
// band; a change between two leaders is a crossing.
struct Stretch {
  double from, to;
  int leader;
  std::vector<bool> measured;
};

// The interactivities where every side was measured; a query error when there are none.
math::Range common_band(const BoundCompare& q, const std::vector<Curve>& curves) {
  std::vector<math::Range> ranges;
  for (const auto& c : curves) ranges.push_back(*c.range());
  const std::optional<math::Range> band = math::band_of(ranges);
  if (!band || band->hi <= band->lo) {
    std::vector<std::string> each;
    for (std::size_t i = 0; i < curves.size(); ++i) each.push_back(fmt::format("{} {}", q.sides[i].display, curves[i].range_text()));
    throw QueryError("the sides were never measured at a common interactivity, so no crossover can be read", {0, 0},
                     "their ranges (tok/s/user): " + text::join(each, "; "));
  }
  return *band;
}

// Where between lo (in state `before`) and hi the state changes, by bisection.
double locate_change(const Scan& scan, const Scan::State& before, double lo, double hi) {
  while (hi - lo > kLocate) {
    const double mid = (lo + hi) / 2;
    (scan.state(mid) == before ? lo : hi) = mid;
  }
  return (lo + hi) / 2;
}

// Scans the band on the grid, locating each change of state.
std::vector<Stretch> scan_stretches(const Scan& scan, const math::Range& band) {
  std::vector<Stretch> stretches;
  const auto steps = static_cast<std::size_t>(std::ceil((band.hi - band.lo) / kGrid));
  double prev_x = band.lo;
  Scan::State prev = scan.state(prev_x);
  stretches.push_back({band.lo, band.hi, prev.leader, prev.measured});
  for (std::size_t i = 1; i <= steps; ++i) {
    const double xi = i == steps ? band.hi : band.lo + static_cast<double>(i) * kGrid;
    check_cancelled();  // a wide band of many sides scans for seconds
    const Scan::State now = scan.state(xi);
    if (!(now == prev)) {
      const double at = locate_change(scan, prev, prev_x, xi);
      stretches.back().to = at;
      stretches.push_back({at, band.hi, now.leader, now.measured});
      prev = now;
    }
    prev_x = xi;
  }
  return stretches;
}

std::string crossover_query(const BoundCompare& q, const BoundMetric& metric) {
  const std::string rq = resolved_query(q, {});
  const std::size_t show = rq.find(" show ");
  return "crossover" + rq.substr(7, show - 7) + " by " + metric.text + rq.substr(show + 6 + metric.text.size());
}

// A stretch without a leader names who has a value there and who has none (outside its frontier).
std::string leader_name(const BoundCompare& q, const Stretch& s) {
  if (s.leader >= 0) return q.sides[static_cast<std::size_t>(s.leader)].display;
  std::vector<std::string> with, without;
  for (std::size_t i = 0; i < q.sides.size(); ++i) (s.measured[i] ? with : without).push_back(q.sides[i].display);
  if (with.empty()) return std::string("none measured here");
  return fmt::format("{}{}; {} not measured here", text::join(with, ", "), with.size() == 1 ? " alone" : "", text::join(without, ", "));
}

// A row per change of leader: where, from whom to whom, every side's value there and its evidence.
Table crossings_table(const Scan& scan, const BoundMetric& metric, const std::vector<Stretch>& stretches) {
  const BoundCompare& q = scan.q;
  Table ct;
  ct.title = "crossings";
  ct.columns = {{"interactivity", "tok/s/user", Column::Type::number}, {"from", "", Column::Type::text}, {"to", "", Column::Type::text}};
  for (const auto& s : q.sides) ct.columns.push_back({s.label, metric.column.unit, Column::Type::number, metric.column.format});
  ct.columns.push_back(evidence_column());
  for (std::size_t k = 0; k + 1 < stretches.size(); ++k) {
    // Where a side's frontier begins or ends, who has a value changes: not a change of leader.
    if (stretches[k].leader < 0 || stretches[k + 1].leader < 0) continue;
    const double at = stretches[k].to;
    std::vector<Value> row;
    row.emplace_back(round2(at));
    row.emplace_back(std::in_place_type<std::string>, leader_name(q, stretches[k]));
    row.emplace_back(std::in_place_type<std::string>, leader_name(q, stretches[k + 1]));
    for (const auto& v : scan.values(at)) {
      if (v) row.emplace_back(*v);
      else row.emplace_back(std::monostate{});
    }
    row.emplace_back(scan.evidence(at));
    ct.rows.push_back(std::move(row));
  }
  return ct;
}

Table leaders_table(const BoundCompare& q, const std::vector<Stretch>& stretches) {
  Table st;
  st.title = "leaders";
  st.columns = {
      {"from", "tok/s/user", Column::Type::number}, {"to", "tok/s/user", Column::Type::number}, {"leader", "", Column::Type::text}};
  for (const auto& s : stretches) {
    std::vector<Value> row;
    row.emplace_back(round2(s.from));
    row.emplace_back(round2(s.to));
    row.emplace_back(std::in_place_type<std::string>, leader_name(q, s));
    st.rows.push_back(std::move(row));
  }
  return st;
}

// The sentence: no crossover, or the crossings and who leads between them.
std::string crossover_summary(const BoundCompare& q, const BoundMetric& metric, const math::Range& band,
                              const std::vector<Stretch>& stretches, const std::vector<const Stretch*>& led, const Table& crossings) {
  const std::string by = metric.column.display;
  const std::size_t changes = crossings.rows.size();
  if (led.empty())
    return fmt::format("No crossover: nowhere in the {} tok/s/user band do all sides have a {} value.", math::band_label(band),
                       metric.column.key);
  if (changes == 0) {
    const Stretch& only = *led.front();
    const bool whole = stretches.size() == 1;
    return fmt::format("No crossover: {} leads on {} across the whole {} tok/s/user band{}.", leader_name(q, only), by,
                       math::band_label(band),
                       whole ? "" : fmt::format(" where both have a value ({}–{})", x_text(only.from), x_text(led.back()->to)));
  }
  std::vector<std::string> parts;
  for (const auto* s : led) parts.push_back(fmt::format("{} from {} to {}", leader_name(q, *s), x_text(s->from), x_text(s->to)));
  // A crossing read on values that are not solid says so (SEMANTICS.md §12).
  std::vector<std::string> weak;
  for (const auto& row : crossings.rows)
    if (const auto& e = std::get<std::string>(row.back()); e != "solid")
      weak.push_back(fmt::format("at {} ({})", x_text(std::get<double>(row.front())), e));
  return fmt::format("{} crossover{} on {} in the {} tok/s/user band: {}{}.", changes, changes == 1 ? "" : "s", by, math::band_label(band),
                     text::join(parts, "; "),
                     weak.empty() ? "" : " — but the crossings rest on values that are not solid: " + text::join(weak, "; "));
}

void add_notes(Result& r, const BoundCompare& q, const BoundMetric& metric, const math::Range& band, bool leaderless_stretch) {
  if (leaderless_stretch)
    r.notes.push_back("the band comes from the measured ranges; where a side's frontier does not reach, it has no value and nobody leads");
  r.notes.push_back(
      fmt::format("band {} tok/s/user: where every side was measured ({:.2f}–{:.2f}); scanned every {} tok/s/user, "
                  "each change of leader located by bisection and given to 0.01",
                  math::band_label(band), band.lo, band.hi, kGrid));
  if (catalog::needs_economics(metric.metric->kind))
    r.notes.push_back(fmt::format("prices: {}, cost {}", q.method.pricing.text(), cost_method_name(q.method.cost)));
  if (!q.method.dashboard_note.empty()) r.notes.push_back(q.method.dashboard_note);
  if (!q.defaults.empty()) r.notes.push_back("defaults: " + text::join(q.defaults, "; "));
  if (!q.sides_note.empty()) r.notes.push_back(q.sides_note);
}

}  // namespace

Result run_query(const BoundCrossover& x, const data::Dataset& ds, ExplainTrace* trace) {
  const BoundCompare& q = x.compare;
  const BoundMetric& metric = q.metrics.front();
  if (metric.column.polarity == MetricColumn::Polarity::neutral)
    throw QueryError(fmt::format("{} has no better direction, so no side leads on it", metric.column.key), {0, 0},
                     "crossover by throughput, cost, power, energy or a latency");
  const std::vector<Curve> curves = side_curves(q, ds, trace ? &trace->sides : nullptr);
  const math::Range band = common_band(q, curves);
  const Scan scan{q, curves, ds, metric.column.polarity == MetricColumn::Polarity::higher_is_better};
  const std::vector<Stretch> stretches = scan_stretches(scan, band);

  Result r;
  r.kind = Kind::crossover;
  r.query = crossover_query(q, metric);
  r.tables.push_back(crossings_table(scan, metric, stretches));
  r.tables.push_back(leaders_table(q, stretches));
  std::vector<const Stretch*> led;
  for (const auto& s : stretches)
    if (s.leader >= 0) led.push_back(&s);
  r.summary.push_back(crossover_summary(q, metric, band, stretches, led, r.tables.front()));
  add_notes(r, q, metric, band, led.size() < stretches.size());
  return r;
}

}  // namespace icq::interp
