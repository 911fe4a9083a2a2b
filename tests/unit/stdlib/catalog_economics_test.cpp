// The economic values without decimals (economic_double: the formula's exact rational divided in
// 128-bit integers, rounded once) are the doubles nearest the 50-digit decimals' value: checked
// against both neighbours in decimals. The decimals' own double (Decimal::to_double, which rounds
// to 31 digits first) differs from it by one unit in the last place at an exact tie between two
// doubles, which it breaks by its 31st digit where economic_double rounds to even; a `given`
// that is not a plain decimal falls back to the decimals.
#include <catch2/catch.hpp>

#include <cmath>
#include <random>

#include <fmt/format.h>

#include "catalog/economics.hpp"

using icq::catalog::MetricKind;
using icq::num::Decimal;

namespace {

double by_decimals(MetricKind k, double tput, const std::string& given) {
  return icq::catalog::economic_value(k, Decimal::from_double(tput), Decimal::parse(given)).to_double();
}

constexpr MetricKind kKinds[] = {MetricKind::cost, MetricKind::tokens_per_dollar, MetricKind::power, MetricKind::joules};

}  // namespace

TEST_CASE("economics: economic_double is the double nearest the exact value", "[catalog][economics]") {
  std::mt19937_64 rng(22);
  std::uniform_real_distribution<double> exponent(-2, 6), unit(0.05, 20);
  std::uniform_int_distribution<int> places(0, 5);
  int compared = 0, same_as_to_double = 0;
  for (int i = 0; i < 5000; ++i) {
    const double t = std::pow(10.0, exponent(rng));
    const int p = places(rng);
    const std::string given = fmt::format("{:.{}f}", unit(rng), p);  // "2.10", "1.4", "12"
    for (const MetricKind k : kKinds) {
      const auto fast = icq::catalog::economic_double(k, t, given);
      if (!fast) continue;  // nothing: economic_value_of takes the decimals' path (the next case)
      INFO(fmt::format("kind {} tput {:a} given {}", static_cast<int>(k), t, given));
      const Decimal exact = icq::catalog::economic_value(k, Decimal::from_double(t), Decimal::parse(given));
      const auto distance = [&](double d) {
        const Decimal diff = Decimal::from_double(d) - exact;
        return diff < Decimal::from_int(0) ? Decimal::from_int(0) - diff : diff;
      };
      // Nearest, or at an exact tie (a product of a double and a small integer often is one) as
      // near as the neighbour, to the decimals' last digits.
      const Decimal hair = exact * Decimal::parse("0." + std::string(39, '0') + "1");  // 1e-40
      CHECK(distance(*fast) <= distance(std::nextafter(*fast, 0.0)) + hair);
      CHECK(distance(*fast) <= distance(std::nextafter(*fast, INFINITY)) + hair);
      const double old = exact.to_double();
      CHECK((old == *fast || old == std::nextafter(*fast, old)));
      same_as_to_double += old == *fast;
      ++compared;
    }
  }
  CHECK(compared > 18000);
  CHECK(same_as_to_double > compared * 99 / 100);
}

TEST_CASE("economics: exact cases and ties come out exactly", "[catalog][economics]") {
  CHECK(icq::catalog::economic_double(MetricKind::cost, 1000, "3.6").value() == 1.0);
  CHECK(icq::catalog::economic_double(MetricKind::tokens_per_dollar, 1000, "2").value() == 1.8e6);
  CHECK(icq::catalog::economic_double(MetricKind::power, 2500, "1.25").value() == 2e6);
  CHECK(icq::catalog::economic_double(MetricKind::joules, 0.5, "1.4").value() == 2800);
  // A quotient that is not a double: one third rounds to the nearest double, as division does.
  CHECK(icq::catalog::economic_double(MetricKind::joules, 3000, "1").value() == 1.0 / 3);
}

TEST_CASE("economics: a given that is not a plain decimal falls back to the decimals", "[catalog][economics]") {
  for (const char* given : {"1e3", "-2", "", ".", "1.2.3", "2,10", "123456789012345678901", "1.0000000000001"}) {
    INFO(given);
    CHECK_FALSE(icq::catalog::economic_double(MetricKind::cost, 100, given).has_value());
  }
  // 13 places: the decimals' path, through economic_value_of.
  CHECK(icq::catalog::economic_value_of(MetricKind::cost, 100, "1.0000000000001") == by_decimals(MetricKind::cost, 100, "1.0000000000001"));
  CHECK_FALSE(icq::catalog::economic_double(MetricKind::cost, 0, "2").has_value());
  CHECK_THROWS_AS(icq::catalog::economic_double(MetricKind::throughput, 1, "1"), std::logic_error);
}
