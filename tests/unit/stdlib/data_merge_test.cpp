// Duplicates (same line key, date, conc) are one row (DECISIONS.md, Data): metrics are the union,
// disagreements resolve towards the source whose name sorts last and are counted, and the result
// does not depend on the order the sources were given in.
#include <catch2/catch.hpp>

#include <cstring>
#include <string>
#include <utility>
#include <vector>

#include "data_helpers.hpp"

using namespace icq::data;
using namespace icq_test;

namespace {

// Two data sets hold the same rows: same lines, same (line, date, conc), bit-identical metrics,
// same strings and the same winning source name.
void require_identical(const Dataset& a, const Dataset& b) {
  REQUIRE(a.lines() == b.lines());
  REQUIRE(a.rows().size() == b.rows().size());
  for (std::size_t i = 0; i < a.rows().size(); ++i) {
    const Row& x = a.rows()[i];
    const Row& y = b.rows()[i];
    INFO("row " << i);
    REQUIRE(x.line == y.line);
    REQUIRE(x.date == y.date);
    REQUIRE(x.conc == y.conc);
    REQUIRE(x.present == y.present);
    for (std::size_t f = 0; f < kFieldCount; ++f) {
      const double vx = x.get(static_cast<Field>(f)), vy = y.get(static_cast<Field>(f));
      REQUIRE(std::memcmp(&vx, &vy, sizeof(double)) == 0);
    }
    REQUIRE(a.str(x.image) == b.str(y.image));
    REQUIRE(a.run_of(x) == b.run_of(y));
    REQUIRE(a.report().sources[x.source].name == b.report().sources[y.source].name);
  }
  REQUIRE(a.report().duplicates_merged == b.report().duplicates_merged);
  REQUIRE(a.report().conflicting_values == b.report().conflicting_values);
}

}  // namespace

TEST_CASE("merge: loading benchmarks.json twice gives each row once", "[data][merge]") {
  const Dataset once = load_files({"api/2026-06-14/benchmarks.json"});
  const Dataset twice = load_files({"api/2026-06-14/benchmarks.json", "api/2026-06-14/benchmarks.json"});
  REQUIRE(twice.rows().size() == 435);
  REQUIRE(twice.report().duplicates_merged == 435);
  REQUIRE(twice.report().conflicting_values == 0);
  REQUIRE(twice.report().sources.size() == 2);
  REQUIRE(twice.report().sources[1].rows_kept == 435);  // kept before merging, as documented
  REQUIRE(twice.lines() == once.lines());
  for (std::size_t i = 0; i < once.rows().size(); ++i) {
    REQUIRE(once.rows()[i].conc == twice.rows()[i].conc);
    REQUIRE(once.rows()[i].get(Field::tput_per_gpu) == twice.rows()[i].get(Field::tput_per_gpu));
  }
}

TEST_CASE("merge: benchmarks.json + benchmarks-history.json share 230 rows", "[data][merge]") {
  const Dataset ds = load_files({"api/2026-06-14/benchmarks.json", "api/2026-06-14/benchmarks-history.json"});
  REQUIRE(ds.rows().size() == 1667);  // 435 + 1462 - 230
  REQUIRE(ds.lines().size() == 388);
  REQUIRE(ds.report().duplicates_merged == 230);
  REQUIRE(ds.report().conflicting_values == 0);
}

TEST_CASE("merge: the order of the files does not change the result", "[data][merge]") {
  const Dataset ab = load_files({"api/2026-06-14/benchmarks.json", "api/2026-06-14/benchmarks-history.json"});
  const Dataset ba = load_files({"api/2026-06-14/benchmarks-history.json", "api/2026-06-14/benchmarks.json"});
  require_identical(ab, ba);
  const Dataset mixed1 = load_files({"csv-export", "api/2026-05-05/benchmarks.json", "serving-raw", "blog-tables"});
  const Dataset mixed2 = load_files({"blog-tables", "serving-raw", "api/2026-05-05/benchmarks.json", "csv-export"});
  require_identical(mixed1, mixed2);
}

namespace {
const std::string kA = array_of({api_row(R"("tput_per_gpu": 100.0, "median_intvty": 50.0, "median_ttft": 0.5)")});
const std::string kB = array_of({api_row(R"("tput_per_gpu": 120.0, "median_intvty": 50.0, "p99_ttft": 0.9)")});
}  // namespace

