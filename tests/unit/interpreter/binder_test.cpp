// Binding a `compare`: unknown names with spans and suggestions, contradictions (a shared filter
// on the compared dimension, a side twice), and the defaults DECISIONS.md fixes (seq 1k/1k, the
// only model), printed in the resolved query.
#include "interp_fixture.hpp"

using namespace icq_test;

namespace {

std::vector<ApiRow> binder_rows() {
  return {row(10, 100, 64), row(30, 60, 16), row(12, 200, 64).prec("fp4"), row(40, 50, 4).prec("fp4"),
          // 8k/1k rows: a second sequence shape, and the only rows of a second model.
          row(20, 80, 8).seq(8192, 1024), row(25, 70, 8).prec("fp4").seq(8192, 1024), row(20, 500, 8).model("gptoss120b").seq(8192, 1024)};
}

}  // namespace

TEST_CASE("binder: an unknown precision is an error at its span with the nearest names first", "[interp][binder]") {
  TempData data(binder_rows());
  auto s = data.session();
  const auto d = run_error(s, "compare precision fp4 vs fp9 model dsr1");
  CHECK(d.message == "unknown precision 'fp9'");
  CHECK(d.kind == icq::ErrorKind::query);
  CHECK(d.span.source == "query");
  CHECK(d.span.line == 1);
  CHECK(d.span.column == 26);
  CHECK(d.span.length == 3);
  CHECK(d.span.line_text == "compare precision fp4 vs fp9 model dsr1");
  REQUIRE_FALSE(d.suggestions.empty());
  CHECK(d.suggestions.front() == "fp8");
  CHECK(d.help == "did you mean 'fp8' or 'fp4'?");
  CHECK(icq::format_diagnostic(d) ==
        "query:1:26: error: unknown precision 'fp9'\n"
        "  compare precision fp4 vs fp9 model dsr1\n"
        "                           ^~~\n"
        "help: did you mean 'fp8' or 'fp4'?\n");
}

TEST_CASE("binder: an unknown GPU suggests the GPU it nearly names", "[interp][binder]") {
  TempData data(binder_rows());
  auto s = data.session();
  const auto d = run_error(s, "compare precision fp4 vs fp8 on mi355 model dsr1");
  CHECK(d.message == "unknown GPU 'mi355'");
  CHECK(d.span.column == 33);
  CHECK(d.span.length == 5);
  REQUIRE_FALSE(d.suggestions.empty());
  CHECK(d.suggestions.front() == "mi355x");
}

TEST_CASE("binder: an unknown metric is an error with suggestions", "[interp][binder]") {
  TempData data(binder_rows());
  auto s = data.session();
  const auto d = run_error(s, "compare precision fp4 vs fp8 model dsr1 show thruput");
  CHECK(d.message == "unknown metric 'thruput'");
  CHECK(d.span.column == 46);
  CHECK(d.span.length == 7);
  REQUIRE_FALSE(d.suggestions.empty());
  CHECK(d.suggestions.front() == "throughput");
  const auto q = run_error(s, "compare precision fp4 vs fp8 model dsr1 show ttft p42");
  CHECK(contains(q.message, "'ttft' takes mean, median, p90, p99 or p99.9, not 'p42'"));
}

TEST_CASE("binder: an unknown where field is an error with suggestions", "[interp][binder]") {
  TempData data(binder_rows());
  auto s = data.session();
  const auto d = run_error(s, "compare precision fp4 vs fp8 model dsr1 where tpp <= 8");
  CHECK(d.message == "unknown field 'tpp' in where");
  CHECK(d.span.column == 47);
  CHECK(d.span.length == 3);
  REQUIRE_FALSE(d.suggestions.empty());
  CHECK(d.suggestions.front() == "tp");
  const auto t = run_error(s, "compare precision fp4 vs fp8 model dsr1 where framework < sglang");
  CHECK(contains(t.message, "'framework' is text"));
}

TEST_CASE("binder: a shared filter on the compared dimension is an error", "[interp][binder]") {
  TempData data(binder_rows());
  auto s = data.session();
  const auto d = run_error(s, "compare precision fp4 vs fp8 precision fp8 model dsr1");
  CHECK(contains(d.message, "'precision' is the compared dimension"));
  CHECK(d.span.column == 30);
  CHECK(contains(d.help, "remove 'precision fp8'"));
  const auto g = run_error(s, "compare gpu mi355x vs b200 on mi355x model dsr1");
  CHECK(contains(g.message, "'gpu' is the compared dimension"));
  const auto dt = run_error(s, "compare date 2026-05-01 vs 2026-04-01 on date 2026-05-01 model dsr1");
  CHECK(contains(dt.message, "the sides are dates"));
}

