#pragma once
// What a chart of a comparison needs beyond the values at the targets (Comparison::chart): each
// side's measured points and the curve of each shown metric, read with the same splines and the
// same evaluation as the values (render/chart draws them).
#include <memory>
#include <vector>

#include "bind/bound.hpp"
#include "data/dataset.hpp"
#include "eval/curve.hpp"
#include "icq/result.hpp"

namespace icq::interp {

// The chart data of a comparison of `curves` (the sides in q's order), one series per metric of q
// for each: the knots, their slopes and (for figures derived from throughput) each segment's
// constant, so a chart drawn from them meets the table's values; no samples are computed here.
// Made when first drawn when `ds` is owned by a shared_ptr (a Session's data always is), at once
// otherwise; it keeps the curves and the data alive until then. The curves are then the chart's:
// nothing else may use them once the comparison is returned (their splines are made when asked).
std::shared_ptr<const Deferred<ChartSeriesBySide>> chart_data(const BoundCompare& q, std::shared_ptr<const std::vector<Curve>> curves,
                                                              const data::Dataset& ds);
}  // namespace icq::interp
