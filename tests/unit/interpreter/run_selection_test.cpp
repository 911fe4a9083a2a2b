// SEMANTICS.md §1, the run of a line: among runs of one date the database's tie-break decides
// (run_started_at, nulls lowest; then workflow_run_id; then, where neither is given, the GitHub run
// and attempt of run_url), only the latest attempt of a GitHub run counts, a line takes every
// concurrency of its one run and nothing of another, and a row that names no run joins the one run
// of its line and date.
#include <set>

#include "interp_fixture.hpp"

using namespace icq_test;

namespace {

// The (conc, run_url) pairs `points` selects, as "conc@run" strings ("4@11" = conc 4 of GitHub
// run 11), in the statement's order.
std::multiset<std::string> picked(icq::Session& s, const std::string& query) {
  const auto r = run_ok(s, query);
  REQUIRE(r.tables.size() == 1);
  std::multiset<std::string> out;
  for (const auto& row : r.tables[0].rows) {
    const auto conc = std::get<std::int64_t>(row[0]);
    const auto& url = std::get<std::string>(row[1]);
    const auto at = url.find("/runs/");
    out.insert(std::to_string(conc) + "@" + (at == std::string::npos ? "none" : url.substr(at + 6, url.find('/', at + 6) - at - 6)));
  }
  return out;
}

const std::string kPoints = "points show conc, run_url";

}  // namespace

TEST_CASE("runs: of two runs on one date the later-started wins, with its own concurrencies only", "[interp][runs]") {
  // Run 11 swept conc 4, 8, 16 at 01:00; run 12 re-swept conc 4 and 8 at 09:00 the same day.
  TempData data({row(60, 50, 4).run(11).started("2026-05-01 01:00:00+00"), row(40, 90, 8).run(11).started("2026-05-01 01:00:00+00"),
                 row(25, 120, 16).run(11).started("2026-05-01 01:00:00+00"), row(61, 52, 4).run(12).started("2026-05-01 09:00:00+00"),
                 row(41, 93, 8).run(12).started("2026-05-01 09:00:00+00")});
  auto s = data.session();
  CHECK(s.data().rows == 5);  // different runs: no duplicates merged
  CHECK(picked(s, kPoints) == std::multiset<std::string>{"4@12", "8@12"});
  CHECK(picked(s, kPoints + " as of 2026-05-01") == std::multiset<std::string>{"4@12", "8@12"});
  CHECK(picked(s, kPoints + " on date 2026-05-01") == std::multiset<std::string>{"4@12", "8@12"});
}

TEST_CASE("runs: a run whose start is unknown loses to one whose start is known (desc nulls last)", "[interp][runs]") {
  // Run 30 has the higher GitHub id and database id, but no run_started_at.
  TempData data({row(60, 50, 4).run(20).started("2026-05-01T03:00:00Z").workflow_run_id(7), row(61, 52, 4).run(30).workflow_run_id(9)});
  auto s = data.session();
  CHECK(picked(s, kPoints) == std::multiset<std::string>{"4@20"});
}

TEST_CASE("runs: equal starts are decided by the database's workflow_run_id, then by the GitHub run", "[interp][runs]") {
  SECTION("workflow_run_id") {
    // The higher database id wins although its GitHub run id is lower.
    TempData data({row(60, 50, 4).run(21).started("2026-05-01 03:00:00+00").workflow_run_id(8),
                   row(61, 52, 4).run(20).started("2026-05-01 03:00:00+00").workflow_run_id(9)});
    auto s = data.session();
    CHECK(picked(s, kPoints) == std::multiset<std::string>{"4@20"});
  }
  SECTION("neither field: the GitHub run id") {
    TempData data({row(60, 50, 4).run(21), row(61, 52, 4).run(20)});
    auto s = data.session();
    CHECK(picked(s, kPoints) == std::multiset<std::string>{"4@21"});
  }
}

TEST_CASE("runs: a later date wins whatever the runs' starts; as of takes the newest run up to the date", "[interp][runs]") {
  TempData data({row(60, 50, 4).date("2026-05-02").run(40).started("2026-05-01 23:00:00+00"),
                 row(61, 52, 4).date("2026-05-01").run(41).started("2026-05-01 23:30:00+00"),
                 row(62, 54, 8).date("2026-05-01").run(42).started("2026-05-01 01:00:00+00")});
  auto s = data.session();
  CHECK(picked(s, kPoints) == std::multiset<std::string>{"4@40"});
  CHECK(picked(s, kPoints + " as of 2026-05-01") == std::multiset<std::string>{"4@41"});
}

