// Programs: list/describe/help, comments, ';' and newline separators, backslash-newline
// continuation, case-insensitive keywords, statement spans and text.
#include <catch2/catch.hpp>

#include <algorithm>
#include <string>
#include <vector>

#include "grammar_helpers.hpp"
#include "keywords.hpp"

using namespace icq_test;
using icq::ast::Compare;
using icq::ast::Describe;
using icq::ast::Help;
using icq::ast::List;

TEST_CASE("list: what, optional 'for', clauses", "[grammar][list]") {
  {
    const auto p = parse_ok("list gpus");
    REQUIRE(p.statements.size() == 1);
    const auto& l = std::get<List>(p.statements[0].body);
    REQUIRE(l.what.text == "gpus");
    REQUIRE(l.clauses.filters.empty());
  }
  {
    const auto p = parse_ok("list dates for model dsr1 on mi355x");
    const auto& l = std::get<List>(p.statements[0].body);
    REQUIRE(l.what.text == "dates");
    REQUIRE(l.clauses.filters.size() == 2);
    REQUIRE(l.clauses.filters[0].key == "model");
    REQUIRE(l.clauses.filters[1].key == "gpu");
  }
  {
    const auto p = parse_ok("list models where conc >= 16");
    const auto& l = std::get<List>(p.statements[0].body);
    REQUIRE(l.clauses.where.size() == 1);
  }
  for (const char* what : {"gpus", "models", "precisions", "frameworks", "families", "specs", "deployments", "vendors", "sequences",
                           "dates", "metrics", "editions"}) {
    INFO(what);
    const auto p = parse_ok(std::string("list ") + what);
    REQUIRE(std::get<List>(p.statements[0].body).what.text == what);
  }
}

TEST_CASE("describe: kind and name", "[grammar][describe]") {
  struct Case {
    const char *query, *kind, *name;
  };
  for (const Case& k : {Case{"describe gpu mi355x", "gpu", "mi355x"}, Case{"describe model dsr1", "model", "dsr1"},
                        Case{"describe metric cost", "metric", "cost"}, Case{"describe model qwen3.5-397b", "model", "qwen3.5-397b"},
                        Case{"describe edition 2026-04", "edition", "2026-04"}, Case{"describe date 2026-05-01", "date", "2026-05-01"}}) {
    INFO(k.query);
    const auto p = parse_ok(k.query);
    const auto& d = std::get<Describe>(p.statements[0].body);
    REQUIRE(d.kind.text == k.kind);
    REQUIRE(d.name.text == k.name);
  }
}

TEST_CASE("help: with and without a topic", "[grammar][help]") {
  const auto bare = parse_ok("help");
  REQUIRE_FALSE(std::get<Help>(bare.statements[0].body).topic);
  const auto topic = parse_ok("help compare");
  REQUIRE(std::get<Help>(topic.statements[0].body).topic->text == "compare");
  const auto kw = parse_ok("HELP where");
  REQUIRE(std::get<Help>(kw.statements[0].body).topic->text == "where");
}

TEST_CASE("empty programs", "[grammar][program]") {
  REQUIRE(parse_ok("").statements.empty());
  REQUIRE(parse_ok("   \n\n\t\n").statements.empty());
  REQUIRE(parse_ok(";;;").statements.empty());
  REQUIRE(parse_ok("-- only a comment").statements.empty());
  REQUIRE(parse_ok("# only a comment\n# and another\n").statements.empty());
}

TEST_CASE("comments: -- and # to the end of the line", "[grammar][program]") {
  const auto p = parse_ok("# a script\nlist gpus -- all of them\n-- a whole-line comment\nhelp # trailing\n");
  REQUIRE(p.statements.size() == 2);
  REQUIRE(p.statements[0].text == "list gpus");
  REQUIRE(std::holds_alternative<Help>(p.statements[1].body));
  // A comment inside a compare, between clauses, ends the statement at the newline.
  const Compare c = compare_of("compare precision fp4 vs fp8 -- the two precisions\n");
  REQUIRE(c.sides.size() == 2);
}

TEST_CASE("separators: semicolons and newlines", "[grammar][program]") {
  const auto p = parse_ok("list gpus; list models\nhelp;describe gpu mi355x\r\n\r\nlist dates");
  REQUIRE(p.statements.size() == 5);
  REQUIRE(std::get<List>(p.statements[0].body).what.text == "gpus");
  REQUIRE(std::get<List>(p.statements[1].body).what.text == "models");
  REQUIRE(std::holds_alternative<Help>(p.statements[2].body));
  REQUIRE(std::get<Describe>(p.statements[3].body).name.text == "mi355x");
  REQUIRE(std::get<List>(p.statements[4].body).what.text == "dates");
}

