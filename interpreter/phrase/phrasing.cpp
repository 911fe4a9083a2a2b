#include "phrase/phrasing.hpp"

#include <algorithm>

#include <fmt/format.h>

namespace icq::interp {

num::Decimal ratio(const num::Decimal& better, const num::Decimal& worse) {
  // For "higher is better" callers pass (lower, higher) the other way round; r >= 1 either way.
  return better > worse ? better / worse : worse / better;
}

namespace {

// A quotient of 50-digit decimals is exact only up to its last digits: a cost ratio that is
// exactly 1.015 (one GPU, throughputs 101.5 and 100) comes out as 1.01499…98. The tie threshold
// and the half-up rounding of N are decided on r rounded to 40 decimals, far below any meaningful
// difference and far above that noise, so "N% cheaper" agrees with "N% more" on one GPU.
num::Decimal settled(const num::Decimal& r) { return r.round(40); }

}  // namespace

long long percent_more(const num::Decimal& r) {
  return ((settled(r) - num::Decimal::from_int(1)) * num::Decimal::from_int(100)).round_to_integer();
}

bool essentially_tied(const num::Decimal& r) {
  static const num::Decimal threshold = num::Decimal::parse("1.01");
  return settled(r) < threshold;
}

namespace {

// Sorts best first (ascending when lower is better); stable so ties keep the query's order.
void rank(std::vector<Contender>& sides, bool lower_is_better) {
  std::stable_sort(sides.begin(), sides.end(), [&](const Contender& a, const Contender& b) {
    return lower_is_better ? a.value < b.value : a.value > b.value;
  });
}

std::string than(const std::vector<Contender>& sides) {
  return sides.size() > 2 ? " than " + sides[1].display : std::string{};
}

std::string tied(const std::vector<Contender>& sides, const std::string& on) {
  const bool swap = sides[1].order < sides[0].order;
  return fmt::format("{} and {} are essentially tied on {}", sides[swap ? 1 : 0].display, sides[swap ? 0 : 1].display, on);
}

}  // namespace

std::string cost_clause(std::vector<Contender> sides) {
  rank(sides, true);
  const num::Decimal r = sides[1].value / sides[0].value;
  if (essentially_tied(r)) return tied(sides, "cost per token");
  return fmt::format("{} is {}% cheaper per token{}", sides[0].display, percent_more(r), than(sides));
}

std::string more_clause(std::vector<Contender> sides, const std::string& unit, const std::string& tied_on) {
  rank(sides, false);
  const num::Decimal r = sides[0].value / sides[1].value;
  if (essentially_tied(r)) return tied(sides, tied_on);
  return fmt::format("{} delivers {}% more {}{}", sides[0].display, percent_more(r), unit, than(sides));
}

std::string lower_clause(std::vector<Contender> sides, const std::string& what) {
  rank(sides, true);
  const num::Decimal r = sides[1].value / sides[0].value;
  if (essentially_tied(r)) return tied(sides, what);
  const num::Decimal saving = (num::Decimal::from_int(1) - sides[0].value / sides[1].value) * num::Decimal::from_int(100);
  return fmt::format("{} is {}% lower on {}{}", sides[0].display, saving.round_to_integer(), what, than(sides));
}

std::string capitalize(std::string s) {
  if (!s.empty() && s[0] >= 'a' && s[0] <= 'z') s[0] = static_cast<char>(s[0] - 'a' + 'A');
  return s;
}

}  // namespace icq::interp
