#pragma once
// One side's curve: its selected rows, measured range, upper-left frontier and the splines on the
// frontier knots (SEMANTICS.md §1–3), and the evaluation of every metric at a target (§3–4).
// compare builds one per side; trend one per run date.
#include <array>
#include <cstddef>
#include <initializer_list>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "bind/bound.hpp"
#include "bind/filters.hpp"
#include "data/dataset.hpp"
#include "data/token_rate.hpp"
#include "math/band.hpp"
#include "math/frontier.hpp"
#include "math/spline.hpp"
#include "num/decimal.hpp"
#include "num/ratio.hpp"

namespace icq::interp {

// The frontier knots that determine the value at an x: none, one, or the two bracketing it (held
// in place: a compare asks for them at every reading).
class Knots {
 public:
  Knots() = default;
  Knots(std::initializer_list<const data::Row*> rows) {
    for (const data::Row* r : rows) rows_[size_++] = r;
  }
  [[nodiscard]] const data::Row* const* begin() const noexcept { return rows_.data(); }
  [[nodiscard]] const data::Row* const* end() const noexcept { return rows_.data() + size_; }
  [[nodiscard]] std::size_t size() const noexcept { return size_; }
  [[nodiscard]] bool empty() const noexcept { return size_ == 0; }
  [[nodiscard]] const data::Row* operator[](std::size_t i) const noexcept { return rows_[i]; }
  [[nodiscard]] const data::Row* front() const noexcept { return rows_[0]; }
  [[nodiscard]] const data::Row* back() const noexcept { return rows_[size_ - 1]; }

 private:
  std::array<const data::Row*, 2> rows_{};
  std::size_t size_ = 0;
};

class Curve {
 public:
  Curve(const data::Dataset& ds, const Selection& selection, SelectionTrace* trace = nullptr);
  // The curve of rows already selected (one configuration line's rows of a side, say).
  Curve(const data::Dataset& ds, const Axis& axis, Selected selected);

  [[nodiscard]] bool empty() const noexcept { return frontier_.empty(); }
  [[nodiscard]] const data::Dataset& dataset() const noexcept { return *ds_; }
  [[nodiscard]] const Axis& axis() const noexcept { return axis_; }
  [[nodiscard]] const Selected& selected() const noexcept { return selected_; }
  [[nodiscard]] const std::optional<math::Range>& range() const noexcept { return range_; }
  [[nodiscard]] const std::vector<math::Point>& frontier() const noexcept { return frontier_; }
  // The run dates, GPUs and frameworks of the selected rows, gathered at first use: a compare
  // makes a curve for every line of each side, and few are ever asked.
  [[nodiscard]] const std::set<std::int32_t>& dates() const { return members().dates; }
  [[nodiscard]] const std::set<std::string>& gpus() const { return members().gpus; }
  [[nodiscard]] const std::set<std::string>& frameworks() const { return members().frameworks; }

  // The spline of a field on the frontier knots; null when some knot lacks the field.
  [[nodiscard]] const math::MonotoneSpline* spline(data::Field f) const;
  // The spline of a token rate on the frontier knots (data/token_rate: a disaggregated knot's output
  // or input rate per GPU of the deployment, or per role); null when some knot lacks it.
  [[nodiscard]] const math::MonotoneSpline* rate_spline(data::Field f, data::RateBasis basis) const;
  // The splined cost method's per-knot economics (SEMANTICS.md §3): each knot's cost (kind cost)
  // or J/tok (kind joules) from its own token rate and GPU, splined on the knots; null when a knot
  // lacks a price, power or positive throughput. Made once per curve and pricing: it does not
  // depend on the target, and was most of evaluate_at's work when made for every target.
  [[nodiscard]] const math::MonotoneSpline* economics_spline(catalog::MetricKind kind, data::Field token_field, data::RateBasis basis,
                                                             const Pricing& pricing) const;
  // The concurrency of the knots, splined like a metric (made at first use).
  [[nodiscard]] const math::MonotoneSpline* concurrency() const;
  [[nodiscard]] bool in_range(double x) const;
  // The frontier knots that determine the value at x: one knot, or the two bracketing it.
  [[nodiscard]] Knots knots_at(double x) const;
  [[nodiscard]] std::string frontier_text() const;  // "31.0–163.5"
  // The frontier's span with the places that tell it apart from `near`, a target outside it:
  // "31.03–163.50" next to 31, where "31.0" would read as if 31 were inside.
  [[nodiscard]] std::string frontier_text(double near) const;
  [[nodiscard]] std::string range_text() const;  // "16.1–163.5"

 private:
  [[nodiscard]] std::string frontier_span(int places) const;  // "31.0–163.5" at 1 place

