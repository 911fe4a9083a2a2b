// SEMANTICS.md §4 and §7 at the level of a whole `compare`: cost per million tokens, tok/s/MW and
// joules per token from the interpolated throughput and the per-GPU catalog (both editions, all
// three tiers), token types, unpriced GPUs and frontier segments that join two GPUs.
#include <tuple>

#include "interp_fixture.hpp"

using namespace icq_test;
using icq::Status;

namespace {

struct Catalog {
  const char* gpu;
  double kw;
  double hyperscaler, neocloud, rental;
};

// SEMANTICS.md §7, typed in again here on purpose.
const std::vector<Catalog> edition_2026_04 = {
    {"h100", 1.73, 1.30, 1.69, 1.30},   {"h200", 1.73, 1.41, 1.74, 1.60},   {"b200", 2.17, 1.95, 2.34, 2.90},
    {"b300", 2.17, 2.34, 2.808, 3.48},  {"gb200", 2.10, 2.21, 2.75, 3.30},  {"gb300", 2.10, 2.652, 3.30, 3.96},
    {"mi300x", 1.79, 1.12, 1.40, 1.55}, {"mi325x", 2.18, 1.28, 1.59, 1.80}, {"mi355x", 2.65, 1.48, 1.90, 2.10},
};
const std::vector<Catalog> edition_2026_07 = {
    {"h100", 1.37, 1.17, 1.55, 1.78},   {"h200", 1.37, 1.22, 1.59, 2.05},   {"b200", 1.71, 1.73, 2.07, 2.60},
    {"b300", 1.90, 2.26, 2.52, 3.00},   {"gb200", 1.87, 1.86, 2.26, 2.60},  {"gb300", 2.12, 2.31, 2.79, 3.30},
    {"mi300x", 1.39, 0.95, 1.16, 1.30}, {"mi325x", 1.69, 1.10, 1.32, 1.60}, {"mi355x", 2.09, 1.50, 2.09, 2.10},
};

// Every catalogued GPU measured once at 50 tok/s/user and 100 tok/s/GPU: cost = price / 0.36,
// tok/s/MW = 1e5 / kW, J/token = 10 kW.
std::vector<ApiRow> one_row_per_gpu() {
  std::vector<ApiRow> rows;
  int conc = 1;
  for (const auto& g : edition_2026_07) rows.push_back(row(50, 100, conc++).gpu(g.gpu));
  return rows;
}

std::string all_gpus_query(const std::string& prices) {
  std::string q = "compare gpu";
  for (std::size_t i = 0; i < edition_2026_07.size(); ++i) q += (i ? " vs " : " ") + std::string(edition_2026_07[i].gpu);
  q += " at interactivity 50 show cost, power, joules";
  if (!prices.empty()) q += " using prices " + prices;
  return q;
}

}  // namespace

TEST_CASE("economics: cost, tok/s/MW and J/token use the catalog of each edition and tier", "[interp][economics]") {
  TempData data(one_row_per_gpu());
  auto s = data.session();
  struct Case {
    std::string prices;
    const std::vector<Catalog>* edition;
    double Catalog::*tier;
    std::string text;
  };
  const std::vector<Case> cases = {
      // 2026-09 (the default) keeps 2026-07's hyperscaler prices and kW.
      {"", &edition_2026_07, &Catalog::hyperscaler, "2026-09 hyperscaler"},
      {"2026-07 hyperscaler", &edition_2026_07, &Catalog::hyperscaler, "2026-07 hyperscaler"},
      {"2026-07 neocloud", &edition_2026_07, &Catalog::neocloud, "2026-07 neocloud"},
      {"2026-07 rental", &edition_2026_07, &Catalog::rental, "2026-07 rental"},
      {"2026-04", &edition_2026_04, &Catalog::hyperscaler, "2026-04 hyperscaler"},
      {"2026-04 neocloud", &edition_2026_04, &Catalog::neocloud, "2026-04 neocloud"},
      {"2026-04 rental", &edition_2026_04, &Catalog::rental, "2026-04 rental"},
  };
  for (const auto& k : cases) {
    INFO("using prices '" << k.prices << "'");
    const auto r = run_ok(s, all_gpus_query(k.prices));
    const auto& c = comparison(r);
    CHECK(c.prices == k.text);
    CHECK(contains(r.query, "using prices " + k.text + " using cost derived"));
    for (const auto& g : *k.edition) {
      INFO(g.gpu);
      REQUIRE(status(c, 0, g.gpu) == Status::ok);
      const double price = g.*(k.tier);
      CHECK(*value(c, 0, g.gpu, "cost") == Approx(price / (100 * 3600 / 1e6)).epsilon(1e-12));
      CHECK(*value(c, 0, g.gpu, "tokens_per_mw") == Approx(100 * 1000 / g.kw).epsilon(1e-12));
      CHECK(*value(c, 0, g.gpu, "joules_per_token") == Approx(g.kw * 1000 / 100).epsilon(1e-12));
    }
  }
}

