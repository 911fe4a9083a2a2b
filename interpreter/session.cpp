// icq::Session — the public facade: load data once, then parse → bind → evaluate each statement.
#include "icq/session.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <atomic>
#include <map>
#include <mutex>
#include <set>

#include <filesystem>

#include "bind/binder.hpp"
#include "bind/params.hpp"
#include "bind/query_error.hpp"
#include "builtin_snapshot.hpp"
#include "cache_snapshot.hpp"
#include "complete.hpp"
#include "data/database_url.hpp"
#include "data/load.hpp"
#include "data/snapshot.hpp"
#include "eval/cancel.hpp"
#include "eval/compare.hpp"
#include "eval/execute.hpp"
#include "eval/statements.hpp"
#include "parser.hpp"
#include "render/json.hpp"
#include "text/dates.hpp"
#include "text/text.hpp"

namespace icq {

namespace {

// The built-in data set: parsed at build time (stdlib/data/snapshot.hpp), read once per process and
// shared read-only by every Session.
std::shared_ptr<const data::Dataset> builtin_dataset() {
  static std::once_flag once;
  static std::shared_ptr<const data::Dataset> ds;
  // The metrics stay where the library embeds them (8-aligned in .rodata, for the life of the program).
  std::call_once(once,
                 [] { ds = std::make_shared<const data::Dataset>(data::read_builtin_snapshot(interp::builtin_snapshot())); });
  return ds;
}

SourceSpan span_in(std::string_view text, std::string_view source, std::uint32_t offset, std::uint32_t length) {
  SourceSpan s;
  s.source = std::string(source);
  offset = std::min<std::uint32_t>(offset, static_cast<std::uint32_t>(text.size()));
  s.offset = offset;
  s.length = length;
  std::size_t line_start = 0;
  s.line = 1;
  for (std::size_t i = 0; i < offset; ++i)
    if (text[i] == '\n') ++s.line, line_start = i + 1;
  s.column = static_cast<std::uint32_t>(offset - line_start + 1);
  const std::size_t line_end = text.find('\n', line_start);
  s.line_text = std::string(text.substr(line_start, line_end == std::string_view::npos ? std::string_view::npos : line_end - line_start));
  if (!s.line_text.empty() && s.line_text.back() == '\r') s.line_text.pop_back();
  // Never underline past the end of the line.
  s.length = std::min<std::uint32_t>(
      s.length, static_cast<std::uint32_t>(s.line_text.size() - std::min<std::size_t>(s.line_text.size(), s.column - 1)));
  return s;
}

std::string suggestion_line(const std::vector<std::string>& s) {
  if (s.empty()) return {};
  std::vector<std::string> q;
  for (const auto& x : s) q.push_back("'" + x + "'");
  return "did you mean " + text::join_or(q) + "?";
}

Diagnostic warning(std::string source, std::string message, Severity severity = Severity::warning) {
  Diagnostic d;
  d.severity = severity;
  d.kind = ErrorKind::usage;
  d.span.source = std::move(source);
  d.message = std::move(message);
  return d;
}

// Everything the load report says that a user should see: records that could not be used in a file
// that gave good rows as warnings, broken or unrecognised files as errors, observations as notes.
std::vector<Diagnostic> load_warnings(const data::LoadReport& r) {
  std::vector<Diagnostic> out;
  for (const auto& s : r.sources)
    if (!s.skipped.empty()) out.push_back(warning(s.name, "skipped: " + s.skipped, s.skipped_known ? Severity::note : Severity::error));
  std::map<std::uint32_t, std::vector<const data::Problem*>> by_source;
  for (const auto& p : r.problems) by_source[p.source].push_back(&p);
  for (const auto& [src, problems] : by_source) {
    // One line per reason with the first positions, so a file of a million bad rows stays readable.
    std::map<std::string, std::vector<std::string>> by_reason;
    for (const auto* p : problems) by_reason[p->reason].push_back(p->where);
    for (const auto& [reason, where] : by_reason) {
      std::vector<std::string> first(where.begin(), where.begin() + static_cast<std::ptrdiff_t>(std::min<std::size_t>(where.size(), 3)));
      // A partly bad file (good rows kept) warns like a compiler; a file that gave nothing is an error.
      out.push_back(warning(r.sources[src].name,
                            fmt::format("{} unusable record{} ({}): {}{}", where.size(), where.size() == 1 ? "" : "s", reason,
                                        text::join(first, ", "), where.size() > 3 ? ", …" : ""),
                            r.sources[src].rows_kept ? Severity::warning : Severity::error));
    }
  }
  for (const auto& s : r.sources)
    if (s.rows_without_x)
      out.push_back(warning(s.name,
                            fmt::format("{} of {} rows carry no median interactivity (median_intvty): they can be listed, "
                                        "and enter a frontier only at a percentile they carry (`using interactivity p90`; "
                                        "agentic rows use p90 by default)",
                                        s.rows_without_x, s.rows_kept),
                            Severity::note));
  if (!r.ignored_fields.empty()) {
    std::vector<std::string> f;
    for (const auto& [name, n] : r.ignored_fields) f.push_back(fmt::format("{} ({}×)", name, n));
    out.push_back(warning("data", "fields not used by icq were ignored: " + text::join(f, ", "), Severity::note));
  }
  if (r.conflicting_values)
    out.push_back(
        warning("data", fmt::format("{} duplicate rows disagreed on {} values; the value from the source whose name sorts last was kept",
                                    r.duplicates_merged, r.conflicting_values)));
  if (r.superseded_attempt_rows)
    out.push_back(warning("data",
                          fmt::format("{} rows of an attempt of a GitHub run that the data holds a later attempt of were left out "
                                      "(the dashboard reads only the latest attempt of each run)",
                                      r.superseded_attempt_rows),
                          Severity::note));
  for (const auto& w : r.warnings) out.push_back(warning("data", w));
  for (const auto& n : r.notes) out.push_back(warning("data", n, Severity::note));
  return out;
}

}  // namespace

bool Outcome::ok() const noexcept {
  for (const auto& d : diagnostics)
    if (d.severity == Severity::error) return false;
  return true;
}

int Outcome::exit_code() const noexcept {
  // The gravest kind wins: cancelled (130) over usage and I/O (2) over query errors (1) over failed
  // expectations (3).
  bool query = false, expect = false, usage = false;
  for (const auto& d : diagnostics) {
    if (d.severity != Severity::error) continue;
    if (d.kind == ErrorKind::cancelled) return 130;
    usage = usage || d.kind == ErrorKind::usage;
    query = query || d.kind == ErrorKind::query;
    expect = expect || d.kind == ErrorKind::expect;
  }
  return usage ? 2 : query ? 1 : expect ? 3 : 0;
}

struct Session::Impl {
  std::shared_ptr<const data::Dataset> data;
  std::shared_ptr<const data::Dataset> opened;  // the data before any `load`: what fresh() shares
  interp::Settings settings;
  SessionOptions options;
  std::vector<std::string> loaded;                   // paths added by `load`, after options.data_paths
  std::optional<data::LoadRoots> load_roots;         // options.allowed_load_dirs, resolved; unset: anywhere
  std::vector<Diagnostic> load_diagnostics;          // the running `load`'s, for its Outcome
  std::set<std::string> reported;                    // data-wide warnings already said (they repeat on each rebuild)
  std::optional<Format> format;                      // asked for by `set format`
  std::optional<interp::BoundCompare> last_compare;  // what `expect` checks
  bool snapshot_used = false;                        // the data came from options.extra_snapshot
  std::atomic<bool> cancel_requested{false};         // Session::cancel(); read by interp::check_cancelled
  static_assert(std::atomic<bool>::is_always_lock_free, "cancel() must be async-signal-safe");

