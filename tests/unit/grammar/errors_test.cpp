// Syntax errors: for every must-point of the grammar, the message, the offset (the start of the
// offending token), the length, suggestions, and at_end (true only when the input ended where more
// was expected).
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "grammar_helpers.hpp"

using namespace icq_test;

namespace {

struct Expected {
  std::string query;
  std::string message;
  std::string at;  // the offending token; empty = the end of the input
  bool at_end;
};

void check(const Expected& x) {
  INFO("query: " << x.query);
  const auto e = parse_err(x.query);
  CHECK(e.message == x.message);
  const auto offset = x.at.empty() ? static_cast<std::uint32_t>(x.query.size()) : offset_of(x.query, x.at);
  CHECK(e.offset == offset);
  CHECK(e.at_end == x.at_end);
  CHECK_FALSE(e.help.empty());
}

}  // namespace

TEST_CASE("error: unknown statement, with a suggestion", "[grammar][errors]") {
  const auto e = parse_err("comprae precision fp4 vs fp8");
  REQUIRE(e.message == "unknown statement 'comprae'");
  REQUIRE(e.offset == 0);
  REQUIRE(e.length == 7);
  REQUIRE_FALSE(e.at_end);
  REQUIRE(!e.suggestions.empty());
  REQUIRE(e.suggestions[0] == "compare");
  REQUIRE(
      e.help ==
      "statements: compare, rank, crossover, frontier, points, trend, accuracy, list, describe, set, let, param, load, explain, plot, expect, help");
  // Every statement the grammar has is named there (a new statement cannot be left out of the help).
  for (const auto& k : icq::grammar::statement_keywords()) CHECK(e.help.find(k) != std::string::npos);
  const auto d = parse_err("descirbe gpu mi355x");
  REQUIRE(d.suggestions.at(0) == "describe");
  const auto l = parse_err("lsit gpus");
  REQUIRE(l.suggestions.at(0) == "list");
}

TEST_CASE("error: unknown statement in a later line points into that line", "[grammar][errors]") {
  const std::string src = "list gpus\n  comprae precision fp4 vs fp8";
  const auto e = parse_err(src);
  REQUIRE(e.offset == offset_of(src, "comprae"));
  REQUIRE(e.message == "unknown statement 'comprae'");
  REQUIRE(e.suggestions.at(0) == "compare");
}

TEST_CASE("a bare word in clause position is a let name for the binder to resolve", "[grammar][errors]") {
  // `let amd = (vendor amd)` makes `amd` a filter; a misspelt clause ("modle") therefore parses as
  // a name, and the binder reports it with suggestions from the clause keywords (tests/cli).
  const auto p = parse_ok("compare precision fp4 vs fp8 modle dsr1");
  const auto& c = std::get<icq::ast::Compare>(p.statements.at(0).body);
  REQUIRE(c.clauses.lets.size() == 2);
  REQUIRE(c.clauses.lets[0].text == "modle");
  REQUIRE(c.clauses.lets[0].span.begin == offset_of("compare precision fp4 vs fp8 modle dsr1", "modle"));
  // A clause keyword's own arguments still fail at parse time.
  const auto w = parse_err("compare precision fp4 vs fp8 on where conc >= 4");
  REQUIRE(w.message == "expected a value after 'on'");
}

TEST_CASE("error: a word after a complete clause that cannot be a name", "[grammar][errors]") {
  const std::string q = "compare precision fp4 vs fp8 show cost $";
  const auto e = parse_err(q);
  REQUIRE(e.message == "unexpected '$' in this statement");
  REQUIRE(e.offset == offset_of(q, "$"));
  REQUIRE(e.suggestions.empty());
}

TEST_CASE("error: unexpected punctuation", "[grammar][errors]") {
  // A comma commits the list: the second comma is where a target was expected.
  const std::string q = "compare precision fp4 vs fp8 at 56,,98";
  const auto e = parse_err(q);
  REQUIRE(e.message == "expected a target interactivity (tok/s/user) after ','");
  REQUIRE(e.offset == offset_of(q, ",98"));
  REQUIRE(e.length == 1);
  REQUIRE_FALSE(e.at_end);
  const std::string sc = "compare precision fp4 vs fp8 on mi355x, ; list gpus";
  const auto semi = parse_err(sc);
  REQUIRE(semi.message == "expected a value after ','");
  REQUIRE(semi.offset == offset_of(sc, ";"));
  REQUIRE_FALSE(semi.at_end);
  const auto paren = parse_err("list gpus )");
  REQUIRE(paren.message == "unexpected ')' in this statement");
  REQUIRE(paren.offset == 10);  // A character outside ASCII is quoted whole, never a byte of it (the message stays UTF-8).
  const auto accent = parse_err("list p\xC3\x93is");
  REQUIRE(accent.message == "unexpected '\xC3\x93' in this statement");
  REQUIRE(accent.length == 2);
}

