// Binding of whole statements: each kind to its bound form (bound.hpp). Everything a statement can
// get wrong in its words is found here, before any row is read.
#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <tuple>

#include "bind/binder.hpp"
#include "bind/method.hpp"
#include "bind/query_error.hpp"
#include "data/dimensions.hpp"
#include "text/dates.hpp"
#include "text/text.hpp"

namespace icq::interp {

namespace {

// A comparison's sides (max_sides), or a rank's (max_rank_sides: every value or configuration is
// meant to be ranked, so its bound is about the time it takes).
void check_side_count(const BoundCompare& q, std::size_t max_sides, const Limits& limits, ast::Span span) {
  if (q.sides.size() <= max_sides) return;
  const bool rank = max_sides == limits.max_rank_sides;
  throw QueryError(fmt::format("{} sides; the limit is {}", q.sides.size(), max_sides), span,
                   rank ? "narrow the shared filters, or a host may raise Limits::max_rank_sides"
                        : "narrow the shared filters, rank them instead (every value, best first), or a host may raise Limits::max_sides");
}

}  // namespace

void Binder::expand_all_values(BoundCompare& q, std::optional<LineField> field, ast::Span span, std::size_t max_sides) const {
  if (!field)
    throw QueryError("`*` takes a dimension of the configuration, not dates", span,
                     "list the dates with `list dates for …`, then compare two of them");
  std::vector<std::string> values = present_values(data_, q.shared.filters, *field);
  if (*field == LineField::deployment)  // the keys that partition the lines
    std::erase_if(values, [](const std::string& v) { return v != "disagg" && v != "single-node"; });
  for (const auto& v : values) {
    BoundSide side;
    side.span = span;
    side.label = v;
    side.display = display_of(*field, v);
    side.selection.filters.push_back({*field, {v}, {}});
    q.sides.push_back(std::move(side));
  }
  check_side_count(q, max_sides, settings_.limits, span);
  q.sides_note = fmt::format("{} *: the {} value{} present under the shared filters: {}", q.dimension, values.size(),
                             values.size() == 1 ? "" : "s", text::join(values, ", "));
}

void Binder::expand_configs(BoundCompare& q, ast::Span span, std::size_t max_sides) const {
  std::map<std::string, std::size_t> seen;
  for (const std::uint32_t l : matching_lines(data_, q.shared)) {
    BoundSide side;
    side.span = span;
    side.label = data::config_label(data_.lines()[l]);
    if (const std::size_t n = ++seen[side.label]; n > 1) side.label += fmt::format(" #{}", n);  // differs in a field not shown
    side.display = side.label;
    side.selection.matching_lines = std::make_shared<const std::vector<std::uint32_t>>(1, l);
    q.sides.push_back(std::move(side));
  }
  check_side_count(q, max_sides, settings_.limits, span);
  q.sides_note = fmt::format("config: each of the {} configurations (lines) under the shared filters is a side", q.sides.size());
}

BoundMetric Binder::bind_by_metric(const ast::Clauses& cl) const {
  ast::MetricRef ref;
  if (cl.by) ref.name = *cl.by;
  else ref.name.text = "throughput";
  return bind_metric(ref, bind_tokens(cl).first);
}

BoundCompare Binder::bind_compare_sides(const ast::Compare& c, std::string_view statement) const {
  BoundCompare q = bind_compare(c, statement);
  if (c.all_values && q.sides.empty()) check_filters_match(data_, q.shared.filters);
  if (c.all_values && q.sides.size() < 2)
    throw QueryError(fmt::format("{} *: only {} present under the shared filters, nothing to compare", q.dimension,
                                 q.sides.empty() ? std::string("no value is") : "'" + q.sides.front().label + "' is"),
                     *c.all_values, "widen the shared filters, or use `rank` to see one value's numbers");
  return q;
}

namespace {

// Each query statement's binding, found by the dispatch below (Query): a new query needs only its own here.
BoundCompare bind_query(const Binder& binder, const ast::Compare& c) { return binder.bind_compare_sides(c, "compare"); }

BoundFrontier bind_query(const Binder& binder, const ast::Frontier& f) {
  binder.check_clauses(f.clauses, "frontier");
  BoundFrontier b;
  b.pricing = resolve_method(f.clauses.usings, binder.settings().method()).pricing;
  b.selection = binder.priced(b.pricing).bind_selection(f.clauses);
  b.defaults = binder.apply_defaults(b.selection);
  b.show = f.clauses.show;
  return b;
}

BoundPoints bind_query(const Binder& binder, const ast::Points& p) {
  binder.check_clauses(p.clauses, "points");
  BoundPoints b;
  b.pricing = resolve_method(p.clauses.usings, binder.settings().method()).pricing;
  b.selection = binder.priced(b.pricing).bind_selection(p.clauses);
  b.show = p.clauses.show;
  b.order = p.clauses.order;
  if (p.clauses.limit) b.limit = static_cast<std::size_t>(std::stoull(p.clauses.limit->text));
  return b;
}

BoundAccuracy bind_query(const Binder& binder, const ast::Accuracy& a) {
  binder.check_clauses(a.clauses, "accuracy");
  for (const auto& f : a.clauses.filters)
    if (f.key == "seq") throw QueryError("evaluations are not tied to a sequence shape; drop the seq filter", f.key_span);
  ast::Clauses selection = a.clauses;
  selection.where.clear();  // on the table's columns, when it is made
  BoundAccuracy b{binder.bind_selection(selection), a.clauses.where, {}, a.clauses.order, {}};
  std::vector<std::string> where;
  for (const auto& w : a.clauses.where) where.push_back(binder.written_text(w.span));
  b.where_text = text::join(where, " and ");
  if (a.clauses.limit) b.limit = static_cast<std::size_t>(std::stoull(a.clauses.limit->text));
  return b;
}

BoundTrend bind_query(const Binder& binder, const ast::Trend& t) {
  binder.check_clauses(t.clauses, "trend");
  if (!t.clauses.targets)
    throw QueryError("trend needs the interactivity to read the metric at", {0, 0},
                     "e.g. trend throughput on b200 model dsr1 precision fp4 at interactivity 50");
  BoundTrend b;
  // `as of DATE` ends the trend there: the run dates it walks, each read as of itself.
  ast::Clauses cl = t.clauses;
  if (cl.date && cl.date->kind == ast::DateSelection::Kind::on)
    throw QueryError("trend walks the run dates itself; `on date` would leave one", cl.date->span,
                     "give the dates it walks with `since DATE` and `as of DATE`, or `compare … on date DATE` for one date");
  if (cl.date) {
    b.until = text::parse_date(cl.date->date.text);
    if (!b.until) throw QueryError(fmt::format("'{}' is not a calendar date", cl.date->date.text), cl.date->date.span);
    cl.date.reset();
  }
  std::tie(b.tokens, b.token_field) = binder.bind_tokens(cl);
  for (const auto& m : t.metrics) b.metrics.push_back(binder.bind_metric(m, b.tokens));
  b.targets = binder.bind_targets(*cl.targets);
  b.clamp = cl.clamp.has_value();
  b.selection = binder.bind_selection(cl);
  b.defaults = binder.apply_defaults(b.selection);
  b.method = resolve_method(cl.usings, binder.settings().method());
  if (cl.since) {
    b.since = text::parse_date(cl.since->text);
    if (!b.since) throw QueryError(fmt::format("'{}' is not a calendar date", cl.since->text), cl.since->span);
  }
  if (cl.by) {
    std::vector<std::string> fields;  // a series per value of any dimension
    for (const auto& d : data::dimensions()) fields.emplace_back(d.keyword);
    const std::string f = text::lower(cl.by->text);
    if (std::find(fields.begin(), fields.end(), f) == fields.end()) {
      const auto s = text::closest(f, fields);
      throw QueryError(fmt::format("cannot group by '{}'", cl.by->text), cl.by->span,
                       s.empty() ? "group by " + text::join(fields, ", ") : "did you mean '" + s.front() + "'?", s);
    }
    b.by = line_field_of(f);
  }
  return b;
}

// The ranking metric first, then what `show` adds; `by` is the statement's own, not a grouping.
void metrics_with(BoundCompare& q, BoundMetric first) {
  std::vector<BoundMetric> metrics{std::move(first)};
  if (q.metrics_explicit)
    for (auto& m : q.metrics)
      if (m.column.key != metrics.front().column.key) metrics.push_back(std::move(m));
  q.metrics = std::move(metrics);
  q.metrics_explicit = true;
}

BoundRank bind_query(const Binder& binder, const ast::Rank& r) {
  ast::Compare c;
  const bool config = r.dimension.text == "config";
  if (!config) c.dimension = r.dimension;  // its values, or the configurations, come after the shared filters
  c.clauses = r.clauses;
  c.clauses.by.reset();
  c.clauses.limit.reset();  // the rank's own: how many it shows
  if (!c.clauses.targets)
    throw QueryError("rank needs the interactivity to rank at", {0, 0},
                     "e.g. rank gpu by cost at interactivity 50 model dsr1 precision fp8 seq 8k/1k");
  BoundRank out;
  out.dimension = config ? "config" : c.dimension->text == "hardware" ? "gpu" : c.dimension->text;
  out.compare = binder.bind_compare(c, "rank");
  if (config) binder.expand_configs(out.compare, r.dimension.span, binder.settings().limits.max_rank_sides);
  else
    binder.expand_all_values(out.compare, out.dimension == "date" ? std::nullopt : std::optional(line_field_of(out.dimension)),
                             r.dimension.span, binder.settings().limits.max_rank_sides);
  if (r.clauses.limit) {
    out.limit = static_cast<std::size_t>(std::stoull(r.clauses.limit->text));
    if (*out.limit == 0) throw QueryError("limit 0 shows nothing", r.clauses.limit->span, "limit N shows the N best at each target");
  }
  if (out.compare.sides.empty()) check_filters_match(binder.data(), out.compare.shared.filters);
  if (out.compare.sides.empty())
    throw QueryError(fmt::format("nothing to rank: no {} under the shared filters", config ? "configuration" : out.dimension),
                     r.dimension.span, "check the filters with `list gpus`, `list models`");
  metrics_with(out.compare, binder.bind_by_metric(r.clauses));
  return out;
}

BoundCrossover bind_query(const Binder& binder, const ast::Crossover& x) {
  ast::Compare c = x.compare;
  c.clauses.by.reset();
  if (c.clauses.noise)
    throw QueryError("crossover reads the newest runs; run-to-run noise is a compare's", c.clauses.noise->span,
                     "compare the sides at a crossing's interactivity `with noise`");
  if (c.clauses.targets)
    throw QueryError("crossover scans the whole band both sides were measured in; drop `at`", c.clauses.targets->span,
                     "e.g. crossover gpu mi355x vs b200 model dsr1 precision fp8 seq 1k/1k by throughput");
  BoundCrossover out;
  out.compare = binder.bind_compare_sides(c, "crossover");
  metrics_with(out.compare, binder.bind_by_metric(x.compare.clauses));
  out.compare.metrics.resize(1);
  return out;
}

// A query: a statement bound by its own bind_query above; explain and plot take only these.
template <class T>
concept Query = requires(const Binder& binder, const T& statement) {
  bind_query(binder, statement);
};
// A statement that changes the session, bound by a Binder member (bind_session.cpp).
template <class T>
concept SessionStatement = requires(const Binder& binder, const T& statement) {
  binder.bind(statement);
};

}  // namespace

BoundStatement Binder::bind(const ast::Statement& s) const {
  BoundStatement out;
  out.span = s.span;
  using Body = decltype(BoundStatement::body);
  out.body = std::visit(
      [this](const auto& body) -> Body {
        using T = std::decay_t<decltype(body)>;
        if constexpr (Query<T>) return Body{bind_query(*this, body)};
        else if constexpr (SessionStatement<T>) return Body{this->bind(body)};
        else if constexpr (std::is_same_v<T, ast::Explain> || std::is_same_v<T, ast::Plot>) {
          const ast::Statement& inner = body.inner.front();
          auto bound = std::make_shared<BoundStatement>(this->bind(inner));
          constexpr const char* word = std::is_same_v<T, ast::Plot> ? "plot" : "explain";
          const bool query = std::visit([](const auto& b) { return Query<std::decay_t<decltype(b)>>; }, inner.body);
          if (!query)
            throw QueryError(fmt::format("{} takes compare, rank, crossover, frontier, points, trend or accuracy", word), inner.span);
          if constexpr (std::is_same_v<T, ast::Plot>) return Body{BoundPlot{std::move(bound)}};
          else return Body{BoundExplain{std::move(bound)}};
        } else return Body{BoundCommand<T>{body}};
      },
      s.body);
  return out;
}

}  // namespace icq::interp
