// Loading the InferenceX API JSON captures (../shared/data/inferencex/api, blog-tables,
// api-partial). Every expected count and value below was read from the real files with python3.
#include <algorithm>
#include <catch2/catch.hpp>

#include <cmath>
#include <set>
#include <string>

#include "data_helpers.hpp"

using namespace icq::data;
using namespace icq_test;

TEST_CASE("api: benchmarks.json of 2026-06-14 keeps all 435 rows", "[data][api]") {
  const Dataset ds = load_files({"api/2026-06-14/benchmarks.json"});
  const auto& rep = ds.report();
  REQUIRE(rep.sources.size() == 1);
  const auto& src = rep.sources[0];
  REQUIRE(src.format == "api-json");
  REQUIRE(src.skipped.empty());
  REQUIRE(src.rows_read == 435);
  REQUIRE(src.rows_kept == 435);
  REQUIRE(src.rows_unusable == 0);
  REQUIRE(src.rows_without_x == 0);
  REQUIRE(ds.rows().size() == 435);
  REQUIRE(ds.lines().size() == 298);
  REQUIRE(rep.duplicates_merged == 0);
  REQUIRE(rep.conflicting_values == 0);
  REQUIRE(rep.problems.empty());
  REQUIRE(src.name == data_path("api/2026-06-14/benchmarks.json"));
}

TEST_CASE("api: one real row's normalised line key and metrics", "[data][api]") {
  // The file's first row: mi355x sglang dsr1 fp4, tp4 ep1, 1k/1k, conc 4, 2026-06-11.
  const Dataset ds = load_files({"api/2026-06-14/benchmarks.json"});
  Line expected;
  expected.hardware = "mi355x";
  expected.framework = "sglang";
  expected.model = "dsr1";
  expected.precision = "fp4";
  expected.spec_method = "none";
  expected.disagg = false;
  expected.is_multinode = false;
  expected.prefill_tp = 4;
  expected.prefill_ep = 1;
  expected.prefill_dp_attention = false;
  expected.prefill_num_workers = 0;
  expected.decode_tp = 4;
  expected.decode_ep = 1;
  expected.decode_dp_attention = false;
  expected.decode_num_workers = 0;
  expected.num_prefill_gpu = 4;
  expected.num_decode_gpu = 4;
  expected.isl = 1024;
  expected.osl = 1024;
  expected.benchmark_type = "single_turn";  // absent in the file: the default
  expected.offload_mode = "off";            // absent in the file: the default
  const auto rows = rows_where(ds, [&](const Line& l, const Row&) { return l == expected; });
  REQUIRE(rows.size() == 1);  // this line's latest run has this one concurrency
  const Row& r = *rows[0];
  REQUIRE(r.conc == 4);
  REQUIRE(r.date == day("2026-06-11"));
  REQUIRE(r.get(Field::tput_per_gpu) == 198.9447984579421);
  REQUIRE(r.get(Field::median_intvty) == 103.64816793368249);
  REQUIRE(r.get(Field::median_ttft) == 0.10217383736744523);
  REQUIRE(r.get(Field::p999_ttft) == 0.8233558841543273);  // "p99.9_ttft"
  REQUIRE(r.get(Field::joules_per_total_token) == 3.161212);
  REQUIRE_FALSE(r.has(Field::joules_per_input_token));  // not in this row
  REQUIRE(ds.str(r.image) == "lmsysorg/sglang:v0.5.12-rocm700-mi35x");
  REQUIRE(ds.run_of(r).url == "https://github.com/SemiAnalysisAI/InferenceX/actions/runs/27213443242/attempts/1");
  const Line& l = ds.line_of(r);
  REQUIRE(l.sequence() == "1k/1k");
  REQUIRE(l.gpus() == 4);
}

