#include "num/ratio.hpp"

#include <cmath>

namespace icq::num {

int bit_length(U128 v) noexcept {
  const auto hi = static_cast<std::uint64_t>(v >> 64), lo = static_cast<std::uint64_t>(v);
  return hi ? 128 - __builtin_clzll(hi) : lo ? 64 - __builtin_clzll(lo) : 0;
}

U128 pow10(int n) noexcept {
  U128 p = 1;
  while (n-- > 0) p *= 10;
  return p;
}

// Scaled so the integer quotient has 55 or 56 bits: a remainder is folded into its lowest bit,
// below the bits that decide the rounding, so converting it to a double rounds as the exact
// quotient would.
std::optional<double> rounded_ratio(U128 a, U128 b, int k) noexcept {
  if (a == 0 || b == 0 || bit_length(b) > 72 || bit_length(a) > 127) return std::nullopt;
  const int s = 55 + bit_length(b) - bit_length(a);
  U128 num = a, den = b;
  if (s >= 0) num <<= s;
  else den <<= -s;
  const U128 q = num / den;
  const auto bits = static_cast<std::uint64_t>(q) | (num % den != 0 ? 1u : 0u);
  return std::ldexp(static_cast<double>(bits), k - s);
}

std::optional<IntegerRatio> integer_ratio(double x, double y) noexcept {
  if (!std::isnormal(x) || !std::isnormal(y) || x < 0 || y < 0) return std::nullopt;
  int ex = 0, ey = 0;
  const auto mx = static_cast<std::uint64_t>(std::ldexp(std::frexp(x, &ex), 53));
  const auto my = static_cast<std::uint64_t>(std::ldexp(std::frexp(y, &ey), 53));
  const int d = ex - ey;  // x / y = mx / my · 2^d
  if (d > 60 || d < -60) return std::nullopt;
  return d >= 0 ? IntegerRatio{U128{mx} << d, my} : IntegerRatio{mx, U128{my} << -d};
}

long long round_half_up(U128 a, U128 b) noexcept { return static_cast<long long>((2 * a + b) / (2 * b)); }

}  // namespace icq::num