TEST_CASE("economics: MI355X 2026-04 hyperscaler costs $1.48 per GPU-hour, to the digit", "[interp][economics]") {
  TempData data(one_row_per_gpu());
  auto s = data.session();
  const auto r = run_ok(s, "compare gpu mi355x vs b300 at interactivity 50 show cost using prices 2026-04");
  const auto& c = comparison(r);
  // cost * tput * 3600 / 1e6 gives the hourly price back.
  CHECK(*value(c, 0, "mi355x", "cost") * 100 * 3600 / 1e6 == Approx(1.48).epsilon(1e-14));
  CHECK(*value(c, 0, "b300", "cost") * 100 * 3600 / 1e6 == Approx(2.34).epsilon(1e-14));
  CHECK(any_contains(
      r.notes, "prices: 2026-04 edition, hyperscaler tier, total tokens: B300 $2.34/GPU-hour, 2.17 kW; MI355X $1.48/GPU-hour, 2.65 kW"));
  const auto t = icq::render(r, icq::Format::table);
  // 1.48 / 0.36 = 4.1111…; 2.34 / 0.36 = 6.5
  CHECK(contains(t, "$4.111"));
  CHECK(contains(t, "$6.500"));
  // 2026-04 neocloud B300 is 2.808: 2.808 / 0.36 = 7.8
  const auto n = run_ok(s, "compare gpu mi355x vs b300 at interactivity 50 show cost using prices 2026-04 neocloud");
  CHECK(*value(comparison(n), 0, "b300", "cost") == Approx(7.8).epsilon(1e-14));
}

TEST_CASE("economics: cost and power come from the interpolated throughput, never splined themselves", "[interp][economics]") {
  // Knots (10,100) and (30,60): throughput at 20 is 76.25, so cost = 1.50 / (76.25 * 0.0036).
  // (Splining the knot costs 4.1667 and 6.9444 would give 0.40625 * 4.1667 + 0.59375 * 6.9444 = 5.816.)
  TempData data({row(10, 100, 64), row(30, 60, 16), row(10, 90, 8).prec("fp4"), row(30, 50, 4).prec("fp4")});
  auto s = data.session();
  const auto r = run_ok(s, "compare precision fp8 vs fp4 at interactivity 20 show throughput, cost, power, joules");
  const auto& c = comparison(r);
  CHECK(*value(c, 0, "fp8", "throughput") == Approx(76.25).epsilon(1e-12));
  CHECK(*value(c, 0, "fp8", "cost") == Approx(1.50 / (76.25 * 3600 / 1e6)).epsilon(1e-12));
  CHECK(*value(c, 0, "fp8", "tokens_per_mw") == Approx(76.25 * 1000 / 2.09).epsilon(1e-12));
  CHECK(*value(c, 0, "fp8", "joules_per_token") == Approx(2.09 * 1000 / 76.25).epsilon(1e-12));
}

TEST_CASE("economics: tokens output and tokens input price the output and input throughput", "[interp][economics]") {
  TempData data({row(50, 100, 8).metric("output_tput_per_gpu", 40).metric("input_tput_per_gpu", 60),
                 row(50, 200, 8).prec("fp4").metric("output_tput_per_gpu", 80).metric("input_tput_per_gpu", 120)});
  auto s = data.session();
  SECTION("total (the default)") {
    const auto r = run_ok(s, "compare precision fp8 vs fp4 at interactivity 50 show cost, power");
    CHECK(*value(comparison(r), 0, "fp8", "cost") == Approx(1.50 / (100 * 3600 / 1e6)).epsilon(1e-12));
    CHECK(comparison(r).tokens == "total");
  }
  SECTION("output") {
    const auto r = run_ok(s, "compare precision fp8 vs fp4 at interactivity 50 show throughput output, cost, power tokens output");
    const auto& c = comparison(r);
    CHECK(c.tokens == "output");
    CHECK(contains(r.query, "tokens output"));
    CHECK(value(c, 0, "fp8", "output_throughput") == 40.0);
    CHECK(*value(c, 0, "fp8", "cost") == Approx(1.50 / (40 * 3600 / 1e6)).epsilon(1e-12));
    CHECK(*value(c, 0, "fp8", "tokens_per_mw") == Approx(40 * 1000 / 2.09).epsilon(1e-12));
    CHECK(*value(c, 0, "fp4", "cost") == Approx(1.50 / (80 * 3600 / 1e6)).epsilon(1e-12));
  }
  SECTION("input") {
    const auto r = run_ok(s, "compare precision fp8 vs fp4 at interactivity 50 show throughput input, cost, joules tokens input");
    const auto& c = comparison(r);
    CHECK(value(c, 0, "fp8", "input_throughput") == 60.0);
    CHECK(*value(c, 0, "fp8", "cost") == Approx(1.50 / (60 * 3600 / 1e6)).epsilon(1e-12));
    CHECK(*value(c, 0, "fp8", "joules_per_token") == Approx(2.09 * 1000 / 60).epsilon(1e-12));
  }
}

