// The records of InferenceX JSON documents: API rows, runner aggregates and evaluations, read
// field by field into the data set with a reason for every record that cannot be used; and which
// kind of document a record says its file is (load_api_json.cpp reads the documents).
#include "data/json_records.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <memory>
#include <string>

#include "catalog/catalog.hpp"
#include "data/json_reader.hpp"
#include "text/dates.hpp"

namespace icq::data {

namespace {

using json::object;

// Top-level keys of API rows and evaluations, in slot order. A row is scanned once and each key's
// value lands in its slot (a lookup per key instead of a search per field: ingest speed). Keys not
// in this table are reported as ignored fields.
// The keys laid out by hand.
// clang-format off
#define ICQ_API_KEYS(X)                                                                                       \
  X(hardware) X(framework) X(model) X(precision) X(spec_method) X(disagg) X(is_multinode) X(prefill_tp)     \
  X(prefill_ep) X(prefill_dp_attention) X(prefill_num_workers) X(decode_tp) X(decode_ep)                    \
  X(decode_dp_attention) X(decode_num_workers) X(num_prefill_gpu) X(num_decode_gpu) X(isl) X(osl)          \
  X(benchmark_type) X(offload_mode) X(conc) X(image) X(date) X(run_url) X(metrics) X(workers) X(id)         \
  X(config_id) X(source) X(synthetic) X(task) X(workflow_run_id) X(run_started_at)
// clang-format on

enum class Key : std::uint8_t {
#define ICQ_ENUM(k) k,
  ICQ_API_KEYS(ICQ_ENUM)
#undef ICQ_ENUM
};
constexpr std::array kApiKeyNames = {
#define ICQ_NAME(k) std::string_view(#k),
    ICQ_API_KEYS(ICQ_NAME)
#undef ICQ_NAME
};
static_assert(kApiKeyNames.size() <= 64, "slots are tracked in a 64-bit mask");

std::optional<Key> api_key(std::string_view name) {
  // Sorted by (length, text) once; most probes are settled by the length.
  static const auto sorted = [] {
    std::array<std::pair<std::string_view, Key>, kApiKeyNames.size()> t{};
    for (std::size_t i = 0; i < t.size(); ++i) t[i] = {kApiKeyNames[i], static_cast<Key>(i)};
    std::sort(t.begin(), t.end(), [](const auto& x, const auto& y) {
      return x.first.size() != y.first.size() ? x.first.size() < y.first.size() : x.first < y.first;
    });
    return t;
  }();
  const auto it = std::lower_bound(sorted.begin(), sorted.end(), name, [](const auto& entry, std::string_view n) {
    return entry.first.size() != n.size() ? entry.first.size() < n.size() : entry.first < n;
  });
  if (it != sorted.end() && it->first == name) return it->second;
  return std::nullopt;
}

// Records of one document list their keys in the same order, so the answer for the i-th key of
// the previous record is tried first: one comparison per key instead of a table lookup.
template <typename T>
class KeyOrder {
 public:
  template <typename Lookup>
  std::optional<T> at(std::size_t i, std::string_view key, Lookup lookup) {
    if (i < seen_.size() && seen_[i].first == key) return seen_[i].second;
    const std::optional<T> r = lookup(key);
    if (i < seen_.size()) seen_[i] = {std::string(key), r};
    else if (i == seen_.size()) seen_.emplace_back(std::string(key), r);
    return r;
  }

 private:
  std::vector<std::pair<std::string, std::optional<T>>> seen_;
};

// The values of one record's known keys (the first occurrence of a repeated key, as at_key gives).
struct Slots {
  std::array<json::element, kApiKeyNames.size()> value;
  std::uint64_t present = 0;

