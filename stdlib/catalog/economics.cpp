#include "catalog/economics.hpp"

#include <cmath>
#include <cstdint>
#include <stdexcept>
#include <utility>

#include "num/ratio.hpp"

namespace icq::catalog {

num::Decimal economic_value(MetricKind kind, const num::Decimal& tput, const num::Decimal& given) {
  using num::Decimal;
  // Parsed once: a warm compare evaluates these at every target and knot. Dividing by 10^6 is
  // written as a product with 10^-6, an exact shift in a decimal backend (a division costs a
  // Newton iteration).
  static const Decimal seconds_per_hour = Decimal::from_int(3600), per_million = Decimal::parse("0.000001"),
                       thousand = Decimal::from_int(1000);
  switch (kind) {
    case MetricKind::cost: return given / (tput * seconds_per_hour * per_million);
    case MetricKind::tokens_per_dollar: return tput * seconds_per_hour / given;
    case MetricKind::power: return tput * thousand / given;
    case MetricKind::joules: return given * thousand / tput;
    default: break;
  }
  throw std::logic_error("economic_value: not an economic metric");
}

namespace {

using num::pow10;
using num::rounded_ratio;
using num::U128;

// "2.10" as 210 and 2 places; nothing for a sign, an exponent, over 20 digits or 12 places (which
// keeps every product below 2^128).
std::optional<std::pair<U128, int>> plain_decimal(std::string_view s) {
  U128 digits = 0;
  int places = 0, count = 0;
  bool dot = false;
  for (const char c : s) {
    if (c == '.' && !dot) {
      dot = true;
      continue;
    }
    if (c < '0' || c > '9' || ++count > 20) return std::nullopt;
    digits = digits * 10 + static_cast<unsigned>(c - '0');
    places += dot;
  }
  if (count == 0 || places > 12) return std::nullopt;
  return std::pair{digits, places};
}

}  // namespace

std::optional<num::Exact> exact_cost(double tput, std::string_view price) {
  const auto g = plain_decimal(price);
  const auto t = num::exact_of(tput);  // tput = m · 2^e
  if (!g || !t || g->first == 0) return std::nullopt;
  const auto [d, places] = *g;  // price = d / 10^places
  // d / 10^p / (m 2^e · 3600 / 10^6)
  if (places <= 6) return num::Exact{d * pow10(6 - places), 3600 * t->num, -t->exp2};
  return num::Exact{d, 3600 * t->num * pow10(places - 6), -t->exp2};
}

std::optional<double> economic_double(MetricKind kind, double tput, std::string_view given) {
  if (kind == MetricKind::cost) {
    const auto c = exact_cost(tput, given);
    return c ? num::to_double(*c) : std::nullopt;
  }
  const auto g = plain_decimal(given);
  const auto t = num::exact_of(tput);  // tput = m · 2^e
  if (!g || !t) return std::nullopt;
  const auto [d, places] = *g;  // given = d / 10^places
  const U128 m = t->num;
  const int e = t->exp2;
  switch (kind) {
    case MetricKind::tokens_per_dollar: return rounded_ratio(3600 * m * pow10(places), d, e);
    case MetricKind::power: return rounded_ratio(1000 * m * pow10(places), d, e);
    case MetricKind::joules: return rounded_ratio(1000 * d, m * pow10(places), -e);
    default: break;
  }
  throw std::logic_error("economic_double: not an economic metric");
}

double economic_value_of(MetricKind kind, double tput, std::string_view given) {
  if (const auto v = economic_double(kind, tput, given)) return *v;
  return economic_value(kind, num::Decimal::from_double(tput), num::Decimal::parse(given)).to_double();
}

}  // namespace icq::catalog
