// Filter clauses (with comma lists) and `where` expressions: and/or/not, parentheses, in/not in,
// every comparison operator.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "grammar_helpers.hpp"

using namespace icq_test;
using icq::ast::Compare;
using icq::ast::Expr;
using icq::ast::Word;

namespace {

std::vector<std::string> texts(const std::vector<Word>& ws) {
  std::vector<std::string> out;
  for (const auto& w : ws) out.push_back(w.text);
  return out;
}

// The single `where` expression of "compare precision fp4 vs fp8 where <expr>".
Expr where_of(const std::string& expr) {
  const Compare c = compare_of("compare precision fp4 vs fp8 where " + expr);
  REQUIRE(c.clauses.where.size() == 1);
  return c.clauses.where[0];
}

}  // namespace

TEST_CASE("filters: every filter keyword and its canonical key", "[grammar][filters]") {
  struct Case {
    const char* clause;
    const char* key;
  };
  for (const Case& k :
       {Case{"on mi355x", "gpu"}, Case{"gpu mi355x", "gpu"}, Case{"hardware mi355x", "gpu"}, Case{"model dsr1", "model"},
        Case{"precision fp8", "precision"}, Case{"framework sglang", "framework"}, Case{"family trt", "family"}, Case{"spec mtp", "spec"},
        Case{"seq 8k/1k", "seq"}, Case{"deployment disagg", "deployment"}, Case{"vendor amd", "vendor"}}) {
    INFO(k.clause);
    const Compare c = compare_of(std::string("compare precision fp4 vs fp8 ") + k.clause);
    REQUIRE(c.clauses.filters.size() == 1);
    REQUIRE(c.clauses.filters[0].key == k.key);
    REQUIRE(c.clauses.filters[0].values.size() == 1);
  }
}

TEST_CASE("filters: comma lists, with and without blanks", "[grammar][filters]") {
  const Compare c = compare_of("compare precision fp4 vs fp8 on b200, mi355x ,h200,gb200 framework sglang,dynamo-sglang");
  REQUIRE(c.clauses.filters.size() == 2);
  REQUIRE(texts(c.clauses.filters[0].values) == std::vector<std::string>{"b200", "mi355x", "h200", "gb200"});
  REQUIRE(texts(c.clauses.filters[1].values) == std::vector<std::string>{"sglang", "dynamo-sglang"});
}

TEST_CASE("filters: the same key twice gives two filters", "[grammar][filters]") {
  const Compare c = compare_of("compare precision fp4 vs fp8 on b200 on h200");
  REQUIRE(c.clauses.filters.size() == 2);
  REQUIRE(c.clauses.filters[1].values[0].text == "h200");
}

TEST_CASE("filters: names with '.', '-', '/', '_' and '+' are one value", "[grammar][filters]") {
  const Compare c = compare_of("compare precision fp4 vs fp8 model qwen3.5-397b seq 8k/1k framework dynamo-trt gpu mi355x-amds_0 spec a+b");
  REQUIRE(texts(c.clauses.filters[0].values) == std::vector<std::string>{"qwen3.5-397b"});
  REQUIRE(texts(c.clauses.filters[1].values) == std::vector<std::string>{"8k/1k"});
  REQUIRE(texts(c.clauses.filters[2].values) == std::vector<std::string>{"dynamo-trt"});
  REQUIRE(texts(c.clauses.filters[3].values) == std::vector<std::string>{"mi355x-amds_0"});
  REQUIRE(texts(c.clauses.filters[4].values) == std::vector<std::string>{"a+b"});
}

TEST_CASE("filters: a $parameter value", "[grammar][filters]") {
  const Compare c = compare_of("compare precision fp4 vs fp8 on $gpu");
  REQUIRE(c.clauses.filters[0].values[0].kind == Word::Kind::param);
  REQUIRE(c.clauses.filters[0].values[0].text == "gpu");
}

TEST_CASE("where: a single comparison", "[grammar][where]") {
  const Expr e = where_of("conc >= 16");
  REQUIRE(e.op == Expr::Op::compare);
  REQUIRE(e.field.text == "conc");
  REQUIRE(e.cmp == ">=");
  REQUIRE(texts(e.operands) == std::vector<std::string>{"16"});
  REQUIRE(e.operands[0].kind == Word::Kind::number);
}

TEST_CASE("where: every comparison operator, == and <> normalised", "[grammar][where]") {
  struct Case {
    const char* written;
    const char* normalised;
  };
  for (const Case& k : {Case{"=", "="}, Case{"==", "="}, Case{"!=", "!="}, Case{"<>", "!="}, Case{"<", "<"}, Case{"<=", "<="},
                        Case{">", ">"}, Case{">=", ">="}}) {
    INFO(k.written);
    const Expr spaced = where_of(std::string("tp ") + k.written + " 8");
    REQUIRE(spaced.op == Expr::Op::compare);
    REQUIRE(spaced.cmp == k.normalised);
    REQUIRE(spaced.operands[0].text == "8");
    const Expr tight = where_of(std::string("tp") + k.written + "8");
    REQUIRE(tight.cmp == k.normalised);
    REQUIRE(tight.field.text == "tp");
    REQUIRE(tight.operands[0].text == "8");
  }
}

