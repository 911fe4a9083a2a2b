#pragma once
// A row's tokens per second per GPU of a token type (SEMANTICS.md §4): the one home of the rule
// that a disaggregated deployment pays for all its GPUs. The API gives a disaggregated row's
// output_tput_per_gpu per *decode* GPU and input_tput_per_gpu per *prefill* GPU (its tput_per_gpu
// is already total tokens over every GPU); single-node rows carry prefill/decode counts that are
// not GPU counts, so the rule applies to disaggregated rows only.
#include <cstdint>

#include "data/dataset.hpp"

namespace icq::data {

// Which GPUs an output (input) rate is counted over.
enum class RateBasis {
  deployment,  // every GPU of the deployment (icq's default): output × decode GPUs / all GPUs
  per_role,    // the API's own figure, per decode (prefill) GPU: the dashboard's costOutput/costInput
};

struct TokenRate {
  enum class Check {
    as_given,   // total tokens, a single-node row, or the per-role basis: the field itself
    scaled,     // disaggregated: scaled by the role's share of the GPUs, and the counts check
    no_counts,  // disaggregated without positive prefill and decode GPU counts
    mismatch,   // the scaled input + output rates differ from tput_per_gpu by more than kRateTolerance
    unchecked,  // input, output or total throughput absent, so the counts cannot be checked
  };
  double value;  // tok/s per GPU; NaN when the field is absent or the rate is unknown (see check)
  Check check = Check::as_given;
  double deviation = 0;  // |scaled input + output − tput_per_gpu| / tput_per_gpu, for scaled and mismatch
};

// The counts of a disaggregated row check when the two scaled rates add up to its tput_per_gpu
// within this relative tolerance (642 of the 657 disaggregated rows of the built-in data do).
inline constexpr double kRateTolerance = 0.01;

// `f` is tput_per_gpu, output_tput_per_gpu or input_tput_per_gpu; any other field is returned as is.
TokenRate token_rate(const Line& line, const Row& row, Field f, RateBasis basis = RateBasis::deployment);

// Whether a field is one of the three token rates (the fields a `tokens` clause names).
bool is_token_rate(Field f) noexcept;

}  // namespace icq::data
