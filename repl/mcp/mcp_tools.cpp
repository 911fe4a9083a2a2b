#include "mcp_tools.hpp"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>
#include <initializer_list>
#include <span>
#include <utility>
#include <vector>

#include "data/dimensions.hpp"
#include "keywords.hpp"
#include "parser.hpp"
#include "text/text.hpp"

namespace icq::mcp {

namespace {

// ---- Schemas -------------------------------------------------------------------------------

std::string str(std::string_view description) { return R"({"type": "string", "description": )" + text::json_string(description) + "}"; }

std::string strings(std::string_view description) {
  return R"({"anyOf": [{"type": "string"}, {"type": "array", "items": {"type": "string"}}], "description": )" +
         text::json_string(description) + "}";
}

// {"type": "string", "enum": [WORDS…]} with a description when one is given.
std::string one_of(const std::vector<std::string>& words, std::string_view description = {}) {
  std::string o = R"({"type": "string", "enum": [)";
  for (std::size_t i = 0; i < words.size(); ++i) o += (i ? ", " : "") + text::json_string(words[i]);
  o += "]";
  if (!description.empty()) o += R"(, "description": )" + text::json_string(description);
  return o + "}";
}

// What a filter on a line dimension takes, with examples. A switch without a default: a dimension
// added to the table (data/dimensions.hpp) does not compile until its filter is described here.
const char* filter_help(data::LineField field) {
  using data::LineField;
  switch (field) {
    case LineField::gpu: return "GPU key(s): b200, b300, gb200, h100, h200, mi300x, mi325x, mi355x, … (the list tool, what: gpus)";
    case LineField::model: return "model key(s) or name(s): dsr1, qwen3.5, DeepSeek-R1-0528 (the list tool, what: models)";
    case LineField::precision: return "fp4, fp8, bf16, int4";
    case LineField::framework: return "exact framework(s): sglang, trt, vllm, atom, dynamo-trt, … (the list tool, what: frameworks)";
    case LineField::family: return "framework family: sglang, trt, vllm, atom";
    case LineField::spec: return "speculative decoding: mtp or none";
    case LineField::seq: return "sequence shape: 1k/1k (the default), 1k/8k, 8k/1k, agentic, or ISL/OSL";
    case LineField::deployment: return "disagg, single-node, agg or multinode";
    case LineField::vendor: return "nvidia or amd";
  }
  return "";
}

// The filters that are no line dimension's: a row condition and the choice of run dates, each with
// the icq clause it becomes.
struct RowFilter {
  const char* name;
  const char* clause;  // "as of": the clause the value follows
  bool clause_text;    // the value is icq clause text (a condition), else one word (a date)
  const char* help;
};
constexpr RowFilter kRowFilters[] = {
    {"where", "where", true,
     "a row condition in icq syntax: \"tp <= 8 and conc >= 16\", \"framework in (sglang, vllm)\", \"not spec = mtp\""},
    {"as_of", "as of", false, "YYYY-MM-DD: the newest run of each configuration line up to that date"},
    {"on_date", "on date", false, "YYYY-MM-DD: that day's runs only"},
};

// Every filter's name: the line dimensions' keywords in the table's order, then the row filters.
const std::vector<std::string_view>& filter_names() {
  static const std::vector<std::string_view> names = [] {
    std::vector<std::string_view> v;
    for (const auto& d : data::dimensions()) v.push_back(d.keyword);
    for (const auto& f : kRowFilters) v.emplace_back(f.name);
    return v;
  }();
  return names;
}

// The shared filters: an object of filter names, or the same as icq clause text.
std::string filters_schema(std::string_view description) {
  std::string props;
  for (const auto& d : data::dimensions()) props += text::json_string(d.keyword) + ": " + strings(filter_help(d.field)) + ", ";
  for (const auto& f : kRowFilters) props += (&f == kRowFilters ? "" : ", ") + text::json_string(f.name) + ": " + str(f.help);
  return R"({"description": )" + text::json_string(description) +
         R"(, "anyOf": [{"type": "object", "additionalProperties": false, "properties": {)" + props +
         R"(}}, {"type": "string", "description": "the same as icq clause text: \"on mi355x model dsr1 seq 1k/1k\""}]})";
}

