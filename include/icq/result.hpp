#pragma once
// Results as data: typed tables, the structured comparison, sentences and notes. Renderers
// (render.hpp) turn a Result into text; hosts may read the data directly.
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

#include "icq/diagnostic.hpp"
#include "icq/format.hpp"

namespace icq {

using Value = std::variant<std::monostate, double, std::int64_t, std::string>;

// How a person reads a number: its decimals (half up on the exact value), a prefix and a scale
// ("$0.293": 3 decimals, "$"; TPOT "12.34": seconds shown as ms, scale 1000). The metric's own, from
// the catalog, so no renderer guesses it from a name.
struct NumberFormat {
  int decimals = 3;
  std::string prefix;
  double scale = 1;
};

struct Column {
  enum class Type { number, integer, text };
  std::string name;  // "throughput"
  std::string unit;  // "tok/s/GPU", "" for text
  Type type = Type::text;
  std::optional<NumberFormat> format;  // a metric's; none: whole numbers without decimals, others with three

  Column() = default;
  Column(std::string name_, std::string unit_, Type type_, std::optional<NumberFormat> format_ = std::nullopt)
      : name(std::move(name_)), unit(std::move(unit_)), type(type_), format(std::move(format_)) {}
};

struct Table {
  std::string title;
  std::vector<Column> columns;
  std::vector<std::vector<Value>> rows;

  // The index of the column named `name`, if there is one.
  [[nodiscard]] std::optional<std::size_t> column_index(std::string_view name) const {
    for (std::size_t i = 0; i < columns.size(); ++i)
      if (columns[i].name == name) return i;
    return std::nullopt;
  }
  // Row `row`'s cell in the column named `name`; null when there is no such row or column.
  [[nodiscard]] const Value* cell(std::size_t row, std::string_view name) const {
    const auto c = column_index(name);
    return c && row < rows.size() && *c < rows[row].size() ? &rows[row][*c] : nullptr;
  }
};

// A compared metric, in the order of `show`.
struct MetricColumn {
  std::string key;      // JSON key: "throughput", "cost", "tokens_per_mw", "concurrency", "ttft_p99" …
  std::string display;  // "Cost ($/M tok)"
  std::string unit;
  enum class Polarity { higher_is_better, lower_is_better, neutral } polarity = Polarity::neutral;
  NumberFormat format;  // how its values read in tables and sentences
  // The column of a table holding this metric's values.
  [[nodiscard]] Column as_column() const { return {key, unit, Column::Type::number, format}; }
};

enum class Status { ok, out_of_range, clamped };

// What a chart draws for one side and one shown metric (render/chart; not part of the JSON).
struct ChartSeries {
  std::vector<std::pair<double, double>> measured;  // every selected row: (interactivity, value)
  // The curve through x-ascending knots. With a slope per knot it is the cubic Hermite the values
  // are read from (d3.curveMonotoneX: throughput, latency, concurrency, splined cost); without,
  // straight segments between dense samples of the values (cost and power derived from throughput).
  std::vector<double> xs, ys, slopes;
  // A figure derived from throughput (cost, tokens per $1, tok/s/MW, J/tok; SEMANTICS.md §4): xs, ys
  // and slopes are then throughput's Hermite, and the value on segment i is scale[i] / throughput
  // (`over`) or scale[i] × throughput (`times`); NaN where the segment has no one GPU's price or
  // power. The chart samples it when it is drawn, so a comparison costs no drawing.
  enum class Derived { none, times, over } derived = Derived::none;
  std::vector<double> scale;
  // The frontier segments across a wide gap (SEMANTICS.md §12), as x ranges: drawn dashed.
  std::vector<std::pair<double, double>> gaps;
};

struct SideSummary {
  std::string label;    // canonical key: "fp4", "mi355x", or the filter set's text
  std::string display;  // "FP4", "MI355X"
  std::string filters;  // everything that selects this side's rows, as query text
  std::size_t rows = 0;
  std::size_t frontier_points = 0;
  std::optional<std::pair<double, double>> range;  // measured interactivity [min, max]
  std::vector<std::string> run_dates;              // distinct run dates of the side's rows
  std::vector<std::string> gpus, frameworks;       // what the side pooled
};

// A part of a result made at first use (once, thread-safe) and shared by the copies of the Result:
// what only some outputs read (a chart's data, the dashboard's page) costs a compare nothing until
// one of them asks. What it is made from (curves, the data) is kept alive with it, then let go.
template <class T>
class Deferred {
 public:
  explicit Deferred(std::function<T()> make) : make_(std::move(make)) {}
  [[nodiscard]] const T& get() const {
    std::call_once(once_, [this] {
      made_ = make_();
      make_ = nullptr;
    });
    return made_;
  }

