#pragma once
// One side's curve: its selected rows, measured range, upper-left frontier and the splines on the
// frontier knots (SEMANTICS.md §1–3), and the evaluation of every metric at a target (§3–4).
// compare builds one per side; trend one per run date.
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "bind/bound.hpp"
#include "data/dataset.hpp"
#include "data/token_rate.hpp"
#include "bind/filters.hpp"
#include "math/band.hpp"
#include "math/frontier.hpp"
#include "math/spline.hpp"
#include "num/decimal.hpp"

namespace icq::interp {

class Curve {
 public:
  Curve(const data::Dataset& ds, const Selection& selection, SelectionTrace* trace = nullptr);

  [[nodiscard]] bool empty() const noexcept { return frontier_.empty(); }
  [[nodiscard]] const Selected& selected() const noexcept { return selected_; }
  [[nodiscard]] const std::optional<math::Range>& range() const noexcept { return range_; }
  [[nodiscard]] const std::vector<math::Point>& frontier() const noexcept { return frontier_; }
  [[nodiscard]] const std::set<std::int32_t>& dates() const noexcept { return dates_; }
  [[nodiscard]] const std::set<std::string>& gpus() const noexcept { return gpus_; }
  [[nodiscard]] const std::set<std::string>& frameworks() const noexcept { return frameworks_; }

  // The spline of a field on the frontier knots; null when some knot lacks the field.
  [[nodiscard]] const math::MonotoneSpline* spline(data::Field f) const;
  // The spline of a token rate on the frontier knots (data/token_rate: a disaggregated knot's output
  // or input rate per GPU of the deployment, or per role); null when some knot lacks it.
  [[nodiscard]] const math::MonotoneSpline* rate_spline(data::Field f, data::RateBasis basis) const;
  // The concurrency of the knots, splined like a metric.
  [[nodiscard]] const math::MonotoneSpline* concurrency() const { return conc_ ? &*conc_ : nullptr; }
  [[nodiscard]] bool in_range(double x) const;
  // The frontier knots that determine the value at x: one knot, or the two bracketing it.
  [[nodiscard]] std::vector<const data::Row*> knots_at(double x) const;
  [[nodiscard]] std::string frontier_text() const;  // "31.0–163.5"
  [[nodiscard]] std::string range_text() const;     // "16.1–163.5"

 private:
  const data::Dataset* ds_;
  Selected selected_;
  std::optional<math::Range> range_;
  std::vector<math::Point> frontier_;
  std::set<std::int32_t> dates_;
  std::set<std::string> gpus_, frameworks_;
  mutable std::map<data::Field, std::optional<math::MonotoneSpline>> splines_;
  mutable std::map<std::pair<data::Field, data::RateBasis>, std::optional<math::MonotoneSpline>> rate_splines_;
  std::optional<math::MonotoneSpline> conc_;
};

// Every requested metric at one target.
struct PointValues {
  Status status = Status::ok;
  double x = 0;  // where the curve was read (the target, or the frontier edge when clamped)
  std::vector<std::optional<double>> values;     // one per metric
  std::optional<num::Decimal> cost;              // exact cost, for the verdicts
  std::optional<std::string> gpu;                // the GPU whose price applies (none: mixed)
  bool mixed_gpu = false;                        // the frontier segment joins two GPUs
  bool zero_throughput = false;
  const data::Evaluation* evaluation = nullptr;  // accuracy: the evaluation used
  bool mixed_config = false;                     // accuracy: the segment joins two configurations
};

PointValues evaluate_at(const Curve& curve, const data::Dataset& ds, double target, bool clamp,
                        const std::vector<BoundMetric>& metrics, const Method& method, data::Field token_field);

// The newest evaluation of a configuration's model, GPU, precision and framework (same spec method
// preferred); null when none exists.
const data::Evaluation* evaluation_for(const data::Dataset& ds, const data::Line& line);

}  // namespace icq::interp
