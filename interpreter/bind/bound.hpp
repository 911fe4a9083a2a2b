#pragma once
// Bound statements: every name resolved to a catalog key, every default decided and recorded.
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "ast.hpp"
#include "bind/filters.hpp"
#include "catalog/catalog.hpp"
#include "catalog/metrics.hpp"
#include "data/fields.hpp"
#include "data/token_rate.hpp"
#include "icq/format.hpp"
#include "icq/result.hpp"

namespace icq::interp {

// How a metric's values read (catalog::Metric's decimals, prefix and scale).
NumberFormat number_format(const catalog::Metric& m);

struct BoundMetric {
  const catalog::Metric* metric = nullptr;
  data::Field field = data::Field::tput_per_gpu;  // throughput and latency: the field splined
  MetricColumn column;                            // key, display, unit, polarity
  std::string text;                               // as query text: "ttft p99"
};

// Prices and powers in effect: a catalog edition and tier, with per-GPU overrides (`set price`,
// `set power`) that every framework variant of the GPU inherits. Values are decimal text.
struct Pricing {
  const catalog::PriceEdition* edition = nullptr;
  std::string tier = "hyperscaler";
  std::map<std::string, std::string> price_overrides, power_overrides;
  [[nodiscard]] std::string text() const { return edition->name + " " + tier; }
  [[nodiscard]] std::optional<std::string> price(const std::string& gpu) const;  // $ per GPU-hour
  [[nodiscard]] std::optional<std::string> kw(const std::string& gpu) const;     // kW per GPU
  // "MI355X $1.50/GPU-hour, 2.09 kW" with "(set)" after overridden values.
  [[nodiscard]] std::string describe(const std::string& gpu) const;
};

enum class CostMethod { derived, splined };  // SEMANTICS.md §3
const char* cost_method_name(CostMethod m);

// The dashboard's method in force for a statement (method.hpp resolves it from `using` items).
struct Method {
  Pricing pricing;
  CostMethod cost = CostMethod::derived;
  Axis axis;                              // axis.chosen empty: the workload's default percentile
  std::optional<std::int32_t> dashboard;  // `using dashboard DATE`
  std::string unit_word = "tok/s/chip";   // the unit word of the page's sentences
  std::string dashboard_note;             // what `using dashboard` selected, for the notes
  // Output (input) tokens of disaggregated rows per GPU of the deployment (icq), or per decode
  // (prefill) GPU as the API gives them (`using dashboard`: the dashboard's own figure).
  data::RateBasis rates = data::RateBasis::deployment;
  // " using prices 2026-09 hyperscaler using cost derived" (leading space), for resolved queries.
  [[nodiscard]] std::string text() const;
};

struct TargetSpec {
  enum class Kind { band_default, band, interactivity } kind = Kind::band_default;
  std::vector<double> values;  // interactivities, or band fractions (0..1)
  ast::Span span;
};

struct BoundSide {
  std::string label;    // canonical key or the filter set's text
  std::string display;  // "FP4"
  Selection selection;  // this side's own filters and date
  ast::Span span;
};

struct BoundCompare {
  std::string dimension;  // "precision" … or "filters" for parenthesised sides
  std::vector<BoundSide> sides;
  Selection shared;
  TargetSpec targets;
  bool clamp = false;
  std::vector<BoundMetric> metrics;
  bool metrics_explicit = false;
  bool show_config = false;      // `show config`: the knots behind each value
  bool show_deployable = false;  // `show deployable`: the best single configuration at each target
  std::size_t noise_runs = 0;    // `with noise last N`: spreads over each side's last N run dates
  Method method;
  std::string tokens = "total";
  data::Field token_field = data::Field::tput_per_gpu;
  std::vector<std::string> defaults;  // notes on defaults applied ("seq 1k/1k (default)")
  std::string sides_note;             // how `*` or `rank` chose the sides
};

// rank: every value of a dimension (or every configuration) as a side of one comparison, ordered
// at each target by the metric's polarity.
struct BoundRank {
  BoundCompare compare;              // compare.metrics[0] is the ranking metric
  std::string dimension;             // "gpu" … or "config"
  std::optional<std::size_t> limit;  // `limit N`: the N best at each target
};

// crossover: where in the band the leader on one metric changes.
struct BoundCrossover {
  BoundCompare compare;  // compare.metrics[0] is the metric
};

// frontier / points / accuracy: one selection; the columns of `show` and `order by` are read by
// the statement (eval/columns.hpp knows every row column).
struct BoundFrontier {
  Selection selection;
  std::vector<std::string> defaults;
  std::vector<ast::MetricRef> show;
  Pricing pricing;  // the rows' economics columns (`show cost`)
};

struct BoundPoints {
  Selection selection;
  Pricing pricing;  // the rows' economics columns and `where cost < …`
  std::vector<ast::MetricRef> show;
  std::vector<ast::OrderItem> order;
  std::optional<std::size_t> limit;
};

// accuracy: evaluations are not benchmark rows, so `where`, `order by` and `limit` act on the
// columns of its table (eval/table_filter.hpp), not on row fields.
struct BoundAccuracy {
  Selection selection;
  std::vector<ast::Expr> where;
  std::string where_text;  // as written, for the resolved query
  std::vector<ast::OrderItem> order;
  std::optional<std::size_t> limit;
};

struct BoundTrend {
  std::vector<BoundMetric> metrics;
  std::vector<double> targets;
  bool clamp = false;
  Selection selection;
  std::vector<std::string> defaults;
  Method method;
  std::string tokens = "total";
  data::Field token_field = data::Field::tput_per_gpu;
  std::optional<std::int32_t> since;
  std::optional<std::int32_t> until;  // `as of DATE`: the last run date walked
  std::optional<LineField> by;
};

// Statements that read the catalog (list, describe, help) or the last comparison (expect): their
// words are resolved when they run, against the session as it is then.
template <class T>
struct BoundCommand {
  T statement;
};

// A named filter set (`let NAME = (FILTERS)`), usable as a side or a filter.
struct LetDefinition {
  Selection selection;
  std::string text;  // "(vendor amd)" as written
};

// `set …`, every word resolved and checked: what the session's settings become.
struct BoundSet {
  enum class What { price, power, prices, cost, interactivity, dashboard, format } what = What::price;
  std::string gpu, value;                          // price, power: the GPU's key and the decimal text
  const catalog::PriceEdition* edition = nullptr;  // prices
  std::string tier;                                // prices
  Method method;                                   // cost, interactivity, dashboard: the session's method after it
  std::string date;                                // dashboard: the date as written
  Format format = Format::table;                   // format
};
struct BoundLet {
  std::string name;
  LetDefinition definition;
};
struct BoundParam {
  std::string name, value;
};
// `load PATH`: applied by the session, which owns the data (execute asks for it in Context).
struct BoundLoad {
  ast::Word path;
};

struct BoundStatement;
struct BoundExplain {
  std::shared_ptr<const BoundStatement> inner;  // compare, frontier, points, trend or accuracy
};
// `plot STATEMENT`: the inner statement's result, with the host's effect of drawing its chart.
struct BoundPlot {
  std::shared_ptr<const BoundStatement> inner;  // one of the statements explain takes
};

struct BoundStatement {
  std::variant<BoundCompare, BoundRank, BoundCrossover, BoundFrontier, BoundPoints, BoundAccuracy, BoundTrend, BoundExplain, BoundPlot,
               BoundCommand<ast::List>, BoundCommand<ast::Describe>, BoundCommand<ast::Help>, BoundSet, BoundLet, BoundParam, BoundLoad,
               BoundCommand<ast::Expect>>
      body;
  ast::Span span;
};

}  // namespace icq::interp
