// The dashboard's CSV export (csv-export/*.csv): '#' licence lines, a header, and latency columns
// labelled "(ms)" that really hold seconds. Expected values were read from the files with python3.
#include <catch2/catch.hpp>

#include <string>

#include "data_helpers.hpp"

using namespace icq::data;
using namespace icq_test;

TEST_CASE("csv: DeepSeek-R1-0528.csv loads 5 rows, latencies recognised as seconds", "[data][csv]") {
  const Dataset ds = load_files({"csv-export/DeepSeek-R1-0528.csv"});
  const auto& src = ds.report().sources.at(0);
  REQUIRE(src.format == "csv-export");
  REQUIRE(src.skipped.empty());
  REQUIRE(src.rows_read == 5);
  REQUIRE(src.rows_kept == 5);
  REQUIRE(src.rows_unusable == 0);
  REQUIRE(ds.rows().size() == 5);
  REQUIRE(ds.lines().size() == 1);
  // The warning says the "(ms)" columns hold seconds, with the evidence.
  REQUIRE(ds.report().notes.size() == 1);
  const std::string& w = ds.report().notes[0];
  REQUIRE(w.find("DeepSeek-R1-0528.csv") != std::string::npos);
  REQUIRE(w.find("hold seconds") != std::string::npos);
  REQUIRE(w.find("on 5 of 5 rows") != std::string::npos);
  REQUIRE_FALSE(has_warning_containing(ds, "converted to seconds"));

  const Line& l = ds.lines()[0];
  REQUIRE(l.hardware == "h200");
  REQUIRE(l.framework == "sglang");
  REQUIRE(l.model == "dsr1");  // "DeepSeek-R1-0528" display name resolved
  REQUIRE(l.precision == "fp8");
  REQUIRE(l.spec_method == "none");
  REQUIRE(l.decode_tp == 8);
  REQUIRE(l.prefill_tp == 8);
  REQUIRE(l.decode_ep == 1);
  REQUIRE_FALSE(l.disagg);
  REQUIRE(l.num_prefill_gpu == 8);  // empty cells: aggregated rows count their TP width
  REQUIRE(l.num_decode_gpu == 8);
  REQUIRE(l.sequence() == "1k/1k");

  // First data row: conc 4, 2026-06-02.
  const Row& r = ds.rows()[0];
  REQUIRE(r.conc == 4);
  REQUIRE(r.date == day("2026-06-02"));
  REQUIRE(r.get(Field::tput_per_gpu) == 98.82861137108823);
  REQUIRE(r.get(Field::median_intvty) == 102.77569507341812);
  // "Median TPOT (ms)" = 0.00972992689843301: kept as seconds (1/0.0097 = 102.8 = interactivity).
  REQUIRE(r.get(Field::median_tpot) == 0.00972992689843301);
  REQUIRE(r.get(Field::median_ttft) == 0.08473177487030625);
  REQUIRE(r.get(Field::p99_e2el) == 10.594602367626504);
  REQUIRE_FALSE(r.has(Field::p90_ttft));  // the export has no p90 columns
  std::int32_t prev = 0;
  for (const auto& row : ds.rows()) {
    REQUIRE(row.conc > prev);
    prev = row.conc;
  }
  REQUIRE(ds.rows().back().conc == 64);
  REQUIRE(ds.rows().back().get(Field::tput_per_gpu) == 519.7115630630872);
}

TEST_CASE("csv: gpt-oss-120b.csv loads 16 rows on four TP widths", "[data][csv]") {
  const Dataset ds = load_files({"csv-export/gpt-oss-120b.csv"});
  REQUIRE(ds.report().sources.at(0).rows_kept == 16);
  REQUIRE(ds.rows().size() == 16);
  REQUIRE(ds.lines().size() == 4);  // tp 1, 2, 4, 8
  REQUIRE(has_warning_containing(ds, "on 16 of 16 rows"));
  for (const auto& l : ds.lines()) {
    REQUIRE(l.model == "gptoss120b");
    REQUIRE(l.framework == "vllm");
    REQUIRE(l.precision == "fp4");
  }
  // tp2 conc 64: 4259.7606562715255 tok/s/GPU at 68.04671002575141 tok/s/user.
  const auto rows = rows_where(ds, [](const Line& l, const Row& r) { return l.decode_tp == 2 && r.conc == 64; });
  REQUIRE(rows.size() == 1);
  REQUIRE(rows[0]->get(Field::tput_per_gpu) == 4259.7606562715255);
  REQUIRE(rows[0]->get(Field::median_intvty) == 68.04671002575141);
  REQUIRE(rows[0]->date == day("2026-06-05"));
  const auto tp1 = rows_where(ds, [](const Line& l, const Row&) { return l.decode_tp == 1; });
  REQUIRE(tp1.size() == 1);
  REQUIRE(tp1[0]->conc == 4);
}

TEST_CASE("csv: the whole csv-export folder, in sorted order", "[data][csv]") {
  const Dataset ds = load_files({"csv-export"});
  const auto& srcs = ds.report().sources;
  REQUIRE(srcs.size() == 2);
  REQUIRE(srcs[0].name == data_path("csv-export/DeepSeek-R1-0528.csv"));
  REQUIRE(srcs[1].name == data_path("csv-export/gpt-oss-120b.csv"));
  REQUIRE(ds.rows().size() == 21);
  REQUIRE(ds.report().notes.size() == 2);
}

