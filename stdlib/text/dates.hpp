#pragma once
// Calendar dates as days since 1970-01-01 (proleptic Gregorian), the form rows store.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace icq::text {

inline constexpr std::int32_t kNoDate = INT32_MIN;

// Parses exactly "YYYY-MM-DD" (also accepts "YYYYMMDD" and a "YYYYMMDD-hhmmss" stamp); nullopt otherwise.
std::optional<std::int32_t> parse_date(std::string_view s);
std::string format_date(std::int32_t days);  // "YYYY-MM-DD", or "undated" for kNoDate

}  // namespace icq::text
