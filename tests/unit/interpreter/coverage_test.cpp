// crossover and rank say who has a value where not every side has one (the built-in data).
#include "interp_fixture.hpp"

using namespace icq_test;

namespace {

const icq::Table& table(const icq::Result& r, std::string_view title) {
  for (const auto& t : r.tables)
    if (t.title == title) return t;
  FAIL("no table " << title);
  return r.tables.front();
}

std::string text_of(const icq::Value& v) { return std::holds_alternative<std::string>(v) ? std::get<std::string>(v) : std::string(); }
double number_of(const icq::Value& v) { return std::get<double>(v); }

}  // namespace

TEST_CASE("crossover: stretches split where the sides with a value change, and name them", "[interp][crossover]") {
  // The band starts at 17.84 (B200's lowest row); MI355X's FP8 frontier starts at 31.0, B200's at 41.55.
  icq::Session s;
  const auto r = run_ok(s, "crossover gpu mi355x vs b200 model dsr1 precision fp8 seq 1k/1k");
  const auto& leaders = table(r, "leaders");
  REQUIRE(leaders.rows.size() == 5);
  CHECK(number_of(leaders.rows[0][0]) == Approx(17.84));
  CHECK(number_of(leaders.rows[0][1]) == Approx(31.0));
  CHECK(text_of(leaders.rows[0][2]) == "none measured here");
  CHECK(number_of(leaders.rows[1][1]) == Approx(41.55));
  CHECK(text_of(leaders.rows[1][2]) == "MI355X alone; B200 not measured here");
  CHECK(text_of(leaders.rows[2][2]) == "B200");
  // Crossings only where both have a value.
  CHECK(table(r, "crossings").rows.size() == 2);
}

TEST_CASE("crossover: with three sides a stretch names those with a value and those without", "[interp][crossover]") {
  icq::Session s;
  const auto r = run_ok(s, "crossover gpu b200 vs mi355x vs h200 model dsr1 precision fp8 by throughput");
  const auto& leaders = table(r, "leaders");
  std::vector<std::string> labels;
  for (const auto& row : leaders.rows) labels.push_back(text_of(row[2]));
  CHECK(labels == std::vector<std::string>{"none measured here", "H200 alone; B200, MI355X not measured here",
                                           "MI355X, H200; B200 not measured here", "B200", "MI355X"});
}

TEST_CASE("rank: a target where some sides have no value names them", "[interp][rank]") {
  icq::Session s;
  const auto r = run_ok(s, "rank gpu by power at 20, 150 model dsr1 precision fp4");
  CHECK(contains(r.summary.at(0), "; without a value there: B200 (out of range)."));
  CHECK_FALSE(contains(r.summary.at(1), "without a value"));
}
