#pragma once
// The economic metrics of one throughput (tok/s per GPU), in exact decimals (SEMANTICS.md §3), the
// one home of their formulas for comparisons (at a target, at each frontier knot) and for rows:
//   cost $/M tok = price / (tput · 3600 / 10^6)     tokens per $1 = tput · 3600 / price
//   tok/s/MW     = tput · 1000 / kW                 J/token       = kW · 1000 / tput
#include "catalog/metrics.hpp"
#include "num/decimal.hpp"

namespace icq::catalog {

// `given` is the GPU's $/GPU-hour when needs_price(kind), its kW when needs_power(kind); tput > 0.
num::Decimal economic_value(MetricKind kind, const num::Decimal& tput, const num::Decimal& given);
// The same formulas in doubles, for ranking only (best_single): within a few units in the last
// place of the exact value, and never the digits a person reads.
double economic_value_approx(MetricKind kind, double tput, double given);

}  // namespace icq::catalog
