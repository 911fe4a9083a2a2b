#pragma once
// What icq reads of the dashboard's database (InferenceX-app, packages/db/migrations 001–010), and
// the check that a database has it before anything is read: a clear message naming each missing
// table and column. Columns of later migrations (011's append_only, 012's recipe fingerprint, 015's
// power provenance, …) are neither needed nor in the way.
#include <string>
#include <vector>

#include "pg_connection.hpp"

namespace icq::pg {

struct Schema {
  // "table eval_results", "column benchmark_results.offload_mode", …: what the database lacks of
  // what icq reads; empty when it has it all.
  std::vector<std::string> missing;
  // Every column of the tables icq reads, in one text: part of the database's state (a schema that
  // changed is read anew).
  std::string columns;
};
Schema check_schema(Connection& c);

}  // namespace icq::pg
