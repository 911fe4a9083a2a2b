// The clauses after the sides: as of / on date, targets (lists, ranges, band percentages), clamp,
// show with qualifiers, using prices, tokens.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "grammar_helpers.hpp"

using namespace icq_test;
using icq::ast::Compare;
using icq::ast::DateSelection;
using icq::ast::Targets;
using icq::ast::Word;

namespace {
Compare with(const std::string& clauses) { return compare_of("compare precision fp4 vs fp8 " + clauses); }
}  // namespace

TEST_CASE("date: as of", "[grammar][date]") {
  const std::string q = "compare precision fp4 vs fp8 as of 2026-05-01";
  const Compare c = compare_of(q);
  REQUIRE(c.clauses.date);
  REQUIRE(c.clauses.date->kind == DateSelection::Kind::as_of);
  REQUIRE(c.clauses.date->date.text == "2026-05-01");
  REQUIRE(c.clauses.date->date.kind == Word::Kind::date);
  REQUIRE(text_at(q, c.clauses.date->span) == "as of 2026-05-01");
  REQUIRE(c.clauses.filters.empty());
}

TEST_CASE("date: on date is a date selection, not a GPU filter", "[grammar][date]") {
  const Compare c = with("on date 2026-05-19 on mi355x");
  REQUIRE(c.clauses.date);
  REQUIRE(c.clauses.date->kind == DateSelection::Kind::on);
  REQUIRE(c.clauses.date->date.text == "2026-05-19");
  REQUIRE(c.clauses.filters.size() == 1);
  REQUIRE(c.clauses.filters[0].key == "gpu");
  REQUIRE(c.clauses.filters[0].values[0].text == "mi355x");
}

TEST_CASE("date: keywords case-insensitive", "[grammar][date]") {
  REQUIRE(with("AS OF 2026-05-01").clauses.date->kind == DateSelection::Kind::as_of);
  REQUIRE(with("On Date 2026-05-01").clauses.date->kind == DateSelection::Kind::on);
}

TEST_CASE("targets: a list of interactivities, with or without the keyword", "[grammar][targets]") {
  const Compare c = with("at interactivity 56, 98 ,139");
  REQUIRE(c.clauses.targets->kind == Targets::Kind::interactivity);
  REQUIRE(c.clauses.targets->items.size() == 3);
  REQUIRE(c.clauses.targets->items[1].value.text == "98");
  REQUIRE_FALSE(c.clauses.targets->items[0].to);
  const Compare bare = with("at 56");
  REQUIRE(bare.clauses.targets->kind == Targets::Kind::interactivity);
  REQUIRE(bare.clauses.targets->items.size() == 1);
  REQUIRE(bare.clauses.targets->items[0].value.text == "56");
  const Compare dec = with("at 12.5, 40");
  REQUIRE(dec.clauses.targets->items[0].value.text == "12.5");
  REQUIRE(dec.clauses.targets->items[0].value.kind == Word::Kind::number);
}

TEST_CASE("targets: ranges with and without a step", "[grammar][targets]") {
  const Compare stepped = with("at interactivity 20..200 step 20");
  REQUIRE(stepped.clauses.targets->items.size() == 1);
  const auto& s = stepped.clauses.targets->items[0];
  REQUIRE(s.value.text == "20");
  REQUIRE(s.to->text == "200");
  REQUIRE(s.step->text == "20");
  const Compare plain = with("at 20..60");
  const auto& p = plain.clauses.targets->items[0];
  REQUIRE(p.value.text == "20");
  REQUIRE(p.to->text == "60");
  REQUIRE_FALSE(p.step);
  const Compare spaced = with("at 20 .. 60 step 5");
  REQUIRE(spaced.clauses.targets->items[0].to->text == "60");
  REQUIRE(spaced.clauses.targets->items[0].step->text == "5");
  const Compare mixed = with("at 10..50 step 10, 75, 80..90");
  REQUIRE(mixed.clauses.targets->items.size() == 3);
  REQUIRE(mixed.clauses.targets->items[0].step->text == "10");
  REQUIRE(mixed.clauses.targets->items[1].value.text == "75");
  REQUIRE_FALSE(mixed.clauses.targets->items[1].to);
  REQUIRE(mixed.clauses.targets->items[2].to->text == "90");
}

