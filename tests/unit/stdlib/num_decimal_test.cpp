// num::Decimal: exact decimal prices, half-up display rounding on the exact decimal value
// (DECISIONS.md, Computation: "display rounding is half-up on that decimal value").
#include <catch2/catch.hpp>

#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <limits>
#include <optional>
#include <stdexcept>
#include <string>

#include "num/decimal.hpp"

#include <fmt/format.h>

using icq::num::Decimal;

TEST_CASE("decimal: prices parse exactly and print as written", "[decimal]") {
  REQUIRE(Decimal::parse("2.808").str() == "2.808");
  REQUIRE(Decimal::parse("2.652").str() == "2.652");
  REQUIRE(Decimal::parse("1.48").str() == "1.48");
  REQUIRE(Decimal::parse("0.95").str() == "0.95");
  REQUIRE(Decimal::parse("1.30").str() == "1.3");  // trailing zeros trimmed
  REQUIRE(Decimal::parse("2.00").str() == "2");
  REQUIRE(Decimal::parse("+7").str() == "7");
  REQUIRE(Decimal::parse("-0.5").str() == "-0.5");
  REQUIRE(Decimal::parse("1000000").str() == "1000000");
  REQUIRE(Decimal::from_int(42).str() == "42");
  REQUIRE(Decimal::from_int(-3).str() == "-3");
  REQUIRE(Decimal().str() == "0");
}

TEST_CASE("decimal: arithmetic is decimal, not binary", "[decimal]") {
  // 0.1 + 0.2 is exactly 0.3 in decimal (in binary it is 0.30000000000000004).
  REQUIRE(Decimal::parse("0.1") + Decimal::parse("0.2") == Decimal::parse("0.3"));
  REQUIRE((Decimal::parse("0.1") + Decimal::parse("0.2")).str() == "0.3");
  REQUIRE((Decimal::parse("2.808") * Decimal::from_int(1000)).str() == "2808");
  REQUIRE((Decimal::parse("1.95") - Decimal::parse("1.73")).str() == "0.22");
  REQUIRE((Decimal::parse("1.5") / Decimal::parse("0.25")).str() == "6");
  REQUIRE(Decimal::parse("2.26") < Decimal::parse("2.34"));
  REQUIRE(Decimal::parse("2.34") > Decimal::parse("2.26"));
  REQUIRE(Decimal::parse("2.3") <= Decimal::parse("2.30"));
  REQUIRE(Decimal::parse("2.3") >= Decimal::parse("2.30"));
}

TEST_CASE("decimal: fixed() rounds half up on the exact decimal expansion", "[decimal]") {
  // Parsed text is exact: the 5 is really there.
  REQUIRE(Decimal::parse("0.2315").fixed(3) == "0.232");
  REQUIRE(Decimal::parse("2.675").fixed(2) == "2.68");
  REQUIRE(Decimal::parse("1.005").fixed(2) == "1.01");
  REQUIRE(Decimal::parse("0.125").fixed(2) == "0.13");
  REQUIRE(Decimal::parse("0.135").fixed(2) == "0.14");  // half up, not half even
  REQUIRE(Decimal::parse("0.2314999").fixed(3) == "0.231");
  REQUIRE(Decimal::parse("1772.05").fixed(1) == "1772.1");
  // Padding to the requested places.
  REQUIRE(Decimal::parse("0.2").fixed(3) == "0.200");
  REQUIRE(Decimal::parse("3").fixed(2) == "3.00");
  // Zero places: an integer, no decimal point.
  REQUIRE(Decimal::parse("2.5").fixed(0) == "3");
  REQUIRE(Decimal::parse("2.4999").fixed(0) == "2");
  REQUIRE(Decimal::parse("891760.5").fixed(0) == "891761");
  // Negative: half away from zero; a negative value that rounds to zero prints without '-'.
  REQUIRE(Decimal::parse("-1.005").fixed(2) == "-1.01");
  REQUIRE(Decimal::parse("-0.0004").fixed(3) == "0.000");
  REQUIRE(Decimal::parse("-0.4").fixed(0) == "0");
}

TEST_CASE("decimal: from_double keeps the double's exact binary value", "[decimal]") {
  // 2.675 as a double is 2.67499999999999982236431605997495353221893310546875: below the half,
  // so it rounds down, while the decimal text "2.675" rounds up.
  REQUIRE(Decimal::from_double(2.675).fixed(2) == "2.67");
  REQUIRE(Decimal::parse("2.675").fixed(2) == "2.68");
  // 1.005 as a double is 1.00499999999999989341858963598497211933135986328125.
  REQUIRE(Decimal::from_double(1.005).fixed(2) == "1.00");
  // 0.2315 as a double is 0.2315000000000000113242748511765967123210430145263671875: ABOVE the
  // half, so it rounds up like the text does (the double is not always below the decimal).
  REQUIRE(Decimal::from_double(0.2315).fixed(3) == "0.232");
  // Exactly representable halves round up.
  REQUIRE(Decimal::from_double(0.125).fixed(2) == "0.13");
  REQUIRE(Decimal::from_double(2.5).round_to_integer() == 3);
  // The exact expansion, not the shortest round-trip text, is what the value holds.
  REQUIRE(Decimal::from_double(0.1) > Decimal::parse("0.1"));
  REQUIRE(Decimal::from_double(2.675) < Decimal::parse("2.675"));
  REQUIRE(Decimal::from_double(0.5).str() == "0.5");
  REQUIRE(Decimal::from_double(1772.1).to_double() == 1772.1);
}

