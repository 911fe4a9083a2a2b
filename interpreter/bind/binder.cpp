#include "bind/binder.hpp"
#include "keywords.hpp"

#include "bind/columns.hpp"
#include "bind/method.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <set>
#include <tuple>

#include "bind/query_error.hpp"
#include "parser.hpp"
#include "text/dates.hpp"
#include "text/text.hpp"

namespace icq::interp {

namespace {

using text::did_you_mean;

double number_of(const ast::Word& w, const char* what) {
  if (w.kind == ast::Word::Kind::param)
    throw QueryError(fmt::format("unknown parameter '${}'", w.text), w.span, "no parameters are defined in this session");
  char* end = nullptr;
  const double v = std::strtod(w.text.c_str(), &end);
  if (w.text.empty() || !end || *end != '\0' || !std::isfinite(v))
    throw QueryError(fmt::format("expected a number for {}, got '{}'", what, w.text), w.span);
  return v;
}

std::int32_t date_of(const ast::Word& w) {
  const auto d = text::parse_date(w.text);
  if (!d) throw QueryError(fmt::format("'{}' is not a calendar date", w.text), w.span, "dates are written YYYY-MM-DD, e.g. 2026-05-19");
  return *d;
}

std::string metric_json_key(const catalog::Metric& m, const std::string& qualifier) {
  switch (m.kind) {
    case catalog::MetricKind::throughput:
      return qualifier == "output" ? "output_throughput" : qualifier == "input" ? "input_throughput" : "throughput";
    case catalog::MetricKind::cost: return "cost";
    case catalog::MetricKind::tokens_per_dollar: return "tokens_per_dollar";
    case catalog::MetricKind::power: return "tokens_per_mw";
    case catalog::MetricKind::joules: return "joules_per_token";
    case catalog::MetricKind::concurrency: return "concurrency";
    case catalog::MetricKind::latency: return m.key + "_" + qualifier;
    case catalog::MetricKind::accuracy: return "accuracy";
  }
  return m.key;
}

MetricColumn::Polarity polarity_of(catalog::Polarity p) {
  switch (p) {
    case catalog::Polarity::higher_is_better: return MetricColumn::Polarity::higher_is_better;
    case catalog::Polarity::lower_is_better: return MetricColumn::Polarity::lower_is_better;
    case catalog::Polarity::neutral: return MetricColumn::Polarity::neutral;
  }
  return MetricColumn::Polarity::neutral;
}

bool mentions(const std::vector<LineFilter>& filters, LineField f) {
  return std::any_of(filters.begin(), filters.end(), [&](const LineFilter& x) { return x.field == f; });
}

}  // namespace

LineField line_field_of(const std::string& keyword) {
  const data::Dimension* d = data::find_dimension(keyword);
  return d ? d->field : LineField::vendor;  // the grammar lets only dimension keywords through
}

std::vector<std::string> Binder::values_in_data(LineField field) const {
  std::vector<std::string> values = present_values(data_, std::vector<LineFilter>{}, field);
  values.erase(std::remove(values.begin(), values.end(), std::string()), values.end());
  return values;
}

std::string Binder::resolve_value(LineField field, const ast::Word& w) const {
  if (w.kind == ast::Word::Kind::param)
    throw QueryError(fmt::format("unknown parameter '${}'", w.text), w.span, "no parameters are defined in this session");
  const data::Dimension& dim = data::dimension(field);
  const std::string& t = w.text;
  if (auto key = dim.resolve(t)) return *key;
  // Values the catalog does not know yet are fine when the data has them.
  const std::string raw = dim.raw_key(t);
  const auto present = values_in_data(field);
  if (std::find(present.begin(), present.end(), raw) != present.end()) return raw;
  auto candidates = dim.catalog_names();
  candidates.insert(candidates.end(), present.begin(), present.end());
  const auto suggestions = text::closest(t, candidates);
  std::string help = did_you_mean(suggestions);
  if (help.empty()) help = fmt::format("{}s in the data: {}", dim.noun, text::join(present, ", "));
  throw QueryError(fmt::format("unknown {} '{}'", dim.noun, t), w.span, help, suggestions);
}

const catalog::ModelGroup* Binder::model_group(const ast::Word& w) const {
  if (w.kind == ast::Word::Kind::param || catalog::resolve_model(w.text)) return nullptr;
  return catalog::find_model_group(w.text);
}

LineFilter Binder::bind_filter(const ast::Filter& f) const {
  LineFilter out{line_field_of(f.key), {}, {}};
  out.begin = f.key_span.begin;
  out.end = f.values.empty() ? f.key_span.end : f.values.back().span.end;
  const auto add = [&](std::string key) {
    if (std::find(out.values.begin(), out.values.end(), key) == out.values.end()) out.values.push_back(std::move(key));
  };
  for (const auto& v : f.values) {
    // `model kimi` pools the dashboard's group (DASHBOARD.md §7); `model kimik2.5` stays one key.
    if (const auto* g = out.field == LineField::model ? model_group(v) : nullptr) {
      out.groups.push_back(g->slug);
      for (const auto& k : g->keys) add(k);
      continue;
    }
    add(resolve_value(out.field, v));
  }
  return out;
}

// The numeric row columns `where` may test besides the row fields: measured metrics (`ttft p99`,
// `interactivity`, `throughput`) and the row's economics.
std::vector<std::string> row_metric_names() {
  const Pricing any = Settings{}.pricing();
  std::vector<std::string> out;
  for (const auto& n : row_column_names())
    if (const RowColumn c = row_column(n, &any); c.column.type == Column::Type::number) out.push_back(n);
  return out;
}

std::optional<RowColumn> Binder::metric_of_row(const ast::Word& name, const std::optional<ast::Word>& qualifier) const {
  const Pricing pricing = pricing_ ? *pricing_ : settings_.pricing();
  try {
    RowColumn c = row_column(name, qualifier, &pricing);
    if (c.column.type == Column::Type::number) return c;
  } catch (const QueryError&) {
    if (qualifier) throw;  // `ttft p42`: the column's own message says what it takes
  }
  return std::nullopt;
}

namespace {

BoundExpr::Op comparison_op(ast::Expr::Op op) {
  return op == ast::Expr::Op::in ? BoundExpr::Op::in : op == ast::Expr::Op::not_in ? BoundExpr::Op::not_in : BoundExpr::Op::compare;
}

const RowFieldInfo* row_field_named(const std::string& name) {
  const auto& fields = row_fields();
  const auto it = std::find_if(fields.begin(), fields.end(), [&](const RowFieldInfo& f) { return text::iequals(f.name, name); });
  return it == fields.end() ? nullptr : &*it;
}

// `where ttft p99 < 2`: the test reads a row column (a measured metric or the row's economics).
BoundExpr metric_test(BoundExpr b, RowColumn metric, const std::vector<ast::Word>& operands) {
  b.economic = metric.economic;
  b.metric = [get = std::move(metric.get)](const data::Dataset& ds, const data::Row& row) -> std::optional<double> {
    const Value v = get(ds, row);
    if (const auto* d = std::get_if<double>(&v)) return *d;
    if (const auto* i = std::get_if<std::int64_t>(&v)) return static_cast<double>(*i);
    return std::nullopt;
  };
  for (const auto& w : operands) b.operands.push_back({number_of(w, metric.column.name.c_str()), {}});
  return b;
}

// A `where` name that is no row field nor row column: a dimension is a filter, anything else is
// answered with the closest names.
[[noreturn]] void unknown_field(const ast::Expr& e) {
  // `where seq = 1k/1k`: a dimension with no row field of its own is a filter.
  if (const data::Dimension* d = data::find_dimension(e.field.text); d && !e.qualifier)
    throw QueryError(fmt::format("'{}' is a filter, not a field of a row", e.field.text), e.field.span,
                     fmt::format("filter with `{} VALUE` (e.g. `{} {}`); where tests the fields of `list fields`", d->keyword, d->keyword,
                                 d->catalog_names().front()));
  std::vector<std::string> names, all;
  for (const auto& f : row_fields()) names.push_back(f.name);
  all = names;
  for (const auto& n : row_metric_names()) all.push_back(n);
  const auto suggestions = text::closest(e.field.text, all);
  throw QueryError(
      fmt::format("unknown field '{}' in where", e.field.text), e.field.span,
      suggestions.empty()
          ? "fields: " + text::join(names, ", ") +
                "; metrics: interactivity, throughput, ttft, tpot, itl, e2el (with mean, "
                "p90, p99 or p99.9), cost, tokens_per_dollar, tokens_per_mw, joules, power_w or a measured field (`list fields`)"
          : did_you_mean(suggestions),
      suggestions);
}

// The dimension whose catalog names a text field's values, so they are compared as keys.
std::optional<LineField> dimension_of(RowField f) {
  switch (f) {
    case RowField::framework: return LineField::framework;
    case RowField::family: return LineField::family;
    case RowField::precision: return LineField::precision;
    case RowField::gpu: return LineField::gpu;
    case RowField::model: return LineField::model;
    case RowField::spec: return LineField::spec;
    case RowField::vendor: return LineField::vendor;
    default: return std::nullopt;
  }
}

// One value a row field is tested against, read as the field's type.
Operand field_operand(const Binder& binder, const RowFieldInfo& field, const ast::Word& w) {
  using T = RowFieldInfo::Type;
  Operand o;
  switch (field.type) {
    case T::number: o.number = number_of(w, field.name); break;
    case T::date: o.number = date_of(w); break;
    case T::boolean: {
      const std::string v = text::lower(w.text);
      if (v == "true" || v == "yes" || v == "1") o.number = 1;
      else if (v == "false" || v == "no" || v == "0") o.number = 0;
      else throw QueryError(fmt::format("'{}' is true or false, not '{}'", field.name, w.text), w.span);
      break;
    }
    case T::text: {
      const auto dim = dimension_of(field.field);
      o.text = dim ? binder.resolve_value(*dim, w) : w.text;
      break;
    }
  }
  return o;
}

// `where tp <= 8`: the test reads a field of the row.
BoundExpr field_test(const Binder& binder, BoundExpr b, const RowFieldInfo& field, const ast::Expr& e) {
  b.field = field.field;
  b.type = field.type;
  if (b.type == RowFieldInfo::Type::text && b.op == BoundExpr::Op::compare && b.cmp != "=" && b.cmp != "!=")
    throw QueryError(fmt::format("'{}' is text: compare it with = or != (or in (…)), not '{}'", field.name, b.cmp), e.span);
  for (const auto& w : e.operands) b.operands.push_back(field_operand(binder, field, w));
  return b;
}

}  // namespace

BoundExpr Binder::bind_expr(const ast::Expr& e) const {
  BoundExpr b;
  b.source = std::string(source_.substr(e.span.begin, e.span.end - e.span.begin));
  switch (e.op) {
    case ast::Expr::Op::and_:
    case ast::Expr::Op::or_:
    case ast::Expr::Op::not_:
      b.op = e.op == ast::Expr::Op::and_ ? BoundExpr::Op::and_ : e.op == ast::Expr::Op::or_ ? BoundExpr::Op::or_ : BoundExpr::Op::not_;
      for (const auto& c : e.children) b.children.push_back(bind_expr(c));
      return b;
    default: break;
  }
  b.op = comparison_op(e.op);
  b.cmp = e.cmp;
  const RowFieldInfo* field = row_field_named(e.field.text);
  if (field && !e.qualifier) return field_test(*this, std::move(b), *field, e);
  auto metric = metric_of_row(e.field, e.qualifier);
  if (!metric) unknown_field(e);
  return metric_test(std::move(b), std::move(*metric), e.operands);
}

DateSelection Binder::bind_date(const ast::DateSelection& d) const {
  DateSelection out;
  out.kind = d.kind == ast::DateSelection::Kind::as_of ? DateSelection::Kind::as_of : DateSelection::Kind::on;
  out.date = date_of(d.date);
  out.begin = d.date.span.begin, out.end = d.date.span.end;
  return out;
}

std::pair<std::string, data::Field> Binder::bind_tokens(const ast::Clauses& cl) const {
  if (!cl.tokens) return {"total", data::Field::tput_per_gpu};
  const std::string t = text::lower(cl.tokens->text);
  if (t != "total" && t != "output" && t != "input") {
    const auto suggestions = text::closest(t, {"total", "output", "input"});
    throw QueryError(fmt::format("tokens takes total, output or input, not '{}'", cl.tokens->text), cl.tokens->span,
                     did_you_mean(suggestions), suggestions);
  }
  return {t, t == "output" ? data::Field::output_tput_per_gpu : t == "input" ? data::Field::input_tput_per_gpu : data::Field::tput_per_gpu};
}

BoundMetric Binder::bind_metric(const ast::MetricRef& m, std::string_view tokens) const {
  const catalog::Metric* metric = catalog::find_metric(m.name.text);
  if (!metric) {
    const auto suggestions = text::closest(m.name.text, catalog::metric_names());
    std::vector<std::string> keys;
    for (const auto& x : catalog::metrics()) keys.push_back(x.key);
    throw QueryError(fmt::format("unknown metric '{}'", m.name.text), m.name.span,
                     suggestions.empty() ? "metrics: " + text::join(keys, ", ") : did_you_mean(suggestions), suggestions);
  }
  BoundMetric b;
  b.metric = metric;
  std::string q = m.qualifier ? text::lower(m.qualifier->text) : std::string{};
  if (metric->takes_percentile) {
    const data::Stat stat = bind_stat(metric->key, m.qualifier);
    if (stat == data::Stat::median) q = "median";
    const data::Quantity quantity = *data::quantity_from_name(metric->key);  // the catalog's latencies are the quantities
    b.field = data::stat_field(stat, quantity);
    b.text = metric->key + (q == "median" ? "" : " " + q);
    // TPOT and ITL read best in milliseconds, TTFT and E2E latency in seconds.
    const bool ms = metric->scale == 1000;
    b.column = {metric_json_key(*metric, q), fmt::format("{} {} ({})", metric->display, q, ms ? "ms" : "s"), "s",
                polarity_of(metric->polarity), number_format(*metric)};
    return b;
  }
  if (metric->takes_token_type) {
    if (q.empty()) q = std::string(tokens);
    if (q != "total" && q != "output" && q != "input")
      throw QueryError(fmt::format("'{}' takes total, output or input, not '{}'", metric->key, m.qualifier->text), m.qualifier->span);
    b.field = q == "output" ? data::Field::output_tput_per_gpu : q == "input" ? data::Field::input_tput_per_gpu : data::Field::tput_per_gpu;
    // Written out unless total under total tokens, so the resolved query reads the same under its `tokens`.
    b.text = q == "total" && tokens == "total" ? metric->key : metric->key + " " + q;
    const std::string display =
        q == "total" ? metric->display : fmt::format("{} throughput (tok/s/GPU)", q == "output" ? "Output" : "Input");
    b.column = {metric_json_key(*metric, q), display, metric->unit, polarity_of(metric->polarity), number_format(*metric)};
    return b;
  }
  if (m.qualifier) throw QueryError(fmt::format("'{}' takes no qualifier ('{}')", metric->key, m.qualifier->text), m.qualifier->span);
  b.text = metric->key;
  b.column = {metric_json_key(*metric, q), metric->display, metric->unit, polarity_of(metric->polarity), number_format(*metric)};
  return b;
}

NumberFormat number_format(const catalog::Metric& m) { return {m.decimals, m.prefix, m.scale}; }

std::string Binder::written_text(ast::Span span) const {
  // As written, whitespace collapsed: "(gpu h200 precision fp8)".
  std::string out;
  for (char ch : source_.substr(span.begin, span.end - span.begin)) {
    const bool blank = ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r' || ch == '\\';
    if (blank) {
      if (!out.empty() && out.back() != ' ') out += ' ';
    } else {
      out += ch;
    }
  }
  return out;
}

void Binder::apply_let(const ast::Word& name, Selection& into) const {
  const auto it = settings_.lets.find(name.text);
  if (it == settings_.lets.end()) {
    // `show cost power`: a metric after the metrics of show, without its comma.
    if (const catalog::Metric* m = catalog::find_metric(name.text))
      throw QueryError(fmt::format("'{}' is a metric, not a clause: the metrics of `show` are separated by commas", name.text), name.span,
                       fmt::format("e.g. show throughput, {}", m->key));
    std::vector<std::string> candidates = grammar::clause_keywords();
    for (const auto& [n, _] : settings_.lets) candidates.push_back(n);
    const auto suggestions = text::closest(name.text, candidates);
    std::string help = did_you_mean(suggestions);
    if (!help.empty()) help += "\n";
    help += settings_.lets.empty() ? "a bare name here must be defined first: let NAME = (FILTERS)" : "defined names: " + [&] {
      std::vector<std::string> n;
      for (const auto& [k, _] : settings_.lets) n.push_back(k);
      return text::join(n, ", ");
    }();
    throw QueryError(fmt::format("unknown clause or name '{}'", name.text), name.span, help, suggestions);
  }
  const Selection& def = it->second.selection;
  into.filters.insert(into.filters.end(), def.filters.begin(), def.filters.end());
  into.where.insert(into.where.end(), def.where.begin(), def.where.end());
  if (def.date.kind != DateSelection::Kind::latest) into.date = def.date;
}

Selection Binder::bind_side_filters(const ast::Side& s) const {
  Selection sel;
  for (const auto& l : s.lets) apply_let(l, sel);
  for (const auto& f : s.filters) sel.filters.push_back(bind_filter(f));
  for (const auto& w : s.where) sel.where.push_back(bind_expr(w));
  if (s.date) sel.date = bind_date(*s.date);
  return sel;
}

Selection Binder::bind_selection(const ast::Clauses& cl) const {
  Selection sel;
  sel.axis = resolve_method(cl.usings, settings_.method()).axis;
  for (const auto& l : cl.lets) apply_let(l, sel);
  for (const auto& f : cl.filters) sel.filters.push_back(bind_filter(f));
  for (const auto& w : cl.where) sel.where.push_back(bind_expr(w));
  if (cl.date) sel.date = bind_date(*cl.date);
  return sel;
}

void Binder::check_clauses(const ast::Clauses& cl, std::string_view statement) const {
  namespace clause = grammar::clause;
  const unsigned allowed = grammar::statement_doc(statement)->clauses;
  auto check = [&](unsigned group, ast::Span span, std::string_view written) {
    if (allowed & group) return;
    throw QueryError(fmt::format("`{}` does not apply to {}", written, statement), span,
                     fmt::format("`{}` belongs to {}", written, grammar::statements_taking(group)));
  };
  if (!cl.filters.empty()) check(clause::filters, cl.filters.front().key_span, cl.filters.front().key);
  if (!cl.lets.empty()) check(clause::filters, cl.lets.front().span, cl.lets.front().text);
  if (!cl.where.empty()) check(clause::where, cl.where.front().span, "where");
  if (cl.date) check(clause::date, cl.date->span, cl.date->kind == ast::DateSelection::Kind::on ? "on date" : "as of");
  if (cl.targets) check(clause::targets, cl.targets->span, "at");
  if (cl.clamp) check(clause::targets, *cl.clamp, "clamp");
  if (!cl.show.empty()) check(clause::show, cl.show_span, "show");
  for (const auto& u : cl.usings) {
    const unsigned group = u.kind == ast::Using::Kind::interactivity ? clause::axis
                           : u.kind == ast::Using::Kind::prices      ? clause::prices
                                                                     : clause::economics;
    check(group, u.span, "using " + written_text(u.span).substr(6));
  }
  if (cl.tokens) check(clause::economics, cl.tokens->span, "tokens");
  if (cl.since) check(clause::since, cl.since->span, "since");
  if (cl.by) check(clause::by, cl.by->span, "by");
  if (cl.noise) check(clause::noise, cl.noise->span, "with noise");
  if (!cl.order.empty()) check(clause::order, cl.order.front().column.span, "order by");
  if (cl.limit) check(clause::limit, cl.limit->span, "limit");
}

std::vector<double> Binder::bind_targets(const ast::Targets& t) const {
  if (t.kind == ast::Targets::Kind::band)
    throw QueryError("band percentages need the band of a comparison", t.span, "give interactivities: at interactivity 50, 100");
  std::vector<double> values;
  const std::size_t kMaxTargets = settings_.limits.max_targets;
  for (const auto& item : t.items) {
    const double from = number_of(item.value, "a target interactivity");
    if (!item.to) {
      if (from <= 0) throw QueryError(fmt::format("target interactivity must be positive, got {}", item.value.text), item.value.span);
      values.push_back(from);
      continue;
    }
    const double to = number_of(*item.to, "the end of a range");
    const double step = item.step ? number_of(*item.step, "a step") : 1.0;
    if (step <= 0) throw QueryError(fmt::format("step must be positive, got {}", item.step->text), item.step->span);
    if (from <= 0 || to < from)
      throw QueryError(fmt::format("range {}..{} must run upwards from a positive start", item.value.text, item.to->text), item.span);
    const double count = std::floor((to - from) / step + 1e-9) + 1;
    if (count + static_cast<double>(values.size()) > static_cast<double>(kMaxTargets))
      throw QueryError(fmt::format("range {}..{} step {} gives {} targets; the limit is {}", item.value.text, item.to->text,
                                   item.step ? item.step->text : "1", count, kMaxTargets),
                       item.span, "use a larger step");
    // Each target is the decimal a person would write: 10 + 56 × 0.02 is 11.12, not 11.120000000000001.
    const auto places = [](const std::string& written) {
      const auto dot = written.find('.');
      return dot == std::string::npos ? 0 : static_cast<int>(std::min<std::size_t>(written.size() - dot - 1, 12));
    };
    const double scale = std::pow(10.0, std::max(places(item.value.text), item.step ? places(item.step->text) : 0));
    for (double i = 0; i < count; ++i) values.push_back(std::round((from + i * step) * scale) / scale);
  }
  if (values.size() > kMaxTargets)
    throw QueryError(fmt::format("{} targets; the limit is {}", values.size(), kMaxTargets), t.span,
                     "fewer targets, or a host may raise Limits::max_targets");
  return values;
}

std::vector<std::string> Binder::apply_defaults(Selection& shared, const std::function<bool(LineField)>& mentioned) const {
  std::vector<std::string> defaults;
  if (!mentioned(LineField::seq)) {
    shared.filters.push_back({LineField::seq, {"1k/1k"}});
    defaults.push_back("seq 1k/1k (the default sequence shape)");
  }
  if (!mentioned(LineField::model)) {
    std::set<std::string> models;
    for (const auto& l : data_.lines())
      if (std::all_of(shared.filters.begin(), shared.filters.end(), [&](const LineFilter& f) { return f.matches(l); }))
        models.insert(l.model);
    if (models.size() == 1) {
      shared.filters.push_back({LineField::model, {*models.begin()}});
      defaults.push_back(fmt::format("model {} (the only model in the selection)", *models.begin()));
    } else if (models.size() > 1) {
      const std::vector<std::string> list(models.begin(), models.end());
      throw QueryError(fmt::format("which model? the selection holds {} models", models.size()), {0, 0},
                       fmt::format("add a model filter, e.g. `model {}` (models: {})", list.front(), text::join(list, ", ")), list);
    }
  }
  return defaults;
}

std::string display_of(LineField field, const std::string& key) { return data::dimension(field).display(key); }

namespace {

// A side: a value of the compared dimension (a date, a model group or a key), a let name, or a filter set.
BoundSide bind_side(const Binder& b, const ast::Side& s, const std::string& dimension, std::optional<LineField> dim_field) {
  BoundSide side;
  side.span = s.span;
  if (s.value) {
    if (dimension == "date") {
      if (s.value->kind != ast::Word::Kind::date)
        throw QueryError(fmt::format("'{}' is not a date", s.value->text), s.value->span, "compare date 2026-02-20 vs 2026-05-19 …");
      side.selection.date = {DateSelection::Kind::on, date_of(*s.value), s.value->span.begin, s.value->span.end};
      side.label = text::format_date(side.selection.date.date);
      side.display = side.label;
    } else if (const auto* g = *dim_field == LineField::model ? b.model_group(*s.value) : nullptr) {
      side.selection.filters.push_back({LineField::model, g->keys, {g->slug}});
      side.label = g->slug;
      side.display = g->label;
    } else {
      const std::string key = b.resolve_value(*dim_field, *s.value);
      side.selection.filters.push_back({*dim_field, {key}, {}});
      side.label = key;
      side.display = display_of(*dim_field, key);
    }
  } else if (s.let) {
    b.apply_let(*s.let, side.selection);
    side.label = s.let->text;
    side.display = s.let->text;
  } else {
    side.selection = b.bind_side_filters(s);
    side.label = b.written_text(s.span);
    side.display = side.label;
  }
  return side;
}

// The clauses every side shares: noise runs, lets, filters (not on the compared dimension), where, date.
void bind_shared_clauses(const Binder& b, const ast::Clauses& cl, std::optional<LineField> dim_field, BoundCompare& out) {
  if (cl.noise) {
    const double n = cl.noise->text.empty() ? 5 : number_of(*cl.noise, "a count of run dates");
    if (n < 2 || n != std::floor(n) || n > 100)
      throw QueryError(fmt::format("with noise takes 2 to 100 run dates, not {}", cl.noise->text), cl.noise->span,
                       "e.g. with noise last 10");
    out.noise_runs = static_cast<std::size_t>(n);
  }
  for (const auto& l : cl.lets) b.apply_let(l, out.shared);
  for (const auto& f : cl.filters) {
    LineFilter lf = b.bind_filter(f);
    if (dim_field && lf.field == *dim_field)
      throw QueryError(fmt::format("'{}' is the compared dimension; a shared '{}' filter contradicts the sides", out.dimension, f.key),
                       f.key_span, fmt::format("remove '{}' or compare another dimension", lf.text()));
    out.shared.filters.push_back(std::move(lf));
  }
  for (const auto& w : cl.where) out.shared.where.push_back(b.bind_expr(w));
  if (cl.date) {
    if (out.dimension == "date") throw QueryError("the sides are dates; a shared date selection contradicts them", cl.date->span);
    out.shared.date = b.bind_date(*cl.date);
  }
}

// `at band …` percentages as fractions, or `at interactivity …` targets.
TargetSpec bind_target_spec(const Binder& b, const ast::Targets& t) {
  TargetSpec spec;
  spec.span = t.span;
  if (t.kind == ast::Targets::Kind::band) {
    spec.kind = TargetSpec::Kind::band;
    for (const auto& item : t.items) {
      const double p = number_of(item.value, "a band percentage");
      if (p < 0 || p > 100) throw QueryError(fmt::format("band percentage {} is outside 0–100", item.value.text), item.value.span);
      spec.values.push_back(p / 100.0);
    }
  } else {
    spec.kind = TargetSpec::Kind::interactivity;
    spec.values = b.bind_targets(t);
  }
  return spec;
}

// The metrics `show` names (once each), or the default ones; `show config` and `show deployable` are flags.
void bind_shown_metrics(const Binder& b, const ast::Clauses& cl, BoundCompare& out) {
  std::vector<ast::MetricRef> shown;
  for (const auto& m : cl.show) {
    if (text::iequals(m.name.text, "config")) out.show_config = true;
    else if (text::iequals(m.name.text, "deployable")) out.show_deployable = true;
    else shown.push_back(m);
  }
  out.metrics_explicit = !shown.empty();
  if (shown.empty()) {
    for (const auto& name : catalog::default_metrics()) {
      ast::MetricRef ref;
      ref.name.text = name;
      out.metrics.push_back(b.bind_metric(ref, out.tokens));
    }
  } else {
    for (const auto& m : shown) {
      BoundMetric bm = b.bind_metric(m, out.tokens);
      const bool dup =
          std::any_of(out.metrics.begin(), out.metrics.end(), [&](const BoundMetric& x) { return x.column.key == bm.column.key; });
      if (!dup) out.metrics.push_back(std::move(bm));
    }
  }
}

}  // namespace

BoundCompare Binder::bind_compare(const ast::Compare& c, std::string_view statement) const {
  BoundCompare out;
  std::optional<LineField> dim_field;
  if (c.dimension) {
    out.dimension = c.dimension->text == "hardware" ? "gpu" : c.dimension->text;
    if (out.dimension != "date") dim_field = line_field_of(out.dimension);
  } else {
    out.dimension = "filters";
  }

  for (const auto& s : c.sides) {
    BoundSide side = bind_side(*this, s, out.dimension, dim_field);
    for (const auto& other : out.sides)
      if (other.label == side.label)
        throw QueryError(fmt::format("side '{}' appears twice", side.display), s.span, "each side of a comparison must differ");
    out.sides.push_back(std::move(side));
  }
  if (out.sides.size() > settings_.limits.max_sides)
    throw QueryError(fmt::format("{} sides; the limit is {}", out.sides.size(), settings_.limits.max_sides), c.sides.back().span,
                     "compare fewer sides at once, or a host may raise Limits::max_sides");

  const ast::Clauses& cl = c.clauses;
  check_clauses(cl, statement);
  bind_shared_clauses(*this, cl, dim_field, out);

  // Defaults: a sequence shape and a model, printed in the resolved query.
  auto anywhere = [&](LineField f) {
    if (dim_field && *dim_field == f) return true;
    if (mentions(out.shared.filters, f)) return true;
    return std::any_of(out.sides.begin(), out.sides.end(), [&](const BoundSide& s) { return mentions(s.selection.filters, f); });
  };
  out.defaults = apply_defaults(out.shared, anywhere);
  if (c.all_values) expand_all_values(out, dim_field, *c.all_values, settings_.limits.max_sides);

  if (cl.targets) out.targets = bind_target_spec(*this, *cl.targets);
  out.clamp = cl.clamp.has_value();

  // Metrics (an unqualified throughput reads the token type of `tokens`).
  std::tie(out.tokens, out.token_field) = bind_tokens(cl);
  bind_shown_metrics(*this, cl, out);

  // Economics and the dashboard's method: edition, tier, cost method, interactivity percentile.
  out.method = resolve_method(cl.usings, settings_.method());
  out.shared.axis = out.method.axis;
  return out;
}

}  // namespace icq::interp
