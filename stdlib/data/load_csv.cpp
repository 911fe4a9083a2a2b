// The dashboard's "export CSV": '#' licence lines, a header, one row per (config, concurrency).
// Its "(ms)" latency columns hold seconds in the published export version; icq checks which unit a
// file really uses from its own columns (median TPOT against median interactivity) and says so.
#include <fmt/format.h>


#include <charconv>
#include <cmath>
#include <optional>
#include <string>
#include <vector>

#include "catalog/catalog.hpp"
#include "data/json_library.hpp"
#include "data/load.hpp"
#include "text/dates.hpp"
#include "text/text.hpp"

namespace icq::data {

namespace {

// RFC 4180 fields of one record; `pos` advances past the record's line end.
std::vector<std::string> split_record(std::string_view text, std::size_t& pos, bool& ok) {
  std::vector<std::string> fields(1);
  bool quoted = false;
  ok = true;
  while (pos < text.size()) {
    const char c = text[pos++];
    if (quoted) {
      if (c == '"') {
        if (pos < text.size() && text[pos] == '"') fields.back() += '"', ++pos;
        else quoted = false;
      } else {
        fields.back() += c;
      }
    } else if (c == '"') {
      quoted = true;
    } else if (c == ',') {
      fields.emplace_back();
    } else if (c == '\n') {
      break;
    } else if (c != '\r') {
      fields.back() += c;
    }
  }
  if (quoted) ok = false;
  return fields;
}

std::optional<double> to_number(std::string_view s) {
  while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
  while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
  if (s.empty()) return std::nullopt;
  double v = 0;
  const auto r = std::from_chars(s.data(), s.data() + s.size(), v);
  if (r.ec != std::errc() || r.ptr != s.data() + s.size()) {
    const std::string l = text::lower(s);  // from_chars rejects some spellings strtod accepts
    if (l == "nan") return std::nan("");
    if (l == "inf" || l == "infinity") return HUGE_VAL;
    if (l == "-inf" || l == "-infinity") return -HUGE_VAL;
    return std::nullopt;
  }
  return v;
}

struct Column {
  const char* header;
  std::optional<Field> field;  // metric column
  bool latency = false;        // labelled (ms)
};

// Metric columns by header, in the export's order.
const std::vector<Column>& metric_columns() {
  static const std::vector<Column> cols = {
      {"Throughput/GPU (tok/s)", Field::tput_per_gpu},
      {"Output Throughput/GPU (tok/s)", Field::output_tput_per_gpu},
      {"Input Throughput/GPU (tok/s)", Field::input_tput_per_gpu},
      {"Mean TTFT (ms)", Field::mean_ttft, true},
      {"Median TTFT (ms)", Field::median_ttft, true},
      {"P99 TTFT (ms)", Field::p99_ttft, true},
      {"Std TTFT (ms)", Field::std_ttft, true},
      {"Mean TPOT (ms)", Field::mean_tpot, true},
      {"Median TPOT (ms)", Field::median_tpot, true},
      {"P99 TPOT (ms)", Field::p99_tpot, true},
      {"Std TPOT (ms)", Field::std_tpot, true},
      {"Mean Interactivity (tok/s/user)", Field::mean_intvty},
      {"Median Interactivity (tok/s/user)", Field::median_intvty},
      {"P99 Interactivity (tok/s/user)", Field::p99_intvty},
      {"Std Interactivity (tok/s/user)", Field::std_intvty},
      {"Mean ITL (ms)", Field::mean_itl, true},
      {"Median ITL (ms)", Field::median_itl, true},
      {"P99 ITL (ms)", Field::p99_itl, true},
      {"Std ITL (ms)", Field::std_itl, true},
      {"Mean E2E Latency (ms)", Field::mean_e2el, true},
      {"Median E2E Latency (ms)", Field::median_e2el, true},
      {"P99 E2E Latency (ms)", Field::p99_e2el, true},
      {"Std E2E Latency (ms)", Field::std_e2el, true},
  };
  return cols;
}

constexpr std::array kConfigHeaders = {
    "Model", "ISL",          "OSL",         "Hardware",      "Hardware Key",     "Framework",       "Precision",
    "TP",    "Concurrency",  "Date",        "Disaggregated", "Num Prefill GPUs", "Num Decode GPUs", "Spec Decoding",
    "EP",    "DP Attention", "Is Multinode"};

// One record of the file, with the line it starts on.
struct Record {
  std::vector<std::string> fields;
  std::string_view raw;  // its bytes, line end included
  std::size_t line = 0;
  bool ok = true;  // false when a quoted field is unterminated
};

// Reads the file record by record, passing over '#' comment lines and blank lines.
class Records {
 public:
  explicit Records(std::string_view bytes) : bytes_(bytes) {}

