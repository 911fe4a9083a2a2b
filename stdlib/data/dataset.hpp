#pragma once
// Benchmark rows, normalised and de-duplicated, with the report of how they were loaded.
// A *line* is one serving configuration on one sequence shape (SEMANTICS.md §1); rows point to
// their line, so the many rows of a line share one copy of its configuration.
#include <array>
#include <cmath>
#include <compare>
#include <cstdint>
#include <limits>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "data/fields.hpp"
#include "data/runs.hpp"

namespace icq::data {

struct Line {
  std::string hardware;   // GPU key ("mi355x"), runner suffixes removed
  std::string framework;  // framework key ("sglang", "dynamo-trt")
  std::string model;      // model key ("dsr1")
  std::string precision;  // "fp4" | "fp8" | "bf16" | "int4"
  std::string spec_method = "none";
  bool disagg = false;
  bool is_multinode = false;
  std::int32_t prefill_tp = 0, prefill_ep = 0;
  bool prefill_dp_attention = false;
  std::int32_t prefill_num_workers = 0;
  std::int32_t decode_tp = 0, decode_ep = 0;
  bool decode_dp_attention = false;
  std::int32_t decode_num_workers = 0;
  std::int32_t num_prefill_gpu = 0, num_decode_gpu = 0;
  std::int32_t isl = 0, osl = 0;  // 0/0 for agentic trace replay
  std::string benchmark_type = "single_turn";
  std::string offload_mode = "off";

  auto operator<=>(const Line&) const = default;
  bool operator==(const Line&) const = default;

  // GPUs serving one instance: prefill + decode GPUs when disaggregated, else the TP width.
  [[nodiscard]] std::int32_t gpus() const noexcept { return disagg ? num_prefill_gpu + num_decode_gpu : decode_tp; }
  [[nodiscard]] std::string sequence() const;  // "1k/1k", "agentic"
  // Agentic trace replay (AgentX): benchmark_type agentic_traces, or no sequence shape at all.
  [[nodiscard]] bool agentic() const noexcept {
    return (isl == 0 && osl == 0) || std::string_view(benchmark_type) == std::string_view("agentic_traces");
  }
};

// One measured point. Only the metrics a row carries are stored (most API rows carry 13 of the
// kFieldCount fields): `values` points at them, in field order, in the Dataset's shared pool.

// The set bits of v. std::popcount is a call into libgcc on the baseline x86-64 (no POPCNT
// instruction), and every metric read counts bits: the bit trick, inline.
constexpr int bit_count(std::uint64_t v) noexcept {
  v = v - ((v >> 1) & 0x5555555555555555ull);
  v = (v & 0x3333333333333333ull) + ((v >> 2) & 0x3333333333333333ull);
  v = (v + (v >> 4)) & 0x0f0f0f0f0f0f0f0full;
  return static_cast<int>((v * 0x0101010101010101ull) >> 56);
}
static_assert(bit_count(0) == 0 && bit_count(~std::uint64_t{0}) == 64 && bit_count(0x8000000000000001ull) == 2);

struct Row {
  std::uint32_t line = 0;
  std::int32_t date = 0;  // days since 1970-01-01; text::kNoDate when the source has none
  std::int32_t conc = 0;
  std::uint32_t source = 0;   // index into LoadReport::sources
  std::uint32_t image = 0;    // string id (0 = none)
  std::uint32_t run = 0;      // index into Dataset::runs(), which are in run order (0 = no run named)
  std::uint64_t present = 0;  // bit f set: metric f is stored (never NaN)
  const double* values = nullptr;

  [[nodiscard]] bool has(Field f) const noexcept { return (present >> static_cast<unsigned>(f)) & 1; }
  [[nodiscard]] double get(Field f) const noexcept {
    const auto i = static_cast<unsigned>(f);
    if (!((present >> i) & 1)) return std::numeric_limits<double>::quiet_NaN();
    return values[bit_count(present & ((std::uint64_t{1} << i) - 1))];
  }
};
static_assert(kFieldCount <= 64, "Row::present is a 64-bit mask");

// An accuracy evaluation of one configuration (evaluations.json): lm-eval exact-match scores.
struct Evaluation {
  Line line;         // configuration; isl/osl are 0 (evaluations are not tied to a sequence shape)
  std::string task;  // "gsm8k"
  std::int32_t date = 0;
  std::int32_t conc = 0;
  double em_strict = std::numeric_limits<double>::quiet_NaN();
  double em_strict_se = std::numeric_limits<double>::quiet_NaN();
  double em_flexible = std::numeric_limits<double>::quiet_NaN();
  double em_flexible_se = std::numeric_limits<double>::quiet_NaN();
  double n_eff = std::numeric_limits<double>::quiet_NaN();
  std::string run_url;
  std::uint32_t source = 0;

