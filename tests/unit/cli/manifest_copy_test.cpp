// capture.json's copy (repl/common/manifest_copy.hpp): read back as written, used only when made
// from the capture.json in hand, refused whole when damaged; and a run's capture listing writes it
// once and reads it from then on (repl/common/cache.cpp).
#include <catch2/catch.hpp>

#include <unistd.h>
#include <filesystem>
#include <fstream>
#include <string>

#include "cache.hpp"
#include "manifest_copy.hpp"

using namespace icq::fetch;
namespace fs = std::filesystem;

namespace {

Manifest sample() {
  Manifest m;
  m.api = "https://inferencex.semianalysis.com";
  m.fetched_at = "2026-12-01T21:05:03Z";
  m.icq = "0.1.0";
  m.model_list = "openapi";
  m.models = {"DeepSeek-R1-0528", "Qwen 3.5: 397B\n(a name with a newline, a colon and 12:34)"};
  m.complete = false;
  Endpoint e;
  e.file = "benchmarks-dsr1.json";
  e.path = "/api/v1/benchmarks?model=DeepSeek-R1-0528";
  e.bytes = 1234567;
  e.sha256 = std::string(64, 'a');
  e.etag = "W/\"x:1\"";
  e.rows = 2383;
  m.endpoints.push_back(e);
  e.file = "evaluations.json", e.rows = 0, e.not_modified = true, e.etag.clear(), e.last_modified = "Tue, 01 Dec 2026 21:05:03 GMT";
  m.endpoints.push_back(e);
  return m;
}

void same(const Manifest& a, const Manifest& b) {
  CHECK(a.api == b.api);
  CHECK(a.fetched_at == b.fetched_at);
  CHECK(a.icq == b.icq);
  CHECK(a.model_list == b.model_list);
  CHECK(a.models == b.models);
  CHECK(a.complete == b.complete);
  REQUIRE(a.endpoints.size() == b.endpoints.size());
  for (std::size_t i = 0; i < a.endpoints.size(); ++i) {
    const Endpoint &x = a.endpoints[i], &y = b.endpoints[i];
    CHECK(x.file == y.file);
    CHECK(x.path == y.path);
    CHECK(x.bytes == y.bytes);
    CHECK(x.sha256 == y.sha256);
    CHECK(x.etag == y.etag);
    CHECK(x.last_modified == y.last_modified);
    CHECK(x.rows == y.rows);
    CHECK(x.not_modified == y.not_modified);
  }
}

}  // namespace

TEST_CASE("a manifest's copy reads back every field, for the capture.json it was made from", "[cache]") {
  const Manifest m = sample();
  const std::string copy = encode_manifest(m, "812 1764623103000000000");
  const auto back = decode_manifest(copy, "812 1764623103000000000");
  REQUIRE(back);
  same(*back, m);
  CHECK_FALSE(decode_manifest(copy, "812 1764623103000000001"));  // capture.json changed since
  CHECK_FALSE(decode_manifest(copy, ""));
}

TEST_CASE("a damaged copy is refused whole, never read in part", "[cache]") {
  const std::string id = "1 2";
  const std::string copy = encode_manifest(sample(), id);
  for (std::size_t n = 0; n < copy.size(); ++n) CHECK_FALSE(decode_manifest(copy.substr(0, n), id));  // every truncation
  CHECK_FALSE(decode_manifest(copy + "0:", id));                                                      // trailing bytes
  std::string wrong_magic = copy;
  wrong_magic[4] = 'M';
  CHECK_FALSE(decode_manifest(wrong_magic, id));
  Manifest outside = sample();
  outside.endpoints[0].file = "../../etc/passwd";  // a copy may not name a file outside its folder
  CHECK_FALSE(decode_manifest(encode_manifest(outside, id), id));
  std::string flag = copy;
  flag[flag.size() - 1] = '7';  // the last endpoint's not_modified is 0 or 1
  CHECK_FALSE(decode_manifest(flag, id));
}

TEST_CASE("listing a cache's captures writes each copy once, then reads the copy, not the JSON", "[cache]") {
  const fs::path cache = fs::temp_directory_path() / ("icq-manifest-copy-" + std::to_string(::getpid()));
  fs::remove_all(cache);
  const fs::path dir = cache / "captures" / "2026-12-01";
  fs::create_directories(dir);
  std::ofstream(dir / "capture.json") << R"({"api": "https://x", "fetched_at": "2026-12-01T21:05:03Z", "complete": true,
    "endpoints": [{"file": "benchmarks-dsr1.json", "path": "/api/v1/benchmarks", "bytes": 3, "rows": 1}]})";
  auto first = list_captures(cache);
  REQUIRE(first.size() == 1);
  CHECK(first[0].manifest.api == "https://x");
  REQUIRE(fs::exists(dir / "icq.manifest"));
  // A copy that says something else is what the next listing reads: it no longer parses the JSON.
  Manifest changed = first[0].manifest;
  changed.api = "https://from-the-copy";
  std::ofstream(dir / "icq.manifest", std::ios::trunc) << encode_manifest(changed, manifest_identity(dir / "capture.json"));
  auto second = list_captures(cache);
  REQUIRE(second.size() == 1);
  CHECK(second[0].manifest.api == "https://from-the-copy");
  // A rewritten capture.json makes the copy stale: parsed again, and the copy made anew.
  std::ofstream(dir / "capture.json", std::ios::trunc) << R"({"api": "https://y", "endpoints": []})";
  auto third = list_captures(cache);
  REQUIRE(third.size() == 1);
  CHECK(third[0].manifest.api == "https://y");
  CHECK(decode_manifest(std::string(std::istreambuf_iterator<char>(std::ifstream(dir / "icq.manifest").rdbuf()), {}),
                        manifest_identity(dir / "capture.json")));
  fs::remove_all(cache);
}
