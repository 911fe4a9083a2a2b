// compare: every example of LANGUAGE.md's compare block, and each form a side can take.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "grammar_helpers.hpp"

using namespace icq_test;
using icq::ast::Compare;
using icq::ast::Word;

namespace {

std::vector<std::string> side_values(const Compare& c) {
  std::vector<std::string> out;
  for (const auto& s : c.sides) out.push_back(s.value ? s.value->text : "(filters)");
  return out;
}

std::vector<std::string> filter_keys(const std::vector<icq::ast::Filter>& fs) {
  std::vector<std::string> out;
  for (const auto& f : fs) out.push_back(f.key);
  return out;
}

std::vector<std::string> values_of(const icq::ast::Filter& f) {
  std::vector<std::string> out;
  for (const auto& w : f.values) out.push_back(w.text);
  return out;
}

// LANGUAGE.md, "compare — the heart", verbatim.
const char* const kLanguageExamples[] = {
    "compare precision fp4 vs fp8 on MI355X model qwen3.5-397b at interactivity 56,98,139 show cost,throughput",
    "compare spec mtp vs off on mi355x precision fp4 model dsr1          -- targets default to the band's 25/50/75 %",
    "compare gpu b200 vs mi355x vs h200 model dsr1 precision fp8 seq 8k/1k show throughput, cost, power, concurrency",
    "compare framework sglang vs trt on b200 model dsr1 seq 1k/1k",
    "compare deployment disagg vs single-node on gb200 model dsr1 precision fp4",
    "compare date 2026-02-20 vs 2026-04-16 vs 2026-05-19 on mi355x model qwen3.5 precision fp8 seq 8k/1k at interactivity 20..60 step 10",
    "compare (gpu h200 precision fp8) vs (gpu b200 precision fp4) model glm5 seq 8k/1k show cost",
};

}  // namespace

TEST_CASE("LANGUAGE.md compare examples: each parses on its own", "[grammar][compare]") {
  for (const char* ex : kLanguageExamples) {
    INFO(ex);
    const auto p = parse_ok(ex);
    REQUIRE(p.statements.size() == 1);
    REQUIRE(std::holds_alternative<Compare>(p.statements[0].body));
  }
}

TEST_CASE("LANGUAGE.md compare examples: the whole block is seven statements", "[grammar][compare]") {
  std::string block;
  for (const char* ex : kLanguageExamples) block += std::string(ex) + "\n";
  const auto p = parse_ok(block);
  REQUIRE(p.statements.size() == 7);
  for (std::size_t i = 0; i < 7; ++i) {
    INFO("statement " << i);
    REQUIRE(std::holds_alternative<Compare>(p.statements[i].body));
    REQUIRE(block.substr(p.statements[i].span.begin, p.statements[i].span.end - p.statements[i].span.begin) == p.statements[i].text);
  }
}

TEST_CASE("example 1: precision fp4 vs fp8, filters, targets and show", "[grammar][compare]") {
  const std::string q = kLanguageExamples[0];
  const Compare c = compare_of(q);
  REQUIRE(c.dimension);
  REQUIRE(c.dimension->text == "precision");
  REQUIRE(side_values(c) == std::vector<std::string>{"fp4", "fp8"});
  REQUIRE(c.sides[0].span.begin == offset_of(q, "fp4"));
  REQUIRE(c.sides[1].value->span.begin == offset_of(q, "fp8"));
  REQUIRE(c.sides[1].value->span.end == offset_of(q, "fp8") + 3);
  REQUIRE(filter_keys(c.clauses.filters) == std::vector<std::string>{"gpu", "model"});
  REQUIRE(values_of(c.clauses.filters[0]) == std::vector<std::string>{"MI355X"});  // as written; the binder resolves
  REQUIRE(values_of(c.clauses.filters[1]) == std::vector<std::string>{"qwen3.5-397b"});
  REQUIRE(c.clauses.filters[0].key_span.begin == offset_of(q, " on ") + 1);
  REQUIRE(c.clauses.filters[0].key_span.end == offset_of(q, " on ") + 3);
  REQUIRE(c.clauses.targets);
  REQUIRE(c.clauses.targets->kind == icq::ast::Targets::Kind::interactivity);
  REQUIRE(c.clauses.targets->items.size() == 3);
  REQUIRE(c.clauses.targets->items[0].value.text == "56");
  REQUIRE(c.clauses.targets->items[0].value.kind == Word::Kind::number);
  REQUIRE(c.clauses.targets->items[2].value.text == "139");
  REQUIRE(c.clauses.show.size() == 2);
  REQUIRE(c.clauses.show[0].name.text == "cost");
  REQUIRE(c.clauses.show[1].name.text == "throughput");
  REQUIRE_FALSE(c.clauses.show[0].qualifier);
  REQUIRE_FALSE(c.clauses.clamp);
  REQUIRE_FALSE(c.clauses.date);
}