  // Under 1% strict exact match: the run answered (almost) nothing right, so it failed (a crash, a
  // broken harness) rather than measured the model; the data holds gsm8k scores of 0 and 0.004
  // among the ~0.95 of working deployments.
  static constexpr double kFailedBelow = 0.01;
  [[nodiscard]] bool failed() const noexcept { return em_strict < kFailedBelow; }
};

struct SourceReport {
  std::string name;                // path, or "built-in:api/2026-06-14/benchmarks.json"
  std::string format;              // "api-json", "csv-export", "runner-json", "serving-raw", or what was skipped
  std::size_t rows_read = 0;       // records seen
  std::size_t rows_kept = 0;       // records that became rows (before merging duplicates)
  std::size_t rows_unusable = 0;   // records that could not be used (reasons below)
  std::size_t rows_without_x = 0;  // kept rows lacking median_intvty (not plottable)
  std::size_t rows_synthetic = 0;  // kept rows marked "synthetic": true (generated, not measured)
  std::string skipped;             // non-empty when the whole file was set aside, with why
  bool skipped_known = false;      // set aside as an InferenceX document that holds no rows (availability, …): a note, not an error
};

struct Problem {
  std::uint32_t source = 0;
  std::string where;   // "row 17", "line 5"
  std::string reason;  // "missing median_intvty"
};

struct LoadReport {
  std::vector<SourceReport> sources;
  std::vector<Problem> problems;  // every unusable record, in source order
  std::map<std::string, std::size_t> unusable_by_reason;
  std::map<std::string, std::size_t> ignored_fields;  // field name -> records carrying it
  std::size_t duplicates_merged = 0;
  // Rows of an attempt of a GitHub run that has a later attempt in the data: the dashboard reads
  // only the latest attempt of each run (latest_workflow_runs), so they are left out.
  std::size_t superseded_attempt_rows = 0;
  std::size_t evaluations_merged = 0;  // evaluations repeated across captures
  std::size_t conflicting_values = 0;
  std::vector<std::string> warnings;  // file-level problems (broken JSON, an empty array)
  std::vector<std::string> notes;     // file-level observations (the unit a CSV's latencies are in)

  [[nodiscard]] std::size_t synthetic_rows() const noexcept {
    std::size_t n = 0;
    for (const auto& s : sources) n += s.rows_synthetic;
    return n;
  }
};

struct PendingEvaluations;  // data/snapshot.cpp

// Shared as shared_ptr<const Dataset> by sessions; weak_from_this() lets a result that is drawn
// later (a chart) keep the data it was computed from alive.
class Dataset : public std::enable_shared_from_this<Dataset> {
 public:
  // Rows point into blocks_ and values_: a Dataset moves (their buffers move with it) but never copies.
  Dataset() = default;
  Dataset(Dataset&&) noexcept = default;
  Dataset& operator=(Dataset&&) noexcept = default;
  Dataset(const Dataset&) = delete;
  Dataset& operator=(const Dataset&) = delete;

  [[nodiscard]] const std::vector<Line>& lines() const noexcept { return lines_; }
  [[nodiscard]] const std::vector<Row>& rows() const noexcept { return rows_; }
  [[nodiscard]] const Line& line_of(const Row& r) const noexcept { return lines_[r.line]; }
  [[nodiscard]] std::string_view str(std::uint32_t id) const noexcept { return strings_[id]; }
  // Runs sorted in run order (data/runs.hpp), so comparing two rows' `run` compares their runs.
  [[nodiscard]] const std::vector<Run>& runs() const noexcept { return runs_; }
  [[nodiscard]] const Run& run_of(const Row& r) const noexcept { return runs_[r.run]; }
  [[nodiscard]] const LoadReport& report() const noexcept { return report_; }
  [[nodiscard]] bool empty() const noexcept { return rows_.empty(); }
  // Evaluations sorted by (configuration, task, date, conc). A snapshot's are parsed at first use
  // (defined in data/snapshot.cpp, beside the reader): no compare reads them, and they were a third
  // of a cold compare's work on the built-in data.
  [[nodiscard]] const std::vector<Evaluation>& evaluations() const;
  // Rows of line `l` are rows()[line_begin(l) .. line_begin(l + 1)), sorted by (date, run, conc):
  // the rows of one run of a line lie together, and its selected run is the last of a date.
  [[nodiscard]] std::size_t line_begin(std::size_t l) const noexcept { return line_begin_[l]; }

