#pragma once
// Text -> syntax tree. The only entry point into the grammar; PEGTL stays behind it.
#include <string_view>
#include <variant>

#include "ast.hpp"

namespace icq::grammar {

using ParseResult = std::variant<ast::Program, ast::SyntaxError>;

ParseResult parse(std::string_view text);

// The keywords that may start a statement and those that may start a clause, for suggestions,
// completion and help (the grammar's own spelling).
const std::vector<std::string>& statement_keywords();
// The statements `explain` and `plot` take (StatementDoc::explainable).
const std::vector<std::string>& explainable_keywords();
const std::vector<std::string>& clause_keywords();
const std::vector<std::string>& dimension_keywords();
// What `rank` ranks: the values of a line dimension (data/dimensions.hpp), or with `config` every
// configuration line (the binder refuses `rank date`: dates are compared two at a time).
const std::vector<std::string>& rank_keywords();

}  // namespace icq::grammar
