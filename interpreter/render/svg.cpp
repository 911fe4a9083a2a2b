// ChartSpec -> SVG. Layout: the title (the resolved query, wrapped), the legend, the panels stacked
// (one per shown metric), the footer. Coordinates have two decimals.
#include "render/svg.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <optional>
#include <string_view>

#include "text/text.hpp"

namespace icq::chart {

namespace {

constexpr double kWidth = 960, kLeft = 84, kRight = 28, kPanelHeight = 360, kPanelTop = 30, kPanelBottom = 46;
constexpr const char* kFont = "DejaVu Sans, Verdana, Arial, sans-serif";

std::string esc(std::string_view s) { return text::xml_escape(s); }

std::string f2(double v) { return fixed(v, 2); }

// Words into lines of at most `width` characters (a long query wraps at spaces).
std::vector<std::string> wrap(const std::string& text, std::size_t width) {
  std::vector<std::string> lines;
  std::string line;
  std::size_t p = 0;
  while (p < text.size()) {
    std::size_t q = text.find(' ', p);
    if (q == std::string::npos) q = text.size();
    const std::string word = text.substr(p, q - p);
    if (!line.empty() && line.size() + 1 + word.size() > width) lines.push_back(line), line.clear();
    line += (line.empty() ? "" : " ") + word;
    p = q + 1;
  }
  if (!line.empty()) lines.push_back(line);
  return lines;
}

// A marker shape centred at (x, y) of radius r.
std::string shape(Shape s, double x, double y, double r, const std::string& attrs) {
  switch (s) {
    case Shape::circle: return fmt::format(R"(<circle cx="{}" cy="{}" r="{}" {}/>)", f2(x), f2(y), f2(r), attrs);
    case Shape::square:
      return fmt::format(R"(<rect x="{}" y="{}" width="{}" height="{}" {}/>)", f2(x - r * 0.85), f2(y - r * 0.85), f2(r * 1.7), f2(r * 1.7),
                         attrs);
    case Shape::triangle:
      return fmt::format(R"(<path d="M{} {}L{} {}L{} {}Z" {}/>)", f2(x), f2(y - r * 1.1), f2(x + r), f2(y + r * 0.75), f2(x - r),
                         f2(y + r * 0.75), attrs);
    case Shape::diamond:
      return fmt::format(R"(<path d="M{} {}L{} {}L{} {}L{} {}Z" {}/>)", f2(x), f2(y - r * 1.2), f2(x + r), f2(y), f2(x), f2(y + r * 1.2),
                         f2(x - r), f2(y), attrs);
    case Shape::triangle_down:
      return fmt::format(R"(<path d="M{} {}L{} {}L{} {}Z" {}/>)", f2(x), f2(y + r * 1.1), f2(x + r), f2(y - r * 0.75), f2(x - r),
                         f2(y - r * 0.75), attrs);
    case Shape::cross: {
      const double a = r * 0.35;
      return fmt::format(R"(<path d="M{} {}H{}V{}H{}V{}H{}V{}H{}V{}H{}V{}Z" {}/>)", f2(x - a), f2(y - r), f2(x + a), f2(y - a), f2(x + r),
                         f2(y + a), f2(x + a), f2(y + r), f2(x - a), f2(y + a), f2(x - r), f2(y - a), attrs);
    }
  }
  return {};
}

struct Frame {
  double x0, x1, y0, y1;  // pixel range: x left -> right, y bottom -> top
  const Panel* p;
  [[nodiscard]] double px(double v) const { return x0 + unit(p->x, v) * (x1 - x0); }
  [[nodiscard]] double py(double v) const { return y0 + unit(p->y, v) * (y1 - y0); }
};

// ---- Where the value labels go -------------------------------------------------------------------
// Text is measured as a viewer would draw it, without a font at hand: each character 0.62 em wide
// (DejaVu Sans digits are 0.64 em, commas and points narrower), from 0.8 em above the baseline to
// 0.25 em below. tests/charts/check_charts.py reads the SVG's text back with the same measure and
// fails on any overlap of a value label with a tick label, a title or another value label.
constexpr double kEmWidth = 0.62, kAscent = 0.8, kDescent = 0.25, kValueFont = 11, kTickFont = 11;

struct Box {
  double x0, y0, x1, y1;  // left, top, right, bottom
  [[nodiscard]] bool overlaps(const Box& o) const { return x0 < o.x1 && o.x0 < x1 && y0 < o.y1 && o.y0 < y1; }
};

double text_width(std::string_view s, double size) {
  const auto chars = std::count_if(s.begin(), s.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; });  // UTF-8
  return static_cast<double>(chars) * kEmWidth * size;
}

// A horizontal text's box: `anchor` start, middle or end at x.
Box text_box(std::string_view s, double size, double x, double baseline, char anchor) {
  const double w = text_width(s, size);
  const double left = anchor == 's' ? x : anchor == 'm' ? x - w / 2 : x - w;
  return {left, baseline - kAscent * size, left + w, baseline + kDescent * size};
}

// An absent marker's label: rotated -90° about its start, rising from (x, baseline).
Box rising_box(std::string_view s, double size, double x, double baseline) {
  return {x - kAscent * size, baseline - text_width(s, size), x + kDescent * size, baseline};
}

// A value label placed: its baseline, and which side of the marker it is on.
struct LabelAt {
  double x = 0, y = 0;
  bool left = false;  // text-anchor end, left of the marker (at the plot's right edge)
};

std::string absent_text(const Series& s) { return s.name + " out of range"; }

double absent_x(const Frame& f, const Marker& m) { return f.px(m.x) - 6 - 14.0 * m.slot; }

// Every value label of a panel, placed in the order of the targets and, at each, of the values
// (highest first): the first spot nearest its marker (above it, else just below, then further away)
// whose box stays inside the plot and meets no tick label, title, marker or label placed before.
// A label too wide for the right of its marker goes to its left. When the plot has no free spot
// left in the label's column, it takes the nearest one regardless.
std::vector<std::vector<LabelAt>> place_labels(const Panel& p, const Frame& f, double title_y) {
  std::vector<Box> taken;
  for (const auto& [v, label] : p.x.ticks)
    if (const double x = f.px(v); x >= f.x0 - 0.5 && x <= f.x1 + 0.5) taken.push_back(text_box(label, kTickFont, x, f.y0 + 15, 'm'));
  for (const auto& [v, label] : p.y.ticks)
    if (const double y = f.py(v); y <= f.y0 + 0.5 && y >= f.y1 - 0.5) taken.push_back(text_box(label, kTickFont, f.x0 - 6, y + 4, 'e'));
  taken.push_back(text_box(p.title, 13, kLeft, title_y, 's'));
  struct Pending {
    std::size_t series, marker;
    double x, y;
  };
  std::vector<Pending> pending;
  std::vector<std::vector<LabelAt>> at(p.series.size());
  for (std::size_t s = 0; s < p.series.size(); ++s) {
    at[s].resize(p.series[s].markers.size());
    for (std::size_t m = 0; m < p.series[s].markers.size(); ++m) {
      const Marker& mk = p.series[s].markers[m];
      if (mk.absent) {
        taken.push_back(rising_box(absent_text(p.series[s]), kValueFont, absent_x(f, mk) + 4, f.y0 - 9));
        continue;
      }
      const double x = f.px(mk.x), y = f.py(mk.y);
      taken.push_back({x - 6.5, y - 7, x + 6.5, y + 7});  // the marker itself
      pending.push_back({s, m, x, y});
    }
  }
  std::stable_sort(pending.begin(), pending.end(),
                   [](const Pending& a, const Pending& b) { return a.x < b.x || (a.x == b.x && a.y < b.y); });
  for (const auto& l : pending) {
    const std::string& text = p.series[l.series].markers[l.marker].label;
    const bool left = l.x + 8 + text_width(text, kValueFont) > f.x1;
    const double tx = left ? l.x - 8 : l.x + 8;
    const auto box_at = [&](double baseline) { return text_box(text, kValueFont, tx, baseline, left ? 'e' : 's'); };
    const auto fits = [&](double baseline) {
      const Box b = box_at(baseline);
      if (b.y0 < f.y1 || b.y1 > f.y0) return false;
      return std::none_of(taken.begin(), taken.end(), [&](const Box& o) { return o.overlaps(b); });
    };
    // Candidates by distance from the two preferred spots (just above the marker, just below it).
    const double above = l.y - 8, below = l.y + 16;
    std::optional<double> chosen;
    for (double d = 0; d <= f.y0 - f.y1 && !chosen; d += 1) {
      for (const double c : {above - d, below + d})
        if (fits(c)) {
          chosen = c;
          break;
        }
    }
    const double lowest = f.y0 - kDescent * kValueFont, highest = f.y1 + kAscent * kValueFont;
    const double baseline = chosen ? *chosen : std::clamp(above, highest, lowest);
    taken.push_back(box_at(baseline));
    at[l.series][l.marker] = {tx, baseline, left};
  }
  return at;
}

// The curve's path: exact cubic Béziers of the Hermite segments on linear axes (control points
// at the thirds: y ± h·m/3, which is what d3.curveMonotoneX draws), dense samples on log axes,
// straight segments for curves without slopes.
// `gaps`: the segments across a wide gap (drawn dashed, SEMANTICS.md §12) when true, the others when
// false; the path moves over the segments it leaves out.
std::string curve_path(const Series& s, const Frame& f, bool gaps) {
  const auto& xs = s.xs;
  if (xs.size() < 2) return {};
  std::string d;
  const bool cubic = s.slopes.size() == xs.size();
  const bool linear_axes = f.p->x.scale == Scale::linear && f.p->y.scale == Scale::linear;
  std::size_t end = xs.size();  // the knot the path has reached; a move when the next segment starts elsewhere
  for (std::size_t i = 0; i + 1 < xs.size(); ++i) {
    const double mid = (xs[i] + xs[i + 1]) / 2;
    const bool in_gap = std::any_of(s.gaps.begin(), s.gaps.end(), [&](const auto& g) { return mid > g.first && mid < g.second; });
    if (in_gap != gaps) continue;
    if (end != i) d += fmt::format("M{} {}", f2(f.px(xs[i])), f2(f.py(s.ys[i])));
    end = i + 1;
    const double h = xs[i + 1] - xs[i];
    if (cubic && linear_axes) {
      d += fmt::format("C{} {} {} {} {} {}", f2(f.px(xs[i] + h / 3)), f2(f.py(s.ys[i] + h * s.slopes[i] / 3)), f2(f.px(xs[i + 1] - h / 3)),
                       f2(f.py(s.ys[i + 1] - h * s.slopes[i + 1] / 3)), f2(f.px(xs[i + 1])), f2(f.py(s.ys[i + 1])));
    } else if (cubic) {
      for (int k = 1; k <= 24; ++k) {
        const double x = xs[i] + h * k / 24;
        d += fmt::format("L{} {}", f2(f.px(x)), f2(f.py(hermite_at(s, x))));
      }
    } else {
      d += fmt::format("L{} {}", f2(f.px(xs[i + 1])), f2(f.py(s.ys[i + 1])));
    }
  }
  return d;
}

std::string axis_attrs(const char* name, const Axis& a, double from, double to) {
  return fmt::format(R"( data-{0}-domain="{1} {2}" data-{0}-range="{3} {4}" data-{0}-scale="{5}")", name, fmt::format("{}", a.lo),
                     fmt::format("{}", a.hi), f2(from), f2(to), a.scale == Scale::log ? "log" : "linear");
}

// FNV-1a: clip-path ids from the chart's own text, unique across the SVGs of one HTML page.
std::uint64_t fnv(std::string_view s) {
  std::uint64_t h = 1469598103934665603ull;
  for (unsigned char c : s) h = (h ^ c) * 1099511628211ull;
  return h;
}

void panel(std::string& o, const Panel& p, Kind kind, double top, const std::string& clip_id) {
  const Frame f{kLeft, kWidth - kRight, top + kPanelHeight - kPanelBottom, top + kPanelTop, &p};
  o += fmt::format(R"(<g class="panel" data-title="{}" data-metric="{}"{}{}>)", esc(p.title), esc(p.key), axis_attrs("x", p.x, f.x0, f.x1),
                   axis_attrs("y", p.y, f.y0, f.y1));
  o += "\n";
  o += fmt::format(R"(<text class="panel-title" x="{}" y="{}" font-size="13" font-weight="bold" fill="#222">{}</text>)", f2(kLeft),
                   f2(top + 18), esc(p.title)) +
       "\n";
  const auto labels = place_labels(p, f, top + 18);
  o += fmt::format(R"(<rect class="plot-area" x="{}" y="{}" width="{}" height="{}" fill="#fbfbfb" stroke="#999" stroke-width="1"/>)",
                   f2(f.x0), f2(f.y1), f2(f.x1 - f.x0), f2(f.y0 - f.y1)) +
       "\n";
  o += fmt::format(R"(<clipPath id="{}"><rect x="{}" y="{}" width="{}" height="{}"/></clipPath>)", clip_id, f2(f.x0 - 5), f2(f.y1 - 5),
                   f2(f.x1 - f.x0 + 10), f2(f.y0 - f.y1 + 10)) +
       "\n";
  if (p.band) {
    const double a = std::clamp(f.px(p.band->first), f.x0, f.x1), b = std::clamp(f.px(p.band->second), f.x0, f.x1);
    o +=
        fmt::format(
            R"(<rect class="band" x="{}" y="{}" width="{}" height="{}" fill="#000000" fill-opacity="0.06"><title>band {}–{} tok/s/user: where every side was measured</title></rect>)",
            f2(a), f2(f.y1), f2(b - a), f2(f.y0 - f.y1), fixed(p.band->first, 1), fixed(p.band->second, 1)) +
        "\n";
  }
  // Grid and ticks.
  o += R"(<g class="axis x" font-size="11" fill="#333" text-anchor="middle">)";
  for (const auto& [v, label] : p.x.ticks) {
    const double x = f.px(v);
    if (x < f.x0 - 0.5 || x > f.x1 + 0.5) continue;
    o += fmt::format(R"(<line x1="{0}" y1="{1}" x2="{0}" y2="{2}" stroke="#e3e3e3"/><text x="{0}" y="{3}">{4}</text>)", f2(x), f2(f.y0),
                     f2(f.y1), f2(f.y0 + 15), esc(label));
  }
  o += fmt::format(R"(<text class="axis-label" x="{}" y="{}" font-size="12">{}</text></g>)", f2((f.x0 + f.x1) / 2), f2(f.y0 + 34),
                   esc(p.x.label)) +
       "\n";
  o += R"(<g class="axis y" font-size="11" fill="#333" text-anchor="end">)";
  for (const auto& [v, label] : p.y.ticks) {
    const double y = f.py(v);
    if (y > f.y0 + 0.5 || y < f.y1 - 0.5) continue;
    o += fmt::format(R"(<line x1="{0}" y1="{1}" x2="{2}" y2="{1}" stroke="#e3e3e3"/><text x="{3}" y="{4}">{5}</text>)", f2(f.x0), f2(y),
                     f2(f.x1), f2(f.x0 - 6), f2(y + 4), esc(label));
  }
  o += fmt::format(
           R"svg(<text class="axis-label" transform="translate({} {}) rotate(-90)" text-anchor="middle" font-size="12">{}</text></g>)svg",
           f2(18), f2((f.y0 + f.y1) / 2), esc(p.y.label)) +
       "\n";
  for (double g : p.guides) {
    const double x = f.px(g);
    if (x < f.x0 || x > f.x1) continue;
    o += fmt::format(R"(<line class="target-line" data-x="{0}" x1="{1}" y1="{2}" x2="{1}" y2="{3}" stroke="#777" stroke-dasharray="4 3"/>)",
                     fmt::format("{}", g), f2(x), f2(f.y0), f2(f.y1)) +
         "\n";
  }
  for (std::size_t si = 0; si < p.series.size(); ++si) {
    const Series& s = p.series[si];
    const std::string colour = palette(s.style);
    const Shape sh = shape_of(s.style);
    o += fmt::format(R"(<g class="series" data-side="{}" data-style="{}">)", esc(s.name), s.style) + "\n";
    o += fmt::format(R"svg(<g clip-path="url(#{})">)svg", clip_id);
    if (!s.points.empty()) {
      o += fmt::format(R"(<g class="measured" fill="{}" fill-opacity="0.28">)", colour);
      for (const auto& [x, y] : s.points) o += fmt::format(R"(<circle cx="{}" cy="{}" r="2.5"/>)", f2(f.px(x)), f2(f.py(y)));
      o += "</g>\n";
    }
    if (const std::string d = curve_path(s, f, false); !d.empty()) {
      const char* cls = kind == Kind::compare || kind == Kind::frontier ? "frontier" : "trend-line";
      o += fmt::format(R"(<path class="{}" data-side="{}" d="{}" fill="none" stroke="{}" stroke-width="2.2"/>)", cls, esc(s.name), d,
                       colour) +
           "\n";
    }
    if (const std::string d = curve_path(s, f, true); !d.empty())  // across a wide gap: nothing was measured there
      o +=
          fmt::format(
              R"(<path class="gap" data-side="{}" d="{}" fill="none" stroke="{}" stroke-width="2.2" stroke-dasharray="7 5"><title>{}: across a wide gap, nothing measured</title></path>)",
              esc(s.name), d, colour, esc(s.name)) +
          "\n";
    if (!s.knots.empty()) {
      o += R"(<g class="knots">)";
      const double r = kind == Kind::compare ? 2.8 : 4.2;
      for (const auto& k : s.knots) {
        const std::string attrs = fmt::format(R"(class="knot" data-x="{}" data-y="{}" fill="{}" stroke="#ffffff" stroke-width="0.8")",
                                              fmt::format("{}", k.x), fmt::format("{}", k.y), colour);
        std::string el = shape(sh, f.px(k.x), f.py(k.y), r, attrs);
        // The hover label: <title> inside the shape element.
        el = el.substr(0, el.size() - 2) + "><title>" + esc(k.title) + "</title></" + el.substr(1, el.find(' ') - 1) + ">";
        o += el;
      }
      o += "</g>\n";
    }
    o += "</g>\n";
    if (!s.markers.empty()) {
      o += R"(<g class="targets" font-size="11">)";
      for (std::size_t mi = 0; mi < s.markers.size(); ++mi) {
        const Marker& m = s.markers[mi];
        const double x = f.px(m.x);
        if (m.absent) {
          // A hollow grey marker on the x axis, its label rising along the target's line.
          const double ax = absent_x(f, m);
          o += shape(sh, ax, f.y0, 4.5,
                     fmt::format(R"(class="target-absent" data-x="{}" fill="#ffffff" stroke="#9a9a9a" stroke-width="1.4")",
                                 fmt::format("{}", m.x)));
          o += fmt::format(R"svg(<text class="absent-label" transform="translate({} {}) rotate(-90)" fill="#8a8a8a">{}</text>)svg",
                           f2(ax + 4), f2(f.y0 - 9), esc(absent_text(s)));
          continue;
        }
        const double y = f.py(m.y);
        o += shape(sh, x, y, 5.5,
                   fmt::format(R"(class="target-marker" data-x="{}" data-y="{}" fill="{}" stroke="#222" stroke-width="1.2")",
                               fmt::format("{}", m.x), fmt::format("{}", m.y), colour));
        const LabelAt& l = labels[si][mi];
        o += fmt::format(
            R"(<text class="value-label" x="{}" y="{}"{} fill="#111" stroke="#ffffff" stroke-width="3" paint-order="stroke">{}</text>)",
            f2(l.x), f2(l.y), l.left ? R"( text-anchor="end")" : "", esc(m.label));
      }
      o += "</g>\n";
    }
    o += "</g>\n";
  }
  o += "</g>\n";
}

}  // namespace

std::string svg(const Spec& spec) {
  const auto title = wrap(spec.title, 118);
  const double title_h = 14 + 18.0 * static_cast<double>(title.size());
  const double legend_h = spec.legend.empty() ? 0 : 24;
  const double panels_top = title_h + legend_h + 4;
  const double footer_top = panels_top + kPanelHeight * static_cast<double>(spec.panels.size());
  const double height = footer_top + 8 + 15.0 * static_cast<double>(spec.footer.size());
  std::string o = fmt::format(
      R"(<svg xmlns="http://www.w3.org/2000/svg" class="icq-chart" data-kind="{}" width="{}" height="{}" viewBox="0 0 {} {}" font-family="{}">)",
      kind_name(spec.kind), f2(kWidth), f2(height), f2(kWidth), f2(height), kFont);
  o += "\n<title>" + esc(spec.title) + "</title>\n";
  o += fmt::format(R"(<rect width="{}" height="{}" fill="#ffffff"/>)", f2(kWidth), f2(height)) + "\n";
  o += R"(<g class="title" font-size="14" fill="#111">)";
  for (std::size_t i = 0; i < title.size(); ++i)
    o += fmt::format(R"(<text x="16" y="{}">{}</text>)", f2(22 + 18.0 * static_cast<double>(i)), esc(title[i]));
  o += "</g>\n";
  if (!spec.legend.empty()) {
    o += R"(<g class="legend" font-size="12" fill="#111">)";
    double x = kLeft;
    const double y = title_h + 12;
    for (const auto& [name, style] : spec.legend) {
      o += fmt::format(R"(<g class="legend-item" data-side="{}"><line x1="{}" y1="{}" x2="{}" y2="{}" stroke="{}" stroke-width="2.2"/>)",
                       esc(name), f2(x), f2(y), f2(x + 22), f2(y), palette(style));
      o += shape(shape_of(style), x + 11, y, 4.5, fmt::format(R"(fill="{}" stroke="#222" stroke-width="1")", palette(style)));
      o += fmt::format(R"(<text x="{}" y="{}">{}</text></g>)", f2(x + 28), f2(y + 4), esc(name));
      x += 44 + 7.2 * static_cast<double>(name.size());
    }
    if (spec.gap_legend) {
      constexpr std::string_view text = "across a wide gap: nothing measured";
      o += fmt::format(
          R"(<g class="legend-item legend-gap"><line x1="{}" y1="{}" x2="{}" y2="{}" stroke="#555" stroke-width="2.2" stroke-dasharray="7 5"/>)",
          f2(x), f2(y), f2(x + 22), f2(y));
      o += fmt::format(R"(<text x="{}" y="{}">{}</text></g>)", f2(x + 28), f2(y + 4), text);
    }
    o += "</g>\n";
  }
  const std::uint64_t id = fnv(std::string(kind_name(spec.kind)) + "\n" + spec.title);
  for (std::size_t i = 0; i < spec.panels.size(); ++i)
    panel(o, spec.panels[i], spec.kind, panels_top + kPanelHeight * static_cast<double>(i), fmt::format("icq-clip-{:016x}-{}", id, i));
  o += R"(<g class="footer" font-size="11" fill="#555">)";
  for (std::size_t i = 0; i < spec.footer.size(); ++i)
    o += fmt::format(R"(<text x="16" y="{}">{}</text>)", f2(footer_top + 12 + 15.0 * static_cast<double>(i)), esc(spec.footer[i]));
  o += "</g>\n</svg>\n";
  return o;
}

std::string svg_without_chart(const std::string& title, const std::string& why) {
  const auto lines = wrap(title, 118);
  const double height = 40 + 18.0 * static_cast<double>(lines.size());
  std::string o = fmt::format(
      R"(<svg xmlns="http://www.w3.org/2000/svg" class="icq-chart" data-kind="none" width="{}" height="{}" viewBox="0 0 {} {}" font-family="{}">)",
      f2(kWidth), f2(height), f2(kWidth), f2(height), kFont);
  o += "\n<title>" + esc(title) + "</title>\n";
  o += fmt::format(R"(<rect width="{}" height="{}" fill="#ffffff"/>)", f2(kWidth), f2(height)) + "\n<g font-size=\"14\" fill=\"#111\">";
  for (std::size_t i = 0; i < lines.size(); ++i)
    o += fmt::format(R"(<text x="16" y="{}">{}</text>)", f2(22 + 18.0 * static_cast<double>(i)), esc(lines[i]));
  o += fmt::format(R"(<text x="16" y="{}" fill="#777">{}</text></g>)", f2(height - 10), esc(why)) + "\n</svg>\n";
  return o;
}

}  // namespace icq::chart
