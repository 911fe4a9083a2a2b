#pragma once
// Ratios of integers and of doubles, exact: divided in 128-bit integers, rounded once. The
// economic values (catalog/economics) and the verdicts' ratios (phrase/verdict) read their
// doubles and rounded percentages from here instead of 50-digit decimal divisions, which were
// most of a warm compare; the numbers are the exact values', not approximations of them.
#include <cstdint>
#include <optional>

namespace icq::num {

__extension__ typedef unsigned __int128 U128;  // GCC and Clang on 64-bit targets

int bit_length(U128 v) noexcept;
U128 pow10(int n) noexcept;  // n <= 38

// a / b · 2^k rounded to the nearest double, ties to even; nothing unless a, b > 0 and b < 2^72.
std::optional<double> rounded_ratio(U128 a, U128 b, int k) noexcept;

// x / y of two positive normal doubles as integers over a common power of two: x / y = a / b
// exactly, each at most 53 + 60 bits; nothing when their exponents are further apart than 60.
struct IntegerRatio {
  U128 a, b;
};
std::optional<IntegerRatio> integer_ratio(double x, double y) noexcept;

// a / b rounded half up to an integer (a >= 0, b > 0, a < 2^126).
long long round_half_up(U128 a, U128 b) noexcept;

}  // namespace icq::num
