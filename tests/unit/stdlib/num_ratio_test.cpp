// num::rounded_ratio divides in digits of several bits at a time: the same double as the plain
// bit-by-bit long division (kept here as the reference) for divisors of every width up to 2^125.
#include <catch2/catch.hpp>

#include <cmath>
#include <cstdint>
#include <optional>

#include "num/ratio.hpp"

namespace {

using icq::num::U128;

std::optional<double> bit_by_bit(U128 a, U128 b, int k) {
  if (a == 0 || b == 0 || icq::num::bit_length(a) > 125 || icq::num::bit_length(b) > 125) return std::nullopt;
  const int s = 55 + icq::num::bit_length(b) - icq::num::bit_length(a);
  U128 q = 0, r = 0;
  if (s <= 0) {
    const U128 den = b << -s;
    q = a / den, r = a % den;
  } else {
    q = a / b, r = a % b;
    for (int i = 0; i < s; ++i) {
      r <<= 1;
      q <<= 1;
      if (r >= b) r -= b, q |= 1;
    }
  }
  return std::ldexp(static_cast<double>(static_cast<std::uint64_t>(q) | (r != 0 ? 1u : 0u)), k - s);
}

}  // namespace

TEST_CASE("rounded_ratio: the bit-by-bit long division's double, for every width of a and b", "[num]") {
  std::uint64_t seed = 0xa4093822299f31d0ull;
  const auto next = [&] { return seed = seed * 6364136223846793005ull + 1442695040888963407ull; };
  const auto wide = [&](int bits) {  // a random number of exactly `bits` bits
    U128 v = (static_cast<U128>(next()) << 64) | next();
    v &= (U128{1} << bits) - 1;
    return v | (U128{1} << (bits - 1));
  };
  std::size_t compared = 0;
  for (int i = 0; i < 20000; ++i) {
    const int abits = 1 + static_cast<int>(next() % 125), bbits = 1 + static_cast<int>(next() % 125);
    const U128 a = wide(abits), b = wide(bbits);
    const int k = static_cast<int>(next() % 41) - 20;
    const auto fast = icq::num::rounded_ratio(a, b, k), slow = bit_by_bit(a, b, k);
    INFO(abits << "-bit over " << bbits << "-bit");
    REQUIRE(fast.has_value() == slow.has_value());
    if (!fast) continue;
    CHECK(*fast == *slow);
    ++compared;
  }
  CHECK(compared == 20000);  // every pair is under 2^126
  // The widest divisor leaves two bits of room a step; exact quotients and ties of the last bit.
  const U128 top = (U128{1} << 125) - 1;
  CHECK(icq::num::rounded_ratio(top, top, 0) == 1.0);
  CHECK(icq::num::rounded_ratio(1, top, 0) == bit_by_bit(1, top, 0));
  CHECK(icq::num::rounded_ratio(U128{3} << 60, U128{2} << 60, 0) == 1.5);
  CHECK(icq::num::rounded_ratio((U128{1} << 53) + 1, 1, 0) == 9007199254740992.0);  // a tie: to even
  CHECK(icq::num::rounded_ratio((U128{1} << 53) + 3, 1, 0) == 9007199254740996.0);
  CHECK_FALSE(icq::num::rounded_ratio(U128{1} << 125, 1, 0));
}
