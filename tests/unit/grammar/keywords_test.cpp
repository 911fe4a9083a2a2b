// help is generated from grammar/keywords.cpp: every example there must parse, as one statement
// whose keyword is the entry's, so the documentation cannot drift from the grammar.
#include <catch2/catch.hpp>

#include <string>

#include "keywords.hpp"
#include "parser.hpp"
#include "text/text.hpp"

TEST_CASE("every help example parses as its own statement", "[grammar][help]") {
  for (const auto& doc : icq::grammar::statement_docs()) {
    REQUIRE_FALSE(doc.examples.empty());
    for (const char* example : doc.examples) {
      INFO(doc.keyword << ": " << example);
      const auto r = icq::grammar::parse(example);
      const auto* prog = std::get_if<icq::ast::Program>(&r);
      REQUIRE(prog != nullptr);
      REQUIRE(prog->statements.size() == 1);
      // The statement text starts with the entry's keyword (`assert` is expect's other spelling).
      const std::string& text = prog->statements[0].text;
      REQUIRE((icq::text::starts_with_icase(text, doc.keyword) ||
               (std::string(doc.keyword) == "expect" && icq::text::starts_with_icase(text, "assert"))));
    }
  }
}

TEST_CASE("every statement keyword has a help entry and every clause keyword is documented", "[grammar][help]") {
  const auto& kws = icq::grammar::statement_keywords();
  REQUIRE(kws.size() == icq::grammar::statement_docs().size());
  for (const auto& clause : icq::grammar::clause_keywords()) {
    INFO(clause);
    // A clause keyword followed by something is accepted somewhere: check it does not parse as an
    // unknown statement (it would if the table named a keyword the grammar lacks).
    const auto r = icq::grammar::parse("compare precision fp4 vs fp8 " + clause);
    if (const auto* e = std::get_if<icq::ast::SyntaxError>(&r)) REQUIRE(e->at_end);
  }
}