TEST_CASE("api: a disaggregated multinode row counts prefill + decode GPUs", "[data][api]") {
  // mi355x mori-sglang dsr1 fp8, 8k/1k, prefill tp8 ep8 x2 workers (16 GPUs), decode tp8 ep8 (8 GPUs),
  // conc 2048, 2026-05-28.
  const Dataset ds = load_files({"api/2026-06-14/benchmarks.json"});
  const auto rows = rows_where(ds, [](const Line& l, const Row& r) {
    return l.framework == "mori-sglang" && l.disagg && r.conc == 2048 && l.isl == 8192 && l.precision == "fp8" && l.num_prefill_gpu == 16;
  });
  REQUIRE(rows.size() == 1);
  const Line& l = ds.line_of(*rows[0]);
  REQUIRE(l.is_multinode);
  REQUIRE(l.prefill_dp_attention);
  REQUIRE(l.decode_dp_attention);
  REQUIRE(l.prefill_num_workers == 2);
  REQUIRE(l.decode_num_workers == 1);
  REQUIRE(l.prefill_ep == 8);
  REQUIRE(l.num_decode_gpu == 8);
  REQUIRE(l.gpus() == 24);
  REQUIRE(l.sequence() == "8k/1k");
  REQUIRE(rows[0]->date == day("2026-05-28"));
  REQUIRE(rows[0]->get(Field::tput_per_gpu) == 3555.5119447679103);
  REQUIRE(rows[0]->get(Field::median_intvty) == 17.170964939292613);
}

TEST_CASE("api: metric names icq does not know are reported as ignored fields", "[data][api]") {
  // Exactly one row of the 2026-06-14 capture (the mori-sglang one) carries per-role power and
  // utilisation metrics; its "workers" member is a known key and is not reported.
  const Dataset ds = load_files({"api/2026-06-14/benchmarks.json"});
  const auto& ig = ds.report().ignored_fields;
  REQUIRE(ig.count("metrics.avg_util_pct") == 1);
  REQUIRE(ig.at("metrics.avg_util_pct") == 1);
  REQUIRE(ig.at("metrics.avg_mem_used_mb") == 1);
  REQUIRE(ig.at("metrics.decode_avg_power_w") == 1);
  REQUIRE(ig.at("metrics.prefill_avg_power_w") == 1);
  REQUIRE(ig.count("workers") == 0);
  REQUIRE(ig.size() == 4);
}

TEST_CASE("api: every row of every line is sorted by (date, conc) and lines are canonical", "[data][api]") {
  const Dataset ds = load_files({"api/2026-06-14/benchmarks-history.json"});
  REQUIRE(ds.rows().size() == 1462);
  REQUIRE(ds.lines().size() == 319);
  for (std::size_t l = 0; l + 1 < ds.lines().size(); ++l) REQUIRE(ds.lines()[l] < ds.lines()[l + 1]);
  for (std::size_t l = 0; l < ds.lines().size(); ++l) {
    for (std::size_t i = ds.line_begin(l); i < ds.line_begin(l + 1); ++i) {
      REQUIRE(ds.rows()[i].line == l);
      if (i > ds.line_begin(l)) {
        const Row& a = ds.rows()[i - 1];
        const Row& b = ds.rows()[i];
        REQUIRE((a.date < b.date || (a.date == b.date && a.conc < b.conc)));
      }
    }
  }
  REQUIRE(ds.line_begin(ds.lines().size()) == ds.rows().size());
}

