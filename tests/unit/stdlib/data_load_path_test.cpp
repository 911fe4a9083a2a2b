// load_path: a file, or a directory walked recursively in sorted order; only .json/.csv are data;
// hidden entries are skipped; a missing path is an I/O error (LoadError), not a data problem.
#include <catch2/catch.hpp>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "data_helpers.hpp"

using namespace icq::data;
using namespace icq_test;
namespace fs = std::filesystem;

namespace {

// A scratch directory removed when the test ends.
struct TempDir {
  fs::path path;
  TempDir() {
    const auto stamp = std::chrono::steady_clock::now().time_since_epoch().count();
    path = fs::temp_directory_path() / ("icq-unit-load-path-" + std::to_string(stamp));
    fs::create_directories(path);
  }
  ~TempDir() {
    std::error_code ec;
    fs::remove_all(path, ec);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  void write(const std::string& rel, const std::string& bytes) const {
    fs::create_directories((path / rel).parent_path());
    std::ofstream(path / rel, std::ios::binary) << bytes;
  }
};

const char* kGood = R"("tput_per_gpu": 100.0, "median_intvty": 50.0)";

}  // namespace

TEST_CASE("load_path: a missing path throws LoadError", "[data][load_path]") {
  DatasetBuilder b;
  REQUIRE_THROWS_AS(load_path(b, data_path("no/such/file.json")), LoadError);
  REQUIRE_THROWS_WITH(load_path(b, "/nonexistent-icq-path"), Catch::Contains("no such file or directory"));
  REQUIRE(b.report().sources.empty());
}

TEST_CASE("load_path: a directory without data files throws LoadError", "[data][load_path]") {
  TempDir dir;
  dir.write("readme.txt", "not data");
  DatasetBuilder b;
  REQUIRE_THROWS_WITH(load_path(b, dir.path), Catch::Contains("holds no .json or .csv files"));
}

TEST_CASE("load_path: a directory loads only .json/.csv, recursively, in sorted order", "[data][load_path]") {
  TempDir dir;
  dir.write("b.json", array_of({api_row(kGood, R"("date": "2026-05-01")", 4)}));
  dir.write("a.CSV",
            "Model,ISL,OSL,Hardware,Framework,Precision,TP,Concurrency,Date,Throughput/GPU (tok/s),"
            "Median Interactivity (tok/s/user)\n"
            "dsr1,1024,1024,h200,sglang,fp8,8,4,2026-06-02,98.8,102.7\n");
  dir.write("sub/c.json", array_of({api_row(kGood, R"("date": "2026-05-01")", 8)}));
  dir.write("notes.txt", "[not loaded]");
  dir.write("data.json.bak", "[not loaded]");
  dir.write(".hidden.json", "[not loaded either]");
  dir.write(".git/d.json", "[hidden directory]");

  DatasetBuilder b;
  std::vector<std::string> progress;
  load_path(b, dir.path, [&](std::size_t, std::size_t total, std::string_view name) {
    REQUIRE(total == 3);
    if (!name.empty()) progress.emplace_back(name);
  });
  const Dataset ds = std::move(b).finish();
  const auto& srcs = ds.report().sources;
  REQUIRE(srcs.size() == 3);
  REQUIRE(srcs[0].name == (dir.path / "a.CSV").string());
  REQUIRE(srcs[1].name == (dir.path / "b.json").string());
  REQUIRE(srcs[2].name == (dir.path / "sub" / "c.json").string());
  REQUIRE(progress.size() == 3);
  REQUIRE(progress[0] == srcs[0].name);
  REQUIRE(ds.rows().size() == 3);
  for (const auto& s : srcs) REQUIRE(s.rows_kept == 1);
}

TEST_CASE("load_path: a single file is loaded whatever its extension", "[data][load_path]") {
  TempDir dir;
  dir.write("rows.txt", array_of({api_row(kGood)}));
  DatasetBuilder b;
  load_path(b, dir.path / "rows.txt");
  const Dataset ds = std::move(b).finish();
  REQUIRE(ds.rows().size() == 1);
  REQUIRE(ds.report().sources.at(0).format == "api-json");
}

TEST_CASE("load_path: the format comes from the content, not the extension", "[data][load_path]") {
  // A CSV export saved with a .json name is still read as CSV.
  TempDir dir;
  dir.write("export.json",
            "# licence\nModel,ISL,OSL,Hardware,Framework,Precision,TP,Concurrency,Date,Throughput/GPU (tok/s),"
            "Median Interactivity (tok/s/user)\n"
            "dsr1,1024,1024,h200,sglang,fp8,8,4,2026-06-02,98.8,102.7\n");
  DatasetBuilder b;
  load_path(b, dir.path);
  const Dataset ds = std::move(b).finish();
  REQUIRE(ds.report().sources.at(0).format == "csv-export");
  REQUIRE(ds.rows().size() == 1);
}

TEST_CASE("load_path: the whole data folder", "[data][load_path]") {
  // api (2 captures, 11 files), api-partial (1), api-found (1), blog-tables (8), csv-export (2),
  // serving-raw (14), agentic (6): 43 data files; README.md is not data.
  const Dataset ds = load_files({""});
  REQUIRE(ds.report().sources.size() == 43);
  std::size_t skipped = 0;
  for (const auto& s : ds.report().sources) skipped += !s.skipped.empty();
  REQUIRE(skipped == 5);  // availability x2, reliability x2, workflow-info (evaluations load)
  REQUIRE(reason_count(ds, "missing tput_per_gpu") == 1);
  REQUIRE(ds.report().unusable_by_reason.size() == 2);  // that one and the 5 mislabelled serving-raw files
}
