#include "bind/filters.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <set>

#include "bind/query_error.hpp"
#include "catalog/catalog.hpp"
#include "text/dates.hpp"
#include "text/text.hpp"

namespace icq::interp {

std::string_view field_keyword(LineField f) { return data::dimension(f).keyword; }

namespace {
// Lines against a key by one of their members, for binary searches over the lines' ordering.
template <const std::string data::Line::*Member>
struct KeyOrder {
  bool operator()(const data::Line& l, const std::string& k) const { return l.*Member < k; }
  bool operator()(const std::string& k, const data::Line& l) const { return k < l.*Member; }
};
}  // namespace

bool LineFilter::matches(const data::Line& line) const {
  const auto has = data::dimension(field).has;
  return std::any_of(values.begin(), values.end(), [&](const std::string& v) { return has(line, v); });
}

std::string LineFilter::text() const {
  std::string out(field_keyword(field));
  out += ' ';
  if (groups.empty()) return out += text::join(values, ", ");
  // A dashboard model group prints as its slug, so the resolved query pools the same keys again.
  std::vector<std::string> shown = groups;
  for (const auto& v : values) {
    const auto* g = field == LineField::model ? catalog::group_of_model(v) : nullptr;
    if (!g || std::find(groups.begin(), groups.end(), g->slug) == groups.end()) shown.push_back(v);
  }
  return out += text::join(shown, ", ");
}

const std::vector<RowFieldInfo>& row_fields() {
  using T = RowFieldInfo::Type;
  static const std::vector<RowFieldInfo> fields = {
      {"conc", RowField::conc, T::number, "client concurrency of the run"},
      {"tp", RowField::tp, T::number, "tensor parallelism (decode workers for disaggregated rows)"},
      {"ep", RowField::ep, T::number, "expert parallelism (decode workers for disaggregated rows)"},
      {"prefill_tp", RowField::prefill_tp, T::number, "prefill tensor parallelism"},
      {"decode_tp", RowField::decode_tp, T::number, "decode tensor parallelism"},
      {"prefill_ep", RowField::prefill_ep, T::number, "prefill expert parallelism"},
      {"decode_ep", RowField::decode_ep, T::number, "decode expert parallelism"},
      {"gpus", RowField::gpus, T::number, "GPUs serving one instance (prefill + decode when disaggregated)"},
      {"prefill_gpus", RowField::prefill_gpus, T::number, "prefill GPUs"},
      {"decode_gpus", RowField::decode_gpus, T::number, "decode GPUs"},
      {"dp_attention", RowField::dp_attention, T::boolean, "data-parallel attention (decode)"},
      {"isl", RowField::isl, T::number, "input sequence length"},
      {"osl", RowField::osl, T::number, "output sequence length"},
      {"date", RowField::date, T::date, "run date"},
      {"framework", RowField::framework, T::text, "serving framework key"},
      {"family", RowField::family, T::text, "framework family"},
      {"precision", RowField::precision, T::text, "precision key"},
      {"gpu", RowField::gpu, T::text, "GPU key"},
      {"model", RowField::model, T::text, "model key"},
      {"spec", RowField::spec, T::text, "speculative decoding method"},
      {"vendor", RowField::vendor, T::text, "GPU vendor"},
      {"image", RowField::image, T::text, "container image"},
      {"disagg", RowField::disagg, T::boolean, "prefill/decode disaggregated"},
      {"multinode", RowField::multinode, T::boolean, "served across nodes"},
  };
  return fields;
}

namespace {

double number_of(RowField f, const data::Line& l, const data::Row& r) {
  switch (f) {
    case RowField::conc: return r.conc;
    case RowField::tp: return l.decode_tp;
    case RowField::ep: return l.decode_ep;
    case RowField::prefill_tp: return l.prefill_tp;
    case RowField::decode_tp: return l.decode_tp;
    case RowField::prefill_ep: return l.prefill_ep;
    case RowField::decode_ep: return l.decode_ep;
    case RowField::gpus: return l.gpus();
    case RowField::prefill_gpus: return l.num_prefill_gpu;
    case RowField::decode_gpus: return l.num_decode_gpu;
    case RowField::dp_attention: return l.decode_dp_attention ? 1 : 0;
    case RowField::isl: return l.isl;
    case RowField::osl: return l.osl;
    case RowField::date: return r.date;
    case RowField::disagg: return l.disagg ? 1 : 0;
    case RowField::multinode: return l.is_multinode ? 1 : 0;
    default: return std::nan("");
  }
}

std::string text_of(RowField f, const data::Dataset& ds, const data::Line& l, const data::Row& r) {
  switch (f) {
    case RowField::framework: return l.framework;
    case RowField::family: return catalog::family_of_framework(l.framework);
    case RowField::precision: return l.precision;
    case RowField::gpu: return l.hardware;
    case RowField::model: return l.model;
    case RowField::spec: return l.spec_method;
    case RowField::vendor: return catalog::vendor_of_gpu(l.hardware);
    case RowField::image: return std::string(ds.str(r.image));
    default: return {};
  }
}

bool compare_numbers(double a, const std::string& op, double b) {
  if (op == "=") return a == b;
  if (op == "!=") return a != b;
  if (op == "<") return a < b;
  if (op == "<=") return a <= b;
  if (op == ">") return a > b;
  return a >= b;
}

}  // namespace

bool BoundExpr::reads_prices() const {
  return economic || std::any_of(children.begin(), children.end(), [](const BoundExpr& c) { return c.reads_prices(); });
}

bool BoundExpr::eval(const data::Dataset& ds, const data::Row& row) const {
  switch (op) {
    case Op::and_: return std::all_of(children.begin(), children.end(), [&](const BoundExpr& c) { return c.eval(ds, row); });
    case Op::or_: return std::any_of(children.begin(), children.end(), [&](const BoundExpr& c) { return c.eval(ds, row); });
    case Op::not_: return !children.front().eval(ds, row);
    default: break;
  }
  if (metric) {
    const auto v = metric(ds, row);
    if (!v) return false;
    auto equal = [&](const Operand& o) { return *v == o.number; };
    if (op == Op::in) return std::any_of(operands.begin(), operands.end(), equal);
    if (op == Op::not_in) return std::none_of(operands.begin(), operands.end(), equal);
    return compare_numbers(*v, cmp, operands.front().number);
  }
  const data::Line& line = ds.line_of(row);
  const bool is_text = type == RowFieldInfo::Type::text;
  auto equal = [&](const Operand& o) {
    return is_text ? text_of(field, ds, line, row) == o.text : number_of(field, line, row) == o.number;
  };
  if (op == Op::in) return std::any_of(operands.begin(), operands.end(), equal);
  if (op == Op::not_in) return std::none_of(operands.begin(), operands.end(), equal);
  if (is_text) {
    const bool eq = equal(operands.front());
    return cmp == "=" ? eq : !eq;
  }
  return compare_numbers(number_of(field, line, row), cmp, operands.front().number);
}

const char* percentile_name(Percentile p) {
  switch (p) {
    case Percentile::p50: return "p50";
    case Percentile::p90: return "p90";
    case Percentile::p99: return "p99";
  }
  return "p50";
}

std::optional<Percentile> percentile_from_name(std::string_view name) {
  const std::string n = text::lower(name);
  if (n == "p50" || n == "median") return Percentile::p50;
  if (n == "p90") return Percentile::p90;
  if (n == "p99") return Percentile::p99;
  return std::nullopt;
}

namespace {
// The stored interactivity and the ITL it is 1 / of, per percentile (SEMANTICS.md §9).
struct PercentileFields {
  data::Field intvty, itl;
};
PercentileFields fields_of(Percentile p) {
  switch (p) {
    case Percentile::p50: return {data::Field::median_intvty, data::Field::median_itl};
    case Percentile::p90: return {data::Field::p90_intvty, data::Field::p90_itl};
    case Percentile::p99: return {data::Field::p99_intvty, data::Field::p99_itl};
  }
  return {data::Field::median_intvty, data::Field::median_itl};
}
}  // namespace

Percentile Axis::of(const data::Line& line) const {
  if (chosen) return *chosen;
  return line.agentic() ? Percentile::p90 : Percentile::p50;
}

data::Field Axis::intvty_field(const data::Line& line) const { return fields_of(of(line)).intvty; }

double Axis::x(const data::Row& row, const data::Line& line) const {
  const bool agentic = line.agentic();
  const PercentileFields f = fields_of(chosen ? *chosen : agentic ? Percentile::p90 : Percentile::p50);
  if (agentic)
    if (const double v = row.get(f.itl); std::isfinite(v) && v > 0) return 1.0 / v;
  return row.get(f.intvty);
}

std::string DateSelection::text() const {
  switch (kind) {
    case Kind::latest: return {};
    case Kind::as_of: return "as of " + text::format_date(date);
    case Kind::on: return "on date " + text::format_date(date);
  }
  return {};
}

std::vector<std::string> present_values(const data::Dataset& ds, const std::vector<LineFilter>& filters, LineField f) {
  const auto keys_of = data::dimension(f).keys_of;
  std::set<std::string> out;
  for (const auto& l : ds.lines()) {
    if (!std::all_of(filters.begin(), filters.end(), [&](const LineFilter& x) { return x.matches(l); })) continue;
    for (auto& k : keys_of(l)) out.insert(std::move(k));
  }
  return {out.begin(), out.end()};
}

std::vector<std::string> present_values(const data::Dataset& ds, const Selection& sel, LineField f) {
  const auto keys_of = data::dimension(f).keys_of;
  const Selected selected = select_rows(ds, sel);
  std::set<std::uint32_t> lines;
  for (const auto* rows : {&selected.rows, &selected.unplottable})
    for (const std::uint32_t r : *rows) lines.insert(ds.rows()[r].line);
  std::set<std::string> out;
  for (const std::uint32_t l : lines)
    for (auto& k : keys_of(ds.lines()[l])) out.insert(std::move(k));
  return {out.begin(), out.end()};
}

const LineFilter* first_emptying_filter(const data::Dataset& ds, const std::vector<LineFilter>& filters) {
  for (std::size_t k = 0; k < filters.size(); ++k) {
    const bool any = std::any_of(ds.lines().begin(), ds.lines().end(), [&](const data::Line& l) {
      return std::all_of(filters.begin(), filters.begin() + static_cast<std::ptrdiff_t>(k + 1),
                         [&](const LineFilter& f) { return f.matches(l); });
    });
    if (!any) return &filters[k];
  }
  return nullptr;
}

void check_filters_match(const data::Dataset& ds, const std::vector<LineFilter>& filters) {
  const LineFilter* f = first_emptying_filter(ds, filters);
  if (!f) return;
  const std::vector<LineFilter> before(filters.begin(), filters.begin() + (f - filters.data()));
  std::string under;
  for (const auto& g : before) under += " " + g.text();
  const auto there = present_values(ds, before, f->field);
  throw QueryError(fmt::format("no rows with {}{}{}", f->text(), under.empty() ? "" : " under", under), {f->begin, f->end},
                   there.empty() ? "check the filters with `list gpus`, `list models`"
                                 : fmt::format("{} values{}: {}", field_keyword(f->field), under.empty() ? " in the data" : " there",
                                               text::join(there, ", ")));
}

void check_date_matches(const data::Dataset& ds, const std::vector<LineFilter>& filters, const DateSelection& date) {
  if (date.kind == DateSelection::Kind::latest) return;
  std::set<std::int32_t> dates;
  Selection sel;
  sel.filters = filters;
  for (const std::uint32_t l : matching_lines(ds, sel))
    for (std::size_t i = ds.line_begin(l); i < ds.line_begin(l + 1); ++i) dates.insert(ds.rows()[i].date);
  if (dates.empty()) return;  // the filters' own error
  std::string under;
  for (const auto& f : filters) under += " " + f.text();
  const std::string first = text::format_date(*dates.begin()), last = text::format_date(*dates.rbegin());
  if (date.kind == DateSelection::Kind::as_of && date.date < *dates.begin())
    throw QueryError(fmt::format("no run on or before {}{}: the earliest is {}", text::format_date(date.date),
                                 under.empty() ? "" : " for" + under, first),
                     {date.begin, date.end}, fmt::format("run dates there: {} to {} (`list dates for …`)", first, last));
  if (date.kind == DateSelection::Kind::on && !dates.count(date.date)) {
    const auto after = dates.lower_bound(date.date);
    std::vector<std::string> near;
    if (after != dates.begin()) near.push_back(text::format_date(*std::prev(after)));
    if (after != dates.end()) near.push_back(text::format_date(*after));
    throw QueryError(fmt::format("no run on {}{}", text::format_date(date.date), under.empty() ? "" : " for" + under),
                     {date.begin, date.end}, fmt::format("the nearest run dates: {} (`list dates for …`)", text::join(near, ", ")));
  }
}

std::vector<std::uint32_t> matching_lines(const data::Dataset& ds, const Selection& sel) {
  // Lines sort by GPU first (data::Line's ordering), so a GPU filter narrows the scan to its
  // values' runs of lines, found by binary search; the rest is tested there only, each filter's
  // test looked up once. A compare selects twice, and testing every line was a tenth of it.
  const auto& lines = ds.lines();
  std::vector<std::pair<std::size_t, std::size_t>> spans;
  const auto gpu = std::find_if(sel.filters.begin(), sel.filters.end(), [](const LineFilter& f) { return f.field == LineField::gpu; });
  if (gpu == sel.filters.end()) {
    spans.emplace_back(0, lines.size());
  } else {
    for (const auto& v : gpu->values) {
      const auto [lo, hi] = std::equal_range(lines.begin(), lines.end(), v, KeyOrder<&data::Line::hardware>{});
      spans.emplace_back(lo - lines.begin(), hi - lines.begin());
    }
    std::sort(spans.begin(), spans.end());
    spans.erase(std::unique(spans.begin(), spans.end()), spans.end());  // a value given twice
  }
  // Within one GPU's run, lines sort by framework, then model: a model filter narrows each
  // framework's run by binary search too.
  auto model = std::find_if(sel.filters.begin(), sel.filters.end(), [](const LineFilter& f) { return f.field == LineField::model; });
  if (gpu == sel.filters.end()) model = sel.filters.end();
  if (model != sel.filters.end()) {
    std::vector<std::pair<std::size_t, std::size_t>> narrowed;
    for (const auto& [begin, end] : spans)
      for (auto run = lines.begin() + static_cast<std::ptrdiff_t>(begin), last = lines.begin() + static_cast<std::ptrdiff_t>(end); run != last;) {
        const std::string& framework = run->framework;
        const auto run_end = std::partition_point(run, last, [&](const data::Line& l) { return l.framework == framework; });
        for (const auto& v : model->values) {
          const auto [lo, hi] = std::equal_range(run, run_end, v, KeyOrder<&data::Line::model>{});
          if (lo != hi) narrowed.emplace_back(lo - lines.begin(), hi - lines.begin());
        }
        run = run_end;
      }
    std::sort(narrowed.begin(), narrowed.end());
    narrowed.erase(std::unique(narrowed.begin(), narrowed.end()), narrowed.end());
    spans = std::move(narrowed);
  }
  // The GPU and model filters that made the spans hold there. Keys a line holds are compared as its members,
  // first; those derived from it (a sequence's label, a family, a vendor, a deployment) only on
  // the lines left.
  std::vector<std::pair<const data::Dimension*, const std::vector<std::string>*>> tests;
  for (const bool held : {true, false})
    for (const LineFilter& f : sel.filters) {
      const data::Dimension& d = data::dimension(f.field);
      const bool spanned = (gpu != sel.filters.end() && &f == &*gpu) || (model != sel.filters.end() && &f == &*model);
      if ((d.held != nullptr) == held && !spanned) tests.emplace_back(&d, &f.values);
    }
  const auto passes = [&](const data::Line& line) {
    for (const auto& test : tests) {
      const data::Dimension* d = test.first;  // not a structured binding: a lambda below reads it
      const std::vector<std::string>* values = test.second;
      const bool any = d->held ? std::find(values->begin(), values->end(), line.*(d->held)) != values->end()
                               : std::any_of(values->begin(), values->end(), [&](const std::string& v) { return d->has(line, v); });
      if (!any) return false;
    }
    return true;
  };
  std::vector<std::uint32_t> out;
  for (const auto& [begin, end] : spans)
    for (std::size_t l = begin; l < end; ++l)
      if (passes(lines[l])) out.push_back(static_cast<std::uint32_t>(l));
  return out;
}

Selected select_rows(const data::Dataset& ds, const Selection& sel, SelectionTrace* trace) {
  Selected out;
  const auto& rows = ds.rows();
  SelectionTrace t;
  t.rows_loaded = rows.size();
  t.lines_loaded = ds.lines().size();
  const std::vector<std::uint32_t> computed = sel.matching_lines ? std::vector<std::uint32_t>{} : matching_lines(ds, sel);
  for (const std::uint32_t l : sel.matching_lines ? *sel.matching_lines : computed) {
    const std::size_t begin = ds.line_begin(l), end = ds.line_begin(l + 1);
    if (begin == end) continue;
    t.lines_matching++;
    t.rows_on_matching_lines += end - begin;
    // The run of this line and its rows (SEMANTICS §1): rows are sorted by (date, run, conc) within
    // a line, so the last row up to the date choice names the run. Found by binary search: a trend
    // asks once per run date (a scan made it quadratic).
    const auto first = rows.begin() + static_cast<std::ptrdiff_t>(begin), last = rows.begin() + static_cast<std::ptrdiff_t>(end);
    const auto less_date = [](std::int32_t d, const data::Row& r) { return d < r.date; };
    const data::Row* pick = nullptr;
    switch (sel.date.kind) {
      case DateSelection::Kind::latest: pick = &rows[end - 1]; break;
      case DateSelection::Kind::as_of:
      case DateSelection::Kind::on:
        if (const auto after = std::upper_bound(first, last, sel.date.date, less_date); after != first) pick = &*std::prev(after);
        if (pick && sel.date.kind == DateSelection::Kind::on && pick->date != sel.date.date) pick = nullptr;
        break;
    }
    if (!pick) continue;
    const auto run_of = [](const data::Row& r) { return std::pair{r.date, r.run}; };
    const auto run_begin = std::lower_bound(first, last, run_of(*pick), [&](const data::Row& r, const auto& k) { return run_of(r) < k; });
    const auto run_end = std::upper_bound(run_begin, last, run_of(*pick), [&](const auto& k, const data::Row& r) { return k < run_of(r); });
    bool contributed = false;
    for (auto it = run_begin; it != run_end; ++it) {
      const std::size_t i = static_cast<std::size_t>(it - rows.begin());
      const data::Row& r = *it;
      t.rows_after_date++;
      if (!std::all_of(sel.where.begin(), sel.where.end(), [&](const BoundExpr& e) { return e.eval(ds, r); })) continue;
      t.rows_after_where++;
      if (const double x = sel.axis.x(r, ds.lines()[l]); !(std::isfinite(x) && x > 0)) {
        out.rows_without_x++;
        out.unplottable.push_back(static_cast<std::uint32_t>(i));
        continue;
      }
      out.rows.push_back(static_cast<std::uint32_t>(i));
      contributed = true;
    }
    if (contributed) out.lines++;
  }
  t.rows_without_x = out.rows_without_x;
  t.rows_used = out.rows.size();
  if (trace) *trace = t;
  return out;
}

}  // namespace icq::interp
