#pragma once
// A problem with a query, found after parsing (binding or evaluation), with the span to point at.
#include <stdexcept>
#include <string>
#include <vector>

#include "ast.hpp"

namespace icq::interp {

struct QueryError : std::runtime_error {
  ast::Span span;
  std::string help;
  std::vector<std::string> suggestions;
  QueryError(std::string message, ast::Span where, std::string help_line = {}, std::vector<std::string> suggest = {})
      : std::runtime_error(std::move(message)), span(where), help(std::move(help_line)), suggestions(std::move(suggest)) {}
};

}  // namespace icq::interp
