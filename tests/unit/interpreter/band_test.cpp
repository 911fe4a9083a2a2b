// SEMANTICS.md §5 at the level of a whole `compare`: the band from every row of each side (not
// only the frontier), default targets at 25/50/75 % rounded half up, `at band P%`, position words,
// the band label, and the empty band.
#include "interp_fixture.hpp"

using namespace icq_test;
using icq::Status;

namespace {

// fp8: (5,50) is dominated by (10,100), so fp8's range is [5, 30] while its frontier spans 10–30.
// fp4: range [2, 40]. Band = [max(5, 2), min(30, 40)] = [5, 30] (from the frontiers: [10, 30]).
std::vector<ApiRow> band_rows() {
  return {row(5, 50, 128), row(10, 100, 64), row(30, 60, 16), row(2, 300, 256).prec("fp4"), row(40, 20, 1).prec("fp4")};
}

}  // namespace

TEST_CASE("band: max of the mins and min of the maxes over all rows, not only the frontier", "[interp][band]") {
  TempData data(band_rows());
  auto s = data.session();
  const auto r = run_ok(s, "compare precision fp8 vs fp4");
  const auto& c = comparison(r);
  REQUIRE(side(c, "fp8").range);
  CHECK(*side(c, "fp8").range == std::pair{5.0, 30.0});
  CHECK(side(c, "fp8").frontier_points == 2);
  CHECK(*side(c, "fp4").range == std::pair{2.0, 40.0});
  REQUIRE(c.band);
  CHECK(*c.band == std::pair{5.0, 30.0});
  CHECK(any_contains(r.notes, "band 5–30 tok/s/user: where every side was measured (5.00–30.00); targets are its 25/50/75% points"));
}

TEST_CASE("band: default targets are the 25/50/75% points rounded half up", "[interp][band]") {
  TempData data(band_rows());
  auto s = data.session();
  const auto r = run_ok(s, "compare precision fp8 vs fp4");
  const auto& c = comparison(r);
  // 5 + 25 * (0.25, 0.5, 0.75) = 11.25, 17.5, 23.75 -> 11, 18 (half up, not 17), 24
  CHECK(targets_of(c) == std::vector<double>{11, 18, 24});
  CHECK(contains(r.query, "at interactivity 11, 18, 24"));
  // Position words: f = 0.24, 0.52, 0.76.
  CHECK(c.targets[0].position == "near the low end");
  CHECK(c.targets[1].position == "around the middle");
  CHECK(c.targets[2].position == "toward the upper edge");
  REQUIRE(r.summary.size() == 3);
  CHECK(r.summary[0].rfind("Near the low end of the 5–30 tok/s/user band, at 11 tok/s/user: ", 0) == 0);
  CHECK(r.summary[1].rfind("Around the middle of the 5–30 tok/s/user band, at 18 tok/s/user: ", 0) == 0);
  CHECK(r.summary[2].rfind("Toward the upper edge of the 5–30 tok/s/user band, at 24 tok/s/user: ", 0) == 0);
}

TEST_CASE("band: the label is ceil(lo)–floor(hi) and targets round the exact band", "[interp][band]") {
  // fp8 [5.5, 30.25], fp4 [2, 40]: label 6–30; targets 11.6875 -> 12, 17.875 -> 18, 24.0625 -> 24.
  TempData data({row(5.5, 100, 64), row(30.25, 60, 16), row(2, 300, 256).prec("fp4"), row(40, 20, 1).prec("fp4")});
  auto s = data.session();
  const auto r = run_ok(s, "compare precision fp8 vs fp4");
  const auto& c = comparison(r);
  CHECK(*c.band == std::pair{5.5, 30.25});
  CHECK(targets_of(c) == std::vector<double>{12, 18, 24});
  CHECK(any_contains(r.notes, "band 6–30 tok/s/user: where every side was measured (5.50–30.25)"));
  CHECK(contains(r.summary[0], "of the 6–30 tok/s/user band, at 12 tok/s/user"));
}

TEST_CASE("band: position words split the band in thirds, the boundaries belong to the middle", "[interp][band]") {
  // Band [3, 33]: f(12) = 0.3, f(13) = 1/3, f(23) = 2/3, f(24) = 0.7.
  TempData data({row(3, 100, 64), row(33, 60, 16), row(1, 300, 256).prec("fp4"), row(40, 20, 1).prec("fp4")});
  auto s = data.session();
  const auto r = run_ok(s, "compare precision fp8 vs fp4 at interactivity 12, 13, 23, 24");
  const auto& c = comparison(r);
  CHECK(c.targets[0].position == "near the low end");
  CHECK(c.targets[1].position == "around the middle");
  CHECK(c.targets[2].position == "around the middle");
  CHECK(c.targets[3].position == "toward the upper edge");
  // Explicit targets: the band note does not claim quartiles.
  CHECK(any_contains(r.notes, "band 3–33 tok/s/user: where every side was measured (3.00–33.00)"));
  CHECK_FALSE(any_contains(r.notes, "25/50/75%"));
}

