// text/dates: calendar dates as days since 1970-01-01, timestamps as microseconds since then.
#include <catch2/catch.hpp>

#include <string>

#include "text/dates.hpp"

using icq::text::format_date;
using icq::text::kNoDate;
using icq::text::parse_date;
using icq::text::parse_timestamp;

TEST_CASE("dates: known day numbers", "[dates]") {
  REQUIRE(parse_date("1970-01-01") == 0);
  REQUIRE(parse_date("1970-01-02") == 1);
  REQUIRE(parse_date("2000-03-01") == 11017);
  REQUIRE(parse_date("2026-06-14") == 20618);  // the capture date of api/2026-06-14
  REQUIRE(parse_date("2026-06-11") == 20615);
}

TEST_CASE("dates: parse and format round-trip", "[dates]") {
  for (const char* d : {"1970-01-01", "2024-02-29", "2025-10-06", "2025-12-31", "2026-01-01", "2026-06-14", "2100-12-31"}) {
    INFO(d);
    const auto days = parse_date(d);
    REQUIRE(days.has_value());
    REQUIRE(format_date(*days) == d);
  }
  REQUIRE(format_date(20618) == "2026-06-14");
  REQUIRE(format_date(-1) == "1969-12-31");
}

TEST_CASE("dates: consecutive days are consecutive numbers across month and year ends", "[dates]") {
  REQUIRE(*parse_date("2026-03-01") - *parse_date("2026-02-28") == 1);
  REQUIRE(*parse_date("2024-03-01") - *parse_date("2024-02-28") == 2);  // leap year
  REQUIRE(*parse_date("2026-01-01") - *parse_date("2025-12-31") == 1);
  REQUIRE(*parse_date("2027-01-01") - *parse_date("2026-01-01") == 365);
}

TEST_CASE("dates: invalid calendar dates are rejected", "[dates]") {
  for (const char* d : {"2026-02-30", "2026-13-01", "2026-00-10", "2026-01-00", "2026-04-31", "2026-02-29", "2100-02-29", "2026-01-32"}) {
    INFO(d);
    REQUIRE_FALSE(parse_date(d).has_value());
  }
  REQUIRE(parse_date("2000-02-29").has_value());  // divisible by 400: leap
  REQUIRE(parse_date("2024-02-29").has_value());
}

TEST_CASE("dates: malformed text is rejected", "[dates]") {
  for (const char* d : {"", "2026", "2026-6-14", "2026/06/14", "14-06-2026", "2026-06-14 ", " 2026-06-14", "2026-06-1x", "20260614-",
                        "2026061", "202606141", "x0260614", "2026-06-14T00:00", "20260614_045729", "20260614-04572"}) {
    INFO("'" << d << "'");
    REQUIRE_FALSE(parse_date(d).has_value());
  }
}

TEST_CASE("dates: YYYYMMDD and the YYYYMMDD-hhmmss stamp of serving-raw files", "[dates]") {
  REQUIRE(parse_date("20260614") == parse_date("2026-06-14"));
  REQUIRE(parse_date("20260611-045729") == parse_date("2026-06-11"));
  REQUIRE(parse_date("20260610-204228") == 20614);
  REQUIRE_FALSE(parse_date("20260230").has_value());
  REQUIRE_FALSE(parse_date("20261301-120000").has_value());
}

TEST_CASE("dates: years outside 1970..2200 are rejected", "[dates]") {
  REQUIRE_FALSE(parse_date("1969-12-31").has_value());
  REQUIRE_FALSE(parse_date("2201-01-01").has_value());
  REQUIRE(parse_date("2200-12-31").has_value());
}

TEST_CASE("dates: kNoDate formats as undated", "[dates]") { REQUIRE(format_date(kNoDate) == "undated"); }

TEST_CASE("timestamps: PostgreSQL's timestamptz text and ISO 8601, to microseconds UTC", "[dates]") {
  const std::int64_t day = std::int64_t{*parse_date("2026-07-05")} * 86400 * 1000000;
  const std::int64_t t = day + (4 * 60 + 49) * std::int64_t{1000000};  // 00:04:49 UTC
  REQUIRE(parse_timestamp("2026-07-05 00:04:49+00") == t);             // as the API sends curve_run_started_at
  REQUIRE(parse_timestamp("2026-07-05T00:04:49Z") == t);
  REQUIRE(parse_timestamp("2026-07-05 00:04:49") == t);  // no zone: UTC
  REQUIRE(parse_timestamp("2026-07-05 02:04:49+02") == t);
  REQUIRE(parse_timestamp("2026-07-05 05:34:49+05:30") == t);
  REQUIRE(parse_timestamp("2026-07-04 19:04:49-0500") == t);
  REQUIRE(parse_timestamp("2026-07-05 00:04:49.5+00") == t + 500000);
  REQUIRE(parse_timestamp("2026-07-05 00:04:49.000001Z") == t + 1);
  for (const char* bad : {"", "2026-07-05", "2026-07-05 24:00:00", "2026-07-05 00:60:00", "2026-07-05 00:04:49.1234567Z",
                          "2026-07-05 00:04:49.Z", "2026-07-05 00:04:49+1", "2026-07-05 00:04:49 UTC", "2026-07-05x00:04:49",
                          "2026-02-30 00:00:00", "2026-07-05 00:04:49+16", "2026-07-05 0a:04:49"})
    REQUIRE_FALSE(parse_timestamp(bad).has_value());
}
