#pragma once
// What `icq fetch` reads of the API's answers (DASHBOARD.md §1), and nothing more: the bodies are
// kept byte for byte and parsed later by the ordinary loaders. Untrusted input: fuzz/fetch_json_fuzz.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace icq::fetch {

// A body checked before it is kept: a JSON array of objects, and how many.
struct ArrayCheck {
  bool ok = false;
  std::size_t rows = 0;
  std::string why;  // "not JSON: <!DOCTYPE html>…", "truncated body: …"
};
ArrayCheck check_array(std::string_view body);

// The model display names of /api/openapi.json: paths["/api/v1/benchmarks"].get.parameters, the
// one named "model", its schema.enum. Null with `why` when the document does not say.
std::optional<std::vector<std::string>> openapi_models(std::string_view body, std::string& why);

// One sequence the availability lists for a model (its DB key): agentic rows have no isl/osl.
struct Offer {
  std::string model;
  int isl = 0, osl = 0;
  bool agentic = false;
  auto operator<=>(const Offer&) const = default;
};
// The distinct offers of /api/v1/availability, sorted; records without a model or sequence skipped.
std::vector<Offer> availability_offers(std::string_view body);

// The identity of each row of a benchmarks array (configuration, date, concurrency) as a hash,
// to count the rows a capture adds to the previous one.
std::vector<std::uint64_t> row_identities(std::string_view body);

// The server's {"error": "…"} text of an error body, or "".
std::string error_text(std::string_view body);

// The first bytes of a body, printable, for messages ("<!DOCTYPE html><html lang=…").
std::string first_bytes(std::string_view body, std::size_t n = 60);

}  // namespace icq::fetch
