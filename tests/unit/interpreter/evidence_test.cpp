// Evidence behind every value (SEMANTICS.md §12) on the built-in data: each kind on a real
// comparison, the wide-gap rule, the verdict that rests on a value that is not solid, the best single
// configuration, and the `solid` gates.
#include <catch2/catch.hpp>

#include "interp_fixture.hpp"

namespace {

using namespace icq_test;
using icq::Evidence;

const Evidence& evidence_at(const icq::Comparison& c, std::size_t target, std::string_view side) {
  const auto& sv = side_value(c, target, side);
  REQUIRE(sv.evidence);
  return *sv.evidence;
}

// DeepSeek-R1 on MI355X, 1k/1k: each kind of evidence at one of these targets.
constexpr const char* kMi355x = "compare precision fp4 vs fp8 on mi355x model dsr1 seq 1k/1k at 35.6, 53, 127";

}  // namespace

TEST_CASE("evidence: measured within 1% of a knot, between two configurations, along one, across a wide gap", "[interp][evidence]") {
  icq::Session s;
  const auto r = run_ok(s, kMi355x);
  const auto& c = comparison(r);
  // 35.6 is 0.08% from FP4's knot at 35.57 (mori-sglang disagg, conc 1024): measured, that one knot.
  const Evidence& m = evidence_at(c, 0, "fp4");
  CHECK(m.kind == Evidence::Kind::measured);
  REQUIRE(m.knots.size() == 1);
  CHECK(m.knots[0].interactivity == Approx(35.5715).epsilon(1e-4));
  CHECK(m.knots[0].concurrency == 1024);
  CHECK(m.knots[0].config == "mi355x mori-sglang fp4 disagg 1P×tp1 ep8 + 2D×tp1 ep8 (24 GPUs)");
  // FP8 at 35.6: between a disaggregated MTP knot at 31.0 and atom tp8 at 36.3.
  const Evidence& two = evidence_at(c, 0, "fp8");
  CHECK(two.kind == Evidence::Kind::two_configs);
  CHECK_FALSE(two.same_config);
  REQUIRE(two.knots.size() == 2);
  CHECK(two.knots[1].config == "mi355x atom fp8 tp8");
  // FP4 at 53: its knots at 35.6 and 79.3 are more than 2x apart in interactivity.
  const Evidence& gap = evidence_at(c, 1, "fp4");
  CHECK(gap.kind == Evidence::Kind::wide_gap);
  CHECK(gap.knots[1].interactivity / gap.knots[0].interactivity > icq::kWideGapInteractivity);
  // FP8 at 127: atom fp8 mtp tp8 at conc 8 and 4, adjacent concurrencies of one line.
  const Evidence& one = evidence_at(c, 2, "fp8");
  CHECK(one.kind == Evidence::Kind::one_config);
  CHECK(one.same_config);
  CHECK(one.knots[0].config == one.knots[1].config);
  CHECK(one.knots[0].concurrency == 8);
  CHECK(one.knots[1].concurrency == 4);
  CHECK(one.solid());
  CHECK(m.solid());
  CHECK_FALSE(two.solid());
  CHECK_FALSE(gap.solid());
}

TEST_CASE("evidence: the values are the dashboard's; evidence only adds to them", "[interp][evidence]") {
  icq::Session s;
  const auto with = run_ok(s, kMi355x);
  const auto without =
      run_ok(s, "compare precision fp4 vs fp8 on mi355x model dsr1 seq 1k/1k at 35.6, 53, 127 show throughput, cost, power, concurrency");
  for (std::size_t t = 0; t < 3; ++t)
    for (const char* sd : {"fp4", "fp8"})
      for (const char* k : {"throughput", "cost", "tokens_per_mw", "concurrency"})
        CHECK(value(comparison(with), t, sd, k) == value(comparison(without), t, sd, k));
  // FP4 at 53 on the built-in data, as before evidence existed (builtin_data_test).
  CHECK(*value(comparison(with), 1, "fp4", "throughput") == Approx(1422.1328396854158).epsilon(1e-9));
}

TEST_CASE("evidence: clamped values and out-of-range targets", "[interp][evidence]") {
  icq::Session s;
  const auto r = run_ok(s, "compare precision fp4 vs fp8 on mi355x model dsr1 seq 1k/1k at 200, 300 clamp");
  const auto& c = comparison(r);
  const Evidence& e = evidence_at(c, 1, "fp8");
  CHECK(e.kind == Evidence::Kind::clamped);
  REQUIRE(e.knots.size() == 1);
  CHECK(e.knots[0].interactivity == Approx(163.53).epsilon(1e-3));
  const auto unclamped = run_ok(s, "compare precision fp4 vs fp8 on mi355x model dsr1 seq 1k/1k at 200");
  CHECK_FALSE(side_value(comparison(unclamped), 0, "fp8").evidence);  // out of range: no value, no evidence
}