  std::vector<std::string> database_notes;  // one per database read into the data (DatabaseRead::note)
  std::vector<std::string> opened_notes;    // those of `opened`

  // A database given as data, as the host read it into a snapshot, mapped in place; its note goes
  // to `notes`. Throws LoadError.
  std::shared_ptr<const data::Dataset> open_database(const std::string& url, std::vector<std::string>& notes) {
    const std::string shown = data::redact_database_url(url);
    if (!options.read_database)
      throw data::LoadError("cannot read the database " + shown + ": this host reads no databases",
                            "the icq program reads one through its helper icq-pg");
    const DatabaseRead r = options.read_database(url);
    if (!r.error.empty()) throw data::LoadError(r.error, r.help);
    auto ds = interp::read_database_snapshot(r.snapshot, r.key);
    if (!ds) throw data::LoadError("the snapshot of the database " + shown + " (" + r.snapshot + ") could not be read", "run again");
    notes.push_back(r.note);
    return ds;
  }

  // (Re)builds the data: the built-in set (unless data paths replace it), the data paths, then
  // whatever `load` added. Throws LoadError for unreadable paths and databases; on an error the
  // data and its notes stay as they were. Returns what the files parsed deserve a word about
  // (nothing when the data came from a snapshot).
  std::vector<Diagnostic> build() {
    if (options.data_paths.empty() && options.extra_paths.empty() && loaded.empty()) {
      data = builtin_dataset();
      database_notes.clear();
      return {};
    }
    // The host's snapshot of built-in + extra data, when it still stands for those files.
    if (options.data_paths.empty() && loaded.empty() && !options.extra_snapshot.empty()) {
      if (auto ds = interp::read_cache_snapshot(options.extra_snapshot, options.extra_paths)) {
        data = std::move(ds);
        database_notes.clear();
        snapshot_used = true;
        return {};
      }
    }
    snapshot_used = false;
    std::vector<std::string> notes;
    // A database alone is its snapshot, read in place.
    if (options.data_paths.size() == 1 && loaded.empty() && data::is_database_url(options.data_paths[0])) {
      auto ds = open_database(options.data_paths[0], notes);
      if (ds->empty())
        throw data::LoadError("the database " + data::redact_database_url(options.data_paths[0]) + " holds no usable benchmark results",
                              "icq reads error-free results of the latest attempt of each run (benchmark_results joined with "
                              "latest_workflow_runs)");
      data = std::move(ds);
      database_notes = std::move(notes);
      return {};
    }
    auto ds = [&] {
      data::DatasetBuilder b;
      // Between files a `load` may be cancelled (check_cancelled throws only inside a run).
      const data::LoadProgress progress = [&](std::size_t done, std::size_t total, std::string_view name) {
        interp::check_cancelled();
        if (options.on_progress) options.on_progress(done, total, name);
      };
      const auto add = [&](const std::string& path, const data::LoadRoots* roots) {
        if (data::is_database_url(path)) b.add_dataset(*open_database(path, notes));
        else data::load_path(b, path, progress, options.limits.max_file_bytes, {}, roots);
      };
      if (options.data_paths.empty()) {
        data::load_builtin(b);
        // "cache:" sorts after "built-in:", so the extra data wins the duplicate merge.
        for (const auto& path : options.extra_paths) data::load_path(b, path, progress, options.limits.max_file_bytes, "cache:");
      }
      for (const auto& path : options.data_paths) add(path, nullptr);
      for (const auto& path : loaded) add(path, load_roots ? &*load_roots : nullptr);
      return std::make_shared<const data::Dataset>(std::move(b).finish());
    }();
    // After finish(): duplicates are merged (and their disagreements counted) there.
    std::vector<Diagnostic> warnings = load_warnings(ds->report());
    data::release_free_memory();  // the builder's transient maps and buffers
    if (ds->empty()) {
      // Why each file gave nothing comes before the error that there is nothing.
      if (options.on_warning)
        for (const auto& w : warnings) options.on_warning(w);
      throw data::LoadError("the data holds no usable benchmark rows");
    }
    data = std::move(ds);
    database_notes = std::move(notes);
    if (options.refresh_snapshot && !options.extra_snapshot.empty() && options.data_paths.empty() && loaded.empty()) {
      try {
        interp::write_cache_snapshot(*data, options.extra_paths, options.extra_snapshot);
      } catch (const data::LoadError&) {
        // a read-only or full cache: parsed each time
      }
    }
    return warnings;
  }
  Result load(const ast::Word& path, const std::filesystem::path& base);
  Outcome run(std::string_view text, std::string_view source, bool stop_at_error);

