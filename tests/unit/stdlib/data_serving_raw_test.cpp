// Raw benchmark_serving.py output (serving-raw/*.json): configuration from the file name, metrics
// derived as the InferenceX runner does (throughput / tp, *_ms / 1000, interactivity = 1000/tpot_ms).
// Expected values are the files' own numbers (read with python3), put through the same formulas.
#include <catch2/catch.hpp>

#include <string>

#include "data_helpers.hpp"

using namespace icq::data;
using namespace icq_test;

namespace {
const char* kGptossTp8Conc16 = "serving-raw/gptoss_h200_vllm22.0_sweep1__gptoss_fp4_h200_tp8_conc16_isl1024_osl1024.json";
}

TEST_CASE("serving-raw: one file becomes one row, config from the file name", "[data][serving-raw]") {
  const Dataset ds = load_files({kGptossTp8Conc16});
  const auto& src = ds.report().sources.at(0);
  REQUIRE(src.format == "serving-raw");
  REQUIRE(src.rows_read == 1);
  REQUIRE(src.rows_kept == 1);
  REQUIRE(ds.rows().size() == 1);
  const Row& r = ds.rows()[0];
  const Line& l = ds.line_of(r);
  REQUIRE(l.hardware == "h200");
  REQUIRE(l.framework == "vllm");  // "vllm22.0" in the sweep part, version stripped
  REQUIRE(l.model == "gptoss120b");
  REQUIRE(l.precision == "fp4");
  REQUIRE(l.decode_tp == 8);
  REQUIRE(l.prefill_tp == 8);
  REQUIRE(l.decode_ep == 1);
  REQUIRE(l.num_decode_gpu == 8);
  REQUIRE(l.isl == 1024);
  REQUIRE(l.osl == 1024);
  REQUIRE_FALSE(l.disagg);
  REQUIRE(l.spec_method == "none");
  REQUIRE(r.conc == 16);                 // max_concurrency, agreeing with conc16
  REQUIRE(r.date == day("2026-06-11"));  // "date": "20260611-060111"

  // total_token_throughput 2229.65508058615, output_throughput 1108.9250981663968, tp 8
  REQUIRE(r.get(Field::tput_per_gpu) == 2229.65508058615 / 8);
  REQUIRE(r.get(Field::output_tput_per_gpu) == 1108.9250981663968 / 8);
  REQUIRE(r.get(Field::input_tput_per_gpu) == (2229.65508058615 - 1108.9250981663968) / 8);
  // median_tpot_ms 13.628515525541237 -> 0.0136... s and 73.4 tok/s/user
  REQUIRE(r.get(Field::median_intvty) == 1000.0 / 13.628515525541237);
  REQUIRE(r.get(Field::median_tpot) == 13.628515525541237 / 1000.0);
  REQUIRE(r.get(Field::median_ttft) == 147.30571903055534 / 1000.0);
  REQUIRE(r.get(Field::p999_itl) == 76.85582199506463 / 1000.0);  // "p99.9_itl_ms"
  REQUIRE(r.get(Field::median_intvty) == Approx(73.375));
}

TEST_CASE("serving-raw: the folder loads the 9 gpt-oss files and rejects the 5 mislabelled ones", "[data][serving-raw]") {
  const Dataset ds = load_files({"serving-raw"});
  const auto& rep = ds.report();
  REQUIRE(rep.sources.size() == 14);
  std::size_t kept = 0, unusable = 0;
  for (const auto& s : rep.sources) {
    REQUIRE(s.format == "serving-raw");
    REQUIRE(s.rows_read == 1);
    kept += s.rows_kept;
    unusable += s.rows_unusable;
    const bool deepseek_named = s.name.find("/deepseekr1_") != std::string::npos;
    INFO(s.name);
    REQUIRE(s.rows_unusable == (deepseek_named ? 1u : 0u));
  }
  REQUIRE(kept == 9);
  REQUIRE(unusable == 5);
  REQUIRE(ds.rows().size() == 9);
  // The run part of those names says gptoss, their model_id says DeepSeek-R1: attributable to neither.
  const std::string reason = "file name says model 'gptoss' (gptoss120b) but model_id is '/home/models/deepseek-r1' (dsr1)";
  REQUIRE(reason_count(ds, reason) == 5);
  REQUIRE(rep.unusable_by_reason.size() == 1);
  for (const auto& p : rep.problems) REQUIRE(p.where == "file");

  // Three lines (tp 2, 4, 8), all h200 vllm gptoss120b fp4 1k/1k.
  REQUIRE(ds.lines().size() == 3);
  for (const auto& l : ds.lines()) {
    REQUIRE(l.model == "gptoss120b");
    REQUIRE(l.framework == "vllm");
    REQUIRE(l.hardware == "h200");
  }
  // Every row: tput_per_gpu = total_token_throughput / tp, median_intvty = 1000 / median_tpot_ms.
  struct Expect {
    int tp, conc;
    const char* date;
    double total, tpot_ms;
  };
  const Expect expected[] = {
      {2, 64, "2026-06-10", 8390.322366645161, 14.766193351493019}, {4, 4, "2026-06-10", 1070.5697079337776, 7.043863680747903},
      {4, 8, "2026-06-10", 1983.5733788122066, 7.587749381407492},  {4, 64, "2026-06-10", 9119.460258666819, 13.433972908537676},
      {8, 4, "2026-06-10", 661.4995285571788, 11.552380044848174},  {8, 8, "2026-06-10", 1222.4307554734012, 12.318871741022367},
      {8, 16, "2026-06-11", 2229.65508058615, 13.628515525541237},  {8, 32, "2026-06-10", 3857.4201567310506, 15.590472931150753},
      {8, 64, "2026-06-10", 6042.56285112482, 20.0533725807703},
  };
  for (const auto& e : expected) {
    INFO("tp" << e.tp << " conc" << e.conc);
    const auto rows = rows_where(ds, [&](const Line& l, const Row& r) { return l.decode_tp == e.tp && r.conc == e.conc; });
    REQUIRE(rows.size() == 1);
    REQUIRE(rows[0]->date == day(e.date));
    REQUIRE(rows[0]->get(Field::tput_per_gpu) == e.total / e.tp);
    REQUIRE(rows[0]->get(Field::median_intvty) == 1000.0 / e.tpot_ms);
  }
}