TEST_CASE("evidence: a verdict resting on a value that is not solid says so in the same sentence", "[interp][evidence]") {
  icq::Session s;
  const auto r = run_ok(s, "compare gpu gb300 vs b200 model dsr1 precision fp8 at 100 show throughput");
  REQUIRE(r.summary.size() == 1);
  CHECK(contains(r.summary[0],
                 "GB300 delivers 1338% more tok/s/GPU — but GB300's value is a guess across a wide gap "
                 "(nothing measured between 84.1 and 172.9 tok/s/user)"));
  CHECK(any_contains(r.notes,
                     "‡ (wide_gap) across a wide gap (the frontier segment's upper end is more than 2× as interactive as its lower end, "
                     "or its throughput changes more than 3×)"));
  // A solid comparison says nothing more: FP8 at 127 is along one configuration, FP4 between two.
  const auto solid = run_ok(s, "compare precision fp4 vs fp8 on mi355x model dsr1 seq 1k/1k at 127 show throughput");
  CHECK(contains(solid.summary[0], "— but FP4's value joins two configurations (no single deployment was measured at 127 tok/s/user)."));
  CHECK_FALSE(contains(solid.summary[0], "FP8's value"));
}

TEST_CASE("evidence: the best single configuration beside the pooled value", "[interp][evidence]") {
  icq::Session s;
  const auto r = run_ok(s, "compare gpu gb300 vs b200 model dsr1 precision fp8 at 100 show throughput, deployable");
  const auto& c = comparison(r);
  // GB300's pooled 3,122.6 joins two dynamo-trt lines neither of which spans 100 alone; the one line
  // that does (dynamo-sglang) is read across its own wide gap.
  const auto& g = side_value(c, 0, "gb300");
  REQUIRE(g.deployable);
  CHECK(g.deployable->config == "gb300 dynamo-sglang fp8 disagg 1P×tp4 + 4D×tp4 (20 GPUs)");
  CHECK(*g.deployable->values[0] == Approx(146.0).epsilon(1e-3));
  CHECK(g.deployable->evidence->kind == Evidence::Kind::wide_gap);
  // B200: a solid line (tp8 ep8, one configuration) before a higher guess (tp8 across its own gap).
  const auto& b = side_value(c, 0, "b200");
  REQUIRE(b.deployable);
  CHECK(b.deployable->config == "b200 trt fp8 mtp tp8 ep8");
  CHECK(b.deployable->evidence->kind == Evidence::Kind::one_config);
  CHECK(any_contains(
      r.notes,
      "B200 at 100: the pooled throughput 217.1 is 6.2% above the 204.4 of the best single configuration, b200 trt fp8 mtp tp8 ep8"));
  REQUIRE(r.tables.size() == 2);
  CHECK(r.tables[1].title == "deployable");
  // Without asking, no deployable is carried (the note still is).
  const auto plain = run_ok(s, "compare gpu gb300 vs b200 model dsr1 precision fp8 at 100 show throughput");
  CHECK_FALSE(side_value(comparison(plain), 0, "b200").deployable);
  CHECK(any_contains(plain.notes, "beyond any single configuration: GB300 at 100"));
}

TEST_CASE("evidence: expect … solid and expect solid fail on a guess, hold on solid values", "[interp][evidence]") {
  icq::Session s;
  // The failed gates of a run, one diagnostic each, and their text.
  const auto failed = [](const icq::Outcome& out) {
    std::vector<std::string> m;
    for (const auto& d : out.diagnostics)
      if (d.kind == icq::ErrorKind::expect) m.push_back(d.message + " " + d.help);
    return m;
  };
  const auto out = s.run(
      "compare precision fp4 vs fp8 on mi355x model dsr1 seq 1k/1k at 127\n"
      "expect throughput(fp8) < throughput(fp4) at 127\n"
      "expect throughput(fp8) < throughput(fp4) at 127 solid\n"
      "expect solid at 127",
      "query", false);
  const auto f = failed(out);
  REQUIRE(f.size() == 2);
  CHECK(contains(f[0], "holds, but not on solid values: FP4 is between two configurations"));
  CHECK(contains(f[1], "at 127 tok/s/user: not solid: FP4 is between two configurations"));
  CHECK(out.exit_code() == 3);
  // FP4 at 35.6 sits on a knot, but FP8 there joins two configurations.
  CHECK(failed(s.run("compare precision fp4 vs fp8 on mi355x model dsr1 seq 1k/1k at 35.6\nexpect solid at 35.6", "query", false)).size() ==
        1);
  // A gate on FP8 alone at 127 (along one configuration) holds.
  const auto held =
      s.run("compare precision fp4 vs fp8 on mi355x model dsr1 seq 1k/1k at 127\nexpect throughput(fp8) > 0 at 127 solid", "query", false);
  CHECK(failed(held).empty());
  CHECK(held.exit_code() == 0);
}

TEST_CASE("evidence: completion and help know show deployable and config on compare", "[interp][evidence]") {
  icq::Session s;
  const auto words = s.complete("compare precision fp4 vs fp8 on mi355x show throughput, dep");
  CHECK(std::find(words.begin(), words.end(), "deployable") != words.end());
  const auto points = s.complete("points on mi355x show dep");
  CHECK(std::find(points.begin(), points.end(), "deployable") == points.end());
  CHECK(contains(icq::render(run_ok(s, "help compare"), icq::Format::table), "deployable (the best single configuration at each target)"));
}
