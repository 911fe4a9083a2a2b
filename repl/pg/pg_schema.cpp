#include "pg_schema.hpp"

#include <map>
#include <set>
#include <string_view>

namespace icq::pg {

namespace {

struct Needed {
  std::string_view table;
  std::vector<std::string_view> columns;
};

// The columns the queries of pg_read.cpp name (schema_migrations: only that it is there, the mark
// of a database the dashboard's migrations made).
const std::vector<Needed>& needed() {
  static const std::vector<Needed> n = {
      {"schema_migrations", {}},
      {"configs",
       {"id", "hardware", "framework", "model", "precision", "spec_method", "disagg", "is_multinode", "prefill_tp", "prefill_ep",
        "prefill_dp_attention", "prefill_num_workers", "decode_tp", "decode_ep", "decode_dp_attention", "decode_num_workers",
        "num_prefill_gpu", "num_decode_gpu"}},
      {"workflow_runs", {"id", "github_run_id", "run_attempt", "html_url", "created_at", "run_started_at", "date"}},
      {"latest_workflow_runs", {"id", "github_run_id", "run_attempt", "html_url", "created_at", "run_started_at"}},
      {"benchmark_results",
       {"id", "workflow_run_id", "config_id", "benchmark_type", "date", "isl", "osl", "conc", "image", "metrics", "error", "offload_mode"}},
      {"eval_results", {"id", "workflow_run_id", "config_id", "task", "date", "conc", "metrics"}},
      {"availability", {"model", "hardware", "date"}},
  };
  return n;
}

// The columns of the tables and views the search path shows, by table.
std::map<std::string, std::set<std::string>> columns(Connection& c) {
  const Rows r = c.exec(
      "SELECT c.relname, a.attname FROM pg_catalog.pg_class c "
      "JOIN pg_catalog.pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped "
      "WHERE c.relkind IN ('r', 'v', 'm', 'p', 'f') AND pg_catalog.pg_table_is_visible(c.oid) ORDER BY 1, 2",
      "reading its schema");
  std::map<std::string, std::set<std::string>> out;
  for (int i = 0; i < r.count(); ++i) out[std::string(r.text(i, 0))].insert(std::string(r.text(i, 1)));
  return out;
}

}  // namespace

Schema check_schema(Connection& c) {
  const auto have = columns(c);
  Schema out;
  for (const auto& n : needed()) {
    const auto t = have.find(std::string(n.table));
    if (t == have.end()) {
      out.missing.push_back((n.table == "latest_workflow_runs" ? "view " : "table ") + std::string(n.table));
      continue;
    }
    for (auto col : n.columns)
      if (!t->second.count(std::string(col))) out.missing.push_back("column " + std::string(n.table) + "." + std::string(col));
    for (const auto& col : t->second) out.columns += std::string(n.table) + "." + col + " ";
  }
  return out;
}

}  // namespace icq::pg