  [[nodiscard]] const json::element* get(Key k) const {
    const auto i = static_cast<std::size_t>(k);
    return (present >> i) & 1 ? &value[i] : nullptr;
  }
  static constexpr std::string_view name(Key k) { return kApiKeyNames[static_cast<std::size_t>(k)]; }
};

// Scans `o` once; unknown keys are counted as ignored fields when `b` is given.
Slots scan(const object& o, DatasetBuilder* b, KeyOrder<Key>& order) {
  Slots s;
  std::size_t n = 0;
  for (auto [key, value] : o) {
    const auto k = order.at(n++, key, api_key);
    if (!k) {
      if (b) b->ignored_field(key);
      continue;
    }
    const auto i = static_cast<std::size_t>(*k);
    if ((s.present >> i) & 1) continue;
    s.present |= std::uint64_t{1} << i;
    s.value[i] = value;
  }
  return s;
}

// The normalised form of the last raw value seen per text field: rows come grouped by
// configuration, so the catalog's alias resolution runs once per run of equal values.
struct NormCache {
  std::string raw, normalised;
  bool valid = false;
  const std::string& get(std::string_view v, std::string (*norm)(std::string_view)) {
    if (!valid || raw != v) {
      raw.assign(v);
      normalised = norm(v);
      valid = true;
    }
    return normalised;
  }
};

// Reads a metric value into the row; type errors are counted, not fatal (only the two axes are).
void read_metric(DatasetBuilder& b, RawRow& row, std::string_view key, const json::element& value, std::optional<Field> field) {
  if (!field) {
    b.ignored_field(fmt::format("metrics.{}", key));
    return;
  }
  double d;
  if (value.get(d) == simdjson::SUCCESS) {
    row.set(*field, d);
  } else if (!value.is_null()) {
    b.ignored_field(fmt::format("metrics.{} (not a number)", key));
  }
}

// The two axes decide whether a row is usable, so a value that is there but is not a number is a
// reason of its own (for any other metric a wrong type is only an ignored field).
std::string axis_type_error(const object& o) {
  json::element e;
  if (!json::is_null_or_missing(o, "tput_per_gpu", e) && !e.is_number()) return "non-numeric tput_per_gpu";
  if (!json::is_null_or_missing(o, "median_intvty", e) && !e.is_number()) return "median_intvty not a finite positive number";
  return {};
}

// Readers that leave `out` unchanged when the key is absent; they return an error reason.
std::string read_int(const object& o, std::string_view key, std::int32_t& out) {
  const auto f = json::integer_field(o, key);
  if (!f.ok()) return f.error;
  if (f.value) out = static_cast<std::int32_t>(*f.value);
  return {};
}

std::string read_bool(const object& o, std::string_view key, bool& out) {
  const auto f = json::bool_field(o, key);
  if (!f.ok()) return f.error;
  if (f.value) out = *f.value;
  return {};
}

// The database's fields of a row's run, where the API gives them (agentic rows): workflow_run_id
// (a number, or its digits as a string) and run_started_at (timestamptz text). Absent or null
// leaves them unknown; any other value makes the row unusable, as a wrong configuration field does.
std::string read_run_fields(const Slots& o, Run& run) {
  if (const json::element* id = o.get(Key::workflow_run_id); id && !id->is_null()) {
    std::int64_t n = 0;
    std::string_view digits;
    if (id->get(n) == simdjson::SUCCESS) {
    } else if (id->get(digits) == simdjson::SUCCESS && !digits.empty() && digits.size() <= 18 &&
               std::all_of(digits.begin(), digits.end(), [](char c) { return c >= '0' && c <= '9'; })) {
      n = std::stoll(std::string(digits));
    } else {
      return "workflow_run_id is not a run id";
    }
    if (n <= 0) return "workflow_run_id is not a run id";
    run.workflow_run_id = n;
  }
  if (const json::element* at = o.get(Key::run_started_at); at && !at->is_null()) {
    std::string_view text;
    if (at->get(text) != simdjson::SUCCESS) return "run_started_at is not a timestamp";
    const auto t = text::parse_timestamp(text);
    if (!t) return fmt::format("unreadable run_started_at '{}'", text.substr(0, 40));
    run.started_at = *t;
  }
  return {};
}

// The configuration, concurrency, date, image and run of an API row or an evaluation.
std::string read_api_config(const Slots& o, RawRow& row, std::array<NormCache, 5>& cache) {
  Line& l = row.line;
  struct Text {
    Key key;
    std::string* out;
    std::string (*norm)(std::string_view);
  };
  const Text texts[] = {{Key::hardware, &l.hardware, catalog::normalize_gpu},
                        {Key::framework, &l.framework, catalog::normalize_framework},
                        {Key::model, &l.model, catalog::normalize_model},
                        {Key::precision, &l.precision, catalog::normalize_precision},
                        {Key::spec_method, &l.spec_method, catalog::normalize_spec}};
  for (std::size_t i = 0; i < std::size(texts); ++i) {
    const auto& t = texts[i];
    const auto f = json::string_view_value(o.get(t.key), Slots::name(t.key));
    if (!f.ok()) return f.error;
    if (f.value) *t.out = cache[i].get(*f.value, t.norm);
  }
  for (auto [key, out] : {std::pair{Key::disagg, &l.disagg},
                          {Key::is_multinode, &l.is_multinode},
                          {Key::prefill_dp_attention, &l.prefill_dp_attention},
                          {Key::decode_dp_attention, &l.decode_dp_attention}}) {
    const auto f = json::bool_value(o.get(key), Slots::name(key));
    if (!f.ok()) return f.error;
    if (f.value) *out = *f.value;
  }
  bool has_prefill_gpu = false, has_decode_gpu = false;
  for (auto [key, out] : {std::pair{Key::prefill_tp, &l.prefill_tp},
                          {Key::prefill_ep, &l.prefill_ep},
                          {Key::prefill_num_workers, &l.prefill_num_workers},
                          {Key::decode_tp, &l.decode_tp},
                          {Key::decode_ep, &l.decode_ep},
                          {Key::decode_num_workers, &l.decode_num_workers},
                          {Key::num_prefill_gpu, &l.num_prefill_gpu},
                          {Key::num_decode_gpu, &l.num_decode_gpu},
                          {Key::isl, &l.isl},
                          {Key::osl, &l.osl},
                          {Key::conc, &row.conc}}) {
    const auto f = json::integer_value(o.get(key), Slots::name(key));
    if (!f.ok()) return f.error;
    if (f.value) {
      *out = static_cast<std::int32_t>(*f.value);
      if (out == &l.num_prefill_gpu) has_prefill_gpu = true;
      if (out == &l.num_decode_gpu) has_decode_gpu = true;
    }
  }
  // Aggregated rows count their GPUs as the TP width when the source leaves the counts out.
  if (!has_prefill_gpu) l.num_prefill_gpu = l.disagg ? 0 : l.prefill_tp;
  if (!has_decode_gpu) l.num_decode_gpu = l.disagg ? 0 : l.decode_tp;

  const auto bt = json::string_view_value(o.get(Key::benchmark_type), "benchmark_type");
  if (!bt.ok()) return bt.error;
  l.benchmark_type = bt.value ? std::string(*bt.value) : (l.isl == 0 && l.osl == 0 ? "agentic_traces" : "single_turn");
  const auto om = json::string_view_value(o.get(Key::offload_mode), "offload_mode");
  if (!om.ok()) return om.error;
  if (om.value) l.offload_mode = *om.value;

  const auto date = json::string_view_value(o.get(Key::date), "date");
  if (!date.ok()) return date.error;
  if (!date.value) return "missing date";
  const auto days = text::parse_date(*date.value);
  if (!days) return fmt::format("unreadable date '{}'", *date.value);
  row.date = *days;

  for (auto [key, out] : {std::pair{Key::image, &row.image}, {Key::run_url, &row.run.url}}) {
    const auto f = json::string_view_value(o.get(key), Slots::name(key));
    if (f.value) *out = *f.value;
  }
  return read_run_fields(o, row.run);
}

}  // namespace

// What one document's records share while they are read.
struct ReadState {
  std::array<NormCache, 5> cache;
  KeyOrder<Key> keys;
  KeyOrder<Field> metric_keys;
  std::size_t synthetic = 0;  // rows marked "synthetic": true (bench/ generator output)
};

namespace {

std::string read_api_row(DatasetBuilder& b, const object& o, RawRow& row, ReadState& st, bool& synthetic) {
  const Slots slots = scan(o, &b, st.keys);
  if (auto e = read_api_config(slots, row, st.cache); !e.empty()) return e;
  const json::element* metrics = slots.get(Key::metrics);
  if (!metrics) return "missing metrics object";
  object m;
  if (metrics->get(m)) return "'metrics' is not an object";
  if (auto e = axis_type_error(m); !e.empty()) return e;
  std::size_t n = 0;
  for (auto [key, value] : m) read_metric(b, row, key, value, st.metric_keys.at(n++, key, field_from_name));
  if (const json::element* syn = slots.get(Key::synthetic)) {
    bool flag = false;
    synthetic = syn->get(flag) == simdjson::SUCCESS && flag;
  }
  return {};
}

// Runner aggregate (agg_bmk.json): flat keys. Single-node rows carry tp/ep/dp_attention; multinode
// rows carry the prefill_*/decode_* keys. Agentic aggregates have no isl/osl and no date.
std::string read_runner_row(DatasetBuilder& b, const object& o, RawRow& row) {
  Line& l = row.line;
  auto text = [&](const char* key) { return json::string_field(o, key); };
  const auto hw = text("hw");
  if (!hw.ok()) return hw.error;
  if (hw.value) l.hardware = catalog::normalize_gpu(*hw.value);
  const auto prefix = text("infmax_model_prefix");
  const auto model = text("model");
  if (prefix.value) l.model = catalog::normalize_model(*prefix.value);
  else if (model.value) l.model = catalog::normalize_model(*model.value);
  if (const auto f = text("framework"); f.value) l.framework = catalog::normalize_framework(*f.value);
  if (const auto p = text("precision"); p.value) l.precision = catalog::normalize_precision(*p.value);
  if (const auto s = text("spec_decoding"); s.value) l.spec_method = catalog::normalize_spec(*s.value);
  if (auto e = read_bool(o, "disagg", l.disagg); !e.empty()) return e;
  if (auto e = read_bool(o, "is_multinode", l.is_multinode); !e.empty()) return e;

  std::int32_t tp = 0, ep = 0;
  bool dpa = false;
  if (auto e = read_int(o, "tp", tp); !e.empty()) return e;
  if (auto e = read_int(o, "ep", ep); !e.empty()) return e;
  if (auto e = read_bool(o, "dp_attention", dpa); !e.empty()) return e;
  l.prefill_tp = l.decode_tp = tp;
  l.prefill_ep = l.decode_ep = ep;
  l.prefill_dp_attention = l.decode_dp_attention = dpa;
  l.num_prefill_gpu = l.num_decode_gpu = tp;
  for (auto [key, out] : {std::pair{"prefill_tp", &l.prefill_tp},
                          {"prefill_ep", &l.prefill_ep},
                          {"prefill_num_workers", &l.prefill_num_workers},
                          {"decode_tp", &l.decode_tp},
                          {"decode_ep", &l.decode_ep},
                          {"decode_num_workers", &l.decode_num_workers},
                          {"num_prefill_gpu", &l.num_prefill_gpu},
                          {"num_decode_gpu", &l.num_decode_gpu},
                          {"isl", &l.isl},
                          {"osl", &l.osl},
                          {"conc", &row.conc}})
    if (auto e = read_int(o, key, *out); !e.empty()) return e;
  for (auto [key, out] : {std::pair{"prefill_dp_attention", &l.prefill_dp_attention}, {"decode_dp_attention", &l.decode_dp_attention}})
    if (auto e = read_bool(o, key, *out); !e.empty()) return e;

  const auto scenario = text("scenario_type");
  l.benchmark_type = (scenario.value && scenario.value->find("agentic") != std::string::npos) || (l.isl == 0 && l.osl == 0)
                         ? "agentic_traces"
                         : "single_turn";
  if (const auto off = text("offloading"); off.value) l.offload_mode = (*off.value == "none" || off.value->empty()) ? "off" : "on";

  if (auto e = axis_type_error(o); !e.empty()) return e;
  row.date = text::kNoDate;
  if (const auto d = text("date"); d.value) {
    const auto days = text::parse_date(*d.value);
    if (!days) return fmt::format("unreadable date '{}'", *d.value);
    row.date = *days;
  }
  if (const auto img = text("image"); img.value) row.image = *img.value;

  // Every other numeric key with an API metric name is a metric; the rest is reported as ignored.
  static constexpr std::array kConfigKeys = {"hw",
                                             "conc",
                                             "image",
                                             "model",
                                             "infmax_model_prefix",
                                             "framework",
                                             "precision",
                                             "spec_decoding",
                                             "disagg",
                                             "scenario_type",
                                             "is_multinode",
                                             "tp",
                                             "ep",
                                             "dp_attention",
                                             "offloading",
                                             "isl",
                                             "osl",
                                             "date",
                                             "prefill_tp",
                                             "prefill_ep",
                                             "prefill_dp_attention",
                                             "prefill_num_workers",
                                             "decode_tp",
                                             "decode_ep",
                                             "decode_dp_attention",
                                             "decode_num_workers",
                                             "num_prefill_gpu",
                                             "num_decode_gpu",
                                             "mtp"};
  for (auto [key, value] : o) {
    bool config = false;
    for (const char* c : kConfigKeys) config = config || key == c;
    if (config) continue;
    if (const auto field = field_from_name(key)) read_metric(b, row, key, value, field);
    else b.ignored_field(key);
  }
  return {};
}

std::string read_evaluation(DatasetBuilder& b, const object& o, Evaluation& ev, ReadState& st) {
  RawRow row;
  if (auto e = read_api_config(scan(o, nullptr, st.keys), row, st.cache); !e.empty()) return e;
  ev.line = std::move(row.line);
  ev.line.isl = ev.line.osl = 0;
  ev.line.benchmark_type = "evaluation";
  ev.date = row.date;
  ev.conc = row.conc;
  ev.run_url = std::move(row.run.url);
  const auto task = json::string_field(o, "task");
  if (!task.ok()) return task.error;
  if (!task.value) return "missing task";
  ev.task = *task.value;
  if (ev.line.hardware.empty() || ev.line.model.empty() || ev.line.precision.empty() || ev.line.framework.empty())
    return "missing hardware, model, precision or framework";
  auto metrics = o.at_key("metrics");
  object m;
  if (metrics.error() || metrics.value_unsafe().get(m)) return "missing metrics object";
  for (auto [key, value] : m) {
    double* out = key == "em_strict"        ? &ev.em_strict
                  : key == "em_strict_se"   ? &ev.em_strict_se
                  : key == "em_flexible"    ? &ev.em_flexible
                  : key == "em_flexible_se" ? &ev.em_flexible_se
                  : key == "n_eff"          ? &ev.n_eff
                                            : nullptr;
    double d;
    if (!out || value.get(d)) {
      if (!out) b.ignored_field(fmt::format("evaluation metrics.{}", key));
      continue;
    }
    *out = d;
  }
  if (std::isnan(ev.em_strict)) return "missing em_strict score";
  return {};
}

Kind classify(const object& o) {
  auto has = [&](const char* k) { return !o.at_key(k).error(); };
  if (has("task") && has("metrics")) return Kind::evaluations;
  if (has("metrics") && has("hardware")) return Kind::api_rows;
  if (has("hw")) return Kind::runner;
  if (has("n_success") && has("total")) return Kind::reliability;
  if (has("hardware") && has("model") && has("date")) return Kind::availability;
  return Kind::unknown;
}

const char* skip_reason(Kind k) {
  switch (k) {
    case Kind::availability: return "availability listing (which configs ran on which dates), no metrics";
    case Kind::reliability: return "reliability counts per GPU and date, no metrics";
    default: return "not a recognised InferenceX document";
  }
}

const char* format_name(Kind k) { return k == Kind::runner ? "runner-json" : k == Kind::evaluations ? "evaluations" : "api-json"; }

void read_record(DatasetBuilder& b, std::uint32_t source, std::size_t index, const object& o, Kind kind, ReadState& st) {
  b.record_read(source);
  if (kind == Kind::evaluations) {
    Evaluation ev;
    const std::string error = read_evaluation(b, o, ev, st);
    if (!error.empty()) b.unusable(source, fmt::format("row {}", index + 1), error);
    else b.add_evaluation(source, std::move(ev));
    return;
  }
  RawRow row;
  bool synthetic = false;
  const std::string error = kind == Kind::api_rows ? read_api_row(b, o, row, st, synthetic) : read_runner_row(b, o, row);
  std::string where = fmt::format("row {}", index + 1);
  if (!error.empty()) {
    b.unusable(source, std::move(where), error);
    return;
  }
  if (b.add(source, std::move(where), std::move(row)) && synthetic) ++st.synthetic;
}

// Generated rows are told apart from measurements wherever the data set is described.
void note_synthetic(DatasetBuilder& b, std::uint32_t source, const ReadState& st) {
  b.synthetic_rows(source, st.synthetic);
  if (st.synthetic)
    b.note(fmt::format("{}: {} rows are marked \"synthetic\": generated by bench/gen_history.py, not InferenceX measurements",
                       b.report().sources[source].name, st.synthetic));
}

}  // namespace

// Records of one top-level array; the document's kind is that of its first object, and records of
// another shape are unusable rows. Returns false once the whole document was set aside.
ArrayReader::ArrayReader(DatasetBuilder& b, std::uint32_t source) : state_(std::make_unique<ReadState>()), b_(b), source_(source) {}

ArrayReader::~ArrayReader() { note_synthetic(b_, source_, *state_); }

bool ArrayReader::element(const json::element& e, std::size_t index, const std::string& where) {
  object o;
  if (e.get(o)) {
    b_.record_read(source_);
    b_.unusable(source_, where, "not a JSON object");
    return true;
  }
  if (!kind_) {
    kind_ = classify(o);
    if (*kind_ != Kind::api_rows && *kind_ != Kind::runner && *kind_ != Kind::evaluations) {
      b_.skip_source(source_, skip_reason(*kind_), *kind_ != Kind::unknown);
      return false;
    }
    b_.set_format(source_, format_name(*kind_));
  }
  read_record(b_, source_, index, o, *kind_, *state_);
  return true;
}

bool read_single(DatasetBuilder& b, std::uint32_t source, const json::object& o) {
  const Kind kind = classify(o);
  if (kind != Kind::api_rows && kind != Kind::runner && kind != Kind::evaluations) {
    b.skip_source(source, skip_reason(kind), kind != Kind::unknown);
    return false;
  }
  b.set_format(source, format_name(kind));
  ReadState st;
  read_record(b, source, 0, o, kind, st);
  note_synthetic(b, source, st);
  return true;
}

}  // namespace icq::data
