// SEMANTICS.md §1 at the level of a whole `compare`: the latest run of each line, `as of`,
// `on date`, `compare date`, row-level `where` after the run selection, unusable rows (x <= 0)
// and rows without median interactivity (kept, excluded, counted).
#include "interp_fixture.hpp"

using namespace icq_test;
using icq::Status;

namespace {

// Line A (fp8, TP8) ran on 2026-03-01 (x 60, 40, 25) and on 2026-05-01 (x 20, 12); two rows of a
// 2026-06-01 run have x <= 0 and are unusable at load, so A's latest run stays 2026-05-01.
// Line B (fp8, TP4) ran once, on 2026-04-01 (x 50, 30).
// Line C (fp4) ran on 2026-03-01 (x 45, 8) and 2026-05-01 (x 50, 10).
std::vector<ApiRow> dated_rows() {
  return {
      row(60, 50, 4).date("2026-03-01"),
      row(40, 90, 8).date("2026-03-01"),
      row(25, 120, 16).date("2026-03-01"),
      row(20, 150, 32).date("2026-05-01"),
      row(12, 200, 64).date("2026-05-01"),
      row(0, 999, 128).date("2026-06-01"),
      row(-5, 999, 256).date("2026-06-01"),
      row(50, 40, 4).tp(4).date("2026-04-01"),
      row(30, 70, 8).tp(4).date("2026-04-01"),
      row(45, 90, 4).prec("fp4").date("2026-03-01"),
      row(8, 350, 64).prec("fp4").date("2026-03-01"),
      row(50, 100, 4).prec("fp4").date("2026-05-01"),
      row(10, 400, 64).prec("fp4").date("2026-05-01"),
  };
}

using Dates = std::vector<std::string>;

}  // namespace

TEST_CASE("selection: rows with x <= 0 are unusable at load and never make a line's latest run", "[interp][selection]") {
  TempData data(dated_rows());
  auto s = data.session();
  CHECK(s.data().unusable_rows == 2);
  CHECK(s.data().rows == 11);
  const auto r = run_ok(s, "compare precision fp8 vs fp4");
  const auto& fp8 = side(comparison(r), "fp8");
  // Had the 2026-06-01 rows been kept, line A's latest run would be that day and hold no usable row.
  CHECK(fp8.run_dates == Dates{"2026-04-01", "2026-05-01"});
  CHECK(fp8.rows == 4);
  CHECK(range_of(fp8).first > 0);
}

TEST_CASE("selection: default data is the latest run of each line, with all its concurrencies and no older rows", "[interp][selection]") {
  TempData data(dated_rows());
  auto s = data.session();
  const auto r = run_ok(s, "compare precision fp8 vs fp4");
  const auto& c = comparison(r);
  const auto& fp8 = side(c, "fp8");
  // A's 2026-05-01 rows (x 12, 20) and B's 2026-04-01 rows (x 30, 50); never A's 2026-03-01 rows.
  CHECK(fp8.rows == 4);
  CHECK(fp8.frontier_points == 4);
  CHECK(range_of(fp8) == std::pair{12.0, 50.0});
  CHECK(fp8.run_dates == Dates{"2026-04-01", "2026-05-01"});
  CHECK(any_contains(r.notes, "FP8: 4 rows on 2 lines"));
  const auto& fp4 = side(c, "fp4");
  CHECK(fp4.rows == 2);
  CHECK(range_of(fp4) == std::pair{10.0, 50.0});
  CHECK(fp4.run_dates == Dates{"2026-05-01"});
}

TEST_CASE("selection: lines never mix dates - the older run's better point does not enter the frontier", "[interp][selection]") {
  TempData data(dated_rows());
  auto s = data.session();
  // At 25 tok/s/user line A's old run measured 120 tok/s/GPU; the latest frontier runs
  // (20,150) -> (30,70), so the value at 25 is interpolated between those two knots only.
  const auto r = run_ok(s, "compare precision fp8 vs fp4 at interactivity 25 show throughput");
  const auto v = value(comparison(r), 0, "fp8", "throughput");
  REQUIRE(v);
  CHECK(*v != Approx(120.0));
  CHECK(*v < 150.0);
  CHECK(*v > 70.0);
}

