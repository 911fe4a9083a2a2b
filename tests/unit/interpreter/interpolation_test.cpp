// SEMANTICS.md §3 at the level of a whole `compare`: the monotone cubic Hermite spline on the
// frontier knots (one knot, two knots with end slopes 1.5 s and 0.75 s, three knots), every metric
// on the same knots, out-of-range targets without values, opt-in `clamp`, concurrency rounded
// half up.
//
// Two knots (x0, y0), (x1, y1) at the midpoint: h00 = h01 = 0.5, h10 = 0.125, h11 = -0.125 and
// m0 = 1.5 s, m1 = 0.75 s give y = 0.40625 y0 + 0.59375 y1 (a straight line would give the mean).
// At a quarter: y = 0.84375 y0 + 0.15625 y1 + 0.17578125 (y1 - y0).
#include "interp_fixture.hpp"

using namespace icq_test;
using icq::Status;

namespace {

// fp8: two knots (10, 100) and (30, 60), plus a dominated row (20, 30) whose other metrics must
// not matter. fp4: one row, one knot at 20. bf16: three knots (10,600) (11,400) (13,100).
// int4: two knots, one of them without output_tput_per_gpu.
std::vector<ApiRow> interp_rows() {
  return {
      row(10, 100, 82).metric("output_tput_per_gpu", 50).metric("input_tput_per_gpu", 50).metric("median_ttft", 2.0),
      row(30, 60, 2).metric("output_tput_per_gpu", 20).metric("input_tput_per_gpu", 40).metric("median_ttft", 0.5),
      row(20, 30, 99).metric("output_tput_per_gpu", 1000).metric("input_tput_per_gpu", 1000).metric("median_ttft", 99),
      row(20, 200, 32).prec("fp4").metric("output_tput_per_gpu", 120),
      row(10, 600, 64).prec("bf16"),
      row(11, 400, 32).prec("bf16"),
      row(13, 100, 8).prec("bf16"),
      row(10, 100, 64).prec("int4"),
      row(30, 60, 16).prec("int4").metric("output_tput_per_gpu", 20),
  };
}

}  // namespace

TEST_CASE("interpolation: two knots follow the Hermite curve with end slopes 1.5s and 0.75s, not a straight line", "[interp][spline]") {
  TempData data(interp_rows());
  auto s = data.session();
  const auto r = run_ok(s, "compare precision fp8 vs bf16 at interactivity 10, 15, 20, 30 show throughput");
  const auto& c = comparison(r);
  CHECK(side(c, "fp8").frontier_points == 2);
  CHECK(value(c, 0, "fp8", "throughput") == 100.0);
  CHECK(*value(c, 1, "fp8", "throughput") == Approx(86.71875).epsilon(1e-12));  // linear: 90
  CHECK(*value(c, 2, "fp8", "throughput") == Approx(76.25).epsilon(1e-12));     // linear: 80
  CHECK(value(c, 3, "fp8", "throughput") == 60.0);
}

TEST_CASE("interpolation: three knots use the Steffen interior slope", "[interp][spline]") {
  // h = [1, 2], s = [-200, -150], p = -550/3, m1 = -550/3, m0 = -625/3, m2 = -400/3;
  // at 12 (segment 1, u = 0.5, h = 2): 200 - 45.8333 + 50 + 33.3333 = 237.5.
  TempData data(interp_rows());
  auto s = data.session();
  const auto r = run_ok(s, "compare precision bf16 vs fp8 at interactivity 11, 12, 13 show throughput");
  const auto& c = comparison(r);
  CHECK(side(c, "bf16").frontier_points == 3);
  CHECK(value(c, 0, "bf16", "throughput") == 400.0);
  CHECK(*value(c, 1, "bf16", "throughput") == Approx(237.5).epsilon(1e-12));
  CHECK(value(c, 2, "bf16", "throughput") == 100.0);
}

