// What `icq fetch` reads of a server's answers (repl/fetch/api_json.hpp) and of a cache's
// capture.json (repl/common/cache.hpp, written by repl/fetch/capture.hpp), on arbitrary bytes:
// never a crash, and the few promises they make hold.
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
  // capture.json reads back what it writes.
  if (const auto m = parse_manifest(body)) {
    const auto again = parse_manifest(write_manifest(*m));
    ICQ_FUZZ_CHECK(again && again->api == m->api && again->models == m->models && again->endpoints.size() == m->endpoints.size());
    for (std::size_t i = 0; i < m->endpoints.size(); ++i)
      ICQ_FUZZ_CHECK(again->endpoints[i].file == m->endpoints[i].file && again->endpoints[i].sha256 == m->endpoints[i].sha256 &&
                     again->endpoints[i].rows == m->endpoints[i].rows);
  }
  return 0;
}