TEST_CASE("selection: as of D takes the newest run on or before D per line", "[interp][selection]") {
  TempData data(dated_rows());
  auto s = data.session();
  SECTION("between runs: A's 2026-03-01 run and B's 2026-04-01 run") {
    const auto r = run_ok(s, "compare precision fp8 vs fp4 as of 2026-04-15");
    const auto& c = comparison(r);
    CHECK(side(c, "fp8").rows == 5);
    CHECK(range_of(side(c, "fp8")) == std::pair{25.0, 60.0});
    CHECK(side(c, "fp8").run_dates == Dates{"2026-03-01", "2026-04-01"});
    CHECK(side(c, "fp4").run_dates == Dates{"2026-03-01"});
    CHECK(range_of(side(c, "fp4")) == std::pair{8.0, 45.0});
    CHECK(contains(r.query, "as of 2026-04-15"));
  }
  SECTION("before B's only run: B contributes nothing") {
    const auto r = run_ok(s, "compare precision fp8 vs fp4 as of 2026-03-15");
    CHECK(side(comparison(r), "fp8").rows == 3);
    CHECK(side(comparison(r), "fp8").run_dates == Dates{"2026-03-01"});
  }
  SECTION("on a run date, inclusive: the same as the latest runs") {
    const auto r = run_ok(s, "compare precision fp8 vs fp4 as of 2026-05-01");
    CHECK(side(comparison(r), "fp8").rows == 4);
    CHECK(side(comparison(r), "fp8").run_dates == Dates{"2026-04-01", "2026-05-01"});
  }
  SECTION("before every run: an error on the date, naming the earliest run") {
    const std::string q = "compare precision fp8 vs fp4 as of 2026-01-01";
    const auto d = run_error(s, q);
    CHECK(contains(d.message, "no run on or before 2026-01-01"));
    CHECK(contains(d.message, "the earliest is 2026-03-01"));
    CHECK(d.span.column == q.find("2026-01-01") + 1);
  }
}

TEST_CASE("selection: on date D takes exactly the runs of D", "[interp][selection]") {
  TempData data(dated_rows());
  auto s = data.session();
  SECTION("2026-05-01: line A only, line B did not run that day") {
    const auto r = run_ok(s, "compare precision fp8 vs fp4 on date 2026-05-01");
    CHECK(side(comparison(r), "fp8").rows == 2);
    CHECK(range_of(side(comparison(r), "fp8")) == std::pair{12.0, 20.0});
    CHECK(side(comparison(r), "fp4").rows == 2);
  }
  SECTION("2026-03-01: the older runs, although newer ones exist") {
    const auto r = run_ok(s, "compare precision fp8 vs fp4 on date 2026-03-01");
    CHECK(side(comparison(r), "fp8").rows == 3);
    CHECK(range_of(side(comparison(r), "fp8")) == std::pair{25.0, 60.0});
    CHECK(range_of(side(comparison(r), "fp4")) == std::pair{8.0, 45.0});
  }
  SECTION("a day without fp4 runs: the fp4 side is empty, an error") {
    const auto d = run_error(s, "compare precision fp8 vs fp4 on date 2026-04-01");
    CHECK(contains(d.message, "no rows for side 'FP4'"));
  }
}

TEST_CASE("selection: compare date D1 vs D2 makes one side per run date", "[interp][selection]") {
  TempData data(dated_rows());
  auto s = data.session();
  const auto r = run_ok(s, "compare date 2026-03-01 vs 2026-05-01 precision fp8 at interactivity 15, 30");
  const auto& c = comparison(r);
  CHECK(c.dimension == "date");
  REQUIRE(c.sides.size() == 2);
  CHECK(c.sides[0].label == "2026-03-01");
  CHECK(c.sides[1].label == "2026-05-01");
  CHECK(c.sides[0].rows == 3);
  CHECK(c.sides[1].rows == 2);
  CHECK(c.sides[0].run_dates == Dates{"2026-03-01"});
  CHECK(c.sides[1].run_dates == Dates{"2026-05-01"});
  CHECK(range_of(c.sides[1]) == std::pair{12.0, 20.0});
  // Band [25, 20] is empty: 2026-03-01 measured 25–60, 2026-05-01 12–20.
  CHECK_FALSE(c.band.has_value());
  CHECK(any_contains(r.notes, "date sides are `on date`: each takes only the runs of its day"));
  // Default targets need a band: an error naming both ranges.
  const auto d = run_error(s, "compare date 2026-03-01 vs 2026-05-01 precision fp8");
  CHECK(contains(d.help, "2026-03-01 25.0–60.0; 2026-05-01 12.0–20.0"));
}

TEST_CASE("selection: where applies to rows after the latest-run selection", "[interp][selection]") {
  TempData data(dated_rows());
  auto s = data.session();
  // Line A's latest run (conc 32, 64) fails conc <= 16, and A does NOT fall back to its older
  // run (conc 4, 8, 16); line B's conc 4 and 8 pass.
  const auto r = run_ok(s, "compare precision fp8 vs fp4 where conc <= 16 at interactivity 40");
  const auto& fp8 = side(comparison(r), "fp8");
  CHECK(fp8.rows == 2);
  CHECK(fp8.run_dates == Dates{"2026-04-01"});
  CHECK(range_of(fp8) == std::pair{30.0, 50.0});
  CHECK(any_contains(r.notes, "FP8: 2 rows on 1 line,"));
  CHECK(contains(r.query, "where conc <= 16"));
  // fp4's latest run: conc 4 passes, conc 64 does not.
  CHECK(side(comparison(r), "fp4").rows == 1);
}

