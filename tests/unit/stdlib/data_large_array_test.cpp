// Files over 16 MiB that are one JSON array are parsed a piece at a time (DECISIONS.md,
// Performance and storage): every record is read once, cuts that fall inside multi-line records
// are repaired, and a broken record is reported with its row and file line like in a small file.
#include <catch2/catch.hpp>

#include <string>

#include "data_helpers.hpp"

using namespace icq::data;

namespace {

// One API row, pretty-printed over several lines (so line breaks also fall inside records).
std::string record(int conc) {
  return "  {\n    \"hardware\": \"mi355x\", \"framework\": \"sglang\", \"model\": \"dsr1\", \"precision\": \"fp8\",\n"
         "    \"spec_method\": \"none\", \"disagg\": false, \"is_multinode\": false, \"isl\": 1024, \"osl\": 1024,\n"
         "    \"conc\": " +
         std::to_string(conc) +
         ", \"date\": \"2026-01-02\", \"image\": \"img\",\n"
         "    \"metrics\": {\n      \"tput_per_gpu\": " +
         std::to_string(1000 + conc) + ".5,\n      \"median_intvty\": 42.25\n    }\n  }";
}

constexpr int kRecordLines = 9;  // eight line breaks inside a record, one after its comma

// "[\n" and records 1, 2, … until the text reaches `min_bytes`, their count in `n`; record
// `broken` (0: none) gets a doubled colon.
std::string big_array(std::size_t min_bytes, int& n, int broken = 0) {
  std::string text = "[\n";
  n = 0;
  while (text.size() < min_bytes) {
    if (n) text += ",\n";
    ++n;
    std::string r = record(n);
    if (n == broken) r.replace(r.find("\"conc\":"), 7, "\"conc\"::");
    text += r;
  }
  return text;
}

Dataset load_big(const std::string& text) {
  std::string padded = text + std::string(64, '\0');
  DatasetBuilder b;
  load_bytes(b, "big.json", std::string_view(padded.data(), text.size()), true);
  return std::move(b).finish();
}

}  // namespace

TEST_CASE("a large array is read whole, piece by piece", "[data][large]") {
  int n = 0;
  const Dataset ds = load_big(big_array(std::size_t{20} << 20, n) + "\n]\n");
  REQUIRE(ds.rows().size() == static_cast<std::size_t>(n));
  REQUIRE(ds.report().problems.empty());
  REQUIRE(ds.report().warnings.empty());
  CHECK(ds.rows().front().conc == 1);
  CHECK(ds.rows().back().conc == n);
  CHECK(ds.rows().back().get(Field::tput_per_gpu) == 1000.5 + n);
}

TEST_CASE("a broken record in a large array is reported with its row and line", "[data][large]") {
  int n = 0;
  const int broken = 30000;  // well past the first 4 MiB piece
  const Dataset ds = load_big(big_array(std::size_t{20} << 20, n, broken) + "\n]\n");
  REQUIRE(ds.rows().size() == static_cast<std::size_t>(n - 1));
  REQUIRE(ds.report().problems.size() == 1);
  const Problem& p = ds.report().problems.front();
  // Record k starts on line 2 + (k - 1) * kRecordLines ("[" is line 1).
  CHECK(p.where == "row " + std::to_string(broken) + " (line " + std::to_string(2 + (broken - 1) * kRecordLines) + ")");
  CHECK(p.reason.rfind("invalid JSON", 0) == 0);
  REQUIRE(ds.report().warnings.size() == 1);
  CHECK(ds.report().warnings.front().find("read one by one") != std::string::npos);
}

TEST_CASE("a truncated large array keeps its whole records", "[data][large]") {
  int n = 0;
  std::string text = big_array(std::size_t{18} << 20, n);
  text.resize(text.size() - 40);  // cut inside the last record; no closing bracket
  const Dataset ds = load_big(text);
  REQUIRE(ds.rows().size() == static_cast<std::size_t>(n - 1));
  REQUIRE(ds.report().problems.size() == 1);
  CHECK(ds.report().problems.front().reason == "the file ends inside this record (truncated)");
  CHECK(ds.report().problems.front().where.rfind("row " + std::to_string(n) + " ", 0) == 0);
}
