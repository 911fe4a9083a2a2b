// The edges a new user met (issue 23, items 5–11 and 15) on the built-in data: order by a latency
// percentile, completion that knows what the grammar knows, help that lists a statement's own
// clauses, every setting listed, what points spans, a date before every run, out-of-range targets
// joined per side, and a trend that ends at `as of`.
#include <catch2/catch.hpp>

#include <algorithm>

#include "interp_fixture.hpp"

namespace {

using namespace icq_test;

bool offers(const std::vector<std::string>& words, std::string_view w) { return std::find(words.begin(), words.end(), w) != words.end(); }

const icq::Table& only_table(const icq::Result& r, std::string_view title) {
  for (const auto& t : r.tables)
    if (t.title == title) return t;
  FAIL("no table " << title);
  return r.tables.front();
}

}  // namespace

TEST_CASE("edges: order by takes a latency percentile, as where and show do", "[interp][edges]") {
  icq::Session s;
  const auto r =
      run_ok(s, "points gpu b200 model dsr1 seq 1k/1k precision fp8 where ttft p99 < 1 show conc, ttft p99 order by ttft p99 desc");
  const icq::Table& t = r.tables.front();
  REQUIRE(t.rows.size() >= 2);
  const auto ttft = [&](std::size_t i) { return std::get<double>(t.rows[i][1]); };
  for (std::size_t i = 1; i < t.rows.size(); ++i) CHECK(ttft(i - 1) >= ttft(i));
  CHECK(contains(r.query, "order by ttft p99 desc"));
  // A statistic the column lacks is the column's own error, on the qualifier.
  const auto d = run_error(s, "points gpu b200 model dsr1 order by ttft p42");
  CHECK(contains(d.message, "'ttft' takes mean, median, p90, p99 or p99.9, not 'p42'"));
}

TEST_CASE("edges: completion offers statistics, order-by columns and where's metrics", "[interp][edges]") {
  icq::Session s;
  const auto stat = s.complete("points on b200 show ttft p");
  CHECK(offers(stat, "p99"));
  CHECK(offers(stat, "p99.9"));
  CHECK(offers(s.complete("points on b200 order by "), "throughput"));
  CHECK(offers(s.complete("points on b200 order by conc, inter"), "interactivity"));
  CHECK(offers(s.complete("points on b200 order by ttft "), "desc"));
  CHECK(offers(s.complete("points on b200 where tt"), "ttft"));
  CHECK(offers(s.complete("trend throughput on b200 at 50 by "), "deployment"));
}

TEST_CASE("edges: help STATEMENT lists the clauses that statement takes", "[interp][edges]") {
  icq::Session s;
  const auto clauses = [&](const std::string& statement) {
    std::vector<std::string> words;
    const auto r = run_ok(s, "help " + statement);
    if (r.tables.size() < 2) return words;
    for (const auto& row : only_table(r, "clauses").rows) words.push_back(std::get<std::string>(row[0]));
    return words;
  };
  const auto accuracy = clauses("accuracy");
  CHECK(offers(accuracy, "model"));
  CHECK_FALSE(offers(accuracy, "at"));
  CHECK(offers(accuracy, "order"));
  CHECK(offers(accuracy, "where"));
  CHECK_FALSE(offers(accuracy, "with"));
  CHECK_FALSE(offers(clauses("list"), "where"));
  CHECK(offers(clauses("points"), "order"));
  CHECK(offers(clauses("rank"), "limit"));
  CHECK_FALSE(offers(clauses("rank"), "order"));
  CHECK(offers(clauses("compare"), "with"));
  CHECK(offers(clauses("trend"), "since"));
  CHECK(clauses("set").empty());
  // The binder refuses with the same table: a clause names the statements it belongs to.
  const auto d = run_error(s, "frontier on b200 model dsr1 at 50");
  CHECK(d.help == "`at` belongs to compare, rank and trend");
}

