// SEMANTICS.md §2 at the level of a whole `compare`: every configuration of a side is pooled into
// one upper-left frontier (frameworks, parallelisms, spec methods) unless a filter narrows it, and
// DECISIONS.md's tie rule for identical points.
#include "interp_fixture.hpp"

using namespace icq_test;
using icq::Status;

namespace {

// fp8 pools four lines:
//   sglang TP8:      (10,100) c64  (30,50) c16  (25,40) c24 [dominated by (30,50)]
//   vllm TP8:        (20,90) c32   (40,20) c4
//   sglang TP4:      (15,100) c40 [dominates (10,100): same y, higher x]  (20,85) c48 [same x, lower y]
//   sglang TP8 MTP:  (35,30) c6
// Pooled frontier: (15,100) (20,90) (30,50) (35,30) (40,20) — knots from three different lines.
std::vector<ApiRow> pooled_rows() {
  return {
      row(10, 100, 64),
      row(30, 50, 16),
      row(25, 40, 24),
      row(20, 90, 32).framework("vllm"),
      row(40, 20, 4).framework("vllm"),
      row(15, 100, 40).tp(4),
      row(20, 85, 48).tp(4),
      row(35, 30, 6).spec("mtp"),
      row(12, 200, 64).prec("fp4"),
      row(45, 120, 4).prec("fp4"),
  };
}

}  // namespace

TEST_CASE("sides: all frameworks, parallelisms and spec methods of a side pool into one frontier", "[interp][frontier]") {
  TempData data(pooled_rows());
  auto s = data.session();
  const auto r = run_ok(s, "compare precision fp8 vs fp4 at interactivity 10, 15, 20, 30, 35, 40 show throughput, concurrency");
  const auto& c = comparison(r);
  const auto& fp8 = side(c, "fp8");
  CHECK(fp8.rows == 8);
  CHECK(fp8.frontier_points == 5);
  CHECK(fp8.frameworks == std::vector<std::string>{"sglang", "vllm"});
  CHECK(fp8.gpus == std::vector<std::string>{"mi355x"});
  // The range covers every row, the dominated (10,100) included; the frontier starts at 15.
  REQUIRE(fp8.range);
  CHECK(*fp8.range == std::pair{10.0, 40.0});
  CHECK(any_contains(r.notes, "FP8: 8 rows on 4 lines"));
  CHECK(any_contains(r.notes, "5 frontier points spanning 15.0–40.0"));

  // t = 10 is measured (a dominated row) but below the frontier: no value.
  CHECK(status(c, 0, "fp8") == Status::out_of_range);
  // At a knot the value is the knot's own, whichever line it came from.
  const std::vector<std::pair<double, double>> knots = {{100, 40}, {90, 32}, {50, 16}, {30, 6}, {20, 4}};
  for (std::size_t i = 0; i < knots.size(); ++i) {
    INFO("target " << c.targets[i + 1].interactivity);
    CHECK(status(c, i + 1, "fp8") == Status::ok);
    CHECK(value(c, i + 1, "fp8", "throughput") == knots[i].first);
    CHECK(value(c, i + 1, "fp8", "concurrency") == knots[i].second);
  }
}

TEST_CASE("sides: a filter narrows what a side pools", "[interp][frontier]") {
  TempData data(pooled_rows());
  auto s = data.session();
  SECTION("framework sglang: the vllm line leaves, (20,85) becomes a knot") {
    const auto r = run_ok(s, "compare precision fp8 vs fp4 framework sglang at interactivity 20 show throughput");
    const auto& fp8 = side(comparison(r), "fp8");
    CHECK(fp8.rows == 6);
    CHECK(fp8.frameworks == std::vector<std::string>{"sglang"});
    // (15,100) (20,85) (30,50) (35,30)
    CHECK(fp8.frontier_points == 4);
    CHECK(value(comparison(r), 0, "fp8", "throughput") == 85.0);
  }
  SECTION("spec none: the MTP line leaves") {
    const auto r = run_ok(s, "compare precision fp8 vs fp4 spec none");
    CHECK(side(comparison(r), "fp8").rows == 7);
    CHECK(side(comparison(r), "fp8").frontier_points == 4);
  }
  SECTION("a parenthesised side carries its own filters") {
    const auto r =
        run_ok(s, "compare (precision fp8 framework vllm) vs (precision fp8 framework sglang) at interactivity 20 show throughput");
    const auto& c = comparison(r);
    CHECK(c.dimension == "filters");
    REQUIRE(c.sides.size() == 2);
    CHECK(c.sides[0].rows == 2);
    CHECK(c.sides[1].rows == 6);
    CHECK(c.targets[0].values[0].values[0] == 90.0);
    CHECK(c.targets[0].values[1].values[0] == 85.0);
  }
}

