#include "answers.hpp"

#include <cstdio>

#include "client_text.hpp"
#include "output.hpp"
#include "text/text.hpp"

namespace icq::serve {

namespace {

// A saved script's text: the Session's own bound on one run's text (Limits::max_query_bytes).
constexpr std::size_t kMaxScriptBytes = 256 * 1024;

constexpr const char* kJson = "application/json";
constexpr const char* kHtml = "text/html; charset=utf-8";
constexpr const char* kText = "text/plain; charset=utf-8";

std::string_view content_type(Format f) {
  switch (f) {
    case Format::json: return kJson;
    case Format::csv: return "text/csv; charset=utf-8";
    case Format::svg: return "image/svg+xml";
    case Format::html: return kHtml;
    default: return kText;
  }
}

// The formats an address may end in: the documents a tool reads, and the report a person keeps.
std::optional<Format> format_of(std::string_view ending) {
  if (ending == "json") return Format::json;
  if (ending == "csv") return Format::csv;
  if (ending == "svg") return Format::svg;
  if (ending == "html") return Format::html;
  return std::nullopt;
}

// How an address answers its errors: JSON for .json, plain text for .csv and .svg (what a tool
// shows of a failed download), the page with the query box otherwise.
enum class Family { page, json, text };

Family family_of(std::string_view path) {
  const auto slash = path.rfind('/'), dot = path.rfind('.');
  const std::string_view ending =
      dot == std::string_view::npos || (slash != std::string_view::npos && slash > dot) ? "" : path.substr(dot + 1);
  if (ending == "json") return Family::json;
  if (ending == "csv" || ending == "svg") return Family::text;
  return Family::page;
}

std::string seconds_text(double s) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%g", s);
  return buf;
}

// As `icq -c` and a script file run their text: lines, each ended by a newline.
std::string as_script(std::string_view text) {
  std::string s(text);
  if (s.empty() || s.back() != '\n') s += '\n';
  return s;
}

// A query or a parameter's value: bounded, and UTF-8 (so every answer that quotes it is too).
std::optional<Diagnostic> bad_text(const std::string& what, std::string_view s, long max) {
  if (s.size() > static_cast<std::size_t>(max))
    return request_error(what + " is " + std::to_string(s.size()) + " bytes; this server takes at most " + std::to_string(max),
                         "shorten it, or save it on the server as a script (icq serve --scripts DIR; --max-query raises the limit)");
  if (!is_utf8(s)) return request_error(what + " is not UTF-8 text", "percent-encode the query's UTF-8 bytes (encodeURIComponent does)");
  return std::nullopt;
}

// The parameters a run declared (`param NAME = VALUE` results), with the value the script gives.
Params declared_params(const Outcome& o) {
  Params out;
  for (const auto& r : o.results) {
    if (r.kind != Kind::param || r.query.rfind("param ", 0) != 0) continue;
    const auto eq = r.query.find(" = ");
    if (eq != std::string::npos) out.emplace_back(r.query.substr(6, eq - 6), r.query.substr(eq + 3));
  }
  return out;
}

std::string json_list(const std::vector<std::string>& v) {
  std::string o = "[";
  for (std::size_t i = 0; i < v.size(); ++i) o += (i ? ", " : "") + text::json_string(v[i]);
  return o + "]";
}

std::string data_json(const DataSummary& d) {
  return "{\n  \"files\": " + std::to_string(d.files) + ",\n  \"rows\": " + std::to_string(d.rows) +
         ",\n  \"lines\": " + std::to_string(d.lines) + ",\n  \"unusable_rows\": " + std::to_string(d.unusable_rows) +
         ",\n  \"duplicates_merged\": " + std::to_string(d.duplicates_merged) + ",\n  \"models\": " + json_list(d.models) +
         ",\n  \"gpus\": " + json_list(d.gpus) + ",\n  \"first_date\": " + text::json_string(d.first_date) +
         ",\n  \"last_date\": " + text::json_string(d.last_date) + ",\n  \"sources\": " + json_list(d.sources) +
         ",\n  \"note\": " + text::json_string(d.note) + ",\n  \"attribution\": " + text::json_string(attribution()) + "\n}\n";
}

}  // namespace

Diagnostic request_error(std::string message, std::string help) {
  Diagnostic d;
  d.kind = ErrorKind::usage;
  d.message = std::move(message);
  d.help = std::move(help);
  d.span.source = "request";
  return d;
}

Answer error_answer(int status, const Diagnostic& d, std::string_view path) {
  switch (family_of(path)) {
    case Family::json: return {status, kJson, render_error_json(d) + "\n", {}};
    case Family::text: return {status, kText, format_diagnostic(d), {}};
    case Family::page: break;
  }
  return {status, kHtml, query_page("", {}, {d}, ""), {}};
}

