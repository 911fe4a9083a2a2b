#pragma once
// Writing a capture of the cache (common/cache.hpp reads it): capture.json's text, the capture's
// time stamp and the name of its folder.
#include <ctime>
#include <filesystem>
#include <string>
#include <string_view>

#include "cache.hpp"

namespace icq::fetch {

std::string write_manifest(const Manifest& m);

// "2026-12-01T21:05:03Z" of a time (common/cache.hpp's parse_iso_utc reads it back).
std::string iso_utc(std::time_t t);

// The name of the next capture of `date` ("2026-12-01", else "2026-12-01-2", …) not yet in `cache`.
std::string next_capture_name(const std::filesystem::path& cache, std::string_view date);

}  // namespace icq::fetch
