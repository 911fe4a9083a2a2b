#include "client_text.hpp"

#include <simdjson.h>

#include <algorithm>
#include <cstdio>

namespace icq::serve {

bool is_utf8(std::string_view s) { return simdjson::validate_utf8(s.data(), s.size()); }

bool is_param_name(std::string_view s) {
  if (s.empty() || s.size() > 64) return false;
  for (std::size_t i = 0; i < s.size(); ++i) {
    const char c = s[i];
    const bool letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
    if (!letter && !(i > 0 && c >= '0' && c <= '9')) return false;
  }
  return true;
}

std::string printable(std::string_view s, std::size_t max) {
  std::string o;
  const std::size_t n = std::min(s.size(), max);
  for (std::size_t i = 0; i < n; ++i) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c == '\\') {
      o += "\\\\";
    } else if (c < 0x21 || c > 0x7e) {
      char buf[8];
      std::snprintf(buf, sizeof buf, "\\x%02x", c);
      o += buf;
    } else {
      o += static_cast<char>(c);
    }
  }
  if (s.size() > max) o += "…";
  return o;
}

}  // namespace icq::serve
