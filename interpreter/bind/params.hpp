#pragma once
// `param NAME = VALUE` and `$NAME`: references are replaced by their values in the syntax tree
// before binding, so every clause accepts them wherever it accepts the value itself.
#include <map>
#include <set>
#include <string>

#include "ast.hpp"

namespace icq::interp {

// Replaces every `$NAME` in the statement; an unknown name is a QueryError at its span.
void substitute_params(ast::Statement& statement, const std::map<std::string, std::string>& params);

// Adds the parameters the statement declares (`param NAME = …`) or refers to (`$NAME`) to `names`.
void parameter_names(const ast::Statement& statement, std::set<std::string>& names);

// The kind a value's text would have had if written literally (name, number or date).
ast::Word::Kind kind_of_text(const std::string& text);

}  // namespace icq::interp
