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
// A band the sides only touch (lo >= hi), or one too narrow to hold an integer target
// (ceil(lo) > floor(hi), displayed "59–58"): SEMANTICS.md §5 has no default targets there.
bool degenerate(const Range& band);

// round_half_up(lo + q*(hi-lo)) for each fraction q; `inside` keeps each in the displayed band
// ceil(lo)–floor(hi), as band percentages are (so 0 % and 100 % are measurable on every side).
std::vector<double> band_targets(const Range& band, std::span<const double> fractions, bool inside = false);
double round_half_up(double v);

// "near the low end" / "around the middle" / "toward the upper edge"; outside the band "below the
// band" / "above the band".
std::string position_words(const Range& band, double target);

// The band as displayed: ceil(lo)–floor(hi).
std::string band_label(const Range& band);

}  // namespace icq::math
