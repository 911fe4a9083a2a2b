// Runner aggregates (agentic/*.json, agg_bmk.json shape). They carry no date, no isl/osl and no
// median interactivity (only mean/p75/p90/p95): DECISIONS.md keeps such rows, counts them as
// rows without x, and they never enter a frontier. Expected values read from the files with python3.
#include <catch2/catch.hpp>

#include <string>

#include "data_helpers.hpp"

using namespace icq::data;
using namespace icq_test;

TEST_CASE("runner: the agentic folder keeps 100 of 101 aggregates, all without median_intvty", "[data][runner]") {
  const Dataset ds = load_files({"agentic"});
  const auto& srcs = ds.report().sources;
  REQUIRE(srcs.size() == 6);
  std::size_t read = 0, kept = 0, unusable = 0, without_x = 0;
  for (const auto& s : srcs) {
    INFO(s.name);
    REQUIRE(s.format == "runner-json");
    REQUIRE(s.skipped.empty());
    read += s.rows_read;
    kept += s.rows_kept;
    unusable += s.rows_unusable;
    without_x += s.rows_without_x;
  }
  REQUIRE(read == 101);
  REQUIRE(kept == 100);
  REQUIRE(unusable == 1);
  REQUIRE(without_x == 100);  // every kept aggregate lacks median_intvty
  REQUIRE(ds.rows().size() == 100);
  REQUIRE(ds.report().duplicates_merged == 0);
  // The one unusable record: kimik2.5 on b200, conc 32, tp 8, lmcache — a run with 0 of 0 requests
  // and no tput_per_gpu at all (row 10 of its file).
  REQUIRE(ds.report().unusable_by_reason.size() == 1);
  REQUIRE(reason_count(ds, "missing tput_per_gpu") == 1);
  REQUIRE(ds.report().problems.size() == 1);
  REQUIRE(ds.report().problems[0].where == "row 10");
  REQUIRE(srcs[ds.report().problems[0].source].name == data_path("agentic/kimik2.5-fp4-b200-vllm-agentic-lmcache.json"));
  for (const auto& r : ds.rows()) {
    REQUIRE(r.date == icq::text::kNoDate);  // undated
    REQUIRE(r.has(Field::tput_per_gpu));
    REQUIRE_FALSE(r.has(Field::median_intvty));
    REQUIRE(r.has(Field::mean_intvty));
    REQUIRE(r.has(Field::p90_intvty));
    const Line& l = ds.line_of(r);
    REQUIRE(l.benchmark_type == "agentic_traces");
    REQUIRE(l.isl == 0);
    REQUIRE(l.osl == 0);
    REQUIRE(l.sequence() == "agentic");
  }
}

TEST_CASE("runner: configuration of an agentic aggregate", "[data][runner]") {
  // qwen3.5-fp8-mi355x-sglang-agentic-hicache.json, first record: conc 72, tp 4, ep 1,
  // dp_attention "false" (a string), offloading "hicache".
  const Dataset ds = load_files({"agentic/qwen3.5-fp8-mi355x-sglang-agentic-hicache.json"});
  REQUIRE(ds.rows().size() == 14);
  const auto rows = rows_where(ds, [](const Line& l, const Row& r) { return r.conc == 72 && l.offload_mode == "on"; });
  REQUIRE(rows.size() == 1);
  const Row& r = *rows[0];
  const Line& l = ds.line_of(r);
  REQUIRE(l.hardware == "mi355x");
  REQUIRE(l.model == "qwen3.5");  // from infmax_model_prefix, not the HF path in "model"
  REQUIRE(l.framework == "sglang");
  REQUIRE(l.precision == "fp8");
  REQUIRE(l.spec_method == "none");
  REQUIRE(l.decode_tp == 4);
  REQUIRE(l.prefill_tp == 4);
  REQUIRE(l.decode_ep == 1);
  REQUIRE_FALSE(l.decode_dp_attention);
  REQUIRE(l.num_decode_gpu == 4);
  REQUIRE(l.gpus() == 4);
  REQUIRE(r.get(Field::tput_per_gpu) == 6274.79945112636);
  REQUIRE(r.get(Field::output_tput_per_gpu) == 53.73306046856231);
  REQUIRE(r.get(Field::input_tput_per_gpu) == 6221.0663906577975);
  REQUIRE(r.get(Field::mean_intvty) == 7.114735534674751);
  REQUIRE(r.get(Field::p90_intvty) == 9.827314004673893);
  REQUIRE(r.get(Field::mean_ttft) == 98.56142236658737);
  // Offloading "none" gives offload_mode "off": half of this file's 14 records.
  std::size_t off = 0;
  for (const auto& row : ds.rows()) off += ds.line_of(row).offload_mode == "off";
  REQUIRE(off == 7);
  // p75/p95 statistics and cache hit rates have no API field: reported as ignored.
  REQUIRE(ds.report().ignored_fields.count("p75_intvty") == 1);
  REQUIRE(ds.report().ignored_fields.at("p75_intvty") == 14);
  REQUIRE(ds.report().ignored_fields.count("server_gpu_cache_hit_rate") == 1);
}

TEST_CASE("runner: runner hw strings lose their suffix", "[data][runner]") {
  // kimik2.5-fp4-b200-vllm-agentic-lmcache.json: hw "b200-dgxc".
  const Dataset ds = load_files({"agentic/kimik2.5-fp4-b200-vllm-agentic-lmcache.json"});
  REQUIRE(ds.rows().size() == 22);
  for (const auto& l : ds.lines()) {
    REQUIRE(l.hardware == "b200");
    REQUIRE(l.model == "kimik2.5");
  }
}

TEST_CASE("runner: a single aggregate object with a date is a dated row", "[data][runner]") {
  const std::string one =
      R"({"hw": "mi355x-amds_0", "conc": 16, "model": "deepseek-ai/DeepSeek-R1-0528", "infmax_model_prefix": "dsr1",)"
      R"( "framework": "sglang", "precision": "fp8", "spec_decoding": "mtp", "tp": 8, "ep": 1, "dp_attention": false,)"
      R"( "isl": 1024, "osl": 8192, "date": "2026-05-30", "tput_per_gpu": 1234.5, "median_intvty": 61.5, "median_ttft": 0.25})";
  const Dataset ds = load_inline({{"agg_bmk.json", one}});
  REQUIRE(ds.report().sources.at(0).format == "runner-json");
  REQUIRE(ds.rows().size() == 1);
  const Row& r = ds.rows()[0];
  const Line& l = ds.line_of(r);
  REQUIRE(l.hardware == "mi355x");
  REQUIRE(l.model == "dsr1");
  REQUIRE(l.spec_method == "mtp");
  REQUIRE(l.benchmark_type == "single_turn");
  REQUIRE(l.sequence() == "1k/8k");
  REQUIRE(r.date == day("2026-05-30"));
  REQUIRE(r.get(Field::median_intvty) == 61.5);
  REQUIRE(ds.report().sources.at(0).rows_without_x == 0);
}

TEST_CASE("runner: an unreadable date in an aggregate is a reason", "[data][runner][bad]") {
  const std::string one = R"([{"hw": "mi355x", "conc": 16, "infmax_model_prefix": "dsr1", "framework": "sglang", "precision": "fp8",)"
                          R"( "tp": 8, "date": "yesterday", "tput_per_gpu": 1234.5, "median_intvty": 61.5}])";
  const Dataset ds = load_inline({{"agg.json", one}});
  REQUIRE(ds.empty());
  REQUIRE(reason_count(ds, "unreadable date 'yesterday'") == 1);
}