TEST_CASE("interpolation: every metric is interpolated on the same frontier knots", "[interp][spline]") {
  TempData data(interp_rows());
  auto s = data.session();
  const auto r = run_ok(s,
                        "compare precision fp8 vs fp4 at interactivity 20 show throughput, throughput output, throughput input, "
                        "ttft, concurrency");
  const auto& c = comparison(r);
  REQUIRE(status(c, 0, "fp8") == Status::ok);
  // 0.40625 y0 + 0.59375 y1 on the knots (10, ·) and (30, ·); the dominated row (20, ·) carries
  // output 1000, input 1000, TTFT 99 and conc 99, none of which may show up.
  CHECK(*value(c, 0, "fp8", "throughput") == Approx(76.25).epsilon(1e-12));
  CHECK(*value(c, 0, "fp8", "output_throughput") == Approx(32.1875).epsilon(1e-12));
  CHECK(*value(c, 0, "fp8", "input_throughput") == Approx(44.0625).epsilon(1e-12));
  CHECK(*value(c, 0, "fp8", "ttft_median") == Approx(1.109375).epsilon(1e-12));
  // conc: 0.40625 * 82 + 0.59375 * 2 = 34.5, rounded half up to 35 (half-even would give 34).
  CHECK(value(c, 0, "fp8", "concurrency") == 35.0);
}

TEST_CASE("interpolation: a side with a single knot has a value only at that knot", "[interp][spline]") {
  TempData data(interp_rows());
  auto s = data.session();
  const auto r =
      run_ok(s, "compare precision fp4 vs fp8 at interactivity 19.5, 20, 20.5 show throughput, throughput output, cost, concurrency");
  const auto& c = comparison(r);
  CHECK(side(c, "fp4").frontier_points == 1);
  CHECK(status(c, 1, "fp4") == Status::ok);
  CHECK(value(c, 1, "fp4", "throughput") == 200.0);
  CHECK(value(c, 1, "fp4", "output_throughput") == 120.0);
  CHECK(value(c, 1, "fp4", "concurrency") == 32.0);
  CHECK(*value(c, 1, "fp4", "cost") == Approx(1.50 / (200 * 3600 / 1e6)).epsilon(1e-12));
  for (std::size_t t : {0u, 2u}) {
    INFO("target " << c.targets[t].interactivity);
    CHECK(status(c, t, "fp4") == Status::out_of_range);
    for (const auto& v : side_value(c, t, "fp4").values) CHECK_FALSE(v.has_value());
    CHECK(status(c, t, "fp8") == Status::ok);
  }
}

TEST_CASE("interpolation: targets outside the frontier are out of range with no values, never a fake value", "[interp][spline]") {
  TempData data(interp_rows());
  auto s = data.session();
  const auto r = run_ok(s, "compare precision fp8 vs bf16 at interactivity 5, 12, 35");
  const auto& c = comparison(r);
  REQUIRE(c.metrics.size() == 4);  // default: throughput, cost, power, concurrency
  for (std::size_t t : {0u, 2u}) {
    INFO("target " << c.targets[t].interactivity);
    CHECK(status(c, t, "fp8") == Status::out_of_range);
    REQUIRE(side_value(c, t, "fp8").values.size() == 4);
    for (const auto& v : side_value(c, t, "fp8").values) CHECK_FALSE(v.has_value());
  }
  CHECK(status(c, 1, "fp8") == Status::ok);
  CHECK(status(c, 1, "bf16") == Status::ok);
  CHECK(status(c, 2, "bf16") == Status::out_of_range);
  CHECK(any_contains(r.notes, "out of range, no value: FP8 at 5 tok/s/user (frontier 10.0–30.0)"));
  CHECK(any_contains(r.notes, "BF16 at 35 tok/s/user (frontier 10.0–13.0)"));
  REQUIRE(r.summary.size() == 3);
  CHECK(contains(r.summary[0], "FP8 is out of range (its frontier spans 10.0–30.0 tok/s/user)"));
  CHECK(contains(r.summary[0], "no comparison"));
  CHECK_FALSE(contains(r.summary[1], "out of range"));
  // JSON says so with null values.
  const Json j = parse_json(icq::render(r, icq::Format::json));
  const Json& v = j["targets"][0]["values"][0];
  CHECK(v["side"].text == "fp8");
  CHECK(v["status"].text == "out_of_range");
  for (const char* k : {"throughput", "cost", "tokens_per_mw", "concurrency"}) CHECK(v[k].is_null());
}

