// text: case folding, edit distance (optimal string alignment) and "did you mean" ranking.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "text/text.hpp"

using namespace icq::text;

TEST_CASE("lower/upper/iequals/starts_with_icase", "[text]") {
  REQUIRE(lower("MI355X") == "mi355x");
  REQUIRE(upper("qwen3.5-397b") == "QWEN3.5-397B");
  REQUIRE(iequals("Compare", "cOMPARE"));
  REQUIRE_FALSE(iequals("compare", "compar"));
  REQUIRE_FALSE(iequals("fp4", "fp8"));
  REQUIRE(starts_with_icase("MI355X", "mi3"));
  REQUIRE_FALSE(starts_with_icase("mi3", "mi355x"));
}

TEST_CASE("edit_distance: insertions, deletions, substitutions", "[text]") {
  REQUIRE(edit_distance("", "") == 0);
  REQUIRE(edit_distance("abc", "abc") == 0);
  REQUIRE(edit_distance("", "abc") == 3);
  REQUIRE(edit_distance("abc", "") == 3);
  REQUIRE(edit_distance("kitten", "sitting") == 3);
  REQUIRE(edit_distance("fp9", "fp8") == 1);
  REQUIRE(edit_distance("mi350x", "mi355x") == 1);
  REQUIRE(edit_distance("compar", "compare") == 1);
  REQUIRE(edit_distance("comparee", "compare") == 1);
}

TEST_CASE("edit_distance: an adjacent transposition counts 1", "[text]") {
  REQUIRE(edit_distance("modle", "model") == 1);
  REQUIRE(edit_distance("comprae", "compare") == 1);
  REQUIRE(edit_distance("precisoin", "precision") == 1);
  REQUIRE(edit_distance("ab", "ba") == 1);
  // Optimal string alignment, not full Damerau: a transposed pair is not edited again.
  REQUIRE(edit_distance("ca", "abc") == 3);
}

TEST_CASE("edit_distance is case-insensitive and symmetric", "[text]") {
  REQUIRE(edit_distance("MODEL", "model") == 0);
  REQUIRE(edit_distance("Modle", "MODEL") == 1);
  REQUIRE(edit_distance("mi300x", "h100") == edit_distance("h100", "mi300x"));
}

TEST_CASE("closest: fp9 suggests fp8 before fp4", "[text]") {
  const std::vector<std::string> precisions = {"fp4", "fp8", "bf16", "int4"};
  const auto c = closest("fp9", precisions);
  REQUIRE(c.size() >= 2);
  REQUIRE(c[0] == "fp8");
  REQUIRE(c[1] == "fp4");
}

// Both candidates are one substitution away with the same character gap ('0' vs '5'); the longer
// common prefix ("mi35") ranks mi355x first.
TEST_CASE("closest: mi350x suggests mi355x before mi300x", "[text]") {
  const std::vector<std::string> gpus = {"h100", "h200", "b200", "mi300x", "mi325x", "mi355x"};
  const auto c = closest("mi350x", gpus);
  REQUIRE(!c.empty());
  REQUIRE(c[0] == "mi355x");
  // mi300x is one substitution away too (and as far in character value: '5' vs '0'); mi325x is two
  // substitutions away, still within a third of the length.
  REQUIRE(c == std::vector<std::string>{"mi355x", "mi300x", "mi325x"});
}

TEST_CASE("closest: smaller distance beats character closeness", "[text]") {
  const std::vector<std::string> words = {"compare", "comparison", "list"};
  const auto c = closest("comprae", words);
  REQUIRE(!c.empty());
  REQUIRE(c[0] == "compare");
}

TEST_CASE("closest: a prefix of at least two characters qualifies", "[text]") {
  const std::vector<std::string> gpus = {"h100", "mi300x", "mi355x", "gb200"};
  const auto c = closest("mi35", gpus);
  REQUIRE(!c.empty());
  REQUIRE(c[0] == "mi355x");
}

TEST_CASE("closest: nothing close gives nothing — exact matches are not suggested", "[text]") {
  const std::vector<std::string> words = {"compare", "list", "describe", "help"};
  REQUIRE(closest("zzzzzz", words).empty());
  REQUIRE(closest("LIST", words).empty());  // "list" itself, in another case, is not a suggestion
  for (const auto& s : closest("help", words)) REQUIRE(s != "help");
}

TEST_CASE("closest: at most `max` suggestions, no case-duplicates", "[text]") {
  const std::vector<std::string> words = {"fp4", "FP4", "fp8", "fp6", "fp2"};
  const auto one = closest("fp5", words, 1);
  REQUIRE(one.size() == 1);
  const auto all = closest("fp5", words, 10);
  int fp4 = 0;
  for (const auto& s : all) fp4 += iequals(s, "fp4");
  REQUIRE(fp4 == 1);
  REQUIRE(all.size() == 4);
  // fp4 and fp6 are both one step from '5'; ties go alphabetically.
  REQUIRE(iequals(all[0], "fp4"));
  REQUIRE(all[1] == "fp6");
}

TEST_CASE("closest: the allowed distance grows with the word length", "[text]") {
  // "prcision" (8) vs "precision" (9): 1 edit, limit 3. "xyz" vs "fp8": 3 edits, limit 1.
  const std::vector<std::string> words = {"precision", "fp8"};
  REQUIRE(closest("prcision", words) == std::vector<std::string>{"precision"});
  REQUIRE(closest("xyz", words).empty());
}

TEST_CASE("join and join_or", "[text]") {
  REQUIRE(join({}, ", ").empty());
  REQUIRE(join({"a"}, ", ") == "a");
  REQUIRE(join({"a", "b", "c"}, ", ") == "a, b, c");
  REQUIRE(join_or({}).empty());
  REQUIRE(join_or({"a"}) == "a");
  REQUIRE(join_or({"a", "b"}) == "a or b");
  REQUIRE(join_or({"a", "b", "c"}) == "a, b or c");
}
