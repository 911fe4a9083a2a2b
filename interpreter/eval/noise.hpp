#pragma once
// `with noise`: how much a side's value at a target moves between its recent run dates. Each date
// is read on the frontier as of that date (the newest run of every line up to it), as `trend` does.
#include <optional>
#include <vector>

#include "bind/bound.hpp"
#include "eval/curve.hpp"
#include "icq/result.hpp"

namespace icq::interp {

// One side's as-of curves on its last `runs` run dates (oldest first).
struct SideHistory {
  std::vector<std::int32_t> dates;
  std::vector<Curve> curves;
};
std::vector<SideHistory> side_histories(const BoundCompare& q, const data::Dataset& ds);

// The spread of each metric at `target` over a side's history; absent where fewer than two dates
// have a value.
std::vector<std::optional<Spread>> spread_at(const SideHistory& h, const data::Dataset& ds, double target, const BoundCompare& q);

// within_noise, the rule a verdict and a table's winner column both apply: phrase/verdict.hpp.

}  // namespace icq::interp
