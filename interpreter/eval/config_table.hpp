#pragma once
// `show config`: the frontier knots that bracket each side's value at each target.
#include <vector>

#include "bind/bound.hpp"
#include "eval/curve.hpp"
#include "icq/result.hpp"

namespace icq::interp {

Table config_table(const BoundCompare& q, const std::vector<Curve>& curves, const data::Dataset& ds, const std::vector<double>& targets);
// `show deployable`: each side's best single configuration at each target, its values and how the
// pooled value compares (the comparison's deployables, SideValue::deployable).
Table deployable_table(const Comparison& c);

}  // namespace icq::interp