TEST_CASE("edges: list settings shows every setting in force, defaults said", "[interp][edges]") {
  icq::Session s;
  const auto before = icq::render(run_ok(s, "list settings"), icq::Format::csv);
  CHECK(contains(before, "cost,derived (default)"));
  CHECK(contains(before, "dashboard,today's method (default)"));
  CHECK(contains(before, "interactivity,\"p50 for fixed sequences, p90 for agentic rows (default)\""));
  CHECK(contains(before, "format,"));
  run_ok(s, "set cost splined");
  run_ok(s, "set interactivity p90");
  run_ok(s, "set format markdown");
  const auto after = icq::render(run_ok(s, "list settings"), icq::Format::csv);
  CHECK(contains(after, "cost,splined\n"));
  CHECK(contains(after, "interactivity,p90\n"));
  CHECK(contains(after, "format,markdown\n"));
}

TEST_CASE("edges: points says what it spans when no seq or model narrows it", "[interp][edges]") {
  icq::Session s;
  const auto wide = run_ok(s, "points on mi355x model dsr1 where conc = 64");
  CHECK(std::any_of(wide.notes.begin(), wide.notes.end(),
                    [](const std::string& n) { return contains(n, "the rows span 3 sequences (1k/1k, 1k/8k, 8k/1k)"); }));
  const auto narrow = run_ok(s, "points on mi355x model dsr1 seq 1k/1k where conc = 64");
  CHECK(std::none_of(narrow.notes.begin(), narrow.notes.end(), [](const std::string& n) { return contains(n, "the rows span"); }));
}

TEST_CASE("edges: a date before every run is an error on the date, naming the earliest", "[interp][edges]") {
  icq::Session s;
  const std::string q = "compare precision fp4 vs fp8 on mi355x model dsr1 as of 2025-01-01";
  const auto d = run_error(s, q);
  CHECK(d.span.column == q.find("2025-01-01") + 1);
  CHECK(contains(d.message, "the earliest is 2025-12-11"));
  const std::string on = "frontier on mi355x model dsr1 precision fp8 on date 2026-01-01";
  const auto e = run_error(s, on);
  CHECK(e.span.column == on.find("2026-01-01") + 1);
  CHECK(contains(e.help, "the nearest run dates:"));
}

TEST_CASE("edges: out-of-range targets are joined per side, the frontier told apart from them", "[interp][edges]") {
  icq::Session s;
  const auto r = run_ok(s, "compare precision fp4 vs fp8 on mi355x model dsr1 at 20..170 step 0.1 show throughput");
  const auto note =
      std::find_if(r.notes.begin(), r.notes.end(), [](const std::string& n) { return contains(n, "out of range, no value"); });
  REQUIRE(note != r.notes.end());
  CHECK(contains(*note, "FP8 at 20–31 tok/s/user (111 targets; frontier 31.002–163.529)"));
  CHECK(contains(*note, "FP8 at 163.6–170 tok/s/user (65 targets; frontier 31.0–163.5)"));
  CHECK(note->size() < 400);
}

TEST_CASE("edges: trend … as of DATE ends the trend there", "[interp][edges]") {
  icq::Session s;
  const auto all = run_ok(s, "trend throughput on b200 model dsr1 precision fp4 seq 8k/1k at 50");
  const auto until = run_ok(s, "trend throughput on b200 model dsr1 precision fp4 seq 8k/1k at 50 as of 2026-01-01");
  CHECK(contains(until.query, "as of 2026-01-01"));
  REQUIRE(!until.tables.front().rows.empty());
  CHECK(until.tables.front().rows.size() < all.tables.front().rows.size());
  for (const auto& row : until.tables.front().rows) CHECK(std::get<std::string>(row[0]) <= "2026-01-01");
  const auto d = run_error(s, "trend throughput on b200 model dsr1 precision fp4 at 50 on date 2026-01-01");
  CHECK(contains(d.help, "since DATE"));
}
