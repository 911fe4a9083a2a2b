#pragma once
// Files embedded into the binary at build time (cmake/IcqEmbed.cmake). Each is followed by at
// least 64 readable zero bytes, so simdjson can parse it in place.
#include <span>
#include <string_view>

namespace icq::data {

struct EmbeddedFile {
  const char* name;  // path relative to the data folder, e.g. "api/2026-06-14/benchmarks.json"
  const char* begin;
  const char* end;
  [[nodiscard]] std::string_view bytes() const noexcept { return {begin, static_cast<std::size_t>(end - begin)}; }
};

std::span<const EmbeddedFile> embedded_files() noexcept;

}  // namespace icq::data
