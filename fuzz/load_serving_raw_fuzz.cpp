// benchmark_serving.py output, whose configuration is in the file name. The input is
// "NAME\nBODY" when its first line looks like a file name (ends in .json, at most 255 bytes, no
// NUL), so both the name parser and the body are fuzzed; otherwise the whole input is the body of
// a file with a real serving-raw name.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "fuzz_load.hpp"

namespace {
constexpr std::string_view kDefaultName = "serving-raw/gptoss_h200_vllm22.0_sweep1__gptoss_fp4_h200_tp8_conc16_isl1024_osl1024.json";
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view body(reinterpret_cast<const char*>(data), size);
  std::string name(kDefaultName);
  if (const auto nl = body.find('\n'); nl != std::string_view::npos && nl <= 255) {
    const std::string_view first = body.substr(0, nl);
    if (first.ends_with(".json") && first.find('\0') == std::string_view::npos) {
      name = "serving-raw/" + std::string(first);
      body.remove_prefix(nl + 1);
    }
  }
  icq::fuzz::load_and_check(std::move(name), body);
  return 0;
}
