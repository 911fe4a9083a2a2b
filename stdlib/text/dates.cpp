#include "text/dates.hpp"

#include <fmt/format.h>

namespace icq::text {

namespace {

// Howard Hinnant's days_from_civil / civil_from_days.
constexpr std::int32_t days_from_civil(int y, unsigned m, unsigned d) noexcept {
  y -= m <= 2;
  const int era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<int>(doe) - 719468;
}

struct Civil {
  int y;
  unsigned m, d;
};

constexpr Civil civil_from_days(std::int32_t z) noexcept {
  z += 719468;
  const int era = (z >= 0 ? z : z - 146096) / 146097;
  const unsigned doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const int y = static_cast<int>(yoe) + era * 400;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  const unsigned d = doy - (153 * mp + 2) / 5 + 1;
  const unsigned m = mp < 10 ? mp + 3 : mp - 9;
  return {y + (m <= 2), m, d};
}

bool digits(std::string_view s) noexcept {
  for (char c : s)
    if (c < '0' || c > '9') return false;
  return !s.empty();
}

int to_int(std::string_view s) noexcept {
  int v = 0;
  for (char c : s) v = v * 10 + (c - '0');
  return v;
}

constexpr unsigned days_in_month(int y, unsigned m) noexcept {
  constexpr unsigned table[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  return m == 2 && leap ? 29 : table[m - 1];
}

}  // namespace

std::optional<std::int32_t> parse_date(std::string_view s) {
  std::string_view y, m, d;
  if (s.size() == 10 && s[4] == '-' && s[7] == '-') {
    y = s.substr(0, 4), m = s.substr(5, 2), d = s.substr(8, 2);
  } else if ((s.size() == 8 || (s.size() == 15 && s[8] == '-')) && digits(s.substr(0, 8))) {
    y = s.substr(0, 4), m = s.substr(4, 2), d = s.substr(6, 2);
  } else {
    return std::nullopt;
  }
  if (!digits(y) || !digits(m) || !digits(d)) return std::nullopt;
  const int yy = to_int(y);
  const auto mm = static_cast<unsigned>(to_int(m));
  const auto dd = static_cast<unsigned>(to_int(d));
  if (yy < 1970 || yy > 2200 || mm < 1 || mm > 12 || dd < 1 || dd > days_in_month(yy, mm)) return std::nullopt;
  return days_from_civil(yy, mm, dd);
}

std::optional<std::int64_t> parse_timestamp(std::string_view s) {
  if (s.size() < 19 || (s[10] != ' ' && s[10] != 'T') || s[13] != ':' || s[16] != ':') return std::nullopt;
  const auto day = parse_date(s.substr(0, 10));
  const std::string_view hh = s.substr(11, 2), mi = s.substr(14, 2), ss = s.substr(17, 2);
  if (!day || !digits(hh) || !digits(mi) || !digits(ss)) return std::nullopt;
  const int h = to_int(hh), m = to_int(mi), sec = to_int(ss);
  if (h > 23 || m > 59 || sec > 60) return std::nullopt;  // 60: a leap second, as PostgreSQL reads it
  std::string_view rest = s.substr(19);
  std::int64_t micros = 0;
  if (!rest.empty() && rest.front() == '.') {
    std::size_t n = 1;
    while (n < rest.size() && rest[n] >= '0' && rest[n] <= '9') ++n;
    if (n == 1 || n > 7) return std::nullopt;
    for (std::size_t i = 1; i < 7; ++i) micros = micros * 10 + (i < n ? rest[i] - '0' : 0);
    rest.remove_prefix(n);
  }
  std::int64_t offset_min = 0;
  if (rest == "Z" || rest.empty()) {
  } else if (rest.front() == '+' || rest.front() == '-') {
    const int sign = rest.front() == '-' ? -1 : 1;
    std::string_view oh = rest.substr(1, 2), om;
    if (rest.size() == 3) om = "00";
    else if (rest.size() == 5) om = rest.substr(3, 2);
    else if (rest.size() == 6 && rest[3] == ':') om = rest.substr(4, 2);
    else return std::nullopt;
    if (oh.size() != 2 || !digits(oh) || !digits(om) || to_int(oh) > 15 || to_int(om) > 59) return std::nullopt;
    offset_min = sign * (to_int(oh) * 60 + to_int(om));
  } else {
    return std::nullopt;
  }
  const std::int64_t seconds = static_cast<std::int64_t>(*day) * 86400 + h * 3600 + m * 60 + sec - offset_min * 60;
  return seconds * 1000000 + micros;
}

std::string format_date(std::int32_t days) {
  if (days == kNoDate) return "undated";
  const Civil c = civil_from_days(days);
  if (c.y < 0 || c.y > 9999) return fmt::format("{:04}-{:02}-{:02}", c.y, c.m, c.d);
  // Written digit by digit: a compare names every run date of its sides.
  std::string out = "0000-00-00";
  const auto put = [&](std::size_t end, int v, int width) {
    for (int i = 0; i < width; ++i, v /= 10) out[end - static_cast<std::size_t>(i)] = static_cast<char>('0' + v % 10);
  };
  put(3, static_cast<int>(c.y), 4);
  put(6, static_cast<int>(c.m), 2);
  put(9, static_cast<int>(c.d), 2);
  return out;
}

}  // namespace icq::text
