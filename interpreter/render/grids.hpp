#pragma once
// The grids the text formats draw, for the other writers (html): a comparison's values with winner
// and ratio, and any result table with its numbers formatted for people.
#include "icq/result.hpp"
#include "render/text_table.hpp"

namespace icq::out {

Grid comparison_grid(const Comparison& c);
Grid result_table_grid(const Table& t);

}  // namespace icq::out
