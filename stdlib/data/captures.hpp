#pragma once
// Captures known to be incomplete (../shared/data/inferencex/README.md): configuration lines may
// miss concurrencies or be absent, so every result computed from their rows says so.
#include <cstddef>
#include <string_view>

namespace icq::data {

struct PartialCapture {
  std::string_view file;            // path suffix: "api-partial/2026-08-13/benchmarks-qwen3.5-partial.json"
  std::string_view what;            // "Qwen 3.5"
  std::string_view date;            // the capture's date
  std::size_t rows = 0, about = 0;  // rows it holds, of about how many the endpoint returned
};

// The known partial capture a source file is, by its name (a path or "built-in:…"); null otherwise.
const PartialCapture* partial_capture(std::string_view source_name) noexcept;

}  // namespace icq::data
