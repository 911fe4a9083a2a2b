#include "data/token_rate.hpp"

#include <cmath>
#include <limits>

namespace icq::data {

bool is_token_rate(Field f) noexcept {
  return f == Field::tput_per_gpu || f == Field::output_tput_per_gpu || f == Field::input_tput_per_gpu;
}

TokenRate token_rate(const Line& line, const Row& row, Field f, RateBasis basis) {
  const double given = row.get(f);
  const bool per_role = f == Field::output_tput_per_gpu || f == Field::input_tput_per_gpu;
  if (!per_role || !line.disagg || basis == RateBasis::per_role) return {given, TokenRate::Check::as_given, 0};
  constexpr double unknown = std::numeric_limits<double>::quiet_NaN();
  if (std::isnan(given)) return {unknown, TokenRate::Check::unchecked, 0};
  if (line.num_prefill_gpu <= 0 || line.num_decode_gpu <= 0) return {unknown, TokenRate::Check::no_counts, 0};
  const double all = static_cast<double>(line.num_prefill_gpu) + static_cast<double>(line.num_decode_gpu);
  const double out = row.get(Field::output_tput_per_gpu) * line.num_decode_gpu / all;
  const double in = row.get(Field::input_tput_per_gpu) * line.num_prefill_gpu / all;
  const double total = row.get(Field::tput_per_gpu);
  if (std::isnan(out) || std::isnan(in) || !(total > 0)) return {unknown, TokenRate::Check::unchecked, 0};
  const double deviation = std::abs(out + in - total) / total;
  if (deviation > kRateTolerance) return {unknown, TokenRate::Check::mismatch, deviation};
  return {f == Field::output_tput_per_gpu ? out : in, TokenRate::Check::scaled, deviation};
}

}  // namespace icq::data