TEST_CASE("error: unknown dimension, with a suggestion", "[grammar][errors]") {
  const std::string q = "compare precisoin fp4 vs fp8";
  const auto e = parse_err(q);
  REQUIRE(e.message == "expected what to compare after 'compare'");
  REQUIRE(e.offset == offset_of(q, "precisoin"));
  REQUIRE(e.length == 9);
  REQUIRE_FALSE(e.at_end);
  REQUIRE(e.suggestions.at(0) == "precision");
  REQUIRE(parse_err("compare fremework sglang vs vllm").suggestions.at(0) == "framework");
}

TEST_CASE("error: incomplete input is at_end", "[grammar][errors]") {
  check({"compare precision fp4 vs", "expected a value to compare after 'vs'", "", true});
  check({"compare precision fp4 vs   ", "expected a value to compare after 'vs'", "", true});
  check({"compare", "expected what to compare after 'compare' (the input ended)", "", true});
  check({"compare precision", "expected a value to compare after 'precision'", "", true});
  check({"compare precision fp4", "a comparison needs two or more sides: expected 'vs' after 'fp4'", "", true});
  check({"compare precision fp4 vs fp8 on", "expected a value after 'on'", "", true});
  check({"compare precision fp4 vs fp8 on mi355x,", "expected a value after ','", "", true});
  check({"compare precision fp4 vs fp8 where", "expected a condition after 'where'", "", true});
  check({"compare precision fp4 vs fp8 where tp", "expected a comparison after 'tp': =, !=, <, <=, >, >= or in (…)", "", true});
  check({"compare precision fp4 vs fp8 where tp <=", "expected a value after '<='", "", true});
  check({"compare precision fp4 vs fp8 where (tp <= 8", "expected ')'", "", true});
  check({"compare precision fp4 vs fp8 where not", "expected a condition after 'not'", "", true});
  check({"compare precision fp4 vs fp8 where tp = 8 and", "expected a condition after 'and'", "", true});
  check({"compare precision fp4 vs fp8 where tp = 8 or", "expected a condition after 'or'", "", true});
  check({"compare precision fp4 vs fp8 where framework in (sglang,", "expected a value after ','", "", true});
  check({"compare precision fp4 vs fp8 at 56,", "expected a target interactivity (tok/s/user) after ','", "", true});
  check({"compare precision fp4 vs fp8 at band 10%,", "expected a band percentage after ','", "", true});
  check({"compare precision fp4 vs fp8 show cost,", "expected a metric after ','", "", true});
  check({"compare precision fp4 vs fp8 as", "expected 'of' after 'as'", "", true});
  check({"compare precision fp4 vs fp8 as of", "expected a date (YYYY-MM-DD) after 'of'", "", true});
  check({"compare precision fp4 vs fp8 on date", "expected a date (YYYY-MM-DD) after 'date'", "", true});
  check({"compare precision fp4 vs fp8 at", "expected target interactivities (tok/s/user) after 'at'", "", true});
  check({"compare precision fp4 vs fp8 at interactivity", "expected target interactivities (tok/s/user) after 'interactivity'", "", true});
  check({"compare precision fp4 vs fp8 at 20..", "expected the end of the range after '..'", "", true});
  check({"compare precision fp4 vs fp8 at 20..60 step", "expected a step size after 'step'", "", true});
  check({"compare precision fp4 vs fp8 at band", "expected band percentages after 'band'", "", true});
  check({"compare precision fp4 vs fp8 show", "expected metrics after 'show'", "", true});
  check({"compare precision fp4 vs fp8 using", "expected prices, cost, dashboard or interactivity after 'using'", "", true});
  check({"compare precision fp4 vs fp8 using prices", "expected a price edition or tier after 'using prices'", "", true});
  check({"compare precision fp4 vs fp8 tokens", "expected total, output or input after 'tokens'", "", true});
  check({"compare (gpu h200) vs", "expected another side after 'vs': a parenthesised filter set or a let name", "", true});
  check({"compare (gpu h200", "expected ')'", "", true});
  check({"list", "expected what to list after 'list'", "", true});
  check({"describe", "expected what to describe after 'describe'", "", true});
  check({"describe gpu", "expected a name after 'gpu'", "", true});
}