TEST_CASE("where: and binds tighter than or", "[grammar][where]") {
  const Expr e = where_of("tp = 8 or tp = 4 and conc >= 16");
  REQUIRE(e.op == Expr::Op::or_);
  REQUIRE(e.children.size() == 2);
  REQUIRE(e.children[0].op == Expr::Op::compare);
  REQUIRE(e.children[0].operands[0].text == "8");
  REQUIRE(e.children[1].op == Expr::Op::and_);
  REQUIRE(e.children[1].children.size() == 2);
  REQUIRE(e.children[1].children[1].field.text == "conc");
}

TEST_CASE("where: a chain of ands is one node with all children", "[grammar][where]") {
  const Expr e = where_of("tp <= 8 and conc >= 16 and gpus = 8");
  REQUIRE(e.op == Expr::Op::and_);
  REQUIRE(e.children.size() == 3);
  REQUIRE(e.children[2].field.text == "gpus");
}

TEST_CASE("where: parentheses override precedence", "[grammar][where]") {
  const Expr e = where_of("(tp <= 8 or gpus = 16) and conc >= 4");
  REQUIRE(e.op == Expr::Op::and_);
  REQUIRE(e.children.size() == 2);
  REQUIRE(e.children[0].op == Expr::Op::or_);
  REQUIRE(e.children[0].children.size() == 2);
  REQUIRE(e.children[1].cmp == ">=");
  const Expr nested = where_of("((conc = 1))");
  REQUIRE(nested.op == Expr::Op::compare);
  REQUIRE(nested.field.text == "conc");
}

TEST_CASE("where: not", "[grammar][where]") {
  const Expr e = where_of("not framework = sglang");
  REQUIRE(e.op == Expr::Op::not_);
  REQUIRE(e.children.size() == 1);
  REQUIRE(e.children[0].op == Expr::Op::compare);
  REQUIRE(e.children[0].operands[0].text == "sglang");
  const Expr paren = where_of("not (tp = 8 or tp = 4) and conc > 2");
  REQUIRE(paren.op == Expr::Op::and_);
  REQUIRE(paren.children[0].op == Expr::Op::not_);
  REQUIRE(paren.children[0].children[0].op == Expr::Op::or_);
  const Expr twice = where_of("not not tp = 8");
  REQUIRE(twice.op == Expr::Op::not_);
  REQUIRE(twice.children[0].op == Expr::Op::not_);
}

TEST_CASE("where: in and not in lists", "[grammar][where]") {
  const Expr in = where_of("framework in (sglang, vllm,trt)");
  REQUIRE(in.op == Expr::Op::in);
  REQUIRE(in.field.text == "framework");
  REQUIRE(texts(in.operands) == std::vector<std::string>{"sglang", "vllm", "trt"});
  const Expr not_in = where_of("framework not in (sglang)");
  REQUIRE(not_in.op == Expr::Op::not_in);
  REQUIRE(texts(not_in.operands) == std::vector<std::string>{"sglang"});
  const Expr combined = where_of("framework in ( sglang , vllm ) and tp = 8");
  REQUIRE(combined.op == Expr::Op::and_);
  REQUIRE(combined.children[0].op == Expr::Op::in);
  REQUIRE(combined.children[0].operands.size() == 2);
}

TEST_CASE("where: operand kinds — number, date, quoted string, parameter, name", "[grammar][where]") {
  REQUIRE(where_of("date >= 2026-05-01").operands[0].kind == Word::Kind::date);
  REQUIRE(where_of("date >= 2026-05-01").operands[0].text == "2026-05-01");
  const Expr q = where_of("image = \"lmsysorg/sglang:v0.5.12 rocm\"");
  REQUIRE(q.operands[0].kind == Word::Kind::string);
  REQUIRE(q.operands[0].text == "lmsysorg/sglang:v0.5.12 rocm");
  const Expr p = where_of("conc >= $min_conc");
  REQUIRE(p.operands[0].kind == Word::Kind::param);
  REQUIRE(p.operands[0].text == "min_conc");
  REQUIRE(where_of("gpu = mi355x").operands[0].kind == Word::Kind::name);
  REQUIRE(where_of("conc > 1.5").operands[0].kind == Word::Kind::number);
}

TEST_CASE("where: keywords are case-insensitive", "[grammar][where]") {
  const Expr e = where_of("NOT tp = 8 AND framework IN (sglang) OR conc > 2");
  REQUIRE(e.op == Expr::Op::or_);
  REQUIRE(e.children[0].op == Expr::Op::and_);
  REQUIRE(e.children[0].children[0].op == Expr::Op::not_);
  REQUIRE(e.children[0].children[1].op == Expr::Op::in);
}

TEST_CASE("where: two where clauses are kept separately", "[grammar][where]") {
  const Compare c = compare_of("compare precision fp4 vs fp8 where tp <= 8 on mi355x where conc >= 16");
  REQUIRE(c.clauses.where.size() == 2);
  REQUIRE(c.clauses.where[0].field.text == "tp");
  REQUIRE(c.clauses.where[1].field.text == "conc");
  REQUIRE(c.clauses.filters.size() == 1);
}

TEST_CASE("where: the expression's span covers it", "[grammar][where]") {
  const std::string q = "compare precision fp4 vs fp8 where tp <= 8 and conc >= 16 on mi355x";
  const Compare c = compare_of(q);
  REQUIRE(text_at(q, c.clauses.where[0].span) == "tp <= 8 and conc >= 16");
  REQUIRE(text_at(q, c.clauses.where[0].children[1].span) == "conc >= 16");
}