struct Answers::Run {
  // One of the max_running slots, held until the answer is built (rendering is work too).
  struct Slot {
    std::atomic<int>* count;
    explicit Slot(std::atomic<int>& n) : count(&n) {}
    Slot(Slot&& o) noexcept : count(std::exchange(o.count, nullptr)) {}
    Slot(const Slot&) = delete;
    Slot& operator=(const Slot&) = delete;
    Slot& operator=(Slot&&) = delete;
    ~Slot() {
      if (count) count->fetch_sub(1);
    }
  };
  Slot slot;
  Outcome outcome;
};

Answers::Answers(const Session& base, Limits limits, std::optional<Scripts> scripts)
    : base_(base), limits_(limits), scripts_(std::move(scripts)) {
  const DataSummary d = base_.data();
  intro_ = std::to_string(d.rows) + " rows on " + std::to_string(d.lines) + " configuration lines of " + std::to_string(d.models.size()) +
           " models and " + std::to_string(d.gpus.size()) + " GPUs, run " + d.first_date + " … " + d.last_date +
           ". Type a statement (help lists them): Tab completes, Enter runs, and the address is the query's permalink.";
  data_ = data_json(d);
}

Answer Answers::answer(const Request& r) {
  const std::string_view path = r.path;
  if (path == "/") return query(r, std::nullopt);
  if (path.rfind("/query.", 0) == 0) {
    if (const auto f = format_of(path.substr(7))) return query(r, f);
  } else if (path == "/data.json") {
    if (!r.params.empty()) return error_answer(400, request_error("/data.json takes no parameters"), path);
    return {200, kJson, data_, {}};
  } else if (path == "/complete.json") {
    return complete(r);
  } else if (path == "/page.js") {
    return {200, "text/javascript; charset=utf-8", std::string(page_script()), {}};
  } else if (scripts_ && path == "/scripts") {
    return {301, kText, "see /scripts/\n", {{"Location", "scripts/"}}};
  } else if (scripts_ && path == "/scripts/") {
    return {200, kHtml, scripts_index(scripts_->names()), {}};
  } else if (scripts_ && path.rfind("/scripts/", 0) == 0) {
    std::string_view name = path.substr(9);
    std::optional<Format> format;
    if (const auto dot = name.rfind('.'); dot != std::string_view::npos) {
      format = format_of(name.substr(dot + 1));
      if (format) name = name.substr(0, dot);
    }
    if (Scripts::valid_name(name)) return script(r, name, format);
  }
  return error_answer(404,
                      request_error("nothing at " + printable(path, 200),
                                    "the addresses: /?q=QUERY, /query.json|.csv|.svg|.html?q=QUERY, /data.json, "
                                    "/complete.json?q=TEXT" +
                                        std::string(scripts_ ? ", /scripts/NAME" : "")),
                      path);
}

std::optional<Answers::Run> Answers::run(const std::string& text, std::string_view source, const Params& params) {
  if (running_.fetch_add(1) >= limits_.max_running) {
    running_.fetch_sub(1);
    return std::nullopt;
  }
  Run run{Run::Slot(running_), {}};
  Session session = base_.fresh();
  for (const auto& [k, v] : params) session.set_param(k, v);
  bool expired = false;
  {
    const Watchdog::Watch watch(watchdog_, session, std::chrono::duration<double>(limits_.timeout_seconds));
    run.outcome = session.run(as_script(text), source);
    expired = watch.expired();
  }
  if (expired && run.outcome.exit_code() == 130)
    for (auto& d : run.outcome.diagnostics)
      if (d.kind == ErrorKind::cancelled) {
        d.message = "the query ran past this server's time limit of " + seconds_text(limits_.timeout_seconds) + " s";
        d.help = "narrow it (filters, fewer targets or metrics); the statements before this one ran";
      }
  return run;
}

Answer Answers::busy(std::string_view route) const {
  Answer a = error_answer(503,
                          request_error("the server is busy: it evaluates " + std::to_string(limits_.max_running) +
                                            " queries at once (icq serve --max-running), and that many are running",
                                        "try again in a moment (Retry-After: 1)"),
                          route);
  a.headers.emplace_back("Retry-After", "1");
  return a;
}

Answer Answers::bounded(Answer a, std::string_view route) const {
  if (a.body.size() <= static_cast<std::size_t>(limits_.max_output_bytes)) return a;
  return error_answer(
      400,
      request_error("the answer is " + std::to_string(a.body.size()) + " bytes, more than this server sends (" +
                        std::to_string(limits_.max_output_bytes) + ")",
                    "narrow the query: filters, fewer targets or metrics, `limit N` (icq serve --max-output raises the limit)"),
      route);
}

