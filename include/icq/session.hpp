#pragma once
// The embedding API: a Session owns loaded data, settings and parameters and runs icq text.
// Thread safety: a Session is not safe to use from two threads at once (cancel() excepted);
// separate Sessions are independent and may run concurrently (the built-in data they share is
// immutable).
#include <exception>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>
#include "icq/export.hpp"

#include "icq/diagnostic.hpp"
#include "icq/render.hpp"
#include "icq/result.hpp"

namespace icq {

struct DataSummary {
  std::size_t files = 0, rows = 0, lines = 0, unusable_rows = 0, duplicates_merged = 0;
  std::vector<std::string> models, gpus;
  std::string first_date, last_date;
  std::vector<std::string> sources;  // one line per source file: name, format, rows
  std::string note;                  // SessionOptions::data_note: the fetched captures in use
  std::string snapshot;              // the extra_snapshot read instead of the files, if it was
};

// Bounds that protect a host from runaway input; each violation is a clear error.
struct Limits {
  std::size_t max_query_bytes = 256 * 1024;           // one run() text
  std::size_t max_targets = 10000;                    // interactivities one statement evaluates
  std::size_t max_sides = 32;                         // sides of one comparison
  std::size_t max_rank_sides = 1000;                  // values or configurations one `rank` compares (its output: `limit N`)
  std::size_t max_file_bytes = std::size_t{1} << 30;  // one data file
};

// A host's answer for a database given as data: the rows it read, written as a snapshot file
// (docs/DECISIONS.md, "A database as data"). The icq program's hosts run the helper icq-pg for it.
struct DatabaseRead {
  std::string snapshot;     // the file the host wrote the database's data set to
  std::string key;          // the database's state it stands for (the file's header carries it)
  std::string note;         // added to the notes of every result that shows data; never a password
  std::string error, help;  // why it could not be read, and what to do (then the rest is empty)
};

struct SessionOptions {
  Limits limits;
  // Data: the built-in set unless data_paths is non-empty (files or directories, any format, or a
  // PostgreSQL database's URL "postgresql://…", which read_database reads).
  std::vector<std::string> data_paths;
  // Loaded on top of the built-in data (ignored with data_paths): the host's cache of fetched API
  // captures. Their sources are named "cache:<path>", so their rows win over built-in duplicates.
  std::vector<std::string> extra_paths;
  // A file Session::save_snapshot() wrote for exactly these extra_paths: read instead of parsing
  // them and the built-in data when it is valid for this build; ignored (the files parsed) otherwise.
  std::string extra_snapshot;
  // When extra_snapshot could not be read (missing, damaged, from another build or for other
  // files), write it again after parsing, so the next Session reads it. Best effort: a cache that
  // cannot be written is only parsed each time.
  bool refresh_snapshot = false;
  // Added to the notes of every result that shows data ("data: built-in snapshot + capture …").
  std::string data_note;
  // Reads a database given as data (a data path or `load "postgresql://…"`); called with the URL as
  // given, password included. Without it a database URL is an error that says so.
  std::function<DatabaseRead(const std::string& url)> read_database;
  // Where a `load` statement may read. Unset: anywhere (icq: the user typed it). Set: only files
  // that resolve (absolute, `..` folded, symlinks followed, those inside a folder too) into one of
  // these folders, and none when it is empty (icq mcp: text an assistant wrote must not reach the
  // user's files unless the user allowed a folder). A folder that does not exist is an Error.
  std::optional<std::vector<std::string>> allowed_load_dirs;
  // Host callbacks for everything the library would otherwise print.
  // on_warning: the warnings and notes of the data loaded as the Session is built (a `load`
  // statement's own come with its Outcome).
  std::function<void(const Diagnostic&)> on_warning;
  std::function<void(std::size_t done, std::size_t total, std::string_view)> on_progress;  // loading files
  // Parameters set by the host (`icq -D NAME=VALUE`); they win over `param` statements.
  std::map<std::string, std::string> params;
  // The text comes from others (a server's clients): statements that reach past the Session are
  // errors at their span — `load` (reads a file the host did not choose) and `set format` (the
  // host chose the format).
  bool sandboxed = false;
};

struct ICQ_API Outcome {
  std::vector<Result> results;
  // Errors stop the run at the failing statement. A `load` adds what its files deserve and the run
  // goes on: an error for each file that gave nothing (a load that gave nothing at all fails as a
  // statement), a warning for each partly bad one, notes.
  std::vector<Diagnostic> diagnostics;
  [[nodiscard]] bool ok() const noexcept;
  // 0 ok, 1 query error, 2 usage or I/O error, 3 failed expectation, 130 cancelled.
  [[nodiscard]] int exit_code() const noexcept;
};

class ICQ_API Session {
 public:
  // Loads the data. Throws icq::Error (kind usage) when a data path cannot be read.
  explicit Session(SessionOptions options = {});
  ~Session();
  Session(Session&&) noexcept;
  Session& operator=(Session&&) noexcept;

  // Runs every statement of `text`; `source` names it in diagnostics ("query", "report.icq").
  // A query error stops the run unless `stop_at_error` is false; failed expectations never do.
  Outcome run(std::string_view text, std::string_view source = "query", bool stop_at_error = true);
  // Stops the run in progress: at its next check point (between statements, and inside the long
  // loops of evaluation and loading) the statement ends with the error "cancelled" (kind
  // cancelled) and the rest of the run is skipped; the results finished before it are kept.
  // Safe from any thread and from a signal handler: it only sets a lock-free atomic flag, which
  // run() clears as it returns (a cancel() while nothing runs stops the next run at its start).
  void cancel() noexcept;

  // Parses without running: syntax diagnostics only (`incomplete` tells a REPL to read on).
  [[nodiscard]] Outcome check(std::string_view text) const;

  // A new Session over this one's data as it was opened, shared rather than loaded again (the data
  // is immutable), with its options and nothing its runs changed: no `set`, `let`, `param` or
  // `load` of theirs. Microseconds: a server gives each request one. Safe from several threads at
  // once while this Session does not run.
  [[nodiscard]] Session fresh() const;

  [[nodiscard]] DataSummary data() const;
  // Writes the session's data (the built-in data plus SessionOptions::extra_paths, nothing else
  // given) to `file` for SessionOptions::extra_snapshot. Throws icq::Error when it cannot.
  void save_snapshot(const std::string& file) const;

  // Words that may complete the last word of `line` (everything left of the cursor): keywords,
  // and values present in the data narrowed by the filters already on the line. Sorted.
  [[nodiscard]] std::vector<std::string> complete(std::string_view line) const;

  // Sets a parameter that wins over the scripts' `param NAME = VALUE`.
  void set_param(std::string name, std::string value);
  // The parameters `text` declares (`param NAME = …`) or refers to (`$NAME`), sorted; nullopt when
  // it does not parse. A host checks the names it sets (icq -D) against a script's before running it.
  [[nodiscard]] std::optional<std::vector<std::string>> parameters(std::string_view text) const;
  // The output format a script asked for with `set format`, if any.
  [[nodiscard]] std::optional<Format> format() const;

 private:
  struct Impl;
  explicit Session(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

// Thrown by the Session constructor for unreadable data.
struct ICQ_API Error : std::exception {
  Diagnostic diagnostic;
  explicit Error(Diagnostic d) : diagnostic(std::move(d)) {}
  [[nodiscard]] const char* what() const noexcept override { return diagnostic.message.c_str(); }
};

}  // namespace icq
