#include "render/numbers.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <vector>

#include "num/decimal.hpp"

namespace icq::out {

std::string grouped(double v, int places) {
  if (!std::isfinite(v)) return "—";
  // Half up on the exact binary value: in doubles away from a tie, exactly near one.
  auto fast = num::fixed_unless_tie(v, places);
  std::string s = fast ? std::move(*fast) : num::Decimal::from_double(v).fixed(places);
  const bool negative = !s.empty() && s[0] == '-';
  if (negative) s.erase(0, 1);
  const std::size_t dot = s.find('.');
  std::string whole = s.substr(0, dot), frac = dot == std::string::npos ? "" : s.substr(dot);
  std::string out;
  for (std::size_t i = 0; i < whole.size(); ++i) {
    if (i && (whole.size() - i) % 3 == 0) out += ',';
    out += whole[i];
  }
  return (negative ? "-" : "") + out + frac;
}

std::string metric_cell(const std::string& key, double v) {
  if (key == "cost") return "$" + grouped(v, 3);
  if (key == "tokens_per_mw") return grouped(v, 0);
  if (key == "concurrency") return "~" + grouped(v, 0);
  if (key == "joules_per_token" || key == "accuracy") return grouped(v, 3);
  if (key.rfind("tpot", 0) == 0 || key.rfind("itl", 0) == 0) return grouped(v * 1000.0, 2);
  if (key.rfind("ttft", 0) == 0 || key.rfind("e2el", 0) == 0) return grouped(v, 3);
  return grouped(v, 1);  // throughputs
}

std::string number_cell(const std::string& column, double v) {
  if (column == "target") return number_text(v);  // as the statement wrote it: 35.6, not 35.600
  static const std::vector<std::string> metric_keys = {"throughput", "output_throughput", "input_throughput", "cost", "tokens_per_mw",
                                                       "joules_per_token", "concurrency", "accuracy"};
  if (std::find(metric_keys.begin(), metric_keys.end(), column) != metric_keys.end()) return metric_cell(column, v);
  // A row's economics of one token type ("cost output") reads as its metric does.
  for (const std::string suffix : {" output", " input"})
    if (column.size() > suffix.size() && column.ends_with(suffix)) return number_cell(column.substr(0, column.size() - suffix.size()), v);
  if (v == std::floor(v) && std::abs(v) < 1e15) return grouped(v, 0);
  return grouped(v, 3);
}

std::string plain(double v) {
  if (!std::isfinite(v)) return "";
  return fmt::format("{}", v);
}

std::string number_text(double v) {
  if (v == std::floor(v) && std::abs(v) < 1e15) return fmt::format("{}", static_cast<long long>(v));
  return fmt::format("{}", v);
}

const char* evidence_mark(Evidence::Kind k) noexcept {
  switch (k) {
    case Evidence::Kind::two_configs: return "†";
    case Evidence::Kind::wide_gap: return "‡";
    case Evidence::Kind::clamped: return "*";
    default: return "";
  }
}

}  // namespace icq::out
