#pragma once
// Shared helpers of the grammar tests: parse expecting success or an error, and pick out parts.
#include <catch2/catch.hpp>

#include <string>
#include <string_view>
#include <variant>

#include "ast.hpp"
#include "parser.hpp"

namespace icq_test {

// Parses `text`, requiring success; on failure the test fails with the syntax error shown.
inline icq::ast::Program parse_ok(std::string_view text) {
  auto r = icq::grammar::parse(text);
  if (const auto* e = std::get_if<icq::ast::SyntaxError>(&r)) {
    FAIL_CHECK("expected '" << text << "' to parse, got: " << e->message << " at offset " << e->offset);
    return {};
  }
  return std::get<icq::ast::Program>(std::move(r));
}

// Parses `text`, requiring a syntax error.
inline icq::ast::SyntaxError parse_err(std::string_view text) {
  auto r = icq::grammar::parse(text);
  if (std::holds_alternative<icq::ast::Program>(r)) {
    FAIL_CHECK("expected '" << text << "' to be a syntax error, but it parsed");
    return {};
  }
  return std::get<icq::ast::SyntaxError>(std::move(r));
}

// The single compare statement of `text`.
inline icq::ast::Compare compare_of(std::string_view text) {
  auto p = parse_ok(text);
  REQUIRE(p.statements.size() == 1);
  const auto* c = std::get_if<icq::ast::Compare>(&p.statements[0].body);
  REQUIRE(c);
  return *c;
}

// Byte offset of the n-th (0-based) occurrence of `needle` in `text`.
inline std::uint32_t offset_of(std::string_view text, std::string_view needle, int nth = 0) {
  std::size_t pos = text.find(needle);
  while (nth-- > 0 && pos != std::string_view::npos) pos = text.find(needle, pos + 1);
  REQUIRE(pos != std::string_view::npos);
  return static_cast<std::uint32_t>(pos);
}

inline std::string text_at(std::string_view text, icq::ast::Span s) { return std::string(text.substr(s.begin, s.end - s.begin)); }

}  // namespace icq_test
