#include "math/band.hpp"

#include <algorithm>
#include <cmath>
#include <string>

#include <fmt/format.h>

namespace icq::math {

std::optional<Range> band_of(std::span<const Range> ranges) {
  if (ranges.empty()) return std::nullopt;
  Range b{ranges.front().lo, ranges.front().hi};
  for (const Range& r : ranges) {
    b.lo = std::max(b.lo, r.lo);
    b.hi = std::min(b.hi, r.hi);
  }
  if (b.lo > b.hi) return std::nullopt;
  return b;
}

bool degenerate(const Range& band) { return band.lo >= band.hi || std::ceil(band.lo) > std::floor(band.hi); }

double round_half_up(double v) { return std::floor(v + 0.5); }

std::vector<double> band_targets(const Range& band, std::span<const double> fractions, bool inside) {
  std::vector<double> out;
  out.reserve(fractions.size());
  for (double q : fractions) {
    double t = round_half_up(band.lo + q * (band.hi - band.lo));
    if (inside) t = std::clamp(t, std::ceil(band.lo), std::floor(band.hi));
    out.push_back(t);
  }
  return out;
}

std::string position_words(const Range& band, double target) {
  if (target < band.lo) return "below the band";
  if (target > band.hi) return "above the band";
  const double width = band.hi - band.lo;
  const double f = width > 0 ? (target - band.lo) / width : 0.5;
  if (f < 1.0 / 3.0) return "near the low end";
  if (f > 2.0 / 3.0) return "toward the upper edge";
  return "around the middle";
}

std::string band_label(const Range& band) {
  // Whole numbers, printed as fmt prints such a double ("{}"), without formatting a double.
  const auto whole = [](double v) {
    return std::abs(v) < 1e15 && !std::signbit(v) ? std::to_string(static_cast<long long>(v)) : fmt::format("{}", v);
  };
  return whole(std::ceil(band.lo)) + "–" + whole(std::floor(band.hi));
}

}  // namespace icq::math
