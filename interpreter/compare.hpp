#pragma once
// Evaluation of `compare` (SEMANTICS.md §1–6): per side selection, pooled frontier, band and
// targets, interpolation on the frontier knots, derived cost/power/energy, verdicts and notes.
#include <string>

#include "bound.hpp"
#include "data/dataset.hpp"
#include "icq/result.hpp"

namespace icq::interp {

Result run_compare(const BoundCompare& q, const data::Dataset& ds);

// The statement with every default filled in (targets resolved), as query text.
std::string resolved_query(const BoundCompare& q, const std::vector<double>& targets);

// Shortest text of a number as a person writes it ("56", "56.5").
std::string number_text(double v);

}  // namespace icq::interp
