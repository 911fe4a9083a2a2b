#include "bind/columns.hpp"

#include <fmt/format.h>

#include <cmath>
#include <stdexcept>

#include "bind/query_error.hpp"
#include "catalog/catalog.hpp"
#include "catalog/economics.hpp"
#include "catalog/metrics.hpp"
#include "data/token_rate.hpp"
#include "num/decimal.hpp"
#include "text/dates.hpp"
#include "text/text.hpp"

namespace icq::interp {

namespace {

using data::Dataset;
using data::Field;
using data::Line;
using data::Row;

Value number(double v) { return std::isnan(v) ? Value{} : Value{v}; }

RowColumn text(std::string name, std::function<std::string(const Dataset&, const Row&)> f) {
  return {{std::move(name), "", Column::Type::text}, [f](const Dataset& ds, const Row& r) -> Value { return f(ds, r); }};
}

RowColumn integer(std::string name, std::function<std::int64_t(const Line&, const Row&)> f) {
  return {{std::move(name), "", Column::Type::integer}, [f](const Dataset& ds, const Row& r) -> Value { return f(ds.line_of(r), r); }};
}

RowColumn metric(std::string name, std::string unit, Field field, std::optional<NumberFormat> format = std::nullopt) {
  return {{std::move(name), std::move(unit), Column::Type::number, std::move(format)},
          [field](const Dataset&, const Row& r) -> Value { return number(r.get(field)); }};
}

// A row's token rate per GPU (SEMANTICS.md §4, data/token_rate): a disaggregated row's output
// (input) rate counts every GPU of the deployment; empty when its GPU counts do not check.
RowColumn rate(std::string name, Field field) {
  return {{std::move(name), "tok/s/GPU", Column::Type::number, number_format(*catalog::find_metric("throughput"))},
          [field](const Dataset& ds, const Row& r) -> Value { return number(data::token_rate(ds.line_of(r), r, field).value); },
          false,
          field};
}

std::string yes(bool b) { return b ? "yes" : "no"; }

std::string deployment(const Line& l) { return l.disagg ? "disagg" : l.is_multinode ? "multinode" : "single-node"; }

// Every plain column name, in the order `list fields`-style listings show them.
const std::vector<std::pair<std::string, RowColumn>>& plain_columns() {
  static const std::vector<std::pair<std::string, RowColumn>> cols = {
      {"gpu", text("gpu", [](const Dataset& ds, const Row& r) { return ds.line_of(r).hardware; })},
      {"model", text("model", [](const Dataset& ds, const Row& r) { return ds.line_of(r).model; })},
      {"framework", text("framework", [](const Dataset& ds, const Row& r) { return ds.line_of(r).framework; })},
      {"family", text("family", [](const Dataset& ds, const Row& r) { return catalog::family_of_framework(ds.line_of(r).framework); })},
      {"precision", text("precision", [](const Dataset& ds, const Row& r) { return ds.line_of(r).precision; })},
      {"spec", text("spec", [](const Dataset& ds, const Row& r) { return ds.line_of(r).spec_method; })},
      {"vendor", text("vendor", [](const Dataset& ds, const Row& r) { return catalog::vendor_of_gpu(ds.line_of(r).hardware); })},
      {"seq", text("seq", [](const Dataset& ds, const Row& r) { return ds.line_of(r).sequence(); })},
      {"deployment", text("deployment", [](const Dataset& ds, const Row& r) { return deployment(ds.line_of(r)); })},
      {"tp", integer("tp", [](const Line& l, const Row&) { return l.decode_tp; })},
      {"ep", integer("ep", [](const Line& l, const Row&) { return l.decode_ep; })},
      {"dp_attention", text("dp_attention", [](const Dataset& ds, const Row& r) { return yes(ds.line_of(r).decode_dp_attention); })},
      {"prefill_tp", integer("prefill_tp", [](const Line& l, const Row&) { return l.prefill_tp; })},
      {"prefill_ep", integer("prefill_ep", [](const Line& l, const Row&) { return l.prefill_ep; })},
      {"prefill_workers", integer("prefill_workers", [](const Line& l, const Row&) { return l.prefill_num_workers; })},
      {"decode_tp", integer("decode_tp", [](const Line& l, const Row&) { return l.decode_tp; })},
      {"decode_ep", integer("decode_ep", [](const Line& l, const Row&) { return l.decode_ep; })},
      {"decode_workers", integer("decode_workers", [](const Line& l, const Row&) { return l.decode_num_workers; })},
      {"prefill_gpus", integer("prefill_gpus", [](const Line& l, const Row&) { return l.num_prefill_gpu; })},
      {"decode_gpus", integer("decode_gpus", [](const Line& l, const Row&) { return l.num_decode_gpu; })},
      {"gpus", integer("gpus", [](const Line& l, const Row&) { return l.gpus(); })},
      {"disagg", text("disagg", [](const Dataset& ds, const Row& r) { return yes(ds.line_of(r).disagg); })},
      {"multinode", text("multinode", [](const Dataset& ds, const Row& r) { return yes(ds.line_of(r).is_multinode); })},
      {"isl", integer("isl", [](const Line& l, const Row&) { return l.isl; })},
      {"osl", integer("osl", [](const Line& l, const Row&) { return l.osl; })},
      {"conc", integer("conc", [](const Line&, const Row& r) { return r.conc; })},
      {"date", text("date", [](const Dataset&, const Row& r) { return text::format_date(r.date); })},
      {"image", text("image", [](const Dataset& ds, const Row& r) { return std::string(ds.str(r.image)); })},
      {"run_url", text("run_url", [](const Dataset& ds, const Row& r) { return ds.run_of(r).url; })},
      {"source", text("source", [](const Dataset& ds, const Row& r) { return ds.report().sources[r.source].name; })},
      {"interactivity", metric("interactivity", "tok/s/user", Field::median_intvty)},
      {"throughput", metric("throughput", "tok/s/GPU", Field::tput_per_gpu, number_format(*catalog::find_metric("throughput")))},
      {"output_throughput", rate("output_throughput", Field::output_tput_per_gpu)},
      {"input_throughput", rate("input_throughput", Field::input_tput_per_gpu)},
      {"power_w", metric("power_w", "W", Field::avg_power_w)},
  };
  return cols;
}

const RowColumn& plain(std::string_view name) {
  for (const auto& [n, c] : plain_columns())
    if (n == name) return c;
  throw std::logic_error("no plain column " + std::string(name));
}

// A row's economics at its own throughput of a token type (SEMANTICS.md §3–4, the derived method
// at a measured point): the same decimal arithmetic and token rates as a comparison's values.
RowColumn economics(const catalog::Metric& m, const Pricing& pricing, const std::string& tokens) {
  using Kind = catalog::MetricKind;
  const Kind kind = m.kind;
  const std::string key = (kind == Kind::power ? "tokens_per_mw" : m.key) + (tokens == "total" ? "" : " " + tokens);
  const Field field = tokens == "output" ? Field::output_tput_per_gpu : tokens == "input" ? Field::input_tput_per_gpu : Field::tput_per_gpu;
  return {{key, m.unit, Column::Type::number, number_format(m)},
          [kind, pricing, field](const Dataset& ds, const Row& r) -> Value {
            const double t = data::token_rate(ds.line_of(r), r, field).value;
            if (!(t > 0)) return {};
            const std::string& gpu = ds.line_of(r).hardware;
            const auto given = catalog::needs_power(kind) ? pricing.kw(gpu) : pricing.price(gpu);
            if (!given) return {};
            return catalog::economic_value_of(kind, t, *given);
          },
          true,
          field};
}

}  // namespace

std::vector<std::string> row_column_names() {
  std::vector<std::string> names;
  for (const auto& [n, _] : plain_columns()) names.push_back(n);
  for (const char* m : {"ttft", "tpot", "itl", "e2el", "cost", "tokens_per_dollar", "tokens_per_mw", "joules"}) names.emplace_back(m);
  for (std::size_t f = 0; f < data::kFieldCount; ++f) names.emplace_back(data::field_name(static_cast<Field>(f)));
  return names;
}

data::Stat bind_stat(std::string_view name, const std::optional<ast::Word>& qualifier) {
  if (!qualifier) return data::Stat::median;
  if (const auto stat = data::stat_from_word(qualifier->text)) return *stat;
  throw QueryError(fmt::format("'{}' takes {}, not '{}'", name, data::stat_words_text(), qualifier->text), qualifier->span);
}

RowColumn row_column(const std::string& name, const Pricing* pricing) {
  return row_column(ast::Word{name, {}, ast::Word::Kind::name}, std::nullopt, pricing);
}

RowColumn row_column(const ast::Word& word, const std::optional<ast::Word>& qualifier, const Pricing* pricing) {
  const std::string name = text::lower(word.text);
  const std::string q = qualifier ? text::lower(qualifier->text) : "";
  if (const catalog::Metric* m = catalog::find_metric(name); m && name != "power_w" && catalog::needs_economics(m->kind)) {
    // `cost output`: per output token, from the row's output rate (total tokens without a qualifier).
    if (qualifier && q != "total" && q != "output" && q != "input")
      throw QueryError(fmt::format("'{}' takes total, output or input tokens, not '{}'", name, qualifier->text), qualifier->span);
    if (!pricing) throw QueryError(fmt::format("'{}' is computed from prices; `points` has it, `frontier` does not", name), word.span);
    return economics(*m, *pricing, q.empty() ? "total" : q);
  }
  if (name == "throughput" || name == "tput") {
    if (q.empty() || q == "total") return plain("throughput");
    if (q == "output") return plain("output_throughput");
    if (q == "input") return plain("input_throughput");
    throw QueryError(fmt::format("'throughput' takes total, output or input, not '{}'", qualifier->text), qualifier->span);
  }
  for (const auto& [n, c] : plain_columns())
    if (n == name) {
      if (qualifier) throw QueryError(fmt::format("'{}' takes no qualifier ('{}')", n, qualifier->text), qualifier->span);
      return c;
    }
  if (const auto quantity = data::quantity_from_name(name)) {
    const data::Stat stat = bind_stat(name, qualifier);
    return metric(name + (stat == data::Stat::median ? "" : " " + q), *quantity == data::Quantity::intvty ? "tok/s/user" : "s",
                  data::stat_field(stat, *quantity));
  }
  if (const auto f = data::field_from_name(name)) return metric(name, "", *f);
  const auto s = text::closest(name, row_column_names());
  throw QueryError(fmt::format("unknown column '{}'", word.text), word.span,
                   s.empty() ? "columns: " + text::join(row_column_names(), ", ")
                             : "did you mean " + text::join_or([&] {
                                 std::vector<std::string> q2;
                                 for (const auto& x : s) q2.push_back("'" + x + "'");
                                 return q2;
                               }()) +
                                   "?",
                   s);
}

bool value_less(const Value& a, const Value& b) {
  const bool a_none = std::holds_alternative<std::monostate>(a), b_none = std::holds_alternative<std::monostate>(b);
  if (a_none || b_none) return !a_none && b_none;  // absent last
  auto num = [](const Value& v) -> std::optional<double> {
    if (const auto* d = std::get_if<double>(&v)) return *d;
    if (const auto* i = std::get_if<std::int64_t>(&v)) return static_cast<double>(*i);
    return std::nullopt;
  };
  const auto na = num(a), nb = num(b);
  if (na && nb) return *na < *nb;
  if (na || nb) return na.has_value();
  return std::get<std::string>(a) < std::get<std::string>(b);
}

bool sorts_before(const Value& a, const Value& b, bool descending) {
  if (value_less(a, b)) return !descending || std::holds_alternative<std::monostate>(b);
  if (value_less(b, a)) return descending && !std::holds_alternative<std::monostate>(a);
  return false;
}

}  // namespace icq::interp
