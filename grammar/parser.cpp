// The parser: runs the PEGTL grammar (rules.hpp) into a parse tree, turns the tree into the plain
// AST of ast.hpp, and turns PEGTL errors into SyntaxError with a message, a help line and
// suggestions. Every must<> in the grammar has an entry in the error table (checked at compile time).
#include "parser.hpp"

#include <tao/pegtl/contrib/parse_tree.hpp>

#include <algorithm>
#include <array>
#include <cctype>
#include <memory>

#include "data/dimensions.hpp"
#include "keywords.hpp"
#include "rules.hpp"
#include "text/text.hpp"

namespace icq::grammar {

namespace {

namespace pt = tao::pegtl::parse_tree;
using namespace rules;

// --- errors ---------------------------------------------------------------------------------

enum class Suggest { none, statement, clause, dimension, target };

struct ErrorInfo {
  const char* message;  // may contain {word} and {prev}: the offending word and the one before it
  const char* help;
  Suggest suggest = Suggest::none;
};

template <typename Rule>
inline constexpr const ErrorInfo* error_info = nullptr;

#define ICQ_ERROR(rule, ...)                            \
  inline constexpr ErrorInfo rule##_error{__VA_ARGS__}; \
  template <>                                           \
  inline constexpr const ErrorInfo* error_info<rule> = &rule##_error

ICQ_ERROR(
    statement_start, "unknown statement '{word}'",
    "statements: compare, rank, crossover, frontier, points, trend, accuracy, list, describe, set, let, param, load, explain, plot, expect, help",
    Suggest::statement);
ICQ_ERROR(statement_end, "unexpected '{word}' in this statement",
          "clauses: on, model, precision, framework, spec, seq, deployment, vendor, where, as of, on date, at, "
          "clamp, show, using prices, tokens; end a statement with ';' or a newline",
          Suggest::clause);
ICQ_ERROR(compare_sides, "expected what to compare after 'compare'",
          "compare DIMENSION A vs B …  (dimensions: precision, spec, gpu, framework, family, deployment, vendor, "
          "seq, model, date)  or  compare (FILTERS) vs (FILTERS) …",
          Suggest::dimension);
ICQ_ERROR(rank_dimension, "expected what to rank after 'rank'",
          "rank DIMENSION by METRIC at T …  (dimensions: gpu, precision, framework, family, spec, deployment, vendor, seq, "
          "model, config)",
          Suggest::dimension);
ICQ_ERROR(side_value, "expected a value to compare after '{prev}'", "e.g. compare precision fp4 vs fp8");
ICQ_ERROR(kw_vs, "a comparison needs two or more sides: expected 'vs' after '{prev}'", "e.g. compare precision fp4 vs fp8");
ICQ_ERROR(paren_side, "expected a parenthesised filter set after 'vs'",
          "e.g. compare (gpu h200 precision fp8) vs (gpu b200 precision fp4)");
ICQ_ERROR(side_filters, "expected filters inside the parentheses", "e.g. (gpu h200 precision fp8)");
ICQ_ERROR(close_paren, "expected ')'", "close the parenthesis opened before");
ICQ_ERROR(filter_values, "expected a value after '{prev}'", "e.g. on mi355x, b200  |  model dsr1  |  seq 8k/1k");
ICQ_ERROR(value, "expected a value after '{prev}'", "e.g. on mi355x, b200  |  model dsr1  |  seq 8k/1k");
ICQ_ERROR(where_expr, "expected a condition after 'where'", "e.g. where tp <= 8 and conc >= 16  |  where framework in (sglang, vllm)");
ICQ_ERROR(or_expr, "expected a condition", "e.g. where (tp <= 8 or gpus = 16) and conc >= 4");
ICQ_ERROR(and_expr, "expected a condition after '{prev}'", "e.g. where tp <= 8 or conc >= 16");
ICQ_ERROR(primary, "expected a condition after '{prev}'", "e.g. where not framework = sglang");
ICQ_ERROR(test, "expected a comparison after '{prev}': =, !=, <, <=, >, >= or in (…)",
          "e.g. where tp <= 8  |  where framework in (sglang, vllm)");
ICQ_ERROR(operand, "expected a value after '{prev}'", "e.g. where conc >= 16");
ICQ_ERROR(in_list, "expected '(' and a list of values after 'in'", "e.g. where framework in (sglang, vllm)");
ICQ_ERROR(operand_list, "expected values inside 'in (…)'", "e.g. where framework in (sglang, vllm)");
ICQ_ERROR(kw_of, "expected 'of' after 'as'", "e.g. as of 2026-05-01");
ICQ_ERROR(date_value, "expected a date (YYYY-MM-DD) after '{prev}'", "e.g. as of 2026-05-01  |  on date 2026-05-19");
ICQ_ERROR(targets, "expected target interactivities after 'at'",
          "e.g. at interactivity 56, 98, 139  |  at 20..200 step 20  |  at band 25%, 50%, 75%", Suggest::target);
ICQ_ERROR(target_list, "expected target interactivities (tok/s/user) after '{prev}'",
          "e.g. at interactivity 56, 98, 139  |  at 20..200 step 20", Suggest::target);
ICQ_ERROR(target_item, "expected a target interactivity (tok/s/user) after '{prev}'",
          "e.g. at interactivity 56, 98, 139  |  at 20..200 step 20");
ICQ_ERROR(range_to, "expected the end of the range after '..'", "e.g. at interactivity 20..200 step 20");
ICQ_ERROR(range_step, "expected a step size after 'step'", "e.g. at interactivity 20..200 step 20");
ICQ_ERROR(percent_list, "expected band percentages after 'band'", "e.g. at band 10%, 50%, 90%");
ICQ_ERROR(percent_item, "expected a band percentage after '{prev}'", "e.g. at band 10%, 50%, 90%");
ICQ_ERROR(metric_item, "expected a metric after '{prev}'", "e.g. show throughput, cost, power, concurrency, ttft p99");
ICQ_ERROR(metric_list, "expected metrics after 'show'", "e.g. show throughput, cost, power, concurrency, ttft p99");
ICQ_ERROR(using_item, "expected prices, cost, dashboard or interactivity after 'using'",
          "e.g. using prices 2026-04  |  using cost splined  |  using dashboard 2026-07-15  |  using interactivity p90");
ICQ_ERROR(price_words, "expected a price edition or tier after 'using prices'",
          "editions: 2026-04, 2026-07, 2026-09 (default); tiers: hyperscaler (default), neocloud, rental");
ICQ_ERROR(cost_method, "expected splined or derived after 'using cost'", "e.g. using cost splined  |  using cost derived (default)");
ICQ_ERROR(dashboard_date, "expected a date (YYYY-MM-DD) after 'using dashboard'", "e.g. using dashboard 2026-07-15");
ICQ_ERROR(percentile_word, "expected p50, p90 or p99 after 'using interactivity'", "e.g. using interactivity p90");
ICQ_ERROR(token_word, "expected total, output or input after 'tokens'", "e.g. tokens output");
ICQ_ERROR(
    list_what, "expected what to list after 'list'",
    "list gpus | models | precisions | frameworks | families | specs | deployments | vendors | sequences | dates | metrics | editions");
ICQ_ERROR(describe_kind, "expected what to describe after 'describe'",
          "e.g. describe gpu mi355x  |  describe model dsr1  |  describe metric cost");
ICQ_ERROR(describe_name, "expected a name after '{prev}'", "e.g. describe gpu mi355x");
ICQ_ERROR(side_term, "expected another side after 'vs': a parenthesised filter set or a let name",
          "e.g. compare (gpu h200 precision fp8) vs (gpu b200 precision fp4)  |  let amd = (vendor amd); compare amd vs (gpu b200)");
ICQ_ERROR(by_field, "expected what to group by after 'by'", "e.g. by gpu  |  by precision  |  by framework");
ICQ_ERROR(kw_by, "expected 'by' after 'order'", "e.g. order by throughput desc");
ICQ_ERROR(order_list, "expected columns to order by", "e.g. order by throughput desc, conc");
ICQ_ERROR(order_item, "expected a column after '{prev}'", "e.g. order by throughput desc, conc");
ICQ_ERROR(kw_noise, "expected 'noise' after 'with'", "e.g. compare … with noise  |  with noise last 10");
ICQ_ERROR(noise_runs, "expected how many run dates after 'last'", "e.g. with noise last 10");
ICQ_ERROR(limit_value, "expected a row count after 'limit'", "e.g. limit 10");
ICQ_ERROR(trend_metrics, "expected the metric to follow after 'trend'", "e.g. trend throughput on b200 model dsr1 precision fp4 at 50");
ICQ_ERROR(set_name, "expected what to set after 'set'",
          "set price GPU $/H | set power GPU KW | set prices EDITION|TIER | set format FORMAT");
ICQ_ERROR(set_args, "expected a value after 'set {prev}'",
          "set price GPU $/H | set power GPU KW | set prices EDITION|TIER | set format FORMAT");
ICQ_ERROR(let_name, "expected a name after 'let' (letters, digits, '_'; not a keyword)", "e.g. let amd = (vendor amd)");
ICQ_ERROR(equals, "expected '=' after '{prev}'", "e.g. let amd = (vendor amd)  |  param target = 50");
ICQ_ERROR(param_name, "expected a parameter name after 'param'", "e.g. param target = 50");
ICQ_ERROR(param_value, "expected a value after '='", "e.g. param target = 50");
ICQ_ERROR(load_path, "expected a file or folder after 'load'", "e.g. load \"results/\"");
ICQ_ERROR(explained, "expected a statement to explain after 'explain'", "explain compare … | frontier … | points … | trend … | accuracy …");
ICQ_ERROR(plotted, "expected a statement to plot after 'plot'", "plot compare … | rank … | frontier … | points … | trend …");
ICQ_ERROR(expect_expr, "expected a comparison after '{prev}'",
          "e.g. expect cost(fp4) < cost(fp8) at 56  |  expect throughput(fp8) >= 1.2 * throughput(fp4)");
ICQ_ERROR(expect_cmp, "expected a comparison operator after '{prev}': <, <=, >, >=, = or !=", "e.g. expect cost(fp4) < cost(fp8)");
ICQ_ERROR(expect_rhs, "expected a metric of a side or a number after '{prev}'",
          "e.g. expect cost(fp4) < cost(fp8)  |  expect cost(fp4) < 0.30");
ICQ_ERROR(call_side, "expected the side in parentheses after '{prev}'", "e.g. cost(fp4)");
ICQ_ERROR(number, "expected a number after '{prev}'", "e.g. expect throughput(fp8) >= 1.2 * throughput(fp4)");
ICQ_ERROR(metric_call, "expected a metric of a side after '*'", "e.g. expect throughput(fp8) >= 1.2 * throughput(fp4)");
ICQ_ERROR(expect_targets, "expected target interactivities after 'at'", "e.g. expect cost(fp4) < cost(fp8) at 56, 98");
#undef ICQ_ERROR

struct RaisedError {
  const ErrorInfo* info;
  std::size_t offset;
};

template <typename Rule>
struct control : tao::pegtl::normal<Rule> {
  template <typename Input, typename... States>
  [[noreturn]] static void raise(const Input& in, States&&...) {
    static_assert(error_info<Rule> != nullptr, "every must<> rule of the grammar needs an error_info entry");
    throw RaisedError{error_info<Rule>, in.byte()};
  }
};

// --- parse tree selection ---------------------------------------------------------------------

template <typename Rule>
using selector = pt::selector<
    Rule,
    pt::store_content::on<
        compare_stmt, rank_stmt, crossover_stmt, rank_dimension, all_values, list_stmt, describe_stmt, help_stmt, dimension, side_value,
        paren_side, filter, filter_key, value, where_clause, or_expr, and_expr, not_expr, comparison, field, field_qualifier, cmp_op,
        operand, in_test, not_in_test, as_of_clause, on_date_clause, date_value, targets_clause, band_targets, interactivity_targets,
        target_item, target_number, range_to, range_step, percent_item, clamp_clause, show_clause, metric_item, metric_name, qualifier,
        using_prices, using_cost, using_dashboard, using_interactivity, cost_method, dashboard_date, percentile_word, price_word,
        tokens_clause, token_word, list_what, describe_kind, describe_name, help_topic, let_ref, let_side, since_clause, by_clause,
        order_item, order_column, order_qualifier, order_direction, limit_clause, noise_clause, noise_runs, frontier_stmt, points_stmt,
        trend_stmt, trend_metrics, accuracy_stmt, set_stmt, set_name, set_arg, let_stmt, let_name, param_stmt, param_name, param_value,
        load_stmt, load_path, explain_stmt, plot_stmt, by_field, limit_value, expect_stmt, expect_operand, expect_rhs, expect_cmp,
        call_metric, call_side, number, factor, expect_targets, scale, expect_solid>>;

// PEGTL makes a node for every attempt at a rule that may hold selected ones and drops most of
// them (a compare statement makes about ninety): nodes come from a small per-thread free list
// instead of the heap each time. Not under AddressSanitizer, which should see every node.
struct Node : pt::basic_node<Node> {
  static void* operator new(std::size_t size);
  static void operator delete(void* p, std::size_t size) noexcept;
};

#if defined(__SANITIZE_ADDRESS__)  // GCC
#define ICQ_UNDER_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)  // Clang
#define ICQ_UNDER_ASAN 1
#endif
#endif
#ifndef ICQ_UNDER_ASAN
#define ICQ_UNDER_ASAN 0
#endif
constexpr std::size_t kPooledNodes = ICQ_UNDER_ASAN ? 0 : 128;

struct NodePool {
  std::array<void*, kPooledNodes> free{};
  std::size_t count = 0;
  NodePool() = default;
  NodePool(const NodePool&) = delete;
  NodePool& operator=(const NodePool&) = delete;
  ~NodePool() {
    for (std::size_t i = 0; i < count; ++i) ::operator delete(free[i]);  // unsized: Clang's default
  }
};

NodePool& node_pool() noexcept {
  thread_local NodePool pool;
  return pool;
}

void* Node::operator new(std::size_t size) {
  NodePool& pool = node_pool();
  if (size == sizeof(Node) && pool.count > 0) return pool.free[--pool.count];
  return ::operator new(size);
}

void Node::operator delete(void* p, std::size_t size) noexcept {
  NodePool& pool = node_pool();
  if (size == sizeof(Node) && pool.count < kPooledNodes) {
    pool.free[pool.count++] = p;
    return;
  }
  ::operator delete(p);
}

ast::Span span_of(const Node& n) { return {static_cast<std::uint32_t>(n.begin().byte), static_cast<std::uint32_t>(n.end().byte)}; }

ast::Word word_of(const Node& n) {
  ast::Word w;
  w.text = n.string();
  w.span = span_of(n);
  const std::string& t = w.text;
  if (!t.empty() && t[0] == '$') {
    w.kind = ast::Word::Kind::param;
    w.text = t.substr(1);
  } else if (t.size() >= 2 && t.front() == '"' && t.back() == '"') {
    w.kind = ast::Word::Kind::string;
    w.text = t.substr(1, t.size() - 2);
  } else if (t.size() == 10 && t[4] == '-' && t[7] == '-' && std::isdigit(static_cast<unsigned char>(t[0]))) {
    w.kind = ast::Word::Kind::date;
  } else {
    char* end = nullptr;
    (void)std::strtod(t.c_str(), &end);
    if (!t.empty() && end && *end == '\0') w.kind = ast::Word::Kind::number;
  }
  return w;
}

// Canonical spelling of a filter keyword: `on`/`hardware` mean gpu.
std::string filter_key_name(const Node& n) {
  std::string k = text::lower(n.string_view());
  return (k == "on" || k == "hardware") ? "gpu" : k;
}

ast::Filter to_filter(const Node& n) {
  ast::Filter f;
  for (const auto& c : n.children) {
    if (c->is_type<filter_key>()) {
      f.key = filter_key_name(*c);
      f.key_span = span_of(*c);
    } else if (c->is_type<value>()) {
      f.values.push_back(word_of(*c));
    }
  }
  return f;
}

ast::Expr to_expr(const Node& n);

ast::Expr combine(const Node& n, ast::Expr::Op op) {
  if (n.children.size() == 1) return to_expr(*n.children.front());
  ast::Expr e;
  e.op = op;
  e.span = span_of(n);
  for (const auto& c : n.children) e.children.push_back(to_expr(*c));
  return e;
}

ast::Expr to_expr(const Node& n) {
  if (n.is_type<or_expr>()) return combine(n, ast::Expr::Op::or_);
  if (n.is_type<and_expr>()) return combine(n, ast::Expr::Op::and_);
  ast::Expr e;
  e.span = span_of(n);
  if (n.is_type<not_expr>()) {
    e.op = ast::Expr::Op::not_;
    e.children.push_back(to_expr(*n.children.front()));
    return e;
  }
  // comparison: field, then cmp_op + operand | in_test | not_in_test
  for (const auto& c : n.children) {
    if (c->is_type<field>()) {
      e.field = word_of(*c);
    } else if (c->is_type<field_qualifier>()) {
      e.qualifier = word_of(*c);
    } else if (c->is_type<cmp_op>()) {
      e.op = ast::Expr::Op::compare;
      e.cmp = c->string();
      if (e.cmp == "==") e.cmp = "=";
      if (e.cmp == "<>") e.cmp = "!=";
    } else if (c->is_type<operand>()) {
      e.operands.push_back(word_of(*c));
    } else if (c->is_type<in_test>() || c->is_type<not_in_test>()) {
      e.op = c->is_type<in_test>() ? ast::Expr::Op::in : ast::Expr::Op::not_in;
      for (const auto& o : c->children) e.operands.push_back(word_of(*o));
    }
  }
  return e;
}

ast::DateSelection to_date(const Node& n) {
  ast::DateSelection d;
  d.kind = n.is_type<as_of_clause>() ? ast::DateSelection::Kind::as_of : ast::DateSelection::Kind::on;
  d.span = span_of(n);
  for (const auto& c : n.children)
    if (c->is_type<date_value>()) d.date = word_of(*c);
  return d;
}

ast::Targets to_targets(const Node& n) {
  ast::Targets t;
  t.span = span_of(n);
  const Node& body = *n.children.front();
  t.kind = body.is_type<band_targets>() ? ast::Targets::Kind::band : ast::Targets::Kind::interactivity;
  for (const auto& item : body.children) {
    ast::TargetItem ti;
    ti.span = span_of(*item);
    for (const auto& c : item->children) {
      if (c->is_type<target_number>()) ti.value = word_of(*c);
      else if (c->is_type<range_to>()) ti.to = word_of(*c);
      else if (c->is_type<range_step>()) ti.step = word_of(*c);
    }
    t.items.push_back(std::move(ti));
  }
  return t;
}

std::vector<ast::MetricRef> to_metrics(const Node& list);

// A clause that may appear once, given twice: reported at the second, like a syntax error.
struct RepeatedClause {
  ast::Span span;
  std::string clause, help;
};
[[noreturn]] void repeated(ast::Span span, std::string clause, std::string help = {}) {
  throw RepeatedClause{span, std::move(clause), std::move(help)};
}
constexpr const char* kUsingNames[] = {"prices", "cost", "dashboard", "interactivity"};

// The clauses that choose rows: filters, conditions, the run date and let names.
bool add_selection_clause(const Node& c, ast::Clauses& out) {
  if (c.is_type<filter>()) {
    out.filters.push_back(to_filter(c));
  } else if (c.is_type<where_clause>()) {
    out.where.push_back(to_expr(*c.children.front()));
  } else if (c.is_type<as_of_clause>() || c.is_type<on_date_clause>()) {
    if (out.date) repeated(span_of(c), "as of / on date", "one run-date selection per statement (or per side)");
    out.date = to_date(c);
  } else if (c.is_type<let_ref>()) {
    out.lets.push_back(word_of(c));
  } else {
    return false;
  }
  return true;
}

bool is_using(const Node& c) {
  return c.is_type<using_prices>() || c.is_type<using_cost>() || c.is_type<using_dashboard>() || c.is_type<using_interactivity>();
}

void add_using(const Node& c, ast::Clauses& out) {
  ast::Using u;
  u.kind = c.is_type<using_prices>()      ? ast::Using::Kind::prices
           : c.is_type<using_cost>()      ? ast::Using::Kind::cost
           : c.is_type<using_dashboard>() ? ast::Using::Kind::dashboard
                                          : ast::Using::Kind::interactivity;
  u.span = span_of(c);
  for (const auto& w : c.children) u.words.push_back(word_of(*w));
  // Prices may be given in several clauses (edition in one, tier in another); the binder checks
  // those. Any other `using` item twice is a contradiction or a repeat.
  if (u.kind != ast::Using::Kind::prices)
    for (const auto& prev : out.usings)
      if (prev.kind == u.kind) repeated(u.span, std::string("using ") + kUsingNames[static_cast<int>(u.kind)]);
  out.usings.push_back(std::move(u));
}

// The clauses that say where and how values are read: targets, clamp, show, using and tokens.
bool add_reading_clause(const Node& c, ast::Clauses& out) {
  if (c.is_type<targets_clause>()) {
    if (out.targets) repeated(span_of(c), "at", "list every target in one clause: at interactivity 50, 60");
    out.targets = to_targets(c);
  } else if (c.is_type<clamp_clause>()) {
    if (out.clamp) repeated(span_of(c), "clamp");
    out.clamp = span_of(c);
  } else if (c.is_type<show_clause>()) {
    out.show_span = span_of(c);
    for (auto& m : to_metrics(c)) out.show.push_back(std::move(m));
  } else if (is_using(c)) {
    add_using(c, out);
  } else if (c.is_type<tokens_clause>()) {
    if (out.tokens) repeated(span_of(c), "tokens");
    out.tokens = word_of(*c.children.front());
  } else {
    return false;
  }
  return true;
}

ast::OrderItem to_order_item(const Node& c) {
  ast::OrderItem item;
  for (const auto& part : c.children) {
    if (part->is_type<order_column>()) item.column = word_of(*part);
    else if (part->is_type<order_qualifier>()) item.qualifier = word_of(*part);
    else item.descending = text::iequals(part->string_view(), "desc");
  }
  return item;
}

// The clauses of single statements: since and by (trend, rank, crossover), with noise (compare),
// limit and order by (points, accuracy, rank).
bool add_statement_clause(const Node& c, ast::Clauses& out) {
  if (c.is_type<since_clause>()) {
    if (out.since) repeated(span_of(c), "since");
    out.since = word_of(*c.children.front());
  } else if (c.is_type<by_clause>()) {
    if (out.by) repeated(span_of(c), "by");
    out.by = word_of(*c.children.front());
  } else if (c.is_type<noise_clause>()) {
    if (out.noise) repeated(span_of(c), "with noise");
    out.noise = ast::Word{};
    out.noise->span = span_of(c);
    if (!c.children.empty()) out.noise->text = c.children.front()->string();
  } else if (c.is_type<limit_clause>()) {
    if (out.limit) repeated(span_of(c), "limit");
    out.limit = word_of(*c.children.front());
  } else if (c.is_type<order_item>()) {
    out.order.push_back(to_order_item(c));
  } else {
    return false;
  }
  return true;
}

// A clause into `out` (a node that is none is skipped); the kinds are disjoint, so the first that
// knows the clause takes it.
void add_clause(const Node& c, ast::Clauses& out) {
  if (!add_selection_clause(c, out) && !add_reading_clause(c, out)) add_statement_clause(c, out);
}

std::vector<ast::MetricRef> to_metrics(const Node& list) {
  std::vector<ast::MetricRef> out;
  for (const auto& m : list.children) {
    ast::MetricRef ref;
    ref.span = span_of(*m);
    for (const auto& part : m->children) {
      if (part->is_type<metric_name>()) ref.name = word_of(*part);
      else ref.qualifier = word_of(*part);
    }
    out.push_back(std::move(ref));
  }
  return out;
}

ast::Side to_side(const Node& n) {
  ast::Side s;
  s.span = span_of(n);
  if (n.is_type<side_value>()) {
    s.value = word_of(n);
    return s;
  }
  if (n.is_type<let_side>()) {
    s.let = word_of(n);
    return s;
  }
  ast::Clauses tmp;
  for (const auto& c : n.children) add_clause(*c, tmp);
  s.filters = std::move(tmp.filters);
  s.where = std::move(tmp.where);
  s.date = std::move(tmp.date);
  s.lets = std::move(tmp.lets);
  return s;
}

// compare and crossover: the dimension, its sides (or `all`) and the clauses.
ast::Compare to_compare(const Node& stmt) {
  ast::Compare c;
  for (const auto& ch : stmt.children) {
    if (ch->is_type<dimension>()) c.dimension = word_of(*ch);
    else if (ch->is_type<all_values>()) c.all_values = span_of(*ch);
    else if (ch->is_type<side_value>() || ch->is_type<paren_side>() || ch->is_type<let_side>()) c.sides.push_back(to_side(*ch));
    else add_clause(*ch, c.clauses);
  }
  if (c.dimension) c.dimension->text = text::lower(c.dimension->text);
  return c;
}

ast::Rank to_rank(const Node& n) {
  ast::Rank r;
  for (const auto& ch : n.children) {
    if (ch->is_type<rank_dimension>()) r.dimension = word_of(*ch), r.dimension.text = text::lower(r.dimension.text);
    else add_clause(*ch, r.clauses);
  }
  return r;
}

ast::List to_list(const Node& n) {
  ast::List l;
  for (const auto& ch : n.children) {
    if (ch->is_type<list_what>()) l.what = word_of(*ch);
    else add_clause(*ch, l.clauses);
  }
  return l;
}

ast::Describe to_describe(const Node& n) {
  ast::Describe d;
  for (const auto& ch : n.children) {
    if (ch->is_type<describe_kind>()) d.kind = word_of(*ch);
    else d.name = word_of(*ch);
  }
  return d;
}

// The clauses of frontier, points, accuracy and trend (whose metrics are read apart).
ast::Clauses clauses_of(const Node& stmt) {
  ast::Clauses c;
  for (const auto& ch : stmt.children)
    if (!ch->is_type<trend_metrics>()) add_clause(*ch, c);
  return c;
}

ast::Trend to_trend(const Node& n) {
  ast::Trend t;
  t.clauses = clauses_of(n);
  for (const auto& ch : n.children)
    if (ch->is_type<trend_metrics>()) t.metrics = to_metrics(*ch);
  return t;
}

ast::Set to_set(const Node& n) {
  ast::Set st;
  for (const auto& ch : n.children) {
    if (ch->is_type<set_name>()) st.name = word_of(*ch);
    else st.args.push_back(word_of(*ch));
  }
  return st;
}

ast::Let to_let(const Node& n) {
  ast::Let l;
  for (const auto& ch : n.children) {
    if (ch->is_type<let_name>()) l.name = word_of(*ch);
    else l.side = to_side(*ch);
  }
  return l;
}

ast::Param to_param(const Node& n) {
  ast::Param p;
  for (const auto& ch : n.children) {
    if (ch->is_type<param_name>()) p.name = word_of(*ch);
    else p.value = word_of(*ch);
  }
  return p;
}

// One side of an expectation: metric(side) or a number, times an optional factor.
ast::ExpectOperand to_operand(const Node& op) {
  ast::ExpectOperand o;
  o.span = span_of(op);
  for (const auto& part : op.children) {
    if (part->is_type<call_metric>()) o.metric = word_of(*part);
    else if (part->is_type<call_side>() || part->is_type<number>()) o.side_or_number = word_of(*part);
    else if (part->is_type<factor>()) o.factor = word_of(*part->children.front());
    else if (part->is_type<scale>()) o.factor = word_of(*part);
  }
  return o;
}

// An expectation's targets: numbers and ranges with their steps.
std::vector<ast::TargetItem> to_expect_targets(const Node& list) {
  std::vector<ast::TargetItem> out;
  for (const auto& item : list.children) {
    ast::TargetItem ti;
    ti.span = span_of(*item);
    for (const auto& c : item->children) {
      if (c->is_type<target_number>()) ti.value = word_of(*c);
      else if (c->is_type<range_to>()) ti.to = word_of(*c);
      else if (c->is_type<range_step>()) ti.step = word_of(*c);
    }
    out.push_back(std::move(ti));
  }
  return out;
}

ast::Expect to_expect(const Node& n) {
  ast::Expect e;
  bool left = true;
  for (const auto& ch : n.children) {
    if (ch->is_type<expect_operand>() && left) {
      e.left = to_operand(*ch);
      left = false;
    } else if (ch->is_type<expect_rhs>()) {
      e.right = to_operand(*ch);
    } else if (ch->is_type<expect_solid>()) {
      e.solid = true;
      e.every_value = left;  // `expect solid`: no comparison before it
    } else if (ch->is_type<expect_cmp>()) {
      e.cmp = ch->string();
      if (e.cmp == "==") e.cmp = "=";
      if (e.cmp == "<>") e.cmp = "!=";
    } else if (ch->is_type<expect_targets>()) {
      for (auto& ti : to_expect_targets(*ch)) e.targets.push_back(std::move(ti));
    }
  }
  return e;
}

ast::StatementBody to_statement(const Node& n) {
  if (n.is_type<compare_stmt>()) return to_compare(n);
  if (n.is_type<crossover_stmt>()) return ast::Crossover{to_compare(n)};
  if (n.is_type<rank_stmt>()) return to_rank(n);
  if (n.is_type<list_stmt>()) return to_list(n);
  if (n.is_type<describe_stmt>()) return to_describe(n);
  if (n.is_type<frontier_stmt>()) return ast::Frontier{clauses_of(n)};
  if (n.is_type<points_stmt>()) return ast::Points{clauses_of(n)};
  if (n.is_type<accuracy_stmt>()) return ast::Accuracy{clauses_of(n)};
  if (n.is_type<trend_stmt>()) return to_trend(n);
  if (n.is_type<set_stmt>()) return to_set(n);
  if (n.is_type<let_stmt>()) return to_let(n);
  if (n.is_type<param_stmt>()) return to_param(n);
  if (n.is_type<load_stmt>()) return ast::Load{word_of(*n.children.front())};
  if (n.is_type<expect_stmt>()) return to_expect(n);
  if (n.is_type<explain_stmt>() || n.is_type<plot_stmt>()) {
    const Node& inner = *n.children.front();
    ast::Statement s;
    s.body = to_statement(inner);
    s.span = span_of(inner);
    s.text = inner.string();
    if (n.is_type<plot_stmt>()) return ast::Plot{{std::move(s)}};
    ast::Explain e;
    e.inner.push_back(std::move(s));
    return e;
  }
  ast::Help h;
  if (!n.children.empty()) h.topic = word_of(*n.children.front());
  return h;
}

bool is_word_char(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) || c == '.' || c == '-' || c == '_' || c == '/' || c == '+' || c == '*' || c == '$';
}

std::string replace_all(std::string s, std::string_view from, std::string_view to) {
  for (std::size_t p = s.find(from); p != std::string::npos; p = s.find(from, p + to.size())) s.replace(p, from.size(), to);
  return s;
}

bool is_blank(char c) { return c == ' ' || c == '\t'; }
bool is_utf8_continuation(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

// The token an error points at, past blanks from the error position: a word, else one character
// (all of its UTF-8 bytes), else nothing (at a newline or the end).
struct Token {
  std::size_t begin = 0, end = 0;
};
Token token_at(std::string_view text, std::size_t offset) {
  Token t;
  t.begin = std::min(offset, text.size());
  while (t.begin < text.size() && (is_blank(text[t.begin]) || text[t.begin] == '\r')) ++t.begin;
  t.end = t.begin;
  while (t.end < text.size() && is_word_char(text[t.end])) ++t.end;
  if (t.end == t.begin && t.begin < text.size() && text[t.begin] != '\n') {
    t.end = t.begin + 1;
    while (t.end < text.size() && is_utf8_continuation(text[t.end])) ++t.end;
  }
  return t;
}

// The word before the error position, for messages such as "expected a value after 'on'": a word,
// else a whole comparison operator ("after '<='"), else one character; `begin` is where it starts.
struct Before {
  std::size_t begin = 0;
  std::string text;
};
Before word_before(std::string_view text, std::size_t offset) {
  const std::size_t p = [&] {
    std::size_t e = std::min(offset, text.size());
    while (e > 0 && is_blank(text[e - 1])) --e;
    return e;
  }();
  std::size_t q = p;
  while (q > 0 && is_word_char(text[q - 1])) --q;
  if (q == p && p > 0) {
    auto op_char = [](char c) { return c == '<' || c == '>' || c == '=' || c == '!'; };
    q = p - 1;
    while (q > 0 && op_char(text[q]) && op_char(text[q - 1])) --q;
    while (q > 0 && is_utf8_continuation(text[q])) --q;  // a whole UTF-8 character
  }
  return {q, std::string(text.substr(q, p - q))};
}

// Nothing but white space from `at` on.
bool only_space_from(std::string_view text, std::size_t at) {
  while (at < text.size() && std::isspace(static_cast<unsigned char>(text[at]))) ++at;
  return at >= text.size();
}

// The error table's message with {word} and {prev} filled in ("end of line" for no word), and
// "(the input ended)" where that is news to the reader.
std::string error_message(const RaisedError& raised, std::string_view text, const Token& token, const std::string& word,
                          const std::string& prev, bool at_end) {
  std::string message = raised.info->message;
  if (word.empty() || text[token.begin] == '\n') message = replace_all(message, "'{word}'", "end of line");
  message = replace_all(replace_all(message, "{word}", word), "{prev}", prev);
  if (at_end && message.find("end of line") == std::string::npos && raised.info->suggest != Suggest::none &&
      raised.info->suggest != Suggest::target && raised.info != &statement_end_error)
    message += " (the input ended)";
  return message;
}

// The keywords closest to `word` among those the error expected.
std::vector<std::string> suggestions_for(Suggest suggest, const std::string& word) {
  static const std::vector<std::string> target_words = {"interactivity", "band"};
  switch (suggest) {
    case Suggest::statement: return text::closest(word, statement_keywords());
    case Suggest::clause: return text::closest(word, clause_keywords());
    case Suggest::dimension: return text::closest(word, dimension_keywords());
    case Suggest::target: return text::closest(word, target_words);
    case Suggest::none: break;
  }
  return {};
}

// Two spellings a reader would write, answered by name: `=>` for `>=`, `1e3` for a number.
void name_common_slips(ast::SyntaxError& e, const RaisedError& raised, const std::string& word, const Before& prev) {
  if (prev.text == "=" && (word.rfind(">", 0) == 0 || word.rfind("<", 0) == 0)) {
    const std::string op = "=" + word.substr(0, 1), meant = word.substr(0, 1) + "=";
    e.offset = static_cast<std::uint32_t>(prev.begin);
    e.length = 2;
    e.message = "'" + op + "' is not an operator";
    e.help = "comparisons: =, !=, <, <=, >, >= or in (…)";
    e.suggestions = {meant};
  } else if (raised.info->suggest == Suggest::target && !word.empty() && std::isdigit(static_cast<unsigned char>(word[0])) &&
             word.find_first_of("eE") != std::string::npos) {
    e.message = "'" + word + "' is not a number icq reads: targets are plain decimals (tok/s/user)";
    e.help = "e.g. at interactivity 50, 100.5";
  }
}

ast::SyntaxError to_error(std::string_view text, const RaisedError& raised) {
  const Token token = token_at(text, raised.offset);
  const std::string word(text.substr(token.begin, token.end - token.begin));
  const Before prev = word_before(text, raised.offset);
  ast::SyntaxError e;
  e.at_end = only_space_from(text, token.begin);
  e.offset = static_cast<std::uint32_t>(token.begin);
  e.length = static_cast<std::uint32_t>(token.end - token.begin);
  e.message = error_message(raised, text, token, word, prev.text, e.at_end);
  e.help = raised.info->help;
  if (!word.empty()) e.suggestions = suggestions_for(raised.info->suggest, word);
  name_common_slips(e, raised, word, prev);
  return e;
}

}  // namespace

const std::vector<std::string>& statement_keywords() {
  static const std::vector<std::string> k = [] {
    std::vector<std::string> v;
    for (const auto& d : statement_docs()) v.emplace_back(d.keyword);
    return v;
  }();
  return k;
}

const std::vector<std::string>& explainable_keywords() {
  static const std::vector<std::string> k = [] {
    std::vector<std::string> v;
    for (const auto& d : statement_docs())
      if (d.explainable) v.emplace_back(d.keyword);
    return v;
  }();
  return k;
}

const std::vector<std::string>& clause_keywords() {
  static const std::vector<std::string> k = [] {
    std::vector<std::string> v;
    for (const auto& d : clause_docs())
      if (std::string_view(d.keyword).find(' ') == std::string_view::npos) v.emplace_back(d.keyword);
    return v;
  }();
  return k;
}

// The line dimensions' keywords, from their table, and `date`: a new dimension needs no entry here.
const std::vector<std::string>& dimension_keywords() {
  static const std::vector<std::string> k = [] {
    std::vector<std::string> v;
    for (const auto& d : data::dimensions()) v.emplace_back(d.keyword);
    v.emplace_back("date");
    return v;
  }();
  return k;
}

const std::vector<std::string>& rank_keywords() {
  static const std::vector<std::string> k = [] {
    std::vector<std::string> v;
    for (const auto& d : data::dimensions()) v.emplace_back(d.keyword);
    v.emplace_back("config");
    return v;
  }();
  return k;
}

ParseResult parse(std::string_view text) {
  tao::pegtl::memory_input<> in(text.data(), text.size(), "query");
  try {
    auto root = pt::parse<program, Node, selector, tao::pegtl::nothing, control>(in);
    ast::Program prog;
    if (!root) {
      // Only a non-statement at the top can fail without raising; report it like statement_start.
      return to_error(text, RaisedError{&statement_start_error, 0});
    }
    for (const auto& n : root->children) {
      ast::Statement s;
      s.body = to_statement(*n);
      s.span = span_of(*n);
      s.text = n->string();
      prog.statements.push_back(std::move(s));
    }
    return prog;
  } catch (const RaisedError& raised) {
    return to_error(text, raised);
  } catch (const RepeatedClause& r) {
    ast::SyntaxError e;
    e.message = "`" + r.clause + "` is given twice; a statement takes it once";
    e.help = r.help.empty() ? "remove one of the `" + r.clause + "` clauses" : r.help;
    e.offset = r.span.begin;
    e.length = r.span.end - r.span.begin;
    return e;
  }
}

}  // namespace icq::grammar
