#include "text/text.hpp"

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <cstdio>
#include <numeric>

namespace icq::text {

namespace {
char fold(char c) noexcept { return static_cast<char>(std::tolower(static_cast<unsigned char>(c))); }
}  // namespace

std::string lower(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(), fold);
  return out;
}

std::string upper(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](char c) { return static_cast<char>(std::toupper(static_cast<unsigned char>(c))); });
  return out;
}

bool iequals(std::string_view a, std::string_view b) noexcept {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) { return fold(x) == fold(y); });
}

bool starts_with_icase(std::string_view s, std::string_view prefix) noexcept {
  return s.size() >= prefix.size() && iequals(s.substr(0, prefix.size()), prefix);
}

std::size_t edit_distance(std::string_view a, std::string_view b) {
  // Optimal string alignment: Levenshtein plus adjacent transpositions ("modle" -> "model" is 1).
  const std::size_t n = a.size(), m = b.size();
  std::vector<std::size_t> prev2(m + 1), prev(m + 1), cur(m + 1);
  std::iota(prev.begin(), prev.end(), std::size_t{0});
  for (std::size_t i = 1; i <= n; ++i) {
    cur[0] = i;
    for (std::size_t j = 1; j <= m; ++j) {
      const std::size_t cost = fold(a[i - 1]) == fold(b[j - 1]) ? 0 : 1;
      cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost});
      if (i > 1 && j > 1 && fold(a[i - 1]) == fold(b[j - 2]) && fold(a[i - 2]) == fold(b[j - 1]))
        cur[j] = std::min(cur[j], prev2[j - 2] + 1);
    }
    std::swap(prev2, prev);
    std::swap(prev, cur);
  }
  return prev[m];
}

namespace {
// Among candidates at the same edit distance, prefer the one whose differing characters are
// closest in value: "fp9" is nearer "fp8" than "fp4", "mi350x" nearer "mi355x" than "mi300x".
std::size_t char_gap(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return SIZE_MAX;
  std::size_t gap = 0;
  for (std::size_t i = 0; i < a.size(); ++i) {
    const int d = static_cast<unsigned char>(fold(a[i])) - static_cast<unsigned char>(fold(b[i]));
    gap += static_cast<std::size_t>(d < 0 ? -d : d);
  }
  return gap;
}
}  // namespace

std::vector<std::string> closest(std::string_view word, const std::vector<std::string>& candidates, std::size_t max) {
  // A candidate qualifies when it is within a third of the longer word's length (at least 1, at most
  // 3 edits), or when one is a prefix of the other (typing "mi35" should offer "mi355x").
  struct Scored {
    std::size_t distance, prefix, gap;
    std::string name;
  };
  auto common_prefix = [&](std::string_view c) {
    std::size_t n = 0;
    while (n < word.size() && n < c.size() && fold(word[n]) == fold(c[n])) ++n;
    return n;
  };
  std::vector<Scored> scored;
  for (const auto& c : candidates) {
    if (iequals(c, word)) continue;
    const std::size_t d = edit_distance(word, c);
    const std::size_t longer = std::max(word.size(), c.size());
    const std::size_t limit = std::clamp<std::size_t>(longer / 3, 1, 3);
    const bool prefix = word.size() >= 2 && (starts_with_icase(c, word) || starts_with_icase(word, c));
    if (d <= limit || prefix) scored.push_back({prefix ? std::min(d, limit) : d, common_prefix(c), char_gap(word, c), c});
  }
  std::stable_sort(scored.begin(), scored.end(), [](const Scored& x, const Scored& y) {
    if (x.distance != y.distance) return x.distance < y.distance;
    if (x.prefix != y.prefix) return x.prefix > y.prefix;  // "mi350x": mi355x shares "mi35"
    if (x.gap != y.gap) return x.gap < y.gap;
    return x.name < y.name;
  });
  std::vector<std::string> out;
  for (const auto& s : scored) {
    if (out.size() == max) break;
    if (std::find_if(out.begin(), out.end(), [&](const std::string& o) { return iequals(o, s.name); }) == out.end()) out.push_back(s.name);
  }
  return out;
}

std::string plural(std::size_t n, std::string_view word) { return std::to_string(n) + " " + std::string(word) + (n == 1 ? "" : "s"); }

std::string join(const std::vector<std::string>& items, std::string_view sep) {
  std::string out;
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (i) out += sep;
    out += items[i];
  }
  return out;
}

std::string join_or(const std::vector<std::string>& items) {
  if (items.size() <= 1) return items.empty() ? std::string{} : items.front();
  std::vector<std::string> head(items.begin(), items.end() - 1);
  return join(head, ", ") + " or " + items.back();
}

std::string did_you_mean(const std::vector<std::string>& suggestions) {
  if (suggestions.empty()) return {};
  std::vector<std::string> quoted;
  for (const auto& s : suggestions) quoted.push_back("'" + s + "'");
  return "did you mean " + join_or(quoted) + "?";
}

std::string xml_escape(std::string_view s) {
  std::string o;
  for (char c : s) {
    switch (c) {
      case '&': o += "&amp;"; break;
      case '<': o += "&lt;"; break;
      case '>': o += "&gt;"; break;
      case '"': o += "&quot;"; break;
      default: o += c;
    }
  }
  return o;
}

std::string json_string(std::string_view s) {
  std::string o = "\"";
  for (unsigned char c : s) {
    switch (c) {
      case '"': o += "\\\""; break;
      case '\\': o += "\\\\"; break;
      case '\n': o += "\\n"; break;
      case '\r': o += "\\r"; break;
      case '\t': o += "\\t"; break;
      default:
        if (c < 0x20) {
          char buf[8];
          std::snprintf(buf, sizeof buf, "\\u%04x", c);
          o += buf;
        } else {
          o += static_cast<char>(c);
        }
    }
  }
  return o + "\"";
}

}  // namespace icq::text