  std::optional<Record> next() {
    while (pos_ < bytes_.size()) {
      const std::size_t start = pos_;
      Record r;
      r.line = ++line_no_;
      r.fields = split_record(bytes_, pos_, r.ok);
      r.raw = bytes_.substr(start, pos_ - start);
      if (r.raw.empty() || r.raw[0] == '#' || r.raw == "\n" || r.raw == "\r\n") continue;
      return r;
    }
    return std::nullopt;
  }

 private:
  std::string_view bytes_;
  std::size_t pos_ = 0, line_no_ = 0;
};

struct Header {
  std::vector<std::string> names;
  std::size_t line = 0;

  [[nodiscard]] std::optional<std::size_t> index_of(std::string_view name) const {
    for (std::size_t i = 0; i < names.size(); ++i)
      if (names[i] == name) return i;
    return std::nullopt;
  }
};

// Skips the source when the header lacks a column every row needs; notes the columns icq does not read.
bool check_header(DatasetBuilder& b, std::uint32_t source, const Header& header) {
  for (const char* required :
       {"Hardware", "Framework", "Precision", "Concurrency", "Date", "Throughput/GPU (tok/s)", "Median Interactivity (tok/s/user)"})
    if (!header.index_of(required)) {
      b.skip_source(source, fmt::format("CSV header (line {}) lacks the column '{}'; not a dashboard export", header.line, required));
      return false;
    }
  for (const auto& h : header.names) {
    bool known = false;
    for (const char* c : kConfigHeaders) known = known || h == c;
    for (const auto& m : metric_columns()) known = known || h == m.header;
    if (!known) b.ignored_field(fmt::format("column '{}'", h));
  }
  return true;
}

// Why a record cannot be read as a row at all; empty when it can.
std::string record_problem(const Record& r, const Header& header) {
  if (!simdjson::validate_utf8(r.raw.data(), r.raw.size())) return "not valid UTF-8";
  if (!r.ok) return "unterminated quoted field";
  if (r.fields.size() != header.names.size()) return fmt::format("{} fields where the header has {}", r.fields.size(), header.names.size());
  return {};
}

// A record's cells by header name; a column the header lacks reads as empty.
class Cells {
 public:
  Cells(const Header& header, const std::vector<std::string>& fields) : header_(header), fields_(fields) {}

  std::string_view operator()(std::string_view name) const {
    const auto i = header_.index_of(name);
    return i ? std::string_view(fields_[*i]) : std::string_view{};
  }
  bool integer(std::string_view name, std::int32_t& out) const {
    const std::string_view c = (*this)(name);
    if (c.empty()) return true;
    const auto v = to_number(c);
    if (!v || *v != std::floor(*v) || std::abs(*v) > 1e9) return false;
    out = static_cast<std::int32_t>(*v);
    return true;
  }
  bool boolean(std::string_view name) const { return text::iequals((*this)(name), "true"); }