TEST_CASE("targets: band percentages", "[grammar][targets]") {
  const Compare c = with("at band 10%, 50%, 90%");
  REQUIRE(c.clauses.targets->kind == Targets::Kind::band);
  REQUIRE(c.clauses.targets->items.size() == 3);
  REQUIRE(c.clauses.targets->items[0].value.text == "10");
  REQUIRE(c.clauses.targets->items[2].value.text == "90");
  const Compare no_sign = with("at band 25, 75");
  REQUIRE(no_sign.clauses.targets->kind == Targets::Kind::band);
  REQUIRE(no_sign.clauses.targets->items.size() == 2);
  REQUIRE(no_sign.clauses.targets->items[1].value.text == "75");
  const Compare spaced = with("at band 33.3 %");
  REQUIRE(spaced.clauses.targets->items[0].value.text == "33.3");
}

TEST_CASE("targets: parameters", "[grammar][targets]") {
  const Compare c = with("at interactivity $target, $lo..$hi step $s");
  const auto& items = c.clauses.targets->items;
  REQUIRE(items.size() == 2);
  REQUIRE(items[0].value.kind == Word::Kind::param);
  REQUIRE(items[0].value.text == "target");
  REQUIRE(items[1].to->text == "hi");
  REQUIRE(items[1].step->kind == Word::Kind::param);
}

TEST_CASE("clamp", "[grammar][clamp]") {
  const std::string q = "compare precision fp4 vs fp8 at 300 clamp show throughput";
  const Compare c = compare_of(q);
  REQUIRE(c.clauses.clamp);
  REQUIRE(text_at(q, *c.clauses.clamp) == "clamp");
  REQUIRE_FALSE(with("at 300").clauses.clamp);
  REQUIRE(with("CLAMP").clauses.clamp);
}

TEST_CASE("show: metrics with qualifiers", "[grammar][show]") {
  const std::string q = "compare precision fp4 vs fp8 show ttft p99, throughput output, tpot p99.9, cost, e2el median, itl mean";
  const Compare c = compare_of(q);
  const auto& s = c.clauses.show;
  REQUIRE(s.size() == 6);
  REQUIRE(s[0].name.text == "ttft");
  REQUIRE(s[0].qualifier->text == "p99");
  REQUIRE(s[1].name.text == "throughput");
  REQUIRE(s[1].qualifier->text == "output");
  REQUIRE(s[2].name.text == "tpot");
  REQUIRE(s[2].qualifier->text == "p99.9");
  REQUIRE(s[3].name.text == "cost");
  REQUIRE_FALSE(s[3].qualifier);
  REQUIRE(s[4].qualifier->text == "median");
  REQUIRE(s[5].qualifier->text == "mean");
  REQUIRE(text_at(q, s[2].span) == "tpot p99.9");
  REQUIRE(text_at(q, c.clauses.show_span) == "show ttft p99, throughput output, tpot p99.9, cost, e2el median, itl mean");
}

TEST_CASE("show: qualifiers are case-insensitive — input/total — p90", "[grammar][show]") {
  const Compare c = with("show TTFT P99, throughput INPUT, throughput total, ttft p90");
  REQUIRE(c.clauses.show.size() == 4);
  REQUIRE(c.clauses.show[0].qualifier->text == "P99");
  REQUIRE(c.clauses.show[1].qualifier->text == "INPUT");
  REQUIRE(c.clauses.show[2].qualifier->text == "total");
  REQUIRE(c.clauses.show[3].qualifier->text == "p90");
}

TEST_CASE("show: a word that is not a qualifier is not swallowed", "[grammar][show]") {
  // "cost model dsr1": model is the next clause, not a qualifier of cost.
  const Compare c = with("show cost model dsr1");
  REQUIRE(c.clauses.show.size() == 1);
  REQUIRE_FALSE(c.clauses.show[0].qualifier);
  REQUIRE(c.clauses.filters.size() == 1);
  REQUIRE(c.clauses.filters[0].key == "model");
  // A qualifier needs its own word boundary: "outputs" is not "output" (it is left as a name).
  const Compare o = with("show throughput outputs");
  REQUIRE_FALSE(o.clauses.show.at(0).qualifier);
  REQUIRE(o.clauses.lets.at(0).text == "outputs");
}

