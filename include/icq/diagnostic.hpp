#pragma once
// Diagnostics: what went wrong (or deserves a warning), where, and what to do about it.
#include <cstdint>
#include <string>
#include <vector>
#include "icq/export.hpp"

namespace icq {

enum class Severity { error, warning, note };

// A place in a source text (a query, a script file, a data file).
struct SourceSpan {
  std::string source;        // "query", "report.icq", a data file path
  std::uint32_t offset = 0;  // byte offset into the source text
  std::uint32_t length = 0;  // bytes underlined (0: a point)
  std::uint32_t line = 0;    // 1-based; 0 when unknown
  std::uint32_t column = 0;  // 1-based byte column
  std::string line_text;     // the source line, for the caret display
};

enum class ErrorKind {
  query,      // the query is wrong (syntax, unknown name, empty side): exit code 1
  usage,      // I/O or usage (unreadable file, bad option): exit code 2
  expect,     // an `expect` gate failed: exit code 3
  cancelled,  // Session::cancel() stopped the run: exit code 130 (128 + SIGINT, as a shell says)
};

struct Diagnostic {
  Severity severity = Severity::error;
  ErrorKind kind = ErrorKind::query;
  std::string message;
  SourceSpan span;
  std::string help;                      // one line of advice
  std::vector<std::string> suggestions;  // "did you mean" candidates, best first
  bool incomplete = false;               // the input ended where more was expected
};

// "query:1:31: error: unknown precision 'fp9'\n  <line>\n  <caret>\nhelp: did you mean 'fp8'?"
ICQ_API std::string format_diagnostic(const Diagnostic& d, bool color = false);

// "Did you mean", by the rule the language's own errors use (edit distance with a transposition as
// one edit, or a prefix), for hosts' options and commands: the closest candidates, best first.
ICQ_API std::vector<std::string> closest_words(const std::string& word, const std::vector<std::string>& candidates);
// "did you mean 'a'?" / "did you mean 'a' or 'b'?"; empty for no candidates.
ICQ_API std::string did_you_mean(const std::vector<std::string>& candidates);

}  // namespace icq
