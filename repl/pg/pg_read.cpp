#include "pg_read.hpp"

#include <simdjson.h>

#include <cstdio>
#include <string_view>
#include <vector>

#include "data/json_records.hpp"

namespace icq::pg {

namespace {

// Changing what the queries read must make every snapshot stale: part of the state.
constexpr std::string_view kQueries = "icq-pg queries 1";

// The 17 fields of a configuration, as the API names them.
constexpr std::string_view kConfig =
    "'hardware', c.hardware, 'framework', c.framework, 'model', c.model, 'precision', c.precision, 'spec_method', c.spec_method, "
    "'disagg', c.disagg, 'is_multinode', c.is_multinode, 'prefill_tp', c.prefill_tp, 'prefill_ep', c.prefill_ep, "
    "'prefill_dp_attention', c.prefill_dp_attention, 'prefill_num_workers', c.prefill_num_workers, 'decode_tp', c.decode_tp, "
    "'decode_ep', c.decode_ep, 'decode_dp_attention', c.decode_dp_attention, 'decode_num_workers', c.decode_num_workers, "
    "'num_prefill_gpu', c.num_prefill_gpu, 'num_decode_gpu', c.num_decode_gpu";

// A benchmark row of the API (BenchmarkRow: the configuration, benchmark_type, offload_mode, isl,
// osl, conc, image, metrics, date, run_url) with the run's database fields, which the API sends on
// agentic rows. `workers` and `id` are left out: icq reads neither. A result whose metrics carry
// "synthetic": true (bench/ writes such databases; the dashboard never does) is a synthetic row, as
// the same mark on a JSON row makes it.
std::string benchmarks_query() {
  return std::string("SELECT br.id, json_build_object(") + std::string(kConfig) +
         ", 'benchmark_type', br.benchmark_type, 'offload_mode', br.offload_mode, 'isl', br.isl, 'osl', br.osl, 'conc', br.conc, "
         "'image', br.image, 'metrics', CASE WHEN br.metrics ? 'synthetic' THEN br.metrics - 'synthetic' ELSE br.metrics END, "
         "'synthetic', br.metrics -> 'synthetic', 'date', br.date, "
         "'run_url', CASE WHEN wr.html_url IS NOT NULL THEN wr.html_url || '/attempts/' || wr.run_attempt END, "
         "'workflow_run_id', br.workflow_run_id, 'run_started_at', wr.run_started_at) "
         "FROM benchmark_results br JOIN configs c ON c.id = br.config_id "
         "JOIN latest_workflow_runs wr ON wr.id = br.workflow_run_id WHERE br.error IS NULL";
}

// An evaluation of the API (/api/v1/evaluations: latest attempt only; run_url is the run's page).
std::string evaluations_query() {
  return std::string("SELECT er.id, json_build_object('id', er.id::text, 'config_id', er.config_id, ") + std::string(kConfig) +
         ", 'task', er.task, 'date', er.date, 'conc', er.conc, 'metrics', er.metrics, "
         "'timestamp', to_char(wr.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"'), 'run_url', wr.html_url) "
         "FROM eval_results er JOIN configs c ON c.id = er.config_id JOIN latest_workflow_runs wr ON wr.id = er.workflow_run_id";
}

// The availability listing: only its first row is needed, to be set aside as a file of it is.
std::string availability_query() { return "SELECT 0, to_jsonb(a) FROM availability a LIMIT 1"; }

// One table into one source: a cursor fetched a batch at a time, each batch parsed as one JSON
// array and its records given to the reader in order.
std::size_t read_table(Connection& c, data::DatasetBuilder& b, const std::string& source_name, const std::string& query,
                       const std::string& where, const std::function<void(std::size_t)>& progress, const volatile std::sig_atomic_t& stop) {
  constexpr int kBatch = 5000;
  const std::uint32_t source = b.begin_source(source_name, "postgresql");
  std::size_t index = 0;
  {
    data::ArrayReader reader(b, source);
    c.exec("DECLARE icq_rows NO SCROLL CURSOR FOR " + query, "reading " + where);
    simdjson::dom::parser parser;
    std::string batch;
    bool reading = true;
    while (reading) {
      if (stop) throw Failure{"reading the database " + c.shown() + " was interrupted", "nothing was loaded"};
      const Rows rows = c.exec("FETCH FORWARD " + std::to_string(kBatch) + " FROM icq_rows", "reading " + where);
      if (rows.count() == 0) break;
      batch.assign("[");
      for (int i = 0; i < rows.count(); ++i) (batch += i ? "," : "") += rows.text(i, 1);
      batch += "]";
      simdjson::dom::array records;
      if (const auto err = parser.parse(batch).get(records))
        throw Failure{"cannot read the database " + c.shown() + ": " + where + " gave invalid JSON (" + simdjson::error_message(err) + ")",
                      ""};
      int i = 0;
      for (simdjson::dom::element e : records) {
        if (!reader.element(e, index, where + " id " + std::string(rows.text(i++, 0)))) {
          reading = false;  // set aside (the availability listing)
          break;
        }
        ++index;
      }
      if (progress) progress(index);
    }
    c.exec("CLOSE icq_rows", "reading " + where);
  }
  b.set_format(source, "postgresql");
  return index;
}

}  // namespace

std::string database_state(Connection& c, const std::string& schema_columns) {
  const auto table = [](std::string_view t, bool id) {
    return std::string("(SELECT count(*) || ':' || ") + (id ? "coalesce(max(id), 0) || ':' || " : "") +
           "coalesce(sum(xmin::text::bigint), 0) FROM " + std::string(t) + ")";
  };
  const Rows r = c.exec("SELECT concat_ws(' ', " + table("benchmark_results", true) + ", " + table("configs", true) + ", " +
                            table("workflow_runs", true) + ", " + table("eval_results", true) + ", " + table("availability", false) +
                            ", md5(pg_get_viewdef('latest_workflow_runs'::regclass)))",
                        "reading its state");
  // The columns hashed here (FNV-1a): they are the database's names, never sent back to it.
  std::uint64_t h = 14695981039346656037ull;
  for (const char ch : schema_columns) h = (h ^ static_cast<unsigned char>(ch)) * 1099511628211ull;
  char columns[17];
  std::snprintf(columns, sizeof columns, "%016llx", static_cast<unsigned long long>(h));
  return std::string(kQueries) + " " + std::string(r.text(0, 0)) + " " + columns;
}

void read_database(Connection& c, data::DatasetBuilder& b, const std::function<void(std::size_t)>& progress,
                   const volatile std::sig_atomic_t& stop) {
  const std::string& shown = c.shown();
  read_table(c, b, shown + "#benchmark_results", benchmarks_query(), "benchmark_results", progress, stop);
  read_table(c, b, shown + "#eval_results", evaluations_query(), "eval_results", {}, stop);
  const std::uint32_t before = static_cast<std::uint32_t>(b.report().sources.size());
  if (read_table(c, b, shown + "#availability", availability_query(), "availability", {}, stop) == 0 &&
      b.report().sources[before].skipped.empty())
    b.skip_source(before, "availability listing (which configs ran on which dates), no metrics: empty");
}

}  // namespace icq::pg
