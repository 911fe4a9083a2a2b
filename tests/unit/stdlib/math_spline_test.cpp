// SEMANTICS.md §3: the monotone cubic Hermite spline with d3.curveMonotoneX slopes.
#include <catch2/catch.hpp>

#include <vector>

#include "math/spline.hpp"

using icq::math::MonotoneSpline;

TEST_CASE("two knots: end slopes are 1.5*s and 0.75*s, not a straight line", "[spline]") {
  const std::vector<double> xs = {0, 2}, ys = {10, 6};
  const MonotoneSpline s(xs, ys);
  const double slope = (6.0 - 10.0) / 2.0;
  REQUIRE(s.slopes()[0] == Approx(1.5 * slope));
  REQUIRE(s.slopes()[1] == Approx(0.75 * slope));
  // Hermite at the midpoint: 0.5*10 + 0.125*2*(-3) + 0.5*6 - 0.125*2*(-1.5) = 7.625 (a line gives 8).
  REQUIRE(*s.at(1.0) == Approx(7.625));
}

TEST_CASE("one knot: its own value at the knot, nothing elsewhere", "[spline]") {
  const std::vector<double> xs = {5}, ys = {42};
  const MonotoneSpline s(xs, ys);
  REQUIRE(*s.at(5.0) == 42.0);
  REQUIRE_FALSE(s.at(5.1).has_value());
  REQUIRE_FALSE(s.at(4.9).has_value());
}

TEST_CASE("outside the knots there is no value unless clamped", "[spline]") {
  const std::vector<double> xs = {10, 20, 40}, ys = {900, 500, 100};
  const MonotoneSpline s(xs, ys);
  REQUIRE_FALSE(s.at(9.99).has_value());
  REQUIRE_FALSE(s.at(40.01).has_value());
  REQUIRE(s.at_clamped(5) == 900);
  REQUIRE(s.at_clamped(50) == 100);
  REQUIRE(*s.at(10) == 900);
  REQUIRE(*s.at(40) == 100);
}
