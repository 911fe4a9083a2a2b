// Bad input is reported, never silently dropped (DECISIONS.md, Data: unusable rows are counted with
// a reason; whole files that are not data are skipped with a reason).
#include <catch2/catch.hpp>

#include <string>

#include "data_helpers.hpp"

using namespace icq::data;
using namespace icq_test;

namespace {

// Loads one inline file and returns the data set.
Dataset one(const std::string& bytes, const std::string& name = "bad.json") { return load_inline({{name, bytes}}); }

const char* kGood = R"("tput_per_gpu": 100.0, "median_intvty": 50.0)";

}  // namespace

TEST_CASE("bad input: invalid JSON that is not an array skips the file with a reason", "[data][bad]") {
  const Dataset ds = one(R"({"hardware": "mi355x", )");
  REQUIRE(ds.empty());
  const auto& src = ds.report().sources.at(0);
  REQUIRE(src.skipped.rfind("invalid JSON: ", 0) == 0);
  REQUIRE(src.rows_read == 0);
  REQUIRE(ds.report().problems.empty());
}

TEST_CASE("bad input: a truncated array keeps its whole records and reports the cut one", "[data][bad]") {
  const Dataset ds = one(R"([{"hardware": "mi355x", )");
  REQUIRE(ds.empty());
  const auto& src = ds.report().sources.at(0);
  REQUIRE(src.skipped.empty());
  REQUIRE(src.rows_unusable == 1);
  REQUIRE(ds.report().problems.at(0).where == "row 1 (line 1)");
  REQUIRE(ds.report().problems.at(0).reason == "the file ends inside this record (truncated)");
  REQUIRE(has_warning_containing(ds, "invalid JSON"));
}

TEST_CASE("bad input: empty and blank files are skipped as empty", "[data][bad]") {
  for (const char* bytes : {"", "   \n\t\r\n", "\xEF\xBB\xBF"}) {
    const Dataset ds = one(bytes);
    REQUIRE(ds.empty());
    REQUIRE(ds.report().sources.at(0).skipped == "empty file");
  }
}

TEST_CASE("bad input: an empty JSON array is a warning, not an error", "[data][bad]") {
  const Dataset ds = one("[]");
  REQUIRE(ds.empty());
  REQUIRE(ds.report().sources.at(0).skipped.empty());
  REQUIRE(has_warning_containing(ds, "bad.json: empty JSON array, no rows"));
}

TEST_CASE("bad input: a JSON scalar is neither rows nor an object", "[data][bad]") {
  const Dataset ds = one("[1, 2]");
  // Array elements that are not objects are unusable rows.
  REQUIRE(reason_count(ds, "not a JSON object") == 2);
  const Dataset s = one("{\"foo\": 1}");
  REQUIRE(s.report().sources.at(0).skipped == "not a recognised InferenceX document");
}

TEST_CASE("bad input: a non-object array element is one unusable row — the rest load", "[data][bad]") {
  const Dataset ds = one("[42, " + api_row(kGood) + ", \"text\"]");
  REQUIRE(ds.rows().size() == 1);
  const auto& src = ds.report().sources.at(0);
  REQUIRE(src.rows_read == 3);
  REQUIRE(src.rows_kept == 1);
  REQUIRE(src.rows_unusable == 2);
  REQUIRE(reason_count(ds, "not a JSON object") == 2);
  REQUIRE(ds.report().problems[0].where == "row 1");
  REQUIRE(ds.report().problems[1].where == "row 3");
}

TEST_CASE("bad input: tput_per_gpu that is not a number makes the row unusable", "[data][bad]") {
  const Dataset ds = one(array_of({api_row(R"("tput_per_gpu": "abc", "median_intvty": 50.0)")}));
  REQUIRE(ds.empty());
  REQUIRE(ds.report().sources.at(0).rows_unusable == 1);
  REQUIRE(ds.report().problems.size() == 1);
  REQUIRE(ds.report().problems[0].reason == "non-numeric tput_per_gpu");
  REQUIRE(ds.report().problems[0].where == "row 1");
}

