#include "math/frontier.hpp"

#include <algorithm>
#include <cmath>

namespace icq::math {

std::vector<Point> upper_left_frontier(std::span<const Point> points) {
  std::vector<Point> candidates;
  candidates.reserve(points.size());
  for (const Point& p : points)
    if (std::isfinite(p.x) && std::isfinite(p.y) && p.x > 0) candidates.push_back(p);

  // Sweep from the highest x down: a point survives iff its y beats every y seen at a higher x.
  // Sorting x descending, ties y descending, then index ascending puts the survivor of each
  // group of equal x first; later members of the group cannot beat it.
  std::sort(candidates.begin(), candidates.end(), [](const Point& a, const Point& b) {
    if (a.x != b.x) return a.x > b.x;
    if (a.y != b.y) return a.y > b.y;
    return a.index < b.index;
  });
  // The survivors are kept in place, at the front: one allocation per frontier.
  std::size_t kept = 0;
  for (const Point& p : candidates) {
    if (kept == 0 || p.y > candidates[kept - 1].y) candidates[kept++] = p;
  }
  candidates.resize(kept);
  std::reverse(candidates.begin(), candidates.end());
  return candidates;
}

}  // namespace icq::math