TEST_CASE("example 2: spec mtp vs off, trailing comment, no targets", "[grammar][compare]") {
  const Compare c = compare_of(kLanguageExamples[1]);
  REQUIRE(c.dimension->text == "spec");
  REQUIRE(side_values(c) == std::vector<std::string>{"mtp", "off"});
  REQUIRE(filter_keys(c.clauses.filters) == std::vector<std::string>{"gpu", "precision", "model"});
  REQUIRE_FALSE(c.clauses.targets);
  REQUIRE(c.clauses.show.empty());
}

TEST_CASE("example 3: three gpu sides and four metrics", "[grammar][compare]") {
  const Compare c = compare_of(kLanguageExamples[2]);
  REQUIRE(c.dimension->text == "gpu");
  REQUIRE(side_values(c) == std::vector<std::string>{"b200", "mi355x", "h200"});
  REQUIRE(filter_keys(c.clauses.filters) == std::vector<std::string>{"model", "precision", "seq"});
  REQUIRE(values_of(c.clauses.filters[2]) == std::vector<std::string>{"8k/1k"});
  REQUIRE(c.clauses.show.size() == 4);
  REQUIRE(c.clauses.show[3].name.text == "concurrency");
}

TEST_CASE("example 4: framework sides, seq 1k/1k", "[grammar][compare]") {
  const Compare c = compare_of(kLanguageExamples[3]);
  REQUIRE(c.dimension->text == "framework");
  REQUIRE(side_values(c) == std::vector<std::string>{"sglang", "trt"});
  REQUIRE(filter_keys(c.clauses.filters) == std::vector<std::string>{"gpu", "model", "seq"});
  REQUIRE(values_of(c.clauses.filters[2]) == std::vector<std::string>{"1k/1k"});
}

TEST_CASE("example 5: deployment disagg vs single-node", "[grammar][compare]") {
  const Compare c = compare_of(kLanguageExamples[4]);
  REQUIRE(c.dimension->text == "deployment");
  REQUIRE(side_values(c) == std::vector<std::string>{"disagg", "single-node"});
  REQUIRE(filter_keys(c.clauses.filters) == std::vector<std::string>{"gpu", "model", "precision"});
}

TEST_CASE("example 6: date sides and a stepped target range", "[grammar][compare]") {
  const Compare c = compare_of(kLanguageExamples[5]);
  REQUIRE(c.dimension->text == "date");
  REQUIRE(side_values(c) == std::vector<std::string>{"2026-02-20", "2026-04-16", "2026-05-19"});
  for (const auto& s : c.sides) REQUIRE(s.value->kind == Word::Kind::date);
  REQUIRE(filter_keys(c.clauses.filters) == std::vector<std::string>{"gpu", "model", "precision", "seq"});
  REQUIRE(c.clauses.targets->items.size() == 1);
  const auto& item = c.clauses.targets->items[0];
  REQUIRE(item.value.text == "20");
  REQUIRE(item.to);
  REQUIRE(item.to->text == "60");
  REQUIRE(item.step);
  REQUIRE(item.step->text == "10");
}

TEST_CASE("example 7: parenthesised filter-set sides", "[grammar][compare]") {
  const std::string q = kLanguageExamples[6];
  const Compare c = compare_of(q);
  REQUIRE_FALSE(c.dimension);
  REQUIRE(c.sides.size() == 2);
  REQUIRE_FALSE(c.sides[0].value);
  REQUIRE(filter_keys(c.sides[0].filters) == std::vector<std::string>{"gpu", "precision"});
  REQUIRE(values_of(c.sides[0].filters[0]) == std::vector<std::string>{"h200"});
  REQUIRE(values_of(c.sides[0].filters[1]) == std::vector<std::string>{"fp8"});
  REQUIRE(values_of(c.sides[1].filters[0]) == std::vector<std::string>{"b200"});
  REQUIRE(values_of(c.sides[1].filters[1]) == std::vector<std::string>{"fp4"});
  REQUIRE(text_at(q, c.sides[0].span) == "(gpu h200 precision fp8)");
  REQUIRE(text_at(q, c.sides[1].span) == "(gpu b200 precision fp4)");
  // Shared clauses after the sides are not side filters.
  REQUIRE(filter_keys(c.clauses.filters) == std::vector<std::string>{"model", "seq"});
  REQUIRE(c.clauses.show.size() == 1);
}

