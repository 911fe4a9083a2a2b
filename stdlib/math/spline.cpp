#include "math/spline.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <utility>

namespace icq::math {

namespace {
double sign(double v) noexcept { return v < 0 ? -1.0 : 1.0; }  // sign(0) = +1, as d3
}  // namespace

MonotoneSpline::MonotoneSpline(std::span<const double> xs, std::span<const double> ys)
    : MonotoneSpline(std::vector<double>(xs.begin(), xs.end()), std::vector<double>(ys.begin(), ys.end())) {}

MonotoneSpline::MonotoneSpline(std::vector<double>&& xs, std::vector<double>&& ys)
    : x_(std::move(xs)), y_(std::move(ys)), m_(x_.size(), 0.0) {
  if (x_.size() != y_.size()) throw std::invalid_argument("spline: x and y differ in length");
  for (std::size_t i = 1; i < x_.size(); ++i)
    if (!(x_[i] > x_[i - 1])) throw std::invalid_argument("spline: knots must be strictly ascending in x");
  if (x_.empty()) return;
  lo_ = hi_ = y_.front();
  for (double y : y_) lo_ = std::min(lo_, y), hi_ = std::max(hi_, y);
  const std::size_t n = x_.size();
  if (n < 2) return;

  // A segment's width and secant slope, computed where needed rather than stored: the same
  // operations on the same knots, so the same values.
  const auto h = [&](std::size_t i) { return x_[i + 1] - x_[i]; };
  const auto s = [&](std::size_t i) { return (y_[i + 1] - y_[i]) / h(i); };
  for (std::size_t i = 1; i + 1 < n; ++i) {
    const double s0 = s(i - 1), s1 = s(i), h0 = h(i - 1), h1 = h(i);
    const double p = (s0 * h1 + s1 * h0) / (h0 + h1);
    const double m = (sign(s0) + sign(s1)) * std::min({std::abs(s0), std::abs(s1), 0.5 * std::abs(p)});
    m_[i] = std::isnan(m) ? 0.0 : m;
  }
  // Order matters: with two knots m_[1] is still 0 when m_[0] is computed.
  m_[0] = (3 * s(0) - m_[1]) / 2;
  m_[n - 1] = (3 * s(n - 2) - m_[n - 2]) / 2;
}

bool MonotoneSpline::in_range(double x) const noexcept { return !x_.empty() && x >= x_.front() && x <= x_.back(); }

double MonotoneSpline::evaluate(double x) const {
  const std::size_t n = x_.size();
  double v;
  if (n == 1) {
    v = y_[0];
  } else {
    // Bracketing segment [x_i, x_{i+1}] with x_i <= x.
    std::size_t i = static_cast<std::size_t>(std::upper_bound(x_.begin(), x_.end(), x) - x_.begin());
    i = i == 0 ? 0 : std::min(i - 1, n - 2);
    const double h = x_[i + 1] - x_[i];
    const double t = (x - x_[i]) / h;
    const double t2 = t * t, t3 = t2 * t;
    const double h00 = 2 * t3 - 3 * t2 + 1, h10 = t3 - 2 * t2 + t, h01 = -2 * t3 + 3 * t2, h11 = t3 - t2;
    v = h00 * y_[i] + h10 * h * m_[i] + h01 * y_[i + 1] + h11 * h * m_[i + 1];
  }
  return std::max(0.0, std::clamp(v, lo_, hi_));
}

std::optional<double> MonotoneSpline::at(double x) const {
  if (!in_range(x)) return std::nullopt;
  return evaluate(x);
}

double MonotoneSpline::at_clamped(double x) const {
  if (x_.empty()) throw std::logic_error("spline: no knots");
  return evaluate(std::clamp(x, x_.front(), x_.back()));
}

}  // namespace icq::math
