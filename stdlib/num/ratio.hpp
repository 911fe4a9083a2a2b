#pragma once
// Ratios of integers and of doubles, exact: divided in 128-bit integers, rounded once. The
// economic values (catalog/economics) and the verdicts' ratios (phrase/verdict) read their
// doubles and rounded percentages from here instead of 50-digit decimal divisions, which were
// most of a warm compare; the numbers are the exact values', not approximations of them.
#include <cstdint>
#include <optional>
#include <string>

namespace icq::num {

__extension__ typedef unsigned __int128 U128;  // GCC and Clang on 64-bit targets

int bit_length(U128 v) noexcept;
U128 pow10(int n) noexcept;  // n <= 38

// a / b · 2^k rounded to the nearest double, ties to even; nothing unless a, b > 0 and both
// under 2^126.
std::optional<double> rounded_ratio(U128 a, U128 b, int k) noexcept;

// A positive rational num / den · 2^exp2, held exactly: a double (den 1), or a cost from its price
// and throughput (catalog::exact_cost).
struct Exact {
  U128 num = 1, den = 1;
  int exp2 = 0;
};
std::optional<Exact> exact_of(double x) noexcept;  // a positive normal double
std::optional<double> to_double(const Exact& x) noexcept;

// x / y as integers a / b, the power of two folded into one of them; nothing when either would
// reach 2^113 (so a hundred times either still fits, and twice that).
struct IntegerRatio {
  U128 a, b;
};
std::optional<IntegerRatio> ratio_of(const Exact& x, const Exact& y) noexcept;

// a / b rounded half up to an integer (a >= 0, b > 0, a < 2^126).
long long round_half_up(U128 a, U128 b) noexcept;

// The decimal digits of v ("0" for 0).
std::string digits_of(U128 v);

}  // namespace icq::num
