// A data file named *.json with arbitrary content: API rows, runner aggregates, evaluations and
// serving-raw bodies (load_bytes recognises the format from the content), then the data set.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "fuzz_load.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  icq::fuzz::load_and_check("fuzz/input.json", std::string_view(reinterpret_cast<const char*>(data), size));
  return 0;
}
