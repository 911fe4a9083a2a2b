#pragma once
// Notes on where a result's rows come from: a known partial capture is named once per result.
#include <cstdint>
#include <string>
#include <vector>

#include "data/dataset.hpp"

namespace icq::interp {

std::vector<std::string> provenance_notes(const data::Dataset& ds, const std::vector<std::uint32_t>& rows);

}  // namespace icq::interp
