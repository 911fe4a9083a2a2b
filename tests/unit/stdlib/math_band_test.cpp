// SEMANTICS.md §5: the interactivity band, default targets, position words and the band label.
#include <catch2/catch.hpp>

#include <vector>

#include "math/band.hpp"

using icq::math::band_label;
using icq::math::band_of;
using icq::math::band_targets;
using icq::math::position_words;
using icq::math::Range;
using icq::math::round_half_up;

TEST_CASE("band_of: max of the mins, min of the maxes", "[band]") {
  const std::vector<Range> ranges = {{16.2, 180.7}, {10.0, 210.0}, {12.5, 150.3}};
  const auto b = band_of(ranges);
  REQUIRE(b.has_value());
  REQUIRE(b->lo == 16.2);
  REQUIRE(b->hi == 150.3);
}

TEST_CASE("band_of: one range is its own band", "[band]") {
  const std::vector<Range> ranges = {{3, 9}};
  const auto b = band_of(ranges);
  REQUIRE(b.has_value());
  REQUIRE(b->lo == 3);
  REQUIRE(b->hi == 9);
}

TEST_CASE("band_of: ranges that never overlap give no band", "[band]") {
  const std::vector<Range> disjoint = {{10, 20}, {30, 40}};
  REQUIRE_FALSE(band_of(disjoint).has_value());
  // Three sides where each pair overlaps but not all three together.
  const std::vector<Range> pairwise = {{10, 30}, {20, 40}, {31, 50}};
  REQUIRE_FALSE(band_of(pairwise).has_value());
}

TEST_CASE("band_of: touching ranges give a one-point band", "[band]") {
  const std::vector<Range> touching = {{10, 20}, {20, 40}};
  const auto b = band_of(touching);
  REQUIRE(b.has_value());
  REQUIRE(b->lo == 20);
  REQUIRE(b->hi == 20);
}

TEST_CASE("band_of: no ranges at all give no band", "[band]") { REQUIRE_FALSE(band_of(std::vector<Range>{}).has_value()); }

TEST_CASE("round_half_up rounds .5 up, not to even", "[band]") {
  REQUIRE(round_half_up(12.5) == 13);
  REQUIRE(round_half_up(13.5) == 14);
  REQUIRE(round_half_up(14.5) == 15);
  REQUIRE(round_half_up(0.5) == 1);
  REQUIRE(round_half_up(12.49) == 12);
  REQUIRE(round_half_up(12.51) == 13);
  REQUIRE(round_half_up(56.0) == 56);
}

TEST_CASE("band_targets: round(lo + q*(hi-lo)) half up", "[band]") {
  const std::vector<double> quartiles = {0.25, 0.50, 0.75};
  // lo = 10, hi = 20: 12.5 -> 13, 15 -> 15, 17.5 -> 18
  REQUIRE(band_targets({10, 20}, quartiles) == std::vector<double>{13, 15, 18});
  // A band displayed as 16–180 whose exact ends are 15.1 and 180.3 gives the §8 worked example's
  // targets: 56.4 -> 56, 97.7 -> 98, 139.0 -> 139. (lo = 16 exactly would give 57 first.)
  REQUIRE(band_targets({15.1, 180.3}, quartiles) == std::vector<double>{56, 98, 139});
  REQUIRE(band_label({15.1, 180.3}) == "16–180");
  REQUIRE(band_targets({16, 180}, quartiles) == std::vector<double>{57, 98, 139});
  // Non-integer band: 16.3 + 0.25*163.4 = 57.15 -> 57; 98.0 -> 98; 138.85 -> 139
  REQUIRE(band_targets({16.3, 179.7}, quartiles) == std::vector<double>{57, 98, 139});
  // Other fractions (band percentages): 10% and 90% of [0, 45] = 4.5 -> 5, 40.5 -> 41
  const std::vector<double> tenths = {0.10, 0.90};
  REQUIRE(band_targets({0, 45}, tenths) == std::vector<double>{5, 41});
  // A one-point band gives that point for every fraction.
  REQUIRE(band_targets({42.4, 42.4}, quartiles) == std::vector<double>{42, 42, 42});
}

TEST_CASE("position_words: lower third, middle, upper third", "[band]") {
  const Range b{10, 40};  // thirds at 20 and 30
  REQUIRE(position_words(b, 10) == "near the low end");
  REQUIRE(position_words(b, 19) == "near the low end");
  REQUIRE(position_words(b, 20) == "around the middle");  // f = 1/3 exactly: not below a third
  REQUIRE(position_words(b, 25) == "around the middle");
  REQUIRE(position_words(b, 30) == "around the middle");  // f = 2/3 exactly: not above two thirds
  REQUIRE(position_words(b, 31) == "toward the upper edge");
  REQUIRE(position_words(b, 40) == "toward the upper edge");
}

TEST_CASE("position_words on the §8 worked example's targets", "[band]") {
  const Range b{15.1, 180.3};
  REQUIRE(position_words(b, 56) == "near the low end");
  REQUIRE(position_words(b, 98) == "around the middle");
  REQUIRE(position_words(b, 139) == "toward the upper edge");
}

TEST_CASE("position_words on a one-point band says the middle", "[band]") { REQUIRE(position_words({50, 50}, 50) == "around the middle"); }

TEST_CASE("band_label: ceil of lo, floor of hi", "[band]") {
  REQUIRE(band_label({15.2, 180.9}) == "16–180");
  REQUIRE(band_label({16, 180}) == "16–180");
  REQUIRE(band_label({10.0001, 19.9999}) == "11–19");
  REQUIRE(band_label({2.43, 3.1}) == "3–3");
}