std::string targets_schema(std::string_view description) {
  return R"({"description": )" + text::json_string(description) +
         R"(, "anyOf": [{"type": "array", "items": {"type": "number", "exclusiveMinimum": 0}, "minItems": 1}, {"type": "number", "exclusiveMinimum": 0}, {"type": "string", "description": "icq target text: \"20..200 step 20\" or \"band 10%, 50%, 90%\""}]})";
}

template <class Props>
std::string object_of(const Props& props, std::initializer_list<const char*> required) {
  std::string o = R"({"type": "object", "additionalProperties": false, "properties": {)";
  bool first = true;
  for (const auto& [name, schema] : props) o += (first ? "" : ", ") + text::json_string(name) + ": " + schema, first = false;
  o += "}";
  if (required.size()) {
    o += R"(, "required": [)";
    first = true;
    for (const char* r : required) o += (first ? "" : ", ") + text::json_string(r), first = false;
    o += "]";
  }
  return o + "}";
}

std::string object(std::initializer_list<std::pair<const char*, std::string>> props, std::initializer_list<const char*> required) {
  return object_of(props, required);
}

const char* const kFiltersHelp = "shared filters, e.g. {\"gpu\": \"mi355x\", \"model\": \"dsr1\", \"seq\": \"1k/1k\"}";

// The method's parameters, the same for compare, rank and crossover.
std::vector<std::pair<const char*, std::string>> method_props() {
  return std::vector<std::pair<const char*, std::string>>{
      {"prices",
       str("price catalog edition and/or tier: \"2026-07\", \"2026-04 neocloud\", \"rental\" (default: the newest edition, hyperscaler tier)")},
      {"tokens",
       R"j({"type": "string", "enum": ["total", "output", "input"], "description": "which throughput cost and power are computed from (default total)"})j"},
      {"cost",
       R"j({"type": "string", "enum": ["derived", "splined"], "description": "the cost method (default derived, as the dashboard since 2026-08-12)"})j"},
      {"interactivity",
       R"j({"type": "string", "enum": ["p50", "p90", "p99"], "description": "the interactivity percentile of the x axis (default p50; p90 for agentic rows)"})j"},
      {"dashboard", str("YYYY-MM-DD: everything the dashboard had in force that day (price edition, cost method)")}};
}

const char* const kMetricHelp =
    "the one metric to rank or lead on: throughput, cost, tokens_per_dollar, power, joules, ttft, tpot, itl, e2el "
    "(default throughput); lower is better for cost, joules and latencies, higher for the others";

ToolSpec query_tool() {
  return {
      "query", "Run icq text",
      "Run any icq text: one or more statements (compare, rank, crossover, frontier, points, trend, accuracy, list, describe, explain, help, "
      "set, let, param, load) separated by ';' or newlines, e.g. \"compare precision fp4 vs fp8 on mi355x model dsr1 seq 1k/1k at "
      "interactivity 50, 100 show cost, throughput\". The session keeps set/let/param between calls. The first content item is "
      "the JSON of the results, exactly what `icq --format json` prints (an array: one object per statement, whatever "
      "their number); the second is the markdown rendering. A query error returns isError with the diagnostic (line, column, a caret "
      "under the problem, a suggested fix) as the first item: correct the query and call again. The language: resource "
      "icq://help, or the query \"help compare\".",
      object({{"query", str("icq text, e.g. \"list gpus\" or \"compare gpu b200 vs mi355x model dsr1 precision fp8\"")}}, {"query"})};
}

