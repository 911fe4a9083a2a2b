#pragma once
// Numbers for people: exact half-up rounding (via decimals), thousands separators, units.
#include <optional>
#include <string>

#include "icq/result.hpp"

namespace icq::out {

// "1,772.1" — `places` decimals, half-up on the value's exact decimal expansion.
std::string grouped(double v, int places);
// A metric's value as its format reads: "$0.232", "~33", "668,722", "9.65" (ms) …
std::string metric_cell(const NumberFormat& format, double v);
inline std::string metric_cell(const MetricColumn& m, double v) { return metric_cell(m.format, v); }
// A number in a table's column: a metric's as it reads, a target as written, other whole numbers
// without decimals and the rest with three.
std::string number_cell(const Column& column, double v);
// Shortest text of a number as a person writes it ("56", "56.5"): targets in queries and sentences.
std::string number_text(double v);
// Shortest exact text for CSV/JSON-like plain output ("1772.1053", "0.1") — round-trips.
std::string plain(double v);

// The mark a table puts after a value that is not solid (SEMANTICS.md §12): "†" between two
// configurations, "‡" across a wide gap, "*" clamped; "" for a measured value or one along one
// configuration. The notes explain each mark they use.
const char* evidence_mark(Evidence::Kind k) noexcept;

}  // namespace icq::out
