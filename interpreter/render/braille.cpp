// ChartSpec -> braille. Each panel: its title, the plot (y tick labels in a left gutter, braille
// dots for measured points and curves, the side's marker glyph at each target, a hollow glyph on
// the x axis where a target is out of range), the x axis with its ticks; then the legend, the
// values at the targets, and the footer.
#include "render/braille.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "render/text_table.hpp"

namespace icq::chart {

namespace {

// The palette as ANSI 256 colours (nearest to Okabe–Ito's).
const char* ansi(std::size_t style) {
  static const char* const codes[] = {"\x1b[38;5;25m",  "\x1b[38;5;214m", "\x1b[38;5;36m", "\x1b[38;5;166m",
                                      "\x1b[38;5;175m", "\x1b[38;5;74m",  "\x1b[38;5;244m"};
  return codes[style % std::size(codes)];
}
constexpr const char* kGrey = "\x1b[38;5;245m";
constexpr const char* kOff = "\x1b[0m";

const char* glyph(Shape s, bool hollow) {
  switch (s) {
    case Shape::circle: return hollow ? "○" : "●";
    case Shape::square: return hollow ? "□" : "■";
    case Shape::triangle: return hollow ? "△" : "▲";
    case Shape::diamond: return hollow ? "◇" : "◆";
    case Shape::triangle_down: return hollow ? "▽" : "▼";
    case Shape::cross: return hollow ? "+" : "✚";
  }
  return "*";
}

// UTF-8 of a code point in the braille block.
std::string braille_char(unsigned bits) {
  const unsigned cp = 0x2800 + bits;
  std::string s;
  s += static_cast<char>(0xE0 | (cp >> 12));
  s += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
  s += static_cast<char>(0x80 | (cp & 0x3F));
  return s;
}

using out::display_width;  // display columns of UTF-8 text (render/text_table)

// Text wrapped at spaces into lines of at most `width` columns (each line with its newline).
std::string wrapped(const std::string& text, std::size_t width, const char* on, const char* off) {
  std::string out, line;
  std::size_t p = 0;
  while (p <= text.size()) {
    std::size_t q = text.find(' ', p);
    if (q == std::string::npos) q = text.size();
    const std::string word = text.substr(p, q - p);
    if (!line.empty() && display_width(line) + 1 + display_width(word) > width) out += on + line + off + "\n", line.clear();
    line += (line.empty() ? "" : " ") + word;
    p = q + 1;
  }
  if (!line.empty()) out += on + line + off + "\n";
  return out;
}

struct Canvas {
  int w, h;  // cells
  std::vector<unsigned> bits;
  std::vector<int> colour;  // style + 1, 0: none, -1: grey
  std::vector<std::string> glyphs;
  Canvas(int w_, int h_) : w(w_), h(h_), bits(static_cast<std::size_t>(w_ * h_), 0), colour(bits.size(), 0), glyphs(bits.size()) {}
  void dot(int px, int py, int c) {  // py from the top
    if (px < 0 || py < 0 || px >= w * 2 || py >= h * 4) return;
    static const unsigned map[4][2] = {{0x01, 0x08}, {0x02, 0x10}, {0x04, 0x20}, {0x40, 0x80}};
    const std::size_t i = static_cast<std::size_t>((py / 4) * w + px / 2);
    bits[i] |= map[py % 4][px % 2];
    if (c != 0 && (colour[i] <= 0 || c > 0)) colour[i] = c;
  }
  void line(int x0, int y0, int x1, int y1, int c) {
    const int dx = std::abs(x1 - x0), dy = -std::abs(y1 - y0), sx = x0 < x1 ? 1 : -1, sy = y0 < y1 ? 1 : -1;
    int err = dx + dy;
    for (int guard = 0; guard < 100000; ++guard) {
      dot(x0, y0, c);
      if (x0 == x1 && y0 == y1) break;
      const int e2 = 2 * err;
      if (e2 >= dy) err += dy, x0 += sx;
      if (e2 <= dx) err += dx, y0 += sy;
    }
  }
  void put(int cx, int cy, const std::string& g, int c) {
    if (cx < 0 || cy < 0 || cx >= w || cy >= h) return;
    const std::size_t i = static_cast<std::size_t>(cy * w + cx);
    glyphs[i] = g, colour[i] = c;
  }
};

void draw_panel(std::string& o, const Panel& p, int columns, int height, bool color) {
  o += (color ? "\x1b[1m" : "") + p.title + (color ? kOff : "") + "\n";
  std::size_t gutter = 0;
  for (const auto& t : p.y.ticks) gutter = std::max(gutter, display_width(t.second));
  const int pw = std::max(10, columns - static_cast<int>(gutter) - 2), ph = height;
  Canvas cv(pw, ph);
  const auto px = [&](double x) { return static_cast<int>(std::lround(unit(p.x, x) * (pw * 2 - 1))); };
  const auto py = [&](double y) { return static_cast<int>(std::lround((1 - unit(p.y, y)) * (ph * 4 - 1))); };
  if (p.band)
    for (double e : {p.band->first, p.band->second})
      for (int y = 0; y < ph * 4; y += 2) cv.dot(px(e), y, -1);
  for (const auto& s : p.series) {
    const int c = static_cast<int>(s.style) + 1;
    for (const auto& [x, y] : s.points) cv.dot(px(x), py(y), c);
    if (s.xs.size() >= 2) {
      const int a = px(s.xs.front()), b = px(s.xs.back());
      int lx = a, ly = py(s.ys.front());
      for (int x = a; x <= b; ++x) {
        const double dx = p.x.scale == Scale::log
                              ? std::pow(10.0, std::log10(p.x.lo) + (std::log10(p.x.hi) - std::log10(p.x.lo)) * x / (pw * 2 - 1))
                              : p.x.lo + (p.x.hi - p.x.lo) * x / (pw * 2 - 1);
        const int y = py(hermite_at(s, std::clamp(dx, s.xs.front(), s.xs.back())));
        // Across a wide gap (SEMANTICS.md §12) the curve is dotted: every other column.
        const bool gap = std::any_of(s.gaps.begin(), s.gaps.end(), [&](const auto& g) { return dx > g.first && dx < g.second; });
        if (!gap) cv.line(lx, ly, x, y, c);
        else if (x % 2 == 0) cv.dot(x, y, c);
        lx = x, ly = y;
      }
    }
    for (const auto& k : s.knots) cv.dot(px(k.x), py(k.y), c);
  }
  for (const auto& s : p.series)
    for (const auto& m : s.markers) {
      const Shape sh = shape_of(s.style);
      if (m.absent) cv.put(px(m.x) / 2, ph - 1, glyph(sh, true), -1);
      else cv.put(px(m.x) / 2, py(m.y) / 4, glyph(sh, false), static_cast<int>(s.style) + 1);
    }
  // Rows, with the y tick labels at the rows their values fall in.
  std::vector<std::string> labels(static_cast<std::size_t>(ph));
  for (const auto& [v, text] : p.y.ticks) {
    const int row = py(v) / 4;
    if (row >= 0 && row < ph && labels[static_cast<std::size_t>(row)].empty()) labels[static_cast<std::size_t>(row)] = text;
  }
  for (int r = 0; r < ph; ++r) {
    const std::string& l = labels[static_cast<std::size_t>(r)];
    o += std::string(gutter - display_width(l), ' ') + l + (l.empty() ? " │" : " ┤");
    int current = 0;
    for (int cx = 0; cx < pw; ++cx) {
      const std::size_t i = static_cast<std::size_t>(r * pw + cx);
      const int c = cv.colour[i];
      if (color && c != current) {
        o += c == 0 ? kOff : c < 0 ? kGrey : ansi(static_cast<std::size_t>(c - 1));
        current = c;
      }
      o += !cv.glyphs[i].empty() ? cv.glyphs[i] : cv.bits[i] ? braille_char(cv.bits[i]) : " ";
    }
    if (color && current != 0) o += kOff;
    o += "\n";
  }
  // The x axis: a rule with tick marks, then the labels under them (skipping any that would collide).
  std::string under(static_cast<std::size_t>(pw) + 16, ' ');
  std::vector<std::string> axis(static_cast<std::size_t>(pw), "─");
  int free_from = 0;
  for (const auto& [v, text] : p.x.ticks) {
    const int cx = px(v) / 2;
    if (cx < 0 || cx >= pw) continue;
    axis[static_cast<std::size_t>(cx)] = "┬";
    const int start = std::max(0, cx - static_cast<int>(display_width(text)) / 2);
    if (start < free_from || start + static_cast<int>(text.size()) > pw + 8) continue;
    under.replace(static_cast<std::size_t>(start), text.size(), text);
    free_from = start + static_cast<int>(text.size()) + 1;
  }
  o += std::string(gutter, ' ') + " └";
  for (const auto& a : axis) o += a;
  o += "\n" + std::string(gutter + 2, ' ') + under.substr(0, under.find_last_not_of(' ') + 1) + "\n";
  const std::size_t pad = gutter + 2 + static_cast<std::size_t>(pw) / 2 > display_width(p.x.label) / 2
                              ? gutter + 2 + static_cast<std::size_t>(pw) / 2 - display_width(p.x.label) / 2
                              : 0;
  o += std::string(pad, ' ') + p.x.label + "\n";
  // The values at the targets, one line per side.
  for (const auto& s : p.series) {
    if (s.markers.empty()) continue;
    std::string line =
        (color ? std::string(ansi(s.style)) : "") + glyph(shape_of(s.style), false) + " " + s.name + (color ? kOff : "") + ":";
    for (const auto& m : s.markers) line += fmt::format(" at {} {};", fixed(m.x, m.x == std::floor(m.x) ? 0 : 1), m.label);
    line.pop_back();
    o += wrapped("  " + line, static_cast<std::size_t>(columns), "", "");
  }
}

}  // namespace

std::string braille(const Spec& spec, int columns, int rows, bool color) {
  columns = std::clamp(columns, 40, 400);
  rows = std::clamp(rows, 10, 400);
  const auto width = static_cast<std::size_t>(columns);
  std::string o = wrapped(spec.title, width, color ? "\x1b[1m" : "", color ? kOff : "");
  std::string legend;
  for (const auto& [name, style] : spec.legend)
    legend += (legend.empty() ? "" : "   ") + (color ? std::string(ansi(style)) : "") + glyph(shape_of(style), false) + " " + name +
              (color ? kOff : "");
  if (spec.gap_legend) legend += (legend.empty() ? "" : "   ") + std::string("⠁⠁⠁ across a wide gap: nothing measured");
  if (!legend.empty()) o += legend + "\n";
  const int n = static_cast<int>(std::max<std::size_t>(1, spec.panels.size()));
  const int height = std::clamp((rows - 8) / n - 4, 6, 20);
  for (const auto& p : spec.panels) {
    o += "\n";
    draw_panel(o, p, columns, height, color);
  }
  o += "\n";
  for (const auto& f : spec.footer) o += wrapped(f, width, color ? kGrey : "", color ? kOff : "");
  return o;
}

}  // namespace icq::chart
