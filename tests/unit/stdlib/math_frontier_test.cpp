// SEMANTICS.md §2: the upper-left Pareto frontier. A point survives iff no other point has both
// >= x (interactivity) and >= y (throughput per GPU); the result is x strictly ascending, y strictly
// descending. Points with x <= 0 or non-finite x/y never enter it (§1).
#include <catch2/catch.hpp>

#include <cmath>
#include <limits>
#include <vector>

#include "math/frontier.hpp"

using icq::math::Point;
using icq::math::upper_left_frontier;

namespace {

std::vector<std::size_t> indices(const std::vector<Point>& f) {
  std::vector<std::size_t> out;
  for (const auto& p : f) out.push_back(p.index);
  return out;
}

void require_strictly_monotone(const std::vector<Point>& f) {
  for (std::size_t i = 1; i < f.size(); ++i) {
    REQUIRE(f[i].x > f[i - 1].x);
    REQUIRE(f[i].y < f[i - 1].y);
  }
}

}  // namespace

TEST_CASE("frontier: dominated points drop out, survivors come out x ascending", "[frontier]") {
  // (10, 900) (20, 500) (40, 100) are the trade-off curve; (15, 400) is dominated by (20, 500),
  // (30, 90) by (40, 100), (5, 800) by (10, 900).
  const std::vector<Point> pts = {{40, 100, 0}, {15, 400, 1}, {10, 900, 2}, {30, 90, 3}, {20, 500, 4}, {5, 800, 5}};
  const auto f = upper_left_frontier(pts);
  REQUIRE(indices(f) == std::vector<std::size_t>{2, 4, 0});
  REQUIRE(f[0].x == 10);
  REQUIRE(f[0].y == 900);
  REQUIRE(f[2].x == 40);
  REQUIRE(f[2].y == 100);
  require_strictly_monotone(f);
}

TEST_CASE("frontier: a point that beats every other on both axes is the whole frontier", "[frontier]") {
  const std::vector<Point> pts = {{10, 100, 0}, {20, 200, 1}, {50, 500, 2}, {30, 50, 3}};
  const auto f = upper_left_frontier(pts);
  REQUIRE(indices(f) == std::vector<std::size_t>{2});
}

TEST_CASE("frontier: no points, or only unusable ones, give an empty frontier", "[frontier]") {
  REQUIRE(upper_left_frontier(std::vector<Point>{}).empty());
  const double nan = std::numeric_limits<double>::quiet_NaN();
  const double inf = std::numeric_limits<double>::infinity();
  const std::vector<Point> bad = {{0, 100, 0}, {-5, 100, 1}, {nan, 100, 2}, {10, nan, 3}, {inf, 100, 4}, {10, inf, 5}};
  REQUIRE(upper_left_frontier(bad).empty());
}

TEST_CASE("frontier: non-finite values and x <= 0 are excluded even when they would dominate", "[frontier]") {
  const double nan = std::numeric_limits<double>::quiet_NaN();
  const double inf = std::numeric_limits<double>::infinity();
  // (inf, 1e9) and (1e9, inf) would dominate everything; (0, 1e9) and (-1, 1e9) would sit at the
  // top-left. None of them may enter.
  const std::vector<Point> pts = {{inf, 1e9, 0}, {1e9, inf, 1}, {0, 1e9, 2}, {-1, 1e9, 3}, {nan, nan, 4}, {10, 300, 5}, {20, 200, 6}};
  const auto f = upper_left_frontier(pts);
  REQUIRE(indices(f) == std::vector<std::size_t>{5, 6});
}

TEST_CASE("frontier: a very small positive x is kept", "[frontier]") {
  const std::vector<Point> pts = {{1e-9, 1000, 0}, {10, 10, 1}};
  REQUIRE(indices(upper_left_frontier(pts)) == std::vector<std::size_t>{0, 1});
}

TEST_CASE("frontier ties: identical points keep exactly one, the smallest index", "[frontier]") {
  const std::vector<Point> pts = {{10, 100, 7}, {10, 100, 3}, {10, 100, 5}, {20, 50, 1}};
  const auto f = upper_left_frontier(pts);
  REQUIRE(indices(f) == std::vector<std::size_t>{3, 1});
}

TEST_CASE("frontier ties: equal x keeps the higher y", "[frontier]") {
  const std::vector<Point> pts = {{10, 100, 0}, {10, 300, 1}, {10, 200, 2}, {20, 50, 3}};
  const auto f = upper_left_frontier(pts);
  REQUIRE(indices(f) == std::vector<std::size_t>{1, 3});
  require_strictly_monotone(f);
}

TEST_CASE("frontier ties: equal y keeps the higher x", "[frontier]") {
  const std::vector<Point> pts = {{10, 100, 0}, {30, 100, 1}, {20, 100, 2}, {5, 400, 3}};
  const auto f = upper_left_frontier(pts);
  REQUIRE(indices(f) == std::vector<std::size_t>{3, 1});
  require_strictly_monotone(f);
}

TEST_CASE("frontier: the result does not depend on the input order", "[frontier]") {
  std::vector<Point> pts = {{12, 700, 0}, {18, 650, 1}, {18, 650, 2}, {25, 300, 3}, {25, 310, 4},
                            {40, 120, 5}, {7, 700, 6},  {60, 20, 7},  {55, 10, 8}};
  const auto expected = indices(upper_left_frontier(pts));
  REQUIRE(expected == std::vector<std::size_t>{0, 1, 4, 5, 7});
  std::vector<Point> reversed(pts.rbegin(), pts.rend());
  REQUIRE(indices(upper_left_frontier(reversed)) == expected);
  std::vector<Point> rotated(pts.begin() + 4, pts.end());
  rotated.insert(rotated.end(), pts.begin(), pts.begin() + 4);
  REQUIRE(indices(upper_left_frontier(rotated)) == expected);
}

TEST_CASE("frontier: every non-surviving point is dominated, every survivor is not (brute force)", "[frontier]") {
  // A deterministic pseudo-random cloud with many ties on both axes.
  std::vector<Point> pts;
  unsigned s = 12345;
  for (std::size_t i = 0; i < 300; ++i) {
    s = s * 1103515245u + 12345u;
    const double x = 1 + (s >> 16) % 40;
    s = s * 1103515245u + 12345u;
    const double y = 1 + (s >> 16) % 40;
    pts.push_back({x, y, i});
  }
  const auto f = upper_left_frontier(pts);
  REQUIRE(!f.empty());
  require_strictly_monotone(f);
  auto dominated = [&](const Point& p) {
    for (const auto& q : pts)
      if (q.index != p.index && q.x >= p.x && q.y >= p.y && (q.x > p.x || q.y > p.y)) return true;
    return false;
  };
  std::vector<bool> on(pts.size(), false);
  for (const auto& p : f) on[p.index] = true;
  for (const auto& p : pts) {
    if (on[p.index]) {
      REQUIRE_FALSE(dominated(p));
    } else if (!dominated(p)) {
      // Not dominated but not on the frontier: only allowed as an identical copy of a survivor
      // with a larger index.
      bool copy = false;
      for (const auto& q : f) copy = copy || (q.x == p.x && q.y == p.y && q.index < p.index);
      REQUIRE(copy);
    }
  }
}
