// What `icq mcp` reads of a client (repl/mcp/mcp_protocol.hpp, repl/mcp/mcp_tools.hpp), on arbitrary bytes:
// every line is a message or the JSON-RPC error it deserves, never a crash; answers are one line of
// valid JSON; params read back as they were written; structured tool arguments either make one icq
// statement that nothing in them can end or comment out (the load tool's path stays inside its
// quotes), or a reason why not.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <variant>

#include "fuzz_check.hpp"
#include "mcp_protocol.hpp"
#include "mcp_tools.hpp"

namespace {

constexpr std::size_t kMaxBytes = 1 << 20;

bool valid_json(std::string_view s) { return icq::mcp::minify(s).has_value(); }

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace icq::mcp;
  const std::string line(reinterpret_cast<const char*>(data), size);  // an exact-size copy: ASan sees overreads
  const auto parsed = parse_message(line, kMaxBytes);
  if (const auto* e = std::get_if<ProtocolError>(&parsed)) {
    ICQ_FUZZ_CHECK(e->code == code::parse_error || e->code == code::invalid_request || e->code == code::invalid_params ||
                   e->code == code::internal_error);
    ICQ_FUZZ_CHECK(!e->message.empty());
    const std::string answer = error_message(e->id, e->code, e->message);
    ICQ_FUZZ_CHECK(answer.find('\n') == std::string::npos && valid_json(answer));
    return 0;
  }
  const Message& m = std::get<Message>(parsed);
  if (m.kind != Message::Kind::notification) ICQ_FUZZ_CHECK(!m.id.empty() && m.id != "null" && valid_json(m.id));
  else ICQ_FUZZ_CHECK(m.id.empty());
  if (m.kind == Message::Kind::response) return 0;
  // Params read back as they were written (and stay one line).
  const std::string params = to_json(m.params);
  ICQ_FUZZ_CHECK(params.find('\n') == std::string::npos);
  const auto again = parse_message(R"({"jsonrpc":"2.0","id":1,"method":"m","params":)" + params + "}", kMaxBytes);
  if (!m.params.is_null()) {
    ICQ_FUZZ_CHECK(std::holds_alternative<Message>(again));
    ICQ_FUZZ_CHECK(to_json(std::get<Message>(again).params) == params);
  }
  const std::string answer = result_message(m.kind == Message::Kind::request ? m.id : "null", params);
  ICQ_FUZZ_CHECK(valid_json(answer));
  // Every tool on the arguments (or the params themselves): a statement or a reason.
  const Json* args = m.params.get("arguments");
  for (const auto& tool : tools()) {
    const ToolText t = tool_text(tool, args ? *args : m.params);
    ICQ_FUZZ_CHECK(t.text.empty() != t.error.empty());
    if (tool.name == "query" || t.text.empty()) continue;
    ICQ_FUZZ_CHECK(t.text.rfind(std::string(tool.name) + " ", 0) == 0 || t.text == tool.name);
    if (tool.name == "load") {
      // `load "PATH"`: the path stays inside its quotes, on one line (where it may lead is the Session's check).
      ICQ_FUZZ_CHECK(t.text.size() > 7 && t.text.rfind("load \"", 0) == 0 && t.text.back() == '"');
      for (const char c : std::string_view(t.text).substr(6, t.text.size() - 7))
        ICQ_FUZZ_CHECK(c != '"' && static_cast<unsigned char>(c) >= 0x20 && c != 0x7f);
      continue;
    }
    for (const char c : t.text) ICQ_FUZZ_CHECK(c != ';' && c != '\n' && c != '\r' && c != '#' && c != '\\' && c != '"');
    ICQ_FUZZ_CHECK(t.text.find("--") == std::string::npos);
  }
  return 0;
}
