// `$NAME` reaches every statement kind that takes a value: one statement of each kind with a `$p`,
// and a new kind of statement fails here until it has one (or is listed as taking no value).
#include <catch2/catch.hpp>

#include <set>
#include <string>
#include <variant>
#include <vector>

#include "ast.hpp"
#include "bind/params.hpp"
#include "bind/query_error.hpp"
#include "parser.hpp"

namespace ast = icq::ast;
namespace interp = icq::interp;

namespace {

// A `$p` in each part a statement takes values in: sides, clauses, metrics, its own words, an inner statement.
const std::vector<std::string> samples = {
    "compare precision $p vs fp8 model dsr1",
    "compare gpu b200 vs h200 model $p at interactivity 50",
    "compare (gpu $p) vs (gpu h200) model dsr1",
    "rank gpu by cost at interactivity $p model dsr1",
    "crossover gpu mi355x vs $p model dsr1 by throughput",
    "crossover gpu mi355x vs b200 model $p by throughput",
    "list gpus for model $p",
    "describe gpu $p",
    "frontier model $p",
    "points model dsr1 limit $p",
    "trend throughput at interactivity 50 model $p",
    "accuracy model $p",
    "set price $p 1.80",
    "let fast = (gpu $p)",
    "load $p",
    "explain frontier model $p",
    "plot rank gpu by cost at interactivity $p model dsr1",
    "expect cost(fp4) < cost(fp8) at $p",
};

// The kinds with no word that takes a value.
std::set<std::size_t> taking_no_value() { return {ast::StatementBody{ast::Help{}}.index(), ast::StatementBody{ast::Param{}}.index()}; }

ast::Statement parse_one(const std::string& text) {
  const auto parsed = icq::grammar::parse(text);
  REQUIRE(std::holds_alternative<ast::Program>(parsed));
  const auto& program = std::get<ast::Program>(parsed);
  REQUIRE(program.statements.size() == 1);
  return program.statements.front();
}

}  // namespace

TEST_CASE("$NAME reaches every statement kind that takes a value") {
  std::set<std::size_t> covered;
  for (const auto& text : samples) {
    INFO(text);
    ast::Statement s = parse_one(text);
    covered.insert(s.body.index());
    std::set<std::string> names;
    interp::parameter_names(s, names);
    CHECK(names == std::set<std::string>{"p"});
    CHECK_THROWS_AS(interp::substitute_params(s, {}), interp::QueryError);
    interp::substitute_params(s, {{"p", "b200"}});
    names.clear();
    interp::parameter_names(s, names);
    CHECK(names.empty());
  }
  const auto none = taking_no_value();
  for (std::size_t kind = 0; kind < std::variant_size_v<ast::StatementBody>; ++kind) {
    INFO("statement kind " << kind << " of ast::StatementBody");
    CHECK((covered.count(kind) == 1) != (none.count(kind) == 1));
  }
}
