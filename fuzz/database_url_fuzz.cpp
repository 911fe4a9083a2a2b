// What icq reads of a database URL given as data (stdlib/data/database_url.hpp), on arbitrary bytes:
// the URL as shown names no password (showing it again finds none), stays a database URL exactly
// when it was one, and text scrubbed of a URL's secrets holds none of them (secrets without '*',
// which the "***" replacement could itself spell).
#include <cstddef>
#include <cstdint>
#include <string>

#include "data/database_url.hpp"
#include "fuzz_check.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace icq::data;
  const std::string text(reinterpret_cast<const char*>(data), size);  // an exact-size copy: ASan sees overreads
  for (const std::string& url : {text, "postgresql://" + text}) {
    const std::string shown = redact_database_url(url);
    ICQ_FUZZ_CHECK(is_database_url(shown) == is_database_url(url));
    ICQ_FUZZ_CHECK(database_url_secrets(shown).empty());
    ICQ_FUZZ_CHECK(shown.size() <= url.size());
  }
  const auto secrets = database_secrets_in(text);
  const std::string scrubbed = scrub_secrets(text, secrets);
  for (const auto& s : secrets)
    if (!s.empty() && s.find('*') == std::string::npos) ICQ_FUZZ_CHECK(scrubbed.find(s) == std::string::npos);
  return 0;
}
