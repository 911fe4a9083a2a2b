// icq::grammar::parse on arbitrary bytes: a syntax tree or a SyntaxError, never a crash, and an
// error's position inside the text.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string_view>
#include <variant>

#include "parser.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const auto result = icq::grammar::parse(text);
  if (const auto* err = std::get_if<icq::ast::SyntaxError>(&result)) {
    if (err->offset > size || err->message.empty()) {
      std::fprintf(stderr, "bad SyntaxError: offset %u of %zu, message '%s'\n", err->offset, size, err->message.c_str());
      std::abort();
    }
  } else {
    for (const auto& stmt : std::get<icq::ast::Program>(result).statements)
      if (stmt.span.begin > stmt.span.end || stmt.span.end > size) {
        std::fprintf(stderr, "bad statement span %u..%u of %zu\n", stmt.span.begin, stmt.span.end, size);
        std::abort();
      }
  }
  return 0;
}
