#pragma once
// A grid of cells drawn with box-drawing characters (terminals) or ASCII (pipes and files).
#include <string>
#include <vector>

namespace icq::out {

struct Grid {
  std::vector<std::string> header;
  std::vector<bool> right_align;           // per column
  std::vector<std::vector<std::string>> rows;
  std::vector<std::size_t> rules_before;   // row indices that get a separator line above them
};

std::string draw(const Grid& g, bool unicode);
std::string draw_markdown(const Grid& g);

}  // namespace icq::out