TEST_CASE("decimal: from_double is Boost's own conversion, bit for bit", "[decimal]") {
  // from_double repeats Boost's steps with only the power of two it needs (decimal.cpp); every
  // digit, guard digits included, must equal what Boost's conversion gives.
  const auto same = [](double d) {
    INFO("d = " << d);
    const Decimal::Backend boost_own(d);
    const Decimal::Backend ours = Decimal::from_double(d).raw();
    CHECK(ours == boost_own);
    CHECK(ours.str(120, std::ios_base::scientific) == boost_own.str(120, std::ios_base::scientific));
  };
  for (const double d : {0.0,
                         -0.0,
                         1.0,
                         -1.0,
                         2.0,
                         0.5,
                         0.1,
                         2.675,
                         1772.1,
                         1e-300,
                         4.9e-324,
                         1e300,
                         -3.25e-7,
                         std::ldexp(1.0, -127),
                         std::ldexp(1.0, 127),
                         std::ldexp(1.0, 128),
                         std::ldexp(0.75, -70),
                         9007199254740993.0,
                         0.30000000000000004,
                         -123456.789})
    same(d);
  // Values of every magnitude a metric or price takes, and beyond (the fallback to Boost's own way).
  std::uint64_t x = 0x9e3779b97f4a7c15ull;
  for (int i = 0; i < 20000; ++i) {
    x ^= x << 13, x ^= x >> 7, x ^= x << 17;
    const double mantissa = static_cast<double>(x >> 11) / 9007199254740992.0;
    const int exponent = static_cast<int>(x % 161) - 80;
    same((i % 7 == 0 ? -1 : 1) * std::ldexp(0.5 + mantissa / 2, exponent));
  }
}

TEST_CASE("decimal: to_double reads the backend's own 30-digit text", "[decimal]") {
  // to_double rounds the digits itself (decimal.cpp); it must give what strtod of the backend's
  // str(30, scientific) gives, for quotients, products, ties at the 32nd digit and carries.
  const auto same = [](const Decimal& v) {
    const std::string text = v.raw().str(30, std::ios_base::scientific);
    INFO("v = " << v.raw().str(60, std::ios_base::scientific));
    CHECK(v.to_double() == std::strtod(text.c_str(), nullptr));
  };
  for (const char* t : {"1", "-1", "0.5", "2.808", "12345678901234567890123456789015", "12345678901234567890123456789025",
                        "12345678901234567890123456789025000001", "99999999999999999999999999999995", "-0.000001234",
                        "3.0000000000000000000000000000049", "7.99999999999999999999999999999951"})
    same(Decimal::parse(t));
  same(Decimal(Decimal::Backend("1e-300")));
  same(Decimal(Decimal::Backend("1e300")));
  std::uint64_t x = 0x2545f4914f6cdd1dull;
  for (int i = 0; i < 20000; ++i) {
    x ^= x << 13, x ^= x >> 7, x ^= x << 17;
    const Decimal a = Decimal::from_int(static_cast<long long>(x % 1000000007) + 1);
    const Decimal b = Decimal::from_double(std::ldexp(static_cast<double>(x >> 11), -static_cast<int>(x % 90)));
    same(i % 3 == 0 ? a / b : i % 3 == 1 ? a * b : b - a);
  }
}

TEST_CASE("decimal: round_to_integer is half up (away from zero)", "[decimal]") {
  REQUIRE(Decimal::parse("33.5").round_to_integer() == 34);
  REQUIRE(Decimal::parse("33.4999").round_to_integer() == 33);
  REQUIRE(Decimal::parse("82.5").round_to_integer() == 83);
  REQUIRE(Decimal::parse("0.49").round_to_integer() == 0);
  REQUIRE(Decimal::parse("-2.5").round_to_integer() == -3);
  REQUIRE(Decimal::parse("-2.4").round_to_integer() == -2);
  REQUIRE(Decimal::from_int(1234567890123LL).round_to_integer() == 1234567890123LL);
}

TEST_CASE("decimal: round() keeps an exact decimal result", "[decimal]") {
  REQUIRE(Decimal::parse("0.17349").round(3) == Decimal::parse("0.173"));
  REQUIRE(Decimal::parse("0.1735").round(3) == Decimal::parse("0.174"));
  REQUIRE(Decimal::parse("34.5").round(0) == Decimal::from_int(35));
}