ToolSpec compare_tool() {
  std::vector<std::pair<const char*, std::string>> props{
      {"dimension", one_of(grammar::dimension_keywords(), "what the sides differ in; omit it when each side is a filter set")},
      {"sides",
       R"j({"type": "array", "minItems": 2, "maxItems": 32, "items": {"anyOf": [{"type": "string"}, {"type": "object"}]}, "description": "with a dimension, its values (\"fp4\", \"fp8\"; \"b200\", \"mi355x\"; dates); without one, filter sets as clause text (\"gpu h200 precision fp8\") or objects like filters"})j"},
      {"filters", filters_schema(kFiltersHelp)},
      {"targets", targets_schema("interactivities (tok/s/user) to read each frontier at, e.g. [50, 100]")},
      {"clamp", R"j({"type": "boolean", "description": "outside a side's frontier take its edge value (flagged) instead of no value"})j"},
      {"metrics",
       strings(
           "what to show: throughput (throughput output, throughput input), cost, tokens_per_dollar, power, joules, concurrency, ttft, tpot, itl, e2el (each with mean, median, p90, p99, p99.9: \"ttft p99\"), accuracy; and config (the frontier knots behind each value) or deployable (the best single configuration at each target). Every value carries its evidence: measured, one_config, two_configs, wide_gap or clamped. Default: throughput, cost, power, concurrency")}};
  for (auto& p : method_props()) props.push_back(std::move(p));
  return {"compare", "Compare configurations at matched interactivity",
          "Compare two or more inference configurations side by side at matched interactivity (tok/s/user), each side on its own "
          "Pareto frontier, with the InferenceX dashboard's method: throughput per GPU, cost per million tokens, tok/s/MW, "
          "concurrency or latencies at each target, verdict sentences and notes (the band every side was measured in, rows "
          "pooled, prices used, the dashboard page). Example: {\"dimension\": \"precision\", \"sides\": [\"fp4\", \"fp8\"], "
          "\"filters\": {\"gpu\": \"mi355x\", \"model\": \"dsr1\", \"seq\": \"1k/1k\"}, \"targets\": [50, 100], \"metrics\": "
          "[\"cost\", \"throughput\"]}. Without a dimension each side is a filter set (\"gpu h200 precision fp8\") or a let name. "
          "Without targets: the 25/50/75% points of the band where every side was measured. Returns the JSON result, its markdown, "
          "and the icq statement it ran (reuse it with the query tool to refine).",
          object_of(props, {"sides"})};
}

ToolSpec rank_tool() {
  std::vector<std::pair<const char*, std::string>> props{
      {"dimension",
       one_of(grammar::rank_keywords(),
              "what to rank: every value of this dimension present under the filters is a side; config: every configuration line")},
      {"metric", str(kMetricHelp)},
      {"filters", filters_schema(kFiltersHelp)},
      {"targets", targets_schema("interactivities (tok/s/user) to rank at, e.g. [50] (required: a ranking is at a target)")},
      {"clamp", R"j({"type": "boolean", "description": "outside a side's frontier take its edge value (flagged) instead of no value"})j"},
      {"metrics", strings("more columns after the ranking metric, as in compare: cost, throughput, ttft p99, …")},
      {"limit",
       R"j({"type": "integer", "minimum": 1, "description": "show the N best at each target (every value or configuration is still ranked)"})j"}};
  for (auto& p : method_props()) props.push_back(std::move(p));
  return {"rank", "Rank every value of a dimension at a target",
          "Rank every value of a dimension present under the filters (every GPU, precision, framework, …; or every "
          "configuration line with dimension config) as a side of one comparison, best first at each target interactivity "
          "by the metric's polarity (lower cost is better, higher throughput is better), with each value's ratio to the best "
          "(vs_best); sides without a value at a target (out of range) are listed last. Example: {\"dimension\": \"gpu\", "
          "\"metric\": \"cost\", \"targets\": [50], \"filters\": {\"model\": \"dsr1\", \"precision\": \"fp8\", \"seq\": "
          "\"8k/1k\"}}. Returns the JSON result, its markdown, and the icq statement it ran.",
          object_of(props, {"dimension", "targets"})};
}

ToolSpec crossover_tool() {
  std::vector<std::pair<const char*, std::string>> props{
      {"dimension", one_of(grammar::dimension_keywords(), "what the sides differ in; omit it when each side is a filter set")},
      {"sides",
       R"j({"type": "array", "minItems": 2, "maxItems": 32, "items": {"anyOf": [{"type": "string"}, {"type": "object"}]}, "description": "with a dimension, its values (\"mi355x\", \"b200\"); without one, filter sets as clause text (\"gpu h200 precision fp8\") or objects like filters"})j"},
      {"metric", str(kMetricHelp)},
      {"filters", filters_schema(kFiltersHelp)}};
  for (auto& p : method_props()) props.push_back(std::move(p));
  return {"crossover", "Where the leader on a metric changes",
          "Scan the band where every side was measured (every 0.01 tok/s/user, on the same splines as compare) and report "
          "each interactivity where the leader on one metric changes (located to 0.01, with every side's value there) and who "
          "leads on each stretch of the band. Example: {\"dimension\": \"gpu\", \"sides\": [\"mi355x\", \"b200\"], "
          "\"metric\": \"throughput\", \"filters\": {\"model\": \"dsr1\", \"precision\": \"fp8\", \"seq\": \"1k/1k\"}}. "
          "No targets: the whole band is scanned. Returns the JSON result, its markdown, and the icq statement it ran.",
          object_of(props, {"sides"})};
}

ToolSpec list_tool() {
  return {"list", "List what the data and catalog hold",
          "List the values present in the data or the catalog, with row counts and run dates: gpus, models, precisions, "
          "frameworks, families, specs, deployments, vendors, sequences, dates, metrics (how each is computed), editions "
          "(price catalogs), sources (data files), fields (for where conditions), settings. Optionally narrowed by filters "
          "(\"dates\" for {\"model\": \"dsr1\", \"gpu\": \"mi355x\"}). Use it to find valid names before comparing.",
          object({{"what", one_of(grammar::list_targets())}, {"for", filters_schema("only what these filters select")}}, {"what"})};
}

ToolSpec describe_tool() {
  return {"describe", "Describe one catalog entry",
          "One entry of the catalog with what the data holds for it: a GPU (prices and power by edition), a model (its group, "
          "label and dashboard slug), a metric (how it is computed), a price edition (every GPU's $/hour and kW), a precision, "
          "framework, family, spec, deployment, vendor or sequence.",
          object({{"kind", one_of(grammar::describe_kinds())}, {"name", str("the entry: \"mi355x\", \"dsr1\", \"cost\", \"2026-07\"")}},
                 {"kind", "name"})};
}

ToolSpec frontier_tool() {
  return {
      "frontier", "Pareto frontier of a selection",
      "The Pareto frontier (throughput per GPU against interactivity) of the rows the filters select, with the "
      "configuration behind each point: framework, TP/EP/DP-attention, prefill/decode GPUs, concurrency, run date, image.",
      object(
          {{"filters", filters_schema(kFiltersHelp)},
           {"show",
            strings(
                "columns instead of the default ones: any field (the list tool, what: fields), interactivity, throughput, cost, ttft p99, …")}},
          {})};
}

// "gpu, model, precision, …": every line dimension's keyword, as trend's `by` takes them.
std::string dimension_words() {
  std::string o;
  for (const auto& d : data::dimensions()) o += (o.empty() ? "" : ", ") + std::string(d.keyword);
  return o;
}

ToolSpec trend_tool() {
  return {"trend", "A metric over run dates",
          "The value of one or more metrics at a target interactivity on every run date of the selection (each date's "
          "frontier from the newest run of each line up to it); dates whose frontier does not reach the target say "
          "out_of_range. Optionally from a date on, and one series per gpu, precision, framework, ….",
          object({{"metrics", strings("throughput, cost, power, … (as in compare)")},
                  {"filters", filters_schema(kFiltersHelp)},
                  {"targets", targets_schema("the interactivity (tok/s/user) to read at, e.g. 50")},
                  {"since", str("YYYY-MM-DD: run dates from then on")},
                  {"by", str("one series per value of: " + dimension_words())}},
                 {"metrics", "targets"})};
}

ToolSpec points_tool() {
  return {"points", "Raw benchmark rows",
          "The raw rows of a selection (the latest run of each configuration line unless filters say as_of/on_date), with "
          "chosen columns, order and limit.",
          object({{"filters", filters_schema(kFiltersHelp)},
                  {"show", strings("columns: any field, interactivity, throughput [output|input], ttft|tpot|itl|e2el [p90|p99|…]")},
                  {"order_by", str("\"throughput desc\", \"conc asc, tp desc\"")},
                  {"limit", R"j({"type": "integer", "minimum": 1, "description": "at most this many rows"})j"}},
                 {})};
}

ToolSpec load_tool() {
  return {"load", "Add data files to the session",
          "Add benchmark data to the session: a file or a folder of InferenceX API JSON, dashboard CSV exports, runner "
          "aggregates or benchmark_serving.py results. Only inside the folders the user allowed when starting the server "
          "(icq mcp --allow-load DIR); without them loading is off and the call says so. A relative path is relative to the "
          "server's working folder. The result says how many rows the files gave; a file that gave nothing is an error with "
          "its reason, a partly bad one a warning.",
          object({{"path", str("a data file or folder inside a folder the user allowed, e.g. \"/home/me/results/run1.json\"")}}, {"path"})};
}

// Every tool, in the order tools/list shows them.
std::vector<ToolSpec> make_tools() {
  return {query_tool(),    compare_tool(),  rank_tool(),  crossover_tool(), list_tool(),
          describe_tool(), frontier_tool(), trend_tool(), points_tool(),    load_tool()};
}

// ---- Arguments to icq text -------------------------------------------------------------------

struct BadArgs {
  std::string why;
};

bool word_char(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) || std::string_view("._/:+%-").find(c) != std::string_view::npos;
}

// One name or value: "mi355x", "DeepSeek-R1-0528", "1k/1k", "2026-04-16", "50%".
bool is_word(std::string_view s) {
  return !s.empty() && s.size() <= 128 && std::all_of(s.begin(), s.end(), word_char) && s.find("--") == std::string_view::npos;
}

// Words joined by spaces and commas: "ttft p99", "cost, throughput", "2026-04 neocloud".
bool is_phrase(std::string_view s) {
  return !s.empty() && s.size() <= 512 && s.find("--") == std::string_view::npos &&
         std::all_of(s.begin(), s.end(), [](char c) { return word_char(c) || c == ' ' || c == ','; });
}

// icq clause text: anything on one line that cannot end the statement or comment out its rest.
bool is_clause(std::string_view s) {
  if (s.empty() || s.size() > 4096 || s.find("--") != std::string_view::npos) return false;
  return std::none_of(s.begin(), s.end(), [](char c) {
    const auto u = static_cast<unsigned char>(c);
    return u < 0x20 || u == 0x7f || c == ';' || c == '#' || c == '\\' || c == '"';
  });
}

const Json* arg(const Json& args, std::string_view key) {
  const Json* v = args.get(key);
  return v && !v->is_null() ? v : nullptr;
}

void known_args(const Json& args, std::span<const std::string_view> known) {
  const auto* o = args.object();
  if (!o) return;
  for (const auto& [k, v] : *o) {
    if (std::find(known.begin(), known.end(), k) != known.end()) continue;
    std::string list;
    for (auto n : known) list += (list.empty() ? "" : ", ") + std::string(n);
    throw BadArgs{"unknown argument '" + k + "'; the arguments are: " + list};
  }
}

void known_args(const Json& args, std::initializer_list<std::string_view> known) {
  known_args(args, std::span<const std::string_view>(known.begin(), known.size()));
}

std::string quoted(std::string_view s) { return "'" + std::string(s.substr(0, 80)) + (s.size() > 80 ? "…" : "") + "'"; }

std::string word(const Json& v, std::string_view what) {
  const std::string* s = v.string();
  if (!s) throw BadArgs{std::string(what) + " must be a string"};
  if (!is_word(*s)) throw BadArgs{std::string(what) + " " + quoted(*s) + " is not a name: letters, digits and . _ / : + % - only"};
  return *s;
}

std::string phrase(const Json& v, std::string_view what) {
  const std::string* s = v.string();
  if (!s) throw BadArgs{std::string(what) + " must be a string"};
  if (!is_phrase(*s)) throw BadArgs{std::string(what) + " " + quoted(*s) + " may hold names, spaces and commas only"};
  return *s;
}

std::string clause(const Json& v, std::string_view what) {
  const std::string* s = v.string();
  if (!s) throw BadArgs{std::string(what) + " must be a string"};
  if (!is_clause(*s)) throw BadArgs{std::string(what) + " " + quoted(*s) + " must be one line of icq clauses without ; # \\ \" or --"};
  return *s;
}

// A string, or an array of strings, as "a, b, c" (each checked by `check`).
template <class Check>
std::string listed(const Json& v, std::string_view what, Check check) {
  if (v.string()) return check(v, what);
  const auto* a = v.array();
  if (!a || a->empty()) throw BadArgs{std::string(what) + " must be a string or a non-empty array of strings"};
  std::string o;
  for (const auto& x : *a) o += (o.empty() ? "" : ", ") + check(x, what);
  return o;
}

std::string number(const Json& v, std::string_view what) {
  const double* d = v.number();
  if (!d || !std::isfinite(*d) || *d <= 0 || *d > 1e9) throw BadArgs{std::string(what) + " must be positive numbers (tok/s/user)"};
  char buf[32];
  const auto r = std::to_chars(buf, buf + sizeof buf, *d, std::chars_format::fixed);
  std::string s(buf, r.ptr);
  if (s.find('.') != std::string::npos) s.erase(s.find_last_not_of('0') + 1);
  if (s.back() == '.') s.pop_back();
  return s;
}

// A positive whole number (a limit), as text.
std::string count(const Json& v, std::string_view what) {
  const double* d = v.number();
  if (!d || *d < 1 || *d > 1e9 || std::floor(*d) != *d) throw BadArgs{std::string(what) + " must be a positive integer"};
  return std::to_string(static_cast<long long>(*d));
}

// " gpu mi355x model dsr1 …" (with its leading space), or "" without filters.
std::string filters(const Json* f, std::string_view what = "filters") {
  if (!f) return {};
  if (f->string()) return f->string()->empty() ? std::string{} : " " + clause(*f, what);
  const auto* o = f->object();
  if (!o) throw BadArgs{std::string(what) + " must be an object (e.g. {\"gpu\": \"mi355x\", \"model\": \"dsr1\"}) or icq clause text"};
  known_args(*f, filter_names());
  std::string out;
  // In a fixed order (the table's, then the row filters'), whatever the order of the object's members.
  for (const auto& d : data::dimensions()) {
    const std::string key(d.keyword);
    if (const Json* v = arg(*f, key)) out += " " + key + " " + listed(*v, std::string(what) + "." + key, word);
  }
  for (const auto& r : kRowFilters)
    if (const Json* v = arg(*f, r.name)) {
      const std::string where = std::string(what) + "." + r.name;
      out += " " + std::string(r.clause) + " " + (r.clause_text ? clause(*v, where) : word(*v, where));
    }
  return out;
}

// " at interactivity 50, 100" (or the icq target text given), "" without targets.
std::string targets(const Json* t) {
  if (!t) return {};
  if (t->string()) return " at " + clause(*t, "targets");
  if (t->number()) return " at interactivity " + number(*t, "targets");
  const auto* a = t->array();
  if (!a || a->empty()) throw BadArgs{"targets must be an array of interactivities, e.g. [50, 100]"};
  std::string o;
  for (const auto& x : *a) o += (o.empty() ? "" : ", ") + number(x, "targets");
  return " at interactivity " + o;
}

std::string side(const Json& v, bool by_dimension) {
  if (by_dimension) return word(v, "each side");
  if (v.object()) {
    const std::string f = filters(&v, "a side");
    if (f.empty()) throw BadArgs{R"(a side given as an object names at least one filter, e.g. {"gpu": "h200", "precision": "fp8"})"};
    return "(" + f.substr(1) + ")";
  }
  const std::string* s = v.string();
  if (s && is_word(*s)) return *s;  // a let name
  return "(" + clause(v, "each side") + ")";
}

// " precision fp4 vs fp8" or " (gpu h200 precision fp8) vs (gpu b200)": the sides of a compare or crossover.
std::string sides_text(const Json& a) {
  const Json* sides = arg(a, "sides");
  const auto* list = sides ? sides->array() : nullptr;
  if (!list || list->size() < 2) throw BadArgs{"sides must be an array of two or more sides, e.g. [\"fp4\", \"fp8\"]"};
  std::string o;
  const Json* dim = arg(a, "dimension");
  if (dim) o += " " + word(*dim, "dimension");
  for (std::size_t i = 0; i < list->size(); ++i) o += (i ? " vs " : " ") + side((*list)[i], dim != nullptr);
  return o;
}

std::string clamp(const Json& a) {
  const Json* c = arg(a, "clamp");
  if (!c) return {};
  if (!c->boolean()) throw BadArgs{"clamp must be true or false"};
  return *c->boolean() ? " clamp" : "";
}

// The method clauses shared by compare, rank and crossover: prices, cost method, dashboard date,
// interactivity percentile, tokens.
std::string method(const Json& a) {
  std::string o;
  if (const Json* p = arg(a, "prices")) o += " using prices " + phrase(*p, "prices");
  if (const Json* c = arg(a, "cost")) o += " using cost " + word(*c, "cost");
  if (const Json* d = arg(a, "dashboard")) o += " using dashboard " + word(*d, "dashboard");
  if (const Json* i = arg(a, "interactivity")) o += " using interactivity " + word(*i, "interactivity");
  if (const Json* t = arg(a, "tokens")) o += " tokens " + word(*t, "tokens");
  return o;
}

std::string required_word(const Json& a, std::string_view key) {
  const Json* v = arg(a, key);
  if (!v) throw BadArgs{"missing argument '" + std::string(key) + "'"};
  return word(*v, key);
}

std::string compare_text(const Json& a) {
  known_args(a, {"dimension", "sides", "filters", "targets", "clamp", "metrics", "prices", "tokens", "cost", "interactivity", "dashboard"});
  std::string o = "compare" + sides_text(a);
  o += filters(arg(a, "filters"));
  o += targets(arg(a, "targets"));
  o += clamp(a);
  if (const Json* m = arg(a, "metrics")) o += " show " + listed(*m, "metrics", phrase);
  return o + method(a);
}

// `rank DIMENSION by METRIC [FILTERS] at interactivity T, … [clamp] [using …]`: the targets are required.
std::string rank_text(const Json& a) {
  known_args(a, {"dimension", "metric", "filters", "targets", "clamp", "metrics", "limit", "prices", "tokens", "cost", "interactivity",
                 "dashboard"});
  std::string o = "rank " + required_word(a, "dimension");
  if (const Json* m = arg(a, "metric")) o += " by " + word(*m, "metric");
  o += filters(arg(a, "filters"));
  if (!arg(a, "targets")) throw BadArgs{"missing argument 'targets': the interactivities (tok/s/user) to rank at, e.g. [50]"};
  o += targets(arg(a, "targets")) + clamp(a);
  if (const Json* m = arg(a, "metrics")) o += " show " + listed(*m, "metrics", phrase);
  if (const Json* l = arg(a, "limit")) o += " limit " + count(*l, "limit");
  return o + method(a);
}

// `crossover [DIMENSION] A vs B [vs C …] by METRIC [FILTERS] [using …]`: the band every side was
// measured in is scanned, so there are no targets.
std::string crossover_text(const Json& a) {
  known_args(a, {"dimension", "sides", "metric", "filters", "prices", "tokens", "cost", "interactivity", "dashboard"});
  std::string o = "crossover" + sides_text(a);
  if (const Json* m = arg(a, "metric")) o += " by " + word(*m, "metric");
  return o + filters(arg(a, "filters")) + method(a);
}

std::string list_text(const Json& a) {
  known_args(a, {"what", "for"});
  std::string f = filters(arg(a, "for"), "for");
  return "list " + required_word(a, "what") + (f.empty() ? "" : " for" + f);
}

std::string describe_text(const Json& a) {
  known_args(a, {"kind", "name"});
  return "describe " + required_word(a, "kind") + " " + required_word(a, "name");
}

std::string frontier_text(const Json& a) {
  known_args(a, {"filters", "show"});
  std::string o = "frontier" + filters(arg(a, "filters"));
  if (const Json* s = arg(a, "show")) o += " show " + listed(*s, "show", phrase);
  return o;
}

std::string trend_text(const Json& a) {
  known_args(a, {"metrics", "filters", "targets", "since", "by"});
  const Json* m = arg(a, "metrics");
  if (!m) throw BadArgs{"missing argument 'metrics', e.g. [\"throughput\"]"};
  if (!arg(a, "targets")) throw BadArgs{"missing argument 'targets': the interactivity to read at, e.g. 50"};
  std::string o = "trend " + listed(*m, "metrics", phrase) + filters(arg(a, "filters")) + targets(arg(a, "targets"));
  if (const Json* s = arg(a, "since")) o += " since " + word(*s, "since");
  if (const Json* b = arg(a, "by")) o += " by " + word(*b, "by");
  return o;
}

// `load "PATH"`: quoted, so spaces are part of the path; nothing in it can end the quotes or the line.
std::string load_text(const Json& a) {
  known_args(a, {"path"});
  const Json* v = arg(a, "path");
  if (!v || !v->string()) throw BadArgs{"missing argument 'path': the data file or folder to load"};
  const std::string& p = *v->string();
  const bool ok = !p.empty() && p.size() <= 4096 && std::none_of(p.begin(), p.end(), [](char c) {
    const auto u = static_cast<unsigned char>(c);
    return u < 0x20 || u == 0x7f || c == '"';
  });
  if (!ok) throw BadArgs{"path " + quoted(p) + " must be one line without '\"' or control characters"};
  return "load \"" + p + "\"";
}

std::string points_text(const Json& a) {
  known_args(a, {"filters", "show", "order_by", "limit"});
  std::string o = "points" + filters(arg(a, "filters"));
  if (const Json* s = arg(a, "show")) o += " show " + listed(*s, "show", phrase);
  if (const Json* s = arg(a, "order_by")) o += " order by " + phrase(*s, "order_by");
  if (const Json* l = arg(a, "limit")) o += " limit " + count(*l, "limit");
  return o;
}

}  // namespace