namespace {

// A minimal export with the columns the loader requires, plus Median TPOT for the unit check.
const char* kHeader =
    "Model,ISL,OSL,Hardware,Framework,Precision,TP,Concurrency,Date,Throughput/GPU (tok/s),"
    "Median TPOT (ms),Median Interactivity (tok/s/user)\n";

}  // namespace

TEST_CASE("csv: latency columns that really hold milliseconds are converted", "[data][csv]") {
  const std::string csv = std::string("# licence line\n") + kHeader +
                          "DeepSeek-R1-0528,1024,1024,h200,sglang,fp8,8,4,2026-06-02,98.8,9.7299,102.7757\n"
                          "DeepSeek-R1-0528,1024,1024,h200,sglang,fp8,8,8,2026-06-02,164.1,11.7089,85.4048\n";
  const Dataset ds = load_inline({{"ms.csv", csv}});
  REQUIRE(ds.rows().size() == 2);
  REQUIRE(has_warning_containing(ds, "hold milliseconds; converted to seconds"));
  REQUIRE(ds.rows()[0].get(Field::median_tpot) == Approx(0.0097299));
}

TEST_CASE("csv: a short row is unusable with the field counts", "[data][csv][bad]") {
  const std::string csv = std::string(kHeader) +
                          "DeepSeek-R1-0528,1024,1024,h200,sglang,fp8,8,4,2026-06-02,98.8,0.0097,102.7\n"
                          "DeepSeek-R1-0528,1024,1024,h200,sglang,fp8,8,8,2026-06-02\n";
  const Dataset ds = load_inline({{"short.csv", csv}});
  REQUIRE(ds.rows().size() == 1);
  const auto& src = ds.report().sources.at(0);
  REQUIRE(src.rows_read == 2);
  REQUIRE(src.rows_unusable == 1);
  REQUIRE(ds.report().problems.size() == 1);
  REQUIRE(ds.report().problems[0].where == "line 3");
  REQUIRE(ds.report().problems[0].reason == "9 fields where the header has 12");
}

TEST_CASE("csv: a header without a required column skips the file", "[data][csv][bad]") {
  const std::string csv =
      "Model,ISL,OSL,Hardware,Framework,Precision,TP,Concurrency,Throughput/GPU (tok/s),Median Interactivity (tok/s/user)\n"
      "DeepSeek-R1-0528,1024,1024,h200,sglang,fp8,8,4,98.8,102.7\n";
  const Dataset ds = load_inline({{"nodate.csv", csv}});
  REQUIRE(ds.empty());
  const auto& src = ds.report().sources.at(0);
  REQUIRE(src.skipped == "CSV header (line 1) lacks the column 'Date'; not a dashboard export");
  REQUIRE(src.rows_read == 0);
}

TEST_CASE("csv: bad cells make the row unusable with a reason", "[data][csv][bad]") {
  const std::string csv = std::string(kHeader) +
                          "DeepSeek-R1-0528,1024,1024,h200,sglang,fp8,eight,4,2026-06-02,98.8,0.0097,102.7\n"
                          "DeepSeek-R1-0528,1024,1024,h200,sglang,fp8,8,4,2026-02-30,98.8,0.0097,102.7\n"
                          "DeepSeek-R1-0528,1024,1024,h200,sglang,fp8,8,4,2026-06-02,,0.0097,102.7\n"
                          "\"DeepSeek-R1-0528,1024\n";
  const Dataset ds = load_inline({{"bad.csv", csv}});
  REQUIRE(ds.empty());
  REQUIRE(reason_count(ds, "'TP' is not an integer: 'eight'") == 1);
  REQUIRE(reason_count(ds, "unreadable date '2026-02-30'") == 1);
  REQUIRE(reason_count(ds, "missing tput_per_gpu") == 1);
  REQUIRE(reason_count(ds, "unterminated quoted field") == 1);
  REQUIRE(ds.report().sources.at(0).rows_unusable == 4);
}

TEST_CASE("csv: quoted fields with commas and doubled quotes, CRLF line ends", "[data][csv]") {
  const std::string csv =
      "Model,ISL,OSL,Hardware,Framework,Precision,TP,Concurrency,Date,Throughput/GPU (tok/s),"
      "Median TPOT (ms),Median Interactivity (tok/s/user),Notes\r\n"
      "DeepSeek-R1-0528,1024,1024,h200,sglang,fp8,8,4,2026-06-02,98.8,0.0097,102.7,\"a, \"\"b\"\"\"\r\n";
  const Dataset ds = load_inline({{"quoted.csv", csv}});
  REQUIRE(ds.rows().size() == 1);
  REQUIRE(ds.rows()[0].get(Field::tput_per_gpu) == 98.8);
  REQUIRE(ds.report().ignored_fields.count("column 'Notes'") == 1);
}

TEST_CASE("csv: only comments means no header", "[data][csv][bad]") {
  const Dataset ds = load_inline({{"comments.csv", "# a\n# b\n"}});
  REQUIRE(ds.report().sources.at(0).skipped == "CSV without a header line");
}
