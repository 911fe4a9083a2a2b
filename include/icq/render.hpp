#pragma once
// Results to text, in the output formats of the command line.
#include "icq/export.hpp"
#include <optional>
#include <string>
#include <string_view>

#include "icq/diagnostic.hpp"
#include "icq/result.hpp"

namespace icq {

// page: a compare as the dashboard's page prints it (other results as table).
enum class Format { table, markdown, csv, json, jsonl, page };

ICQ_API std::optional<Format> parse_format(std::string_view name);
ICQ_API std::string_view format_name(Format f);

struct RenderOptions {
  bool unicode = false;  // box-drawing table borders (a terminal); ASCII otherwise
  bool color = false;    // ANSI colours (a terminal without NO_COLOR)
};

// The attribution InferenceX's licence asks for in every export.
ICQ_API std::string_view attribution();

ICQ_API std::string render(const Result& result, Format format, const RenderOptions& options = {});

// A failed statement as a JSON object of the json format's array:
// {"kind": "error", "line": …, "column": …, "message": …, "help": …}.
ICQ_API std::string render_error_json(const Diagnostic& d);

}  // namespace icq