 private:
  mutable std::once_flag once_;
  mutable std::function<T()> make_;
  mutable T made_{};
};

// Each side's chart series, one per Comparison::metrics entry.
using ChartSeriesBySide = std::vector<std::vector<ChartSeries>>;

// A value's run-to-run spread (`with noise`): from reruns of the configuration of each frontier knot
// the value is read from, at the knot's concurrency on other run dates, as factors of the knot's own
// value carried to the target. Unknown when a knot has fewer than 2 runs: never a zero spread.
struct Spread {
  double min = 0, max = 0;
  double stddev = 0;     // sample standard deviation (n − 1)
  std::size_t runs = 0;  // runs with a value (of the knot with fewer, between two knots)
  bool unknown = false;  // fewer than 2 runs: min, max and stddev say nothing
};

// What stands behind a value read off a frontier (docs/SEMANTICS.md §12). The values themselves
// are the dashboard's; evidence is added information.
struct EvidenceKnot {  // a frontier knot the value is read from
  double interactivity = 0;
  double throughput = 0;  // the knot's tok/s/GPU (the frontier's y)
  std::int64_t concurrency = 0;
  std::string config;  // its configuration line, as `rank config` names it
};
struct Evidence {
  enum class Kind {
    measured,     // the target sits on a knot (within kMeasuredTolerance of its interactivity)
    one_config,   // between two knots of the same configuration line
    two_configs,  // between knots of two configurations: no single deployment was measured there
    wide_gap,     // across a segment wider than the wide-gap rule allows (either kind of line)
    clamped,      // `clamp`: the edge knot's value, read at another interactivity
  } kind = Kind::measured;
  bool same_config = true;          // the knots are of one configuration line
  std::vector<EvidenceKnot> knots;  // the knot it sits on, or the two bracketing the target
  // Solid: a measurement, or a spline along one configuration. Anything else a verdict names.
  [[nodiscard]] bool solid() const noexcept { return kind == Kind::measured || kind == Kind::one_config; }
};
// The kind's name in JSON, CSV and tables: "measured", "one_config", "two_configs", "wide_gap", "clamped".
inline const char* evidence_key(Evidence::Kind k) noexcept {
  switch (k) {
    case Evidence::Kind::measured: return "measured";
    case Evidence::Kind::one_config: return "one_config";
    case Evidence::Kind::two_configs: return "two_configs";
    case Evidence::Kind::wide_gap: return "wide_gap";
    case Evidence::Kind::clamped: return "clamped";
  }
  return "measured";
}
// The evidence column of a table (`values`, rank, trend, crossings, `show deployable`): text, its
// cells the kinds' keys, empty where there is no value.
inline Column evidence_column() { return {"evidence", "", Column::Type::text}; }
// The wide-gap rule and the measured tolerance, as docs/SEMANTICS.md §12 states them.
inline constexpr double kMeasuredTolerance = 0.01;    // |target − knot| ≤ 1 % of the knot's interactivity
inline constexpr double kWideGapInteractivity = 2.0;  // a segment's upper end over twice as interactive
inline constexpr double kWideGapThroughput = 3.0;     // or its throughput changing more than threefold

// The best single configuration line at a target (`show deployable`, `show config`): the line's
// own frontier, splined as the pooled one is, read at the target.
struct Deployable {
  std::string config;                         // the line, as `rank config` names it
  std::vector<std::optional<double>> values;  // one per Comparison::metrics entry
  std::optional<Evidence> evidence;           // on the line's own frontier
};

struct SideValue {
  std::string side;  // label
  Status status = Status::ok;
  std::vector<std::optional<double>> values;  // one per Comparison::metrics entry; nullopt = absent
  std::vector<std::optional<Spread>> noise;   // `with noise`: one per metric (absent: no value, or no run-to-run
                                              // spread, as for concurrency)
  std::optional<Evidence> evidence;           // absent when out of range
  // `show deployable` / `show config`: the best single configuration there (absent: none spans
  // the target, or not asked for).
  std::optional<Deployable> deployable;
};

// The verdict on one metric at one target, as data (docs/SEMANTICS.md §6): the best side against the
// runner-up by the metric's better direction. The verdict sentences and the tables' winner and ratio
// columns are written from it, so a host reads the same judgement the sentence states.
struct MetricVerdict {
  std::string metric;  // MetricColumn::key
  enum class Outcome {
    none,    // no verdict: the metric has no better direction, a side is out of range, or a side lacks a
             // positive value
    winner,  // `winner` is better than `runner_up`, by `ratio`
    tie,     // essentially tied: ratio below 1.01 (the sentence: "… are essentially tied on …")
    noise,   // `with noise`: the two best differ by less than both their run-to-run spreads; no winner
  } outcome = Outcome::none;
  // With an outcome other than none: the sides (SideSummary::label) of the best and the second-best
  // value, by value (with a tie or noise too, where neither wins).
  std::string winner, runner_up;
  std::optional<double> ratio;  // the worse value over the better (>= 1): pricier/cheaper, higher/lower
  // The N of the sentence, rounded half up from the exact ratio: "N% cheaper" and "N% more" are
  // (ratio − 1) × 100; "N% lower" (a lower-is-better metric other than cost) is the saving.
  std::optional<std::int64_t> percent;
  // Lower is better: the better value's saving over the runner-up's, (1 − 1/ratio) × 100 (for cost,
  // the cheaper side's saving per token, which "N% cheaper" is not).
  std::optional<double> saving;
  // What stands behind the two values compared (SideValue::evidence): absent when a side has none.
  std::optional<Evidence::Kind> winner_evidence, runner_up_evidence;
  bool solid = false;    // both values compared are solid (Evidence::solid): a verdict to rely on
  bool phrased = false;  // the verdict sentence at this target speaks of this metric
};
// The outcome's name in tables and the Python package: "none", "winner", "tie", "noise".
inline const char* outcome_key(MetricVerdict::Outcome o) noexcept {
  switch (o) {
    case MetricVerdict::Outcome::none: return "none";
    case MetricVerdict::Outcome::winner: return "winner";
    case MetricVerdict::Outcome::tie: return "tie";
    case MetricVerdict::Outcome::noise: return "noise";
  }
  return "none";
}

struct TargetResult {
  double interactivity = 0;
  std::string position;                 // "near the low end" …; empty without a band
  std::vector<SideValue> values;        // in the order of the sides in the query
  std::vector<MetricVerdict> verdicts;  // one per Comparison::metrics entry, in its order
  std::string sentence;                 // the verdict sentence at this target (as in Result::summary); empty when none
};

// The dashboard's own page for a comparison (--format page): its title, its verdict paragraphs
// from the page's template pools and its table in the page's roundings, as the page prints them.
struct DashboardPage {
  std::string url;    // https://inferencex.semianalysis.com/compare-precision/…
  std::string title;  // "B200: FP4 vs FP8 Precision Comparison"
  std::vector<std::string> paragraphs;
  std::vector<std::string> table_header;             // "Metric", "Interactivity (tok/s/user)", …
  std::vector<std::string> table_inputs;             // the targets in the page's input boxes: "95"
  std::vector<std::vector<std::string>> table_rows;  // "Throughput (tok/s/gpu)", "FP4:5844.9FP8:1930.9", …
};

struct Comparison {
  std::string dimension;  // "precision", … or "filters"
  std::optional<std::pair<double, double>> band;
  std::vector<SideSummary> sides;
  std::vector<MetricColumn> metrics;
  std::vector<TargetResult> targets;
  std::size_t noise_runs = 0;                                     // `with noise last N`; 0 without
  std::string prices;                                             // "2026-07 hyperscaler"
  std::string tokens;                                             // "total"
  std::shared_ptr<const Deferred<DashboardPage>> page_data;       // when the dashboard has a page for it (page())
  std::shared_ptr<const Deferred<ChartSeriesBySide>> chart_data;  // what a chart of it draws (chart())

