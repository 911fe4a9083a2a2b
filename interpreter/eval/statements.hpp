#pragma once
// The statements other than compare: list, describe, help.
#include "ast.hpp"
#include "bind/binder.hpp"
#include "data/dataset.hpp"
#include "eval/compare.hpp"
#include "icq/result.hpp"

namespace icq::interp {

// Row counts of every step, filled by the statements `explain` runs.
struct ExplainTrace {
  std::vector<SideTrace> sides;
};

Result run_list(const ast::List& stmt, const Binder& binder, const data::Dataset& ds);
// The query statements explain can trace, one overload each: execute finds a query's by its bound
// type, so a new query is declared here and dispatched with no other change.
Result run_query(const BoundRank& stmt, const data::Dataset& ds, ExplainTrace* trace = nullptr);
Result run_query(const BoundCrossover& stmt, const data::Dataset& ds, ExplainTrace* trace = nullptr);
Result run_query(const BoundFrontier& stmt, const data::Dataset& ds, ExplainTrace* trace = nullptr);
Result run_query(const BoundPoints& stmt, const data::Dataset& ds, ExplainTrace* trace = nullptr);
Result run_query(const BoundAccuracy& stmt, const data::Dataset& ds, ExplainTrace* trace = nullptr);
Result run_query(const BoundTrend& stmt, const data::Dataset& ds, ExplainTrace* trace = nullptr);
// expect / assert on the latest comparison; failed checks are appended to `failures`.
Result run_expect(const ast::Expect& e, const Binder& binder, const data::Dataset& ds, const BoundCompare* last,
                  std::vector<std::string>& failures);

// The plan and row counts of a statement that ran with `trace`, around its result.
Result explain(const Result& inner, const ExplainTrace& trace);

Result run_describe(const ast::Describe& stmt, const Binder& binder, const data::Dataset& ds, const Settings& settings);
Result run_help(const ast::Help& stmt);

}  // namespace icq::interp
