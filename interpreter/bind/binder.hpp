#pragma once
// Binding: names in the AST to catalog keys and data values, with "did you mean" suggestions
// drawn from both; defaults decided here so the resolved query can print them.
#include <algorithm>
#include <functional>
#include <map>
#include <string_view>

#include "ast.hpp"
#include "bind/bound.hpp"
#include "bind/columns.hpp"
#include "data/dataset.hpp"
#include "icq/session.hpp"

namespace icq::interp {

// A named filter set (`let NAME = (…)`), bound when defined.
// What a session remembers between statements: economics, named filter sets, parameters, limits.
struct Settings {
  Limits limits;
  const catalog::PriceEdition* edition = &catalog::default_edition();
  std::string tier = "hyperscaler";
  std::map<std::string, std::string> price_overrides, power_overrides;  // gpu -> decimal text
  std::map<std::string, LetDefinition> lets;
  std::map<std::string, std::string> params;     // `param NAME = VALUE`
  std::map<std::string, std::string> overrides;  // host-set parameters (icq -D), which win
  // `set cost`, `set interactivity`, `set dashboard`: the method statements start from.
  CostMethod cost = CostMethod::derived;
  std::optional<Percentile> percentile;
  std::optional<std::int32_t> dashboard;
  std::string unit_word = "tok/s/chip", dashboard_note;
  // Parameters a statement sees: `param` values, with the host's overrides winning.
  [[nodiscard]] std::map<std::string, std::string> all_params() const {
    auto p = params;
    for (const auto& [k, v] : overrides) p[k] = v;
    return p;
  }
  [[nodiscard]] Pricing pricing() const { return {edition, tier, price_overrides, power_overrides}; }
  [[nodiscard]] Method method() const {
    Method m;
    m.pricing = pricing();
    m.cost = cost;
    m.axis.chosen = percentile;
    m.dashboard = dashboard;
    m.unit_word = unit_word;
    m.dashboard_note = dashboard_note;
    return m;
  }
};

// The numeric row columns `where` and `order by` take besides the row fields: measured metrics
// (`ttft p99`, `interactivity`, `throughput`) and the row's economics.
std::vector<std::string> row_metric_names();

class Binder {
 public:
  // `source` is the program text the AST's spans point into.
  Binder(const data::Dataset& data, const Settings& settings, std::string_view source)
      : data_(data), settings_(settings), source_(source) {}

  // Every statement to its bound form (bind/bind_statement.cpp, where each query statement's own
  // binding sits beside the one dispatch, so a new query needs no declaration here).
  BoundStatement bind(const ast::Statement& s) const;
  // The statements that change the session (bind/bind_session.cpp).
  BoundSet bind(const ast::Set& s) const;
  BoundLet bind(const ast::Let& l) const;
  BoundParam bind(const ast::Param& p) const;
  BoundLoad bind(const ast::Load& l) const;

  // Shared pieces, also used by list/describe.
  LineFilter bind_filter(const ast::Filter& f) const;
  std::string resolve_value(LineField field, const ast::Word& w) const;
  BoundExpr bind_expr(const ast::Expr& e) const;
  DateSelection bind_date(const ast::DateSelection& d) const;
  // A metric by name; an unqualified `throughput` reads the statement's token type (`tokens output`:
  // the output rate, the one its cost divides by), so the table stays coherent with the cost.
  BoundMetric bind_metric(const ast::MetricRef& m, std::string_view tokens = "total") const;
  // The `tokens` clause: "total" (absent), "output" or "input", and the throughput field it reads.
  std::pair<std::string, data::Field> bind_tokens(const ast::Clauses& cl) const;
  std::vector<std::string> values_in_data(LineField field) const;
  Selection bind_selection(const ast::Clauses& cl) const;  // lets, filters, where, date
  Selection bind_side_filters(const ast::Side& s) const;
  void apply_let(const ast::Word& name, Selection& into) const;
  std::string written_text(ast::Span span) const;
  // The dashboard model group a word names (`kimi`, `qwen-3-5`); null for a model key or alias.
  const catalog::ModelGroup* model_group(const ast::Word& w) const;
  // Adds `seq 1k/1k` and the only model present unless `mentioned` says the statement chose them;
  // returns the notes naming what was added. More than one model without a choice is an error.
  std::vector<std::string> apply_defaults(Selection& shared, const std::function<bool(LineField)>& mentioned) const;
  std::vector<std::string> apply_defaults(Selection& sel) const {
    return apply_defaults(sel, [&](LineField f) {
      return std::any_of(sel.filters.begin(), sel.filters.end(), [&](const LineFilter& x) { return x.field == f; });
    });
  }
  // Interactivity targets of `at interactivity …` (not band percentages).
  std::vector<double> bind_targets(const ast::Targets& t) const;

  // Parts of the query statements' binding. Sides, shared clauses, defaults, method; `statement`
  // (compare, rank, crossover) decides the clauses taken (binder.cpp).
  BoundCompare bind_compare(const ast::Compare& c, std::string_view statement) const;
  BoundCompare bind_compare_sides(const ast::Compare& c, std::string_view statement) const;  // and `DIMENSION *` checked
  // `compare gpu *`: every value of the dimension on the lines the shared filters match, a side each.
  void expand_all_values(BoundCompare& q, std::optional<LineField> field, ast::Span span, std::size_t max_sides) const;
  // `rank config`: every line the shared filters match, a side each.
  void expand_configs(BoundCompare& q, ast::Span span, std::size_t max_sides) const;
  BoundMetric bind_by_metric(const ast::Clauses& cl) const;  // `by METRIC`, throughput if absent

  // Clause groups a statement accepts; others are errors naming the statement they belong to.
  void check_clauses(const ast::Clauses& cl, std::string_view statement) const;
  const Settings& settings() const noexcept { return settings_; }
  const data::Dataset& data() const noexcept { return data_; }
  // The same binder with a statement's own prices (`using prices …`), for `where cost < …`.
  [[nodiscard]] Binder priced(const Pricing& pricing) const {
    Binder b = *this;
    b.pricing_ = pricing;
    return b;
  }

 private:
  std::optional<RowColumn> metric_of_row(const ast::Word& name, const std::optional<ast::Word>& qualifier) const;

  const data::Dataset& data_;
  const Settings& settings_;
  std::string_view source_;
  std::optional<Pricing> pricing_;  // null: the session's
};

LineField line_field_of(const std::string& keyword);
// "MI355X", "FP4", "SGLang": how a side of a dimension is shown.
std::string display_of(LineField field, const std::string& key);

}  // namespace icq::interp