  // The dashboard's page of this comparison, written at first use; null when no page shows it.
  [[nodiscard]] const DashboardPage* page() const { return page_data ? &page_data->get() : nullptr; }
  // Side `side`'s chart series, one per metrics entry; empty without chart data.
  [[nodiscard]] const std::vector<ChartSeries>& chart(std::size_t side) const {
    static const std::vector<ChartSeries> none;
    if (!chart_data || side >= chart_data->get().size()) return none;
    return chart_data->get()[side];
  }

  // Lookups by name instead of position. A side is found by its label ("fp4"), else by its display
  // name ("FP4"), case-insensitively; a metric by its key ("cost", "throughput", "ttft_p99"); a
  // target by its interactivity (within 1e-9 relative: the number the query or the band gave).
  // Each gives nothing (nullopt, null) when there is no such side, metric or target.
  [[nodiscard]] std::optional<std::size_t> side_index(std::string_view side) const {
    for (std::size_t i = 0; i < sides.size(); ++i)
      if (sides[i].label == side) return i;
    for (std::size_t i = 0; i < sides.size(); ++i)
      if (same_text(sides[i].label, side) || same_text(sides[i].display, side)) return i;
    return std::nullopt;
  }
  [[nodiscard]] std::optional<std::size_t> metric_index(std::string_view key) const {
    for (std::size_t i = 0; i < metrics.size(); ++i)
      if (metrics[i].key == key) return i;
    return std::nullopt;
  }
  [[nodiscard]] const TargetResult* target(double interactivity) const {
    for (const auto& t : targets) {
      const double d = t.interactivity - interactivity, scale = t.interactivity < 0 ? -t.interactivity : t.interactivity;
      if ((d < 0 ? -d : d) <= 1e-9 * (scale > 1 ? scale : 1)) return &t;
    }
    return nullptr;
  }
  // One side's values at one target (status, every metric, evidence, noise).
  [[nodiscard]] const SideValue* at(std::string_view side, double interactivity) const {
    const auto s = side_index(side);
    const TargetResult* t = target(interactivity);
    return s && t && *s < t->values.size() ? &t->values[*s] : nullptr;
  }
  // A side's value of a metric at a target: nullopt when any is unknown, or the side has no value there.
  [[nodiscard]] std::optional<double> value(std::string_view side, std::string_view metric, double interactivity) const {
    const SideValue* v = at(side, interactivity);
    const auto m = metric_index(metric);
    return v && m && *m < v->values.size() ? v->values[*m] : std::nullopt;
  }
  // The verdict on a metric at a target.
  [[nodiscard]] const MetricVerdict* verdict(std::string_view metric, double interactivity) const {
    const TargetResult* t = target(interactivity);
    const auto m = metric_index(metric);
    return t && m && *m < t->verdicts.size() ? &t->verdicts[*m] : nullptr;
  }

