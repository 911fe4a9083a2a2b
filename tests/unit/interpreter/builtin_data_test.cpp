// Facts of the built-in data (../shared/data/inferencex/api), pinned: row and frontier counts,
// ranges, band, targets and values of two comparisons. The expected numbers agree with the
// independent Python reference (tests/reference/icq_ref.py) and with README.md.
#include "interp_fixture.hpp"

using namespace icq_test;
using icq::Status;

TEST_CASE("built-in data: fp4 vs fp8 on MI355X for DeepSeek-R1 1k/1k", "[interp][builtin]") {
  icq::Session s;
  const auto r = run_ok(s, "compare precision fp4 vs fp8 on mi355x model dsr1");
  CHECK(r.query ==
        "compare precision fp4 vs fp8 gpu mi355x model dsr1 seq 1k/1k at interactivity 53, 90, 127 show throughput, cost, power, "
        "concurrency using prices 2026-09 hyperscaler using cost derived using interactivity p50 tokens total");
  const auto& c = comparison(r);
  const auto& fp4 = side(c, "fp4");
  const auto& fp8 = side(c, "fp8");
  CHECK(fp4.rows == 28);
  CHECK(fp4.frontier_points == 10);
  CHECK(fp4.range->first == Approx(11.262149580960926).epsilon(1e-12));
  CHECK(fp4.range->second == Approx(244.1726940365324).epsilon(1e-12));
  CHECK(fp8.rows == 28);
  CHECK(fp8.frontier_points == 9);
  CHECK(fp8.range->first == Approx(16.128253457072333).epsilon(1e-12));
  CHECK(fp8.range->second == Approx(163.52853505820232).epsilon(1e-12));
  REQUIRE(c.band);
  CHECK(c.band->first == fp8.range->first);
  CHECK(c.band->second == fp8.range->second);
  CHECK(targets_of(c) == std::vector<double>{53, 90, 127});
  for (std::size_t t = 0; t < 3; ++t)
    for (const char* sd : {"fp4", "fp8"}) CHECK(status(c, t, sd) == Status::ok);
  CHECK(*value(c, 0, "fp4", "throughput") == Approx(1422.1328396854158).epsilon(1e-9));
  CHECK(*value(c, 0, "fp4", "cost") == Approx(0.29298716339244074).epsilon(1e-9));
  CHECK(*value(c, 0, "fp4", "tokens_per_mw") == Approx(680446.3347777108).epsilon(1e-9));
  CHECK(value(c, 0, "fp4", "concurrency") == 883.0);
  CHECK(*value(c, 0, "fp8", "throughput") == Approx(885.2253605812344).epsilon(1e-9));
  CHECK(*value(c, 0, "fp8", "cost") == Approx(0.4706899341350608).epsilon(1e-9));
  CHECK(value(c, 0, "fp8", "concurrency") == 147.0);
  CHECK(*value(c, 1, "fp4", "throughput") == Approx(681.0856722714796).epsilon(1e-9));
  CHECK(*value(c, 1, "fp8", "throughput") == Approx(317.4976003461888).epsilon(1e-9));
  CHECK(value(c, 1, "fp4", "concurrency") == 33.0);
  CHECK(*value(c, 2, "fp4", "throughput") == Approx(619.9117543433068).epsilon(1e-9));
  CHECK(*value(c, 2, "fp8", "throughput") == Approx(242.75719937031892).epsilon(1e-9));
  CHECK(value(c, 2, "fp8", "concurrency") == 8.0);
  REQUIRE(r.summary.size() == 3);
  CHECK(r.summary[0] ==
        "Near the low end of the 17–163 tok/s/user band, at 53 tok/s/user: FP4 is 61% cheaper per token; FP4 delivers 61% more tok/s/GPU"
        " — but FP4's value is a guess across a wide gap (nothing measured between 35.6 and 79.3 tok/s/user), and FP8's value joins two"
        " configurations (no single deployment was measured at 53 tok/s/user).");
  CHECK(contains(r.summary[1], "FP4 is 115% cheaper per token; FP4 delivers 115% more tok/s/GPU"));
  CHECK(contains(r.summary[2], "FP4 is 155% cheaper per token; FP4 delivers 155% more tok/s/GPU"));
  CHECK(any_contains(r.notes, "FP4: 28 rows on 16 lines, measured 11.3–244.2 tok/s/user; 10 frontier points spanning 11.3–244.2"));
}

