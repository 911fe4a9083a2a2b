// Renderers of a `compare` result: the JSON shape of LANGUAGE.md exactly (key order, side order,
// null for absent values, full precision), jsonl, csv, markdown and the table, whose numbers are
// rounded half up on their exact decimal value.
#include <cstdlib>

#include "bind/bound.hpp"
#include "catalog/metrics.hpp"
#include "interp_fixture.hpp"
#include "render/numbers.hpp"

using namespace icq_test;

namespace {

// fp8: knots (10,100) c64 and (30,60) c16 -> at 20: 76.25, conc 35.5 -> 36. fp4: one knot (20, 1002.25) c33.
std::vector<ApiRow> render_rows() { return {row(10, 100, 64), row(30, 60, 16), row(20, 1002.25, 33).prec("fp4")}; }

const char* kQuery = "compare precision fp8 vs fp4 at interactivity 5, 20";

std::vector<std::string> lines_of(const std::string& s) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (start < s.size()) {
    const auto nl = s.find('\n', start);
    out.push_back(s.substr(start, nl == std::string::npos ? std::string::npos : nl - start));
    if (nl == std::string::npos) break;
    start = nl + 1;
  }
  return out;
}

using Keys = std::vector<std::string>;

}  // namespace

TEST_CASE("render: JSON has exactly the keys of LANGUAGE.md, in order", "[interp][render]") {
  TempData data(render_rows());
  auto s = data.session();
  const auto r = run_ok(s, kQuery);
  const Json j = parse_json(icq::render(r, icq::Format::json));
  CHECK(j.keys() == Keys{"kind", "query", "dimension", "band", "sides", "targets", "summary", "notes"});
  CHECK(j["kind"].text == "compare");
  CHECK(j["query"].text == r.query);
  CHECK(j["dimension"].text == "precision");
  CHECK(j["band"].is_null());  // the sides only touch at 20: no band (SEMANTICS.md §5)
  REQUIRE(j["sides"].items.size() == 2);
  for (const auto& sd : j["sides"].items) CHECK(sd.keys() == Keys{"label", "rows", "frontier_points", "range"});
  CHECK(j["sides"][0]["label"].text == "fp8");
  CHECK(j["sides"][0]["rows"].text == "2");
  CHECK(j["sides"][0]["frontier_points"].text == "2");
  CHECK(j["sides"][0]["range"][0].n == 10.0);
  CHECK(j["sides"][0]["range"][1].n == 30.0);
  CHECK(j["sides"][1]["label"].text == "fp4");
  CHECK(j["sides"][1]["rows"].text == "1");
  REQUIRE(j["targets"].items.size() == 2);
  for (const auto& t : j["targets"].items) {
    CHECK(t.keys() == Keys{"interactivity", "values"});
    REQUIRE(t["values"].items.size() == 2);
    // A value's evidence (SEMANTICS.md §12) follows its metrics; an out-of-range one has none.
    for (const auto& v : t["values"].items)
      CHECK(v.keys() == (v["status"].text == "ok" ? Keys{"side", "status", "throughput", "cost", "tokens_per_mw", "concurrency", "evidence"}
                                                  : Keys{"side", "status", "throughput", "cost", "tokens_per_mw", "concurrency"}));
  }
  CHECK(j["targets"][0]["interactivity"].text == "5");
  CHECK(j["targets"][1]["interactivity"].text == "20");
  // fp8 at 20 is read between knots at 10 and 30 (3x apart: a wide gap); fp4 sits on its one knot.
  const Json& gap = j["targets"][1]["values"][0]["evidence"];
  CHECK(gap.keys() == Keys{"kind", "same_config", "knots"});
  CHECK(gap["kind"].text == "wide_gap");
  CHECK(gap["same_config"].type == Json::Type::boolean);
  CHECK(gap["same_config"].b);
  REQUIRE(gap["knots"].items.size() == 2);
  CHECK(gap["knots"][0].keys() == Keys{"interactivity", "throughput", "concurrency", "config"});
  CHECK(gap["knots"][0]["interactivity"].n == 10.0);
  CHECK(gap["knots"][1]["throughput"].n == 60.0);
  CHECK(gap["knots"][1]["concurrency"].text == "16");
  CHECK(j["targets"][1]["values"][1]["evidence"]["kind"].text == "measured");
  REQUIRE(j["summary"].items.size() == r.summary.size());
  for (std::size_t i = 0; i < r.summary.size(); ++i) CHECK(j["summary"][i].text == r.summary[i]);
  REQUIRE(j["notes"].items.size() == r.notes.size() + 1);
  for (std::size_t i = 0; i < r.notes.size(); ++i) CHECK(j["notes"][i].text == r.notes[i]);
  CHECK(j["notes"].items.back().text == std::string(icq::attribution()));
}

