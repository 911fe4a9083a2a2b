#include "mcp_server.hpp"

#include <cctype>
#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <exception>
#include <mutex>
#include <thread>

#include "icq/render.hpp"
#include "icq/version.hpp"
#include "mcp_tools.hpp"
#include "text/text.hpp"

namespace icq::mcp {

namespace {

// Calls given up at their time limit may keep running this many at once; more are refused.
constexpr int max_overrunning = 2;

std::string text_item(std::string_view text) { return R"({"type":"text","text":)" + text::json_string(text) + "}"; }

std::string error_result(std::string_view why) { return R"({"content":[)" + text_item(why) + R"(],"isError":true})"; }

// The JSON of a call, as `icq --format json` writes it for the same text (render_json_run: an array
// whatever the number of statements), without the last newline.
std::string json_value(const std::vector<std::string>& values) {
  std::string o = render_json_run(values);
  o.pop_back();
  return o;
}

std::string markdown(const std::vector<Result>& results) {
  std::string o;
  for (const auto& r : results) o += (o.empty() ? "" : "\n") + render(r, Format::markdown);
  return o;
}

// A statement or edition name as a table cell gives it: safe to put after `help` or `describe edition`.
bool is_plain(std::string_view s) {
  for (const char c : s)
    if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_' || c == '.')) return false;
  return !s.empty();
}

std::string seconds_text(double s) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%g", s);
  return buf;
}

// ---- Resources ------------------------------------------------------------------------------

struct Resource {
  const char* uri;
  const char* name;
  const char* title;
  const char* description;
  std::string (*read)(Session&);
};

std::string run_markdown(Session& s, std::string_view text) {
  const Outcome o = s.run(text, "resource");
  std::string out = markdown(o.results);
  for (const auto& d : o.diagnostics) out += "\n" + format_diagnostic(d);
  return out;
}

std::string help_resource(Session& s) {
  // `help`, then `help STATEMENT` for each statement its table lists.
  const Outcome o = s.run("help", "resource");
  std::string out = markdown(o.results);
  for (const auto& r : o.results)
    for (const auto& t : r.tables)
      for (const auto& row : t.rows)
        if (!row.empty())
          if (const auto* name = std::get_if<std::string>(&row.front()); name && !name->empty() && is_plain(*name))
            out += "\n" + run_markdown(s, "help " + *name);
  return out;
}

std::string data_resource(Session& s) {
  const DataSummary d = s.data();
  std::string o = "# The data loaded\n\n" + std::to_string(d.rows) + " rows on " + std::to_string(d.lines) + " configuration lines from " +
                  std::to_string(d.files) + " files";
  if (d.duplicates_merged) o += " (" + std::to_string(d.duplicates_merged) + " duplicates merged)";
  o += "\n\n- models: " + text::join(d.models, ", ") + "\n- gpus: " + text::join(d.gpus, ", ") + "\n- run dates: " + d.first_date + " … " +
       d.last_date + "\n";
  if (d.unusable_rows) o += "- " + std::to_string(d.unusable_rows) + " unusable records (the query `list sources` tells which)\n";
  if (!d.note.empty()) o += "- " + d.note + (d.snapshot.empty() ? "" : "; parsed data read from " + d.snapshot) + "\n";
  o += "\n## Sources\n\n";
  for (const auto& src : d.sources) o += "- " + src + "\n";
  return o;
}

std::string catalog_resource(Session& s) {
  std::string out =
      run_markdown(s, "list gpus; list models; list precisions; list frameworks; list deployments; list sequences; list metrics");
  // The price editions, and every GPU's prices and power in the default one.
  const Outcome editions = s.run("list editions", "resource");
  out += "\n" + markdown(editions.results);
  for (const auto& r : editions.results)
    for (const auto& t : r.tables) {
      std::size_t name = t.columns.size(), deflt = t.columns.size();
      for (std::size_t i = 0; i < t.columns.size(); ++i) {
        if (t.columns[i].name == "edition") name = i;
        if (t.columns[i].name == "default") deflt = i;
      }
      if (name == t.columns.size() || deflt == t.columns.size()) continue;
      for (const auto& row : t.rows) {
        const auto* e = std::get_if<std::string>(&row[name]);
        const auto* d = std::get_if<std::string>(&row[deflt]);
        if (e && d && *d == "yes" && is_plain(*e)) out += "\n" + run_markdown(s, "describe edition " + *e);
      }
    }
  return out;
}

const std::vector<Resource>& resources() {
  static const std::vector<Resource> all = {
      {"icq://help", "help", "The icq language reference",
       "Every statement with its syntax, clauses and examples (the output of `help` and `help STATEMENT`)", &help_resource},
      {"icq://data", "data", "The data loaded",
       "Rows, configuration lines, models, GPUs, run dates and source files of the benchmark data the server reads", &data_resource},
      {"icq://catalog", "catalog", "The catalog: GPUs, models, metrics, price editions",
       "What the data holds by GPU, model, precision, framework, deployment and sequence; the metrics and how they are computed; "
       "the price editions and every GPU's $/hour and kW in the default one",
       &catalog_resource},
  };
  return all;
}

std::string resources_list_json() {
  std::string o = R"({"resources":[)";
  for (std::size_t i = 0; i < resources().size(); ++i) {
    const auto& r = resources()[i];
    o += (i ? "," : "") + std::string(R"({"uri":)") + text::json_string(r.uri) + R"(,"name":)" + text::json_string(r.name) +
         R"(,"title":)" + text::json_string(r.title) + R"(,"description":)" + text::json_string(r.description) +
         R"(,"mimeType":"text/markdown"})";
  }
  return o + "]}";
}

std::string tool_names() {
  std::string o;
  for (const auto& t : tools()) o += (o.empty() ? "" : ", ") + std::string(t.name);
  return o;
}

const char* const kInstructions =
    "icq answers questions about LLM-inference benchmark results from InferenceX (SemiAnalysis) exactly as the dashboard "
    "computes them: compare configurations at matched interactivity with the compare tool, find valid names with list and "
    "describe, inspect frontiers, raw points and trends, or run any icq text with query. The language reference is the "
    "resource icq://help; every result names its defaults, its data and its prices in its notes. The load tool (and the load "
    "statement) reads data files only inside the folders the user allowed when starting the server (none by default).";

}  // namespace

