#pragma once
// Exact decimal arithmetic for the numbers a person reads: prices, costs, ratios, percentages and
// their rounding. Prices enter as decimal strings ("2.808"), never through binary floating point;
// measured values enter through their exact binary value. 50 significant digits.
#include <boost/core/nvp.hpp>  // before the backend: its serialize() names boost::make_nvp
#include <boost/multiprecision/cpp_dec_float.hpp>

// Boost makes its table of 255 powers of two (from text: about 700,000 instructions, 9% of a cold
// compare) in a static initializer, so every process that loads icq paid for it, needed or not.
// Every constant the initializer touches is a function-local static, made (thread-safely) at its
// first use without it; Decimal::from_double needs none of the table. This must be seen before
// any use of the backend: this header is the only one that includes it.
template <>
inline boost::multiprecision::backends::cpp_dec_float<50, int, void>::initializer::initializer() {}

#include <optional>
#include <string>
#include <string_view>

namespace icq::num {

// A non-negative double with `places` decimals (0 to 15), rounded half up on its exact binary
// value, when that value is not within a hair of a tie: then the double's own arithmetic decides
// (its error, below 2^-52 of the scaled value, is far inside the margin), which is what most
// numbers a person reads need. nullopt near a tie, for negative or huge values: take an exact path.
std::optional<std::string> fixed_unless_tie(double v, int places);

// fmt's "{:.Nf}" of v, the same text: fixed_unless_tie where it decides, fmt itself near a tie and
// for negative, huge or non-finite values. Notes print many interactivities this way.
std::string fixed(double v, int places);

class Decimal {
 public:
  using Backend = boost::multiprecision::cpp_dec_float_50;

  Decimal() = default;
  explicit Decimal(Backend v) : v_(std::move(v)) {}
  static Decimal parse(std::string_view text);  // throws std::invalid_argument on malformed input
  static Decimal from_double(double d);         // the double's binary value, to 50 digits
  static Decimal from_int(long long i);

  [[nodiscard]] double to_double() const;
  [[nodiscard]] const Backend& raw() const noexcept { return v_; }

  // Round half away from zero to `places` decimals (half-up for the non-negative values we show).
  [[nodiscard]] Decimal round(int places) const;
  // Fixed notation with exactly `places` decimals after rounding half-up.
  [[nodiscard]] std::string fixed(int places) const;
  // Integer value after rounding half-up (for "N%" and "~N").
  [[nodiscard]] long long round_to_integer() const;
  // Shortest plain text that represents the value exactly (e.g. "1.48", "2.808").
  [[nodiscard]] std::string str() const;

  friend Decimal operator+(const Decimal& a, const Decimal& b) { return Decimal(a.v_ + b.v_); }
  friend Decimal operator-(const Decimal& a, const Decimal& b) { return Decimal(a.v_ - b.v_); }
  friend Decimal operator*(const Decimal& a, const Decimal& b) { return Decimal(a.v_ * b.v_); }
  friend Decimal operator/(const Decimal& a, const Decimal& b) { return Decimal(a.v_ / b.v_); }
  friend bool operator<(const Decimal& a, const Decimal& b) { return a.v_ < b.v_; }
  friend bool operator>(const Decimal& a, const Decimal& b) { return a.v_ > b.v_; }
  friend bool operator<=(const Decimal& a, const Decimal& b) { return a.v_ <= b.v_; }
  friend bool operator>=(const Decimal& a, const Decimal& b) { return a.v_ >= b.v_; }
  friend bool operator==(const Decimal& a, const Decimal& b) { return a.v_ == b.v_; }

 private:
  Backend v_{0};
};

}  // namespace icq::num
