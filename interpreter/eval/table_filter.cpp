#include "eval/table_filter.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cstdlib>
#include <string>

#include "bind/columns.hpp"
#include "bind/query_error.hpp"
#include "text/text.hpp"

namespace icq::interp {

namespace {

std::vector<std::string> column_names(const Table& t) {
  std::vector<std::string> names;
  for (const auto& c : t.columns) names.push_back(c.name);
  return names;
}

std::size_t column_of(const Table& t, const ast::Word& w) {
  for (std::size_t i = 0; i < t.columns.size(); ++i)
    if (text::iequals(t.columns[i].name, w.text)) return i;
  const auto names = column_names(t);
  const auto s = text::closest(w.text, names);
  throw QueryError(fmt::format("{} has no column '{}'", t.title, w.text), w.span,
                   (s.empty() ? "" : text::did_you_mean(s) + "\n") + "the columns: " + text::join(names, ", "), s);
}

std::optional<double> number_of(const Value& v) {
  if (const auto* d = std::get_if<double>(&v)) return *d;
  if (const auto* i = std::get_if<std::int64_t>(&v)) return static_cast<double>(*i);
  return std::nullopt;
}

// One condition, checked against the table's columns once; then tested on each row.
struct Condition {
  ast::Expr::Op op = ast::Expr::Op::compare;
  std::size_t column = 0;
  bool numeric = false;
  std::string cmp;
  std::vector<double> numbers;
  std::vector<std::string> texts;  // lower case
  std::vector<Condition> children;

  [[nodiscard]] bool holds(const std::vector<Value>& row) const {
    switch (op) {
      case ast::Expr::Op::and_: return std::all_of(children.begin(), children.end(), [&](const Condition& c) { return c.holds(row); });
      case ast::Expr::Op::or_: return std::any_of(children.begin(), children.end(), [&](const Condition& c) { return c.holds(row); });
      case ast::Expr::Op::not_: return !children.front().holds(row);
      default: break;
    }
    const Value& v = row[column];
    if (std::holds_alternative<std::monostate>(v)) return false;  // no value passes no test
    if (op == ast::Expr::Op::in || op == ast::Expr::Op::not_in) {
      bool found = false;
      if (numeric) {
        const double x = *number_of(v);
        found = std::find(numbers.begin(), numbers.end(), x) != numbers.end();
      } else {
        found = std::find(texts.begin(), texts.end(), text::lower(std::get<std::string>(v))) != texts.end();
      }
      return found == (op == ast::Expr::Op::in);
    }
    int order = 0;  // the cell against the operand: -1, 0, 1
    if (numeric) {
      const double x = *number_of(v);
      order = x < numbers.front() ? -1 : x > numbers.front() ? 1 : 0;
    } else {
      const int c = text::lower(std::get<std::string>(v)).compare(texts.front());
      order = c < 0 ? -1 : c > 0 ? 1 : 0;
    }
    if (cmp == "=") return order == 0;
    if (cmp == "!=") return order != 0;
    if (cmp == "<") return order < 0;
    if (cmp == "<=") return order <= 0;
    if (cmp == ">") return order > 0;
    return order >= 0;  // ">="
  }
};

Condition bind(const Table& t, const ast::Expr& e) {
  Condition c;
  c.op = e.op;
  if (e.op == ast::Expr::Op::and_ || e.op == ast::Expr::Op::or_ || e.op == ast::Expr::Op::not_) {
    for (const auto& child : e.children) c.children.push_back(bind(t, child));
    return c;
  }
  if (e.qualifier)
    throw QueryError(fmt::format("'{}' takes no qualifier here", e.field.text), e.qualifier->span,
                     "the columns: " + text::join(column_names(t), ", "));
  c.column = column_of(t, e.field);
  c.numeric = t.columns[c.column].type != Column::Type::text;
  c.cmp = e.cmp;
  for (const auto& w : e.operands) {
    if (!c.numeric) {
      c.texts.push_back(text::lower(w.text));
      continue;
    }
    char* end = nullptr;
    const double x = std::strtod(w.text.c_str(), &end);
    if (w.kind != ast::Word::Kind::number || !end || *end != '\0')
      throw QueryError(fmt::format("{} is a number; '{}' is not", t.columns[c.column].name, w.text), w.span,
                       fmt::format("e.g. where {} >= 0.9", t.columns[c.column].name));
    c.numbers.push_back(x);
  }
  return c;
}

}  // namespace

void filter_table(Table& t, const std::vector<ast::Expr>& where, const std::vector<ast::OrderItem>& order,
                  std::optional<std::size_t> limit) {
  std::vector<Condition> conditions;
  for (const auto& e : where) conditions.push_back(bind(t, e));
  std::erase_if(t.rows, [&](const std::vector<Value>& row) {
    return !std::all_of(conditions.begin(), conditions.end(), [&](const Condition& c) { return c.holds(row); });
  });
  if (!order.empty()) {
    std::vector<std::pair<std::size_t, bool>> keys;
    for (const auto& o : order) keys.emplace_back(column_of(t, o.column), o.descending);
    std::stable_sort(t.rows.begin(), t.rows.end(), [&](const std::vector<Value>& a, const std::vector<Value>& b) {
      for (const auto& [col, desc] : keys) {
        if (sorts_before(a[col], b[col], desc)) return true;
        if (sorts_before(b[col], a[col], desc)) return false;
      }
      return false;
    });
  }
  if (limit && t.rows.size() > *limit) t.rows.resize(*limit);
}

}  // namespace icq::interp
