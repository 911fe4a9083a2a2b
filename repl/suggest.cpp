#include "suggest.hpp"

#include <algorithm>

namespace icq::repl {

namespace {

// Edits between two words, a swap of neighbours counting as one (".mdoe" is one from ".mode").
std::size_t distance(std::string_view a, std::string_view b) {
  std::vector<std::vector<std::size_t>> d(a.size() + 1, std::vector<std::size_t>(b.size() + 1));
  for (std::size_t i = 0; i <= a.size(); ++i) d[i][0] = i;
  for (std::size_t j = 0; j <= b.size(); ++j) d[0][j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i)
    for (std::size_t j = 1; j <= b.size(); ++j) {
      d[i][j] = std::min({d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
    }
  return d[a.size()][b.size()];
}

}  // namespace

std::vector<std::string> closest(std::string_view word, const std::vector<std::string>& candidates) {
  const std::size_t limit = std::clamp<std::size_t>(word.size() / 3, 1, 2);
  std::size_t best = limit + 1;
  std::vector<std::string> out;
  for (const auto& c : candidates) {
    const std::size_t d = distance(word, c);
    if (d > limit || d > best) continue;
    if (d < best) best = d, out.clear();
    out.push_back(c);
  }
  return out;
}

std::string did_you_mean(const std::vector<std::string>& candidates) {
  if (candidates.empty()) return {};
  std::string s = "did you mean ";
  for (std::size_t i = 0; i < candidates.size(); ++i)
    s += (i == 0 ? "" : i + 1 == candidates.size() ? " or " : ", ") + ("'" + candidates[i] + "'");
  return s + "?";
}

}  // namespace icq::repl