TEST_CASE("error: mistakes in the middle are not at_end", "[grammar][errors]") {
  check({"compare precision fp4 fp8 on mi355x", "a comparison needs two or more sides: expected 'vs' after 'fp4'", "fp8", false});
  check({"compare precision fp4 vs fp8 on model dsr1", "expected a value after 'on'", "model", false});
  check({"compare precision fp4 vs fp8 as of 2026-13 model dsr1", "expected a date (YYYY-MM-DD) after 'of'", "2026-13", false});
  check({"compare precision fp4 vs fp8 as of yesterday", "expected a date (YYYY-MM-DD) after 'of'", "yesterday", false});
  check({"compare precision fp4 vs fp8 as at 2026-05-01", "expected 'of' after 'as'", "at", false});
  check({"compare precision fp4 vs fp8 where framework in sglang", "expected '(' and a list of values after 'in'", "sglang", false});
  check({"compare precision fp4 vs fp8 where framework in ()", "expected values inside 'in (…)'", ")", false});
  check({"compare precision fp4 vs fp8 where framework in (sglang vllm)", "expected ')'", "vllm", false});
  check({"compare precision fp4 vs fp8 where tp ~ 8", "expected a comparison after 'tp': =, !=, <, <=, >, >= or in (…)", "~", false});
  check({"compare precision fp4 vs fp8 where (tp = 8 model dsr1", "expected ')'", "model", false});
  check({"compare precision fp4 vs fp8 where = 8", "expected a condition after 'where'", "=", false});
  check({"compare precision fp4 vs fp8 at fast", "expected target interactivities (tok/s/user) after 'at'", "fast", false});
  check({"compare precision fp4 vs fp8 at 20.. step 5", "expected the end of the range after '..'", "step", false});
  check({"compare precision fp4 vs fp8 at 20..60 step x", "expected a step size after 'step'", "x", false});
  check({"compare precision fp4 vs fp8 at band high", "expected band percentages after 'band'", "high", false});
  check({"compare precision fp4 vs fp8 show , cost", "expected metrics after 'show'", ",", false});
  check({"compare precision fp4 vs fp8 using neocloud", "expected prices, cost, dashboard or interactivity after 'using'", "neocloud",
         false});
  check({"compare precision fp4 vs fp8 using prices show cost", "expected a price edition or tier after 'using prices'", "show", false});
  check({"compare precision fp4 vs (gpu b200)", "expected a value to compare after 'vs'", "(", false});
  check(
      {"compare (gpu h200) vs gpu b200", "expected another side after 'vs': a parenthesised filter set or a let name", "gpu b200", false});
  check({"compare () vs (gpu b200)", "expected filters inside the parentheses", ")", false});
  check({"compare (gpu h200) (gpu b200)", "a comparison needs two or more sides: expected 'vs' after ')'", "(gpu b200", false});
  check({"list ; list gpus", "expected what to list after 'list'", "; list", false});
  check({"describe gpu ; help", "expected a name after 'gpu'", "; help", false});
}

TEST_CASE("error: a bad date that looks like a date is the binder's job, not a syntax error", "[grammar][errors]") {
  // 2026-13-01 has the YYYY-MM-DD shape; the calendar check happens when the query is bound.
  const auto p = parse_ok("compare precision fp4 vs fp8 as of 2026-13-01");
  REQUIRE(p.statements.size() == 1);
}

TEST_CASE("error: the position is that of the first error only", "[grammar][errors]") {
  const std::string src = "list gpus\ncompare precision fp4 vs fp8 at x\ncomprae x";
  const auto e = parse_err(src);
  REQUIRE(e.offset == offset_of(src, "x\ncomprae"));
}

TEST_CASE("error: length covers the offending word", "[grammar][errors]") {
  const std::string q = "frobnicate-it compare precision fp4 vs fp8";
  const auto e = parse_err(q);
  REQUIRE(e.offset == 0);
  REQUIRE(e.length == std::string("frobnicate-it").size());
}