Server::Server(ServerOptions options, std::function<std::shared_ptr<Session>()> make_session)
    : opt_(options), make_session_(std::move(make_session)) {}

std::optional<std::string> Server::handle(std::string_view line) {
  while (!line.empty() && (line.back() == '\r' || line.back() == ' ' || line.back() == '\t')) line.remove_suffix(1);
  if (line.find_first_not_of(" \t") == std::string_view::npos) return std::nullopt;
  auto parsed = parse_message(line, opt_.max_message_bytes);
  if (auto* e = std::get_if<ProtocolError>(&parsed)) {
    if (!e->answer) return std::nullopt;
    return error_message(e->id, e->code, e->message);
  }
  const Message& m = std::get<Message>(parsed);
  if (m.kind != Message::Kind::request) return std::nullopt;  // notifications and responses get no answer
  return dispatch(m);
}

std::string Server::dispatch(const Message& m) {
  if (m.method == "ping") return result_message(m.id, "{}");
  if (m.method == "initialize") return initialize(m);
  if (!initialized_) return error_message(m.id, code::invalid_request, "not initialized: the first request must be initialize");
  if (m.method == "tools/list") return result_message(m.id, tools_list_json());
  if (m.method == "tools/call") return call_tool(m);
  if (m.method == "resources/list") return result_message(m.id, resources_list_json());
  if (m.method == "resources/templates/list") return result_message(m.id, R"({"resourceTemplates":[]})");
  if (m.method == "resources/read") return read_resource(m);
  return error_message(m.id, code::method_not_found, "method not found: '" + m.method.substr(0, 100) + "'");
}

std::string Server::initialize(const Message& m) {
  if (initialized_) return error_message(m.id, code::invalid_request, "already initialized");
  const Json* v = m.params.get("protocolVersion");
  if (!v || !v->string()) return error_message(m.id, code::invalid_params, "initialize needs params.protocolVersion (a string)");
  std::string_view version = protocol_versions[0];
  for (const auto p : protocol_versions)
    if (*v->string() == p) version = p;
  initialized_ = true;
  return result_message(m.id, R"({"protocolVersion":)" + text::json_string(version) +
                                  R"(,"capabilities":{"tools":{"listChanged":false},"resources":{"subscribe":false,"listChanged":false}})"
                                  R"(,"serverInfo":{"name":"icq","title":"icq: inference comparison queries","version":)" +
                                  text::json_string(ICQ_VERSION_STRING) + R"(},"instructions":)" + text::json_string(kInstructions) + "}");
}

std::string Server::call_tool(const Message& m) {
  if (!m.params.object()) return error_message(m.id, code::invalid_params, "tools/call needs params {\"name\": …, \"arguments\": {…}}");
  const Json* name = m.params.get("name");
  if (!name || !name->string())
    return error_message(m.id, code::invalid_params, "tools/call needs params.name (a string): one of " + tool_names());
  const ToolSpec* tool = find_tool(*name->string());
  if (!tool)
    return error_message(m.id, code::invalid_params,
                         "unknown tool '" + name->string()->substr(0, 100) + "': the tools are " + tool_names());
  static const Json none;
  const Json* args = m.params.get("arguments");
  if (args && !args->is_null() && !args->object())
    return error_message(m.id, code::invalid_params, "tools/call params.arguments must be an object");
  const ToolText t = tool_text(*tool, args ? *args : none);
  if (!t.error.empty()) return result_message(m.id, error_result("invalid arguments for " + std::string(tool->name) + ": " + t.error));
  const std::string ran = tool->name == "query" ? std::string{} : t.text;
  const std::size_t max = opt_.max_output_bytes;
  std::string why;
  auto out = on_session(
      [text = t.text, ran, max, source = std::string(tool->name)](Session& s) { return tool_result(s.run(text, source), ran, max); }, why);
  return result_message(m.id, out ? *out : error_result(why));
}

