#include "eval/statements.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <set>

#include "bind/query_error.hpp"
#include "catalog/catalog.hpp"
#include "catalog/metrics.hpp"
#include "keywords.hpp"
#include "parser.hpp"
#include "text/dates.hpp"
#include "text/text.hpp"

namespace icq::interp {

namespace {

Column text_col(std::string name) { return {std::move(name), "", Column::Type::text}; }
Column int_col(std::string name, std::string unit = "") { return {std::move(name), std::move(unit), Column::Type::integer}; }
Column num_col(std::string name, std::string unit) { return {std::move(name), std::move(unit), Column::Type::number}; }

using text::did_you_mean;

// Rows matching a list/describe's filters (all runs, not only the latest).
struct Counts {
  std::size_t rows = 0;
  std::set<std::uint32_t> lines;
  std::int32_t first = INT32_MAX, last = INT32_MIN;
  void add(const data::Row& r) {
    ++rows;
    lines.insert(r.line);
    first = std::min(first, r.date);
    last = std::max(last, r.date);
  }
  [[nodiscard]] std::string dates() const {
    if (!rows) return "";
    return first == last ? text::format_date(first) : text::format_date(first) + " … " + text::format_date(last);
  }
};

template <typename KeyFn>
std::map<std::string, Counts> group(const data::Dataset& ds, const std::vector<LineFilter>& filters, KeyFn key) {
  std::map<std::string, Counts> out;
  for (const auto& r : ds.rows()) {
    const auto& l = ds.line_of(r);
    if (!std::all_of(filters.begin(), filters.end(), [&](const LineFilter& f) { return f.matches(l); })) continue;
    for (const auto& k : key(l, r)) out[k].add(r);
  }
  return out;
}

std::vector<std::string> one(std::string s) { return {std::move(s)}; }

// `list gpu` is `list gpus`: a dimension's keyword names its list word.
std::string plural_of(const std::string& word) {
  if (const data::Dimension* d = data::find_dimension(word)) return std::string(d->list_word);
  return word + "s";
}

// The list `list WORD` names: a list word, or a dimension's keyword for its plural (`list gpu`).
std::string list_word(const ast::Word& word) {
  const std::string what = text::lower(word.text);
  const std::vector<std::string>& names = grammar::list_targets();
  if (std::find(names.begin(), names.end(), what) != names.end()) return what;
  const auto plural = std::find(names.begin(), names.end(), plural_of(what));
  if (plural != names.end()) return *plural;
  const auto s = text::closest(what, names);
  throw QueryError(fmt::format("cannot list '{}'", word.text), word.span, s.empty() ? "list " + text::join(names, " | ") : did_you_mean(s),
                   s);
}

// list counts every run of the matching configurations: no row conditions, no date choice.
void check_list_clauses(const ast::List& stmt, const Binder& binder) {
  binder.check_clauses(stmt.clauses, "list");
  if (!stmt.clauses.where.empty() || stmt.clauses.date)
    throw QueryError("list counts every run of the matching configurations; it takes configuration filters only",
                     stmt.clauses.date ? stmt.clauses.date->span : stmt.clauses.where.front().span,
                     "e.g. list dates for gpu mi355x precision fp4");
}

// A dimension's values under the filters, with their names, row and line counts and run dates.
Table dimension_table(const data::Dimension& dim, const data::Dataset& ds, const std::vector<LineFilter>& filters) {
  Table t;
  t.columns = {text_col(std::string(dim.keyword)), text_col("name"), int_col("rows"), int_col("lines"), text_col("dates")};
  const auto groups = group(ds, filters, [&](const data::Line& l, const data::Row&) { return dim.keys_of(l); });
  for (const auto& [k, c] : groups) {
    std::string name = dim.field == LineField::seq && k == "agentic" ? std::string("agentic trace replay") : dim.display(k);
    t.rows.push_back({k, std::move(name), static_cast<std::int64_t>(c.rows), static_cast<std::int64_t>(c.lines.size()), c.dates()});
  }
  return t;
}

Table dates_table(const data::Dataset& ds, const std::vector<LineFilter>& filters) {
  Table t;
  t.columns = {text_col("date"), int_col("rows"), int_col("lines")};
  const auto groups = group(ds, filters, [](const data::Line&, const data::Row& row) { return one(text::format_date(row.date)); });
  for (const auto& [k, c] : groups) t.rows.push_back({k, static_cast<std::int64_t>(c.rows), static_cast<std::int64_t>(c.lines.size())});
  return t;
}

Table metrics_table() {
  Table t;
  t.columns = {text_col("metric"), text_col("unit"), text_col("better"), text_col("aliases")};
  for (const auto& m : catalog::metrics())
    t.rows.push_back({m.key, m.unit,
                      std::string(m.polarity == catalog::Polarity::higher_is_better  ? "higher"
                                  : m.polarity == catalog::Polarity::lower_is_better ? "lower"
                                                                                     : "-"),
                      text::join(m.aliases, ", ")});
  return t;
}

Table editions_table() {
  Table t;
  t.columns = {text_col("edition"), text_col("default"), int_col("gpus")};
  for (const auto& e : catalog::price_editions())
    t.rows.push_back({e.name, std::string(&e == &catalog::default_edition() ? "yes" : ""), static_cast<std::int64_t>(e.gpus.size())});
  return t;
}

Table sources_table(const data::Dataset& ds) {
  Table t;
  t.columns = {text_col("source"), text_col("format"), int_col("records"), int_col("rows"), int_col("unusable"), text_col("note")};
  for (const auto& s : ds.report().sources)
    t.rows.push_back({s.name, s.format, static_cast<std::int64_t>(s.rows_read), static_cast<std::int64_t>(s.rows_kept),
                      static_cast<std::int64_t>(s.rows_unusable), s.skipped});
  return t;
}

Table fields_table() {
  Table t;
  t.columns = {text_col("field"), text_col("type"), text_col("meaning")};
  for (const auto& f : row_fields()) {
    const char* type = f.type == RowFieldInfo::Type::number    ? "number"
                       : f.type == RowFieldInfo::Type::date    ? "date"
                       : f.type == RowFieldInfo::Type::boolean ? "boolean"
                                                               : "text";
    t.rows.push_back({std::string(f.name), std::string(type), std::string(f.description)});
  }
  return t;
}

// The table of `list WHAT` (settings are the session's: eval/session_statements).
Table list_table(const std::string& what, const data::Dataset& ds, const std::vector<LineFilter>& filters) {
  const auto dim =
      std::find_if(data::dimensions().begin(), data::dimensions().end(), [&](const data::Dimension& d) { return d.list_word == what; });
  if (dim != data::dimensions().end()) return dimension_table(*dim, ds, filters);
  if (what == "dates") return dates_table(ds, filters);
  if (what == "metrics") return metrics_table();
  if (what == "editions") return editions_table();
  if (what == "sources") return sources_table(ds);
  return fields_table();
}

}  // namespace

Result run_list(const ast::List& stmt, const Binder& binder, const data::Dataset& ds) {
  const std::string what = list_word(stmt.what);
  check_list_clauses(stmt, binder);
  const std::vector<LineFilter> filters = binder.bind_selection(stmt.clauses).filters;
  Result r;
  r.kind = Kind::list;
  r.query = "list " + what;
  for (const auto& f : filters) r.query += " " + f.text();
  Table t = list_table(what, ds, filters);
  t.title = what;
  if (t.rows.empty()) r.notes.push_back("nothing matches the filters");
  r.tables.push_back(std::move(t));
  return r;
}

namespace {

// describe: a table of properties of one catalog entry, with what the data holds for it.
struct Describer {
  Describer(const ast::Describe& statement, const Binder& b, const data::Dataset& data, const Settings& s)
      : stmt(statement), binder(b), ds(data), settings(s), kind(text::lower(statement.kind.text)) {
    r.kind = Kind::describe;
    t.columns = {text_col("property"), text_col("value")};
  }

