// SEMANTICS.md §3: the monotone cubic Hermite spline with d3.curveMonotoneX slopes.
#include <catch2/catch.hpp>

#include <stdexcept>
#include <vector>

#include "math/spline.hpp"

using icq::math::MonotoneSpline;

namespace {

// The cubic Hermite basis on one segment, unclamped, written exactly as the spline evaluates it,
// so a test can see what the raw polynomial gives before the clamp.
double raw_hermite(double x0, double x1, double y0, double y1, double m0, double m1, double x) {
  const double h = x1 - x0;
  const double t = (x - x0) / h;
  const double t2 = t * t, t3 = t2 * t;
  const double h00 = 2 * t3 - 3 * t2 + 1, h10 = t3 - 2 * t2 + t, h01 = -2 * t3 + 3 * t2, h11 = t3 - t2;
  return h00 * y0 + h10 * h * m0 + h01 * y1 + h11 * h * m1;
}

}  // namespace

TEST_CASE("two knots: end slopes are 1.5*s and 0.75*s, not a straight line", "[spline]") {
  const std::vector<double> xs = {0, 2}, ys = {10, 6};
  const MonotoneSpline s(xs, ys);
  const double slope = (6.0 - 10.0) / 2.0;
  REQUIRE(s.slopes()[0] == Approx(1.5 * slope));
  REQUIRE(s.slopes()[1] == Approx(0.75 * slope));
  // Hermite at the midpoint: 0.5*10 + 0.125*2*(-3) + 0.5*6 - 0.125*2*(-1.5) = 7.625 (a line gives 8).
  REQUIRE(*s.at(1.0) == Approx(7.625));
}

TEST_CASE("two knots, rising: slopes 1.5*s and 0.75*s and the value at a quarter", "[spline]") {
  const std::vector<double> xs = {10, 14}, ys = {100, 300};
  const MonotoneSpline s(xs, ys);
  REQUIRE(s.size() == 2);
  REQUIRE(s.slopes()[0] == 75.0);  // s = 50
  REQUIRE(s.slopes()[1] == 37.5);
  // t = 0.25: h00 = 0.84375, h10 = 0.140625, h01 = 0.15625, h11 = -0.046875, h = 4
  // 0.84375*100 + 0.140625*4*75 + 0.15625*300 - 0.046875*4*37.5 = 84.375 + 42.1875 + 46.875 - 7.03125
  REQUIRE(*s.at(11.0) == Approx(166.40625));
}

TEST_CASE("three knots: interior slope by the Steffen formula, ends from it", "[spline]") {
  // h = 1, 2; s = 2, 0.5; p = (2*2 + 0.5*1)/3 = 1.5; m1 = (1+1)*min(2, 0.5, 0.75) = 1.0
  // m0 = (3*2 - 1)/2 = 2.5; m2 = (3*0.5 - 1)/2 = 0.25
  const std::vector<double> xs = {0, 1, 3}, ys = {0, 2, 3};
  const MonotoneSpline s(xs, ys);
  REQUIRE(s.slopes().size() == 3);
  REQUIRE(s.slopes()[0] == Approx(2.5));
  REQUIRE(s.slopes()[1] == Approx(1.0));
  REQUIRE(s.slopes()[2] == Approx(0.25));
  // Segment [1, 3] at x = 2 (t = 0.5, h = 2): 0.5*2 + 0.125*2*1 + 0.5*3 - 0.125*2*0.25 = 2.6875
  REQUIRE(*s.at(2.0) == Approx(2.6875));
}

TEST_CASE("three knots: the 0.5*|p| term can be the smallest", "[spline]") {
  // h = 1, 1; s = 1, 1.2; p = (1*1 + 1.2*1)/2 = 1.1; min(1, 1.2, 0.55) = 0.55 -> m1 = 2*0.55 = 1.1
  const std::vector<double> xs = {0, 1, 2}, ys = {0, 1, 2.2};
  const MonotoneSpline s(xs, ys);
  REQUIRE(s.slopes()[1] == Approx(1.1));
  REQUIRE(s.slopes()[0] == Approx((3 * 1.0 - 1.1) / 2));
  REQUIRE(s.slopes()[2] == Approx((3 * 1.2 - 1.1) / 2));
}