TEST_CASE("sides: a point survives only if no other point has both >= x and >= y", "[interp][frontier]") {
  // Same x: the higher y wins; same y: the higher x wins; (25,40) lies under (30,50).
  TempData data({row(10, 100, 1), row(15, 100, 2), row(20, 90, 3), row(20, 80, 4), row(25, 40, 5), row(30, 50, 6),
                 row(12, 50, 1).prec("fp4"), row(30, 10, 2).prec("fp4")});
  auto s = data.session();
  const auto r = run_ok(s, "compare precision fp8 vs fp4 at interactivity 15, 20, 25, 30 show throughput, concurrency");
  const auto& c = comparison(r);
  CHECK(side(c, "fp8").rows == 6);
  CHECK(side(c, "fp8").frontier_points == 3);
  CHECK(value(c, 0, "fp8", "concurrency") == 2.0);
  CHECK(value(c, 1, "fp8", "concurrency") == 3.0);
  CHECK(value(c, 3, "fp8", "concurrency") == 6.0);
  // Between the knots (20,90) and (30,50): not (25,40).
  const auto at25 = value(c, 2, "fp8", "throughput");
  REQUIRE(at25);
  CHECK(*at25 > 50.0);
}

namespace {

// Identical (x, y) points: on one line at conc 16 and conc 8, and across lines at (30, 50) for
// mi355x conc 4 and b200 conc 2. DECISIONS.md: the first in (x asc, y desc, line key, conc) order
// survives, so conc 8 at x = 20 and the b200 line ("b200" sorts before "mi355x") at x = 30.
std::vector<ApiRow> tied_rows() {
  return {
      row(10, 120, 64),
      row(20, 90, 16),
      row(20, 90, 8),
      row(30, 50, 4),
      row(30, 50, 2).gpu("b200"),
      row(5, 300, 64).prec("fp4"),
      row(50, 100, 4).prec("fp4"),
  };
}

}  // namespace

TEST_CASE("sides: frontier ties keep the first point in line-key then conc order", "[interp][frontier]") {
  TempData data(tied_rows());
  auto s = data.session();
  const auto r = run_ok(s, "compare precision fp8 vs fp4 at interactivity 20, 30 show throughput, cost, concurrency");
  const auto& c = comparison(r);
  CHECK(side(c, "fp8").rows == 5);
  CHECK(side(c, "fp8").frontier_points == 3);
  CHECK(side(c, "fp8").gpus == std::vector<std::string>{"b200", "mi355x"});
  CHECK(value(c, 0, "fp8", "throughput") == 90.0);
  CHECK(value(c, 0, "fp8", "concurrency") == 8.0);
  CHECK(value(c, 1, "fp8", "throughput") == 50.0);
  CHECK(value(c, 1, "fp8", "concurrency") == 2.0);
  // The surviving knot at 30 is the B200 row, so its price applies: 1.73 / (50 * 3600 / 1e6).
  REQUIRE(value(c, 1, "fp8", "cost"));
  CHECK(*value(c, 1, "fp8", "cost") == Approx(1.73 / (50 * 3600 / 1e6)).epsilon(1e-12));
  // At 20 the knot is MI355X: 1.50 / (90 * 3600 / 1e6).
  CHECK(*value(c, 0, "fp8", "cost") == Approx(1.50 / (90 * 3600 / 1e6)).epsilon(1e-12));
}

TEST_CASE("sides: the result does not depend on the order rows arrive in", "[interp][frontier]") {
  auto rows = tied_rows();
  TempData forward(rows);
  std::reverse(rows.begin(), rows.end());
  TempData backward;
  backward.add("a.json", {rows.begin(), rows.begin() + 3});
  backward.add("b.json", {rows.begin() + 3, rows.end()});
  auto s1 = forward.session();
  auto s2 = backward.session();
  const std::string q = "compare precision fp8 vs fp4 at interactivity 15, 20, 25, 30";
  const auto a = icq::render(run_ok(s1, q), icq::Format::json);
  const auto b = icq::render(run_ok(s2, q), icq::Format::json);
  CHECK(a == b);
}
