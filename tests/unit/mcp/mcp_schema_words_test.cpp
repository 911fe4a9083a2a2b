// The tools' schemas name every line dimension of the table (data/dimensions.hpp): as a filter, a
// dimension to compare or rank, a list, a describe kind and a trend series. A dimension added to the
// table and missing from a schema fails here.
#include <catch2/catch.hpp>

#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "data/dimensions.hpp"
#include "mcp_protocol.hpp"
#include "mcp_tools.hpp"

using namespace icq::mcp;

namespace {

// A tool's input schema, parsed (as the params of a message: the one JSON reader of the wire).
Json schema_of(std::string_view tool) {
  const ToolSpec* t = find_tool(tool);
  REQUIRE(t != nullptr);
  const std::string line = R"({"jsonrpc":"2.0","id":1,"method":"x","params":)" + t->input_schema + "}";
  auto m = parse_message(line, 1 << 20);
  REQUIRE(std::holds_alternative<Message>(m));
  return std::get<Message>(m).params;
}

const Json& property(const Json& schema, std::string_view name) {
  const Json* p = schema.get("properties") ? schema.get("properties")->get(name) : nullptr;
  INFO(name);
  REQUIRE(p != nullptr);
  return *p;
}

// The names of a filters schema's object form.
const Json& filter_properties(const Json& filters) {
  const Json* any = filters.get("anyOf");
  REQUIRE(any != nullptr);
  const Json& object_form = any->array()->at(0);
  REQUIRE(object_form.get("properties") != nullptr);
  return *object_form.get("properties");
}

std::vector<std::string> enum_of(const Json& property) {
  std::vector<std::string> out;
  const Json* e = property.get("enum");
  REQUIRE(e != nullptr);
  for (const auto& w : *e->array()) out.push_back(*w.string());
  return out;
}

bool has(const std::vector<std::string>& words, std::string_view w) {
  for (const auto& x : words)
    if (x == w) return true;
  return false;
}

}  // namespace

TEST_CASE("every tool's filters take every line dimension, and its call names it", "[mcp][dimensions]") {
  const std::pair<const char*, const char*> filtered[] = {{"compare", "filters"},  {"rank", "filters"},  {"crossover", "filters"},
                                                          {"frontier", "filters"}, {"trend", "filters"}, {"points", "filters"},
                                                          {"list", "for"}};
  for (const auto& d : icq::data::dimensions()) {
    const std::string key(d.keyword);
    for (const auto& [tool, arg] : filtered) {
      INFO(tool << " " << arg << " " << key);
      CHECK(filter_properties(property(schema_of(tool), arg)).get(key) != nullptr);
    }
    const ToolText t = tool_text(*find_tool("frontier"), [&] {
      auto m = parse_message(R"({"jsonrpc":"2.0","id":1,"method":"x","params":{"filters":{")" + key + R"(":"x"}}})", 1 << 20);
      return std::get<Message>(m).params;
    }());
    INFO(t.error);
    CHECK(t.text == "frontier " + key + " x");
  }
}

TEST_CASE("compare, crossover and rank take every line dimension; list, describe and trend name each", "[mcp][dimensions]") {
  const auto compare = enum_of(property(schema_of("compare"), "dimension"));
  const auto crossover = enum_of(property(schema_of("crossover"), "dimension"));
  const auto rank = enum_of(property(schema_of("rank"), "dimension"));
  const auto lists = enum_of(property(schema_of("list"), "what"));
  const auto kinds = enum_of(property(schema_of("describe"), "kind"));
  const std::string by = *property(schema_of("trend"), "by").get("description")->string();
  for (const auto& d : icq::data::dimensions()) {
    INFO(d.keyword);
    CHECK(has(compare, d.keyword));
    CHECK(has(crossover, d.keyword));
    CHECK(has(rank, d.keyword));
    CHECK(has(lists, d.list_word));
    CHECK(has(kinds, d.keyword));
    CHECK(by.find(std::string(d.keyword)) != std::string::npos);
  }
  // The words that are no line dimension's.
  CHECK(has(compare, "date"));
  CHECK(has(crossover, "date"));
  CHECK(has(rank, "config"));
  CHECK_FALSE(has(rank, "date"));
  for (const char* w : {"dates", "metrics", "editions", "sources", "fields", "settings"}) CHECK(has(lists, w));
  for (const char* w : {"metric", "edition"}) CHECK(has(kinds, w));
}
