// The build-time snapshot of the built-in data (data/snapshot.hpp) reads back as the very data set
// load_builtin produces, and a damaged snapshot is an error, never a partial data set.
#include <catch2/catch.hpp>

#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

#include "data/dataset.hpp"
#include "data/load.hpp"
#include "data/snapshot.hpp"

using namespace icq::data;

namespace {
Dataset fresh_builtin() {
  DatasetBuilder b;
  load_builtin(b);
  return std::move(b).finish();
}
}  // namespace

TEST_CASE("a snapshot reads back as the data set it was written from", "[data][snapshot]") {
  const Dataset a = fresh_builtin();
  const std::string bytes = write_snapshot(a);
  const Dataset b = read_snapshot(bytes);
  REQUIRE(a.lines() == b.lines());
  REQUIRE(a.rows().size() == b.rows().size());
  REQUIRE(a.rows().size() > 1000);
  for (std::size_t i = 0; i < a.rows().size(); ++i) {
    const Row& x = a.rows()[i];
    const Row& y = b.rows()[i];
    REQUIRE((x.line == y.line && x.date == y.date && x.conc == y.conc && x.source == y.source && x.present == y.present));
    REQUIRE(a.str(x.image) == b.str(y.image));
    REQUIRE(a.run_of(x) == b.run_of(y));
    for (std::size_t f = 0; f < kFieldCount; ++f) {
      const double vx = x.get(static_cast<Field>(f)), vy = y.get(static_cast<Field>(f));
      REQUIRE(std::memcmp(&vx, &vy, sizeof vx) == 0);
    }
  }
  for (std::size_t l = 0; l <= a.lines().size(); ++l) REQUIRE(a.line_begin(l) == b.line_begin(l));
  REQUIRE(a.evaluations().size() == b.evaluations().size());
  for (std::size_t i = 0; i < a.evaluations().size(); ++i) {
    const Evaluation& x = a.evaluations()[i];
    const Evaluation& y = b.evaluations()[i];
    REQUIRE((x.line == y.line && x.task == y.task && x.date == y.date && x.conc == y.conc && x.run_url == y.run_url));
    REQUIRE((x.em_strict == y.em_strict && x.em_strict_se == y.em_strict_se && x.source == y.source));
  }
  const LoadReport& ra = a.report();
  const LoadReport& rb = b.report();
  REQUIRE(ra.sources.size() == rb.sources.size());
  for (std::size_t i = 0; i < ra.sources.size(); ++i) {
    REQUIRE(ra.sources[i].name == rb.sources[i].name);
    REQUIRE(ra.sources[i].rows_kept == rb.sources[i].rows_kept);
    REQUIRE(ra.sources[i].skipped == rb.sources[i].skipped);
  }
  REQUIRE(ra.problems.size() == rb.problems.size());
  REQUIRE(ra.unusable_by_reason == rb.unusable_by_reason);
  REQUIRE(ra.ignored_fields == rb.ignored_fields);
  REQUIRE(ra.duplicates_merged == rb.duplicates_merged);
  REQUIRE(ra.warnings == rb.warnings);
  REQUIRE(ra.notes == rb.notes);
  // Writing what was read gives the same bytes.
  REQUIRE(write_snapshot(b) == bytes);
}

TEST_CASE("a damaged snapshot is an error", "[data][snapshot]") {
  const std::string bytes = write_snapshot(fresh_builtin());
  CHECK_THROWS_AS(read_snapshot(bytes.substr(0, bytes.size() / 2)), SnapshotError);
  CHECK_THROWS_AS(read_snapshot(bytes.substr(0, 7)), SnapshotError);
  CHECK_THROWS_AS(read_snapshot(bytes + "x"), SnapshotError);
  std::string wrong = bytes;
  wrong[0] = 'X';
  CHECK_THROWS_WITH(read_snapshot(wrong), "not an icq snapshot");
}

TEST_CASE("a snapshot of another version is refused by name", "[data][snapshot]") {
  std::string old = write_snapshot(fresh_builtin());
  old.replace(0, 8, "ICQSNAP1");
  CHECK_THROWS_WITH(read_snapshot(old), "not an icq snapshot of this version");
}

