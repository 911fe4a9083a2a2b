#include "data/fields.hpp"

#include <algorithm>
#include <string>

#include "text/text.hpp"

namespace icq::data {

namespace {
// The names laid out by hand, a family a line.
// clang-format off
constexpr std::array<std::string_view, kFieldCount> kNames = {
    "tput_per_gpu",     "output_tput_per_gpu", "input_tput_per_gpu",
    "mean_ttft",        "mean_tpot",           "mean_itl",           "mean_e2el",   "mean_intvty",
    "median_ttft",      "median_tpot",         "median_itl",         "median_e2el", "median_intvty",
    "p90_ttft",         "p90_tpot",            "p90_itl",            "p90_e2el",    "p90_intvty",
    "p99_ttft",         "p99_tpot",            "p99_itl",            "p99_e2el",    "p99_intvty",
    "p99.9_ttft",       "p99.9_tpot",          "p99.9_itl",          "p99.9_e2el",  "p99.9_intvty",
    "std_ttft",         "std_tpot",            "std_itl",            "std_e2el",    "std_intvty",
    "avg_power_w",      "joules_per_input_token", "joules_per_output_token", "joules_per_total_token",
};
// clang-format on
}  // namespace

std::string_view field_name(Field f) noexcept { return kNames[static_cast<std::size_t>(f)]; }

std::optional<Field> field_from_name(std::string_view api_name) noexcept {
  // Sorted once: every metric of every row is looked up here while loading.
  static const auto sorted = [] {
    std::array<std::pair<std::string_view, Field>, kFieldCount> t{};
    for (std::size_t i = 0; i < t.size(); ++i) t[i] = {kNames[i], static_cast<Field>(i)};
    std::sort(t.begin(), t.end());
    return t;
  }();
  const auto it =
      std::lower_bound(sorted.begin(), sorted.end(), api_name, [](const auto& entry, std::string_view n) { return entry.first < n; });
  if (it != sorted.end() && it->first == api_name) return it->second;
  return std::nullopt;
}

Field stat_field(Stat s, Quantity q) noexcept {
  return static_cast<Field>(static_cast<std::size_t>(Field::mean_ttft) + static_cast<std::size_t>(s) * 5 + static_cast<std::size_t>(q));
}

std::optional<Stat> stat_from_word(std::string_view word) noexcept {
  for (const auto& w : kStatWords)
    if (text::iequals(word, w.word)) return w.stat;
  return std::nullopt;
}

std::string_view stat_words_text() noexcept {
  // Each statistic once, by its first word (p50 is median's other name).
  static const std::string text = [] {
    std::string out;
    std::size_t n = 0;
    for (std::size_t i = 0; i < kStatWords.size(); ++i) {
      if (i > 0 && kStatWords[i - 1].stat == kStatWords[i].stat) continue;
      out += std::string(n == 0 ? "" : i + 1 == kStatWords.size() ? " or " : ", ") + std::string(kStatWords[i].word);
      ++n;
    }
    return out;
  }();
  return text;
}

std::optional<Quantity> quantity_from_name(std::string_view name) noexcept {
  constexpr std::array<std::pair<std::string_view, Quantity>, 5> kQuantities{
      {{"ttft", Quantity::ttft}, {"tpot", Quantity::tpot}, {"itl", Quantity::itl}, {"e2el", Quantity::e2el}, {"intvty", Quantity::intvty}}};
  for (const auto& [n, q] : kQuantities)
    if (n == name) return q;
  return std::nullopt;
}

}  // namespace icq::data