  const ast::Describe& stmt;
  const Binder& binder;
  const data::Dataset& ds;
  const Settings& settings;
  const std::string kind;
  Result r;
  Table t;

  void row(std::string k, std::string v) { t.rows.push_back({std::move(k), std::move(v)}); }

  void data_rows(LineField f, const std::vector<std::string>& keys) {
    const LineFilter filter{f, keys};
    Counts c;
    // What else the described value's rows span, one row per dimension.
    constexpr LineField shown[] = {LineField::gpu, LineField::model, LineField::precision, LineField::framework, LineField::seq};
    std::map<LineField, std::set<std::string>> spans;
    for (const auto& rw : ds.rows()) {
      const auto& l = ds.line_of(rw);
      if (!filter.matches(l)) continue;
      c.add(rw);
      for (const LineField d : shown) spans[d].insert(line_value(d, l));
    }
    row("rows in the data", fmt::format("{} rows on {} lines", c.rows, c.lines.size()));
    if (!c.rows) return;
    row("run dates", c.dates());
    for (const LineField d : shown)
      if (d != f) row(std::string(data::dimension(d).list_word), text::join({spans[d].begin(), spans[d].end()}, ", "));
  }

  // A value of a dimension with a catalog of names (precision, framework, …).
  void describe_named(LineField f) {
    const std::span<const catalog::Named> table = data::dimension(f).named;
    const std::string key = binder.resolve_value(f, stmt.name);
    r.query = fmt::format("describe {} {}", kind, key);
    row("key", key);
    for (const auto& n : table)
      if (n.key == key) {
        row("name", n.display);
        if (!n.aliases.empty()) row("aliases", text::join(n.aliases, ", "));
        if (!n.family.empty()) row("family", n.family);
        row("meaning", n.description);
      }
    data_rows(f, {key});
  }

