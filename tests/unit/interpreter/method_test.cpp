// The dashboard's method as dated editions (SEMANTICS.md §3, §9, §10): cost splined or derived,
// `using dashboard DATE`, the interactivity percentile and AgentX's p90 axis, tokens per dollar,
// model groups, and the notes that say what was selected. Rows are hand-made test inputs.
#include "bind/method.hpp"
#include "interp_fixture.hpp"
#include "text/dates.hpp"

using namespace icq_test;

namespace {

// fp8: three knots at 10/20/40 tok/s/user on MI355X; fp4 one row spanning the band.
std::vector<ApiRow> knot_rows() {
  return {row(10, 400, 64), row(20, 250, 16), row(40, 100, 4), row(5, 900, 128).prec("fp4"), row(50, 90, 2).prec("fp4")};
}

double derived_cost(double price, double tput) { return price / (tput * 3600 / 1e6); }

}  // namespace

TEST_CASE("method: the dashboard's editions by date, at each boundary", "[interp][method]") {
  using icq::interp::CostMethod;
  using icq::interp::dashboard_on;
  const auto day = [](const char* d) { return *icq::text::parse_date(d); };
  CHECK(dashboard_on(day("2026-07-30")).prices->name == "2026-04");
  CHECK(dashboard_on(day("2026-07-31")).prices->name == "2026-07");
  CHECK(dashboard_on(day("2026-09-06")).prices->name == "2026-07");
  CHECK(dashboard_on(day("2026-09-07")).prices->name == "2026-09");
  CHECK(dashboard_on(day("2026-08-11")).cost == CostMethod::splined);
  CHECK(dashboard_on(day("2026-08-12")).cost == CostMethod::derived);
  CHECK(dashboard_on(day("2026-08-03")).unit_word == "tok/s/GPU");
  CHECK(dashboard_on(day("2026-08-04")).unit_word == "tok/s/chip");
}

TEST_CASE("method: splined cost agrees with derived at the knots and differs between them", "[interp][method]") {
  TempData data(knot_rows());
  auto s = data.session();
  const auto d = run_ok(s, "compare precision fp8 vs fp4 at interactivity 20, 30 show throughput, cost, tokens_per_dollar");
  const auto sp =
      run_ok(s, "compare precision fp8 vs fp4 at interactivity 20, 30 show throughput, cost, tokens_per_dollar using cost splined");
  const auto& cd = comparison(d);
  const auto& cs = comparison(sp);
  // At a knot both methods give price / knot throughput.
  CHECK(*value(cd, 0, "fp8", "cost") == Approx(derived_cost(1.50, 250)).epsilon(1e-12));
  CHECK(*value(cs, 0, "fp8", "cost") == Approx(derived_cost(1.50, 250)).epsilon(1e-12));
  // Between knots: derived from the interpolated throughput; splined is the spline of knot costs.
  const double tput30 = *value(cd, 1, "fp8", "throughput");
  CHECK(*value(cd, 1, "fp8", "cost") == Approx(derived_cost(1.50, tput30)).epsilon(1e-12));
  CHECK(std::abs(*value(cs, 1, "fp8", "cost") - derived_cost(1.50, tput30)) > 1e-4);
  // Tokens per dollar follows the method: 1e6 / the cost shown.
  CHECK(*value(cd, 1, "fp8", "tokens_per_dollar") == Approx(tput30 * 3600 / 1.50).epsilon(1e-12));
  CHECK(*value(cs, 1, "fp8", "tokens_per_dollar") == Approx(1e6 / *value(cs, 1, "fp8", "cost")).epsilon(1e-12));
  CHECK(contains(sp.query, "using cost splined"));
  CHECK(contains(d.query, "using cost derived"));
  CHECK(any_contains(sp.notes, "cost splined (as the dashboard before 2026-08-12)"));
}

