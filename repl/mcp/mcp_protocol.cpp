#include "mcp_protocol.hpp"

#include <simdjson.h>

#include <charconv>
#include <cmath>

#include "text/text.hpp"

namespace icq::mcp {

namespace {

using simdjson::dom::element;
using simdjson::dom::element_type;

Json convert(element e) {
  Json j;
  switch (e.type()) {
    case element_type::ARRAY: {
      Json::Array a;
      simdjson::dom::array arr;
      if (e.get(arr) == simdjson::SUCCESS)
        for (element x : arr) a.push_back(convert(x));
      j.value = std::move(a);
      break;
    }
    case element_type::OBJECT: {
      Json::Object o;
      simdjson::dom::object obj;
      if (e.get(obj) == simdjson::SUCCESS)
        for (auto field : obj) o.emplace_back(std::string(field.key), convert(field.value));
      j.value = std::move(o);
      break;
    }
    case element_type::INT64: j.value = static_cast<double>(e.get_int64().value_unsafe()); break;
    case element_type::UINT64: j.value = static_cast<double>(e.get_uint64().value_unsafe()); break;
    case element_type::DOUBLE: j.value = e.get_double().value_unsafe(); break;
    case element_type::STRING: j.value = std::string(e.get_string().value_unsafe()); break;
    case element_type::BOOL: j.value = e.get_bool().value_unsafe(); break;
    case element_type::NULL_VALUE: break;
  }
  return j;
}

// The id of a request as JSON text: a string or an integer (MCP: "MUST be a string or integer").
std::optional<std::string> id_text(element e) {
  if (e.is_string()) return text::json_string(e.get_string().value_unsafe());
  if (e.type() == element_type::INT64) return std::to_string(e.get_int64().value_unsafe());
  if (e.type() == element_type::UINT64) return std::to_string(e.get_uint64().value_unsafe());
  return std::nullopt;
}

std::string why_unparsable(simdjson::error_code err) {
  switch (err) {
    case simdjson::DEPTH_ERROR: return "parse error: JSON nested deeper than " + std::to_string(max_depth) + " levels";
    case simdjson::UTF8_ERROR: return "parse error: the message is not valid UTF-8";
    case simdjson::EMPTY: return "parse error: empty message";
    default: return std::string("parse error: not valid JSON (") + simdjson::error_message(err) + ")";
  }
}

std::string number_text(double d) {
  if (!std::isfinite(d)) return "null";
  char buf[32];
  const auto r = std::to_chars(buf, buf + sizeof buf, d);
  return std::string(buf, r.ptr);
}

}  // namespace

const Json* Json::get(std::string_view key) const {
  const Object* o = object();
  if (!o) return nullptr;
  const Json* found = nullptr;
  for (const auto& [k, v] : *o)
    if (k == key) found = &v;
  return found;
}

std::string to_json(const Json& j) {
  struct Visit {
    std::string operator()(std::nullptr_t) const { return "null"; }
    std::string operator()(bool b) const { return b ? "true" : "false"; }
    std::string operator()(double d) const { return number_text(d); }
    std::string operator()(const std::string& s) const { return text::json_string(s); }
    std::string operator()(const Json::Array& a) const {
      std::string o = "[";
      for (std::size_t i = 0; i < a.size(); ++i) o += (i ? "," : "") + to_json(a[i]);
      return o + "]";
    }
    std::string operator()(const Json::Object& m) const {
      std::string o = "{";
      for (std::size_t i = 0; i < m.size(); ++i) o += (i ? "," : "") + text::json_string(m[i].first) + ":" + to_json(m[i].second);
      return o + "}";
    }
  };
  return std::visit(Visit{}, j.value);
}

std::variant<Message, ProtocolError> parse_message(std::string_view line, std::size_t max_bytes) {
  if (line.size() > max_bytes)
    return ProtocolError{code::invalid_request, "message of " + std::to_string(line.size()) + " bytes is over the limit of " +
                                                    std::to_string(max_bytes) + " bytes"};
  // One parser per thread, its depth limit set once; it grows to the largest message seen.
  thread_local simdjson::dom::parser parser;
  thread_local const bool allocated = parser.allocate(64 * 1024, max_depth) == simdjson::SUCCESS;
  if (!allocated) return ProtocolError{code::internal_error, "out of memory"};
  element doc;
  if (const auto err = parser.parse(line.data(), line.size(), true).get(doc)) return ProtocolError{code::parse_error, why_unparsable(err)};
  if (doc.is_array())
    return ProtocolError{code::invalid_request, "JSON-RPC batches are not supported (MCP since 2025-06-18): send one message per line"};
  if (!doc.is_object()) return ProtocolError{code::invalid_request, "a JSON-RPC message is a JSON object"};

  Message m;
  ProtocolError bad;
  element id, method, version;
  const bool has_id = doc["id"].get(id) == simdjson::SUCCESS;
  if (has_id) {
    if (auto t = id_text(id)) bad.id = *t;
  }
  const bool has_method = doc["method"].get(method) == simdjson::SUCCESS;
  const auto fail = [&](std::string why) {
    bad.message = std::move(why);
    return bad;
  };
  std::string_view v;
  if (doc["jsonrpc"].get(version) != simdjson::SUCCESS) return fail("missing \"jsonrpc\": \"2.0\"");
  if (version.get(v) != simdjson::SUCCESS || v != "2.0") return fail("\"jsonrpc\" must be the string \"2.0\"");
  if (has_id && bad.id == "null")
    return fail(id.is_null() ? "the id must not be null (MCP): a string or an integer" : "the id must be a string or an integer");

  if (!has_method) {
    // A response to a request of ours (we send none): nothing to answer.
    element ignored;
    if (has_id && (doc["result"].get(ignored) == simdjson::SUCCESS || doc["error"].get(ignored) == simdjson::SUCCESS)) {
      m.kind = Message::Kind::response;
      m.id = bad.id;
      return m;
    }
    return fail("missing \"method\"");
  }
  std::string_view name;
  if (method.get(name) != simdjson::SUCCESS) return fail("\"method\" must be a string");
  m.kind = has_id ? Message::Kind::request : Message::Kind::notification;
  m.id = has_id ? bad.id : std::string{};
  m.method = std::string(name);
  element params;
  if (doc["params"].get(params) == simdjson::SUCCESS) {
    if (!params.is_object() && !params.is_array()) {
      bad.code = code::invalid_params;
      bad.answer = has_id;  // a notification is never answered, not even for its params
      return fail("\"params\" must be an object");
    }
    m.params = convert(params);
  }
  return m;
}

std::string result_message(std::string_view id, std::string_view result) {
  std::string o = R"({"jsonrpc":"2.0","id":)";
  o += id;
  o += R"(,"result":)";
  o += result;
  o += "}";
  return o;
}

std::string error_message(std::string_view id, int code, std::string_view message) {
  return R"({"jsonrpc":"2.0","id":)" + std::string(id) + R"(,"error":{"code":)" + std::to_string(code) + R"(,"message":)" +
         text::json_string(message) + "}}";
}

std::optional<std::string> minify(std::string_view json) {
  simdjson::dom::parser parser;
  element doc;
  if (parser.parse(json.data(), json.size(), true).get(doc)) return std::nullopt;
  return simdjson::minify(doc);
}

}  // namespace icq::mcp