TEST_CASE("statements carry their span and text", "[grammar][program]") {
  const std::string src = "list gpus ;  compare precision fp4 vs fp8 on mi355x  \nhelp";
  const auto p = parse_ok(src);
  REQUIRE(p.statements.size() == 3);
  REQUIRE(p.statements[0].text == "list gpus");
  REQUIRE(p.statements[0].span.begin == 0);
  REQUIRE(p.statements[1].text == "compare precision fp4 vs fp8 on mi355x");
  REQUIRE(p.statements[1].span.begin == offset_of(src, "compare"));
  REQUIRE(p.statements[2].span.begin == offset_of(src, "help"));
}

TEST_CASE("continuation: backslash-newline joins lines", "[grammar][program]") {
  const std::string src = "compare precision fp4 vs fp8 \\\n  on mi355x \\  \n  model dsr1\nlist gpus";
  const auto p = parse_ok(src);
  REQUIRE(p.statements.size() == 2);
  const auto& c = std::get<Compare>(p.statements[0].body);
  REQUIRE(c.clauses.filters.size() == 2);
  REQUIRE(c.clauses.filters[0].values[0].text == "mi355x");
  REQUIRE(c.clauses.filters[1].values[0].text == "dsr1");
  // Inside a comma list and before a side, too.
  const Compare list = compare_of("compare gpu b200 vs \\\n h200 on b200, \\\n h200");
  REQUIRE(list.sides.size() == 2);
  REQUIRE(list.clauses.filters[0].values.size() == 2);
}

TEST_CASE("without a continuation a newline ends the statement", "[grammar][program]") {
  const std::string src = "compare precision fp4 vs fp8\non mi355x";
  const auto e = parse_err(src);
  REQUIRE(e.message == "unknown statement 'on'");
  REQUIRE(e.offset == offset_of(src, "on mi355x"));
  REQUIRE(e.length == 2);
  REQUIRE_FALSE(e.at_end);
}

TEST_CASE("keywords are case-insensitive — names keep their spelling", "[grammar][program]") {
  const std::string q = "COMPARE Precision FP4 VS fp8 ON MI355X Model DSR1 AT INTERACTIVITY 50 SHOW Cost";
  const Compare c = compare_of(q);
  REQUIRE(c.dimension->text == "precision");  // the dimension is lower-cased
  REQUIRE(c.sides[0].value->text == "FP4");
  REQUIRE(c.clauses.filters[0].key == "gpu");
  REQUIRE(c.clauses.filters[0].values[0].text == "MI355X");
  REQUIRE(c.clauses.filters[1].key == "model");
  REQUIRE(c.clauses.targets->items[0].value.text == "50");
  REQUIRE(c.clauses.show[0].name.text == "Cost");
  const auto p = parse_ok("LIST Gpus; Describe GPU mi355x; HeLp");
  REQUIRE(p.statements.size() == 3);
}

TEST_CASE("the keyword lists for suggestions and completion", "[grammar][program]") {
  const auto& st = icq::grammar::statement_keywords();
  REQUIRE(st == std::vector<std::string>{"compare", "rank", "crossover", "frontier", "points", "trend", "accuracy", "set", "let", "param",
                                         "load", "explain", "plot", "expect", "list", "describe", "help"});
  const auto& cl = icq::grammar::clause_keywords();
  REQUIRE(std::find(cl.begin(), cl.end(), "model") != cl.end());
  REQUIRE(std::find(cl.begin(), cl.end(), "where") != cl.end());
  REQUIRE(std::find(cl.begin(), cl.end(), "compare") == cl.end());
  const auto& dim = icq::grammar::dimension_keywords();
  REQUIRE(std::find(dim.begin(), dim.end(), "precision") != dim.end());
  REQUIRE(std::find(dim.begin(), dim.end(), "date") != dim.end());
}

TEST_CASE("explain and plot take exactly the statements their keyword list names", "[grammar][program]") {
  const auto& ex = icq::grammar::explainable_keywords();
  CHECK(ex == std::vector<std::string>{"compare", "rank", "crossover", "frontier", "points", "trend", "accuracy"});
  for (const auto& d : icq::grammar::statement_docs())
    for (const char* example : d.examples)
      for (const char* word : {"explain ", "plot "}) {
        const std::string text = word + std::string(example);
        INFO(text);
        const auto r = icq::grammar::parse(text);
        CHECK(std::holds_alternative<icq::ast::Program>(r) == d.explainable);
      }
  const auto plotted = icq::grammar::parse("plot compare precision fp4 vs fp8 on mi355x");
  REQUIRE(std::holds_alternative<icq::ast::Program>(plotted));
  const auto& body = std::get<icq::ast::Program>(plotted).statements.front().body;
  REQUIRE(std::holds_alternative<icq::ast::Plot>(body));
  CHECK(std::holds_alternative<icq::ast::Compare>(std::get<icq::ast::Plot>(body).inner.front().body));
}