TEST_CASE("method: using dashboard DATE selects prices, cost method and unit word, explicit clauses override", "[interp][method]") {
  TempData data(knot_rows());
  auto s = data.session();
  const auto r = run_ok(s, "compare precision fp8 vs fp4 at interactivity 30 using dashboard 2026-07-15");
  CHECK(contains(r.query, "using dashboard 2026-07-15 using prices 2026-04 hyperscaler using cost splined"));
  CHECK(any_contains(r.notes, "dashboard of 2026-07-15: prices 2026-04"));
  CHECK(any_contains(r.notes, "`using dashboard` sets the method, not the data"));
  CHECK(*value(comparison(r), 0, "fp8", "tokens_per_mw") ==
        Approx(*value(comparison(r), 0, "fp8", "throughput") * 1000 / 2.65).epsilon(1e-12));
  // An explicit clause wins, in either order.
  for (const char* q : {"compare precision fp8 vs fp4 at interactivity 30 using dashboard 2026-07-15 using cost derived",
                        "compare precision fp8 vs fp4 at interactivity 30 using cost derived using dashboard 2026-07-15"}) {
    const auto o = run_ok(s, q);
    CHECK(contains(o.query, "using prices 2026-04 hyperscaler using cost derived"));
  }
  const auto later = run_ok(s, "compare precision fp8 vs fp4 at interactivity 30 using dashboard 2026-09-10 using prices 2026-07");
  CHECK(contains(later.query, "using prices 2026-07 hyperscaler using cost derived"));
}

TEST_CASE("method: contradictory or impossible price clauses are errors at the second word", "[interp][method]") {
  TempData data(knot_rows());
  auto s = data.session();
  const std::string q = "compare precision fp8 vs fp4 at interactivity 30 ";
  const auto tiers = run_error(s, q + "using prices 2026-07 neocloud rental");
  CHECK(contains(tiers.message, "a second price tier 'rental'"));
  CHECK(tiers.span.column == 1 + q.size() + std::string("using prices 2026-07 neocloud ").size());
  const auto split = run_error(s, q + "using prices neocloud using prices 2026-07 rental");
  CHECK(contains(split.message, "a second price tier 'rental'"));
  const auto editions = run_error(s, q + "using prices 2026-04 2026-07");
  CHECK(contains(editions.message, "a second price edition '2026-07'"));
  const auto neocloud = run_error(s, q + "using prices neocloud");
  CHECK(contains(neocloud.message, "the 2026-09 price edition has no neocloud tier"));
  CHECK(contains(neocloud.help, "editions with a neocloud tier: 2026-04, 2026-07"));
  const auto via_date = run_error(s, q + "using dashboard 2026-09-07 using prices neocloud");
  CHECK(contains(via_date.message, "the 2026-09 price edition has no neocloud tier"));
  const auto method = run_error(s, q + "using cost splind");
  CHECK(contains(method.help, "did you mean 'splined'"));
}

TEST_CASE("method: AgentX rows use p90 interactivity, 1 / p90 ITL where present, fixed sequences the median", "[interp][method][agentx]") {
  // Agentic rows (isl = osl = 0): the median would put them at 100+; p90 from ITL at 8 and 16.
  TempData data({row(150, 300, 64).seq(0, 0).metric("p90_itl", 1.0 / 8).metric("p90_intvty", 99),
                 row(120, 100, 8).seq(0, 0).metric("p90_itl", 1.0 / 16).metric("p90_intvty", 99),
                 row(140, 500, 64).seq(0, 0).prec("fp4").metric("p90_intvty", 6),  // no ITL: its own p90_intvty
                 row(130, 200, 8).seq(0, 0).prec("fp4").metric("p90_intvty", 20)});
  auto s = data.session();
  const auto r = run_ok(s, "compare precision fp8 vs fp4 seq agentic");
  const auto& c = comparison(r);
  CHECK(range_of(side(c, "fp8")) == std::pair{8.0, 16.0});
  CHECK(range_of(side(c, "fp4")) == std::pair{6.0, 20.0});
  CHECK(*c.band == std::pair{8.0, 16.0});
  CHECK(contains(r.query, "seq agentic"));
  CHECK(contains(r.query, "using interactivity p90"));
  CHECK(any_contains(r.notes, "interactivity axis: p90 for agentic rows (1 / p90 ITL where present"));
  // The median axis, chosen: the rows' own median_intvty.
  const auto med = run_ok(s, "compare precision fp8 vs fp4 seq agentic at interactivity 125 using interactivity p50");
  CHECK(range_of(side(comparison(med), "fp8")) == std::pair{120.0, 150.0});
  CHECK(contains(med.query, "using interactivity p50"));
}