TEST_CASE("bad input: missing tput_per_gpu", "[data][bad]") {
  const Dataset ds = one(array_of({api_row(R"("median_intvty": 50.0)")}));
  REQUIRE(ds.empty());
  REQUIRE(reason_count(ds, "missing tput_per_gpu") == 1);
}

TEST_CASE("bad input: negative throughput", "[data][bad]") {
  const Dataset ds = one(array_of({api_row(R"("tput_per_gpu": -5.0, "median_intvty": 50.0)")}));
  REQUIRE(ds.empty());
  REQUIRE(reason_count(ds, "tput_per_gpu not a finite non-negative number") == 1);
}

TEST_CASE("bad input: zero throughput is usable (it is not negative)", "[data][bad]") {
  const Dataset ds = one(array_of({api_row(R"("tput_per_gpu": 0, "median_intvty": 50.0)")}));
  REQUIRE(ds.rows().size() == 1);
}

TEST_CASE("bad input: negative output or input throughput", "[data][bad]") {
  // DECISIONS.md: "negative or non-finite throughput" makes a row unusable — every throughput.
  const Dataset out = one(array_of({api_row(R"("tput_per_gpu": 10.0, "output_tput_per_gpu": -1.0, "median_intvty": 50.0)")}));
  REQUIRE(out.empty());
  REQUIRE(reason_count(out, "output_tput_per_gpu not a finite non-negative number") == 1);
  const Dataset in = one(array_of({api_row(R"("tput_per_gpu": 10.0, "input_tput_per_gpu": -1.0, "median_intvty": 50.0)")}));
  REQUIRE(in.empty());
  REQUIRE(reason_count(in, "input_tput_per_gpu not a finite non-negative number") == 1);
}

TEST_CASE("bad input: median_intvty 0 or negative", "[data][bad]") {
  const Dataset zero = one(array_of({api_row(R"("tput_per_gpu": 100.0, "median_intvty": 0)")}));
  REQUIRE(zero.empty());
  REQUIRE(reason_count(zero, "median_intvty not a finite positive number") == 1);
  const Dataset neg = one(array_of({api_row(R"("tput_per_gpu": 100.0, "median_intvty": -3.5)")}));
  REQUIRE(reason_count(neg, "median_intvty not a finite positive number") == 1);
}

TEST_CASE("bad input: median_intvty that is not a number", "[data][bad]") {
  const Dataset ds = one(array_of({api_row(R"("tput_per_gpu": 100.0, "median_intvty": "fast")")}));
  REQUIRE(ds.empty());
  REQUIRE(reason_count(ds, "median_intvty not a finite positive number") == 1);
}

TEST_CASE("bad input: an API row without median_intvty is kept but not plottable", "[data][bad]") {
  const Dataset ds = one(array_of({api_row(R"("tput_per_gpu": 100.0)")}));
  REQUIRE(ds.rows().size() == 1);
  REQUIRE(ds.report().sources.at(0).rows_without_x == 1);
  REQUIRE(ds.report().sources.at(0).rows_unusable == 0);
}

TEST_CASE("bad input: missing date and unreadable dates", "[data][bad]") {
  const Dataset missing = one(array_of({api_row(kGood, "")}));
  REQUIRE(missing.empty());
  REQUIRE(reason_count(missing, "missing date") == 1);
  const Dataset null_date = one(array_of({api_row(kGood, R"("date": null)")}));
  REQUIRE(reason_count(null_date, "missing date") == 1);
  const Dataset bad_month = one(array_of({api_row(kGood, R"("date": "2026-13-01")")}));
  REQUIRE(reason_count(bad_month, "unreadable date '2026-13-01'") == 1);
  const Dataset bad_day = one(array_of({api_row(kGood, R"("date": "2026-02-30")")}));
  REQUIRE(reason_count(bad_day, "unreadable date '2026-02-30'") == 1);
  const Dataset number = one(array_of({api_row(kGood, R"("date": 20260501)")}));
  REQUIRE(reason_count(number, "'date' is not a string") == 1);
}

