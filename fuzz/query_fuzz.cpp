// A whole icq::Session on the built-in data running arbitrary text, every result rendered in every
// format, every diagnostic formatted; then check() and complete() on the same text.
// The built-in data set is parsed once per process (Session shares it); each input gets a fresh
// Session so `set`, `let`, `param` and `expect` state never leaks from one input into the next and
// every crash reproduces from its own bytes. Inputs over 4 KiB and inputs with a `load` statement
// (it reads the file system and rebuilds the data set: slow, and not what this harness tests;
// load_*_fuzz cover the loaders) are rejected.
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <variant>

#include "icq/diagnostic.hpp"
#include "icq/render.hpp"
#include "icq/session.hpp"
#include "parser.hpp"

namespace {

constexpr std::size_t kMaxInput = 4096;

bool has_load(const icq::ast::Program& program) {
  for (const auto& stmt : program.statements)
    if (std::holds_alternative<icq::ast::Load>(stmt.body)) return true;
  return false;
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  static const icq::Session warm;  // parses the built-in data once, before the first input
  (void)warm.data();
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size > kMaxInput) return -1;
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const auto parsed = icq::grammar::parse(text);
  if (const auto* program = std::get_if<icq::ast::Program>(&parsed); program && has_load(*program)) return -1;

  icq::Session session;
  const icq::Outcome out = session.run(text, "fuzz.icq", /*stop_at_error=*/false);
  for (const auto& result : out.results)
    for (const auto format : {icq::Format::table, icq::Format::markdown, icq::Format::csv, icq::Format::json, icq::Format::jsonl})
      // columns: unwrapped (0) or wrapped to 1..119 cells, narrower than most tables
      (void)icq::render(result, format,
                        icq::RenderOptions{.unicode = true, .color = (size & 1) != 0, .columns = static_cast<int>(size % 120)});
  // The chart writers: SVG (with log axes on odd sizes), the terminal's braille, the HTML page.
  for (const auto& result : out.results) {
    (void)icq::render(result, icq::Format::svg, icq::RenderOptions{.log_x = (size & 1) != 0, .log_y = (size & 2) != 0});
    (void)icq::render_plot(result, icq::RenderOptions{.color = (size & 1) != 0, .columns = 60 + static_cast<int>(size % 100), .rows = 20});
  }
  (void)icq::render_html(out.results);
  for (const auto& d : out.diagnostics) (void)icq::format_diagnostic(d, (size & 1) != 0);
  (void)out.exit_code();
  (void)session.check(text);
  (void)session.complete(text.substr(0, text.find('\n')));
  return 0;
}