TEST_CASE("serving-raw: name/content disagreements and missing parts", "[data][serving-raw][bad]") {
  const std::string body = R"({"max_concurrency": 32, "total_token_throughput": 800.0, "output_throughput": 400.0, "median_tpot_ms": 20.0,)"
                           R"( "date": "20260610-101010", "model_id": "/m/openai--gpt-oss-120b"})";
  SECTION("conc in the name disagrees with max_concurrency") {
    const Dataset ds = load_inline({{"x_h200_vllm1.0__gptoss_fp4_h200_tp8_conc16_isl1024_osl1024.json", body}});
    REQUIRE(ds.empty());
    REQUIRE(reason_count(ds, "file name says conc16 but max_concurrency is 32") == 1);
  }
  SECTION("agreeing name loads") {
    const Dataset ds = load_inline({{"x_h200_vllm1.0__gptoss_fp4_h200_tp8_conc32_isl1024_osl1024.json", body}});
    REQUIRE(ds.rows().size() == 1);
    REQUIRE(ds.rows()[0].get(Field::tput_per_gpu) == 100.0);
    REQUIRE(ds.rows()[0].get(Field::median_intvty) == 50.0);
  }
  SECTION("no framework in the name") {
    const Dataset ds = load_inline({{"gptoss_fp4_h200_tp8_conc32_isl1024_osl1024.json", body}});
    REQUIRE(ds.empty());
    REQUIRE(reason_count(ds, "file name names no framework (expected e.g. 'sglang5.12' in the sweep part)") == 1);
  }
  SECTION("no GPU in the name") {
    const Dataset ds = load_inline({{"x_vllm1.0__gptoss_fp4_tp8_conc32_isl1024_osl1024.json", body}});
    REQUIRE(reason_count(ds, "file name names no known GPU") == 1);
  }
  SECTION("no tp in the name") {
    const Dataset ds = load_inline({{"x_vllm1.0__gptoss_fp4_h200_conc32_isl1024_osl1024.json", body}});
    REQUIRE(reason_count(ds, "file name has no tpN") == 1);
  }
  SECTION("missing date") {
    const std::string undated =
        R"({"max_concurrency": 32, "total_token_throughput": 800.0, "output_throughput": 400.0, "median_tpot_ms": 20.0})";
    const Dataset ds = load_inline({{"x_h200_vllm1.0__gptoss_fp4_h200_tp8_conc32_isl1024_osl1024.json", undated}});
    REQUIRE(reason_count(ds, "missing date") == 1);
  }
}

TEST_CASE("serving-raw: fewer completed requests than prompts is a warning", "[data][serving-raw]") {
  const std::string body = R"({"max_concurrency": 32, "total_token_throughput": 800.0, "output_throughput": 400.0, "median_tpot_ms": 20.0,)"
                           R"( "date": "20260610-101010", "completed": 300, "num_prompts": 320})";
  const Dataset ds = load_inline({{"x_h200_vllm1.0__gptoss_fp4_h200_tp8_conc32_isl1024_osl1024.json", body}});
  REQUIRE(ds.rows().size() == 1);
  REQUIRE(has_warning_containing(ds, "300 of 320 requests completed"));
}