std::string Server::read_resource(const Message& m) {
  const Json* uri = m.params.get("uri");
  if (!uri || !uri->string()) return error_message(m.id, code::invalid_params, "resources/read needs params.uri (a string)");
  for (const auto& r : resources()) {
    if (*uri->string() != r.uri) continue;
    std::string why;
    const std::size_t max = opt_.max_output_bytes;
    auto out = on_session([&r, max](Session& s) { return truncated(r.read(s), max); }, why);
    if (!out) return error_message(m.id, code::internal_error, why);
    return result_message(m.id, R"({"contents":[{"uri":)" + text::json_string(r.uri) + R"(,"mimeType":"text/markdown","text":)" +
                                    text::json_string(*out) + "}]}");
  }
  return error_message(
      m.id, code::resource_not_found,
      "resource not found: '" + uri->string()->substr(0, 200) + "' (resources/list names icq://help, icq://data, icq://catalog)");
}

std::optional<std::string> Server::on_session(std::function<std::string(Session&)> work, std::string& why) {
  if (running_->load() >= max_overrunning) {
    why = std::to_string(running_->load()) + " earlier calls that ran past the time limit are still running: try again later";
    return std::nullopt;
  }
  if (!session_) {
    try {
      session_ = make_session_();
    } catch (const Error& e) {
      why = "the data could not be loaded: " + format_diagnostic(e.diagnostic);
      return std::nullopt;
    } catch (const std::exception& e) {
      why = std::string("the data could not be loaded: ") + e.what();
      return std::nullopt;
    }
  }
  struct Shared {
    std::mutex m;
    std::condition_variable cv;
    bool done = false;
    std::string out, failure;
  };
  auto shared = std::make_shared<Shared>();
  running_->fetch_add(1);
  // The worker owns what it uses: a call given up at its time limit keeps its Session alive until it ends.
  std::thread worker([session = session_, shared, running = running_, work = std::move(work)]() mutable {
    std::string out, failure;
    try {
      out = work(*session);
    } catch (const std::exception& e) {
      failure = std::string("internal error: ") + e.what();
    } catch (...) {
      failure = "internal error";
    }
    session.reset();
    {
      std::lock_guard lock(shared->m);
      shared->out = std::move(out);
      shared->failure = std::move(failure);
      shared->done = true;
    }
    shared->cv.notify_one();
    // Everything the call held is released before it stops counting as running.
    work = nullptr;
    shared.reset();
    running->fetch_sub(1);
  });
  std::unique_lock lock(shared->m);
  const auto limit = std::chrono::duration<double>(opt_.timeout_seconds);
  if (!shared->cv.wait_for(lock, limit, [&] { return shared->done; })) {
    lock.unlock();
    // Stopped at its next check point, so the call gives its CPU back at once instead of running to
    // its end; the worker still owns the Session until then.
    session_->cancel();
    worker.detach();
    session_.reset();  // the next call gets a fresh Session; a statement cut short may have left the old one half-changed
    why = "the call ran past the time limit of " + seconds_text(opt_.timeout_seconds) +
          " s and was stopped; the next call starts a fresh session (earlier set, let and param are gone). Narrow the query "
          "(filters, fewer targets, a limit) and try again";
    return std::nullopt;
  }
  lock.unlock();
  worker.join();
  if (!shared->failure.empty()) {
    why = shared->failure;
    return std::nullopt;
  }
  return std::move(shared->out);
}

std::string truncated(std::string text, std::size_t max) {
  if (text.size() <= max) return text;
  std::size_t cut = max;
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;  // not inside a UTF-8 sequence
  const std::size_t total = text.size();
  text.resize(cut);
  return text + "\n… [output cut at " + std::to_string(cut) + " of " + std::to_string(total) +
         " bytes (the server's output limit): narrow the query (filters, show, limit) to see the rest]";
}

std::string tool_result(const Outcome& outcome, std::string_view ran, std::size_t max_output_bytes) {
  std::vector<std::string> values;
  std::vector<Result> shown;
  for (const auto& r : outcome.results) {
    if (r.effects.format) continue;  // as the command line: a format is the host's
    values.push_back(render(r, Format::json));
    shown.push_back(r);
  }
  std::string errors, other;
  for (const auto& d : outcome.diagnostics) {
    if (d.severity == Severity::error) {
      errors += format_diagnostic(d);
      values.push_back(render_error_json(d));
    } else {
      other += format_diagnostic(d);
    }
  }
  std::string md = markdown(shown);
  if (!other.empty()) md += (md.empty() ? "" : "\n") + other;
  std::vector<std::string> items;
  if (!errors.empty()) items.push_back(errors);
  items.push_back(json_value(values));
  if (!md.empty() || errors.empty()) items.push_back(md);
  if (!ran.empty()) items.push_back("icq text run: " + std::string(ran));
  std::string o = R"({"content":[)";
  for (std::size_t i = 0; i < items.size(); ++i) o += (i ? "," : "") + text_item(truncated(items[i], max_output_bytes));
  return o + R"(],"isError":)" + (errors.empty() ? "false" : "true") + "}";
}

}  // namespace icq::mcp