TEST_CASE("render: JSON values follow the query's side order, null when absent, at full precision", "[interp][render]") {
  TempData data(render_rows());
  auto s = data.session();
  const auto r = run_ok(s, kQuery);
  const auto& c = comparison(r);
  const Json j = parse_json(icq::render(r, icq::Format::json));
  // Out of range: status and nulls.
  for (std::size_t k = 0; k < 2; ++k) {
    const Json& v = j["targets"][0]["values"][k];
    CHECK(v["status"].text == "out_of_range");
    for (const char* key : {"throughput", "cost", "tokens_per_mw", "concurrency"}) CHECK(v[key].is_null());
  }
  const Json& fp8 = j["targets"][1]["values"][0];
  CHECK(fp8["side"].text == "fp8");
  CHECK(fp8["status"].text == "ok");
  CHECK(fp8["throughput"].text == "76.25");
  CHECK(fp8["concurrency"].text == "36");
  // Every number reads back as exactly the double the comparison holds (no display rounding).
  for (const char* key : {"throughput", "cost", "tokens_per_mw"}) {
    INFO(key);
    const auto want = value(c, 1, "fp8", key);
    REQUIRE(want);
    CHECK(std::strtod(fp8[key].text.c_str(), nullptr) == *want);
  }
  CHECK(fp8["cost"].text.size() > 8);  // e.g. 5.46448087431694, not 5.464
  CHECK(j["targets"][1]["values"][1]["side"].text == "fp4");
  CHECK(j["targets"][1]["values"][1]["throughput"].text == "1002.25");

  const auto swapped = parse_json(icq::render(run_ok(s, "compare precision fp4 vs fp8 at interactivity 20"), icq::Format::json));
  CHECK(swapped["targets"][0]["values"][0]["side"].text == "fp4");
  CHECK(swapped["targets"][0]["values"][1]["side"].text == "fp8");
  CHECK(swapped["sides"][0]["label"].text == "fp4");
}

TEST_CASE("render: jsonl is the same document on one line", "[interp][render]") {
  TempData data(render_rows());
  auto s = data.session();
  const auto r = run_ok(s, kQuery);
  const std::string line = icq::render(r, icq::Format::jsonl);
  REQUIRE_FALSE(line.empty());
  CHECK(line.back() == '\n');
  CHECK(line.find('\n') == line.size() - 1);
  const Json a = parse_json(line);
  const Json b = parse_json(icq::render(r, icq::Format::json));
  CHECK(a.keys() == b.keys());
  CHECK(a["targets"][1]["values"][0]["cost"].text == b["targets"][1]["values"][0]["cost"].text);
  CHECK(a["notes"].items.size() == b["notes"].items.size());
}

TEST_CASE("render: the JSON of a run is one array whatever the number of statements", "[interp][render]") {
  icq::Session s;
  const icq::Outcome one = s.run("list vendors");
  REQUIRE(one.results.size() == 1);
  const std::string object = icq::render(one.results.front(), icq::Format::json);
  const std::string run = icq::render_json_run({object});
  CHECK(run.rfind("[\n  {\n    \"kind\": \"list\",", 0) == 0);
  CHECK(run.size() > 4);
  CHECK(run.substr(run.size() - 4) == "}\n]\n");
  const Json parsed = parse_json(run);
  REQUIRE(parsed.items.size() == 1);
  CHECK(parsed.items[0]["kind"].text == "list");
  icq::Diagnostic d;
  d.message = "unknown precision 'fp9'";
  const Json two = parse_json(icq::render_json_run({object, icq::render_error_json(d)}));
  REQUIRE(two.items.size() == 2);
  CHECK(two.items[1]["kind"].text == "error");
  CHECK(icq::render_json_run({}) == "[]\n");
}

