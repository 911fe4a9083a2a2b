#include "data/captures.hpp"

#include <array>

namespace icq::data {

namespace {
constexpr std::array kPartial = {
    PartialCapture{"api-partial/2026-08-13/benchmarks-qwen3.5-partial.json", "Qwen 3.5", "2026-08-13", 518, 900},
};
}  // namespace

const PartialCapture* partial_capture(std::string_view source_name) noexcept {
  for (const auto& p : kPartial)
    if (source_name.size() >= p.file.size() && source_name.substr(source_name.size() - p.file.size()) == p.file) return &p;
  return nullptr;
}

}  // namespace icq::data
