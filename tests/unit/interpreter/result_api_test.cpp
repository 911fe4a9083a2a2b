// The result API a tool builder reads (include/icq/result.hpp): verdicts as data per target and
// metric, agreeing with the sentences and the table's winner column; values found by side label and
// metric key; the documented tables of rank, crossover and trend, by title and column name.
#include "interp_fixture.hpp"

using namespace icq_test;
using Outcome = icq::MetricVerdict::Outcome;

namespace {

std::vector<std::string> column_names(const icq::Table& t) {
  std::vector<std::string> n;
  for (const auto& c : t.columns) n.push_back(c.name);
  return n;
}

}  // namespace

TEST_CASE("result api: a comparison's values by side label, display name and metric key", "[api]") {
  icq::Session s;
  const auto out = s.run("compare precision fp4 vs fp8 on mi355x model dsr1 at 50 show cost, throughput");
  const icq::Result& r = only(out);
  const icq::Comparison& c = *r.comparison;
  REQUIRE(c.targets.size() == 1);
  const auto& at = c.targets.front();
  // The positional read of README's embedding example and the lookup agree.
  CHECK(c.value("fp4", "cost", 50) == at.values[0].values[0]);
  CHECK(c.value("fp8", "cost", 50) == at.values[1].values[0]);
  CHECK(c.value("FP8", "throughput", 50) == at.values[1].values[1]);
  CHECK(c.side_index("fp8") == 1u);
  CHECK(c.metric_index("throughput") == 1u);
  CHECK(c.at("fp4", 50.0) == &at.values[0]);
  // Unknown names and targets give nothing.
  CHECK_FALSE(c.value("fp9", "cost", 50));
  CHECK_FALSE(c.value("fp4", "power", 50));
  CHECK_FALSE(c.value("fp4", "cost", 51));
  CHECK(c.target(51) == nullptr);
  CHECK(c.verdict("joules", 50) == nullptr);
}

TEST_CASE("result api: verdicts per target and metric are the data the sentences and the winner column read", "[api]") {
  icq::Session s;
  const auto out = s.run("compare precision fp4 vs fp8 on mi355x model dsr1 seq 1k/1k");
  const icq::Result& r = only(out);
  const icq::Comparison& c = *r.comparison;
  REQUIRE(c.targets.size() == 3);
  REQUIRE(r.summary.size() == 3);
  for (std::size_t ti = 0; ti < c.targets.size(); ++ti) {
    const auto& t = c.targets[ti];
    CHECK(t.sentence == r.summary[ti]);
    REQUIRE(t.verdicts.size() == c.metrics.size());
    for (std::size_t mi = 0; mi < c.metrics.size(); ++mi) {
      const icq::MetricVerdict& v = t.verdicts[mi];
      CHECK(v.metric == c.metrics[mi].key);
      CHECK(c.verdict(c.metrics[mi].key, t.interactivity) == &v);
      if (c.metrics[mi].polarity == icq::MetricColumn::Polarity::neutral) {
        CHECK(v.outcome == Outcome::none);
        continue;
      }
      REQUIRE(v.outcome != Outcome::none);
      // The winner is the better value by the metric's direction, and the ratio is theirs.
      const double w = *c.value(v.winner, v.metric, t.interactivity), u = *c.value(v.runner_up, v.metric, t.interactivity);
      const bool lower = c.metrics[mi].polarity == icq::MetricColumn::Polarity::lower_is_better;
      CHECK((lower ? w <= u : w >= u));
      CHECK(*v.ratio == Approx(lower ? u / w : w / u).epsilon(1e-9));
      // N: "N% cheaper" and "N% more" from the ratio, "N% lower" (other lower-is-better metrics) from the saving.
      const double n = lower && v.metric != "cost" ? *v.saving : (*v.ratio - 1) * 100;
      CHECK(*v.percent == static_cast<std::int64_t>(std::floor(n + 0.5)));
      CHECK(v.saving.has_value() == lower);
      const icq::SideValue* ws = c.at(v.winner, t.interactivity);
      REQUIRE(ws);
      CHECK(v.winner_evidence == ws->evidence->kind);
      // A phrased winner is in the sentence with its N.
      if (v.phrased && v.outcome == Outcome::winner) {
        const auto& disp = c.sides[*c.side_index(v.winner)].display;
        const std::string pct = std::to_string(*v.percent) + "%";
        CHECK_THAT(t.sentence, Catch::Contains(disp + " is " + pct) || Catch::Contains(disp + " delivers " + pct));
      }
    }
    // Cost and throughput are what the sentence speaks of.
    CHECK(c.verdict("cost", t.interactivity)->phrased);
    CHECK(c.verdict("throughput", t.interactivity)->phrased);
  }
  // The table's winner column names the verdict's winner.
  const std::string table = icq::render(r, icq::Format::table);
  const auto& v = *c.verdict("cost", c.targets[0].interactivity);
  if (v.outcome == Outcome::winner) CHECK_THAT(table, Catch::Contains(c.sides[*c.side_index(v.winner)].display));
}