TEST_CASE("merge: conflicting values resolve towards the name that sorts last, in any order", "[data][merge]") {
  for (bool a_first : {true, false}) {
    INFO("a.json loaded " << (a_first ? "first" : "second"));
    const Dataset ds = a_first ? load_inline({{"a.json", kA}, {"b.json", kB}}) : load_inline({{"b.json", kB}, {"a.json", kA}});
    REQUIRE(ds.rows().size() == 1);
    const Row& r = ds.rows()[0];
    REQUIRE(r.get(Field::tput_per_gpu) == 120.0);  // b.json wins the disagreement
    REQUIRE(r.get(Field::median_intvty) == 50.0);  // agreed
    REQUIRE(r.get(Field::median_ttft) == 0.5);     // only in a.json: the union keeps it
    REQUIRE(r.get(Field::p99_ttft) == 0.9);        // only in b.json
    REQUIRE(ds.report().duplicates_merged == 1);
    REQUIRE(ds.report().conflicting_values == 1);
    REQUIRE(ds.report().sources[r.source].name == "b.json");
  }
}

TEST_CASE("merge: three sources, the last-sorting name wins each disagreement", "[data][merge]") {
  const std::string c = array_of({api_row(R"("tput_per_gpu": 90.0, "median_intvty": 51.0)")});
  for (const auto& order : {std::vector<std::pair<std::string, std::string>>{{"c.json", c}, {"a.json", kA}, {"b.json", kB}},
                            std::vector<std::pair<std::string, std::string>>{{"b.json", kB}, {"c.json", c}, {"a.json", kA}}}) {
    const Dataset ds = load_inline(order);
    REQUIRE(ds.rows().size() == 1);
    REQUIRE(ds.rows()[0].get(Field::tput_per_gpu) == 90.0);
    REQUIRE(ds.rows()[0].get(Field::median_intvty) == 51.0);
    REQUIRE(ds.report().duplicates_merged == 2);
    // Duplicates are compared in source-name order, whatever the load order: a vs b differ on
    // tput (1); the kept b row vs c differs on tput 120 vs 90 and intvty 50 vs 51 (2).
    REQUIRE(ds.report().conflicting_values == 3);
  }
}

TEST_CASE("merge: different date or conc are different rows", "[data][merge]") {
  const std::string rows = array_of({api_row(R"("tput_per_gpu": 100.0, "median_intvty": 50.0)", R"("date": "2026-05-01")", 4),
                                     api_row(R"("tput_per_gpu": 100.0, "median_intvty": 50.0)", R"("date": "2026-05-02")", 4),
                                     api_row(R"("tput_per_gpu": 100.0, "median_intvty": 50.0)", R"("date": "2026-05-01")", 8),
                                     api_row(R"("tput_per_gpu": 100.0, "median_intvty": 50.0)", R"("date": "2026-05-01")", 4, "b200")});
  const Dataset ds = load_inline({{"rows.json", rows}});
  REQUIRE(ds.rows().size() == 4);
  REQUIRE(ds.lines().size() == 2);
  REQUIRE(ds.report().duplicates_merged == 0);
}

TEST_CASE("merge: aliases and defaults normalise before duplicates are found", "[data][merge]") {
  // The same configuration written with aliases, upper case, a runner suffix and without the
  // optional keys is the same line as the canonical spelling.
  const std::string canonical = array_of({api_row(R"("tput_per_gpu": 100.0, "median_intvty": 50.0)")});
  const std::string aliased =
      R"([{"hardware": "MI355X-amds_0", "framework": "SGLang", "model": "DeepSeek-R1-0528", "precision": "FP8",)"
      R"( "spec_method": "stp", "prefill_tp": 8, "prefill_ep": 1, "decode_tp": 8, "decode_ep": 1,)"
      R"( "isl": 1024, "osl": 1024, "conc": 4, "date": "2026-05-01", "metrics": {"tput_per_gpu": 100.0, "median_intvty": 50.0}}])";
  const Dataset ds = load_inline({{"a.json", canonical}, {"b.json", aliased}});
  REQUIRE(ds.lines().size() == 1);
  REQUIRE(ds.rows().size() == 1);
  REQUIRE(ds.report().duplicates_merged == 1);
  const Line& l = ds.lines()[0];
  REQUIRE(l.hardware == "mi355x");
  REQUIRE(l.model == "dsr1");
  REQUIRE(l.spec_method == "none");
  REQUIRE(l.num_prefill_gpu == 8);  // absent counts: aggregated rows use the TP width
  REQUIRE(l.benchmark_type == "single_turn");
  REQUIRE(l.offload_mode == "off");
}
