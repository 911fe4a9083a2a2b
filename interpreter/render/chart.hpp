#pragma once
// One drawing model for every chart writer: a Result becomes a ChartSpec (panels with axes and
// ticks, series of measured points, curves, knots and target markers, the band, a legend, title and
// footer), which render/svg.cpp writes as SVG, render/braille.cpp as terminal braille and
// render/html.cpp inlines in a page. Everything here is data computed once, so every writer draws
// the same picture; nothing prints.
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "icq/result.hpp"

namespace icq::chart {

enum class Scale { linear, log };

struct Axis {
  std::string label;
  double lo = 0, hi = 1;  // the domain, in data units (days since the epoch for dates)
  Scale scale = Scale::linear;
  bool dates = false;
  std::vector<std::pair<double, std::string>> ticks;  // value, label
};

// A knot of a curve, or a point of a scatter or trend, with what hovering it says.
struct Knot {
  double x = 0, y = 0;
  std::string title;
};

// The value read at a target: drawn with the side's marker and labelled. `absent`: the target is
// out of the side's range: a hollow grey tick on the x axis, labelled "out of range".
struct Marker {
  double x = 0, y = 0;
  std::string label;  // "1,422.1", "$0.293", "out of range"
  bool absent = false;
  // Absent markers: their order along the axis at the target (render/svg.cpp places value labels).
  int slot = 0;
};

struct Series {
  std::string name;                               // the legend's text: "FP4"
  std::size_t style = 0;                          // palette colour and marker shape (render/chart: palette(), shape_of())
  std::vector<std::pair<double, double>> points;  // measured points, drawn faint
  // The curve through x-ascending knots: a cubic Hermite when there is a slope per knot (written
  // as the equivalent cubic Béziers, exactly d3.curveMonotoneX), else straight segments.
  std::vector<double> xs, ys, slopes;
  std::vector<Knot> knots;                      // drawn with the marker shape, each with a <title>
  std::vector<std::pair<double, double>> gaps;  // x ranges across a wide gap: the curve is dashed there
  std::vector<Marker> markers;
};

struct Panel {
  std::string title;  // "Throughput (tok/s/GPU)"
  std::string key;    // what the value axis shows: the metric's JSON key or the column's name
  Axis x, y;
  std::optional<std::pair<double, double>> band;  // shaded x range
  std::vector<double> guides;                     // dashed vertical lines (the targets)
  std::vector<Series> series;
};

struct Spec {
  Kind kind = Kind::compare;                                // compare, frontier, trend or points
  std::string title;                                        // the resolved query
  std::vector<std::pair<std::string, std::size_t>> legend;  // name, style
  bool gap_legend = false;                                  // a curve crosses a wide gap somewhere: the legend names the dashed line
  std::vector<Panel> panels;
  std::vector<std::string> footer;  // run dates, prices, the attribution
};

struct Options {
  bool log_x = false, log_y = false;
};

// The chart of a result: compare, frontier, trend and points have one; other kinds (and results
// without rows to draw) nullopt.
std::optional<Spec> build(const Result& r, const Options& o = {});

// The fixed qualitative palette (Okabe–Ito, colour-blind safe) and the marker shapes, by style.
const char* palette(std::size_t style);
enum class Shape { circle, square, triangle, diamond, triangle_down, cross };
Shape shape_of(std::size_t style);

// The axis transform: data value -> [0, 1] along the axis (log10 on log axes).
double unit(const Axis& a, double v);
// The cubic Hermite of a series' curve at x (x inside the knots), as the values are read.
double hermite_at(const Series& s, double x);

// A number as text with fixed decimals, "-0" never written; the coordinates of the writers.
std::string fixed(double v, int places);

}  // namespace icq::chart
