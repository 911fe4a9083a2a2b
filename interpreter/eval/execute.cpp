// execute: the one dispatch from a bound statement to the code that evaluates it.
#include "eval/execute.hpp"

#include "eval/compare.hpp"
#include "eval/session_statements.hpp"
#include "eval/statements.hpp"
#include "text/text.hpp"

namespace icq::interp {

namespace {

template <class... F>
struct overloaded : F... {
  using F::operator()...;
};
template <class... F>
overloaded(F...) -> overloaded<F...>;  // clang 14 has no aggregate deduction

// The statements `explain` can trace: the ones that read rows through selections, each run by its
// run_query overload (statements.hpp); compare's run keeps its own name and trace.
Result run_traced(const BoundStatement& s, const data::Dataset& ds, ExplainTrace* trace) {
  return std::visit(overloaded{[&](const BoundCompare& q) { return run_compare(q, ds, trace ? &trace->sides : nullptr); },
                               [&](const auto& q) -> Result {
                                 if constexpr (requires { run_query(q, ds, trace); }) return run_query(q, ds, trace);
                                 else throw std::logic_error("not a query statement");
                               }},
                    s.body);
}

}  // namespace

Result execute(const BoundStatement& statement, Context& c) {
  return std::visit(
      overloaded{[&](const BoundCompare& q) {
                   Result r = run_compare(q, c.data);
                   c.last_compare = q;
                   return r;
                 },
                 [&](const BoundPlot& p) {
                   Result r = execute(*p.inner, c);
                   r.effects.plot = true;  // the host draws its chart
                   return r;
                 },
                 [&](const BoundExplain& e) {
                   ExplainTrace trace;
                   return explain(run_traced(*e.inner, c.data, &trace), trace);
                 },
                 [&](const BoundCommand<ast::List>& l) {
                   if (text::iequals(l.statement.what.text, "settings")) return list_settings(c.settings, c.format);
                   return run_list(l.statement, c.binder, c.data);
                 },
                 [&](const BoundCommand<ast::Describe>& d) { return run_describe(d.statement, c.binder, c.data, c.settings); },
                 [&](const BoundCommand<ast::Help>& h) { return run_help(h.statement); },
                 [&](const BoundSet& s) { return apply_set(s, c.settings, c.format); },
                 [&](const BoundLet& l) { return apply_let(l, c.settings); },
                 [&](const BoundParam& p) { return apply_param(p, c.settings); },
                 [&](const BoundLoad& l) {
                   c.load_request = l.path;  // the session loads: it owns the data
                   return Result{};
                 },
                 [&](const BoundCommand<ast::Expect>& e) {
                   return run_expect(e.statement, c.binder, c.data, c.last_compare ? &*c.last_compare : nullptr, c.failed_expectations);
                 },
                 [&](const auto&) { return run_traced(statement, c.data, nullptr); }},
      statement.body);
}

}  // namespace icq::interp