TEST_CASE("dimension sides: every dimension keyword", "[grammar][compare]") {
  struct Case {
    const char* query;
    const char* dimension;
    std::vector<std::string> sides;
  };
  const std::vector<Case> cases = {
      {"compare precision fp4 vs fp8", "precision", {"fp4", "fp8"}},
      {"compare spec mtp vs none", "spec", {"mtp", "none"}},
      {"compare gpu b200 vs h200", "gpu", {"b200", "h200"}},
      {"compare hardware b200 vs h200", "hardware", {"b200", "h200"}},
      {"compare framework dynamo-trt vs dynamo-sglang", "framework", {"dynamo-trt", "dynamo-sglang"}},
      {"compare family sglang vs trt", "family", {"sglang", "trt"}},
      {"compare deployment disagg vs agg", "deployment", {"disagg", "agg"}},
      {"compare vendor nvidia vs amd", "vendor", {"nvidia", "amd"}},
      {"compare seq 1k/1k vs 8k/1k vs 1k/8k", "seq", {"1k/1k", "8k/1k", "1k/8k"}},
      {"compare model dsr1 vs qwen3.5-397b", "model", {"dsr1", "qwen3.5-397b"}},
      {"compare date 2026-04-16 vs 2026-05-19", "date", {"2026-04-16", "2026-05-19"}},
  };
  for (const auto& k : cases) {
    INFO(k.query);
    const Compare c = compare_of(k.query);
    REQUIRE(c.dimension->text == k.dimension);
    REQUIRE(side_values(c) == k.sides);
  }
}

TEST_CASE("dimension sides: four sides", "[grammar][compare]") {
  const Compare c = compare_of("compare gpu b200 vs b300 vs gb200 vs gb300 model dsr1");
  REQUIRE(side_values(c) == std::vector<std::string>{"b200", "b300", "gb200", "gb300"});
}

TEST_CASE("dimension sides: values that look like keywords but are longer are values", "[grammar][compare]") {
  // "onyx" starts with the keyword "on", "models" with "model", "vsx" with "vs": keywords need a
  // word boundary.
  const Compare c = compare_of("compare gpu onyx vs models vs vsx");
  REQUIRE(side_values(c) == std::vector<std::string>{"onyx", "models", "vsx"});
  REQUIRE(c.clauses.filters.empty());
}

TEST_CASE("parenthesised sides: three sides with where and date clauses inside", "[grammar][compare]") {
  const std::string q =
      "compare (gpu h200 where tp <= 8) vs (gpu b200 as of 2026-05-01) vs (on mi355x on date 2026-05-19 precision fp8, fp4) "
      "model dsr1";
  const Compare c = compare_of(q);
  REQUIRE_FALSE(c.dimension);
  REQUIRE(c.sides.size() == 3);
  REQUIRE(c.sides[0].where.size() == 1);
  REQUIRE(c.sides[0].where[0].field.text == "tp");
  REQUIRE(c.sides[0].where[0].cmp == "<=");
  REQUIRE_FALSE(c.sides[0].date);
  REQUIRE(c.sides[1].date);
  REQUIRE(c.sides[1].date->kind == icq::ast::DateSelection::Kind::as_of);
  REQUIRE(c.sides[1].date->date.text == "2026-05-01");
  REQUIRE(c.sides[2].date);
  REQUIRE(c.sides[2].date->kind == icq::ast::DateSelection::Kind::on);
  REQUIRE(c.sides[2].date->date.text == "2026-05-19");
  REQUIRE(filter_keys(c.sides[2].filters) == std::vector<std::string>{"gpu", "precision"});
  REQUIRE(values_of(c.sides[2].filters[1]) == std::vector<std::string>{"fp8", "fp4"});
  REQUIRE(filter_keys(c.clauses.filters) == std::vector<std::string>{"model"});
  REQUIRE(c.clauses.where.empty());
  REQUIRE_FALSE(c.clauses.date);
}

TEST_CASE("parenthesised sides: blanks inside the parentheses", "[grammar][compare]") {
  const Compare c = compare_of("compare (  gpu h200  ) vs (gpu b200)");
  REQUIRE(c.sides.size() == 2);
  REQUIRE(values_of(c.sides[0].filters[0]) == std::vector<std::string>{"h200"});
}

TEST_CASE("compare: clauses come in any order", "[grammar][compare]") {
  const Compare a = compare_of("compare precision fp4 vs fp8 show cost at 50 model dsr1 on mi355x clamp where conc >= 4");
  const Compare b = compare_of("compare precision fp4 vs fp8 where conc >= 4 on mi355x clamp model dsr1 at 50 show cost");
  REQUIRE(a.clauses.filters.size() == 2);
  REQUIRE(b.clauses.filters.size() == 2);
  REQUIRE(a.clauses.where.size() == 1);
  REQUIRE(b.clauses.where.size() == 1);
  REQUIRE(a.clauses.clamp);
  REQUIRE(b.clauses.clamp);
  REQUIRE(a.clauses.targets->items[0].value.text == "50");
  REQUIRE(b.clauses.show[0].name.text == "cost");
}
