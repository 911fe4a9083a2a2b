// expect / assert: gates on the latest comparison. The comparison is evaluated again at the
// expectation's targets (or its own), with the metrics the expectation names, so a gate can ask
// about any interactivity and any metric.
#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "bind/query_error.hpp"
#include "catalog/metrics.hpp"
#include "eval/compare.hpp"
#include "eval/statements.hpp"
#include "num/decimal.hpp"
#include "render/numbers.hpp"
#include "text/text.hpp"

namespace icq::interp {

namespace {

// The bound metric an expectation names: a metric name or alias ("cost", "power"), or a JSON key
// ("tokens_per_mw", "ttft_p99", "output_throughput").
BoundMetric metric_named(const Binder& binder, const ast::Word& w) {
  ast::MetricRef ref;
  ref.name = w;
  const std::string key = text::lower(w.text);
  if (key == "tokens_per_mw") ref.name.text = "power";
  else if (key == "joules_per_token") ref.name.text = "joules";
  else if (key == "output_throughput" || key == "input_throughput") {
    ref.name.text = "throughput";
    ref.qualifier = ast::Word{key.substr(0, key.find('_')), w.span, ast::Word::Kind::name};
  } else if (const auto us = key.find('_'); us != std::string::npos && !catalog::find_metric(key)) {
    ref.name.text = key.substr(0, us);
    ref.qualifier = ast::Word{key.substr(us + 1), w.span, ast::Word::Kind::name};
  }
  return binder.bind_metric(ref);
}

bool holds(double a, const std::string& op, double b) {
  if (op == "<") return a < b;
  if (op == "<=") return a <= b;
  if (op == ">") return a > b;
  if (op == ">=") return a >= b;
  if (op == "=") return a == b;
  return a != b;
}

// One side of the expectation: metric(side) * factor, or a number * factor.
struct ExpectSide {
  std::optional<std::size_t> metric, side;
  double number = 0, factor = 1;
  std::string text;
};

// Every metric the expectation names joins the comparison's metrics.
ExpectSide bind_operand(const Binder& binder, BoundCompare& q, const ast::ExpectOperand& o) {
  ExpectSide out;
  out.text = binder.written_text(o.span);
  if (o.factor) out.factor = std::stod(o.factor->text);
  if (!o.metric) {
    out.number = std::stod(o.side_or_number.text);
    return out;
  }
  BoundMetric m = metric_named(binder, *o.metric);
  std::size_t mi = 0;
  while (mi < q.metrics.size() && q.metrics[mi].column.key != m.column.key) ++mi;
  if (mi == q.metrics.size()) q.metrics.push_back(std::move(m));
  q.metrics_explicit = true;
  out.metric = mi;
  std::size_t si = 0;
  while (si < q.sides.size() && !text::iequals(q.sides[si].label, o.side_or_number.text) &&
         !text::iequals(q.sides[si].display, o.side_or_number.text))
    ++si;
  if (si == q.sides.size()) {
    std::vector<std::string> labels;
    for (const auto& s : q.sides) labels.push_back(s.label);
    const auto s = text::closest(o.side_or_number.text, labels);
    throw QueryError(fmt::format("the latest comparison has no side '{}'", o.side_or_number.text), o.side_or_number.span,
                     s.empty() ? "its sides: " + text::join(labels, ", ") : "did you mean '" + s.front() + "'?", s);
  }
  out.side = si;
  return out;
}

// `solid`: a value between two configurations or across a wide gap fails the gate (SEMANTICS.md §12).
std::optional<std::string> weak(const BoundCompare& q, const TargetResult& t, std::size_t side) {
  const auto& sv = t.values[side];
  if (!sv.evidence || sv.evidence->solid()) return std::nullopt;
  return fmt::format("{} is {}", q.sides[side].display, evidence_words(*sv.evidence));
}

std::vector<std::string> weak_operands(const BoundCompare& q, const TargetResult& t, const ExpectSide& left, const ExpectSide& right) {
  std::vector<std::string> bad;
  for (const ExpectSide* o : {&left, &right})
    if (o->side)
      if (auto w = weak(q, t, *o->side); w && std::find(bad.begin(), bad.end(), *w) == bad.end()) bad.push_back(std::move(*w));
  return bad;
}

// The expectation as written, with the targets it is checked at.
std::string expect_query(const ast::Expect& e, const Binder& binder, const BoundCompare& q, const Result& r) {
  std::string query = binder.written_text({e.left.span.begin, e.right.span.end}) + " " +
                      (e.targets.empty() ? "at each target of: " + r.query : "at interactivity " + [&] {
                        std::vector<std::string> t;
                        for (double v : q.targets.values) t.push_back(number_text(v));
                        return text::join(t, ", ");
                      }());
  if (e.every_value)
    query = (e.targets.empty() ? "solid at each target of: " + r.query : "solid " + query.substr(query.find("at interactivity")));
  else if (e.solid) query += " solid";
  return "expect " + query;
}

std::optional<double> value_of(const ExpectSide& o, const TargetResult& t) {
  if (!o.metric) return o.number * o.factor;
  const auto& sv = t.values[*o.side];
  if (sv.status == Status::out_of_range) return std::nullopt;
  const auto& v = sv.values[*o.metric];
  if (!v) return std::nullopt;
  return *v * o.factor;
}

std::string shown(const Comparison& c, const ExpectSide& o, std::optional<double> v) {
  if (!v) return o.text + " = no value";
  return o.metric ? fmt::format("{} = {}", o.text, out::metric_cell(c.metrics[*o.metric], *v)) : o.text;
}

// `expect solid`: every side's value at every target is measured or along one configuration.
void check_every_value(const BoundCompare& q, const Comparison& c, Result& out, std::vector<std::string>& failures) {
  for (const auto& t : c.targets) {
    std::vector<std::string> bad;
    for (std::size_t si = 0; si < t.values.size(); ++si) {
      if (t.values[si].status == Status::out_of_range) bad.push_back(q.sides[si].display + " has no value (out of range)");
      else if (auto w = weak(q, t, si)) bad.push_back(std::move(*w));
    }
    if (bad.empty())
      out.notes.push_back(
          fmt::format("holds at {} tok/s/user: every value is measured or along one configuration", number_text(t.interactivity)));
    else failures.push_back(fmt::format("at {} tok/s/user: not solid: {}", number_text(t.interactivity), text::join(bad, "; ")));
  }
}

// The comparison at every target, and with `solid` the evidence of the values compared.
void check_comparison(const ast::Expect& e, const BoundCompare& q, const Comparison& c, const ExpectSide& left, const ExpectSide& right,
                      Result& out, std::vector<std::string>& failures) {
  for (const auto& t : c.targets) {
    const auto a = value_of(left, t), b = value_of(right, t);
    const std::string detail = fmt::format("{} {} {}", shown(c, left, a), e.cmp, shown(c, right, b));
    if (!a || !b) {
      failures.push_back(
          fmt::format("at {} tok/s/user: {} (out of range or not measured: cannot be checked)", number_text(t.interactivity), detail));
    } else if (!holds(*a, e.cmp, *b)) {
      failures.push_back(fmt::format("at {} tok/s/user: {} does not hold", number_text(t.interactivity), detail));
    } else if (const auto bad = e.solid ? weak_operands(q, t, left, right) : std::vector<std::string>{}; !bad.empty()) {
      failures.push_back(fmt::format("at {} tok/s/user: {} holds, but not on solid values: {}", number_text(t.interactivity), detail,
                                     text::join(bad, "; ")));
    } else {
      out.notes.push_back(fmt::format("holds at {} tok/s/user: {}", number_text(t.interactivity), detail));
    }
  }
}

}  // namespace

Result run_expect(const ast::Expect& e, const Binder& binder, const data::Dataset& ds, const BoundCompare* last,
                  std::vector<std::string>& failures) {
  if (!last)
    throw QueryError("expect checks the latest comparison, and there is none yet", e.left.span,
                     "run a compare first, e.g. compare precision fp4 vs fp8 on mi355x model dsr1");
  BoundCompare q = *last;
  if (!e.targets.empty()) {
    ast::Targets t;
    t.items = e.targets;
    q.targets.kind = TargetSpec::Kind::interactivity;
    q.targets.values = binder.bind_targets(t);
  }
  const ExpectSide left = e.every_value ? ExpectSide{} : bind_operand(binder, q, e.left);
  const ExpectSide right = e.every_value ? ExpectSide{} : bind_operand(binder, q, e.right);
  const Result r = run_compare(q, ds);
  const Comparison& c = *r.comparison;

  Result out;
  out.kind = Kind::expect;
  out.query = expect_query(e, binder, q, r);
  if (c.targets.empty()) failures.push_back("the comparison has no targets to check (no common band): give them with `at`");
  if (e.every_value) check_every_value(q, c, out, failures);
  else check_comparison(e, q, c, left, right, out, failures);
  return out;
}

}  // namespace icq::interp