TEST_CASE("economics: disaggregated output tokens pay for every GPU (GB200 vs B200, DeepSeek-R1 FP8 1k/1k at 51)", "[interp][economics]") {
  // Built-in data: GB200's frontier knots around 51 tok/s/user are disaggregated (16 + 32 GPUs at 47.4,
  // 8 + 32 at 51.4); B200's are a single-node TRT-LLM TP8 at 46.8 and an 8 + 56 disaggregated one at 66.3.
  icq::Session s;
  const std::string q = "compare gpu gb200 vs b200 model dsr1 precision fp8 seq 1k/1k at 51 show throughput, cost tokens output";
  const auto all = run_ok(s, q);
  const auto dash = run_ok(s, q + " using dashboard 2026-09-10");
  const auto& a = comparison(all);
  const auto& d = comparison(dash);
  // An unqualified throughput reads the token type: the rate the cost divides by.
  CHECK(has_metric(a, "output_throughput"));
  for (const auto& [c, gpu, price] : {std::tuple{&a, "gb200", 1.86}, {&a, "b200", 1.73}, {&d, "gb200", 1.86}, {&d, "b200", 1.73}})
    CHECK(*value(*c, 0, gpu, "cost") == Approx(price / (*value(*c, 0, gpu, "output_throughput") * 3600 / 1e6)).epsilon(1e-9));
  // Paying for the prefill GPUs raises GB200's cost per output token by about a quarter (40/32 at the knot).
  const double rise = *value(a, 0, "gb200", "cost") / *value(d, 0, "gb200", "cost");
  CHECK(rise > 1.25);
  CHECK(rise < 1.30);
  // and the winner goes: GB200 21% cheaper per decode GPU, essentially tied per GPU of the deployment.
  CHECK(contains(dash.summary.at(0), "GB200 is 21% cheaper per token"));
  CHECK(contains(all.summary.at(0), "GB200 and B200 are essentially tied on cost per token"));
  CHECK(any_contains(all.notes, "disaggregated rows: output tokens per GPU of the whole deployment"));
  CHECK(any_contains(all.notes, "Output throughput (tok/s/GPU) is that rate, so cost = price / it"));
  CHECK(any_contains(dash.notes, "disaggregated rows: output tokens per decode GPU, the API's own figure"));
  // Total tokens: no per-role rate read, no such note.
  const auto t = run_ok(s, "compare gpu gb200 vs b200 model dsr1 precision fp8 seq 1k/1k at 51 show throughput, cost");
  CHECK(has_metric(comparison(t), "throughput"));
  CHECK_FALSE(any_contains(t.notes, "disaggregated rows"));
}

TEST_CASE("economics: a disaggregated row whose GPU counts do not check has no output rate", "[interp][economics]") {
  icq::Session s;
  const auto r = run_ok(s,
                        "points gpu gb200 model dsr1 precision fp8 seq 1k/1k where conc = 8192 and prefill_gpus = 72 "
                        "show date, throughput, throughput output, output_tput_per_gpu, cost output, cost");
  REQUIRE(r.tables.at(0).rows.size() == 1);
  const auto& row = r.tables[0].rows[0];
  CHECK(std::holds_alternative<double>(row[1]));          // total throughput: as given
  CHECK(std::holds_alternative<std::monostate>(row[2]));  // the output rate: unknown
  CHECK(std::holds_alternative<double>(row[3]));          // the API's own field stays readable
  CHECK(std::holds_alternative<std::monostate>(row[4]));  // no output cost from an unknown rate
  CHECK(std::holds_alternative<double>(row[5]));
  CHECK(any_contains(r.notes, "cannot be counted per GPU of the deployment"));
  CHECK(any_contains(r.notes, "72 prefill + 72 decode GPUs, conc 8192 on 2025-12-01"));
}

