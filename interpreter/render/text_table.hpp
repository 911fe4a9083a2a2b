#pragma once
// A grid of cells drawn with box-drawing characters (terminals) or ASCII (pipes and files), and
// text wrapped to a terminal's width.
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace icq::out {

struct Grid {
  std::vector<std::string> header;
  std::vector<bool> right_align;  // per column
  std::vector<std::vector<std::string>> rows;
  std::vector<std::size_t> rules_before;  // row indices that get a separator line above them
};

// Display columns of UTF-8 text (one per code point).
std::size_t display_width(std::string_view s);

// `text` in lines of at most `width` display columns, broken at spaces; a word longer than the
// width is cut after its last '/', '|', '-', '_', ',', ':' or '.' that fits, else at the width
// (cut_words false: it stands whole on a line of its own). Leading spaces are kept on every line.
// width 0, or text that fits: the text as one line.
std::vector<std::string> wrap(std::string_view text, std::size_t width, bool cut_words = true);

// One paragraph of output: `first` (e.g. "  - ") then `text`, wrapped to `width` columns with the
// continuation lines indented by `indent` spaces; each line ends with '\n'. width 0: one line. A
// word longer than a line (a URL) is never cut: it stays whole, to be copied or clicked.
std::string wrap_hanging(std::string_view first, std::string_view text, std::size_t indent, std::size_t width);

// The grid as a table. max_width > 0: a table wider than that narrows its widest columns until it
// fits (text cells wrap inside their column, headers at spaces and separators; numbers are never
// cut); a table that cannot fit that way is drawn whole. max_width 0: every cell on one line.
std::string draw(const Grid& g, bool unicode, std::size_t max_width = 0);
std::string draw_markdown(const Grid& g);

}  // namespace icq::out
