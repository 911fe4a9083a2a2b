#pragma once
// Bound filters: configuration filters on lines (`gpu mi355x`), `where` expressions on rows, and
// run-date selection. Each knows how to print itself back as query text.
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "data/dataset.hpp"
#include "data/dimensions.hpp"

namespace icq::interp {

// The dimensions of a line and their vocabulary: stdlib/data/dimensions.hpp.
using data::line_value;
using data::LineField;

struct LineFilter {
  LineFilter(LineField f, std::vector<std::string> v, std::vector<std::string> g = {})
      : field(f), values(std::move(v)), groups(std::move(g)) {}
  LineField field;
  std::vector<std::string> values;   // canonical keys; seq: labels ("1k/1k", "agentic")
  std::vector<std::string> groups;   // model: the dashboard groups named ("kimi-k26"), whose keys are in values
  std::uint32_t begin = 0, end = 0;  // where it was written (0, 0: a default)
  [[nodiscard]] bool matches(const data::Line& line) const;
  [[nodiscard]] std::string text() const;  // "gpu mi355x, b200"
};

// "gpu", "seq": the dimension's keyword, as resolved queries print it.
std::string_view field_keyword(LineField f);

// Row fields usable in `where`.
// The fields laid out by hand.
// clang-format off
enum class RowField {
  conc, tp, ep, prefill_tp, decode_tp, prefill_ep, decode_ep, gpus, prefill_gpus, decode_gpus, dp_attention,
  isl, osl, date, framework, family, precision, gpu, model, spec, vendor, image, disagg, multinode
};
// clang-format on

struct RowFieldInfo {
  const char* name;
  RowField field;
  enum class Type { number, text, date, boolean } type;
  const char* description;
};
const std::vector<RowFieldInfo>& row_fields();

struct Operand {
  double number = 0;  // numbers, dates (days), booleans (0/1)
  std::string text;   // text fields: canonical key
};

struct BoundExpr {
  enum class Op { and_, or_, not_, compare, in, not_in } op = Op::compare;
  RowField field = RowField::conc;
  RowFieldInfo::Type type = RowFieldInfo::Type::number;
  std::string cmp;
  std::vector<Operand> operands;
  std::vector<BoundExpr> children;
  std::string source;  // the expression as written
  // A measured or derived metric (`where ttft p99 <= 2`, `where cost < 0.5`): read from the row; a
  // row without the value fails the test.
  std::function<std::optional<double>(const data::Dataset&, const data::Row&)> metric;
  bool economic = false;  // the metric is read with prices or power
  [[nodiscard]] bool eval(const data::Dataset& ds, const data::Row& row) const;
  [[nodiscard]] bool reads_prices() const;  // it, or any part of it, tests an economic metric
};

struct DateSelection {
  enum class Kind { latest, as_of, on } kind = Kind::latest;
  std::int32_t date = 0;
  std::uint32_t begin = 0, end = 0;        // the date as written, for errors
  [[nodiscard]] std::string text() const;  // "", "as of 2026-05-01", "on date 2026-05-19"
};

// The interactivity percentile of the x axis (SEMANTICS.md §9): the dashboard's compare pages
// use the median for fixed sequences and p90 for agentic trace replay.
enum class Percentile { p50, p90, p99 };
const char* percentile_name(Percentile p);                              // "p50"
std::optional<Percentile> percentile_from_name(std::string_view name);  // "p50" / "median", "p90", "p99"

struct Axis {
  std::optional<Percentile> chosen;  // `using interactivity`; nullopt: the workload's default
  [[nodiscard]] Percentile of(const data::Line& line) const;
  // The row's x (tok/s/user); NaN when it has none. Agentic rows take 1 / pNN ITL where present,
  // as the dashboard recomputes it; other rows their own pNN interactivity.
  [[nodiscard]] double x(const data::Row& row, const data::Line& line) const;
  [[nodiscard]] data::Field intvty_field(const data::Line& line) const;  // the stored interactivity read
};

// What selects a side's rows: configuration filters, run dates, row conditions.
struct Selection {
  Axis axis;
  std::vector<LineFilter> filters;
  DateSelection date;
  std::vector<BoundExpr> where;
  // The lines the filters match, when already known (a trend selects once per run date).
  std::shared_ptr<const std::vector<std::uint32_t>> matching_lines;
};

// The values of a line field on the lines every filter matches, sorted (deployments: the keys that
// match, overlapping ones included).
std::vector<std::string> present_values(const data::Dataset& ds, const std::vector<LineFilter>& filters, LineField f);
// The same on the rows a whole selection keeps (select_rows: its filters, each line's run date, its
// `where` conditions) — what a side under it could be.
std::vector<std::string> present_values(const data::Dataset& ds, const Selection& sel, LineField f);

// The first filter, in the order written, after which no line matches the ones before it and it;
// null when the filters together match some line.
const LineFilter* first_emptying_filter(const data::Dataset& ds, const std::vector<LineFilter>& filters);
// QueryError at that filter (caret on it, the values present under the ones before it), if any.
void check_filters_match(const data::Dataset& ds, const std::vector<LineFilter>& filters);
// When the filters match rows but no run date does (`as of` before the first run, `on date` of no
// run): an error on the date naming the run dates there are.
void check_date_matches(const data::Dataset& ds, const std::vector<LineFilter>& filters, const DateSelection& date);

// Indices of the lines every filter of `sel` matches.
std::vector<std::uint32_t> matching_lines(const data::Dataset& ds, const Selection& sel);

struct Selected {
  std::vector<std::uint32_t> rows;         // dataset row indices with a usable interactivity, canonical order
  std::size_t rows_without_x = 0;          // selected rows lacking the axis' interactivity (not plottable)
  std::vector<std::uint32_t> unplottable;  // their indices
  std::size_t lines = 0;                   // lines contributing rows
};

// Row counts after each step of a selection, for `explain` (each count includes the next).
struct SelectionTrace {
  std::size_t rows_loaded = 0, lines_loaded = 0;
  std::size_t lines_matching = 0, rows_on_matching_lines = 0;
  std::size_t rows_after_date = 0;   // the run date chosen per line
  std::size_t rows_after_where = 0;  // row conditions
  std::size_t rows_without_x = 0;    // left out: no interactivity on the axis
  std::size_t rows_used = 0;
};

// Latest run per line (or as of / on a date), then the row conditions (SEMANTICS.md §1).
Selected select_rows(const data::Dataset& ds, const Selection& sel, SelectionTrace* trace = nullptr);

}  // namespace icq::interp