  // `load` paths are relative to the script that says them.
  static std::filesystem::path script_folder(std::string_view source) {
    std::error_code ec;
    const std::filesystem::path p{std::string(source)};
    return std::filesystem::is_regular_file(p, ec) ? p.parent_path() : std::filesystem::path{};
  }

  // Notes every data result carries: generated rows never pass for measurements, and the host's
  // word on where the data came from.
  void annotate(Result& r) const {
    if (const std::size_t synthetic = data->report().synthetic_rows(); synthetic && kind_info(r.kind).reads_rows)
      r.notes.push_back(
          fmt::format("SYNTHETIC DATA: the loaded data holds {} generated rows (\"synthetic\": true, "
                      "bench/gen_history.py); these results are not InferenceX measurements",
                      synthetic));
    if (!options.data_note.empty() && kind_info(r.kind).shows_data) r.notes.push_back(options.data_note);
    if (kind_info(r.kind).shows_data)
      for (const auto& n : database_notes) r.notes.push_back(n);
  }
};

Session::Session(SessionOptions options) : impl_(std::make_unique<Impl>()) {
  impl_->options = std::move(options);
  impl_->settings.overrides = impl_->options.params;
  impl_->settings.limits = impl_->options.limits;
  const auto fail = [](std::string message, std::string help) {
    Diagnostic d;
    d.kind = ErrorKind::usage;
    d.message = std::move(message);
    d.help = std::move(help);
    d.span.source = "icq";
    throw Error(std::move(d));
  };
  if (const auto& dirs = impl_->options.allowed_load_dirs) {
    impl_->load_roots.emplace();
    for (const auto& dir : *dirs) {
      std::error_code ec;
      const auto real = std::filesystem::canonical(dir, ec);
      if (ec || !std::filesystem::is_directory(real, ec))
        fail(fmt::format("cannot allow loading from '{}': {}", dir, ec ? ec.message() : "not a folder"), "name an existing folder");
      impl_->load_roots->push_back(real);
    }
  }
  try {
    for (auto& w : impl_->build()) {
      if (w.span.source == "data") impl_->reported.insert(w.message);
      if (impl_->options.on_warning) impl_->options.on_warning(w);
    }
    impl_->opened = impl_->data;
  } catch (const data::LoadError& e) {
    std::string help = e.help;
    if (help.empty() && std::string_view(e.what()).find("no usable") != std::string_view::npos)
      help = "give InferenceX API JSON, a dashboard CSV export, runner aggregates or benchmark_serving.py results";
    fail(e.what(), help);
  }
}

Session::Session(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}

Session Session::fresh() const {
  auto impl = std::make_unique<Impl>();
  impl->options = impl_->options;
  impl->settings.overrides = impl->options.params;
  impl->settings.limits = impl->options.limits;
  impl->data = impl->opened = impl_->opened;
  impl->database_notes = impl->opened_notes = impl_->opened_notes;
  impl->snapshot_used = impl_->snapshot_used;
  impl->load_roots = impl_->load_roots;  // the folders `load` may read stay the host's
  impl->reported = impl_->reported;
  return Session(std::move(impl));
}

void Session::cancel() noexcept { impl_->cancel_requested.store(true, std::memory_order_relaxed); }

void Session::set_param(std::string name, std::string value) { impl_->settings.overrides[std::move(name)] = std::move(value); }

std::optional<std::vector<std::string>> Session::parameters(std::string_view text) const {
  const auto parsed = grammar::parse(text);
  const auto* program = std::get_if<ast::Program>(&parsed);
  if (!program) return std::nullopt;
  std::set<std::string> names;
  for (const auto& stmt : program->statements) interp::parameter_names(stmt, names);
  return std::vector<std::string>(names.begin(), names.end());
}

std::optional<Format> Session::format() const { return impl_->format; }

std::vector<std::string> Session::complete(std::string_view line) const { return interp::complete(line, *impl_->data, impl_->settings); }

Session::~Session() = default;
Session::Session(Session&&) noexcept = default;
Session& Session::operator=(Session&&) noexcept = default;

Outcome Session::check(std::string_view text) const {
  Outcome out;
  const auto parsed = grammar::parse(text);
  if (const auto* err = std::get_if<ast::SyntaxError>(&parsed)) {
    Diagnostic d;
    d.message = err->message;
    d.span = span_in(text, "check", err->offset, err->length);
    d.incomplete = err->at_end;
    out.diagnostics.push_back(std::move(d));
  }
  return out;
}

namespace {

Diagnostic syntax_diagnostic(const ast::SyntaxError& err, std::string_view text, std::string_view source) {
  Diagnostic d;
  d.message = err.message;
  d.span = span_in(text, source, err.offset, err.length);
  d.suggestions = err.suggestions;
  const std::string dym = suggestion_line(err.suggestions);
  d.help = dym.empty() ? err.help : dym + "\n" + err.help;
  d.incomplete = err.at_end;
  return d;
}

// A QueryError's span of {0,0} means "the statement as a whole".
Diagnostic query_diagnostic(const interp::QueryError& e, const ast::Statement& stmt, std::string_view text, std::string_view source) {
  Diagnostic d;
  d.message = e.what();
  const bool whole = e.span.begin == 0 && e.span.end == 0;
  d.span = span_in(text, source, whole ? stmt.span.begin : e.span.begin, whole ? 0 : e.span.end - e.span.begin);
  d.suggestions = e.suggestions;
  d.help = e.help;
  return d;
}

// SessionOptions::sandboxed: the statements that reach past the Session are errors at their span.
void refuse_in_sandbox(const ast::Statement& stmt) {
  const ast::Span whole{stmt.span.begin, stmt.span.end};
  if (std::holds_alternative<ast::Load>(stmt.body))
    throw interp::QueryError(
        "load is not allowed here: this session answers from the data it was opened with", whole,
        "a host that runs others' text (icq serve) reads no file they name; give the data when it starts (--data PATH)");
  if (const auto* set = std::get_if<ast::Set>(&stmt.body); set && text::iequals(set->name.text, "format"))
    throw interp::QueryError("set format is not allowed here: the host chooses the format", whole,
                             "icq serve: the address's ending chooses it (/query.json, /query.csv, /query.svg)");
}

Diagnostic statement_diagnostic(ErrorKind kind, std::string message, std::string help, const ast::Statement& stmt, std::string_view text,
                                std::string_view source) {
  Diagnostic d;
  d.kind = kind;
  d.message = std::move(message);
  d.help = std::move(help);
  d.span = span_in(text, source, stmt.span.begin, stmt.span.end - stmt.span.begin);
  return d;
}

}  // namespace

// The flow of every statement: substitute parameters, bind against the data and settings in force,
// execute, annotate; an error ends the statement (and the run, unless `stop_at_error` is false).
Outcome Session::Impl::run(std::string_view text, std::string_view source, bool stop_at_error) {
  // cancel() stops this run at its next check point; the request ends with the run.
  const interp::CancelScope cancellable(cancel_requested);
  struct Clear {
    std::atomic<bool>& flag;
    ~Clear() { flag.store(false, std::memory_order_relaxed); }
  } clear{cancel_requested};
  Outcome out;
  if (text.size() > settings.limits.max_query_bytes) {
    Diagnostic d;
    d.message = fmt::format("the input is {} bytes; the limit is {}", text.size(), settings.limits.max_query_bytes);
    d.span.source = std::string(source);
    d.help = "split it into smaller scripts, or a host may raise Limits::max_query_bytes";
    out.diagnostics.push_back(std::move(d));
    return out;
  }
  auto parsed = grammar::parse(text);
  if (auto* err = std::get_if<ast::SyntaxError>(&parsed)) {
    out.diagnostics.push_back(syntax_diagnostic(*err, text, source));
    return out;
  }
  for (auto& stmt : std::get<ast::Program>(parsed).statements) {
    load_diagnostics.clear();
    try {
      interp::check_cancelled();
      if (options.sandboxed) refuse_in_sandbox(stmt);
      interp::substitute_params(stmt, settings.all_params());
      const interp::Binder binder(*data, settings, text);
      const interp::BoundStatement bound = binder.bind(stmt);
      interp::Context context{*data, binder, settings, format, last_compare, {}, {}};
      Result r = interp::execute(bound, context);
      // Evaluation asks, the session loads: relative to the script's folder, looked up only then (a
      // file system call that every statement paid when made up front).
      if (context.load_request) r = load(*context.load_request, script_folder(source));
      // A load's word on its files comes with its result (a file that gave nothing is an error the
      // run goes on from: the load added what the others gave).
      for (auto& d : load_diagnostics) out.diagnostics.push_back(std::move(d));
      load_diagnostics.clear();
      if (!context.failed_expectations.empty())
        out.diagnostics.push_back(
            statement_diagnostic(ErrorKind::expect, "expectation failed: " + text::join(context.failed_expectations, "; "),
                                 "the values are the latest comparison's, evaluated at the expectation's targets", stmt, text, source));
      annotate(r);
      out.results.push_back(std::move(r));
    } catch (const interp::Cancelled&) {
      // The statement is named, not underlined: it did not go wrong, it was stopped.
      Diagnostic d = statement_diagnostic(ErrorKind::cancelled, "cancelled",
                                          "stopped before it finished: the statements before it ran, none after it", stmt, text, source);
      d.span.length = 0;
      out.diagnostics.push_back(std::move(d));
      return out;
    } catch (const interp::QueryError& e) {
      out.diagnostics.push_back(query_diagnostic(e, stmt, text, source));
      if (stop_at_error) return out;
    } catch (const data::LoadError& e) {
      out.diagnostics.push_back(statement_diagnostic(ErrorKind::usage, e.what(), e.help, stmt, text, source));
      if (stop_at_error) return out;
    }
  }
  return out;
}

Outcome Session::run(std::string_view text, std::string_view source, bool stop_at_error) {
  Outcome out = impl_->run(text, source, stop_at_error);
  // A database URL written in the text may carry a password: no diagnostic shows it (their line
  // text quotes the statement).
  if (const auto secrets = data::database_secrets_in(text); !secrets.empty())
    for (auto& d : out.diagnostics) {
      d.message = data::scrub_secrets(d.message, secrets);
      d.help = data::scrub_secrets(d.help, secrets);
      d.span.line_text = data::scrub_secrets(d.span.line_text, secrets);
    }
  return out;
}

namespace {

// A source `load PATH` read: PATH itself, a file under the folder PATH, or a table of the database
// PATH ("postgresql://host/db#benchmark_results").
bool from_path(std::string_view source, std::string_view path) {
  if (!source.starts_with(path)) return false;
  return source.size() == path.size() || path.ends_with('/') || source[path.size()] == '/' || source[path.size()] == '#';
}

}  // namespace

Result Session::Impl::load(const ast::Word& path_word, const std::filesystem::path& base) {
  const bool database = data::is_database_url(path_word.text);
  std::filesystem::path path(path_word.text);
  if (database && load_roots)
    throw data::LoadError("a database cannot be loaded here: this host reads files only, from the folders it allows",
                          "give the database as data to the icq program (icq --data URL)");
  if (!database && path.is_relative() && !base.empty()) path = base / path;
  if (load_roots) data::check_within(path, *load_roots);  // before anything is looked at
  const std::size_t before = data->rows().size();
  const auto previous = data;
  const auto previous_notes = database_notes;
  const bool previous_snapshot = snapshot_used;
  loaded.push_back(database ? path_word.text : path.string());
  std::vector<Diagnostic> warnings;
  try {
    warnings = build();
  } catch (...) {
    loaded.pop_back();
    throw;
  }
  // What this load's files gave, and what they deserve a word about.
  const auto& ds = *data;
  const std::string p = database ? data::redact_database_url(path_word.text) : path.string();  // its sources' names begin so
  std::size_t files = 0, rows = 0, evaluations = 0;
  std::vector<std::uint32_t> mine;
  for (std::uint32_t i = 0; i < ds.report().sources.size(); ++i)
    if (const auto& src = ds.report().sources[i]; from_path(src.name, p)) ++files, rows += src.rows_kept, mine.push_back(i);
  for (const auto& e : ds.evaluations())
    if (std::find(mine.begin(), mine.end(), e.source) != mine.end()) ++evaluations;
  std::vector<Diagnostic> said, failures;
  for (auto& w : warnings) {
    const bool file = from_path(w.span.source, p);
    const bool about_file = w.span.source == "data" && std::any_of(mine.begin(), mine.end(), [&](std::uint32_t i) {
                              return w.message.starts_with(ds.report().sources[i].name + ": ");
                            });
    // Data-wide warnings (duplicates that disagree) once; the data-wide notes are the data paths', not the load's.
    const bool data_wide = w.span.source == "data" && !about_file && w.severity == Severity::warning && reported.insert(w.message).second;
    if (!file && !about_file && !data_wide) continue;
    (w.severity == Severity::error ? failures : said).push_back(w);
  }
  if (rows == 0 && evaluations == 0) {
    // Nothing at all: the load fails and the session keeps the data it had.
    loaded.pop_back();
    data = previous;
    database_notes = previous_notes;
    snapshot_used = previous_snapshot;
    std::vector<std::string> why;
    for (const auto& f : failures) why.push_back(f.span.source == p ? f.message : f.span.source + ": " + f.message);
    throw data::LoadError(fmt::format("'{}' gave no usable benchmark rows{}", p, why.empty() ? "" : " (" + text::join(why, "; ") + ")"),
                          "give InferenceX API JSON, a dashboard CSV export, runner aggregates or benchmark_serving.py results");
  }
  for (auto& f : failures) f.kind = ErrorKind::usage, said.push_back(std::move(f));
  load_diagnostics = std::move(said);
  Result r;
  r.kind = Kind::load;
  r.query = "load \"" + p + "\"";
  r.notes.push_back(fmt::format(
      "'{}': {} row{}{} from {} {}{}; the session now holds {} rows on {} lines ({} before; duplicates merge) from {} sources", p, rows,
      rows == 1 ? "" : "s", evaluations ? fmt::format(" and {} evaluations", evaluations) : "", files, database ? "table" : "file",
      files == 1 ? "" : "s", ds.rows().size(), ds.lines().size(), before, ds.report().sources.size()));
  return r;
}

void Session::save_snapshot(const std::string& file) const {
  Diagnostic d;
  d.kind = ErrorKind::usage;
  d.span.source = "icq";
  if (!impl_->options.data_paths.empty() || !impl_->loaded.empty()) {
    d.message = "only the built-in data plus the extra paths can be saved as a snapshot";
    throw Error(std::move(d));
  }
  try {
    interp::write_cache_snapshot(*impl_->data, impl_->options.extra_paths, file);
  } catch (const data::LoadError& e) {
    d.message = e.what();
    throw Error(std::move(d));
  }
}

DataSummary Session::data() const {
  const data::Dataset& ds = *impl_->data;
  DataSummary s;
  const auto& r = ds.report();
  s.files = r.sources.size();
  s.rows = ds.rows().size();
  s.lines = ds.lines().size();
  s.duplicates_merged = r.duplicates_merged;
  s.note = impl_->options.data_note;
  for (const auto& n : impl_->database_notes) s.note += (s.note.empty() ? "" : "\n") + n;
  if (impl_->snapshot_used) s.snapshot = impl_->options.extra_snapshot;
  for (const auto& src : r.sources) {
    s.unusable_rows += src.rows_unusable;
    s.sources.push_back(
        fmt::format("{} ({}, {} rows{})", src.name, src.format, src.rows_kept, src.skipped.empty() ? "" : "; skipped: " + src.skipped));
  }
  std::set<std::string> models, gpus;
  std::int32_t first = INT32_MAX, last = INT32_MIN;
  for (const auto& row : ds.rows()) {
    const auto& l = ds.line_of(row);
    models.insert(l.model), gpus.insert(l.hardware);
    first = std::min(first, row.date), last = std::max(last, row.date);
  }
  s.models.assign(models.begin(), models.end());
  s.gpus.assign(gpus.begin(), gpus.end());
  if (!ds.empty()) s.first_date = text::format_date(first), s.last_date = text::format_date(last);
  return s;
}

}  // namespace icq