TEST_CASE("runs: only the latest attempt of a GitHub run counts, even on lines the later attempt did not measure", "[interp][runs]") {
  // Attempt 1 of run 50 measured TP8 and TP4; attempt 2 measured TP8 only. The dashboard reads
  // attempt 2 alone (latest_workflow_runs): TP4's attempt-1 rows are gone, its older run 49 stays.
  TempData data({row(60, 50, 4).run(50, 1).date("2026-05-02"), row(62, 51, 4).run(50, 2).date("2026-05-03"),
                 row(50, 40, 4).tp(4).run(50, 1).date("2026-05-02"), row(51, 41, 4).tp(4).run(49).date("2026-04-20")});
  auto s = data.session();
  CHECK(picked(s, kPoints) == std::multiset<std::string>{"4@50", "4@49"});
  const auto r = run_ok(s, "points show tp, date");
  std::set<std::pair<std::int64_t, std::string>> tp_date;
  for (const auto& row : r.tables[0].rows) tp_date.emplace(std::get<std::int64_t>(row[0]), std::get<std::string>(row[1]));
  CHECK(tp_date == std::set<std::pair<std::int64_t, std::string>>{{8, "2026-05-03"}, {4, "2026-04-20"}});
  CHECK(s.data().rows == 2);
}

TEST_CASE("runs: a row that names no run joins the one run of its line and date", "[interp][runs]") {
  // The same measurement from an export without run URLs merges with the API row of its run; a
  // concurrency only the export has belongs to that run too.
  TempData data({row(60, 50, 4).run(60), row(40, 90, 8).run(60)});
  data.add("export.json", {row(60, 50, 4).metric("median_ttft", 0.5), row(30, 100, 16)});
  auto s = data.session();
  CHECK(s.data().rows == 3);
  CHECK(s.data().duplicates_merged == 1);
  CHECK(picked(s, kPoints) == std::multiset<std::string>{"4@60", "8@60", "16@60"});
}

TEST_CASE("runs: with two runs on the date, a row that names no run stays apart and loses", "[interp][runs]") {
  TempData data({row(60, 50, 4).run(70), row(61, 52, 4).run(71)});
  data.add("export.json", {row(30, 100, 16)});
  auto s = data.session();
  CHECK(s.data().rows == 3);
  CHECK(picked(s, kPoints) == std::multiset<std::string>{"4@71"});
}

TEST_CASE("runs: offload mode is part of the line: each mode keeps its own run", "[interp][runs]") {
  TempData data({row(60, 50, 4).run(80).offload("off"), row(58, 49, 4).run(81).offload("on").date("2026-04-01")});
  auto s = data.session();
  CHECK(picked(s, kPoints) == std::multiset<std::string>{"4@80", "4@81"});
}

TEST_CASE("runs: with noise, a knot's reruns are the runs of its line up to its own, two on one date included", "[interp][runs]") {
  // Three runs of one line: 2026-04-01, and two on 2026-05-01 (the later-started one is the knot's).
  TempData data({row(60, 50, 4).run(90).date("2026-04-01"), row(40, 90, 8).run(90).date("2026-04-01"),
                 row(60, 55, 4).run(91).started("2026-05-01 01:00:00+00"), row(40, 95, 8).run(91).started("2026-05-01 01:00:00+00"),
                 row(60, 60, 4).run(92).started("2026-05-01 02:00:00+00"), row(40, 100, 8).run(92).started("2026-05-01 02:00:00+00"),
                 row(60, 60, 4).prec("fp4").date("2026-03-01"), row(40, 100, 8).prec("fp4").date("2026-03-01")});
  auto s = data.session();
  const auto spread = [&](const std::string& query) {
    const auto r = run_ok(s, query);
    const auto& sv = side_value(comparison(r), 0, "fp8");
    REQUIRE(sv.noise.at(0).has_value());
    return *sv.noise.at(0);
  };
  const auto all = spread("compare precision fp8 vs fp4 at 60 show throughput with noise");
  CHECK(all.runs == 3);
  CHECK(all.min == Approx(50.0));
  CHECK(all.max == Approx(60.0));
  // As of 2026-04-01 the knot is run 90's row, and it has no earlier run.
  CHECK(spread("compare precision fp8 vs fp4 at 60 show throughput with noise as of 2026-04-01").runs == 1);
}
