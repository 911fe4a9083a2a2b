#pragma once
// The output formats of the command line, the REPL's `.mode` and `set format` (render.hpp writes them).
namespace icq {

// page: a compare as the dashboard's page prints it (other results as table). svg: the result's
// chart as one SVG document. html: one self-contained page (tables, charts, verdicts, notes).
enum class Format { table, markdown, csv, json, jsonl, page, svg, html };
inline constexpr Format kFormats[] = {Format::table, Format::markdown, Format::csv, Format::json,
                                      Format::jsonl, Format::page,     Format::svg, Format::html};

}  // namespace icq
