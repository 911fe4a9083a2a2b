#pragma once
// The verdict sentences of a comparison page (SEMANTICS.md §6), deterministic for given values.
#include <optional>
#include <string>
#include <vector>

#include "num/decimal.hpp"

namespace icq::interp {

// r = worse/better (pricier/cheaper, higher/lower), from exact decimals.
num::Decimal ratio(const num::Decimal& better, const num::Decimal& worse);
// N of "N% cheaper" / "N% more": round_half_up((r - 1) * 100).
long long percent_more(const num::Decimal& r);
bool essentially_tied(const num::Decimal& r);  // r < 1.01

// What a clause says of one metric, read from its judgement (phrase/verdict.hpp): the best side and
// the runner-up, whether they are tied, and the N it prints.
struct ClauseInput {
  std::string best, second;  // display names: "FP4", "FP8"
  bool best_first = true;    // the best side comes before the runner-up in the query (ties are named in query order)
  bool tied = false;
  long long percent = 0;
  bool more_than_two = false;  // more than two sides: "… than <runner-up>"
};

// "FP8 is 34% cheaper per token" / "FP4 and FP8 are essentially tied on cost per token";
// with more than two sides the best is compared with the runner-up ("… than MI355X").
std::string cost_clause(const ClauseInput& c);
// "FP8 delivers 33% more tok/s/GPU" (unit names what "more" counts).
std::string more_clause(const ClauseInput& c, const std::string& unit, const std::string& tied_on);
// "H200 is 12% lower on TTFT p99" for lower-is-better metrics other than cost.
std::string lower_clause(const ClauseInput& c, const std::string& what);

std::string capitalize(std::string s);

}  // namespace icq::interp
