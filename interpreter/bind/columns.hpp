#pragma once
// Columns of a row for `points`, `frontier` and `where`: configuration fields, run facts, measured
// metrics and the row's economics (cost, tokens per $1, tok/s/MW, J/tok from its own GPU's price and
// power), by the names a user writes (`show framework, tp, conc, throughput, ttft p99, cost`).
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "ast.hpp"
#include "bind/bound.hpp"
#include "data/dataset.hpp"
#include "icq/result.hpp"

namespace icq::interp {

struct RowColumn {
  Column column;  // name, unit, type
  std::function<Value(const data::Dataset&, const data::Row&)> get;
  bool economic = false;                           // read with prices or power (cost, tokens_per_dollar, tokens_per_mw, joules)
  data::Field tokens = data::Field::tput_per_gpu;  // the token rate it reads (output or input: data/token_rate)
};

// The column for a name (and optional qualifier: `ttft p99`, `throughput output`); QueryError with
// suggestions when unknown.
// The economic columns need `pricing`; without it they are an error naming the statements that have them.
RowColumn row_column(const ast::Word& name, const std::optional<ast::Word>& qualifier = std::nullopt, const Pricing* pricing = nullptr);
RowColumn row_column(const std::string& name, const Pricing* pricing = nullptr);
std::vector<std::string> row_column_names();
// The statistic a latency column's qualifier names (`ttft p99`; none: the median), or an error on the
// qualifier naming what `name` takes. The one reading of it for show, where and order by.
data::Stat bind_stat(std::string_view name, const std::optional<ast::Word>& qualifier);

// Sort key comparison for `order by`: numbers numerically, text lexically, absent last.
bool value_less(const Value& a, const Value& b);
// Whether `a` comes before `b` under one `order by` key, ascending or descending; absent last either way.
bool sorts_before(const Value& a, const Value& b, bool descending);

}  // namespace icq::interp
