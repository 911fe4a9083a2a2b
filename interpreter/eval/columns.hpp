#pragma once
// Columns of a row for `points` and `frontier`: configuration fields, run facts and measured
// metrics, by the names a user writes (`show framework, tp, conc, throughput, ttft p99`).
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "ast.hpp"
#include "data/dataset.hpp"
#include "icq/result.hpp"

namespace icq::interp {

struct RowColumn {
  Column column;  // name, unit, type
  std::function<Value(const data::Dataset&, const data::Row&)> get;
};

// The column for a name (and optional qualifier: `ttft p99`, `throughput output`); QueryError with
// suggestions when unknown.
RowColumn row_column(const ast::Word& name, const std::optional<ast::Word>& qualifier = std::nullopt);
RowColumn row_column(const std::string& name);
std::vector<std::string> row_column_names();

// Sort key comparison for `order by`: numbers numerically, text lexically, absent last.
bool value_less(const Value& a, const Value& b);

}  // namespace icq::interp
