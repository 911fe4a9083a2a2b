#pragma once
// Binding: names in the AST to catalog keys and data values, with "did you mean" suggestions
// drawn from both; defaults decided here so the resolved query can print them.
#include <string_view>

#include "ast.hpp"
#include "bound.hpp"
#include "data/dataset.hpp"

namespace icq::interp {

struct Settings {
  const catalog::PriceEdition* edition = &catalog::default_edition();
  std::string tier = "hyperscaler";
};

class Binder {
 public:
  // `source` is the program text the AST's spans point into.
  Binder(const data::Dataset& data, const Settings& settings, std::string_view source)
      : data_(data), settings_(settings), source_(source) {}

  BoundCompare bind(const ast::Compare& c) const;

  // Shared pieces, also used by list/describe.
  LineFilter bind_filter(const ast::Filter& f) const;
  std::string resolve_value(LineField field, const ast::Word& w) const;
  BoundExpr bind_expr(const ast::Expr& e) const;
  DateSelection bind_date(const ast::DateSelection& d) const;
  BoundMetric bind_metric(const ast::MetricRef& m) const;
  std::vector<std::string> values_in_data(LineField field) const;

 private:
  const data::Dataset& data_;
  const Settings& settings_;
  std::string_view source_;
};

LineField line_field_of(const std::string& keyword);

}  // namespace icq::interp