TEST_CASE("read in place, the rows' metrics stay in the snapshot's bytes, and misaligned bytes are copied", "[data][snapshot]") {
  const Dataset a = fresh_builtin();
  const std::string bytes = write_snapshot(a);
  // 8-aligned bytes (a mapped file, the embedded data): every row points into them.
  std::vector<std::uint64_t> aligned((bytes.size() + 7) / 8);
  std::memcpy(aligned.data(), bytes.data(), bytes.size());
  const std::string_view in(reinterpret_cast<const char*>(aligned.data()), bytes.size());
  const Dataset b = read_snapshot_in_place(in, nullptr);
  // Bytes one past an 8-byte boundary: the metrics are copied, with the same values.
  std::string shifted = " " + bytes;
  const Dataset c = read_snapshot_in_place(std::string_view(shifted).substr(1), nullptr);
  REQUIRE(b.rows().size() == a.rows().size());
  REQUIRE(c.rows().size() == a.rows().size());
  const auto inside = [](const double* p, std::string_view s) {
    return reinterpret_cast<const char*>(p) >= s.data() && reinterpret_cast<const char*>(p) < s.data() + s.size();
  };
  for (std::size_t i = 0; i < a.rows().size(); ++i) {
    REQUIRE((b.rows()[i].present == 0 || inside(b.rows()[i].values, in)));
    REQUIRE_FALSE(inside(c.rows()[i].values, shifted));
    for (std::size_t f = 0; f < kFieldCount; ++f) {
      const double va = a.rows()[i].get(static_cast<Field>(f)), vb = b.rows()[i].get(static_cast<Field>(f)),
                   vc = c.rows()[i].get(static_cast<Field>(f));
      REQUIRE(std::memcmp(&va, &vb, sizeof va) == 0);
      REQUIRE(std::memcmp(&va, &vc, sizeof va) == 0);
    }
  }
  CHECK(write_snapshot(b) == bytes);
  CHECK(write_snapshot(c) == bytes);
}

TEST_CASE("the evaluations are a section of known length: the build's own snapshot leaves them unwalked, others are checked",
          "[data][snapshot]") {
  const Dataset a = fresh_builtin();
  REQUIRE_FALSE(a.evaluations().empty());
  const std::string bytes = write_snapshot(a);
  // The section: its length in bytes, then the evaluations' count and records.
  const std::uint64_t count = a.evaluations().size();
  std::size_t at = std::string::npos;
  for (std::size_t p = 8; p + 8 <= bytes.size(); ++p) {
    std::uint64_t length = 0, n = 0;
    std::memcpy(&length, bytes.data() + p - 8, 8), std::memcpy(&n, bytes.data() + p, 8);
    if (n == count && length > 8 && p + length <= bytes.size()) at = p - 8;
  }
  REQUIRE(at != std::string::npos);
  std::vector<std::uint64_t> aligned((bytes.size() + 7) / 8);
  std::memcpy(aligned.data(), bytes.data(), bytes.size());
  const std::string_view in(reinterpret_cast<const char*>(aligned.data()), bytes.size());
  const Dataset b = read_builtin_snapshot(in);
  REQUIRE(b.evaluations().size() == a.evaluations().size());
  CHECK(b.evaluations().back().task == a.evaluations().back().task);
  CHECK(write_snapshot(b) == bytes);
  // A length one short: the records overrun it, which a checked read sees before any query.
  std::string short_by_one = bytes;
  std::uint64_t length = 0;
  std::memcpy(&length, short_by_one.data() + at, 8);
  --length;
  std::memcpy(short_by_one.data() + at, &length, 8);
  CHECK_THROWS_AS(read_snapshot(short_by_one), SnapshotError);
  std::memcpy(aligned.data(), short_by_one.data(), short_by_one.size());
  CHECK_THROWS_AS(read_snapshot_in_place(in, nullptr), SnapshotError);
}
