// What `icq fetch` reads of a server's answers (repl/fetch/api_json.hpp) and of a cache's
// capture.json (repl/common/cache.hpp, written by repl/fetch/capture.hpp) and its copy icq.manifest
// (repl/common/manifest_copy.hpp), on arbitrary bytes: never a crash, and the few promises they make hold.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

#include "api_json.hpp"
#include "cache.hpp"
#include "capture.hpp"
#include "fuzz_check.hpp"
#include "manifest_copy.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace icq::fetch;
  const std::string body(reinterpret_cast<const char*>(data), size);  // an exact-size copy: ASan sees overreads
  const ArrayCheck check = check_array(body);
  ICQ_FUZZ_CHECK(check.ok != !check.why.empty());
  // A valid array of objects: one identity per record.
  if (check.ok) ICQ_FUZZ_CHECK(row_identities(body).size() == check.rows);
  std::string why;
  if (const auto models = openapi_models(body, why)) ICQ_FUZZ_CHECK(!models->empty());
  else ICQ_FUZZ_CHECK(!why.empty());
  for (const auto& o : availability_offers(body)) ICQ_FUZZ_CHECK(!o.model.empty() && (o.agentic ? o.isl == 0 : o.isl > 0 && o.osl > 0));
  (void)error_text(body);
  ICQ_FUZZ_CHECK(first_bytes(body, 16).size() <= 16 + 3);
  // A copy is read whole or not at all: what it gives has only plain file names, and writes back as it was.
  if (const auto c = decode_manifest(body, "1 2")) {
    for (const auto& e : c->endpoints) ICQ_FUZZ_CHECK(plain_file_name(e.file));
    ICQ_FUZZ_CHECK(encode_manifest(*c, "1 2") == body);
  }
  // capture.json reads back what it writes, and so does its copy.
  if (const auto m = parse_manifest(body)) {
    const auto copy = decode_manifest(encode_manifest(*m, "1 2"), "1 2");
    ICQ_FUZZ_CHECK(copy && copy->api == m->api && copy->models == m->models && copy->endpoints.size() == m->endpoints.size());
    const auto again = parse_manifest(write_manifest(*m));
    ICQ_FUZZ_CHECK(again && again->api == m->api && again->models == m->models && again->endpoints.size() == m->endpoints.size());
    for (std::size_t i = 0; i < m->endpoints.size(); ++i)
      ICQ_FUZZ_CHECK(again->endpoints[i].file == m->endpoints[i].file && again->endpoints[i].sha256 == m->endpoints[i].sha256 &&
                     again->endpoints[i].rows == m->endpoints[i].rows);
  }
  return 0;
}