TEST_CASE("band: at band P% places targets in the band, rounded half up", "[interp][band]") {
  TempData data(band_rows());
  auto s = data.session();
  const auto r = run_ok(s, "compare precision fp8 vs fp4 at band 10%, 50%, 90%");
  const auto& c = comparison(r);
  // 5 + 25 * (0.1, 0.5, 0.9) = 7.5, 17.5, 27.5 -> 8, 18, 28
  CHECK(targets_of(c) == std::vector<double>{8, 18, 28});
  CHECK(contains(r.query, "at interactivity 8, 18, 28"));
  CHECK(any_contains(r.notes, "targets are the given percentages of it"));
  // 8 is inside the band (measured by fp8's dominated row) but below fp8's frontier.
  CHECK(status(c, 0, "fp8") == Status::out_of_range);
  CHECK(status(c, 1, "fp8") == Status::ok);
  const auto edges = run_ok(s, "compare precision fp8 vs fp4 at band 0%, 100%");
  CHECK(targets_of(comparison(edges)) == std::vector<double>{5, 30});
}

TEST_CASE("band: sides whose ranges only touch have no default targets: an error naming each range", "[interp][band]") {
  TempData data({row(10, 100, 64), row(20, 60, 16), row(20, 300, 256).prec("fp4"), row(40, 20, 1).prec("fp4")});
  auto s = data.session();
  const auto d = run_error(s, "compare precision fp8 vs fp4");
  CHECK(contains(d.message, "only touch (20.00–20.00)"));
  CHECK(contains(d.help, "FP8 10.0–20.0; FP4 20.0–40.0"));
  CHECK(contains(d.help, "at interactivity"));
  CHECK(contains(d.help, "clamp"));
  // Explicit targets still work: no band, no position words, each side's status.
  const auto r = run_ok(s, "compare precision fp8 vs fp4 at interactivity 20");
  CHECK_FALSE(comparison(r).band.has_value());
  CHECK(any_contains(r.notes, "no common band: the sides' interactivity ranges only touch"));
}

TEST_CASE("band: a band too narrow for an integer target (displayed 59–58) is degenerate too", "[interp][band]") {
  TempData data({row(10, 100, 64), row(58.6, 60, 16), row(58.2, 300, 256).prec("fp4"), row(70, 20, 1).prec("fp4")});
  auto s = data.session();
  const auto d = run_error(s, "compare precision fp8 vs fp4");
  CHECK(contains(d.message, "only touch (58.20–58.60)"));
}

TEST_CASE("band: at band 0%, 100% stays inside the displayed band, outside targets are below / above it", "[interp][band]") {
  TempData data({row(10.4, 100, 64), row(30.6, 60, 16), row(12.3, 300, 256).prec("fp4"), row(40, 20, 1).prec("fp4")});
  auto s = data.session();
  // band 12.3–30.6, displayed 13–30: the rounded 0 % (12) and 100 % (31) would fall outside it.
  const auto r = run_ok(s, "compare precision fp8 vs fp4 at band 0%, 100%");
  CHECK(targets_of(comparison(r)) == std::vector<double>{13, 30});
  const auto out = run_ok(s, "compare precision fp8 vs fp4 at interactivity 11, 35");
  const auto& c = comparison(out);
  CHECK(c.targets[0].position == "below the band");
  CHECK(c.targets[1].position == "above the band");
  REQUIRE(out.summary.size() == 2);
  CHECK(contains(out.summary[0], "Below the 13–30 tok/s/user band, at 11 tok/s/user"));
  CHECK(contains(out.summary[1], "Above the 13–30 tok/s/user band, at 35 tok/s/user"));
  CHECK_FALSE(contains(out.summary[0], "near the low end"));
}

namespace {

// fp8 measured 10–20, fp4 30–40: the sides never overlap.
std::vector<ApiRow> disjoint_rows() { return {row(10, 100, 64), row(20, 60, 16), row(30, 90, 32).prec("fp4"), row(40, 50, 8).prec("fp4")}; }

}  // namespace

TEST_CASE("band: an empty band with default targets is an error naming each side's range", "[interp][band]") {
  TempData data(disjoint_rows());
  auto s = data.session();
  const auto d = run_error(s, "compare precision fp8 vs fp4");
  CHECK(contains(d.message, "the sides' interactivity ranges never overlap, so there is no band to place default targets in"));
  CHECK(contains(d.help, "FP8 10.0–20.0; FP4 30.0–40.0"));
}

TEST_CASE("band: at band P% with an empty band is an error naming each side's range", "[interp][band]") {
  TempData data(disjoint_rows());
  auto s = data.session();
  const auto d = run_error(s, "compare precision fp8 vs fp4 at band 50%");
  CHECK(contains(d.message, "never overlap, so there is no band to place band percentages in"));
  CHECK(contains(d.help, "FP8 10.0–20.0; FP4 30.0–40.0"));
  CHECK(d.span.column == 30);  // points at "at band 50%"
}

TEST_CASE("band: with an empty band, explicit targets still work and name the unreachable side", "[interp][band]") {
  TempData data(disjoint_rows());
  auto s = data.session();
  const auto r = run_ok(s, "compare precision fp8 vs fp4 at interactivity 15, 35");
  const auto& c = comparison(r);
  CHECK(status(c, 0, "fp8") == Status::ok);
  CHECK(status(c, 0, "fp4") == Status::out_of_range);
  CHECK(status(c, 1, "fp8") == Status::out_of_range);
  CHECK(c.targets[0].position.empty());
  REQUIRE(r.summary.size() == 2);
  CHECK(r.summary[0] == "At 15 tok/s/user: FP4 is out of range (its frontier spans 30.0–40.0 tok/s/user); no comparison.");
}
