// The economic formulas in doubles (economic_value_approx, used only to rank a side's lines) stay
// within a few units in the last place of the exact decimals, so re-ranking the lines within 1e-9
// of the leader on exact values always finds the exact winner.
#include <catch2/catch.hpp>

#include <cmath>
#include <random>

#include "catalog/economics.hpp"

using icq::catalog::MetricKind;
using icq::num::Decimal;

TEST_CASE("economics: the double formulas agree with the exact ones to a few ulps", "[catalog][economics]") {
  std::mt19937_64 rng(22);
  std::uniform_real_distribution<double> tput_exp(-1, 5), price(0.5, 12);
  double worst = 0;
  for (int i = 0; i < 5000; ++i) {
    const double t = std::pow(10.0, tput_exp(rng));
    const double g = std::round(price(rng) * 100) / 100;  // a catalog price: cents
    const std::string given = std::to_string(g);
    for (const MetricKind k : {MetricKind::cost, MetricKind::tokens_per_dollar, MetricKind::power, MetricKind::joules}) {
      const double exact = icq::catalog::economic_value(k, Decimal::from_double(t), Decimal::parse(given)).to_double();
      const double approx = icq::catalog::economic_value_approx(k, t, std::stod(given));
      REQUIRE(exact > 0);
      worst = std::max(worst, std::abs(approx - exact) / exact);
    }
  }
  CHECK(worst > 0);      // the two paths do differ in the last place somewhere
  CHECK(worst < 1e-14);  // far inside the 1e-9 band best_single re-ranks exactly
}

TEST_CASE("economics: both formulas refuse a kind that is not economic", "[catalog][economics]") {
  CHECK_THROWS_AS(icq::catalog::economic_value_approx(MetricKind::throughput, 1, 1), std::logic_error);
  CHECK_THROWS_AS(icq::catalog::economic_value(MetricKind::throughput, Decimal::from_int(1), Decimal::from_int(1)), std::logic_error);
}