 private:
  static bool same_text(std::string_view a, std::string_view b) noexcept {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i) {
      const char x = a[i] >= 'A' && a[i] <= 'Z' ? static_cast<char>(a[i] - 'A' + 'a') : a[i];
      const char y = b[i] >= 'A' && b[i] <= 'Z' ? static_cast<char>(b[i] - 'A' + 'a') : b[i];
      if (x != y) return false;
    }
    return true;
  }
};

// What a result is: one per kind of statement. Each kind's facts are in one table (kind_info), so
// a new kind cannot forget the attribution its numbers need or the chart it has.
enum class Kind {
  compare,
  rank,
  crossover,
  frontier,
  points,
  trend,
  accuracy,
  explain,
  expect,
  list,
  describe,
  help,
  set,
  let,
  param,
  load
};
struct KindInfo {
  Kind kind;
  std::string_view name;  // the JSON "kind": "compare"
  bool shows_data;        // carries InferenceX numbers: every format adds the attribution its licence asks for
  bool reads_rows;        // computed from benchmark rows: a note says when generated (synthetic) rows are loaded
  bool charts;            // has a chart (compare with targets, frontier, trend, points)
};
inline constexpr KindInfo kKinds[] = {
    {Kind::compare, "compare", true, true, true},      {Kind::rank, "rank", true, true, false},
    {Kind::crossover, "crossover", true, true, false}, {Kind::frontier, "frontier", true, true, true},
    {Kind::points, "points", true, true, true},        {Kind::trend, "trend", true, true, true},
    {Kind::accuracy, "accuracy", true, false, false},  {Kind::explain, "explain", true, true, false},
    {Kind::expect, "expect", true, true, false},       {Kind::list, "list", true, true, false},
    {Kind::describe, "describe", true, false, false},  {Kind::help, "help", false, false, false},
    {Kind::set, "set", false, false, false},           {Kind::let, "let", false, false, false},
    {Kind::param, "param", false, false, false},       {Kind::load, "load", true, true, false},
};
constexpr const KindInfo& kind_info(Kind k) {
  for (const auto& i : kKinds)
    if (i.kind == k) return i;
  return kKinds[0];
}
constexpr std::string_view kind_name(Kind k) { return kind_info(k).name; }

