#include <catch2/catch.hpp>

#include "icq/icq.hpp"

TEST_CASE("a comparison on the built-in data yields a band, three targets and four metrics", "[session]") {
  icq::Session s;
  const auto out = s.run("compare precision fp4 vs fp8 on mi355x model dsr1 seq 1k/1k");
  REQUIRE(out.ok());
  REQUIRE(out.results.size() == 1);
  const auto& c = *out.results[0].comparison;
  REQUIRE(c.band.has_value());
  REQUIRE(c.targets.size() == 3);
  REQUIRE(c.metrics.size() == 4);
  REQUIRE(c.sides.size() == 2);
  REQUIRE(out.results[0].summary.size() == 3);
}
