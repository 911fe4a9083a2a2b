#pragma once
// Monotone cubic Hermite interpolation with the slopes d3.curveMonotoneX computes (Steffen 1990),
// as SEMANTICS.md §3 specifies, including its end-slope rule: m_0 = (3 s_0 - m_1)/2 first, then
// m_{n-1} = (3 s_{n-2} - m_{n-2})/2, so two knots give end slopes 1.5 s and 0.75 s.
#include <optional>
#include <span>
#include <vector>

namespace icq::math {

class MonotoneSpline {
 public:
  // xs strictly ascending, ys the same length. Zero knots give an empty spline (nothing in range).
  MonotoneSpline(std::span<const double> xs, std::span<const double> ys);
  // The same, keeping the vectors it is given (a curve's splines are made per compare).
  MonotoneSpline(std::vector<double>&& xs, std::vector<double>&& ys);

  [[nodiscard]] bool in_range(double x) const noexcept;
  // Value at x, clamped into [min, max] of the knot values and >= 0; nullopt when x is outside
  // [x_0, x_{n-1}] (out of range is a status, never a fake value).
  [[nodiscard]] std::optional<double> at(double x) const;
  // The unclamped-in-x evaluation used by `clamp`: x outside the knots takes the edge knot's value.
  [[nodiscard]] double at_clamped(double x) const;

  [[nodiscard]] const std::vector<double>& slopes() const noexcept { return m_; }
  [[nodiscard]] std::size_t size() const noexcept { return x_.size(); }

 private:
  [[nodiscard]] double evaluate(double x) const;
  std::vector<double> x_, y_, m_;
  double lo_ = 0, hi_ = 0;  // min and max of the knot values
};

}  // namespace icq::math
