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
  void clauses(ast::Clauses& c) const {
    filters(c.filters);
    for (auto& e : c.where) expr(e);
    date(c.date);
    if (c.targets)
      for (auto& t : c.targets->items) {
        word(t.value);
        word(t.to);
        word(t.step);
      }
    for (auto& m : c.show) word(m.name);
    for (auto& u : c.usings) words(u.words);
    word(c.tokens);
    word(c.since);
    word(c.by);
    word(c.limit);
    word(c.noise);
  }
  void compare(ast::Compare& c) const {
    for (auto& sd : c.sides) side(sd);
    clauses(c.clauses);
  }
  void statement(ast::Statement& s) const {
    std::visit(
        [&](auto& b) {
          using T = std::decay_t<decltype(b)>;
          if constexpr (std::is_same_v<T, ast::Compare>) {
            compare(b);
          } else if constexpr (std::is_same_v<T, ast::Crossover>) {
            compare(b.compare);
          } else if constexpr (std::is_same_v<T, ast::Trend>) {
            for (auto& m : b.metrics) word(m.name);
            clauses(b.clauses);
          } else if constexpr (std::is_same_v<T, ast::List> || std::is_same_v<T, ast::Rank> || std::is_same_v<T, ast::Frontier> ||
                               std::is_same_v<T, ast::Points> || std::is_same_v<T, ast::Accuracy>) {
            clauses(b.clauses);
          } else if constexpr (std::is_same_v<T, ast::Describe>) {
            word(b.name);
          } else if constexpr (std::is_same_v<T, ast::Set>) {
            words(b.args);
          } else if constexpr (std::is_same_v<T, ast::Let>) {
            side(b.side);
          } else if constexpr (std::is_same_v<T, ast::Expect>) {
            word(b.left.side_or_number);
            word(b.right.side_or_number);
            for (auto& t : b.targets) {
              word(t.value);
              word(t.to);
              word(t.step);
            }
          } else if constexpr (std::is_same_v<T, ast::Load>) {
            word(b.path);
          } else if constexpr (std::is_same_v<T, ast::Explain> || std::is_same_v<T, ast::Plot>) {
            for (auto& inner : b.inner) statement(inner);
          }
        },
        s.body);
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
