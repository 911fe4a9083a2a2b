// help, completion and suggestions are generated from tables (grammar/keywords.cpp, and the line
// dimensions of stdlib/data/dimensions.cpp); the grammar's rules are PEGTL types. These tests hold
// the tables against the rules both ways, so neither can drift from the other.
#include <fmt/format.h>
#include <catch2/catch.hpp>

#include <algorithm>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>
#include <string>

#include "data/dimensions.hpp"
#include "keywords.hpp"
#include "parser.hpp"
#include "text/text.hpp"

namespace {

// Every keyword the grammar defines, read from its source (`ICQ_KW(name, "text")`).
std::set<std::string> grammar_keywords() {
  std::ifstream in(std::string(ICQ_SOURCE_DIR) + "/grammar/rules.hpp");
  std::stringstream ss;
  ss << in.rdbuf();
  const std::string src = ss.str();
  std::set<std::string> out;
  const std::regex kw(R"re(ICQ_KW\(\w+,\s*"([^"]+)"\))re");
  for (auto it = std::sregex_iterator(src.begin(), src.end(), kw); it != std::sregex_iterator(); ++it) out.insert((*it)[1]);
  return out;
}

bool starts_a_statement(const std::string& word) {
  const auto r = icq::grammar::parse(word + " x");
  const auto* e = std::get_if<icq::ast::SyntaxError>(&r);
  return !(e && icq::text::starts_with_icase(e->message, "unknown statement"));
}

// After a complete comparison, a clause keyword is taken as a keyword: either it parses as its
// clause or it reports what the clause lacks; any other word is a `let` name.
bool taken_as_clause(const std::string& word) {
  const auto r = icq::grammar::parse("compare precision fp4 vs fp8 " + word);
  const auto* p = std::get_if<icq::ast::Program>(&r);
  if (!p) return true;
  const auto* c = std::get_if<icq::ast::Compare>(&p->statements.at(0).body);
  REQUIRE(c != nullptr);
  return c->clauses.lets.empty();
}

const icq::ast::Compare& compare_of(const std::string& text) {
  static icq::ast::Program keep;
  const auto r = icq::grammar::parse(text);
  INFO(text);
  REQUIRE(std::holds_alternative<icq::ast::Program>(r));
  keep = std::get<icq::ast::Program>(r);
  return std::get<icq::ast::Compare>(keep.statements.at(0).body);
}

}  // namespace

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

TEST_CASE("the statement docs name exactly the grammar's statement keywords", "[grammar][help]") {
  const auto keywords = grammar_keywords();
  REQUIRE(keywords.size() > 40);  // the source was read
  std::set<std::string> documented;
  for (const auto& d : icq::grammar::statement_docs()) documented.insert(d.keyword);
  std::set<std::string> statements;
  for (const auto& k : keywords)
    if (starts_a_statement(k)) statements.insert(k);
  statements.erase("assert");  // expect's other spelling, documented in expect's entry
  REQUIRE(statements == documented);
  REQUIRE_FALSE(starts_a_statement("comapre"));
}

TEST_CASE("every clause keyword in the docs is a keyword of the grammar", "[grammar][help]") {
  const auto keywords = grammar_keywords();
  REQUIRE_FALSE(taken_as_clause("amd_only"));  // a let name: the check can tell them apart
  for (const auto& clause : icq::grammar::clause_keywords()) {
    INFO(clause);
    REQUIRE(keywords.count(clause) == 1);
    REQUIRE(taken_as_clause(clause));
  }
  // And the other way: every keyword that can open a clause is documented (or is a statement,
  // which ends the comparison, or a word that only follows another keyword).
  const std::set<std::string> documented(icq::grammar::clause_keywords().begin(), icq::grammar::clause_keywords().end());
  for (const auto& k : keywords) {
    INFO(k);
    if (starts_a_statement(k) || k == "assert" || documented.count(k)) continue;
    if (const auto* d = icq::data::find_dimension(k)) {
      CHECK(documented.count(std::string(d->keyword)) == 1);  // an alias of a documented filter
      continue;
    }
    const auto r = icq::grammar::parse("compare precision fp4 vs fp8 " + k + " x");
    const auto* p = std::get_if<icq::ast::Program>(&r);
    // Accepted there without a clause entry: then it is part of a statement's syntax (`vs`).
    if (p && std::get<icq::ast::Compare>(p->statements.at(0).body).clauses.lets.empty()) {
      const auto& docs = icq::grammar::statement_docs();
      REQUIRE(std::any_of(docs.begin(), docs.end(),
                          [&](const auto& d) { return std::regex_search(d.syntax, std::regex("(^|[^a-z])" + k + "([^a-z]|$)")); }));
    }
  }
}

TEST_CASE("the grammar's filter and dimension keywords are the line dimensions' table", "[grammar][dimensions]") {
  // The table is indexed by its enum.
  for (const auto& d : icq::data::dimensions()) REQUIRE(&icq::data::dimension(d.field) == &d);
  std::set<std::string> table_words;
  for (const auto& d : icq::data::dimensions()) {
    table_words.insert(std::string(d.keyword));
    for (const auto a : d.aliases) table_words.insert(std::string(a));
    // The keyword is a compare dimension and a filter, and names its own field.
    const auto& c = compare_of(fmt::format("compare {} a vs b {} c", d.keyword, d.keyword));
    REQUIRE(c.dimension->text == std::string(d.keyword));
    REQUIRE(c.clauses.filters.at(0).key == std::string(d.keyword));
    for (const auto a : d.aliases) {
      const auto& ca = compare_of(fmt::format("compare precision fp4 vs fp8 {} c", a));
      REQUIRE(ca.clauses.filters.size() == 1);
      REQUIRE(icq::data::find_dimension(ca.clauses.filters[0].key) == &d);
    }
  }
  // Every grammar keyword that parses as a filter is in the table.
  for (const auto& k : grammar_keywords()) {
    const auto r = icq::grammar::parse("compare precision fp4 vs fp8 " + k + " c");
    const auto* p = std::get_if<icq::ast::Program>(&r);
    if (!p) continue;
    const auto& filters = std::get<icq::ast::Compare>(p->statements.at(0).body).clauses.filters;
    INFO(k);
    if (!filters.empty()) REQUIRE(table_words.count(k) == 1);
  }
  // Suggestions after `compare` offer the table's keywords and `date`.
  std::set<std::string> suggested(icq::grammar::dimension_keywords().begin(), icq::grammar::dimension_keywords().end());
  std::set<std::string> expected;
  for (const auto& d : icq::data::dimensions()) expected.insert(std::string(d.keyword));
  expected.insert("date");
  REQUIRE(suggested == expected);
  // The syntax error after `compare` lists every dimension.
  const auto r = icq::grammar::parse("compare 42");
  const auto* e = std::get_if<icq::ast::SyntaxError>(&r);
  REQUIRE(e != nullptr);
  for (const auto& w : expected) {
    INFO(w);
    REQUIRE(e->help.find(w) != std::string::npos);
  }
}
