#pragma once
// The verdict sentences of a comparison page (SEMANTICS.md §6), deterministic for given values.
#include <optional>
#include <string>
#include <vector>

#include "num/decimal.hpp"

namespace icq::interp {

struct Contender {
  std::string display;  // "FP8"
  num::Decimal value;   // exact value of the metric for this side
  std::size_t order = 0;  // position of the side in the query: ties are named in this order
};

// r = worse/better (pricier/cheaper, higher/lower), from exact decimals.
num::Decimal ratio(const num::Decimal& better, const num::Decimal& worse);
// N of "N% cheaper" / "N% more": round_half_up((r - 1) * 100).
long long percent_more(const num::Decimal& r);
bool essentially_tied(const num::Decimal& r);  // r < 1.01

// "FP8 is 34% cheaper per token" / "FP4 and FP8 are essentially tied on cost per token";
// with more than two sides the best is compared with the runner-up ("… than MI355X").
std::string cost_clause(std::vector<Contender> sides);
// "FP8 delivers 33% more tok/s/GPU" (unit names what "more" counts).
std::string more_clause(std::vector<Contender> sides, const std::string& unit, const std::string& tied_on);
// "H200 is 12% lower on TTFT p99" for lower-is-better metrics other than cost.
std::string lower_clause(std::vector<Contender> sides, const std::string& what);

std::string capitalize(std::string s);

}  // namespace icq::interp