TEST_CASE("api: the other endpoints of a capture are skipped with a reason, not counted as rows", "[data][api]") {
  struct Case {
    const char* file;
    const char* reason;
  };
  for (const Case& c : {Case{"api/2026-06-14/availability.json", "availability listing (which configs ran on which dates), no metrics"},
                        Case{"api/2026-06-14/reliability.json", "reliability counts per GPU and date, no metrics"},
                        Case{"api/2026-06-14/workflow-info.json", "workflow run list and changelogs, no metrics"},
                        Case{"api/2026-05-05/availability.json", "availability listing (which configs ran on which dates), no metrics"},
                        Case{"api/2026-05-05/reliability.json", "reliability counts per GPU and date, no metrics"}}) {
    INFO(c.file);
    const Dataset ds = load_files({c.file});
    REQUIRE(ds.empty());
    REQUIRE(ds.report().sources.size() == 1);
    const auto& src = ds.report().sources[0];
    REQUIRE(src.skipped == c.reason);
    REQUIRE(src.rows_read == 0);
    REQUIRE(src.rows_kept == 0);
    REQUIRE(src.rows_unusable == 0);
    REQUIRE(ds.report().problems.empty());
  }
  REQUIRE(load_files({"api/2026-06-14/workflow-info.json"}).report().sources[0].format == "workflow-info");
}

TEST_CASE("api: evaluations load as accuracy scores, not benchmark rows", "[data][api]") {
  const Dataset ds = load_files({"api/2026-06-14/evaluations.json"});
  REQUIRE(ds.empty());
  REQUIRE(ds.report().sources[0].format == "evaluations");
  REQUIRE(ds.report().sources[0].rows_kept == 531);
  // 18 records repeat a configuration, task, date and concurrency (re-runs of the same day): one each.
  REQUIRE(ds.evaluations().size() == 513);
  REQUIRE(ds.report().evaluations_merged == 18);
  // The file's records 1 (id 7439, 04:08, 0.9575435936315391) and 4 (id 7448, 06:43,
  // 0.9567854435178166) evaluate the same minimaxm3 fp8 MI300X vllm disagg tp8 configuration at
  // conc 64 on the same day: the later record of the file is kept.
  const auto it = std::find_if(ds.evaluations().begin(), ds.evaluations().end(), [](const icq::data::Evaluation& e) {
    return e.line.model == "minimaxm3" && e.line.hardware == "mi300x" && e.conc == 64 && e.line.disagg && e.line.decode_tp == 8 &&
           e.line.decode_ep == 1 && e.line.num_prefill_gpu == 8 && e.line.num_decode_gpu == 8 && e.line.spec_method == "none";
  });
  REQUIRE(it != ds.evaluations().end());
  REQUIRE(it->task == "gsm8k");
  REQUIRE(it->em_strict == 0.9567854435178166);
  REQUIRE(it->n_eff == 1319);
  // Both captures together: repeated evaluations merge.
  const Dataset both = load_files({"api/2026-05-05/evaluations.json", "api/2026-06-14/evaluations.json"});
  REQUIRE(both.evaluations().size() + both.report().evaluations_merged == 540 + 531);
}

TEST_CASE("api: a whole capture folder loads the benchmark files and skips the rest", "[data][api]") {
  const Dataset ds = load_files({"api/2026-06-14"});
  const auto& srcs = ds.report().sources;
  REQUIRE(srcs.size() == 6);
  std::size_t skipped = 0;
  for (const auto& s : srcs) skipped += !s.skipped.empty();
  REQUIRE(skipped == 3);  // availability, reliability, workflow-info (evaluations load)
  // benchmarks.json (435) + benchmarks-history.json (1462), of which 230 are the same rows.
  REQUIRE(ds.rows().size() == 1667);
  REQUIRE(ds.report().duplicates_merged == 230);
}

TEST_CASE("api: the 2026-05-05 capture has no power metrics", "[data][api]") {
  const Dataset ds = load_files({"api/2026-05-05/benchmarks.json"});
  REQUIRE(ds.rows().size() == 435);
  for (const auto& r : ds.rows()) {
    REQUIRE_FALSE(r.has(Field::avg_power_w));
    REQUIRE_FALSE(r.has(Field::joules_per_total_token));
  }
  const Dataset newer = load_files({"api/2026-06-14/benchmarks.json"});
  std::size_t with_power = 0;
  for (const auto& r : newer.rows()) with_power += r.has(Field::avg_power_w);
  REQUIRE(with_power > 0);
}