TEST_CASE("render: csv has one row per target and side with full-precision values", "[interp][render]") {
  TempData data(render_rows());
  auto s = data.session();
  const auto r = run_ok(s, kQuery);
  const auto l = lines_of(icq::render(r, icq::Format::csv));
  REQUIRE(l.size() >= 7);
  CHECK(l[0] == "# " + std::string(icq::attribution()));
  CHECK(l[1] == "# " + r.query);
  CHECK(l[2] == "interactivity,side,status,evidence,throughput,cost,tokens_per_mw,concurrency");
  CHECK(l[3] == "5,fp8,out_of_range,,,,,");
  CHECK(l[4] == "5,fp4,out_of_range,,,,,");
  CHECK(l[5].rfind("20,fp8,ok,wide_gap,76.25,", 0) == 0);
  CHECK(l[5].size() > std::string("20,fp8,ok,wide_gap,76.25,5.464,36483,36").size());
  CHECK(l[5].substr(l[5].size() - 3) == ",36");
  CHECK(l[6].rfind("20,fp4,ok,measured,1002.25,", 0) == 0);
  CHECK(l[6].substr(l[6].size() - 3) == ",33");
  std::size_t verdicts = 0, notes = 0;
  for (const auto& x : l) {
    verdicts += x.rfind("# verdict: ", 0) == 0 ? 1 : 0;
    notes += x.rfind("# note: ", 0) == 0 ? 1 : 0;
  }
  CHECK(verdicts == r.summary.size());
  CHECK(notes == r.notes.size());
}

TEST_CASE("render: csv quotes labels that hold commas", "[interp][render]") {
  TempData data(render_rows());
  auto s = data.session();
  const auto out =
      icq::render(run_ok(s, "compare (precision fp8, fp4) vs (precision fp4) at interactivity 20 show throughput"), icq::Format::csv);
  CHECK(contains(out, "\n20,\"(precision fp8, fp4)\",ok,"));
  CHECK(contains(out, "\n20,(precision fp4),ok,measured,1002.25\n"));
}

TEST_CASE("render: markdown holds the query, the table, verdicts and notes", "[interp][render]") {
  TempData data(render_rows());
  auto s = data.session();
  const auto r = run_ok(s, kQuery);
  const std::string md = icq::render(r, icq::Format::markdown);
  CHECK(md.rfind("**`" + r.query + "`**\n\n", 0) == 0);
  CHECK(contains(md, "| metric | tok/s/user | FP8 | FP4 | winner | ratio |\n|---|---:|---:|---:|---|---:|\n"));
  CHECK(contains(md, "| Throughput (tok/s/GPU) | 5 | out of range | out of range | — |  |\n"));
  // 1002.25 / 76.25 = 13.144…
  CHECK(contains(md, "|  | 20 | 76.3‡ | 1,002.3 | FP4 | 13.14x |\n"));
  CHECK(contains(md, "| Cost ($/M tok) | 5 |"));
  CHECK(contains(md, "|  | 20 | $5.464‡ | $0.416 | FP4 | 13.14x |\n"));
  CHECK(contains(md, "|  | 20 | 36,483‡ | 479,545 | FP4 | 13.14x |\n"));
  CHECK(contains(md, "|  | 20 | ~36‡ | ~33 |  |  |\n"));
  CHECK(contains(md, "**Verdicts**\n\n- "));
  CHECK(contains(md, "**Notes**\n\n- "));
  CHECK(contains(md, "- " + std::string(icq::attribution()) + "\n"));
}

TEST_CASE("render: the table rounds half up on the exact decimal, with thousands separators", "[interp][render]") {
  TempData data(render_rows());
  auto s = data.session();
  const auto r = run_ok(s, kQuery);
  const std::string t = icq::render(r, icq::Format::table);
  CHECK(t.rfind(r.query + "\n\n+", 0) == 0);
  // 76.25 -> 76.3 and 1002.25 -> 1,002.3 (printf's round-half-even would print 76.2 and 1002.2)
  CHECK(contains(t, "| Throughput (tok/s/GPU) |          5 | out of range | out of range | —      |        |\n"));
  CHECK(contains(t, " 76.3‡ "));
  CHECK(contains(t, " 1,002.3 "));
  CHECK(contains(t, " $5.464‡ "));
  CHECK(contains(t, " 479,545 "));
  CHECK(contains(t, " ~36‡ "));
  CHECK(contains(t, "\nVerdicts\n  At 5 tok/s/user"));
  CHECK(contains(t, "\nNotes\n  - no common band: the sides' interactivity ranges only touch (20.00–20.00)"));
  CHECK(contains(t, "  - " + std::string(icq::attribution()) + "\n"));
  const std::string u = icq::render(r, icq::Format::table, icq::RenderOptions{true, false});
  CHECK(contains(u, "┌"));
  CHECK(contains(u, "│ Throughput (tok/s/GPU) │"));
}

