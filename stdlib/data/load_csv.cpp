// The dashboard's "export CSV": '#' licence lines, a header, one row per (config, concurrency).
// Its "(ms)" latency columns hold seconds in the published export version; icq checks which unit a
// file really uses from its own columns (median TPOT against median interactivity) and says so.
#include <fmt/format.h>

#include <simdjson.h>

#include <charconv>
#include <cmath>
#include <optional>
#include <string>
#include <vector>

#include "catalog/catalog.hpp"
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

constexpr std::array kConfigHeaders = {"Model", "ISL", "OSL", "Hardware", "Hardware Key", "Framework", "Precision", "TP",
                                       "Concurrency", "Date", "Disaggregated", "Num Prefill GPUs", "Num Decode GPUs",
                                       "Spec Decoding", "EP", "DP Attention", "Is Multinode"};

}  // namespace

void load_csv_export(DatasetBuilder& b, std::uint32_t source, std::string_view bytes) {
  std::size_t pos = 0, line_no = 0;
  std::vector<std::string> header;
  std::size_t header_line = 0;
  // Skip '#' comment lines and blank lines before the header.
  while (pos < bytes.size()) {
    const std::size_t start = pos;
    bool ok;
    ++line_no;
    auto fields = split_record(bytes, pos, ok);
    const std::string_view raw = bytes.substr(start, pos - start);
    if (raw.empty() || raw[0] == '#' || raw == "\n" || raw == "\r\n") continue;
    header = std::move(fields);
    header_line = line_no;
    break;
  }
  if (header.empty()) {
    b.skip_source(source, "CSV without a header line");
    return;
  }
  auto index_of = [&](std::string_view name) -> std::optional<std::size_t> {
    for (std::size_t i = 0; i < header.size(); ++i)
      if (header[i] == name) return i;
    return std::nullopt;
  };
  for (const char* required : {"Hardware", "Framework", "Precision", "Concurrency", "Date", "Throughput/GPU (tok/s)",
                               "Median Interactivity (tok/s/user)"})
    if (!index_of(required)) {
      b.skip_source(source, fmt::format("CSV header (line {}) lacks the column '{}'; not a dashboard export", header_line, required));
      return;
    }
  for (const auto& h : header) {
    bool known = false;
    for (const char* c : kConfigHeaders) known = known || h == c;
    for (const auto& m : metric_columns()) known = known || h == m.header;
    if (!known) b.ignored_field(fmt::format("column '{}'", h));
  }

  struct Pending {
    RawRow row;
    std::size_t line;
  };
  std::vector<Pending> rows;
  // Evidence for the latency unit: 1/median_tpot matches median interactivity in seconds or ms.
  std::size_t says_seconds = 0, says_ms = 0;
  while (pos < bytes.size()) {
    bool ok;
    ++line_no;
    const std::size_t start = pos;
    auto f = split_record(bytes, pos, ok);
    const std::string_view raw = bytes.substr(start, pos - start);
    if (raw.empty() || raw == "\n" || raw == "\r\n" || raw[0] == '#') continue;
    b.record_read(source);
    const std::string where = fmt::format("line {}", line_no);
    if (!simdjson::validate_utf8(raw.data(), raw.size())) {
      b.unusable(source, where, "not valid UTF-8");
      continue;
    }
    if (!ok) {
      b.unusable(source, where, "unterminated quoted field");
      continue;
    }
    if (f.size() != header.size()) {
      b.unusable(source, where, fmt::format("{} fields where the header has {}", f.size(), header.size()));
      continue;
    }
    auto cell = [&](std::string_view name) -> std::string_view {
      const auto i = index_of(name);
      return i ? std::string_view(f[*i]) : std::string_view{};
    };
    auto integer = [&](std::string_view name, std::int32_t& out) -> bool {
      const std::string_view c = cell(name);
      if (c.empty()) return true;
      const auto v = to_number(c);
      if (!v || *v != std::floor(*v) || std::abs(*v) > 1e9) return false;
      out = static_cast<std::int32_t>(*v);
      return true;
    };
    auto boolean = [&](std::string_view name) { return text::iequals(cell(name), "true"); };

    RawRow row;
    Line& l = row.line;
    l.hardware = catalog::normalize_gpu(cell("Hardware"));
    l.framework = catalog::normalize_framework(cell("Framework"));
    l.model = catalog::normalize_model(cell("Model"));
    l.precision = catalog::normalize_precision(cell("Precision"));
    if (!cell("Spec Decoding").empty()) l.spec_method = catalog::normalize_spec(cell("Spec Decoding"));
    l.disagg = boolean("Disaggregated");
    l.is_multinode = boolean("Is Multinode");
    l.prefill_dp_attention = l.decode_dp_attention = boolean("DP Attention");
    std::int32_t tp = 0, ep = 0;
    std::string bad;
    for (auto [name, out] : {std::pair{"TP", &tp}, {"EP", &ep}, {"ISL", &l.isl}, {"OSL", &l.osl},
                             {"Concurrency", &row.conc}, {"Num Prefill GPUs", &l.num_prefill_gpu},
                             {"Num Decode GPUs", &l.num_decode_gpu}})
      if (!integer(name, *out)) bad = fmt::format("'{}' is not an integer: '{}'", name, cell(name));
    if (!bad.empty()) {
      b.unusable(source, where, bad);
      continue;
    }
    l.prefill_tp = l.decode_tp = tp;
    l.prefill_ep = l.decode_ep = ep;
    if (!l.disagg) {
      if (l.num_prefill_gpu == 0) l.num_prefill_gpu = tp;
      if (l.num_decode_gpu == 0) l.num_decode_gpu = tp;
    }
    const auto date = text::parse_date(cell("Date"));
    if (!date) {
      b.unusable(source, where, fmt::format("unreadable date '{}'", cell("Date")));
      continue;
    }
    row.date = *date;
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
    if (!axis_problem.empty()) {
      b.unusable(source, where, axis_problem);
      continue;
    }
    const double tpot = row.get(Field::median_tpot), x = row.get(Field::median_intvty);
    if (tpot > 0 && x > 0) {
      if (std::abs(1.0 / tpot - x) <= 0.2 * x) ++says_seconds;
      else if (std::abs(1000.0 / tpot - x) <= 0.2 * x) ++says_ms;
    }
    rows.push_back({std::move(row), line_no});
  }

  const bool milliseconds = says_ms > says_seconds;
  const auto& name = b.report().sources[source].name;
  if (milliseconds) {
    for (auto& p : rows)
      for (const auto& col : metric_columns())
        if (col.latency) p.row.set(*col.field, p.row.get(*col.field) / 1000.0);
    b.note(fmt::format("{}: latency columns labelled (ms) hold milliseconds; converted to seconds", name));
  } else if (says_seconds > 0) {
    b.note(fmt::format("{}: latency columns labelled (ms) hold seconds (1/median TPOT = median interactivity "
                       "on {} of {} rows); read as seconds",
                       name, says_seconds, rows.size()));
  }
  for (auto& p : rows) b.add(source, fmt::format("line {}", p.line), std::move(p.row));
}

}  // namespace icq::data
