// Rendering of diagnostics: position, the source line, a caret under the problem, then help.
#include <fmt/format.h>

#include "icq/diagnostic.hpp"

#include "text/text.hpp"

namespace icq {

namespace {

// Display columns of a UTF-8 prefix (one per code point; tabs were expanded to one space).
std::size_t display_width(std::string_view s) {
  std::size_t w = 0;
  for (unsigned char c : s)
    if ((c & 0xC0) != 0x80) ++w;
  return w;
}

}  // namespace

std::string format_diagnostic(const Diagnostic& d, bool color) {
  const char* label = d.severity == Severity::error ? "error" : d.severity == Severity::warning ? "warning" : "note";
  const char* tint = d.severity == Severity::error ? "\x1b[1;31m" : d.severity == Severity::warning ? "\x1b[1;35m" : "\x1b[1;36m";
  const std::string on = color ? tint : "", bold = color ? "\x1b[1m" : "", off = color ? "\x1b[0m" : "";
  std::string out;
  if (d.span.line > 0) out += fmt::format("{}{}:{}:{}:{} ", bold, d.span.source, d.span.line, d.span.column, off);
  else if (!d.span.source.empty()) out += fmt::format("{}{}:{} ", bold, d.span.source, off);
  out += fmt::format("{}{}:{} {}\n", on, label, off, d.message);
  if (d.span.line > 0) {
    std::string line = d.span.line_text;
    for (char& c : line)
      if (c == '\t') c = ' ';
    out += "  " + line + "\n";
    const std::size_t col = d.span.column > 0 ? d.span.column - 1 : 0;
    const std::size_t pad = display_width(std::string_view(line).substr(0, std::min(col, line.size())));
    const std::size_t under =
        d.span.length > 1 ? display_width(std::string_view(line).substr(std::min(col, line.size()), d.span.length)) : 1;
    out += "  " + std::string(pad, ' ') + (color ? "\x1b[1;32m" : "") + "^" + std::string(under > 1 ? under - 1 : 0, '~') + off + "\n";
  }
  // Help may hold several lines (a suggestion, then general advice); each gets its label.
  std::size_t start = 0;
  while (start < d.help.size()) {
    const std::size_t nl = d.help.find('\n', start);
    const std::string_view line = std::string_view(d.help).substr(start, nl == std::string::npos ? std::string::npos : nl - start);
    if (!line.empty()) out += fmt::format("{}help:{} {}\n", bold, off, line);
    if (nl == std::string::npos) break;
    start = nl + 1;
  }
  return out;
}

std::vector<std::string> closest_words(const std::string& word, const std::vector<std::string>& candidates) {
  return text::closest(word, candidates);
}

std::string did_you_mean(const std::vector<std::string>& candidates) { return text::did_you_mean(candidates); }

}  // namespace icq
