#include "cache.hpp"

#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <set>
#include <sstream>

#include "data/json_library.hpp"
#include "manifest_copy.hpp"

namespace icq::fetch {

namespace fs = std::filesystem;

namespace {

std::string env(const char* name) {
  const char* v = std::getenv(name);
  return v ? std::string(v) : std::string();
}

// "2026-12-01" → (date, 1); "2026-12-01-3" → (date, 3); anything else is not a capture folder.
std::optional<std::pair<std::string, int>> capture_order(std::string_view name) {
  const auto digits = [](std::string_view s) {
    return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
  };
  if (name.size() < 10 || !digits(name.substr(0, 4)) || name[4] != '-' || !digits(name.substr(5, 2)) || name[7] != '-' ||
      !digits(name.substr(8, 2)))
    return std::nullopt;
  if (name.size() == 10) return std::pair{std::string(name), 1};
  if (name[10] != '-' || !digits(name.substr(11)) || name.size() > 16) return std::nullopt;
  return std::pair{std::string(name.substr(0, 10)), std::atoi(std::string(name.substr(11)).c_str())};
}

std::string text_of(simdjson::dom::element e, const char* key) {
  std::string_view s;
  return e[key].get(s) ? std::string() : std::string(s);
}

std::uint64_t number_of(simdjson::dom::element e, const char* key) {
  std::uint64_t n = 0;
  return e[key].get(n) ? 0 : n;
}

std::optional<std::string> read_file(const fs::path& p) {
  std::ifstream f(p, std::ios::binary);
  if (!f) return std::nullopt;
  std::ostringstream ss;
  ss << f.rdbuf();
  if (f.bad()) return std::nullopt;
  return ss.str();
}

// capture.json, through its copy icq.manifest when the copy was made from it; otherwise parsed,
// and the copy written for the next run (best effort: a cache this user cannot write is parsed
// every time, as before the copies).
std::optional<Manifest> read_manifest(const fs::path& dir) {
  const fs::path json = dir / "capture.json", copy = dir / "icq.manifest";
  const std::string identity = manifest_identity(json);
  if (identity.empty()) return std::nullopt;
  if (const auto bytes = read_file(copy))
    if (auto m = decode_manifest(*bytes, identity)) return m;
  const auto text = read_file(json);
  auto m = text ? parse_manifest(*text) : std::nullopt;
  if (m && manifest_identity(json) == identity) {
    const fs::path tmp = dir / ("icq.manifest.tmp-" + std::to_string(::getpid()));
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    out << encode_manifest(*m, identity);
    out.close();
    std::error_code ec;
    if (out) fs::rename(tmp, copy, ec);
    if (!out || ec) fs::remove(tmp, ec);
  }
  return m;
}

}  // namespace

fs::path cache_dir(const std::optional<std::string>& option) {
  if (option && !option->empty()) return fs::path(*option);
  if (const std::string v = env("ICQ_CACHE"); !v.empty()) return fs::path(v);
  if (const std::string v = env("XDG_CACHE_HOME"); !v.empty()) return fs::path(v) / "icq";
  if (const std::string v = env("HOME"); !v.empty()) return fs::path(v) / ".cache" / "icq";
  return {};
}

const Endpoint* Manifest::find(std::string_view file) const {
  for (const auto& e : endpoints)
    if (e.file == file) return &e;
  return nullptr;
}

std::optional<Manifest> parse_manifest(std::string_view json) {
  icq::data::require_json_library();
  simdjson::dom::parser parser;
  simdjson::dom::element doc;
  if (parser.parse(json.data(), json.size(), true).get(doc) || !doc.is_object()) return std::nullopt;
  Manifest m;
  m.api = text_of(doc, "api");
  m.fetched_at = text_of(doc, "fetched_at");
  m.icq = text_of(doc, "icq");
  m.model_list = text_of(doc, "model_list");
  bool complete = true;
  if (!doc["complete"].get(complete)) m.complete = complete;
  simdjson::dom::array models, endpoints;
  if (!doc["models"].get(models))
    for (const auto v : models) {
      std::string_view s;
      if (!v.get(s)) m.models.emplace_back(s);
    }
  if (doc["endpoints"].get(endpoints)) return std::nullopt;
  for (const auto e : endpoints) {
    Endpoint ep;
    ep.file = text_of(e, "file");
    ep.path = text_of(e, "path");
    ep.bytes = number_of(e, "bytes");
    ep.sha256 = text_of(e, "sha256");
    ep.rows = static_cast<std::size_t>(number_of(e, "rows"));
    ep.etag = text_of(e, "etag");
    ep.last_modified = text_of(e, "last_modified");
    bool nm = false;
    ep.not_modified = !e["not_modified"].get(nm) && nm;
    if (!plain_file_name(ep.file)) return std::nullopt;
    m.endpoints.push_back(std::move(ep));
  }
  return m;
}

bool plain_file_name(std::string_view file) { return !file.empty() && file.find('/') == std::string_view::npos && file.front() != '.'; }

std::vector<Capture> list_captures(const fs::path& cache) {
  std::vector<std::pair<std::pair<std::string, int>, Capture>> found;
  std::error_code ec;
  fs::directory_iterator it(cache / "captures", ec), end;
  for (; !ec && it != end; it.increment(ec)) {
    const std::string name = it->path().filename().string();
    const auto order = capture_order(name);
    if (!order || !it->is_directory(ec)) continue;
    auto manifest = read_manifest(it->path());
    if (!manifest) continue;
    found.push_back({*order, Capture{name, it->path(), std::move(*manifest)}});
  }
  std::sort(found.begin(), found.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  std::vector<Capture> out;
  for (auto& [order, c] : found) out.push_back(std::move(c));
  return out;
}

std::vector<CurrentFile> current_files(const std::vector<Capture>& captures) {
  std::vector<CurrentFile> out;
  std::set<std::string> seen;
  for (auto c = captures.rbegin(); c != captures.rend(); ++c) {
    for (const auto& e : c->manifest.endpoints) {
      std::error_code ec;
      if (!seen.insert(e.file).second || !fs::is_regular_file(c->dir / e.file, ec)) continue;
      out.push_back({c->dir / e.file, &*c, &e});
    }
    if (c->manifest.complete) break;  // older captures are superseded
  }
  return out;
}

CachedData cached_data(const fs::path& cache, std::time_t now) {
  CachedData d;
  if (cache.empty()) return d;
  const auto captures = list_captures(cache);
  std::vector<const Capture*> used;
  for (const auto& f : current_files(captures)) {
    const std::string name = f.path.filename().string();
    // An empty answer (a model without rows yet) is no data problem: nothing to load.
    if ((!name.starts_with("benchmarks") && !name.starts_with("evaluations")) || f.endpoint->rows == 0) continue;
    d.files.push_back(f.path.string());
    if (std::find(used.begin(), used.end(), f.capture) == used.end()) used.push_back(f.capture);
  }
  if (used.empty()) return d;
  d.snapshot = (used[0]->dir / "icq.snapshot").string();
  const auto fetched = [&](const Capture& c) {
    const std::time_t t = parse_iso_utc(c.manifest.fetched_at);
    return t < 0 ? std::string("fetched at an unknown time") : "fetched " + age_words(t, now);
  };
  if (used.size() == 1) {
    d.note = "data: built-in snapshot + capture " + used[0]->name + " (" + fetched(*used[0]) + ", " + cache.string() + ")";
  } else {
    // Newer captures limited to some models, over the complete one they refine.
    d.note = "data: built-in snapshot + captures ";
    for (std::size_t i = 0; i < used.size(); ++i) {
      std::string models;
      if (!used[i]->manifest.complete)
        for (const auto& m : used[i]->manifest.models) models += (models.empty() ? "" : ", ") + m;
      d.note += (i ? " over " : "") + used[i]->name + " (" + (models.empty() ? "" : models + "; ") + fetched(*used[i]) + ")";
    }
    d.note += ", " + cache.string();
  }
  return d;
}

std::time_t parse_iso_utc(std::string_view s) {
  std::tm tm{};
  int y = 0, mo = 0, d = 0, h = 0, mi = 0, sec = 0;
  char z = 0;
  if (std::sscanf(std::string(s).c_str(), "%4d-%2d-%2dT%2d:%2d:%2d%c", &y, &mo, &d, &h, &mi, &sec, &z) != 7 || z != 'Z') return -1;
  tm.tm_year = y - 1900, tm.tm_mon = mo - 1, tm.tm_mday = d, tm.tm_hour = h, tm.tm_min = mi, tm.tm_sec = sec;
  return timegm(&tm);
}

std::string age_words(std::time_t then, std::time_t now) {
  const long long s = static_cast<long long>(now - then);
  if (s < 60) return "just now";
  if (s < 3600) return std::to_string(s / 60) + " min ago";
  if (s < 48 * 3600) return std::to_string(s / 3600) + " h ago";
  return std::to_string(s / 86400) + " days ago";
}

}  // namespace icq::fetch
