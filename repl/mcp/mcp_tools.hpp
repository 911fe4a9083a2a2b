#pragma once
// `icq mcp`, the tools: their names, descriptions and JSON Schemas (tools/list), and the icq text a
// call's structured arguments stand for. A tool never reaches the Session itself: it only writes
// one icq statement, which the server runs like any other query.
#include <string>
#include <string_view>
#include <vector>

#include "mcp_protocol.hpp"

namespace icq::mcp {

struct ToolSpec {
  std::string_view name;
  std::string_view title;
  std::string_view description;
  std::string input_schema;  // JSON Schema, as JSON text
};

// Every tool, in the order tools/list shows them.
const std::vector<ToolSpec>& tools();
const ToolSpec* find_tool(std::string_view name);

// The result of tools/list: {"tools":[{name, title, description, inputSchema, annotations}, …]}.
std::string tools_list_json();

// The icq text of a call of `tool` (a name find_tool knows) with `arguments` (an object, or null),
// or why the arguments make none (`error`, phrased for the assistant to correct its call). The text
// is one statement on one line: no value can end it (`;`, a newline) or comment out its rest.
struct ToolText {
  std::string text;
  std::string error;
};
ToolText tool_text(const ToolSpec& tool, const Json& arguments);

}  // namespace icq::mcp
