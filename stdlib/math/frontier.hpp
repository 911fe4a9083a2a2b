#pragma once
// The Pareto frontier of SEMANTICS.md §2: a point survives iff no other point has both >= x
// (interactivity) and >= y (throughput per GPU). Result: x strictly ascending, y strictly descending.
#include <cstddef>
#include <span>
#include <vector>

namespace icq::math {

struct Point {
  double x = 0;           // median interactivity, tok/s/user
  double y = 0;           // throughput per GPU
  std::size_t index = 0;  // caller's row index; also the final tie-breaker among identical points
};

// Returns the frontier, x ascending. Points with non-finite x or y, or x <= 0, never enter it.
// Among identical (x, y) points, the one with the smallest `index` survives, so callers that pass
// points in a canonical order get a deterministic frontier.
std::vector<Point> upper_left_frontier(std::span<const Point> points);

}  // namespace icq::math
