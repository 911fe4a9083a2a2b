// A data file named *.csv with arbitrary content: the dashboard's CSV export ('#' licence lines,
// a header, rows), then the data set.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "fuzz_load.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  icq::fuzz::load_and_check("fuzz/DeepSeek-R1-0528.csv", std::string_view(reinterpret_cast<const char*>(data), size));
  return 0;
}
