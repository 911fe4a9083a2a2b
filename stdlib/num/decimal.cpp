#include "num/decimal.hpp"

#include <fmt/format.h>

#include <array>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <limits>
#include <mutex>
#include <stdexcept>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>

namespace icq::num {

namespace {
bool valid_decimal_text(std::string_view t) {
  // [+-]? digits [. digits]? — the only form prices and overrides are written in.
  std::size_t i = 0;
  if (i < t.size() && (t[i] == '+' || t[i] == '-')) ++i;
  std::size_t digits = 0;
  while (i < t.size() && t[i] >= '0' && t[i] <= '9') ++i, ++digits;
  if (i < t.size() && t[i] == '.') {
    ++i;
    while (i < t.size() && t[i] >= '0' && t[i] <= '9') ++i, ++digits;
  }
  return digits > 0 && i == t.size();
}
}  // namespace

Decimal Decimal::parse(std::string_view text) {
  if (!valid_decimal_text(text)) throw std::invalid_argument("not a decimal number: '" + std::string(text) + "'");
  return Decimal(Backend(std::string(text)));
}

std::optional<std::string> fixed_unless_tie(double v, int places) {
  if (!(v >= 0) || places < 0 || places > 15) return std::nullopt;
  // 10^places, exact as doubles (what std::pow gives for them, without calling it).
  static constexpr std::array<double, 16> kPowers = {1e0, 1e1, 1e2,  1e3,  1e4,  1e5,  1e6,  1e7,
                                                     1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15};
  const double scaled = v * kPowers[static_cast<std::size_t>(places)];
  if (!(scaled < 9e15)) return std::nullopt;
  const double whole = std::floor(scaled), frac = scaled - whole;
  if (std::abs(frac - 0.5) <= 1e-12 * (scaled + 1)) return std::nullopt;
  std::string n = std::to_string(static_cast<long long>(whole) + (frac > 0.5 ? 1 : 0));
  if (places > 0) {
    const auto p = static_cast<std::size_t>(places);
    if (n.size() <= p) n.insert(0, p + 1 - n.size(), '0');
    n.insert(n.size() - p, ".");
  }
  return n;
}

std::string fixed(double v, int places) {
  if (std::signbit(v)) return fmt::format("{:.{}f}", v, places);  // fmt keeps the sign of -0.0
  if (auto fast = fixed_unless_tie(v, places)) return std::move(*fast);
  return fmt::format("{:.{}f}", v, places);
}

namespace {
// 2^e for -127 <= e <= 127, as Boost's own table holds it: read from its exact decimal digits
// (printf prints a power of two's binary value exactly; 2^-127 has 89 significant digits).
const Decimal::Backend& power_of_two(int e) {
  static std::array<std::once_flag, 255> made;
  static std::array<Decimal::Backend, 255> table;
  const auto i = static_cast<std::size_t>(e + 127);
  std::call_once(made[i], [&] {
    std::array<char, 160> digits{};
    std::snprintf(digits.data(), digits.size(), "%.100e", std::ldexp(1.0, e));
    table[i] = Decimal::Backend(digits.data());
  });
  return table[i];
}
}  // namespace

Decimal Decimal::from_double(double d) {
  if (!std::isfinite(d)) throw std::invalid_argument("non-finite value cannot become a decimal");
  // Boost's conversion, step for step, with only the power of two it needs instead of its whole
  // table (decimal.hpp): d's bits taken 30 at a time into the integer m, then m * 2^e, the one
  // rounding. The result is the same value, bit for bit (decimal_test checks it against Boost).
  const double a = std::abs(d);
  if (a == 0 || a == 1) return Decimal(Backend(d));
  int e = 0;
  double f = std::frexp(a, &e);
  constexpr int kShift = std::numeric_limits<int>::digits - 1;
  std::uint64_t m = 0;
  while (f != 0) {
    f = std::ldexp(f, kShift);
    const double term = std::floor(f);
    e -= kShift;
    m = (m << kShift) + static_cast<std::uint64_t>(term);
    f -= term;
  }
  if (e < -127 || e > 127) return Decimal(Backend(d));  // beyond the table: Boost's own way
  Backend v(m);
  if (e != 0) v *= power_of_two(e);
  return Decimal(d < 0 ? Backend(-v) : v);
}

Decimal Decimal::from_int(long long i) { return Decimal(Backend(i)); }

namespace {
// The backend's digits, as its serialize() hands them out (the only public view of them): the
// value is data[0] * 10^exp + data[1] * 10^(exp - 8) + ..., each element 8 decimal digits.
struct Digits {
  std::array<std::uint32_t, 16> data{};
  std::size_t elements = 0;
  std::int32_t exp = 0;
  bool neg = false, finite = true;
  template <class T>
  Digits& operator&(const boost::nvp<T>& p) {
    const std::string_view name = p.name();
    if constexpr (std::is_same_v<T, std::uint32_t>) {
      if (elements < data.size()) data[elements++] = p.value();
    } else if constexpr (std::is_same_v<T, bool>) {
      neg = p.value();
    } else if constexpr (std::is_enum_v<T>) {
      finite = p.value() == T{};  // cpp_dec_float_finite
    } else if (name == "exponent") {
      exp = static_cast<std::int32_t>(p.value());
    }
    return *this;
  }
};

// str(30, scientific) writes 30 digits after the point: 31 significant digits.
constexpr std::size_t kToDoubleDigits = 31;

// `d`'s value rounded half to even to 31 significant digits, as "D.DDD…e±X": the text the
// backend's str(30, scientific) gives, without its string streams (most of to_double's time).
std::string thirty_one_digits(const Digits& d) {
  std::string all = std::to_string(d.data[0]);
  const auto lead = static_cast<std::int32_t>(all.size()) - 1;  // the first digit is 10^(exp + lead)
  for (std::size_t i = 1; i < d.elements; ++i) {
    const std::string e = std::to_string(d.data[i]);
    all.append(8 - e.size(), '0').append(e);
  }
  std::int32_t exponent = d.exp + lead;
  if (all.size() > kToDoubleDigits) {
    const char next = all[kToDoubleDigits];
    const bool rest_zero = all.find_first_not_of('0', kToDoubleDigits + 1) == std::string::npos;
    const bool odd = (all[kToDoubleDigits - 1] - '0') % 2 == 1;
    const bool up = next > '5' || (next == '5' && (!rest_zero || odd));
    all.resize(kToDoubleDigits);
    if (up) {
      std::size_t i = kToDoubleDigits;
      while (i > 0 && all[i - 1] == '9') all[--i] = '0';
      if (i == 0) all.insert(all.begin(), '1'), all.pop_back(), ++exponent;
      else ++all[i - 1];
    }
  }
  return all.substr(0, 1) + "." + all.substr(1) + "e" + std::to_string(exponent);
}
}  // namespace

double Decimal::to_double() const {
  // Through 31 significant digits and a correctly rounded reading: fewer instructions than the
  // backend's own conversion. The 50-digit value rounded to 31 digits lies within 1e-30 of it, far
  // inside half an ulp of any double unless it sits on a midpoint to 14 digits beyond double
  // precision. decimal_test checks this against the backend's own 30-digit text and strtod.
  Digits d;
  Backend::backend_type copy = v_.backend();
  copy.serialize(d, 0);
  if (!d.finite || d.elements == 0 || d.data[0] == 0) return v_.convert_to<double>();
  const std::string text = thirty_one_digits(d);
  double out = 0;
  if (std::from_chars(text.data(), text.data() + text.size(), out).ec != std::errc{})
    out = std::strtod(text.c_str(), nullptr);  // beyond a double's range: strtod's infinity or zero
  return d.neg ? -out : out;
}

namespace {
// (10^p, 10^-p): powers of ten are exact in a decimal backend, so Decimal::round scales back by
// multiplying with 10^-p instead of dividing (a division is a Newton iteration). Made once each,
// at first use, for the places callers use (up to 40: the verdicts settle ratios at 40).
using Powers = std::pair<Decimal::Backend, Decimal::Backend>;
Powers make_powers_of_ten(int p) {
  return {Decimal::Backend(boost::multiprecision::pow(Decimal::Backend(10), p)), Decimal::Backend("1e" + std::to_string(-p))};
}
constexpr int kMaxCachedPlaces = 50;
const Powers* cached_powers_of_ten(int p) {
  if (p < -kMaxCachedPlaces || p > kMaxCachedPlaces) return nullptr;
  static std::array<std::once_flag, 2 * kMaxCachedPlaces + 1> made;
  static std::array<Powers, 2 * kMaxCachedPlaces + 1> table;
  const auto i = static_cast<std::size_t>(p + kMaxCachedPlaces);
  std::call_once(made[i], [&] { table[i] = make_powers_of_ten(p); });
  return &table[i];
}
}  // namespace

Decimal Decimal::round(int places) const {
  static const Backend half("0.5");
  Powers computed;
  const Powers* powers = cached_powers_of_ten(places);
  if (!powers) powers = &(computed = make_powers_of_ten(places));
  const Backend scaled = v_ * powers->first;
  const Backend r =
      scaled >= 0 ? Backend(boost::multiprecision::floor(scaled + half)) : Backend(-boost::multiprecision::floor(-scaled + half));
  return Decimal(r * powers->second);
}

std::string Decimal::fixed(int places) const {
  const Decimal r = round(places);
  // After exact rounding the value has at most `places` decimals, so fixed formatting is exact.
  // str(0, fixed) would print every digit the backend holds; cut integers at the point instead.
  std::string s = r.v_.str(places > 0 ? places : 1, std::ios_base::fixed);
  if (places <= 0) s = s.substr(0, s.find('.'));
  if (s == "-0" || s.rfind("-0.", 0) == 0) {
    bool all_zero = true;
    for (char c : s.substr(1))
      if (c != '0' && c != '.') all_zero = false;
    if (all_zero) s.erase(0, 1);
  }
  return s;
}

long long Decimal::round_to_integer() const { return round(0).v_.convert_to<long long>(); }

std::string Decimal::str() const {
  // Fixed form with every digit the backend holds, then trailing zeros trimmed.
  std::string full = v_.str(50, std::ios_base::fixed);
  if (full.find('.') != std::string::npos) {
    while (full.back() == '0') full.pop_back();
    if (full.back() == '.') full.pop_back();
  }
  return full == "-0" ? "0" : full;
}

}  // namespace icq::num