TEST_CASE("interpolation: clamp takes the frontier's edge value and flags it", "[interp][spline]") {
  TempData data(interp_rows());
  auto s = data.session();
  const auto r = run_ok(s, "compare precision fp8 vs bf16 at interactivity 5, 12, 35 clamp show throughput, cost, concurrency");
  const auto& c = comparison(r);
  CHECK(contains(r.query, " clamp "));
  CHECK(status(c, 0, "fp8") == Status::clamped);
  CHECK(value(c, 0, "fp8", "throughput") == 100.0);
  CHECK(value(c, 0, "fp8", "concurrency") == 82.0);
  CHECK(*value(c, 0, "fp8", "cost") == Approx(1.50 / (100 * 3600 / 1e6)).epsilon(1e-12));
  CHECK(status(c, 1, "fp8") == Status::ok);
  CHECK(status(c, 2, "fp8") == Status::clamped);
  CHECK(value(c, 2, "fp8", "throughput") == 60.0);
  CHECK(value(c, 2, "fp8", "concurrency") == 2.0);
  CHECK(status(c, 2, "bf16") == Status::clamped);
  CHECK(value(c, 2, "bf16", "throughput") == 100.0);
  CHECK(any_contains(r.notes, "clamped (asked for with `clamp`): FP8 at 5 takes the value at 10.0"));
  CHECK(status(c, 0, "bf16") == Status::clamped);
  CHECK(value(c, 0, "bf16", "throughput") == 600.0);
  REQUIRE(r.summary.size() == 3);
  CHECK(contains(r.summary[0], "(FP8, BF16 clamped to the frontier's edge)"));
  CHECK_FALSE(contains(r.summary[1], "clamped"));
  CHECK(contains(r.summary[2], "(FP8, BF16 clamped to the frontier's edge)"));
  const Json j = parse_json(icq::render(r, icq::Format::json));
  CHECK(j["targets"][0]["values"][0]["status"].text == "clamped");
  CHECK(j["targets"][0]["values"][0]["throughput"].n == 100.0);
}

TEST_CASE("interpolation: a metric missing on some knot is absent with a note, the others stay", "[interp][spline]") {
  TempData data(interp_rows());
  auto s = data.session();
  const auto r = run_ok(s, "compare precision int4 vs fp8 at interactivity 20 show throughput, throughput output");
  const auto& c = comparison(r);
  CHECK(status(c, 0, "int4") == Status::ok);
  CHECK(*value(c, 0, "int4", "throughput") == Approx(76.25).epsilon(1e-12));
  CHECK_FALSE(value(c, 0, "int4", "output_throughput").has_value());
  CHECK(value(c, 0, "fp8", "output_throughput").has_value());
  CHECK(any_contains(r.notes, "is not measured at every frontier point of INT4"));
}

TEST_CASE("interpolation: concurrency is the interpolated conc rounded half up", "[interp][spline]") {
  // conc knots 64 and 16: at the midpoint 0.40625 * 64 + 0.59375 * 16 = 35.5 -> 36; at the quarter
  // 0.84375 * 64 + 0.15625 * 16 - 0.17578125 * 48 = 48.1 -> 48.
  TempData data({row(10, 100, 64), row(30, 60, 16), row(10, 90, 8).prec("fp4"), row(30, 50, 4).prec("fp4")});
  auto s = data.session();
  const auto r = run_ok(s, "compare precision fp8 vs fp4 at interactivity 15, 20 show concurrency");
  CHECK(value(comparison(r), 0, "fp8", "concurrency") == 48.0);
  CHECK(value(comparison(r), 1, "fp8", "concurrency") == 36.0);
  const Json j = parse_json(icq::render(r, icq::Format::json));
  CHECK(j["targets"][1]["values"][0]["concurrency"].text == "36");  // an integer in JSON
}