TEST_CASE("api: blog tables load as API rows with only three metrics", "[data][api][blog]") {
  const Dataset ds = load_files({"blog-tables"});
  const auto& srcs = ds.report().sources;
  REQUIRE(srcs.size() == 8);
  std::size_t read = 0;
  for (const auto& s : srcs) {
    REQUIRE(s.format == "api-json");
    REQUIRE(s.skipped.empty());
    REQUIRE(s.rows_unusable == 0);
    read += s.rows_read;
  }
  REQUIRE(read == 179);
  REQUIRE(ds.rows().size() == 179);
  REQUIRE(ds.report().duplicates_merged == 0);
  REQUIRE(ds.report().ignored_fields.empty());  // "source" is a known key
  for (const auto& r : ds.rows()) {
    REQUIRE(r.has(Field::tput_per_gpu));
    REQUIRE(r.has(Field::median_intvty));
    REQUIRE(r.has(Field::median_tpot));
    REQUIRE_FALSE(r.has(Field::output_tput_per_gpu));
    REQUIRE_FALSE(r.has(Field::median_ttft));
    REQUIRE_FALSE(r.has(Field::p99_tpot));
  }
  // First row of the GLM-5 post: h200 sglang glm5 fp8 mtp tp8, 8k/1k, conc 4, 2026-05-26.
  const auto rows = rows_where(ds, [](const Line& l, const Row& r) {
    return l.hardware == "h200" && l.model == "glm5" && l.precision == "fp8" && l.spec_method == "mtp" && r.conc == 4 && l.isl == 8192;
  });
  REQUIRE(rows.size() == 1);
  REQUIRE(rows[0]->date == day("2026-05-26"));
  REQUIRE(rows[0]->get(Field::tput_per_gpu) == 347.9);
  REQUIRE(rows[0]->get(Field::median_intvty) == 84.49);
  REQUIRE(rows[0]->get(Field::median_tpot) == 0.01184);
  REQUIRE(ds.line_of(*rows[0]).decode_tp == 8);
  REQUIRE(ds.line_of(*rows[0]).framework == "sglang");
}

TEST_CASE("api: blog rows whose TP is unknown (null) keep TP 0", "[data][api][blog]") {
  // The DeepSeek-V4-Pro MI355X post gives no parallelism: prefill/decode tp and GPU counts are null.
  const Dataset ds = load_files({"blog-tables/mi355x-deepseek-v4-pro-sglang-110x-in-26-days.json"});
  REQUIRE(ds.rows().size() == 35);
  for (const auto& l : ds.lines()) {
    REQUIRE(l.model == "dsv4");
    REQUIRE(l.decode_tp == 0);
    REQUIRE(l.num_decode_gpu == 0);
    REQUIRE(l.gpus() == 0);
  }
  std::set<std::int32_t> dates;
  for (const auto& r : ds.rows()) dates.insert(r.date);
  REQUIRE(dates.size() == 5);
  REQUIRE(*dates.begin() == day("2026-04-25"));
}