TEST_CASE("three knots: a sign change of the secants gives an interior slope of 0", "[spline]") {
  // s = 2, -1: sign(2) + sign(-1) = 0 -> m1 = 0; m0 = (6 - 0)/2 = 3; m2 = (-3 - 0)/2 = -1.5
  const std::vector<double> xs = {0, 1, 2}, ys = {0, 2, 1};
  const MonotoneSpline s(xs, ys);
  REQUIRE(s.slopes()[1] == 0.0);
  REQUIRE(s.slopes()[0] == Approx(3.0));
  REQUIRE(s.slopes()[2] == Approx(-1.5));
}

TEST_CASE("three knots: a flat secant (sign(0) = +1) next to a rising one gives slope 0", "[spline]") {
  // s = 0, 3: (sign(0) + sign(3)) = 2 with sign(0) = +1, times min(0, 3, 0.75) = 0 -> m1 = 0.
  const std::vector<double> xs = {0, 1, 2}, ys = {5, 5, 8};
  const MonotoneSpline s(xs, ys);
  REQUIRE(s.slopes()[1] == 0.0);
  REQUIRE(s.slopes()[0] == 0.0);          // (3*0 - 0)/2
  REQUIRE(s.slopes()[2] == Approx(4.5));  // (3*3 - 0)/2
  // The flat segment stays flat.
  REQUIRE(*s.at(0.5) == 5.0);
}

TEST_CASE("three knots: a flat secant followed by a falling one also gives slope 0", "[spline]") {
  const std::vector<double> xs = {0, 1, 2}, ys = {5, 5, 2};
  const MonotoneSpline s(xs, ys);
  REQUIRE(s.slopes()[1] == 0.0);
  REQUIRE(s.slopes()[2] == Approx(-4.5));
}

TEST_CASE("evaluation at every knot returns the knot's value", "[spline]") {
  const std::vector<double> xs = {3.5, 7.25, 12, 20, 33.3, 50}, ys = {5000, 4100.5, 2500, 1200.25, 300, 12.5};
  const MonotoneSpline s(xs, ys);
  for (std::size_t i = 0; i < xs.size(); ++i) {
    INFO("knot " << i);
    REQUIRE(s.in_range(xs[i]));
    REQUIRE(*s.at(xs[i]) == Approx(ys[i]).epsilon(1e-12));
  }
}

TEST_CASE("a monotone decreasing data set gives a monotone decreasing curve", "[spline]") {
  const std::vector<double> xs = {10, 15, 40, 41, 90}, ys = {2000, 1900, 800, 780, 10};
  const MonotoneSpline s(xs, ys);
  double prev = *s.at(10);
  for (double x = 10.25; x <= 90; x += 0.25) {
    const double v = *s.at(x);
    INFO("x = " << x);
    REQUIRE(v <= prev + 1e-9);
    prev = v;
  }
}

TEST_CASE("one knot: its own value at the knot, nothing elsewhere", "[spline]") {
  const std::vector<double> xs = {5}, ys = {42};
  const MonotoneSpline s(xs, ys);
  REQUIRE(*s.at(5.0) == 42.0);
  REQUIRE_FALSE(s.at(5.1).has_value());
  REQUIRE_FALSE(s.at(4.9).has_value());
  REQUIRE(s.at_clamped(1.0) == 42.0);
  REQUIRE(s.at_clamped(100.0) == 42.0);
}

TEST_CASE("outside the knots there is no value unless clamped", "[spline]") {
  const std::vector<double> xs = {10, 20, 40}, ys = {900, 500, 100};
  const MonotoneSpline s(xs, ys);
  REQUIRE_FALSE(s.at(9.99).has_value());
  REQUIRE_FALSE(s.at(40.01).has_value());
  REQUIRE_FALSE(s.in_range(9.99));
  REQUIRE(s.in_range(10));
  REQUIRE(s.in_range(40));
  REQUIRE(s.at_clamped(5) == 900);
  REQUIRE(s.at_clamped(50) == 100);
  REQUIRE(*s.at(10) == 900);
  REQUIRE(*s.at(40) == 100);
  // Inside the range at_clamped is the ordinary value.
  REQUIRE(s.at_clamped(30) == *s.at(30));
}

