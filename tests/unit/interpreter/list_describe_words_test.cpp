// `list` and `describe` take what the line dimensions' table names (plus their own words), and
// help's syntax lines name every one of them.
#include <catch2/catch.hpp>

#include <algorithm>
#include <string>

#include "data/dimensions.hpp"
#include "keywords.hpp"

namespace {

std::string syntax_of(const char* keyword) {
  for (const auto& d : icq::grammar::statement_docs())
    if (std::string(d.keyword) == keyword) return d.syntax;
  FAIL("no help entry for " << keyword);
  return {};
}

bool names(const std::string& syntax, const std::string& word) {
  // A whole alternative of "a|b|c": bounded by a space, '|' or '[' on each side.
  for (std::size_t at = syntax.find(word); at != std::string::npos; at = syntax.find(word, at + 1)) {
    const char before = at == 0 ? ' ' : syntax[at - 1];
    const char after = at + word.size() >= syntax.size() ? ' ' : syntax[at + word.size()];
    if ((before == ' ' || before == '|') && (after == ' ' || after == '|' || after == '[')) return true;
  }
  return false;
}

}  // namespace

TEST_CASE("list and describe take every line dimension, and help names what they take", "[interp][dimensions]") {
  const auto& lists = icq::grammar::list_targets();
  const auto& kinds = icq::grammar::describe_kinds();
  for (const auto& d : icq::data::dimensions()) {
    INFO(d.keyword);
    REQUIRE(std::find(lists.begin(), lists.end(), std::string(d.list_word)) != lists.end());
    REQUIRE(std::find(kinds.begin(), kinds.end(), std::string(d.keyword)) != kinds.end());
  }
  const std::string list_syntax = syntax_of("list"), describe_syntax = syntax_of("describe");
  for (const auto& w : lists) {
    INFO("list " << w);
    REQUIRE(names(list_syntax, w));
  }
  for (const auto& w : kinds) {
    INFO("describe " << w);
    REQUIRE(names(describe_syntax, w));
  }
}