  void describe_gpu() {
    const std::string key = binder.resolve_value(LineField::gpu, stmt.name);
    r.query = "describe gpu " + key;
    row("key", key);
    if (const auto* g = catalog::find_gpu(key)) {
      row("name", g->display);
      row("vendor", catalog::display(catalog::vendors(), g->vendor));
      row("architecture", g->arch);
    }
    for (const auto& e : catalog::price_editions()) {
      const auto* econ = e.find(key);
      row(fmt::format("{} edition{}", e.name, &e == settings.edition ? " (in use)" : ""),
          econ ? fmt::format("{} kW; ${}/h hyperscaler, {}, ${}/h 3-year rental", econ->kw, econ->hyperscaler,
                             econ->neocloud.empty() ? "no neocloud tier" : "$" + econ->neocloud + "/h neocloud", econ->rental)
               : std::string("no price or power"));
    }
    data_rows(LineField::gpu, {key});
  }

  // A dashboard group (`kimi`, `qwen-3-5`) or one model key; either way its page slug and label.
  void describe_model() {
    const catalog::ModelGroup* group = binder.model_group(stmt.name);
    const std::string key = group ? group->slug : binder.resolve_value(LineField::model, stmt.name);
    if (!group) group = catalog::group_of_model(key);
    r.query = "describe model " + key;
    row("key", key);
    if (const auto* m = catalog::find_model(key)) {
      row("name", m->display);
      if (!m->aliases.empty()) row("aliases", text::join(m->aliases, ", "));
      row("parameters", m->total_params.empty()
                            ? "not in the catalog"
                            : fmt::format("{} total, {} active", m->total_params, m->active_params.empty() ? "?" : m->active_params));
    }
    if (group) {
      row("dashboard group", fmt::format("{} (pools {})", group->slug, text::join(group->keys, ", ")));
      row("dashboard label", group->label);
      row("dashboard name", group->display);
      if (!group->aliases.empty()) row("group aliases", text::join(group->aliases, ", "));
    } else {
      row("dashboard group", "none: the dashboard has no comparison page for it");
    }
    data_rows(LineField::model, group && group->slug == key ? group->keys : std::vector<std::string>{key});
  }

  void describe_metric() {
    const auto* m = catalog::find_metric(stmt.name.text);
    if (!m) {
      const auto s = text::closest(stmt.name.text, catalog::metric_names());
      throw QueryError(fmt::format("unknown metric '{}'", stmt.name.text), stmt.name.span, did_you_mean(s), s);
    }
    r.query = "describe metric " + m->key;
    row("key", m->key);
    row("name", m->display);
    row("unit", m->unit);
    row("better", m->polarity == catalog::Polarity::higher_is_better  ? "higher"
                  : m->polarity == catalog::Polarity::lower_is_better ? "lower"
                                                                      : "neither (context)");
    if (!m->aliases.empty()) row("aliases", text::join(m->aliases, ", "));
    row("formula", m->formula);
  }

  void describe_seq() {
    const std::string key = binder.resolve_value(LineField::seq, stmt.name);
    r.query = "describe seq " + key;
    const auto s = catalog::resolve_sequence(key);
    row("key", key);
    if (s && key != "agentic") row("tokens", fmt::format("{} input, {} output", s->isl, s->osl));
    data_rows(LineField::seq, {key});
  }