TEST_CASE("decimal: cost of §4 computed exactly from a decimal price", "[decimal]") {
  // price / (throughput * 3600 / 1e6) with price 1.48 and throughput 1772.1 tok/s/GPU:
  // 1.48 / 6.37956 = 0.23199... -> "$0.232" (the §8 worked example's FP4 figure).
  const Decimal price = Decimal::parse("1.48");
  const Decimal tput = Decimal::parse("1772.1");
  const Decimal cost = price / (tput * Decimal::from_int(3600) / Decimal::from_int(1000000));
  REQUIRE(cost.fixed(3) == "0.232");
  REQUIRE(cost.fixed(5) == "0.23199");
}

TEST_CASE("decimal: malformed text throws invalid_argument", "[decimal]") {
  for (const char* bad : {"", "abc", "1.2.3", "1e5", "1,5", " 1.5", "1.5 ", "$1.48", "--1", "+", "-", ".", "nan", "inf", "0x10"}) {
    INFO("input '" << bad << "'");
    REQUIRE_THROWS_AS(Decimal::parse(bad), std::invalid_argument);
  }
}

TEST_CASE("decimal: non-finite doubles throw invalid_argument", "[decimal]") {
  REQUIRE_THROWS_AS(Decimal::from_double(std::numeric_limits<double>::quiet_NaN()), std::invalid_argument);
  REQUIRE_THROWS_AS(Decimal::from_double(std::numeric_limits<double>::infinity()), std::invalid_argument);
  REQUIRE_THROWS_AS(Decimal::from_double(-std::numeric_limits<double>::infinity()), std::invalid_argument);
}

TEST_CASE("fixed_unless_tie: doubles decide what the exact decimal would, and leave ties to it", "[num]") {
  using icq::num::Decimal;
  using icq::num::fixed_unless_tie;
  CHECK(fixed_unless_tie(1002.25, 1) == std::nullopt);  // an exact tie: the exact path rounds it up
  CHECK(fixed_unless_tie(0.125, 2) == std::nullopt);
  CHECK(fixed_unless_tie(-1.0, 1) == std::nullopt);
  CHECK(fixed_unless_tie(1.005, 2) == std::nullopt);  // 1.00499999999999989…: a hair from a tie, the exact path
  CHECK(fixed_unless_tie(1.0049, 2) == "1.00");
  CHECK(fixed_unless_tie(0.0004, 3) == "0.000");
  CHECK(fixed_unless_tie(0.0006, 3) == "0.001");
  CHECK(fixed_unless_tie(999.96, 1) == "1000.0");
  CHECK(fixed_unless_tie(42.0, 0) == "42");
  std::uint64_t seed = 0x243f6a8885a308d3ull;
  const auto next = [&] { return seed = seed * 6364136223846793005ull + 1442695040888963407ull; };
  std::size_t decided = 0;
  for (int i = 0; i < 50000; ++i) {
    const int places = static_cast<int>(next() % 4);
    double v = static_cast<double>(next() >> 11) / 9007199254740992.0 * std::pow(10.0, static_cast<double>(next() % 8) - 2);
    if (i % 3 == 0) v = (std::floor(v * std::pow(10.0, places)) + 0.5) / std::pow(10.0, places);  // at or a hair from a tie
    if (const auto fast = fixed_unless_tie(v, places)) {
      ++decided;
      INFO(v << " to " << places);
      REQUIRE(*fast == Decimal::from_double(v).fixed(places));
    }
  }
  CHECK(decided > 30000);
}

TEST_CASE("fixed: the same text as fmt's {:.Nf}, ties, signs and non-finite values included", "[num]") {
  using icq::num::fixed;
  for (const double v : {0.25, 0.35, 1002.25, 2.5, 0.125, 1.005, -1.25, -0.04, 0.0, -0.0, 1e17, 123456.75,
                         std::numeric_limits<double>::infinity(), -std::numeric_limits<double>::infinity(),
                         std::numeric_limits<double>::quiet_NaN()})
    for (int places = 0; places <= 3; ++places) {
      INFO(v << " to " << places);
      CHECK(fixed(v, places) == fmt::format("{:.{}f}", v, places));
    }
  std::uint64_t seed = 0x13198a2e03707344ull;
  const auto next = [&] { return seed = seed * 6364136223846793005ull + 1442695040888963407ull; };
  for (int i = 0; i < 100000; ++i) {
    const int places = static_cast<int>(next() % 4);
    double v = static_cast<double>(next() >> 11) / 9007199254740992.0 * std::pow(10.0, static_cast<double>(next() % 9) - 3);
    if (i % 3 == 0) v = (std::floor(v * std::pow(10.0, places)) + 0.5) / std::pow(10.0, places);  // at or a hair from a tie
    if (i % 7 == 0) v = -v;
    INFO(v << " to " << places);
    REQUIRE(fixed(v, places) == fmt::format("{:.{}f}", v, places));
  }
}
