#pragma once
// `icq mcp`, the wire: JSON-RPC 2.0 messages, one per line on stdio (the MCP stdio transport).
// Reading classifies a line into a request, a notification or a response, or the JSON-RPC error
// it deserves; writing builds the one-line answers. Untrusted input: fuzz/mcp_message_fuzz.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

namespace icq::mcp {

// JSON-RPC 2.0 error codes (and MCP's "resource not found").
namespace code {
inline constexpr int parse_error = -32700;
inline constexpr int invalid_request = -32600;
inline constexpr int method_not_found = -32601;
inline constexpr int invalid_params = -32602;
inline constexpr int internal_error = -32603;
inline constexpr int resource_not_found = -32002;
}  // namespace code

// A parsed JSON value: what a message's params hold (objects keep their members in order).
struct Json {
  using Array = std::vector<Json>;
  using Object = std::vector<std::pair<std::string, Json>>;
  std::variant<std::nullptr_t, bool, double, std::string, Array, Object> value = nullptr;

  [[nodiscard]] bool is_null() const { return std::holds_alternative<std::nullptr_t>(value); }
  [[nodiscard]] const std::string* string() const { return std::get_if<std::string>(&value); }
  [[nodiscard]] const double* number() const { return std::get_if<double>(&value); }
  [[nodiscard]] const bool* boolean() const { return std::get_if<bool>(&value); }
  [[nodiscard]] const Array* array() const { return std::get_if<Array>(&value); }
  [[nodiscard]] const Object* object() const { return std::get_if<Object>(&value); }
  // The member `key` of an object (the last one when repeated); null when absent or not an object.
  [[nodiscard]] const Json* get(std::string_view key) const;
};

// The JSON text of a value, on one line (numbers as the shortest text that reads back the same).
std::string to_json(const Json& j);

// Nesting deeper than this is refused while parsing (the params an MCP client sends are shallow).
inline constexpr std::size_t max_depth = 64;

struct Message {
  enum class Kind { request, notification, response } kind = Kind::request;
  std::string id;      // the id as JSON text ("7", "\"abc\""): requests and responses
  std::string method;  // requests and notifications
  Json params;         // null when absent
};

// Why a line is not a message: the error to answer with, and the id to answer to (JSON text; "null"
// when the id could not be read). `answer` is false only for a notification whose params are not
// structured: a well-formed notification never gets a reply, even to say its params are wrong.
struct ProtocolError {
  int code = code::invalid_request;
  std::string message;
  std::string id = "null";
  bool answer = true;
};

// One line (without its newline). Never throws; lines over max_bytes are refused unparsed.
std::variant<Message, ProtocolError> parse_message(std::string_view line, std::size_t max_bytes);

// {"jsonrpc":"2.0","id":ID,"result":RESULT} — RESULT is JSON text.
std::string result_message(std::string_view id, std::string_view result);
// {"jsonrpc":"2.0","id":ID,"error":{"code":…,"message":…}}
std::string error_message(std::string_view id, int code, std::string_view message);

// Minifies JSON text onto one line (the tools' schemas are written readable); nullopt when invalid.
std::optional<std::string> minify(std::string_view json);

}  // namespace icq::mcp
