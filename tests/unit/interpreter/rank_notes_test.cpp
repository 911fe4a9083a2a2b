// A ranking keeps the notes of its comparison on each side, the prices and the method, and drops
// those on the comparison as a whole: the band, the verdicts' "N% cheaper" wording and, under
// `limit`, the dashboard's page of the sides shown (eval/rank: by the notes' kinds).
#include "interp_fixture.hpp"

using icq_test::only;

namespace {

std::size_t count_of(const std::vector<std::string>& notes, std::string_view part, bool at_start = false) {
  return static_cast<std::size_t>(std::count_if(notes.begin(), notes.end(), [&](const std::string& n) {
    return at_start ? n.rfind(part, 0) == 0 : n.find(part) != std::string::npos;
  }));
}

bool has(const std::vector<std::string>& notes, const std::string& note) {
  return std::find(notes.begin(), notes.end(), note) != notes.end();
}

}  // namespace

TEST_CASE("a ranking keeps the comparison's notes on each side and drops the band and the verdicts' wording", "[rank][notes]") {
  icq::Session s;
  const icq::Outcome compared = s.run("compare precision fp4 vs fp8 on mi355x model dsr1 seq 1k/1k at 50 show cost");
  const icq::Outcome ranked = s.run("rank precision by cost at 50 on mi355x model dsr1 seq 1k/1k");
  const std::vector<std::string>& cmp = only(compared).notes;
  const std::vector<std::string>& rank = only(ranked).notes;
  // The comparison has the notes the ranking drops.
  REQUIRE(count_of(cmp, "band ", true) == 1);
  REQUIRE(count_of(cmp, "\"N% cheaper\"") == 1);
  CHECK(count_of(rank, "band ", true) == 0);
  CHECK(count_of(rank, "no common band", true) == 0);
  CHECK(count_of(rank, "\"N% cheaper\"") == 0);
  // Each side's notes, the dashboard's page of every side and the prices are kept as they are.
  for (const auto& n : cmp)
    if (n.rfind("FP4: ", 0) == 0 || n.rfind("FP8: ", 0) == 0 || n.rfind("the dashboard's page", 0) == 0 || n.rfind("prices: ", 0) == 0) {
      INFO(n);
      CHECK(has(rank, n));
    }
  CHECK(count_of(rank, "the dashboard's page", true) == 1);
}

TEST_CASE("a ranking under limit keeps the notes of the sides shown, not the dashboard's page of those", "[rank][notes]") {
  icq::Session s;
  const icq::Outcome ranked = s.run("rank precision by cost at 50 on mi355x model dsr1 seq 1k/1k limit 1");
  const std::vector<std::string>& rank = only(ranked).notes;
  CHECK(count_of(rank, "FP4: ", true) + count_of(rank, "FP8: ", true) == 1);
  CHECK(count_of(rank, "band ", true) == 0);
  CHECK(count_of(rank, "the dashboard's page", true) == 0);
  CHECK(count_of(rank, "limit 1: the 1 best of the 2 precision values", true) == 1);
}
