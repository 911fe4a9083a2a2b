#pragma once
// The machine-readable result (LANGUAGE.md "Machine-readable result of compare"): full-precision
// numbers, null for absent values, sides' values in the order of the sides in the query.
#include <string>

#include "icq/result.hpp"

namespace icq::out {

std::string to_json(const Result& r, bool pretty);

}  // namespace icq::out