TEST_CASE("built-in data: B200 vs MI355X vs H200 for DeepSeek-R1 fp8 8k/1k", "[interp][builtin]") {
  icq::Session s;
  const auto r = run_ok(s, "compare gpu b200 vs mi355x vs h200 model dsr1 precision fp8 seq 8k/1k");
  const auto& c = comparison(r);
  CHECK(side(c, "b200").rows == 39);
  CHECK(side(c, "b200").frontier_points == 9);
  CHECK(side(c, "mi355x").rows == 29);
  CHECK(side(c, "mi355x").frontier_points == 7);
  CHECK(side(c, "h200").rows == 32);
  CHECK(side(c, "h200").frontier_points == 7);
  REQUIRE(c.band);
  CHECK(c.band->first == Approx(11.385163770646361).epsilon(1e-12));
  CHECK(c.band->second == Approx(124.45051184726556).epsilon(1e-12));
  CHECK(targets_of(c) == std::vector<double>{40, 68, 96});
  CHECK(*value(c, 0, "b200", "throughput") == Approx(2669.9861047382487).epsilon(1e-9));
  CHECK(*value(c, 0, "h200", "cost") == Approx(0.18017834095668275).epsilon(1e-9));
  CHECK(value(c, 0, "mi355x", "concurrency") == 2010.0);
  CHECK(*value(c, 2, "mi355x", "tokens_per_mw") == Approx(501683.93568488664).epsilon(1e-9));
  REQUIRE(r.summary.size() == 3);
  CHECK(contains(r.summary[0], "B200 and H200 are essentially tied on cost per token; B200 delivers 30% more tok/s/GPU than MI355X"));
  CHECK(contains(r.summary[1], "B200 is 2% cheaper per token than MI355X; B200 delivers 18% more tok/s/GPU than MI355X"));
  CHECK(contains(r.summary[2], "B200 and MI355X are essentially tied on cost per token; B200 delivers 15% more tok/s/GPU than MI355X"));
}

TEST_CASE("built-in data: summary of what is loaded, and the only model is the default", "[interp][builtin]") {
  icq::Session s;
  const auto d = s.data();
  CHECK(d.rows == 2383);  // DeepSeek-R1 (api/) and Qwen 3.5 (api-partial/, api-found/)
  CHECK(d.lines == 535);
  CHECK(d.models == std::vector<std::string>{"dsr1", "qwen3.5"});
  CHECK(std::find(d.gpus.begin(), d.gpus.end(), "mi355x") != d.gpus.end());
  CHECK(d.first_date == "2025-10-06");
  CHECK(d.last_date == "2026-08-12");
  // Two models: a comparison without one asks which, naming them.
  const auto which = run_error(s, "compare precision fp4 vs fp8 on mi355x");
  CHECK(contains(which.message, "which model? the selection holds 2 models"));
  CHECK(contains(which.help, "models: dsr1, qwen3.5"));
  // Where the filters leave one model, it is the default and the result is the same as with it.
  const auto implicit = run_ok(s, "compare precision fp4 vs fp8 on mi355x framework atom");
  const auto explicit_ = run_ok(s, "compare precision fp4 vs fp8 on mi355x framework atom model dsr1");
  CHECK(any_contains(implicit.notes, "model dsr1 (the only model in the selection)"));
  const auto a = parse_json(icq::render(implicit, icq::Format::json));
  const auto b = parse_json(icq::render(explicit_, icq::Format::json));
  CHECK(a["targets"][1]["values"][0]["throughput"].text == b["targets"][1]["values"][0]["throughput"].text);
}

TEST_CASE("built-in data: the first example of LANGUAGE.md works, with the partial-capture note", "[interp][builtin]") {
  icq::Session s;
  const auto r = run_ok(s, "compare precision fp4 vs fp8 on MI355X model qwen3.5-397b at interactivity 56,98,139 show cost,throughput");
  const auto& c = comparison(r);
  CHECK(status(c, 0, "fp4") == icq::Status::ok);
  CHECK(any_contains(r.notes,
                     "Qwen 3.5 rows come from a partial capture (2026-08-13, 518 of ~900 rows): configurations may be "
                     "missing; run `icq fetch` for the current data"));
  const auto dsr1 = run_ok(s, "compare precision fp4 vs fp8 on mi355x model dsr1");
  CHECK_FALSE(any_contains(dsr1.notes, "partial capture"));
}