 private:
  friend class DatasetBuilder;
  friend struct SnapshotAccess;                    // data/snapshot.cpp
  std::vector<Line> lines_;                        // sorted by Line ordering
  std::vector<Row> rows_;                          // sorted by (line, date, run, conc)
  std::vector<std::unique_ptr<double[]>> blocks_;  // metrics as the builder stored them (arrival order)
  std::vector<double> values_;                     // merged rows' metrics, and a copied snapshot's, row after row
  std::shared_ptr<const void> storage_;            // a snapshot read in place: the bytes its rows' metrics are in
  std::vector<std::size_t> line_begin_{0};
  std::vector<std::string> strings_{""};
  std::vector<Run> runs_{Run{}};
  mutable std::vector<Evaluation> evaluations_;
  std::shared_ptr<PendingEvaluations> pending_evaluations_;  // a snapshot's, until first use
  LoadReport report_;
};

// A record as a loader produces it, before interning and merging.
struct RawRow {
  Line line;
  std::int32_t date = 0;
  std::int32_t conc = 0;
  std::string image;
  Run run;
  std::array<double, kFieldCount> metric;
  RawRow() { metric.fill(std::numeric_limits<double>::quiet_NaN()); }
  void set(Field f, double v) noexcept { metric[static_cast<std::size_t>(f)] = v; }
  [[nodiscard]] double get(Field f) const noexcept { return metric[static_cast<std::size_t>(f)]; }
};

// Collects rows from any number of sources. Duplicates (same line, date, run, conc) merge into one
// row; conflicting values resolve towards the source whose name sorts last, so the result does not
// depend on the order sources were given in. A row that names no run (CSV exports, blog tables,
// runner files) belongs to the one run its line has on its date, when there is exactly one.
// finish() sorts everything canonically.
class DatasetBuilder {
 public:
  DatasetBuilder();
  ~DatasetBuilder();
  DatasetBuilder(const DatasetBuilder&) = delete;
  DatasetBuilder& operator=(const DatasetBuilder&) = delete;

  std::uint32_t begin_source(std::string name, std::string format);
  void set_format(std::uint32_t source, std::string format);
  // `known`: an InferenceX document that holds no benchmark rows (availability, reliability, the
  // workflow list), so skipping it is expected; otherwise the file is broken or unrecognised.
  void skip_source(std::uint32_t source, std::string why, bool known = false);
  void record_read(std::uint32_t source) { report_.sources[source].rows_read++; }
  // Validates (SEMANTICS §1 usability rules) and adds; returns false and records a problem if unusable.
  bool add(std::uint32_t source, std::string where, RawRow&& row);
  // Evaluations merge like rows: one per (configuration, task, date, conc).
  void add_evaluation(std::uint32_t source, Evaluation&& e);
  void unusable(std::uint32_t source, std::string where, std::string reason);
  void ignored_field(std::string_view name) { report_.ignored_fields[std::string(name)]++; }
  void warn(std::string message) { report_.warnings.push_back(std::move(message)); }
  void note(std::string message) { report_.notes.push_back(std::move(message)); }
  void synthetic_rows(std::uint32_t source, std::size_t n) { report_.sources[source].rows_synthetic += n; }
  // Everything of a finished data set (a database's snapshot beside files, or beside what `load`
  // adds): its sources with their counts, its rows and evaluations as they were kept, its problems
  // and observations. Its rows merge with the others in finish() as any source's do.
  void add_dataset(const Dataset& ds);

  [[nodiscard]] const LoadReport& report() const noexcept { return report_; }
  Dataset finish() &&;

 private:
  struct LineHash {
    std::size_t operator()(const Line& l) const noexcept;
  };
  std::uint32_t intern(const std::string& s);
  std::uint32_t intern_line(Line&& line);
  std::uint32_t intern_run(Run&& run);
  // Stores a row that passed the usability rules (add) or was kept by a finished data set.
  void store(std::uint32_t source, RawRow&& raw);
  // Moves the runs into `ds` in run order and renumbers the rows' runs; true per (new) run index
  // for the runs superseded by a later attempt of the same GitHub run.
  std::vector<bool> sort_runs(Dataset& ds);
  void store_metrics(std::size_t row, const std::array<double, kFieldCount>& metric);
  [[nodiscard]] std::array<double, kFieldCount> metrics_of(std::size_t row) const;

  std::vector<Line> lines_;
  std::unordered_map<Line, std::uint32_t, LineHash> line_ids_;
  std::vector<std::string> strings_{""};
  std::unordered_map<std::string, std::uint32_t> string_ids_;
  std::vector<Run> runs_{Run{}};
  std::unordered_map<std::string, std::uint32_t> run_ids_;  // run_identity -> index
  // Row i's metrics are at rows_[i].values, one per bit of present, in blocks that never move (a
  // growing vector copied and re-zeroed gigabytes at ten million rows); finish() hands them over.
  static constexpr std::size_t kBlockValues = std::size_t{1} << 20;
  std::vector<Row> rows_;
  std::vector<std::unique_ptr<double[]>> blocks_;
  std::size_t block_used_ = kBlockValues;
  std::array<std::uint32_t, 2> recent_strings_{};  // intern()'s last answers
  unsigned recent_next_ = 0;
  mutable std::vector<Evaluation> evaluations_;
  std::shared_ptr<PendingEvaluations> pending_evaluations_;  // a snapshot's, until first use
  LoadReport report_;
};

}  // namespace icq::data