// What a statement asks of its host besides its result; the library applies nothing outside itself.
struct Effects {
  std::optional<Format> format;  // `set format F`: the results after this one are wanted in F
  bool plot = false;             // `plot STATEMENT`: draw this result's chart in the terminal
};

// The tables of each kind of result. Their titles and the columns named here are stable: hosts may
// read them by name (Result::table, Table::column_index), and tests/unit/interpreter/
// result_tables_test.cpp holds them to this list. Metric columns are named by their key
// (MetricColumn::key: "throughput", "cost", "ttft_p99" …) and carry its unit and format; `evidence`
// cells are evidence_key() names, empty without a value; `status` cells are "ok", "clamped",
// "out_of_range" (rank adds "no value" and "not measured").
//
//   compare    "values": one row per target and side — interactivity, side (label), status,
//              evidence, then one column per metric (concurrency an integer). The same numbers are
//              typed in Result::comparison (targets[].values[], targets[].verdicts[]).
//              With `show deployable`: "deployable" — target, side, config, each metric,
//              pooled_vs_single, evidence. With `show config`: "config" — target, side, knot, …
//   rank       one table per target, titled "at N tok/s/user" (N as the query prints it): rank
//              (integer; empty without a value), the dimension ("gpu", "precision", "config" …:
//              the side's display name), interactivity, the ranked metric, vs_best (the value over
//              the best value there, ×), status, evidence, then the other shown metrics. Rows best
//              first; sides without a value after them.
//   crossover  "crossings": one row per change of leader — interactivity (to 0.01), from, to (the
//              leaders' display names), one column per side named by its label with that side's
//              value of the metric there, evidence ("solid", or the sides whose value is not:
//              "B200 two_configs, …"). "leaders": one row per stretch of the band — from, to, leader.
//   trend      "trend": one row per run date and target (and group with `by`) — date (YYYY-MM-DD),
//              the `by` dimension when given, interactivity, status, evidence, one column per
//              metric, lines (integer), frontier (integer: knots on that date's frontier).
//   frontier   "frontier" and points "points": one row per row of the data, the columns shown (or
//              the defaults), named by their keys.
struct Result {
  Kind kind = Kind::help;
  std::string query;  // the statement with every default filled in
  std::optional<Comparison> comparison;
  std::vector<Table> tables;         // compare: "values", one row per target and side, as typed cells
  std::vector<std::string> summary;  // verdict sentences
  std::vector<std::string> notes;
  std::vector<Diagnostic> warnings;
  Effects effects;

  // The first table titled `title` ("values", "crossings", "trend", "at 50 tok/s/user"), or null.
  [[nodiscard]] const Table* table(std::string_view title) const {
    for (const auto& t : tables)
      if (t.title == title) return &t;
    return nullptr;
  }
};

}  // namespace icq