TEST_CASE("bad input: missing identity keys and conc", "[data][bad]") {
  const std::string no_model = R"([{"hardware": "mi355x", "framework": "sglang", "precision": "fp8", "conc": 4, "date": "2026-05-01",)"
                               R"( "metrics": {"tput_per_gpu": 100.0, "median_intvty": 50.0}}])";
  REQUIRE(reason_count(one(no_model), "missing model") == 1);
  const std::string no_framework = R"([{"hardware": "mi355x", "model": "dsr1", "precision": "fp8", "conc": 4, "date": "2026-05-01",)"
                                   R"( "metrics": {"tput_per_gpu": 100.0, "median_intvty": 50.0}}])";
  REQUIRE(reason_count(one(no_framework), "missing framework") == 1);
  const std::string no_conc = R"([{"hardware": "mi355x", "framework": "sglang", "model": "dsr1", "precision": "fp8", "date": "2026-05-01",)"
                              R"( "metrics": {"tput_per_gpu": 100.0, "median_intvty": 50.0}}])";
  REQUIRE(reason_count(one(no_conc), "missing or non-positive conc") == 1);
  const std::string bad_tp =
      R"([{"hardware": "mi355x", "framework": "sglang", "model": "dsr1", "precision": "fp8", "conc": 4, "decode_tp": 2.5,)"
      R"( "date": "2026-05-01", "metrics": {"tput_per_gpu": 100.0, "median_intvty": 50.0}}])";
  REQUIRE(reason_count(one(bad_tp), "'decode_tp' is not an integer") == 1);
  const std::string bad_bool =
      R"([{"hardware": "mi355x", "framework": "sglang", "model": "dsr1", "precision": "fp8", "conc": 4, "disagg": "maybe",)"
      R"( "date": "2026-05-01", "metrics": {"tput_per_gpu": 100.0, "median_intvty": 50.0}}])";
  REQUIRE(reason_count(one(bad_bool), "'disagg' is not a boolean") == 1);
  const std::string no_metrics =
      R"([{"hardware": "mi355x", "framework": "sglang", "model": "dsr1", "precision": "fp8", "conc": 4, "date": "2026-05-01"}])";
  // Without "metrics" the first object classifies as an availability listing: the file is skipped.
  REQUIRE(one(no_metrics).report().sources.at(0).skipped == "availability listing (which configs ran on which dates), no metrics");
}

TEST_CASE("bad input: one bad row does not stop the others", "[data][bad]") {
  const Dataset ds = one(array_of({api_row(kGood, R"("date": "2026-05-01")", 4),
                                   api_row(R"("tput_per_gpu": -1, "median_intvty": 50.0)", R"("date": "2026-05-01")", 8),
                                   api_row(kGood, R"("date": "bad")", 16), api_row(kGood, R"("date": "2026-05-01")", 32)}));
  REQUIRE(ds.rows().size() == 2);
  const auto& src = ds.report().sources.at(0);
  REQUIRE(src.rows_read == 4);
  REQUIRE(src.rows_kept == 2);
  REQUIRE(src.rows_unusable == 2);
  REQUIRE(ds.report().problems.size() == 2);
  REQUIRE(ds.report().problems[0].where == "row 2");
  REQUIRE(ds.report().problems[1].where == "row 3");
  REQUIRE(ds.report().problems[1].reason == "unreadable date 'bad'");
}

TEST_CASE("bad input: a metric value of the wrong type is an ignored field", "[data][bad]") {
  const Dataset ds = one(array_of({api_row(R"("tput_per_gpu": 100.0, "median_intvty": 50.0, "median_ttft": "slow")")}));
  REQUIRE(ds.rows().size() == 1);
  REQUIRE_FALSE(ds.rows()[0].has(Field::median_ttft));
  REQUIRE(ds.report().ignored_fields.count("metrics.median_ttft (not a number)") == 1);
}
