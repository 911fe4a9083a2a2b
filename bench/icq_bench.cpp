// Google Benchmark micro-benchmarks of the hot paths: ingest of API JSON, the built-in load, parsing,
// and warm statements in one session. Whole-process and scale figures come from hyperfine and
// icq_scale (bench/run.sh); this binary is for looking at one path at a time.
#include <benchmark/benchmark.h>

#include <icq/session.hpp>

#include <fstream>
#include <sstream>
#include <string>

#include "data/dataset.hpp"
#include "data/embedded.hpp"
#include "data/load.hpp"
#include "parser.hpp"

namespace {

constexpr const char* kCompare = "compare precision fp4 vs fp8 on mi355x model dsr1 seq 1k/1k";
constexpr const char* kTrend = "trend throughput on mi355x model dsr1 precision fp4 seq 1k/1k at interactivity 50";
constexpr const char* kFrontier = "frontier on mi355x model dsr1 precision fp4 seq 1k/1k";

// A real file of the shared data set, read once, followed by simdjson's padding.
const std::string& history_file() {
  static const std::string bytes = [] {
    std::ifstream in(std::string(ICQ_BENCH_DATA_DIR) + "/api/2026-06-14/benchmarks-history.json", std::ios::binary);
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str() + std::string(64, '\0');
  }();
  return bytes;
}

void BM_IngestApiJson(benchmark::State& state) {
  const std::string& file = history_file();
  const std::string_view bytes(file.data(), file.size() - 64);
  std::size_t rows = 0;
  for (auto _ : state) {
    icq::data::DatasetBuilder b;
    icq::data::load_bytes(b, "benchmarks-history.json", bytes, true);
    const auto ds = std::move(b).finish();
    rows = ds.rows().size();
    benchmark::DoNotOptimize(rows);
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * bytes.size()));
  state.counters["rows"] = static_cast<double>(rows);
}
BENCHMARK(BM_IngestApiJson)->Unit(benchmark::kMillisecond);

void BM_LoadBuiltin(benchmark::State& state) {
  std::size_t bytes = 0;
  for (const auto& f : icq::data::embedded_files()) {
    const std::string_view name = f.name;
    const auto base = name.substr(name.find_last_of('/') + 1);
    if (base.starts_with("benchmarks") || base.starts_with("evaluations")) bytes += f.bytes().size();
  }
  for (auto _ : state) {
    icq::data::DatasetBuilder b;
    icq::data::load_builtin(b);
    const auto ds = std::move(b).finish();
    benchmark::DoNotOptimize(ds.rows().data());
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * bytes));
}
BENCHMARK(BM_LoadBuiltin)->Unit(benchmark::kMillisecond);

void BM_Parse(benchmark::State& state) {
  for (auto _ : state) benchmark::DoNotOptimize(icq::grammar::parse(kCompare));
}
BENCHMARK(BM_Parse);

void warm(benchmark::State& state, const char* query) {
  icq::Session session;
  for (auto _ : state) {
    auto out = session.run(query);
    if (!out.ok()) state.SkipWithError("query failed");
    benchmark::DoNotOptimize(out);
  }
}
void BM_WarmCompare(benchmark::State& state) { warm(state, kCompare); }
void BM_WarmTrend(benchmark::State& state) { warm(state, kTrend); }
void BM_WarmFrontier(benchmark::State& state) { warm(state, kFrontier); }
BENCHMARK(BM_WarmCompare)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_WarmTrend)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_WarmFrontier)->Unit(benchmark::kMicrosecond);

}  // namespace

BENCHMARK_MAIN();
