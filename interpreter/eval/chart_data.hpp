#pragma once
// What a chart of a comparison needs beyond the values at the targets (SideSummary::chart): each
// side's measured points and the curve of each shown metric, read with the same splines and the
// same evaluation as the values (render/chart draws them).
#include <vector>

#include "bind/bound.hpp"
#include "data/dataset.hpp"
#include "eval/curve.hpp"
#include "icq/result.hpp"

namespace icq::interp {

// Fills cmp.sides[i].chart, one series per metric of q, from curves[i] (the sides in q's order):
// the knots, their slopes and (for figures derived from throughput) each segment's constant, so a
// chart drawn from them meets the table's values; no samples are computed here.
void fill_chart_series(Comparison& cmp, const BoundCompare& q, const std::vector<Curve>& curves, const data::Dataset& ds);

}  // namespace icq::interp