TEST_CASE("result api: three sides, one out of range, and `with noise` as verdict outcomes", "[api]") {
  icq::Session s;
  {
    const auto out = s.run("compare gpu b200 vs h200 vs mi355x model dsr1 precision fp8 seq 8k/1k at 50 show cost");
    const auto& c = *only(out).comparison;
    const auto& v = *c.verdict("cost", 50);
    REQUIRE(v.outcome == Outcome::winner);
    // With three sides the best is compared with the runner-up ("… than X").
    const std::string& sentence = c.targets[0].sentence;
    CHECK_THAT(sentence, Catch::Contains(" than " + c.sides[*c.side_index(v.runner_up)].display));
  }
  {
    const auto out = s.run("compare precision fp4 vs fp8 on mi355x model dsr1 seq 1k/1k at interactivity 2000");
    const auto& c = *only(out).comparison;
    for (const auto& v : c.targets[0].verdicts) CHECK(v.outcome == Outcome::none);
    CHECK_THAT(c.targets[0].sentence, Catch::Contains("no comparison"));
  }
  {
    const auto out =
        s.run("compare gpu mi300x vs mi325x model dsr1 precision fp8 at 39, 65 show throughput, concurrency with noise last 10");
    const auto& r = only(out);
    const auto& c = *r.comparison;
    bool noise = false;
    for (const auto& t : c.targets) {
      const auto& v = *c.verdict("throughput", t.interactivity);
      if (v.outcome == Outcome::noise) {
        noise = true;
        CHECK_THAT(t.sentence, Catch::Contains("within run-to-run noise"));
      }
      CHECK(c.verdict("concurrency", t.interactivity)->outcome == Outcome::none);  // no better direction
    }
    CHECK(noise == (icq::render(r, icq::Format::table).find("| noise") != std::string::npos));
  }
}

TEST_CASE("result api: rank, crossover and trend tables by their documented titles and columns", "[api]") {
  icq::Session s;
  {
    const auto out = s.run("rank gpu by cost model dsr1 precision fp8 seq 1k/1k at 30");
    const auto& r = only(out);
    const icq::Table* t = r.table("at 30 tok/s/user");
    REQUIRE(t);
    const auto names = column_names(*t);
    REQUIRE(names.size() >= 7);
    CHECK(std::vector<std::string>(names.begin(), names.begin() + 7) ==
          std::vector<std::string>{"rank", "gpu", "interactivity", "cost", "vs_best", "status", "evidence"});
    REQUIRE(t->cell(0, "rank"));
    CHECK(std::get<std::int64_t>(*t->cell(0, "rank")) == 1);
    CHECK(std::get<double>(*t->cell(0, "vs_best")) == 1.0);
    CHECK(t->cell(0, "nothing") == nullptr);
    CHECK(t->cell(100000, "rank") == nullptr);
  }
  {
    const auto out = s.run("crossover gpu b200 vs mi355x by cost model dsr1 precision fp8 seq 1k/1k");
    const auto& r = only(out);
    const icq::Table* x = r.table("crossings");
    REQUIRE(x);
    CHECK(column_names(*x) == std::vector<std::string>{"interactivity", "from", "to", "b200", "mi355x", "evidence"});
    const icq::Table* l = r.table("leaders");
    REQUIRE(l);
    CHECK(column_names(*l) == std::vector<std::string>{"from", "to", "leader"});
  }
  {
    const auto out = s.run("trend throughput on mi355x model dsr1 precision fp8 seq 1k/1k at 30");
    const auto& r = only(out);
    const icq::Table* t = r.table("trend");
    REQUIRE(t);
    CHECK(column_names(*t) == std::vector<std::string>{"date", "interactivity", "status", "evidence", "throughput", "lines", "frontier"});
    REQUIRE_FALSE(t->rows.empty());
    CHECK(t->columns[*t->column_index("throughput")].unit == "tok/s/GPU");
  }
  {
    const auto out = s.run("compare precision fp4 vs fp8 on mi355x model dsr1 seq 1k/1k show cost");
    const auto& r = only(out);
    const icq::Table* t = r.table("values");
    REQUIRE(t);
    CHECK(column_names(*t) == std::vector<std::string>{"interactivity", "side", "status", "evidence", "cost"});
    // The table and the typed comparison hold the same numbers.
    const auto& c = *r.comparison;
    std::size_t row = 0;
    for (const auto& target : c.targets)
      for (const auto& sv : target.values) {
        CHECK(std::get<std::string>(*t->cell(row, "side")) == sv.side);
        CHECK(std::get<double>(*t->cell(row, "cost")) == *sv.values[0]);
        ++row;
      }
  }
}
