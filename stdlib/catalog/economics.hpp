#pragma once
// The economic metrics of one throughput (tok/s per GPU), in exact decimals (SEMANTICS.md §3), the
// one home of their formulas for comparisons (at a target, at each frontier knot) and for rows:
//   cost $/M tok = price / (tput · 3600 / 10^6)     tokens per $1 = tput · 3600 / price
//   tok/s/MW     = tput · 1000 / kW                 J/token       = kW · 1000 / tput
#include "catalog/metrics.hpp"
#include "num/decimal.hpp"
#include "num/ratio.hpp"

#include <optional>
#include <string_view>

namespace icq::catalog {

// `given` is the GPU's $/GPU-hour when needs_price(kind), its kW when needs_power(kind); tput > 0.
num::Decimal economic_value(MetricKind kind, const num::Decimal& tput, const num::Decimal& given);
// The same value as the double a person's digits are read from, without decimals: the exact
// rational of the formula (the double tput is an integer times a power of two, a plain decimal
// `given` an integer over a power of ten) divided in 128-bit integers and rounded once to the
// nearest double. Nothing when `given` is not a plain decimal ("2.10") or too long; the callers
// then take economic_value. A warm compare made a dozen of these, each a 50-digit division.
std::optional<double> economic_double(MetricKind kind, double tput, std::string_view given);
// The cost itself as that exact rational (the price over the throughput's tokens per million
// GPU-seconds), for the verdicts to divide; nothing where economic_double gives nothing.
std::optional<num::Exact> exact_cost(double tput, std::string_view price);
// The value every table, chart and spline reads: economic_double, else economic_value's double.
double economic_value_of(MetricKind kind, double tput, std::string_view given);

}  // namespace icq::catalog
