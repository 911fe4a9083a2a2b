#pragma once
// Calendar dates as days since 1970-01-01 (proleptic Gregorian), the form rows store.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace icq::text {

inline constexpr std::int32_t kNoDate = INT32_MIN;
inline constexpr std::int64_t kNoTime = INT64_MIN;

// Parses exactly "YYYY-MM-DD" (also accepts "YYYYMMDD" and a "YYYYMMDD-hhmmss" stamp); nullopt otherwise.
std::optional<std::int32_t> parse_date(std::string_view s);
std::string format_date(std::int32_t days);  // "YYYY-MM-DD", or "undated" for kNoDate

// A point in time as microseconds since 1970-01-01 UTC, from the text PostgreSQL writes for a
// timestamptz ("2026-07-05 00:04:49+00", "2026-07-05 00:04:49.123456+05:30") or ISO 8601
// ("2026-07-05T00:04:49Z"): a date, 'T' or ' ', hh:mm:ss, up to six decimals, and a zone (Z, +hh,
// +hhmm or +hh:mm; none means UTC); nullopt otherwise.
std::optional<std::int64_t> parse_timestamp(std::string_view s);

}  // namespace icq::text
