#include "api_json.hpp"

#include <simdjson.h>

#include <algorithm>
#include <set>

namespace icq::fetch {

namespace {

using simdjson::dom::array;
using simdjson::dom::element;
using simdjson::dom::object;

// Where a cut body stops: inside a string, or with arrays/objects still open. A body the parser
// rejects for that reason was truncated on the way, not written wrong by the server.
const char* unclosed(std::string_view s) {
  int depth = 0;
  bool in_string = false, escaped = false;
  for (const char c : s) {
    if (in_string) {
      if (escaped) escaped = false;
      else if (c == '\\') escaped = true;
      else if (c == '"') in_string = false;
    } else if (c == '"') {
      in_string = true;
    } else if (c == '[' || c == '{') {
      ++depth;
    } else if (c == ']' || c == '}') {
      --depth;
    }
  }
  if (in_string) return "a string";
  return depth > 0 ? "an array or object" : nullptr;
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\n' || s.front() == '\r')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\n' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

// The (unpadded) body parsed into `doc`; the error code otherwise.
simdjson::error_code parse(simdjson::dom::parser& parser, std::string_view body, element& doc) {
  return parser.parse(body.data(), body.size(), true).get(doc);
}

std::uint64_t fnv1a(std::string_view s) {
  std::uint64_t h = 14695981039346656037ull;
  for (const unsigned char c : s) h = (h ^ c) * 1099511628211ull;
  return h;
}

}  // namespace

std::string first_bytes(std::string_view body, std::size_t n) {
  std::string out;
  for (const unsigned char c : trim(body).substr(0, n))
    out += (c >= 0x20 && c < 0x7f) ? static_cast<char>(c) : (c == '\n' || c == '\t') ? ' ' : '?';
  if (trim(body).size() > n) out += "…";
  return out;
}

std::string error_text(std::string_view body) {
  simdjson::dom::parser parser;
  element doc;
  std::string_view text;
  if (parse(parser, body, doc) || doc["error"].get(text)) return {};
  return std::string(text);
}

ArrayCheck check_array(std::string_view body) {
  ArrayCheck c;
  const std::string_view t = trim(body);
  if (t.empty()) {
    c.why = "empty body";
    return c;
  }
  if (t.front() != '[' && t.front() != '{') {
    c.why = "not JSON: " + first_bytes(t);
    return c;
  }
  simdjson::dom::parser parser;
  element doc;
  if (const auto err = parse(parser, body, doc)) {
    if (const char* open = unclosed(t))
      c.why = "truncated body: the JSON stops after " + std::to_string(body.size()) + " bytes inside " + open;
    else c.why = std::string("not valid JSON (") + simdjson::error_message(err) + "): " + first_bytes(t);
    return c;
  }
  array rows;
  if (doc.get(rows)) {
    const std::string server = error_text(body);
    c.why = server.empty() ? "not a JSON array: " + first_bytes(t) : "the server answered {\"error\": \"" + server + "\"}";
    return c;
  }
  for (const element e : rows) {
    if (!e.is_object()) {
      c.why = "record " + std::to_string(c.rows + 1) + " is not a JSON object";
      return c;
    }
    ++c.rows;
  }
  c.ok = true;
  return c;
}

std::optional<std::vector<std::string>> openapi_models(std::string_view body, std::string& why) {
  simdjson::dom::parser parser;
  element doc;
  if (parse(parser, body, doc)) {
    why = "/api/openapi.json is not JSON: " + first_bytes(body);
    return std::nullopt;
  }
  array params;
  if (doc.at_pointer("/paths/~1api~1v1~1benchmarks/get/parameters").get(params)) {
    why = "/api/openapi.json has no paths[\"/api/v1/benchmarks\"].get.parameters";
    return std::nullopt;
  }
  for (const element p : params) {
    std::string_view name;
    if (p["name"].get(name) || name != "model") continue;
    array values;
    if (p.at_pointer("/schema/enum").get(values)) break;
    std::vector<std::string> models;
    for (const element v : values) {
      std::string_view s;
      if (!v.get(s) && !s.empty()) models.emplace_back(s);
    }
    if (models.empty()) break;
    std::sort(models.begin(), models.end());
    models.erase(std::unique(models.begin(), models.end()), models.end());
    return models;
  }
  why = "/api/openapi.json lists no model enum for /api/v1/benchmarks";
  return std::nullopt;
}

std::vector<Offer> availability_offers(std::string_view body) {
  simdjson::dom::parser parser;
  element doc;
  array records;
  std::set<Offer> offers;
  if (parse(parser, body, doc) || doc.get(records)) return {};
  for (const element r : records) {
    Offer o;
    std::string_view model, type;
    if (r["model"].get(model) || model.empty()) continue;
    o.model = std::string(model);
    o.agentic = !r["benchmark_type"].get(type) && type == "agentic_traces";
    std::int64_t isl = 0, osl = 0;
    const bool has_seq = !r["isl"].get(isl) && !r["osl"].get(osl) && isl > 0 && osl > 0 && isl < 1 << 30 && osl < 1 << 30;
    if (o.agentic) {
      o.isl = o.osl = 0;  // one trace-replay history per model, whatever the sequence fields say
    } else if (has_seq) {
      o.isl = static_cast<int>(isl), o.osl = static_cast<int>(osl);
    } else {
      continue;
    }
    offers.insert(std::move(o));
  }
  return {offers.begin(), offers.end()};
}

std::vector<std::uint64_t> row_identities(std::string_view body) {
  // SEMANTICS.md §1's line key, the run date and the concurrency: a row measured again keeps it.
  static constexpr const char* kKey[] = {"hardware",
                                         "framework",
                                         "model",
                                         "precision",
                                         "spec_method",
                                         "disagg",
                                         "is_multinode",
                                         "prefill_tp",
                                         "prefill_ep",
                                         "prefill_dp_attention",
                                         "prefill_num_workers",
                                         "decode_tp",
                                         "decode_ep",
                                         "decode_dp_attention",
                                         "decode_num_workers",
                                         "num_prefill_gpu",
                                         "num_decode_gpu",
                                         "isl",
                                         "osl",
                                         "benchmark_type",
                                         "offload_mode",
                                         "conc",
                                         "date"};
  simdjson::dom::parser parser;
  element doc;
  array records;
  std::vector<std::uint64_t> out;
  if (parse(parser, body, doc) || doc.get(records)) return out;
  std::string key;
  for (const element r : records) {
    object o;
    if (r.get(o)) continue;
    key.clear();
    for (const char* field : kKey) {
      element v;
      if (!o[field].get(v)) key += simdjson::minify(v);
      key += '\x1f';
    }
    out.push_back(fnv1a(key));
  }
  return out;
}

}  // namespace icq::fetch
