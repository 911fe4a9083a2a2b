// Every kind of result, in every format: a kind that shows InferenceX numbers carries the
// attribution its licence asks for, whatever renders it, and its JSON names the kind. The table of
// example statements must cover every kind, so a new kind cannot forget either.
#include <catch2/catch.hpp>

#include <map>
#include <string>

#include "icq/render.hpp"
#include "interp_fixture.hpp"

using namespace icq_test;

namespace {

// One statement of each kind, on the built-in data (a run's last result is the kind's).
const std::map<icq::Kind, std::string>& examples() {
  static const std::map<icq::Kind, std::string> e = {
      {icq::Kind::compare, "compare precision fp4 vs fp8 on mi355x model dsr1 at 50"},
      {icq::Kind::rank, "rank gpu by cost at 50 model dsr1 precision fp8"},
      {icq::Kind::crossover, "crossover gpu mi355x vs b200 model dsr1 precision fp8"},
      {icq::Kind::frontier, "frontier on b200 model dsr1 precision fp4"},
      {icq::Kind::points, "points on b200 model dsr1 precision fp4 limit 3"},
      {icq::Kind::trend, "trend throughput on b200 model dsr1 precision fp4 at 50 since 2026-05-01"},
      {icq::Kind::accuracy, "accuracy on mi355x model dsr1"},
      {icq::Kind::explain, "explain compare precision fp4 vs fp8 on mi355x model dsr1"},
      {icq::Kind::expect, "compare precision fp4 vs fp8 on mi355x model dsr1 at 50\nexpect throughput(fp4) > 0"},
      {icq::Kind::list, "list gpus"},
      {icq::Kind::describe, "describe gpu mi355x"},
      {icq::Kind::help, "help"},
      {icq::Kind::set, "set price b200 1.80"},
      {icq::Kind::let, "let amd = (vendor amd)"},
      {icq::Kind::param, "param target = 50"},
      {icq::Kind::load, "load \"" ICQ_DATA_DIR "/api-found/2026-09-07\""},
  };
  return e;
}

}  // namespace

TEST_CASE("kinds: every kind has an example, its JSON names it, and data carries the attribution in every format", "[interp][kinds]") {
  CHECK(examples().size() == std::size(icq::kKinds));
  const std::string attribution(icq::attribution());
  for (const auto& info : icq::kKinds) {
    INFO(info.name);
    REQUIRE(examples().count(info.kind) == 1);
    icq::Session s;
    const auto out = s.run(examples().at(info.kind));
    REQUIRE(out.ok());
    const icq::Result& r = out.results.back();
    CHECK(r.kind == info.kind);
    CHECK(icq::kind_name(r.kind) == info.name);
    CHECK(contains(icq::render(r, icq::Format::json), "\"kind\": \"" + std::string(info.name) + "\""));
    for (const icq::Format f : icq::kFormats) {
      INFO(icq::format_name(f));
      const std::string text = icq::render(r, f);
      // An SVG without a chart shows no numbers, only the statement and why there is no chart.
      const bool numbers = f != icq::Format::svg || icq::has_chart(r);
      CHECK(contains(text, attribution) == (info.shows_data && numbers));
    }
    CHECK(icq::has_chart(r) == (info.charts && (r.kind != icq::Kind::compare || !r.comparison->targets.empty())));
    // A result holding numbers is data: its kind must say so (the table cannot mark it otherwise).
    bool numbers = r.comparison.has_value();
    for (const auto& t : r.tables)
      for (const auto& row : t.rows)
        for (const auto& v : row) numbers = numbers || std::holds_alternative<double>(v) || std::holds_alternative<std::int64_t>(v);
    if (numbers) CHECK(info.shows_data);
  }
}
