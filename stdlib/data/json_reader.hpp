#pragma once
// Typed field access on simdjson DOM objects for the JSON loaders: each getter says precisely
// what was wrong, so a bad record is reported with a reason instead of being dropped.
#include <fmt/format.h>
#include <simdjson.h>

#include <cmath>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace icq::data::json {

using simdjson::dom::element;
using simdjson::dom::object;

// Result of reading one field: a value, absent (missing or null), or a type error.
template <typename T>
struct Field {
  std::optional<T> value;
  std::string error;  // non-empty: the field exists but is unusable
  [[nodiscard]] bool ok() const noexcept { return error.empty(); }
};

inline bool is_null_or_missing(const object& o, std::string_view key, element& out) {
  auto r = o.at_key(key);
  if (r.error()) return true;
  out = r.value_unsafe();
  return out.is_null();
}

inline Field<std::string> string_field(const object& o, std::string_view key) {
  element e;
  if (is_null_or_missing(o, key, e)) return {};
  std::string_view s;
  if (e.get(s)) return {{}, fmt::format("'{}' is not a string", key)};
  return {std::string(s), {}};
}

inline Field<double> number_field(const object& o, std::string_view key) {
  element e;
  if (is_null_or_missing(o, key, e)) return {};
  double d;
  if (e.get(d) == simdjson::SUCCESS) return {d, {}};
  // Numbers written as strings ("12.5", "NaN", "inf") appear in hand-edited files.
  std::string_view s;
  if (e.get(s) == simdjson::SUCCESS) {
    std::string text(s);
    char* end = nullptr;
    const double v = std::strtod(text.c_str(), &end);
    if (end && *end == '\0' && !text.empty()) return {v, {}};
  }
  return {{}, fmt::format("'{}' is not a number", key)};
}

inline Field<std::int64_t> integer_field(const object& o, std::string_view key) {
  auto n = number_field(o, key);
  if (!n.ok() || !n.value) return {{}, n.error};
  const double v = *n.value;
  if (!std::isfinite(v) || v != std::floor(v) || std::abs(v) > 1e12)
    return {{}, fmt::format("'{}' is not an integer", key)};
  return {static_cast<std::int64_t>(v), {}};
}

inline Field<bool> bool_field(const object& o, std::string_view key) {
  element e;
  if (is_null_or_missing(o, key, e)) return {};
  bool b;
  if (e.get(b) == simdjson::SUCCESS) return {b, {}};
  std::string_view s;
  if (e.get(s) == simdjson::SUCCESS) {
    if (s == "true" || s == "True" || s == "1") return {true, {}};
    if (s == "false" || s == "False" || s == "0") return {false, {}};
  }
  return {{}, fmt::format("'{}' is not a boolean", key)};
}

}  // namespace icq::data::json
