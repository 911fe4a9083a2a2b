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
// quotient would. The quotient's low bits come a few at a time (a long division), so b may be as
// wide as a: a·2^s itself would not fit in 128 bits.
std::optional<double> rounded_ratio(U128 a, U128 b, int k) noexcept {
  if (a == 0 || b == 0 || bit_length(a) > 125 || bit_length(b) > 125) return std::nullopt;
  const int s = 55 + bit_length(b) - bit_length(a);  // a·2^s / b lies in [2^54, 2^56)
  U128 q = 0, r = 0;
  if (s <= 0) {
    const U128 den = b << -s;  // bit_length(a) - 55 bits
    q = a / den, r = a % den;
  } else {
    q = a / b, r = a % b;
    // Long division in digits of several bits, as many as r < b leaves room for (r·2^k < 2^127): one
    // step when b is under 2^64, a handful at 2^125; the same quotient and remainder as bit by bit.
    const int room = 127 - bit_length(b);
    for (int left = s; left > 0;) {
      const int step = left < room ? left : room;
      r <<= step;
      q = (q << step) | (r / b);
      r %= b;
      left -= step;
    }
  }
  const auto bits = static_cast<std::uint64_t>(q) | (r != 0 ? 1u : 0u);
  return std::ldexp(static_cast<double>(bits), k - s);
}

std::optional<Exact> exact_of(double x) noexcept {
  if (!std::isnormal(x) || x < 0) return std::nullopt;
  int e = 0;
  const auto m = static_cast<std::uint64_t>(std::ldexp(std::frexp(x, &e), 53));  // x = m · 2^(e-53)
  return Exact{m, 1, e - 53};
}

std::optional<double> to_double(const Exact& x) noexcept { return rounded_ratio(x.num, x.den, x.exp2); }

std::optional<IntegerRatio> ratio_of(const Exact& x, const Exact& y) noexcept {
  if (bit_length(x.num) + bit_length(y.den) > 112 || bit_length(x.den) + bit_length(y.num) > 112) return std::nullopt;
  U128 a = x.num * y.den, b = x.den * y.num;
  const long d = static_cast<long>(x.exp2) - y.exp2;
  if (d > 112 - bit_length(a) || -d > 112 - bit_length(b)) return std::nullopt;
  if (d >= 0) a <<= d;
  else b <<= -d;
  return IntegerRatio{a, b};
}

long long round_half_up(U128 a, U128 b) noexcept { return static_cast<long long>((2 * a + b) / (2 * b)); }

std::string digits_of(U128 v) {
  std::string out;
  do {
    out.insert(out.begin(), static_cast<char>('0' + static_cast<int>(v % 10)));
    v /= 10;
  } while (v);
  return out;
}

}  // namespace icq::num
