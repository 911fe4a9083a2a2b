#pragma once
// Interactivity band and default targets (SEMANTICS.md §5).
#include <optional>
#include <span>
#include <string>
#include <vector>

namespace icq::math {

struct Range {
  double lo = 0, hi = 0;
};

// Band = [max of the mins, min of the maxes]; nullopt when empty (lo > hi) or no ranges.
std::optional<Range> band_of(std::span<const Range> ranges);

// round_half_up(lo + q*(hi-lo)) for each fraction q.
std::vector<double> band_targets(const Range& band, std::span<const double> fractions);
double round_half_up(double v);

// "near the low end" / "around the middle" / "toward the upper edge".
std::string position_words(const Range& band, double target);

// The band as displayed: ceil(lo)–floor(hi).
std::string band_label(const Range& band);

}  // namespace icq::math
