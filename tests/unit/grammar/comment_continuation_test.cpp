// A comment stops before a line continuation: `… -- why \` goes on to the next line, which is how
// the REPL joins the lines of one statement (repl/host.cpp), so a comment never swallows them.
#include "grammar_helpers.hpp"

using namespace icq::ast;
using icq_test::compare_of;
using icq_test::offset_of;
using icq_test::parse_err;
using icq_test::parse_ok;

TEST_CASE("a comment before a continuation ends with its line", "[grammar][program]") {
  const Compare c = compare_of("compare precision fp4 vs -- the new one \\\nfp8 -- the old one \\  \n  on mi355x");
  REQUIRE(c.sides.size() == 2);
  REQUIRE(c.sides[1].value->text == "fp8");
  REQUIRE(c.clauses.filters.size() == 1);
  REQUIRE(c.clauses.filters[0].values[0].text == "mi355x");
  // `#` comments too, and a backslash inside a comment is only text.
  const Compare h = compare_of("compare precision fp4 vs # see \\ below \\\n fp8");
  REQUIRE(h.sides.size() == 2);
}

TEST_CASE("a comment without a continuation still ends the statement", "[grammar][program]") {
  REQUIRE(parse_ok("list gpus -- then \\ more\nlist models").statements.size() == 2);
  const std::string src = "compare precision fp4 vs -- note\nfp8";
  const auto e = parse_err(src);
  REQUIRE(e.offset == offset_of(src, "\nfp8"));
  REQUIRE_FALSE(e.at_end);
  // A comment line that ends in a backslash between statements is a separator, as before.
  REQUIRE(parse_ok("-- the first \\\nlist gpus").statements.size() == 1);
}

TEST_CASE("an unfinished statement before a continuation is incomplete", "[grammar][program]") {
  // What the REPL asks after each line: "compare … vs -- comment" plus its continuation reads on.
  const auto e = parse_err("compare precision fp4 vs -- the new one \\\n");
  REQUIRE(e.at_end);
}