 private:
  const Header& header_;
  const std::vector<std::string>& fields_;
};

// The configuration columns: names, flags and counts. Returns the problem that makes the row unusable, if any.
std::string read_config(const Cells& cell, RawRow& row) {
  Line& l = row.line;
  l.hardware = catalog::normalize_gpu(cell("Hardware"));
  l.framework = catalog::normalize_framework(cell("Framework"));
  l.model = catalog::normalize_model(cell("Model"));
  l.precision = catalog::normalize_precision(cell("Precision"));
  if (!cell("Spec Decoding").empty()) l.spec_method = catalog::normalize_spec(cell("Spec Decoding"));
  l.disagg = cell.boolean("Disaggregated");
  l.is_multinode = cell.boolean("Is Multinode");
  l.prefill_dp_attention = l.decode_dp_attention = cell.boolean("DP Attention");
  std::int32_t tp = 0, ep = 0;
  std::string bad;
  for (auto [name, out] : {std::pair{"TP", &tp},
                           {"EP", &ep},
                           {"ISL", &l.isl},
                           {"OSL", &l.osl},
                           {"Concurrency", &row.conc},
                           {"Num Prefill GPUs", &l.num_prefill_gpu},
                           {"Num Decode GPUs", &l.num_decode_gpu}})
    if (!cell.integer(name, *out)) bad = fmt::format("'{}' is not an integer: '{}'", name, cell(name));
  if (!bad.empty()) return bad;
  l.prefill_tp = l.decode_tp = tp;
  l.prefill_ep = l.decode_ep = ep;
  if (!l.disagg) {
    if (l.num_prefill_gpu == 0) l.num_prefill_gpu = tp;
    if (l.num_decode_gpu == 0) l.num_decode_gpu = tp;
  }
  return {};
}

// The metric columns. Returns the problem that makes the row unusable, if any.
std::string read_metrics(DatasetBuilder& b, const Cells& cell, RawRow& row) {
  std::string axis_problem;
  for (const auto& col : metric_columns()) {
    const std::string_view c = cell(col.header);
    if (c.empty()) continue;
    const auto v = to_number(c);
    const bool axis = *col.field == Field::tput_per_gpu || *col.field == Field::median_intvty;
    if (!v || (axis && !std::isfinite(*v))) {
      // The two axes of every frontier make the row unusable; other columns are left out.
      if (axis) axis_problem = fmt::format("'{}' is not a finite number: '{}'", col.header, c);
      else b.ignored_field(fmt::format("column '{}' (not a number)", col.header));
      continue;
    }
    if (!std::isfinite(*v)) continue;
    row.set(*col.field, *v);
  }
  return axis_problem;
}

// A row from a record's cells. Returns the problem that makes the row unusable, if any.
std::string read_row(DatasetBuilder& b, const Cells& cell, RawRow& row) {
  if (std::string bad = read_config(cell, row); !bad.empty()) return bad;
  const auto date = text::parse_date(cell("Date"));
  if (!date) return fmt::format("unreadable date '{}'", cell("Date"));
  row.date = *date;
  return read_metrics(b, cell, row);
}

struct Pending {
  RawRow row;
  std::size_t line;
};

// Evidence for the latency unit: 1/median_tpot matches median interactivity in seconds or ms.
struct UnitEvidence {
  std::size_t says_seconds = 0, says_ms = 0;

  void count(const RawRow& row) {
    const double tpot = row.get(Field::median_tpot), x = row.get(Field::median_intvty);
    if (tpot > 0 && x > 0) {
      if (std::abs(1.0 / tpot - x) <= 0.2 * x) ++says_seconds;
      else if (std::abs(1000.0 / tpot - x) <= 0.2 * x) ++says_ms;
    }
  }
};

// Reads the rows after the header, reporting the unusable ones; counts the evidence for the latency unit.
std::vector<Pending> read_rows(DatasetBuilder& b, std::uint32_t source, const Header& header, Records& records, UnitEvidence& unit) {
  std::vector<Pending> rows;
  while (auto r = records.next()) {
    b.record_read(source);
    const std::string where = fmt::format("line {}", r->line);
    std::string problem = record_problem(*r, header);
    RawRow row;
    if (problem.empty()) problem = read_row(b, Cells(header, r->fields), row);
    if (!problem.empty()) {
      b.unusable(source, where, problem);
      continue;
    }
    unit.count(row);
    rows.push_back({std::move(row), r->line});
  }
  return rows;
}

// Converts the latency columns to seconds when they hold milliseconds, and says which unit they held.
void settle_latency_unit(DatasetBuilder& b, std::uint32_t source, const UnitEvidence& unit, std::vector<Pending>& rows) {
  const bool milliseconds = unit.says_ms > unit.says_seconds;
  const auto& name = b.report().sources[source].name;
  if (milliseconds) {
    for (auto& p : rows)
      for (const auto& col : metric_columns())
        if (col.latency) p.row.set(*col.field, p.row.get(*col.field) / 1000.0);
    b.note(fmt::format("{}: latency columns labelled (ms) hold milliseconds; converted to seconds", name));
  } else if (unit.says_seconds > 0) {
    b.note(
        fmt::format("{}: latency columns labelled (ms) hold seconds (1/median TPOT = median interactivity "
                    "on {} of {} rows); read as seconds",
                    name, unit.says_seconds, rows.size()));
  }
}

}  // namespace

void load_csv_export(DatasetBuilder& b, std::uint32_t source, std::string_view bytes) {
  require_json_library();  // its UTF-8 check
  Records records(bytes);
  auto first = records.next();
  if (!first) {
    b.skip_source(source, "CSV without a header line");
    return;
  }
  const Header header{std::move(first->fields), first->line};
  if (!check_header(b, source, header)) return;
  UnitEvidence unit;
  std::vector<Pending> rows = read_rows(b, source, header, records, unit);
  settle_latency_unit(b, source, unit, rows);
  for (auto& p : rows) b.add(source, fmt::format("line {}", p.line), std::move(p.row));
}

}  // namespace icq::data
