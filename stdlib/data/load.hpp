#pragma once
// Loading benchmark data in the formats of ../shared/data/inferencex (see its README):
//   api-json     InferenceX API rows (benchmarks*.json, blog tables), also evaluations etc. (skipped)
//   csv-export   the dashboard's "export CSV" (its "(ms)" columns hold seconds in that version)
//   runner-json  runner aggregates (agg_bmk.json shape, flat hw/tp/... keys), one object or an array
//   serving-raw  benchmark_serving.py output; configuration from the file name
// The format is recognised from the content (and the name for serving-raw), never the extension.
#include <filesystem>
#include <functional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "data/dataset.hpp"

namespace simdjson::dom {
class parser;
}

namespace icq::data {

// I/O failure (missing file, unreadable directory, a path outside the directories allowed, a
// database that cannot be read): a usage error, not a data problem. `help` says what to do, when
// there is something to say.
struct LoadError : std::runtime_error {
  std::string help;
  explicit LoadError(const std::string& message, std::string help_line = {}) : std::runtime_error(message), help(std::move(help_line)) {}
};

// The directories files may be read from (canonical paths): a host that runs text it did not write
// (icq mcp) lists them, and nothing outside them is opened.
using LoadRoots = std::vector<std::filesystem::path>;

// Throws a LoadError unless `path`, resolved (made absolute, `..` folded, every symlink of the part
// that exists followed), lies inside one of `roots`. Nothing is opened or looked up beyond that
// resolution, so the answer does not say whether a file outside exists.
void check_within(const std::filesystem::path& path, const LoadRoots& roots);

// Progress callback: (files done, files total, current name).
using LoadProgress = std::function<void(std::size_t, std::size_t, std::string_view)>;

// Parses one file's bytes. `padded` says the buffer is followed by >= 64 readable bytes.
// `parser`, when given, is reused across files: its buffers stay allocated (and paged in).
void load_bytes(DatasetBuilder& builder, std::string name, std::string_view bytes, bool padded = false,
                simdjson::dom::parser* parser = nullptr);

// A file, or a directory walked recursively in sorted order (hidden entries skipped).
// Files larger than max_file_bytes are a LoadError. Sources are named name_prefix + path (the
// name decides which duplicate wins). With `within`, the path and every file read are checked by
// check_within first (a symlink inside an allowed folder that leads out of it is refused).
void load_path(DatasetBuilder& builder, const std::filesystem::path& path, const LoadProgress& progress = {},
               std::uintmax_t max_file_bytes = std::uintmax_t{1} << 30, std::string_view name_prefix = {},
               const LoadRoots* within = nullptr);

// Returns the heap memory freed after a large load to the system (glibc keeps it otherwise).
void release_free_memory() noexcept;

// The data set embedded at build time.
void load_builtin(DatasetBuilder& builder);

// JSON arrays larger than this are parsed a few MiB of records at a time (load_api_json), so
// load_path maps such files instead of reading them into a padded buffer.
constexpr std::size_t kPieceByPieceAbove = std::size_t{16} << 20;

// Individual formats (load_bytes dispatches to these).
void load_api_json(DatasetBuilder& b, std::uint32_t source, std::string_view bytes, bool padded, simdjson::dom::parser* parser = nullptr);
void load_csv_export(DatasetBuilder& b, std::uint32_t source, std::string_view bytes);
void load_serving_raw(DatasetBuilder& b, std::uint32_t source, std::string_view file_name, std::string_view bytes, bool padded);

}  // namespace icq::data