  // A price edition: every GPU's power and prices, a table of its own columns.
  void describe_edition() {
    const auto* e = catalog::find_edition(stmt.name.text);
    if (!e) {
      std::vector<std::string> names;
      for (const auto& x : catalog::price_editions()) names.push_back(x.name);
      throw QueryError(fmt::format("unknown catalog edition '{}'", stmt.name.text), stmt.name.span, "editions: " + text::join(names, ", "));
    }
    r.query = "describe edition " + e->name;
    t.columns = {text_col("gpu"), num_col("kW", "kW"), text_col("hyperscaler $/h"), text_col("neocloud $/h"), text_col("rental $/h")};
    for (const auto& [g, econ] : e->gpus) t.rows.push_back({g, econ.kw, econ.hyperscaler, econ.neocloud, econ.rental});
  }

  [[noreturn]] void unknown_kind() const {
    const std::vector<std::string> kinds = {"gpu",  "model",      "metric", "precision", "framework", "family",
                                            "spec", "deployment", "vendor", "seq",       "edition"};
    const auto s = text::closest(kind, kinds);
    throw QueryError(fmt::format("cannot describe '{}'", stmt.kind.text), stmt.kind.span,
                     s.empty() ? "describe " + text::join(kinds, " | ") + " NAME" : did_you_mean(s), s);
  }
};

}  // namespace

Result run_describe(const ast::Describe& stmt, const Binder& binder, const data::Dataset& ds, const Settings& settings) {
  Describer d(stmt, binder, ds, settings);
  const std::string& kind = d.kind;
  if (kind == "gpu") d.describe_gpu();
  else if (kind == "model") d.describe_model();
  else if (kind == "metric") d.describe_metric();
  else if (const data::Dimension* dim = data::find_dimension(kind); dim && !dim->named.empty()) d.describe_named(dim->field);
  else if (kind == "seq" || kind == "sequence") d.describe_seq();
  else if (kind == "edition") d.describe_edition();
  else d.unknown_kind();
  d.t.title = d.r.query;
  d.r.tables.push_back(std::move(d.t));
  return std::move(d.r);
}

Result run_help(const ast::Help& stmt) {
  Result r;
  r.kind = Kind::help;
  const auto& docs = grammar::statement_docs();
  Table t;
  t.columns = {text_col("statement"), text_col("syntax"), text_col("what it does")};
  if (stmt.topic) {
    const std::string topic = text::lower(stmt.topic->text);
    const auto it = std::find_if(docs.begin(), docs.end(), [&](const grammar::StatementDoc& d) { return topic == d.keyword; });
    if (it == docs.end()) {
      const auto s = text::closest(topic, grammar::statement_keywords());
      throw QueryError(fmt::format("no help on '{}'", stmt.topic->text), stmt.topic->span,
                       s.empty() ? "help topics: " + text::join(grammar::statement_keywords(), ", ") : did_you_mean(s), s);
    }
    r.query = std::string("help ") + it->keyword;
    t.title = r.query;
    t.rows.push_back({std::string(it->keyword), std::string(it->syntax), std::string(it->summary)});
    r.tables.push_back(std::move(t));
    // The clauses this statement takes, with what each does.
    if (it->clauses != 0) {
      Table c;
      c.title = "clauses";
      c.columns = {text_col("clause"), text_col("syntax"), text_col("what it does")};
      for (const auto& d : grammar::clause_docs())
        if (d.group & it->clauses) c.rows.push_back({std::string(d.keyword), std::string(d.syntax), std::string(d.summary)});
      r.tables.push_back(std::move(c));
    }
    for (const char* ex : it->examples) r.notes.push_back(std::string("example: ") + ex);
    return r;
  }
  r.query = "help";
  t.title = "statements";
  for (const auto& d : docs) t.rows.push_back({std::string(d.keyword), std::string(d.syntax), std::string(d.summary)});
  r.tables.push_back(std::move(t));
  r.notes.push_back("names are case-insensitive and resolve through aliases (MI355X = mi355x, nvfp4 = fp4, off = none)");
  r.notes.push_back("statements end at a newline or ';'; '--' and '#' start comments; `help STATEMENT` for clauses and examples");
  r.notes.push_back(
      "charts of compare, frontier, trend and points: `plot STATEMENT` draws one in the terminal; `set format svg` (or "
      "--format svg) writes the chart as SVG, `set format html` a page of tables and charts; `.output FILE.png` (or "
      "--output FILE.png) a PNG");
  return r;
}

}  // namespace icq::interp
