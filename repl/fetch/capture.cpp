#include "capture.hpp"

#include "text/text.hpp"

namespace icq::fetch {

namespace fs = std::filesystem;

std::string write_manifest(const Manifest& m) {
  std::string o = "{\n";
  o += "  \"api\": " + text::json_string(m.api) + ",\n";
  o += "  \"fetched_at\": " + text::json_string(m.fetched_at) + ",\n";
  o += "  \"icq\": " + text::json_string(m.icq) + ",\n";
  o += "  \"model_list\": " + text::json_string(m.model_list) + ",\n";
  o += "  \"complete\": " + std::string(m.complete ? "true" : "false") + ",\n";
  o += "  \"models\": [";
  for (std::size_t i = 0; i < m.models.size(); ++i) o += (i ? ", " : "") + text::json_string(m.models[i]);
  o += "],\n  \"endpoints\": [";
  for (std::size_t i = 0; i < m.endpoints.size(); ++i) {
    const Endpoint& e = m.endpoints[i];
    o += i ? ",\n    {" : "\n    {";
    o += "\"file\": " + text::json_string(e.file) + ", \"path\": " + text::json_string(e.path) + ", \"bytes\": " + std::to_string(e.bytes) +
         ", \"sha256\": " + text::json_string(e.sha256) + ", \"rows\": " + std::to_string(e.rows);
    if (!e.etag.empty()) o += ", \"etag\": " + text::json_string(e.etag);
    if (!e.last_modified.empty()) o += ", \"last_modified\": " + text::json_string(e.last_modified);
    if (e.not_modified) o += ", \"not_modified\": true";
    o += "}";
  }
  o += m.endpoints.empty() ? "]\n}\n" : "\n  ]\n}\n";
  return o;
}

std::string iso_utc(std::time_t t) {
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

std::string next_capture_name(const fs::path& cache, std::string_view date) {
  std::error_code ec;
  std::string name(date);
  for (int n = 2; fs::exists(cache / "captures" / name, ec); ++n) name = std::string(date) + "-" + std::to_string(n);
  return name;
}

}  // namespace icq::fetch
