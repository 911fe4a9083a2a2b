// data/token_rate (SEMANTICS.md §4): a disaggregated row's output (input) rate per GPU of the whole
// deployment, on real rows of the built-in data.
#include <catch2/catch.hpp>

#include <cmath>

#include "data/token_rate.hpp"
#include "data_helpers.hpp"

using namespace icq_test;
using icq::data::Field;
using icq::data::RateBasis;
using icq::data::TokenRate;

namespace {

const icq::data::Dataset& builtin() {
  static const icq::data::Dataset ds = load_files({"api", "api-partial", "api-found"});
  return ds;
}

const icq::data::Row& one_row(const char* gpu, const char* framework, int prefill, int decode, int conc, const char* date) {
  const auto rows = rows_where(builtin(), [&](const icq::data::Line& l, const icq::data::Row& r) {
    return l.hardware == gpu && l.framework == framework && l.model == "dsr1" && l.precision == "fp8" && l.isl == 1024 && l.osl == 1024 &&
           l.num_prefill_gpu == prefill && l.num_decode_gpu == decode && r.conc == conc && r.date == day(date);
  });
  REQUIRE(rows.size() == 1);
  return *rows.front();
}

}  // namespace

TEST_CASE("token rate: a disaggregated row pays for its prefill GPUs too", "[data][token_rate]") {
  // GB200 Dynamo TRT-LLM, 8 prefill + 32 decode GPUs, conc 1127 on 2026-02-05 (DeepSeek-R1 FP8 1k/1k).
  const auto& row = one_row("gb200", "dynamo-trt", 8, 32, 1127, "2026-02-05");
  const auto& line = builtin().line_of(row);
  const double out = row.get(Field::output_tput_per_gpu), in = row.get(Field::input_tput_per_gpu), total = row.get(Field::tput_per_gpu);
  const TokenRate o = icq::data::token_rate(line, row, Field::output_tput_per_gpu);
  const TokenRate i = icq::data::token_rate(line, row, Field::input_tput_per_gpu);
  CHECK(o.check == TokenRate::Check::scaled);
  CHECK(o.value == Approx(out * 32 / 40).epsilon(1e-12));
  CHECK(i.value == Approx(in * 8 / 40).epsilon(1e-12));
  CHECK(o.value + i.value == Approx(total).epsilon(0.01));  // the counts check against tput_per_gpu
  CHECK(o.deviation < icq::data::kRateTolerance);
  // per decode GPU it was a quarter higher: cost per output token rises by 40/32 once every GPU is paid for
  CHECK(out / o.value == Approx(1.25).epsilon(1e-12));
  // the dashboard's figure: as the API gives it
  CHECK(icq::data::token_rate(line, row, Field::output_tput_per_gpu, RateBasis::per_role).value == out);
  CHECK(icq::data::token_rate(line, row, Field::tput_per_gpu).value == total);
}

TEST_CASE("token rate: counts that do not check leave the rate unknown, single-node rows are as given", "[data][token_rate]") {
  // GB200 Dynamo SGLang, 72 + 72 GPUs, conc 8192 on 2025-12-01: scaled input + output is 13% above tput_per_gpu.
  const auto& bad = one_row("gb200", "dynamo-sglang", 72, 72, 8192, "2025-12-01");
  const TokenRate r = icq::data::token_rate(builtin().line_of(bad), bad, Field::output_tput_per_gpu);
  CHECK(r.check == TokenRate::Check::mismatch);
  CHECK(std::isnan(r.value));
  CHECK(r.deviation == Approx(0.1304).epsilon(1e-3));
  CHECK(icq::data::token_rate(builtin().line_of(bad), bad, Field::output_tput_per_gpu, RateBasis::per_role).value ==
        bad.get(Field::output_tput_per_gpu));
  // B200 TRT-LLM single-node TP8 (its prefill/decode counts 8/8 are no GPU counts), conc 32 on 2026-02-05.
  const auto& single = one_row("b200", "trt", 8, 8, 32, "2026-02-05");
  const TokenRate s = icq::data::token_rate(builtin().line_of(single), single, Field::output_tput_per_gpu);
  CHECK(s.check == TokenRate::Check::as_given);
  CHECK(s.value == single.get(Field::output_tput_per_gpu));
}

TEST_CASE("token rate: the GPU counts of the built-in data's disaggregated rows", "[data][token_rate]") {
  std::size_t disagg = 0, scaled = 0, mismatch = 0;
  for (const auto& r : builtin().rows()) {
    const auto& l = builtin().line_of(r);
    if (!l.disagg) continue;
    ++disagg;
    const auto c = icq::data::token_rate(l, r, Field::output_tput_per_gpu).check;
    scaled += c == TokenRate::Check::scaled;
    mismatch += c == TokenRate::Check::mismatch;
  }
  CHECK(disagg == 657);
  CHECK(scaled == 642);
  CHECK(mismatch == 15);
}
