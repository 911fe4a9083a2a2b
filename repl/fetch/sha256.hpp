#pragma once
// SHA-256 (FIPS 180-4) of a byte string, as 64 lower-case hex digits: the content hash `icq fetch`
// records per endpoint (the API sends no validators, so an unchanged endpoint is known by its hash).
#include <string>
#include <string_view>

namespace icq::fetch {

std::string sha256_hex(std::string_view bytes);

}  // namespace icq::fetch