TEST_CASE("economics: an unpriced GPU makes show cost an error, by default only its side's cost is empty", "[interp][economics]") {
  // RTX PRO 6000 is priced from the 2026-07 edition on; the 2026-04 edition has no price for it.
  TempData data({row(50, 100, 8).gpu("rtx6000pro"), row(50, 200, 8)});
  auto s = data.session();
  SECTION("show cost") {
    const auto d = run_error(s, "compare gpu rtx6000pro vs mi355x at interactivity 50 show cost using prices 2026-04");
    CHECK(contains(d.message, "side 'RTX PRO 6000': RTX PRO 6000 has no price in the 2026-04 edition (hyperscaler tier)"));
    CHECK(contains(d.help, "editions that have it: 2026-07, 2026-09"));
    CHECK(d.span.column == 13);  // points at the side
  }
  SECTION("show power") {
    const auto d = run_error(s, "compare gpu rtx6000pro vs mi355x at interactivity 50 show throughput, power using prices 2026-04");
    CHECK(contains(d.message, "RTX PRO 6000 has no power"));
  }
  SECTION("default metrics: the priced side keeps its cost and tok/s/MW") {
    const auto r = run_ok(s, "compare gpu rtx6000pro vs mi355x at interactivity 50 using prices 2026-04");
    const auto& c = comparison(r);
    CHECK(has_metric(c, "cost"));
    CHECK(has_metric(c, "tokens_per_mw"));
    CHECK(value(c, 0, "rtx6000pro", "throughput") == 100.0);
    CHECK_FALSE(value(c, 0, "rtx6000pro", "cost").has_value());
    CHECK_FALSE(value(c, 0, "rtx6000pro", "tokens_per_mw").has_value());
    CHECK(*value(c, 0, "mi355x", "cost") == Approx(1.48 / (200 * 3600 / 1e6)).epsilon(1e-12));
    CHECK(*value(c, 0, "mi355x", "tokens_per_mw") == Approx(200 * 1000 / 2.65).epsilon(1e-12));
    CHECK(any_contains(r.notes,
                       "RTX PRO 6000: cost and power figures are left empty: RTX PRO 6000 has no price or power in the 2026-04 edition"));
  }
  SECTION("the default edition prices it") {
    const auto r = run_ok(s, "compare gpu rtx6000pro vs mi355x at interactivity 50 show cost");
    CHECK(*value(comparison(r), 0, "rtx6000pro", "cost") == Approx(0.68 / (100 * 3600 / 1e6)).epsilon(1e-12));
  }
  SECTION("throughput only is fine") {
    const auto r = run_ok(s, "compare gpu rtx6000pro vs mi355x at interactivity 50 show throughput using prices 2026-04");
    CHECK(value(comparison(r), 0, "mi355x", "throughput") == 200.0);
  }
}

TEST_CASE("economics: a frontier segment joining two GPUs has no single price, so cost is null with a note", "[interp][economics]") {
  // fp8 pools MI355X (10,100) and B200 (30,60): at 20 the segment joins the two.
  TempData data({row(10, 100, 64), row(30, 60, 16).gpu("b200"), row(5, 300, 64).prec("fp4"), row(40, 50, 4).prec("fp4")});
  auto s = data.session();
  const auto r = run_ok(s, "compare precision fp8 vs fp4 at interactivity 10, 20, 30");
  const auto& c = comparison(r);
  CHECK(status(c, 1, "fp8") == Status::ok);
  CHECK(*value(c, 1, "fp8", "throughput") == Approx(76.25).epsilon(1e-12));
  CHECK_FALSE(value(c, 1, "fp8", "cost").has_value());
  CHECK_FALSE(value(c, 1, "fp8", "tokens_per_mw").has_value());
  CHECK(value(c, 1, "fp4", "cost").has_value());
  // At the knots themselves the knot's GPU prices it.
  CHECK(*value(c, 0, "fp8", "cost") == Approx(1.50 / (100 * 3600 / 1e6)).epsilon(1e-12));
  CHECK(*value(c, 2, "fp8", "cost") == Approx(1.73 / (60 * 3600 / 1e6)).epsilon(1e-12));
  CHECK(*value(c, 2, "fp8", "tokens_per_mw") == Approx(60 * 1000 / 1.71).epsilon(1e-12));
  CHECK(any_contains(r.notes, "no single GPU price: the frontier segment joins two GPUs for FP8 at 20"));
  // No cost verdict where a cost is missing; the throughput verdict remains.
  REQUIRE(r.summary.size() == 3);
  CHECK_FALSE(contains(r.summary[1], "cheaper"));
  CHECK(contains(r.summary[1], "more tok/s/GPU"));
  CHECK(contains(r.summary[0], "cheaper per token"));
}
