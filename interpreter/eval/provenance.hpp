#pragma once
// Notes on where a result's rows come from: a known partial capture is named once per result.
#include <cstdint>
#include <string>
#include <vector>

#include "data/dataset.hpp"

namespace icq::interp {

// `rows`: the row index lists a result used (one per side or curve), read in place.
std::vector<std::string> provenance_notes(const data::Dataset& ds, const std::vector<const std::vector<std::uint32_t>*>& rows);
inline std::vector<std::string> provenance_notes(const data::Dataset& ds, const std::vector<std::uint32_t>& rows) {
  return provenance_notes(ds, std::vector<const std::vector<std::uint32_t>*>{&rows});
}

}  // namespace icq::interp
