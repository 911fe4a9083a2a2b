#include "render/text_table.hpp"

#include <algorithm>
#include <cstring>

namespace icq::out {

namespace {

std::string pad(const std::string& s, std::size_t w, bool right) {
  const std::size_t n = w > display_width(s) ? w - display_width(s) : 0;
  return right ? std::string(n, ' ') + s : s + std::string(n, ' ');
}

std::string repeat(const char* piece, std::size_t n) {
  std::string out;
  for (std::size_t i = 0; i < n; ++i) out += piece;
  return out;
}

// The bytes of the first `columns` code points of s.
std::size_t byte_index(std::string_view s, std::size_t columns) {
  std::size_t n = 0;
  for (std::size_t i = 0; i < s.size(); ++i)
    if ((static_cast<unsigned char>(s[i]) & 0xC0) != 0x80) {
      if (n == columns) return i;
      ++n;
    }
  return s.size();
}

// Where to cut a word too long for a line of `room` columns: after the last separator that fits,
// else at the width.
std::size_t cut_point(std::string_view word, std::size_t room) {
  const std::size_t cut = byte_index(word, room);
  for (std::size_t i = cut; i > 0; --i)
    if (std::strchr("/|-_,:.", word[i - 1]) != nullptr) return i;
  return cut;
}

// Narrowest a column may get: numbers keep their width, text goes down to 10 columns (or its own
// width when narrower), and no header is cut inside a word (after a separator it may be).
constexpr std::size_t min_text_width = 10;

std::size_t longest_piece(std::string_view header) {
  std::size_t longest = 0, piece = 0;
  for (std::size_t i = 0; i < header.size(); ++i) {
    const char c = header[i];
    if (c == ' ') {
      piece = 0;
      continue;
    }
    if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++piece;
    longest = std::max(longest, piece);
    if (std::strchr("/|-_,:.", c) != nullptr) piece = 0;
  }
  return longest;
}

// Narrows the widest columns, one column at a time, until the table fits max_width. A table that
// cannot fit even with every column at its narrowest is left as it is: one line per row, which the
// terminal wraps (or a pager scrolls) better than a table made taller and still too wide.
void fit(std::vector<std::size_t>& w, const std::vector<std::size_t>& least, std::size_t max_width) {
  const std::size_t frame = 3 * w.size() + 1;  // "| " and " |" around each cell, shared borders
  std::size_t total = 0, narrowest = 0;
  for (std::size_t c = 0; c < w.size(); ++c) total += w[c], narrowest += least[c];
  if (frame + total <= max_width || frame + narrowest > max_width) return;
  while (frame + total > max_width) {
    std::size_t widest = w.size();
    for (std::size_t c = 0; c < w.size(); ++c)
      if (w[c] > least[c] && (widest == w.size() || w[c] >= w[widest])) widest = c;
    --w[widest], --total;
  }
}

}  // namespace

std::size_t display_width(std::string_view s) {
  std::size_t w = 0;
  for (unsigned char c : s)
    if ((c & 0xC0) != 0x80) ++w;
  return w;
}

std::vector<std::string> wrap(std::string_view text, std::size_t width, bool cut_words) {
  if (width == 0 || display_width(text) <= width) return {std::string(text)};
  std::size_t lead = std::min(text.find_first_not_of(' '), text.size());
  if (lead * 2 > width) lead = 0;  // an indent that leaves no room is dropped on the next lines
  const std::string indent(lead, ' ');
  const std::size_t room = width - lead;
  std::vector<std::string> lines;
  std::string line;
  bool started = false;
  auto flush = [&] {
    lines.push_back(indent + line);
    line.clear(), started = false;
  };
  for (std::size_t p = text.find_first_not_of(' '); p < text.size();) {
    std::size_t q = text.find(' ', p);
    if (q == std::string_view::npos) q = text.size();
    std::string_view word = text.substr(p, q - p);
    p = q + 1;
    if (word.empty()) continue;
    while (cut_words && display_width(word) > room) {
      if (started) flush();
      const std::size_t cut = cut_point(word, room);
      lines.push_back(indent + std::string(word.substr(0, cut)));
      word.remove_prefix(cut);
    }
    if (word.empty()) continue;
    if (!started) {
      line = std::string(word), started = true;
    } else if (display_width(line) + 1 + display_width(word) <= room) {
      line += ' ';
      line += word;
    } else {
      flush();
      line = std::string(word), started = true;
    }
  }
  if (started || lines.empty()) flush();
  return lines;
}

std::string wrap_hanging(std::string_view first, std::string_view text, std::size_t indent, std::size_t width) {
  if (width == 0 || display_width(first) + display_width(text) <= width) return std::string(first) + std::string(text) + "\n";
  const std::size_t margin = std::max(display_width(first), indent);
  const auto lines = wrap(text, std::max(width > margin ? width - margin : 0, min_text_width), false);
  std::string out;
  for (std::size_t i = 0; i < lines.size(); ++i) out += (i == 0 ? std::string(first) : std::string(indent, ' ')) + lines[i] + "\n";
  return out;
}

std::string draw(const Grid& g, bool unicode, std::size_t max_width) {
  const std::size_t cols = g.header.size();
  auto right = [&](std::size_t c) { return c < g.right_align.size() && g.right_align[c]; };
  std::vector<std::size_t> w(cols, 0), least(cols, 1);
  for (std::size_t c = 0; c < cols; ++c) w[c] = display_width(g.header[c]);
  for (const auto& r : g.rows)
    for (std::size_t c = 0; c < cols && c < r.size(); ++c) {
      w[c] = std::max(w[c], display_width(r[c]));
      if (right(c)) least[c] = std::max(least[c], display_width(r[c]));
    }
  if (max_width > 0) {
    for (std::size_t c = 0; c < cols; ++c) {
      if (!right(c)) least[c] = std::min(w[c], min_text_width);
      least[c] = std::max(least[c], longest_piece(g.header[c]));
    }
    fit(w, least, max_width);
  }
  const char* h = unicode ? "─" : "-";
  auto rule = [&](const char* left, const char* mid, const char* end) {
    std::string s = left;
    for (std::size_t c = 0; c < cols; ++c) s += repeat(h, w[c] + 2) + (c + 1 < cols ? mid : end);
    return s + "\n";
  };
  const char* v = unicode ? "│" : "|";
  // One row of cells, each wrapped inside its column (one line when it fits).
  auto line = [&](const std::vector<std::string>& cells) {
    static const std::string empty;
    auto cell = [&](std::size_t c) -> const std::string& { return c < cells.size() ? cells[c] : empty; };
    bool fits = true;
    for (std::size_t c = 0; c < cols && fits; ++c) fits = display_width(cell(c)) <= w[c];
    if (fits) {  // the usual case: one line, no copies
      std::string s = v;
      for (std::size_t c = 0; c < cols; ++c) s += " " + pad(cell(c), w[c], right(c)) + " " + v;
      return s + "\n";
    }
    std::vector<std::vector<std::string>> parts(cols);
    std::size_t height = 1;
    for (std::size_t c = 0; c < cols; ++c) {
      parts[c] = wrap(cell(c), w[c]);
      height = std::max(height, parts[c].size());
    }
    std::string s;
    for (std::size_t k = 0; k < height; ++k) {
      s += v;
      for (std::size_t c = 0; c < cols; ++c) s += " " + pad(k < parts[c].size() ? parts[c][k] : std::string{}, w[c], right(c)) + " " + v;
      s += "\n";
    }
    return s;
  };
  std::string out = unicode ? rule("┌", "┬", "┐") : rule("+", "+", "+");
  out += line(g.header);
  out += unicode ? rule("├", "┼", "┤") : rule("+", "+", "+");
  for (std::size_t i = 0; i < g.rows.size(); ++i) {
    if (i > 0 && std::find(g.rules_before.begin(), g.rules_before.end(), i) != g.rules_before.end())
      out += unicode ? rule("├", "┼", "┤") : rule("+", "+", "+");
    out += line(g.rows[i]);
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
