#pragma once
// `show config`: the frontier knots that bracket each side's value at each target.
#include <vector>

#include "bind/bound.hpp"
#include "eval/curve.hpp"
#include "icq/result.hpp"

namespace icq::interp {

Table config_table(const BoundCompare& q, const std::vector<Curve>& curves, const data::Dataset& ds, const std::vector<double>& targets);

}  // namespace icq::interp