TEST_CASE("using prices: one and two words", "[grammar][prices]") {
  const auto words = [](const Compare& c) { return c.clauses.usings.at(0).words; };
  const Compare one = with("using prices 2026-04");
  REQUIRE(one.clauses.usings.size() == 1);
  REQUIRE(one.clauses.usings[0].kind == icq::ast::Using::Kind::prices);
  REQUIRE(words(one).size() == 1);
  REQUIRE(words(one)[0].text == "2026-04");
  const Compare tier = with("using prices neocloud");
  REQUIRE(words(tier).size() == 1);
  REQUIRE(words(tier)[0].text == "neocloud");
  const Compare two = with("using prices 2026-04 neocloud show cost");
  REQUIRE(words(two).size() == 2);
  REQUIRE(words(two)[0].text == "2026-04");
  REQUIRE(words(two)[1].text == "neocloud");
  REQUIRE(two.clauses.show.size() == 1);  // "show" starts the next clause
  const Compare comma = with("using prices rental, 2026-07");
  REQUIRE(words(comma).size() == 2);
  REQUIRE(words(comma)[1].text == "2026-07");
}

TEST_CASE("using: cost, dashboard and interactivity items follow each other", "[grammar][using]") {
  using K = icq::ast::Using::Kind;
  const Compare c = with("using prices 2026-04 using cost splined using dashboard 2026-07-15 using interactivity p90 show cost");
  REQUIRE(c.clauses.usings.size() == 4);
  REQUIRE(c.clauses.usings[0].kind == K::prices);
  REQUIRE(c.clauses.usings[1].kind == K::cost);
  REQUIRE(c.clauses.usings[1].words.at(0).text == "splined");
  REQUIRE(c.clauses.usings[2].kind == K::dashboard);
  REQUIRE(c.clauses.usings[2].words.at(0).text == "2026-07-15");
  REQUIRE(c.clauses.usings[3].kind == K::interactivity);
  REQUIRE(c.clauses.usings[3].words.at(0).text == "p90");
  REQUIRE(c.clauses.show.size() == 1);
}

TEST_CASE("a clause given twice is an error at the second", "[grammar][repeated]") {
  const std::string base = "compare precision fp4 vs fp8 on b200 ";
  for (const auto& [tail, second] :
       std::vector<std::pair<std::string, std::string>>{{"at 50 at 60", "at 60"},
                                                        {"as of 2026-05-01 on date 2026-05-19", "on date 2026-05-19"},
                                                        {"clamp clamp", "clamp"},
                                                        {"using cost splined using cost derived", "cost derived"},
                                                        {"using dashboard 2026-07-15 using dashboard 2026-09-01", "dashboard 2026-09-01"},
                                                        {"using interactivity p90 using interactivity p50", "interactivity p50"},
                                                        {"tokens output tokens input", "tokens input"}}) {
    const std::string text = base + tail;
    const auto r = icq::grammar::parse(text);
    INFO(text);
    const auto* e = std::get_if<icq::ast::SyntaxError>(&r);
    REQUIRE(e);
    REQUIRE(e->message.find("is given twice") != std::string::npos);
    REQUIRE(text.substr(e->offset, e->length) == second);
  }
}

TEST_CASE("tokens", "[grammar][tokens]") {
  const Compare c = with("tokens output show cost");
  REQUIRE(c.clauses.tokens);
  REQUIRE(c.clauses.tokens->text == "output");
  REQUIRE(c.clauses.show.size() == 1);
  REQUIRE_FALSE(with("show cost").clauses.tokens);
}

TEST_CASE("all clauses together", "[grammar][clauses]") {
  const Compare c = with(
      "on mi355x model dsr1 seq 8k/1k where conc >= 4 as of 2026-06-01 at band 25%, 75% clamp "
      "show cost, throughput output using prices 2026-04 rental tokens output");
  REQUIRE(c.clauses.filters.size() == 3);
  REQUIRE(c.clauses.where.size() == 1);
  REQUIRE(c.clauses.date->kind == DateSelection::Kind::as_of);
  REQUIRE(c.clauses.targets->kind == Targets::Kind::band);
  REQUIRE(c.clauses.clamp);
  REQUIRE(c.clauses.show.size() == 2);
  REQUIRE(c.clauses.usings.at(0).words.size() == 2);
  REQUIRE(c.clauses.tokens->text == "output");
}
