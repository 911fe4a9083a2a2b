#pragma once
// Typed field access on simdjson DOM objects for the JSON loaders: each getter says precisely
// what was wrong, so a bad record is reported with a reason instead of being dropped.
#include <fmt/format.h>

#include <cmath>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "data/json_library.hpp"

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

// The element under `key`, or nullptr when the key is absent.
inline const element* find(const object& o, std::string_view key, element& storage) {
  auto r = o.at_key(key);
  if (r.error()) return nullptr;
  storage = r.value_unsafe();
  return &storage;
}

inline bool is_null_or_missing(const object& o, std::string_view key, element& out) {
  auto r = o.at_key(key);
  if (r.error()) return true;
  out = r.value_unsafe();
  return out.is_null();
}

// Readers of one value that was (e != nullptr) or was not present; `key` names it in errors.
// Strings are views into the parsed document: valid while its parser lives.
inline Field<std::string_view> string_view_value(const element* e, std::string_view key) {
  if (!e || e->is_null()) return {};
  std::string_view s;
  if (e->get(s)) return {{}, fmt::format("'{}' is not a string", key)};
  return {s, {}};
}

inline Field<double> number_value(const element* e, std::string_view key) {
  if (!e || e->is_null()) return {};
  double d;
  if (e->get(d) == simdjson::SUCCESS) return {d, {}};
  // Numbers written as strings ("12.5", "NaN", "inf") appear in hand-edited files.
  std::string_view s;
  if (e->get(s) == simdjson::SUCCESS) {
    std::string text(s);
    char* end = nullptr;
    const double v = std::strtod(text.c_str(), &end);
    if (end && *end == '\0' && !text.empty()) return {v, {}};
  }
  return {{}, fmt::format("'{}' is not a number", key)};
}

inline Field<std::int64_t> integer_value(const element* e, std::string_view key) {
  if (e) {  // the common case: a plain JSON integer
    std::int64_t i;
    if (e->get(i) == simdjson::SUCCESS && std::abs(i) <= 1000000000000LL) return {i, {}};
  }
  auto n = number_value(e, key);
  if (!n.ok() || !n.value) return {{}, n.error};
  const double v = *n.value;
  if (!std::isfinite(v) || v != std::floor(v) || std::abs(v) > 1e12) return {{}, fmt::format("'{}' is not an integer", key)};
  return {static_cast<std::int64_t>(v), {}};
}

inline Field<bool> bool_value(const element* e, std::string_view key) {
  if (!e || e->is_null()) return {};
  bool b;
  if (e->get(b) == simdjson::SUCCESS) return {b, {}};
  std::string_view s;
  if (e->get(s) == simdjson::SUCCESS) {
    if (s == "true" || s == "True" || s == "1") return {true, {}};
    if (s == "false" || s == "False" || s == "0") return {false, {}};
  }
  return {{}, fmt::format("'{}' is not a boolean", key)};
}

inline Field<std::string> string_field(const object& o, std::string_view key) {
  element storage;
  auto f = string_view_value(find(o, key, storage), key);
  if (!f.value) return {{}, std::move(f.error)};
  return {std::string(*f.value), {}};
}

inline Field<double> number_field(const object& o, std::string_view key) {
  element storage;
  return number_value(find(o, key, storage), key);
}

inline Field<std::int64_t> integer_field(const object& o, std::string_view key) {
  element storage;
  return integer_value(find(o, key, storage), key);
}

inline Field<bool> bool_field(const object& o, std::string_view key) {
  element storage;
  return bool_value(find(o, key, storage), key);
}

}  // namespace icq::data::json
