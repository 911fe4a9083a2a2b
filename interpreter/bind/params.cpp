#include "bind/params.hpp"

#include <fmt/format.h>

#include <cctype>
#include <cstdlib>

#include "bind/query_error.hpp"
#include "text/text.hpp"

namespace icq::interp {

ast::Word::Kind kind_of_text(const std::string& t) {
  if (t.size() == 10 && t[4] == '-' && t[7] == '-' && std::isdigit(static_cast<unsigned char>(t[0]))) return ast::Word::Kind::date;
  char* end = nullptr;
  (void)std::strtod(t.c_str(), &end);
  if (!t.empty() && end && *end == '\0') return ast::Word::Kind::number;
  return ast::Word::Kind::name;
}

namespace {

// Every `$NAME` word of a statement, in every clause that accepts a value, handed to `on_param`.
template <class OnParam>
struct ParamWords {
  OnParam on_param;

  void word(ast::Word& w) const {
    if (w.kind == ast::Word::Kind::param) on_param(w);
  }
  void word(std::optional<ast::Word>& w) const {
    if (w) word(*w);
  }
  void words(std::vector<ast::Word>& ws) const {
    for (auto& w : ws) word(w);
  }
  void expr(ast::Expr& e) const {
    word(e.field);
    words(e.operands);
    for (auto& c : e.children) expr(c);
  }
  void filters(std::vector<ast::Filter>& fs) const {
    for (auto& f : fs) words(f.values);
  }
  void date(std::optional<ast::DateSelection>& d) const {
    if (d) word(d->date);
  }
  void side(ast::Side& s) const {
    word(s.value);
    filters(s.filters);
    for (auto& e : s.where) expr(e);
    date(s.date);
  }
  void targets(std::vector<ast::TargetItem>& ts) const {
    for (auto& t : ts) {
      word(t.value);
      word(t.to);
      word(t.step);
    }
  }
  void clauses(ast::Clauses& c) const {
    filters(c.filters);
    for (auto& e : c.where) expr(e);
    date(c.date);
    if (c.targets) targets(c.targets->items);
    for (auto& m : c.show) word(m.name);
    for (auto& u : c.usings) words(u.words);
    word(c.tokens);
    word(c.since);
    word(c.by);
    word(c.limit);
    word(c.noise);
  }

  // The words a statement has outside the standard parts below; the rest of its words take no value.
  void own(ast::Describe& d) const { word(d.name); }
  void own(ast::Set& s) const { words(s.args); }
  void own(ast::Load& l) const { word(l.path); }
  void own(ast::Expect& e) const {
    word(e.left.side_or_number);
    word(e.right.side_or_number);
    targets(e.targets);
  }
  void own(const auto&) const {}

  // A statement's parts by their shape, so one built from the standard parts (clauses, sides, a
  // comparison, metrics, an inner statement) needs nothing here.
  template <class T>
  void body(T& b) const {
    own(b);
    if constexpr (requires { b.sides; })
      for (auto& sd : b.sides) side(sd);
    if constexpr (requires { b.side; }) side(b.side);
    if constexpr (requires { b.compare; }) body(b.compare);
    if constexpr (requires { b.metrics; })
      for (auto& m : b.metrics) word(m.name);
    if constexpr (requires { b.clauses; }) clauses(b.clauses);
    if constexpr (requires { b.inner; })
      for (auto& inner : b.inner) statement(inner);
  }
  void statement(ast::Statement& s) const {
    std::visit([&](auto& b) { body(b); }, s.body);
  }
};

}  // namespace

void substitute_params(ast::Statement& statement, const std::map<std::string, std::string>& params) {
  const auto substitute = [&params](ast::Word& w) {
    const auto it = params.find(w.text);
    if (it == params.end()) {
      std::vector<std::string> names;
      for (const auto& [n, _] : params) names.push_back(n);
      const auto s = text::closest(w.text, names);
      std::string help = s.empty() ? "" : "did you mean '$" + s.front() + "'?\n";
      help += names.empty() ? "define it first: param " + w.text + " = VALUE (or icq -D " + w.text + "=VALUE)"
                            : "parameters: $" + text::join(names, ", $");
      throw QueryError(fmt::format("unknown parameter '${}'", w.text), w.span, help);
    }
    w.text = it->second;
    w.kind = kind_of_text(w.text);
  };
  ParamWords<decltype(substitute)>{substitute}.statement(statement);
}

void parameter_names(const ast::Statement& statement, std::set<std::string>& names) {
  if (const auto* p = std::get_if<ast::Param>(&statement.body)) names.insert(p->name.text);
  const auto collect = [&names](ast::Word& w) { names.insert(w.text); };
  ast::Statement copy = statement;  // the walk takes the words as it would change them
  ParamWords<decltype(collect)>{collect}.statement(copy);
}

}  // namespace icq::interp