TEST_CASE("api-partial: Qwen rows load, agentic_traces rows get sequence 'agentic'", "[data][api][partial]") {
  const Dataset ds = load_files({"api-partial/2026-08-13/benchmarks-qwen3.5-partial.json"});
  const auto& src = ds.report().sources.at(0);
  REQUIRE(src.rows_read == 518);
  REQUIRE(src.rows_kept == 518);
  REQUIRE(src.rows_unusable == 0);
  REQUIRE(src.rows_without_x == 0);
  REQUIRE(ds.rows().size() == 518);
  REQUIRE(ds.lines().size() == 144);
  std::size_t agentic = 0, single_1k1k = 0, single_8k1k = 0, single_1k8k = 0, offload_on = 0;
  for (const auto& r : ds.rows()) {
    const Line& l = ds.line_of(r);
    REQUIRE(l.model == "qwen3.5");
    if (l.benchmark_type == "agentic_traces") {
      ++agentic;
      REQUIRE(l.isl == 0);  // null isl/osl
      REQUIRE(l.osl == 0);
      REQUIRE(l.sequence() == "agentic");
    } else {
      REQUIRE(l.benchmark_type == "single_turn");
      const std::string seq = l.sequence();
      single_1k1k += seq == "1k/1k";
      single_8k1k += seq == "8k/1k";
      single_1k8k += seq == "1k/8k";
    }
    offload_on += l.offload_mode == "on";
  }
  REQUIRE(agentic == 122);
  REQUIRE(single_1k1k == 137);
  REQUIRE(single_8k1k == 205);
  REQUIRE(single_1k8k == 54);
  REQUIRE(offload_on == 38);
  // Row id 438945: b200 sglang fp8 mtp tp4, agentic, conc 1, 2026-08-07.
  const auto rows = rows_where(ds, [](const Line& l, const Row& r) {
    return l.hardware == "b200" && l.framework == "sglang" && l.precision == "fp8" && l.spec_method == "mtp" && l.decode_tp == 4 &&
           l.benchmark_type == "agentic_traces" && r.conc == 1 && r.date == day("2026-08-07") && l.offload_mode == "off";
  });
  REQUIRE(rows.size() == 1);
  REQUIRE(rows[0]->get(Field::tput_per_gpu) == 2073.8902);
  REQUIRE(rows[0]->get(Field::median_intvty) == 429.18454935622316);
  REQUIRE(rows[0]->get(Field::p90_intvty) == 21.593608291945586);
  REQUIRE_FALSE(rows[0]->has(Field::p99_ttft));
}

TEST_CASE("builtin: the embedded data is every real capture (api/, api-partial/, api-found/), merged", "[data][api][builtin]") {
  DatasetBuilder b;
  load_builtin(b);
  const Dataset ds = std::move(b).finish();
  const auto& srcs = ds.report().sources;
  std::vector<std::string> names;
  for (const auto& s : srcs) names.push_back(s.name);
  REQUIRE(names == std::vector<std::string>{"built-in:api-found/2026-09-07/benchmarks-qwen3.5-b200-sglang-fp8-tp4-8k1k.json",
                                            "built-in:api-partial/2026-08-13/benchmarks-qwen3.5-partial.json",
                                            "built-in:api/2026-05-05/benchmarks-history.json", "built-in:api/2026-05-05/benchmarks.json",
                                            "built-in:api/2026-05-05/evaluations.json", "built-in:api/2026-06-14/benchmarks-history.json",
                                            "built-in:api/2026-06-14/benchmarks.json", "built-in:api/2026-06-14/evaluations.json"});
  // DeepSeek-R1: 1369 + 435 + 1462 + 435 records, 1858 distinct (line, date, conc), the captures
  // agree on every value they share; Qwen 3.5: 518 partial + 7 found rows, none shared.
  REQUIRE(ds.rows().size() == 1858 + 518 + 7);
  REQUIRE(ds.lines().size() == 535);
  REQUIRE(ds.report().duplicates_merged == 1843);
  REQUIRE(ds.report().conflicting_values == 0);
  // The same files from disk give the same rows.
  const Dataset disk =
      load_files({"api-found/2026-09-07/benchmarks-qwen3.5-b200-sglang-fp8-tp4-8k1k.json",
                  "api-partial/2026-08-13/benchmarks-qwen3.5-partial.json", "api/2026-05-05/benchmarks-history.json",
                  "api/2026-05-05/benchmarks.json", "api/2026-06-14/benchmarks-history.json", "api/2026-06-14/benchmarks.json"});
  REQUIRE(disk.rows().size() == ds.rows().size());
  REQUIRE(disk.lines() == ds.lines());
}