const std::vector<ToolSpec>& tools() {
  static const std::vector<ToolSpec> all = make_tools();
  return all;
}

const ToolSpec* find_tool(std::string_view name) {
  for (const auto& t : tools())
    if (t.name == name) return &t;
  return nullptr;
}

std::string tools_list_json() {
  std::string o = R"({"tools":[)";
  bool first = true;
  for (const auto& t : tools()) {
    o += first ? "" : ",";
    first = false;
    // Every tool only reads: the data and the catalog are never changed by a call (set/let stay in the session).
    o += R"({"name":)" + text::json_string(t.name) + R"(,"title":)" + text::json_string(t.title) + R"(,"description":)" +
         text::json_string(t.description) + R"(,"inputSchema":)" + minify(t.input_schema).value_or("{}") +
         R"(,"annotations":{"readOnlyHint":true,"openWorldHint":false}})";
  }
  return o + "]}";
}

ToolText tool_text(const ToolSpec& tool, const Json& arguments) {
  static const Json empty{Json::Object{}};
  const Json& a = arguments.is_null() ? empty : arguments;
  if (!a.object()) return {{}, "the arguments must be an object"};
  try {
    if (tool.name == "query") {
      known_args(a, {"query"});
      const Json* q = arg(a, "query");
      if (!q || !q->string()) return {{}, "missing argument 'query': the icq text to run, e.g. \"list gpus\""};
      if (q->string()->find_first_not_of(" \t\r\n;") == std::string::npos) return {{}, "the query is empty: give icq text, e.g. \"help\""};
      return {*q->string(), {}};
    }
    if (tool.name == "compare") return {compare_text(a), {}};
    if (tool.name == "rank") return {rank_text(a), {}};
    if (tool.name == "crossover") return {crossover_text(a), {}};
    if (tool.name == "list") return {list_text(a), {}};
    if (tool.name == "describe") return {describe_text(a), {}};
    if (tool.name == "frontier") return {frontier_text(a), {}};
    if (tool.name == "trend") return {trend_text(a), {}};
    if (tool.name == "points") return {points_text(a), {}};
    if (tool.name == "load") return {load_text(a), {}};
  } catch (const BadArgs& e) {
    return {{}, e.why};
  }
  return {{}, "the tool '" + std::string(tool.name) + "' has no handler"};
}

}  // namespace icq::mcp
