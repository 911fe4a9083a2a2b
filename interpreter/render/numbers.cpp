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

std::string metric_cell(const NumberFormat& format, double v) { return format.prefix + grouped(v * format.scale, format.decimals); }

std::string number_cell(const Column& column, double v) {
  if (column.format) return metric_cell(*column.format, v);
  if (column.name == "target") return number_text(v);  // as the statement wrote it: 35.6, not 35.600
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