TEST_CASE("binder: a side given twice is an error, aliases included", "[interp][binder]") {
  TempData data(binder_rows());
  auto s = data.session();
  const auto d = run_error(s, "compare precision fp4 vs nvfp4 model dsr1");
  CHECK(d.message == "side 'FP4' appears twice");
  CHECK(d.span.column == 26);
  CHECK(run_error(s, "compare precision fp8 vs FP8 model dsr1").message == "side 'FP8' appears twice");
}

TEST_CASE("binder: names resolve through aliases and case", "[interp][binder]") {
  TempData data(binder_rows());
  auto s = data.session();
  const auto r = run_ok(s, "compare precision NVFP4 vs Fp8 on MI355X model DeepSeek-R1-0528 spec off");
  const auto& c = comparison(r);
  CHECK(c.sides[0].label == "fp4");
  CHECK(c.sides[0].display == "FP4");
  CHECK(c.sides[1].label == "fp8");
  CHECK(contains(r.query, "gpu mi355x model dsr1 spec none"));
}

TEST_CASE("binder: seq 1k/1k and the only model are defaults, printed in the resolved query", "[interp][binder]") {
  TempData data(binder_rows());
  auto s = data.session();
  // gptoss120b has 8k/1k rows only, so under the default 1k/1k the selection holds one model.
  const auto r = run_ok(s, "compare precision fp8 vs fp4");
  CHECK(r.query ==
        "compare precision fp8 vs fp4 seq 1k/1k model dsr1 at interactivity 17, 21, 26 show throughput, cost, power, concurrency "
        "using prices 2026-09 hyperscaler using cost derived using interactivity p50 tokens total");
  CHECK(any_contains(r.notes, "defaults: seq 1k/1k (the default sequence shape); model dsr1 (the only model in the selection)"));
  // The 8k/1k rows stay out.
  CHECK(side(comparison(r), "fp8").rows == 2);
  CHECK(side(comparison(r), "fp4").rows == 2);
}

TEST_CASE("binder: an explicit seq replaces the default", "[interp][binder]") {
  TempData data(binder_rows());
  auto s = data.session();
  const auto r = run_ok(s, "compare precision fp8 vs fp4 seq 8k/1k model dsr1 at interactivity 20, 25 show throughput");
  CHECK(side(comparison(r), "fp8").rows == 1);
  CHECK(contains(r.query, "seq 8k/1k model dsr1"));
  CHECK_FALSE(contains(r.query, "1k/1k"));
  CHECK_FALSE(any_contains(r.notes, "defaults:"));
  const auto q = run_ok(s, "compare seq 1k/1k vs 8k/1k precision fp8 model dsr1 at interactivity 20 show throughput");
  CHECK(comparison(q).dimension == "seq");
  CHECK(side(comparison(q), "8k/1k").rows == 1);
}

TEST_CASE("binder: more than one model without a model filter is an error listing the models", "[interp][binder]") {
  TempData data(binder_rows());
  auto s = data.session();
  const auto d = run_error(s, "compare precision fp8 vs fp4 seq 8k/1k");
  CHECK(d.message == "which model? the selection holds 2 models");
  CHECK(d.suggestions == std::vector<std::string>{"dsr1", "gptoss120b"});
  CHECK(contains(d.help, "models: dsr1, gptoss120b"));
  // The whole statement is underlined from its start.
  CHECK(d.span.column == 1);
  const auto ok = run_ok(s, "compare precision fp8 vs fp4 seq 8k/1k model dsr1 at interactivity 20");
  CHECK(contains(ok.query, "model dsr1"));
}

TEST_CASE("binder: values the catalog does not know are accepted when the data has them", "[interp][binder]") {
  TempData data({row(10, 100, 64).gpu("mi450x"), row(30, 60, 16).gpu("mi450x"), row(10, 90, 8), row(30, 50, 4)});
  auto s = data.session();
  const auto r = run_ok(s, "compare gpu mi450x vs mi355x at interactivity 20 show throughput");
  CHECK(comparison(r).sides[0].label == "mi450x");
  const auto d = run_error(s, "compare gpu mi450 vs mi355x at interactivity 20 show throughput");
  REQUIRE_FALSE(d.suggestions.empty());
  CHECK(d.suggestions.front() == "mi450x");
}

TEST_CASE("binder: target lists, ranges and their errors", "[interp][binder]") {
  TempData data(binder_rows());
  auto s = data.session();
  const auto r = run_ok(s, "compare precision fp8 vs fp4 model dsr1 at interactivity 12..20 step 4 show throughput");
  CHECK(targets_of(comparison(r)) == std::vector<double>{12, 16, 20});
  CHECK(contains(run_error(s, "compare precision fp8 vs fp4 model dsr1 at band 150%").message, "outside 0–100"));
  CHECK(contains(run_error(s, "compare precision fp8 vs fp4 model dsr1 at interactivity 0").message, "must be positive"));
  CHECK(contains(run_error(s, "compare precision fp8 vs fp4 model dsr1 using prices 2025-01").message,
                 "unknown price edition or tier '2025-01'"));
}