Answer Answers::formatted(const Run& run, Format format, const std::function<std::string()>& error_page) const {
  // Text with no statement (a comment alone) asks nothing: as a query that is empty.
  if (run.outcome.results.empty() && run.outcome.diagnostics.empty())
    return error_answer(
        400, request_error("nothing to run: no statement, only comments or blank lines", "e.g. list gpus (`--` starts a comment)"),
        "." + std::string(format_name(format)));
  // The command line's assembly: what `icq --format F` prints on stdout, gathered.
  hosts::Output out(format);
  std::string body;
  for (const auto& r : run.outcome.results) body += out.next(r, {});
  for (const auto& d : run.outcome.diagnostics) out.failed(d);
  std::vector<std::string> notes;
  body += out.finish({}, notes);
  // An output the results cannot give (an SVG of results without a chart): the command line's error, exit 2.
  const std::vector<Diagnostic> unmade = out.errors();
  Answer a{200, std::string(content_type(format)), std::move(body), {}};
  for (const auto& n : notes) a.headers.emplace_back("X-Icq-Note", n);
  if (!run.outcome.ok() || !unmade.empty()) {
    a.status = 400;  // json: the command line's value, with the error objects
    if (format == Format::html) {
      a.body = error_page();
    } else if (format != Format::json) {
      a.type = kText;
      a.body.clear();
      for (const auto& d : run.outcome.diagnostics) a.body += format_diagnostic(d);
      for (const auto& d : unmade) a.body += format_diagnostic(d);
    }
  }
  return bounded(std::move(a), "." + std::string(format_name(format)));
}

Answer Answers::query(const Request& r, std::optional<Format> format) {
  const std::string route = format ? "/query." + std::string(format_name(*format)) : "/";
  const std::string* q = nullptr;
  for (const auto& [k, v] : r.params) {
    if (k != "q")
      return error_answer(400, request_error("unknown parameter '" + printable(k, 60) + "'", "this address takes q=QUERY only"), route);
    if (q) return error_answer(400, request_error("the parameter q is given twice", "give the query once: ?q=QUERY"), route);
    q = &v;
  }
  const bool blank = !q || q->find_first_not_of(" \t\r\n") == std::string::npos;
  if (blank && !format) return {200, kHtml, query_page("", {}, {}, intro_), {}};
  if (blank) return error_answer(400, request_error("no query", "give it as ?q=QUERY, e.g. " + route + "?q=list%20gpus"), route);
  if (auto bad = bad_text("the query", *q, limits_.max_query_bytes)) return error_answer(400, *bad, route);
  const auto ran = run(*q, "query", {});
  if (!ran) return busy(route);
  const auto page = [&] { return query_page(*q, ran->outcome.results, ran->outcome.diagnostics, ""); };
  if (format) return formatted(*ran, *format, page);
  return bounded({ran->outcome.ok() ? 200 : 400, kHtml, page(), {}}, route);
}

Answer Answers::script(const Request& r, std::string_view name, std::optional<Format> format) {
  const std::string route = "/scripts/" + std::string(name) + (format ? "." + std::string(format_name(*format)) : "");
  const auto text = scripts_->read(name, kMaxScriptBytes);
  if (!text) {
    const auto names = scripts_->names();
    return error_answer(404,
                        request_error("no script '" + std::string(name) + "'",
                                      names.empty() ? "the folder holds none" : "the scripts: " + text::join(names, ", ")),
                        route);
  }
  for (std::size_t i = 0; i < r.params.size(); ++i) {
    const auto& [k, v] = r.params[i];
    if (!is_param_name(k))
      return error_answer(
          400, request_error("'" + printable(k, 60) + "' is not a parameter's name", "a name is a letter or _, then letters, digits or _"),
          route);
    for (std::size_t j = 0; j < i; ++j)
      if (r.params[j].first == k) return error_answer(400, request_error("the parameter " + k + " is given twice"), route);
    if (auto bad = bad_text("the value of " + k, v, limits_.max_query_bytes)) return error_answer(400, *bad, route);
  }
  const auto ran = run(*text, std::string(name) + ".icq", r.params);
  if (!ran) return busy(route);
  // A parameter the script does not declare is a typo the report would silently ignore.
  Params used = declared_params(ran->outcome);
  std::vector<std::string> names;
  for (auto& [k, v] : used) {
    names.push_back(k);
    for (const auto& [given, value] : r.params)
      if (given == k) v = value;
  }
  for (const auto& [k, v] : r.params)
    if (std::find(names.begin(), names.end(), k) == names.end())
      return error_answer(
          400,
          request_error("the script " + std::string(name) + " has no parameter " + k,
                        names.empty() ? "it declares none" : "its parameters (param NAME = VALUE): " + text::join(names, ", ")),
          route);
  const auto page = [&] { return script_page(name, used, ran->outcome.results, ran->outcome.diagnostics); };
  if (format) return formatted(*ran, *format, page);
  return bounded({ran->outcome.ok() ? 200 : 400, kHtml, page(), {}}, route);
}

Answer Answers::complete(const Request& r) {
  const std::string route = "/complete.json";
  std::string_view line;
  for (const auto& [k, v] : r.params) {
    if (k != "q")
      return error_answer(400, request_error("unknown parameter '" + printable(k, 60) + "'", "this address takes q=TEXT only"), route);
    line = v;
  }
  if (auto bad = bad_text("the text", line, limits_.max_query_bytes)) return error_answer(400, *bad, route);
  // A fresh Session: no request shares one, and completion reads only the data and the defaults.
  return {200, kJson, json_list(base_.fresh().complete(line)) + "\n", {}};
}

}  // namespace icq::serve
