// Data on top of the built-in set (SessionOptions::extra_paths, the cache of `icq fetch`): its rows
// win the duplicate merge, the host's note reaches every result that shows data, and the snapshot a
// host saves stands in for the files only while it still describes them.
#include <filesystem>
#include <fstream>

#include "interp_fixture.hpp"

using namespace icq_test;

namespace {

// A copy of a real capture file in a temporary folder: the built-in data holds the same rows.
std::string copy_of_builtin_rows(const TempData& dir) {
  const std::string to = dir.path() + "/benchmarks-dsr1.json";
  std::filesystem::copy_file(std::string(ICQ_DATA_DIR) + "/api/2026-06-14/benchmarks.json", to);
  return to;
}

icq::Session with_extra(const std::vector<std::string>& paths, std::string snapshot = {}) {
  icq::SessionOptions o;
  o.extra_paths = paths;
  o.extra_snapshot = std::move(snapshot);
  o.data_note = "data: built-in snapshot + capture test";
  return icq::Session(std::move(o));
}

std::string rendered(icq::Session& s, const std::string& query) { return icq::render(run_ok(s, query), icq::Format::json); }

}  // namespace

TEST_CASE("extra data: loaded over the built-in data, its rows win the duplicates", "[session][extra]") {
  const TempData dir;
  const std::string file = copy_of_builtin_rows(dir);
  icq::Session builtin;
  icq::Session s = with_extra({file});
  CHECK(s.data().rows == builtin.data().rows);  // the same rows: merged, none added
  CHECK(any_contains(s.data().sources, "cache:" + file));
  const auto points = run_ok(s, "points on mi355x model dsr1 precision fp4 show source limit 1");
  REQUIRE_FALSE(points.tables.empty());
  REQUIRE_FALSE(points.tables[0].rows.empty());
  const auto& cell = points.tables[0].rows[0].back();
  REQUIRE(std::holds_alternative<std::string>(cell));
  CHECK(std::get<std::string>(cell).rfind("cache:", 0) == 0);
}

TEST_CASE("extra data: the host's note reaches every result that shows data", "[session][extra]") {
  const TempData dir;
  icq::Session s = with_extra({copy_of_builtin_rows(dir)});
  CHECK(any_contains(run_ok(s, "list models").notes, "capture test"));
  CHECK(any_contains(run_ok(s, "compare precision fp4 vs fp8 on mi355x model dsr1").notes, "capture test"));
  CHECK_FALSE(any_contains(run_ok(s, "help").notes, "capture test"));
  CHECK(s.data().note == "data: built-in snapshot + capture test");
}

TEST_CASE("extra data: a saved snapshot stands in for the files while it describes them", "[session][extra]") {
  const TempData dir;
  const std::string file = copy_of_builtin_rows(dir), snap = dir.path() + "/icq.snapshot";
  const std::string query = "compare precision fp4 vs fp8 on mi355x model dsr1";
  icq::Session parsed = with_extra({file});
  CHECK(parsed.data().snapshot.empty());
  parsed.save_snapshot(snap);

  icq::Session fast = with_extra({file}, snap);
  CHECK(fast.data().snapshot == snap);
  CHECK(fast.data().sources == parsed.data().sources);
  CHECK(rendered(fast, query) == rendered(parsed, query));

  SECTION("another file list: parsed instead") {
    icq::Session other = with_extra({file, file}, snap);
    CHECK(other.data().snapshot.empty());
  }
  SECTION("a file that changed: parsed instead") {
    std::ofstream(file, std::ios::app) << "\n";
    icq::Session changed = with_extra({file}, snap);
    CHECK(changed.data().snapshot.empty());
    CHECK(rendered(changed, query) == rendered(parsed, query));
  }
  SECTION("a damaged snapshot: parsed instead") {
    std::filesystem::resize_file(snap, std::filesystem::file_size(snap) / 2);
    icq::Session damaged = with_extra({file}, snap);
    CHECK(damaged.data().snapshot.empty());
    CHECK(rendered(damaged, query) == rendered(parsed, query));
  }
}

TEST_CASE("extra data: a snapshot that cannot be read is written again when the host asks (refresh_snapshot)", "[session][extra]") {
  const TempData dir;
  const std::string file = copy_of_builtin_rows(dir), snap = dir.path() + "/icq.snapshot";
  // The previous layout (version 1) is refused like a damaged file: parsed, then rewritten.
  std::ofstream(snap, std::ios::binary) << "ICQCACHE1\n" << std::string(64, '\xff');
  icq::SessionOptions o;
  o.extra_paths = {file};
  o.extra_snapshot = snap;
  o.refresh_snapshot = true;
  const icq::Session first(o);
  CHECK(first.data().snapshot.empty());
  std::ifstream written(snap, std::ios::binary);
  std::string magic(10, '\0');
  written.read(magic.data(), 10);
  CHECK(magic == "ICQCACHE3\n");
  const icq::Session second(o);
  CHECK(second.data().snapshot == snap);
  CHECK(second.data().rows == first.data().rows);
  SECTION("without refresh_snapshot a stale snapshot is left as it is") {
    std::ofstream(snap, std::ios::binary) << "ICQCACHE1\n";
    o.refresh_snapshot = false;
    const icq::Session third(o);
    CHECK(third.data().snapshot.empty());
    CHECK(std::filesystem::file_size(snap) == 10);
  }
}

TEST_CASE("extra data: --data replaces the built-in data and the extra paths, and cannot be saved", "[session][extra]") {
  const TempData dir({row(10, 100, 4), row(20, 50, 8)});
  icq::SessionOptions o;
  o.data_paths = {dir.path()};
  o.extra_paths = {std::string(ICQ_DATA_DIR) + "/api/2026-06-14/benchmarks.json"};
  icq::Session s(std::move(o));
  CHECK(s.data().rows == 2);
  CHECK_THROWS_AS(s.save_snapshot(dir.path() + "/icq.snapshot"), icq::Error);
}
