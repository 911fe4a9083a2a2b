#include "render/text_table.hpp"

#include <algorithm>

namespace icq::out {

namespace {

std::size_t width(const std::string& s) {
  std::size_t w = 0;
  for (unsigned char c : s)
    if ((c & 0xC0) != 0x80) ++w;
  return w;
}

std::string pad(const std::string& s, std::size_t w, bool right) {
  const std::size_t n = w > width(s) ? w - width(s) : 0;
  return right ? std::string(n, ' ') + s : s + std::string(n, ' ');
}

std::string repeat(const char* piece, std::size_t n) {
  std::string out;
  for (std::size_t i = 0; i < n; ++i) out += piece;
  return out;
}

}  // namespace

std::string draw(const Grid& g, bool unicode) {
  const std::size_t cols = g.header.size();
  std::vector<std::size_t> w(cols, 0);
  for (std::size_t c = 0; c < cols; ++c) w[c] = width(g.header[c]);
  for (const auto& r : g.rows)
    for (std::size_t c = 0; c < cols && c < r.size(); ++c) w[c] = std::max(w[c], width(r[c]));
  const char* h = unicode ? "─" : "-";
  auto rule = [&](const char* left, const char* mid, const char* right) {
    std::string s = left;
    for (std::size_t c = 0; c < cols; ++c) s += repeat(h, w[c] + 2) + (c + 1 < cols ? mid : right);
    return s + "\n";
  };
  const char* v = unicode ? "│" : "|";
  auto line = [&](const std::vector<std::string>& cells, bool header) {
    std::string s = v;
    for (std::size_t c = 0; c < cols; ++c) {
      const std::string cell = c < cells.size() ? cells[c] : "";
      const bool right = !header && c < g.right_align.size() && g.right_align[c];
      s += " " + pad(cell, w[c], right || (header && c < g.right_align.size() && g.right_align[c])) + " " + v;
    }
    return s + "\n";
  };
  std::string out = unicode ? rule("┌", "┬", "┐") : rule("+", "+", "+");
  out += line(g.header, true);
  out += unicode ? rule("├", "┼", "┤") : rule("+", "+", "+");
  for (std::size_t i = 0; i < g.rows.size(); ++i) {
    if (i > 0 && std::find(g.rules_before.begin(), g.rules_before.end(), i) != g.rules_before.end())
      out += unicode ? rule("├", "┼", "┤") : rule("+", "+", "+");
    out += line(g.rows[i], false);
  }
  out += unicode ? rule("└", "┴", "┘") : rule("+", "+", "+");
  return out;
}

std::string draw_markdown(const Grid& g) {
  auto escape = [](const std::string& s) {
    std::string o;
    for (char c : s) {
      if (c == '|') o += '\\';
      o += c;
    }
    return o;
  };
  std::string out = "|";
  for (const auto& hd : g.header) out += " " + escape(hd) + " |";
  out += "\n|";
  for (std::size_t c = 0; c < g.header.size(); ++c) out += (c < g.right_align.size() && g.right_align[c]) ? "---:|" : "---|";
  out += "\n";
  for (const auto& r : g.rows) {
    out += "|";
    for (const auto& cell : r) out += " " + escape(cell) + " |";
    out += "\n";
  }
  return out;
}

}  // namespace icq::out