TEST_CASE("selection: where on a line field narrows a pooled side", "[interp][selection]") {
  TempData data(dated_rows());
  auto s = data.session();
  const auto r = run_ok(s, "compare precision fp8 vs fp4 where tp = 4 or precision = fp4");
  CHECK(side(comparison(r), "fp8").rows == 2);
  CHECK(side(comparison(r), "fp8").run_dates == Dates{"2026-04-01"});
}

namespace {

// fp8: two plottable rows (x 20, 10), one row of the same run without median_intvty whose
// throughput would dominate everything, and a second line whose only row lacks it.
std::vector<ApiRow> rows_some_without_x() {
  return {
      row(20, 100, 4),
      row(10, 150, 8),
      row_without_x(500, 16),
      row_without_x(600, 2).tp(4),
      row(15, 80, 4).prec("fp4"),
      row(25, 60, 8).prec("fp4"),
  };
}

}  // namespace

TEST_CASE("selection: rows without median_intvty are kept, left out of range and frontier, and counted in a note", "[interp][selection]") {
  TempData data(rows_some_without_x());
  auto s = data.session();
  CHECK(s.data().rows == 6);
  CHECK(s.data().unusable_rows == 0);
  const auto r = run_ok(s, "compare precision fp8 vs fp4 at interactivity 15 show throughput");
  const auto& c = comparison(r);
  const auto& fp8 = side(c, "fp8");
  CHECK(fp8.rows == 2);
  CHECK(fp8.frontier_points == 2);
  CHECK(range_of(fp8) == std::pair{10.0, 20.0});
  // The 500 tok/s/GPU row never becomes a knot: the value at 15 lies between 150 and 100.
  const auto v = value(c, 0, "fp8", "throughput");
  REQUIRE(v);
  CHECK(*v < 150.0);
  CHECK(*v > 100.0);
  CHECK(any_contains(r.notes, "FP8: 2 selected rows have no median interactivity"));
  std::size_t without_x_notes = 0;
  for (const auto& n : r.notes) without_x_notes += contains(n, "no median interactivity") ? 1 : 0;
  CHECK(without_x_notes == 1);
  CHECK(side(c, "fp4").rows == 2);
}

TEST_CASE("selection: a side whose selected rows all lack median_intvty is an error that says so", "[interp][selection]") {
  TempData data(rows_some_without_x());
  auto s = data.session();
  const auto d = run_error(s, "compare precision fp8 vs fp4 where conc = 16 or conc = 2");
  CHECK(contains(d.message, "no rows for side 'FP8'"));
  CHECK(contains(d.message, "2 rows lack median interactivity"));
}

TEST_CASE("selection: the rows-without-interactivity case of the Python reference gives the same numbers", "[interp][selection]") {
  // Mirrors tests/reference/test_ref_unit.py RowsWithoutInteractivityTest: median_intvty absent,
  // null, <= 0 and not a number; a line (TP2) whose newest run has no interactivity at all.
  std::string bytes = rows_json({
      row(20, 100, 4).date("2026-03-01"),
      row(10, 150, 8).date("2026-03-01"),
      row_without_x(500, 16).date("2026-03-01"),
      row(11111, 600, 2).tp(4).date("2026-03-01"),  // median_intvty: null
      row(5, 900, 4).tp(2).date("2026-02-01"),
      row_without_x(700, 4).tp(2).date("2026-04-01"),
      row(0, 100, 32).date("2026-03-01"),
      row(22222, 100, 64).date("2026-03-01"),  // median_intvty: "fast"
      row(15, 80, 4).prec("fp4").date("2026-03-01"),
      row(25, 60, 8).prec("fp4").date("2026-03-01"),
  });
  auto replace = [&](const std::string& from, const std::string& to) {
    const auto at = bytes.find(from);
    REQUIRE(at != std::string::npos);
    bytes.replace(at, from.size(), to);
  };
  replace(R"("median_intvty": 11111)", R"("median_intvty": null)");
  replace(R"("median_intvty": 22222)", R"("median_intvty": "fast")");
  TempData data;
  data.write("rows.json", bytes);
  auto s = data.session();
  CHECK(s.data().rows == 8);
  CHECK(s.data().unusable_rows == 2);
  const auto r = run_ok(s, "compare precision fp8 vs fp4 at interactivity 15 show throughput");
  const auto& c = comparison(r);
  const auto& fp8 = side(c, "fp8");
  CHECK(fp8.rows == 2);
  CHECK(fp8.frontier_points == 2);
  CHECK(range_of(fp8) == std::pair{10.0, 20.0});
  // The TP2 line's newest run (2026-04-01) is its latest run, and it has nothing to plot: the
  // older (5, 900) row does not come back.
  CHECK(fp8.run_dates == Dates{"2026-03-01"});
  CHECK(any_contains(r.notes, "FP8: 3 selected rows have no median interactivity"));
  CHECK(*value(c, 0, "fp8", "throughput") == Approx(0.40625 * 150 + 0.59375 * 100).epsilon(1e-12));
  CHECK(*c.band == std::pair{15.0, 20.0});
}