TEST_CASE("method: using interactivity p99 on fixed sequences reads p99_intvty", "[interp][method]") {
  TempData data({row(50, 300, 64).metric("p99_intvty", 20), row(60, 100, 8).metric("p99_intvty", 40),
                 row(50, 500, 64).prec("fp4").metric("p99_intvty", 25), row(60, 200, 8).prec("fp4").metric("p99_intvty", 35)});
  auto s = data.session();
  const auto r = run_ok(s, "compare precision fp8 vs fp4 using interactivity p99");
  CHECK(*comparison(r).band == std::pair{25.0, 35.0});
  CHECK(any_contains(r.notes, "interactivity axis: p99 (chosen with `using interactivity`)"));
  const auto d = run_error(s, "compare precision fp8 vs fp4 using interactivity p75");
  CHECK(contains(d.message, "unknown interactivity percentile 'p75'"));
}

TEST_CASE("method: a model group pools its keys and says so, a key stays one key", "[interp][method][groups]") {
  TempData data({row(10, 400, 64).model("kimik2.5"), row(40, 100, 4).model("kimik2.6"), row(20, 200, 8).model("kimik2.5").prec("fp4"),
                 row(30, 150, 8).model("kimik2.6").prec("fp4")});
  auto s = data.session();
  const auto g = run_ok(s, "compare precision fp8 vs fp4 model kimi");
  CHECK(side(comparison(g), "fp8").rows == 2);
  CHECK(contains(g.query, "model kimi-k26"));
  CHECK(any_contains(g.notes, "model kimi-k26 (Kimi K2.5/K2.6/K2.7-Code 1T) pools kimik2.7-code, kimik2.6, kimik2.5"));
  CHECK(any_contains(g.notes, "rows from kimik2.5, kimik2.6"));
  const auto k = run_ok(s, "compare precision fp8 vs fp4 model kimik2.5 at interactivity 15");
  CHECK(side(comparison(k), "fp8").rows == 1);
  const auto d = run_ok(s, "describe model kimi");
  REQUIRE_FALSE(d.tables.empty());
}

TEST_CASE("method: an MTP side pooling two engines carries the acceptance-rate caveat", "[interp][method]") {
  TempData data(
      {row(10, 400, 64).spec("mtp"), row(40, 100, 4).spec("mtp").framework("trt").gpu("mi355x"), row(12, 300, 64), row(38, 90, 4)});
  auto s = data.session();
  const auto r = run_ok(s, "compare spec mtp vs none");
  CHECK(any_contains(r.notes, "MTP acceptance-rate comparability: MTP pools MTP rows of 2 engines (sglang, trt)"));
  const auto one = run_ok(s, "compare spec mtp vs none framework sglang at interactivity 12");
  CHECK_FALSE(any_contains(one.notes, "acceptance-rate"));
}

TEST_CASE("method: a comparison the dashboard has a page for notes its URL", "[interp][method][page]") {
  TempData data(knot_rows());
  auto s = data.session();
  const auto r = run_ok(s, "compare precision fp8 vs fp4 on mi355x model dsr1");
  // The page orders its precisions fp4 before fp8, whatever the query's order.
  CHECK(any_contains(r.notes, "https://inferencex.semianalysis.com/compare-precision/deepseek-r1-mi355x-fp4-vs-fp8?i_seq=1k%2F1k"));
  REQUIRE(comparison(r).page());
  CHECK(comparison(r).page()->title == "MI355X: FP4 vs FP8 Precision Comparison");
  const std::string page = icq::render(r, icq::Format::page);
  CHECK(contains(page, "MI355X: FP4 vs FP8 Precision Comparison\n\n"));
  CHECK(contains(page, "on DeepSeek R1 (MI355X)"));
  CHECK(contains(page, "tok/s/chip"));
  // A framework filter narrows what the page pools: no page.
  const auto f = run_ok(s, "compare precision fp8 vs fp4 on mi355x model dsr1 framework sglang");
  CHECK_FALSE(comparison(f).page());
  CHECK(contains(icq::render(f, icq::Format::page), "no dashboard page shows this comparison"));
}
