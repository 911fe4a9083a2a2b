#pragma once
// The rows of the dashboard's database as its public API returns them, built in SQL (the API's own
// joins) and read by the API JSON record reader of the data loaders (data/json_records.hpp), so
// everything after loading is what a file of the same rows gives: benchmark results without an
// error, of the latest attempt of each run (latest_workflow_runs), with their run's
// workflow_run_id and run_started_at; evaluations; and the availability listing, set aside as its
// JSON is. Read in one REPEATABLE READ transaction, so the rows and the state agree.
#include <csignal>
#include <functional>
#include <string>

#include "data/dataset.hpp"
#include "pg_connection.hpp"

namespace icq::pg {

// The database's state as far as icq reads it: per table its row count, highest id and the sum of
// its row versions' transaction ids (an insert, update or delete changes one of them), the view's
// definition, the columns, and the version of these queries. Equal states, equal rows.
std::string database_state(Connection& c, const std::string& schema_columns);

// Reads everything into `b`, one source per table ("<shown>#benchmark_results", …). `progress` is
// told the results read so far; `stop` set (by a signal) ends the read with a Failure.
void read_database(Connection& c, data::DatasetBuilder& b, const std::function<void(std::size_t)>& progress,
                   const volatile std::sig_atomic_t& stop);

}  // namespace icq::pg
