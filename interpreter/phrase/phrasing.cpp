#include "phrase/phrasing.hpp"

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

std::string than(const ClauseInput& c) { return c.more_than_two ? " than " + c.second : std::string{}; }

std::string tied(const ClauseInput& c, const std::string& on) {
  return fmt::format("{} and {} are essentially tied on {}", c.best_first ? c.best : c.second, c.best_first ? c.second : c.best, on);
}

}  // namespace

std::string cost_clause(const ClauseInput& c) {
  if (c.tied) return tied(c, "cost per token");
  return fmt::format("{} is {}% cheaper per token{}", c.best, c.percent, than(c));
}

std::string more_clause(const ClauseInput& c, const std::string& unit, const std::string& tied_on) {
  if (c.tied) return tied(c, tied_on);
  return fmt::format("{} delivers {}% more {}{}", c.best, c.percent, unit, than(c));
}

std::string lower_clause(const ClauseInput& c, const std::string& what) {
  if (c.tied) return tied(c, what);
  return fmt::format("{} is {}% lower on {}{}", c.best, c.percent, what, than(c));
}

std::string capitalize(std::string s) {
  if (!s.empty() && s[0] >= 'a' && s[0] <= 'z') s[0] = static_cast<char>(s[0] - 'a' + 'A');
  return s;
}

}  // namespace icq::interp
