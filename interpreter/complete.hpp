#pragma once
// Completion for interactive hosts: the words that may come at the end of a partly typed line,
// from the grammar's keywords and the values present in the data (narrowed by the filters already
// typed: after `precision`, only the precisions that exist for the model and GPU on the line).
#include <string>
#include <string_view>
#include <vector>

#include "bind/binder.hpp"
#include "data/dataset.hpp"

namespace icq::interp {

std::vector<std::string> complete(std::string_view line, const data::Dataset& ds, const Settings& settings);

}  // namespace icq::interp