  const data::Dataset* ds_;
  Axis axis_;
  Selected selected_;
  std::optional<math::Range> range_;
  std::vector<math::Point> frontier_;
  struct Members {
    std::set<std::int32_t> dates;
    std::set<std::string> gpus, frameworks;
  };
  [[nodiscard]] const Members& members() const;
  mutable std::optional<Members> members_;
  mutable std::map<data::Field, std::optional<math::MonotoneSpline>> splines_;
  mutable std::map<std::pair<data::Field, data::RateBasis>, std::optional<math::MonotoneSpline>> rate_splines_;
  mutable std::optional<std::optional<math::MonotoneSpline>> conc_;  // outer: made yet
  struct EconomicsSpline {
    catalog::MetricKind kind;
    data::Field token_field;
    data::RateBasis basis;
    Pricing pricing;  // a copy: the cache holds for this pricing only
    std::optional<math::MonotoneSpline> spline;
  };
  mutable std::vector<EconomicsSpline> economics_;
};

// Every requested metric at one target.
struct PointValues {
  Status status = Status::ok;
  double x = 0;                               // where the curve was read (the target, or the frontier edge when clamped)
  std::vector<std::optional<double>> values;  // one per metric
  // The exact cost the verdicts divide (Digits::exact): as integers (the price over the throughput,
  // or the splined method's double), else in decimals (a price that is not a plain decimal).
  std::optional<num::Exact> cost_exact;
  std::optional<num::Decimal> cost;
  std::optional<std::string> gpu;  // the GPU whose price applies (none: mixed)
  bool mixed_gpu = false;          // the frontier segment joins two GPUs
  bool zero_throughput = false;
  const data::Evaluation* evaluation = nullptr;  // accuracy: the evaluation used
  bool mixed_config = false;                     // accuracy: the segment joins two configurations
};

// What a point's economics carry: every value as the double its exact value rounds to (SEMANTICS.md
// §3), and with `exact` also the exact cost (PointValues::cost_exact or cost) the verdicts divide.
enum class Digits { exact, values };
PointValues evaluate_at(const Curve& curve, const data::Dataset& ds, double target, bool clamp, const std::vector<BoundMetric>& metrics,
                        const Method& method, data::Field token_field, Digits digits = Digits::exact);

// What stands behind the values of `pv` (SEMANTICS.md §12); nullopt when it is out of range.
// `labelled`: its knots name their configuration line (data::config_label), as results show
// them; a ranking that reads only the kind leaves them unnamed.
std::optional<Evidence> evidence_of(const Curve& curve, const data::Dataset& ds, const PointValues& pv, bool labelled = true);
// One frontier segment's width against the wide-gap rule: its upper end over kWideGapInteractivity
// times as interactive as its lower end, or its throughput changing more than kWideGapThroughput-fold.
bool wide_gap(const math::Point& lo, const math::Point& hi);
// The evidence column's cell of a table (rank, trend, `values`, `show deployable`): its kind, or
// empty where there is no value.
Value evidence_cell(const Evidence* e);
// "two configurations (84.1 and 172.9 tok/s/user)", for notes and verdicts.
std::string evidence_words(const Evidence& e);

// The best single configuration line of a side at x (SEMANTICS.md §12): each line's own curve read
// at x (lines whose frontier does not span x are skipped); a line whose own value there is solid
// before one whose value is not, then the best by the metric `by` indexes in `metrics` (by its
// polarity); nullopt when no line spans x. `line` is the chosen curve, one of `lines`
// (LineCurves::reaching gives them). Without
// `every_metric` only the `by` value, the line's label and its evidence's kind are read (what the
// "beyond a single configuration" note needs).
struct SingleBest {
  Deployable deployable;
  const Curve* line = nullptr;
};

// A side's curve per configuration line, each on that line's own rows, in line order: what a
// single deployment of each was measured to do. A line's curve is made when a reading first needs
// it: a line whose rows do not reach x cannot have a frontier spanning x, so most lines of a side
// are never built. The curves stay where they are made (`SingleBest::line` points at one).
class LineCurves {
 public:
  explicit LineCurves(const Curve& side);
  // The lines whose rows reach x (a superset of those whose frontier spans it), in line order.
  [[nodiscard]] std::vector<const Curve*> reaching(double x);

 private:
  struct Line {
    std::size_t begin = 0, end = 0;  // the line's run in the side's selected rows
    math::Range range;               // its rows' interactivity
    std::optional<Curve> curve;
  };
  const Curve* side_;
  std::vector<Line> lines_;
};

std::optional<SingleBest> best_single(const std::vector<const Curve*>& lines, const data::Dataset& ds, double x,
                                      const std::vector<BoundMetric>& metrics, std::size_t by, const Method& method,
                                      data::Field token_field, bool every_metric = true);

// The newest evaluation of a configuration's model, GPU, precision and framework (same spec method
// preferred); null when none exists.
const data::Evaluation* evaluation_for(const data::Dataset& ds, const data::Line& line);

}  // namespace icq::interp
