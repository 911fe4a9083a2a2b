// `compare … with noise` (SEMANTICS.md §6, §12) on the built-in data: spreads from reruns of each
// frontier knot's configuration at its concurrency, unknown below 2 runs, none for concurrency.
#include "interp_fixture.hpp"

using namespace icq_test;

namespace {

const icq::Spread& spread(const icq::Comparison& c, std::size_t target, std::string_view side, std::string_view key) {
  const auto& sv = side_value(c, target, side);
  REQUIRE(sv.noise.size() == c.metrics.size());
  const auto& n = sv.noise[metric_index(c, key)];
  REQUIRE(n.has_value());
  return *n;
}

}  // namespace

TEST_CASE("noise: a knot rerun on many dates has a spread, a knot run once has an unknown one", "[interp][noise]") {
  // MI300X's sglang TP8 line was rerun at conc 64, 16 and 4 on 11 dates and at 32 and 8 on 2; MI325X's
  // conc 64, 32 and 16 knots were run once.
  icq::Session s;
  const auto r =
      run_ok(s, "compare gpu mi300x vs mi325x model dsr1 precision fp8 at 39, 65 show throughput, concurrency with noise last 10");
  const auto& c = comparison(r);
  const icq::Spread& known = spread(c, 0, "mi300x", "throughput");
  CHECK_FALSE(known.unknown);
  CHECK(known.runs == 2);  // the bracketing knots have 2 (conc 32) and 10 (conc 16) runs: the smaller
  const double v = *value(c, 0, "mi300x", "throughput");
  CHECK(known.min < v);
  CHECK(known.max >= v);
  CHECK(known.stddev > 0);
  const icq::Spread& unknown = spread(c, 0, "mi325x", "throughput");
  CHECK(unknown.unknown);
  CHECK(unknown.runs == 1);
  // Concurrency has no run-to-run spread.
  CHECK_FALSE(side_value(c, 0, "mi300x").noise[metric_index(c, "concurrency")].has_value());
  // An unknown spread never makes a within-noise verdict; two known overlapping ones do.
  CHECK_FALSE(contains(r.summary.at(0), "within run-to-run noise"));
  CHECK(contains(r.summary.at(1), "MI325X and MI300X are within run-to-run noise"));
  CHECK(any_contains(r.notes, "unknown spread (±?)"));
  CHECK(any_contains(r.notes, "MI325X at 39 (sglang conc 64 on 2026-05-18: 1 run; sglang conc 32 on 2026-05-18: 1 run)"));
  CHECK(any_contains(r.notes, "`trend METRIC … at T` shows it"));
  // The table says ±? for an unknown spread, ± and a number for a known one, nothing for concurrency.
  const std::string text = icq::render(r, icq::Format::table);
  CHECK(contains(text, "334.0 ±?"));
  CHECK(contains(text, "243.5 ±47.6"));
  CHECK_FALSE(contains(text, "~26 ±"));
}

TEST_CASE("noise: at a knot the spread is the knot's own runs as factors of its value", "[interp][noise]") {
  // Clamped below MI300X's frontier: the value is its first knot's (sglang TP8 conc 64, 2026-05-18,
  // 377.0 tok/s/GPU), whose last 10 runs go down to 273.9 tok/s/GPU (2026-02-12) and up to its own.
  icq::Session s;
  const auto r = run_ok(s, "compare gpu mi300x vs mi325x model dsr1 precision fp8 at 20 clamp show throughput, cost with noise last 10");
  const auto& c = comparison(r);
  const icq::Spread& t = spread(c, 0, "mi300x", "throughput");
  const double v = *value(c, 0, "mi300x", "throughput");
  CHECK(t.runs == 10);
  CHECK(t.max == Approx(v).epsilon(1e-12));
  CHECK(t.min / v == Approx(273.9 / 377.0).epsilon(1e-3));
  // Cost moves inversely: its highest run is the slowest one.
  const icq::Spread& cost = spread(c, 0, "mi300x", "cost");
  const double cv = *value(c, 0, "mi300x", "cost");
  CHECK(cost.min == Approx(cv).epsilon(1e-12));
  CHECK(cost.max / cv == Approx(377.0 / 273.9).epsilon(1e-3));
}