TEST_CASE("an empty spline has nothing in range and at_clamped refuses", "[spline]") {
  const std::vector<double> none;
  const MonotoneSpline s(none, none);
  REQUIRE(s.size() == 0);
  REQUIRE_FALSE(s.in_range(0));
  REQUIRE_FALSE(s.at(0).has_value());
  REQUIRE_THROWS_AS(s.at_clamped(1.0), std::logic_error);
}

TEST_CASE("knots must be strictly ascending and the same length", "[spline]") {
  const std::vector<double> xs = {1, 2, 2}, ys = {3, 2, 1};
  REQUIRE_THROWS_AS(MonotoneSpline(xs, ys), std::invalid_argument);
  const std::vector<double> desc = {3, 2, 1};
  REQUIRE_THROWS_AS(MonotoneSpline(desc, ys), std::invalid_argument);
  const std::vector<double> short_ys = {1, 2};
  const std::vector<double> ok_xs = {1, 2, 3};
  REQUIRE_THROWS_AS(MonotoneSpline(ok_xs, short_ys), std::invalid_argument);
}

TEST_CASE("clamp: where the raw Hermite lands above the knots' max it is pulled back to it", "[spline]") {
  // A flat pair of knots: the exact polynomial is the constant 0.1, but in binary floating point
  // h00*0.1 + h01*0.1 exceeds 0.1 at some t (e.g. x = 0.009 on [0, 3]). The spline must clamp the
  // result into [min, max] of the knot values, so it returns exactly 0.1 everywhere.
  const std::vector<double> xs = {0, 3}, ys = {0.1, 0.1};
  const MonotoneSpline s(xs, ys);
  REQUIRE(s.slopes()[0] == 0.0);
  REQUIRE(s.slopes()[1] == 0.0);
  int above = 0, below = 0;
  for (int k = 1; k < 1000; ++k) {
    const double x = k / 1000.0 * 3.0;
    const double raw = raw_hermite(0, 3, 0.1, 0.1, 0, 0, x);
    above += raw > 0.1;
    below += raw < 0.1;
    INFO("x = " << x << ", raw Hermite = " << raw);
    REQUIRE(*s.at(x) == 0.1);
  }
  // The case really exercises the clamp in both directions.
  REQUIRE(above > 0);
  REQUIRE(below > 0);
  REQUIRE(raw_hermite(0, 3, 0.1, 0.1, 0, 0, 0.009) > 0.1);
}

TEST_CASE("clamp: results are never negative", "[spline]") {
  // Knot values below zero (never seen in real data, but the rule is >= 0): every value is 0.
  const std::vector<double> xs = {1, 2, 4}, ys = {-5, -3, -1};
  const MonotoneSpline s(xs, ys);
  REQUIRE(*s.at(1) == 0.0);
  REQUIRE(*s.at(3) == 0.0);
  REQUIRE(s.at_clamped(10) == 0.0);
  // Values straddling zero: the negative part is cut at 0, the positive part survives.
  const std::vector<double> ys2 = {-4, 0, 8};
  const MonotoneSpline s2(xs, ys2);
  REQUIRE(*s2.at(1) == 0.0);
  REQUIRE(*s2.at(1.5) == 0.0);
  REQUIRE(*s2.at(4) == 8.0);
  REQUIRE(*s2.at(3) > 0.0);
}

TEST_CASE("every evaluation lies within the knot values (dense sweep over real-looking data)", "[spline]") {
  const std::vector<double> xs = {16.2, 22.9, 31.4, 45.0, 63.3, 88.8, 120.0, 179.9},
                            ys = {2950.0, 2800.5, 2400.0, 2390.0, 1500.0, 900.0, 899.0, 120.0};
  const MonotoneSpline s(xs, ys);
  for (double x = xs.front(); x <= xs.back(); x += 0.05) {
    const double v = *s.at(x);
    INFO("x = " << x);
    REQUIRE(v >= 120.0);
    REQUIRE(v <= 2950.0);
  }
}