TEST_CASE("render: clamped values carry a star in the table", "[interp][render]") {
  TempData data(render_rows());
  auto s = data.session();
  const std::string t = icq::render(run_ok(s, "compare precision fp8 vs fp4 at interactivity 5 clamp show throughput"), icq::Format::table);
  CHECK(contains(t, " 100.0* "));
  CHECK(contains(t, " 1,002.3* "));
}

TEST_CASE("render: the worked example's numbers display as on a comparison page", "[interp][render]") {
  // SEMANTICS.md §8 shape: FP4 1772.1 vs FP8 2363.2 tok/s/GPU at 56 tok/s/user, MI355X 2026-04.
  TempData data({row(56, 1772.1, 33).prec("fp4"), row(56, 2363.2, 83)});
  auto s = data.session();
  const auto r = run_ok(s, "compare precision fp4 vs fp8 at interactivity 56 using prices 2026-04");
  const std::string t = icq::render(r, icq::Format::table);
  // 1.48 / (1772.1 * 0.0036) = 0.23199…; 1772.1e3 / 2.65 = 668,716.98; 2363.2e3 / 2.65 = 891,773.58
  CHECK(contains(t, " 1,772.1 "));
  CHECK(contains(t, " 2,363.2 "));
  CHECK(contains(t, " $0.232 "));
  CHECK(contains(t, " $0.174 "));
  CHECK(contains(t, " 668,717 "));
  CHECK(contains(t, " 891,774 "));
  CHECK(contains(t, " ~33 "));
  CHECK(contains(t, " ~83 "));
  CHECK(contains(t, "FP8 is 33% cheaper per token; FP8 delivers 33% more tok/s/GPU."));
}

TEST_CASE("render: number cells are half-up on the exact binary value", "[interp][render]") {
  using icq::out::grouped;
  using icq::out::metric_cell;
  CHECK(grouped(1002.25, 1) == "1,002.3");
  CHECK(grouped(0.125, 2) == "0.13");
  CHECK(grouped(2.5, 0) == "3");
  CHECK(grouped(2.675, 2) == "2.67");  // the double is 2.67499999999999982…
  CHECK(grouped(1234567.5, 0) == "1,234,568");
  CHECK(grouped(999.95, 1) == "1,000.0");  // the double is 999.950000000000045…
  CHECK(grouped(-1234.5, 0) == "-1,235");
  // Each metric's format is the catalog's (no renderer guesses it from a name).
  const auto as = [&](const char* metric, double v) {
    return metric_cell(icq::interp::number_format(*icq::catalog::find_metric(metric)), v);
  };
  CHECK(as("cost", 0.2315) == "$0.232");  // 0.23150000000000001132…
  CHECK(as("concurrency", 33) == "~33");
  CHECK(as("power", 668716.9811320755) == "668,717");
  CHECK(as("throughput", 1772.05) == "1,772.0");  // the double is 1772.04999999999995…
  CHECK(as("joules", 27.4098) == "27.410");
  CHECK(as("tokens_per_dollar", 2431187.5) == "2,431,188");  // was the throughput's one decimal by a name's default
  CHECK(as("tpot", 0.0123456) == "12.35");                   // seconds read as ms
}

TEST_CASE("render: every result that shows data carries the attribution line, in every format", "[interp][render][attribution]") {
  icq::Session s;
  const std::vector<std::string> statements = {
      "compare precision fp4 vs fp8 on mi355x model dsr1",
      "list gpus",
      "frontier on b200 model dsr1 precision fp4",
      "points on mi355x model dsr1 where conc = 64",
      "trend throughput on b200 model dsr1 precision fp4 at interactivity 50",
      "accuracy on mi355x model dsr1",
      "describe gpu mi355x",
      "describe model kimi",
      "explain compare precision fp4 vs fp8 on mi355x model dsr1",
  };
  for (const auto& q : statements) {
    const auto r = run_ok(s, q);
    for (const auto f :
         {icq::Format::table, icq::Format::markdown, icq::Format::csv, icq::Format::json, icq::Format::jsonl, icq::Format::page}) {
      INFO(q << " as " << icq::format_name(f));
      CHECK(contains(icq::render(r, f), std::string(icq::attribution())));
    }
  }
  // Settings and help show no data and carry none.
  CHECK_FALSE(contains(icq::render(run_ok(s, "help"), icq::Format::table), std::string(icq::attribution())));
}
