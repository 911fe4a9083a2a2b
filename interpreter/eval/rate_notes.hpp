#pragma once
// Notes on the output and input token rates of disaggregated rows a result read (SEMANTICS.md §4,
// data/token_rate): which GPUs a rate is counted over, and the rows whose GPU counts do not check.
#include <cstdint>
#include <string>
#include <vector>

#include "data/dataset.hpp"
#include "data/token_rate.hpp"

namespace icq::interp {

// One group of rows (a side's frontier knots, a table's rows) whose rate of `field` was read.
struct RateUse {
  std::string who;  // "GB200: " (empty for a table's own rows)
  std::vector<std::uint32_t> rows;
  data::Field field = data::Field::tput_per_gpu;
};

// Nothing when no use reads an output or input rate of a disaggregated row; else how the rate
// counts the GPUs under `basis` (`shown`: the column whose value is that rate, for "cost = price /
// it"), then one note per use naming the rows whose rate is unknown and why.
std::vector<std::string> rate_notes(const data::Dataset& ds, const std::vector<RateUse>& uses, data::RateBasis basis,
                                    const std::string& shown = {});

}  // namespace icq::interp
