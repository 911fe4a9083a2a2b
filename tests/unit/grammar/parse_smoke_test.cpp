#include <catch2/catch.hpp>

#include <tao/pegtl/contrib/analyze.hpp>

#include "parser.hpp"
#include "rules.hpp"

TEST_CASE("the grammar has no infinite loops or left recursion", "[grammar]") {
  REQUIRE(tao::pegtl::analyze<icq::grammar::rules::program>(-1) == 0);
}

TEST_CASE("a compare statement parses into sides and clauses", "[grammar]") {
  const auto r =
      icq::grammar::parse("compare precision fp4 vs fp8 on MI355X model qwen3.5-397b at interactivity 56,98,139 show cost,throughput");
  const auto* prog = std::get_if<icq::ast::Program>(&r);
  REQUIRE(prog);
  REQUIRE(prog->statements.size() == 1);
  const auto& c = std::get<icq::ast::Compare>(prog->statements[0].body);
  REQUIRE(c.dimension->text == "precision");
  REQUIRE(c.sides.size() == 2);
  REQUIRE(c.sides[1].value->text == "fp8");
  REQUIRE(c.clauses.filters.size() == 2);
  REQUIRE(c.clauses.filters[0].key == "gpu");
  REQUIRE(c.clauses.targets->items.size() == 3);
  REQUIRE(c.clauses.show.size() == 2);
}
