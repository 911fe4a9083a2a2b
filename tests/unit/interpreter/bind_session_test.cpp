// The statements that change the session are bound like the queries: every word resolved and
// checked by the Binder without touching the settings; applying the bound form changes them; a
// `load` is asked of the session (Context::load_request), never done by the evaluator.
#include <variant>

#include "bind/binder.hpp"
#include "bind/query_error.hpp"
#include "builtin_dataset.hpp"
#include "data/dataset.hpp"
#include "eval/execute.hpp"
#include "eval/session_statements.hpp"
#include "interp_fixture.hpp"
#include "parser.hpp"

using namespace icq_test;
namespace interp = icq::interp;

namespace {

interp::BoundStatement bind(const interp::Settings& settings, const std::string& text) {
  const auto parsed = icq::grammar::parse(text);
  const auto& program = std::get<icq::ast::Program>(parsed);
  return interp::Binder(icq_test::builtin_dataset(), settings, text).bind(program.statements.front());
}

template <class T>
const T& bound_as(const interp::BoundStatement& b) {
  REQUIRE(std::holds_alternative<T>(b.body));
  return std::get<T>(b.body);
}

}  // namespace

TEST_CASE("bind session: set price resolves the GPU and keeps the value as written; binding changes nothing", "[interp][bind]") {
  interp::Settings settings;
  const auto b = bind(settings, "set price MI355X 1.80");
  const auto& s = bound_as<interp::BoundSet>(b);
  CHECK(s.what == interp::BoundSet::What::price);
  CHECK(s.gpu == "mi355x");
  CHECK(s.value == "1.80");
  CHECK(settings.price_overrides.empty());
  std::optional<icq::Format> format;
  const icq::Result r = interp::apply_set(s, settings, format);
  CHECK(settings.price_overrides.at("mi355x") == "1.80");
  CHECK(r.query == "set price mi355x 1.80");
}

TEST_CASE("bind session: set prices, cost and format are resolved when bound, applied after", "[interp][bind]") {
  interp::Settings settings;
  const auto* before = settings.edition;
  const auto prices_bound = bind(settings, "set prices 2026-04 rental");
  const auto& prices = bound_as<interp::BoundSet>(prices_bound);
  CHECK(prices.edition->name == "2026-04");
  CHECK(prices.tier == "rental");
  CHECK(settings.edition == before);
  std::optional<icq::Format> format;
  interp::apply_set(prices, settings, format);
  CHECK(settings.edition->name == "2026-04");
  // A tier alone keeps the edition in force when it is bound.
  const auto tier_alone = bind(settings, "set prices neocloud");
  CHECK(bound_as<interp::BoundSet>(tier_alone).edition->name == "2026-04");

  const auto cost_bound = bind(settings, "set cost splined");
  const auto& cost = bound_as<interp::BoundSet>(cost_bound);
  CHECK(cost.method.cost == interp::CostMethod::splined);
  CHECK(settings.cost == interp::CostMethod::derived);

  const auto f_bound = bind(settings, "set format csv");
  const auto& f = bound_as<interp::BoundSet>(f_bound);
  CHECK(f.format == icq::Format::csv);
  const icq::Result r = interp::apply_set(f, settings, format);
  CHECK(format == icq::Format::csv);
  CHECK(r.effects.format == icq::Format::csv);
}

TEST_CASE("bind session: a bad set is refused by the binder, at its word", "[interp][bind]") {
  interp::Settings settings;
  CHECK_THROWS_AS(bind(settings, "set price mi355x 0"), interp::QueryError);
  CHECK_THROWS_AS(bind(settings, "set power mi355 1.2"), interp::QueryError);
  CHECK_THROWS_AS(bind(settings, "set format yaml"), interp::QueryError);
  try {
    bind(settings, "set prise mi355x 1.8");
    FAIL("no error");
  } catch (const interp::QueryError& e) {
    CHECK(std::string(e.what()) == "cannot set 'prise'");
    CHECK(e.span.begin == 4);
    CHECK(e.help == "did you mean 'price' or 'prices'?");
  }
  CHECK(settings.price_overrides.empty());
  CHECK(settings.power_overrides.empty());
}

TEST_CASE("bind session: let binds its filters, param its value; applying records them", "[interp][bind]") {
  interp::Settings settings;
  const auto let_bound = bind(settings, "let amd = (vendor amd)");
  const auto& let = bound_as<interp::BoundLet>(let_bound);
  CHECK(let.name == "amd");
  CHECK(let.definition.text == "(vendor amd)");
  CHECK(settings.lets.empty());
  CHECK_THROWS_AS(bind(settings, "let x = (vendor amx)"), interp::QueryError);
  interp::apply_let(let, settings);
  CHECK(settings.lets.count("amd") == 1);
  const auto param_bound = bind(settings, "param target = 50");
  const auto& param = bound_as<interp::BoundParam>(param_bound);
  interp::apply_param(param, settings);
  CHECK(settings.params.at("target") == "50");
}

TEST_CASE("bind session: load is asked of the session, not done by the evaluator", "[interp][bind]") {
  interp::Settings settings;
  const auto b = bind(settings, "load \"runs/x.json\"");
  CHECK(bound_as<interp::BoundLoad>(b).path.text == "runs/x.json");
  std::optional<icq::Format> format;
  std::optional<interp::BoundCompare> last;
  const auto text = std::string("load \"runs/x.json\"");
  const interp::Binder binder(icq_test::builtin_dataset(), settings, text);
  interp::Context c{icq_test::builtin_dataset(), binder, settings, format, last, {}, {}};
  const icq::Result r = interp::execute(b, c);
  REQUIRE(c.load_request);
  CHECK(c.load_request->text == "runs/x.json");
  CHECK(r.tables.empty());
}
