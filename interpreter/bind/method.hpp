#pragma once
// The dashboard's method in force for one statement (SEMANTICS.md §3, §9, §10): the price edition
// and tier, the cost method, the interactivity percentile and the unit word of the page's
// sentences — each chosen with `using`, taken from `using dashboard DATE`, or defaulted. The one
// home of the edition/tier resolver (`using prices`, `set prices`).
#include <optional>
#include <string>
#include <vector>

#include "ast.hpp"
#include "bind/bound.hpp"
#include "bind/filters.hpp"

namespace icq::interp {

// What the dashboard had in force on a date (SEMANTICS.md §10).
struct DashboardEdition {
  const catalog::PriceEdition* prices = nullptr;
  CostMethod cost = CostMethod::derived;
  std::string unit_word;         // "tok/s/GPU" before 2026-08-04, then "tok/s/chip"
  std::vector<std::string> why;  // "prices 2026-04 (before 2026-07-31, #659)", …
};
DashboardEdition dashboard_on(std::int32_t date);

// Which of the two a statement has named so far.
struct PricesGiven {
  bool edition = false, tier = false;
};
// Applies the words of `using prices` / `set prices` (editions and tiers) to an edition and tier,
// recording them in `given`: a second edition or a second tier is an error at that word.
void apply_price_words(const std::vector<ast::Word>& words, const catalog::PriceEdition*& edition, std::string& tier, PricesGiven& given);
// A tier the edition does not have is an error at `at` that names the editions that have it.
void check_tier(const catalog::PriceEdition& edition, const std::string& tier, ast::Span at);

// The method of a statement: `base` (the session's settings) with its `using` items applied,
// `using dashboard` first and the explicit items over it, whatever their order.
Method resolve_method(const std::vector<ast::Using>& usings, const Method& base);

}  // namespace icq::interp
