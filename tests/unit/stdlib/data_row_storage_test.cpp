// Rows store only the metrics they carry (bench/RESULTS.md, memory per row): every value read back
// through Row::get is the one the file held, absent metrics read as NaN, and a moved Dataset keeps
// its rows' values valid.
#include <catch2/catch.hpp>

#include <cmath>
#include <fstream>
#include <sstream>
#include <string>

#include "data_helpers.hpp"

using namespace icq::data;
using namespace icq_test;

TEST_CASE("compact rows read back every metric of the file and nothing else", "[data][storage]") {
  const Dataset ds = load_inline({{"a.json", R"([
    {"hardware":"b200","framework":"vllm","model":"dsr1","precision":"fp4","spec_method":"none","disagg":false,
     "is_multinode":false,"isl":1024,"osl":1024,"conc":4,"date":"2026-01-02",
     "metrics":{"tput_per_gpu":100.5,"median_intvty":42.25,"p99_ttft":0.125}},
    {"hardware":"b200","framework":"vllm","model":"dsr1","precision":"fp4","spec_method":"none","disagg":false,
     "is_multinode":false,"isl":1024,"osl":1024,"conc":8,"date":"2026-01-02",
     "metrics":{"tput_per_gpu":180.0,"median_e2el":9.5}}])"}});
  REQUIRE(ds.rows().size() == 2);
  const Row& a = ds.rows()[0];
  const Row& b = ds.rows()[1];
  CHECK(std::popcount(a.present) == 3);
  CHECK(a.get(Field::tput_per_gpu) == 100.5);
  CHECK(a.get(Field::median_intvty) == 42.25);
  CHECK(a.get(Field::p99_ttft) == 0.125);
  CHECK(std::isnan(a.get(Field::median_e2el)));
  CHECK_FALSE(a.has(Field::median_e2el));
  CHECK(std::popcount(b.present) == 2);
  CHECK(b.get(Field::tput_per_gpu) == 180.0);
  CHECK(b.get(Field::median_e2el) == 9.5);
  CHECK_FALSE(b.has(Field::median_intvty));
  CHECK(std::isnan(b.get(Field::median_intvty)));
}

TEST_CASE("a moved data set keeps its rows' values", "[data][storage]") {
  Dataset first = load_files({"api/2026-06-14/benchmarks-history.json"});
  REQUIRE(first.rows().size() > 1000);
  const double before = first.rows().back().get(Field::tput_per_gpu);
  const Dataset moved = std::move(first);
  CHECK(moved.rows().back().get(Field::tput_per_gpu) == before);
  // Every stored value is a real number; has() and get() agree on every field of every row.
  for (const Row& r : moved.rows())
    for (std::size_t f = 0; f < kFieldCount; ++f) {
      const auto field = static_cast<Field>(f);
      REQUIRE(r.has(field) == !std::isnan(r.get(field)));
    }
}
