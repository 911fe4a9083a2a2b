// The run of a row (data/runs.hpp): its GitHub run and attempt, the order that breaks ties between
// runs of one line on one date, and how the JSON loader reads the database's fields of a run.
#include <catch2/catch.hpp>

#include <string>

#include "data/runs.hpp"
#include "data_helpers.hpp"

using namespace icq::data;
using namespace icq_test;

namespace {
constexpr const char* kUrl = "https://github.com/SemiAnalysisAI/InferenceX/actions/runs/27213443242/attempts/3";
}

TEST_CASE("runs: the GitHub run id and attempt of a run_url", "[data][runs]") {
  const GithubRun g = github_run(kUrl);
  CHECK(g.id == 27213443242);
  CHECK(g.attempt == 3);
  for (const char* other : {"", "synthetic://gen_history", "https://github.com/SemiAnalysisAI/InferenceX/actions/runs/27213443242",
                            "https://github.com/x/actions/runs/12a/attempts/1", "https://github.com/x/actions/runs/12/attempts/0",
                            "https://github.com/x/actions/runs/1234567890123456789012/attempts/1"})
    CHECK(github_run(other).id == 0);
}

TEST_CASE("runs: the order: start (unknown lowest), database id, GitHub run, attempt", "[data][runs]") {
  const auto run = [](std::int64_t gh, int attempt, std::int64_t started = icq::text::kNoTime, std::int64_t id = 0) {
    return Run{"https://github.com/x/actions/runs/" + std::to_string(gh) + "/attempts/" + std::to_string(attempt), started, id};
  };
  CHECK(run_before(run(9, 1), run(1, 1, 100)));             // a known start beats an unknown one
  CHECK(run_before(run(9, 1, 100, 50), run(1, 1, 200)));    // the later start wins, whatever the ids
  CHECK(run_before(run(9, 1, 100, 5), run(1, 1, 100, 6)));  // equal starts: the higher database id
  CHECK(run_before(run(1, 1), run(2, 1)));                  // neither: the GitHub run id
  CHECK(run_before(run(2, 1), run(2, 2)));                  // then the attempt
  CHECK_FALSE(run_before(run(2, 2), run(2, 2)));
  CHECK(run_before(Run{}, run(1, 1)));  // no run orders first
  CHECK(run_identity(Run{"", icq::text::kNoTime, 42}) == "#42");
  CHECK(run_identity(Run{}).empty());
}

TEST_CASE("runs: the loader reads workflow_run_id and run_started_at, and rejects other values", "[data][runs]") {
  const auto with = [](const std::string& fields) {
    return array_of({api_row(R"("tput_per_gpu": 100.0, "median_intvty": 50.0)",
                             std::string(R"("date": "2026-05-01", "run_url": ")") + kUrl + "\"" + (fields.empty() ? "" : ", " + fields))});
  };
  SECTION("a number and a timestamp") {
    const Dataset ds = load_inline({{"a.json", with(R"("workflow_run_id": 2124, "run_started_at": "2026-05-01 00:04:49+00")")}});
    REQUIRE(ds.rows().size() == 1);
    const Run& r = ds.run_of(ds.rows()[0]);
    CHECK(r.url == kUrl);
    CHECK(r.workflow_run_id == 2124);
    CHECK(r.started_at == *icq::text::parse_timestamp("2026-05-01T00:04:49Z"));
  }
  SECTION("the id as a string of digits, nulls") {
    const Dataset ds = load_inline({{"a.json", with(R"("workflow_run_id": "2124", "run_started_at": null)")}});
    REQUIRE(ds.rows().size() == 1);
    CHECK(ds.run_of(ds.rows()[0]).workflow_run_id == 2124);
    CHECK(ds.run_of(ds.rows()[0]).started_at == icq::text::kNoTime);
  }
  SECTION("values that are not a run id or a timestamp make the row unusable") {
    const Dataset ds = load_inline({{"a.json", with(R"("workflow_run_id": -3)")},
                                    {"b.json", with(R"("workflow_run_id": "x1")")},
                                    {"c.json", with(R"("run_started_at": "yesterday")")},
                                    {"d.json", with(R"("run_started_at": 5)")}});
    CHECK(ds.rows().empty());
    CHECK(reason_count(ds, "workflow_run_id is not a run id") == 2);
    CHECK(reason_count(ds, "unreadable run_started_at 'yesterday'") == 1);
    CHECK(reason_count(ds, "run_started_at is not a timestamp") == 1);
  }
  SECTION("two sources naming one run: what either knows of it counts, in any order") {
    const std::string bare = with("");
    const std::string full = with(R"("workflow_run_id": 7, "run_started_at": "2026-05-01 01:00:00+00")");
    for (bool full_first : {true, false}) {
      const Dataset ds = full_first ? load_inline({{"a.json", full}, {"b.json", bare}}) : load_inline({{"a.json", bare}, {"b.json", full}});
      REQUIRE(ds.rows().size() == 1);
      CHECK(ds.report().duplicates_merged == 1);
      CHECK(ds.run_of(ds.rows()[0]).workflow_run_id == 7);
    }
  }
}

TEST_CASE("runs: rows of an attempt superseded by a later one are counted and left out", "[data][runs]") {
  const auto at = [](int attempt, int conc) {
    return api_row(R"("tput_per_gpu": 100.0, "median_intvty": 50.0)",
                   R"("date": "2026-05-01", "run_url": "https://github.com/x/actions/runs/77/attempts/)" + std::to_string(attempt) + "\"",
                   conc);
  };
  const Dataset ds = load_inline({{"a.json", array_of({at(1, 4), at(1, 8), at(2, 4)})}});
  REQUIRE(ds.rows().size() == 1);
  CHECK(ds.run_of(ds.rows()[0]).url.ends_with("/attempts/2"));
  CHECK(ds.report().superseded_attempt_rows == 2);
}
