// Raw output of the benchmark client (benchmark_serving.py) before the runner aggregates it.
// The configuration is encoded in the file name, e.g.
//   gptoss_h200_vllm22.0_sweep1__gptoss_fp4_h200_tp8_conc16_isl1024_osl1024.json
//   <sweep: model, gpu, framework+version, …>__<run: model, precision, gpu, tpN, concN, islN, oslN>
// and the metrics are derived the way the InferenceX runner (utils/process_result.py) does:
// throughputs divided by the TP width, "*_ms" latencies divided by 1000, interactivity = 1000/tpot_ms.
#include <fmt/format.h>

#include <cctype>
#include <optional>
#include <string>
#include <vector>

#include "catalog/catalog.hpp"
#include "data/json_reader.hpp"
#include "data/load.hpp"
#include "text/dates.hpp"
#include "text/text.hpp"

namespace icq::data {

namespace {

std::vector<std::string> split(std::string_view s, char sep) {
  std::vector<std::string> out;
  std::size_t start = 0;
  for (std::size_t i = 0; i <= s.size(); ++i)
    if (i == s.size() || s[i] == sep) {
      out.emplace_back(s.substr(start, i - start));
      start = i + 1;
    }
  return out;
}

std::optional<int> number_after(std::string_view token, std::string_view prefix) {
  if (!token.starts_with(prefix) || token.size() == prefix.size()) return std::nullopt;
  int v = 0;
  for (char c : token.substr(prefix.size())) {
    if (!std::isdigit(static_cast<unsigned char>(c))) return std::nullopt;
    v = v * 10 + (c - '0');
    if (v > 1'000'000) return std::nullopt;
  }
  return v;
}

// "sglang5.12" -> "sglang": the framework with its version stripped, when the catalog knows it.
std::optional<std::string> framework_token(std::string_view token) {
  std::string t = text::lower(token);
  while (!t.empty() && (std::isdigit(static_cast<unsigned char>(t.back())) || t.back() == '.')) t.pop_back();
  if (auto key = catalog::resolve(catalog::frameworks(), t)) return key;
  return std::nullopt;
}

// The model named by a path such as "/home/models/openai--gpt-oss-120b".
std::optional<std::string> model_from_path(std::string_view path) {
  std::string last(path.substr(path.find_last_of('/') == std::string_view::npos ? 0 : path.find_last_of('/') + 1));
  if (auto k = catalog::resolve_model(last)) return k;
  if (const auto dd = last.find("--"); dd != std::string::npos)
    if (auto k = catalog::resolve_model(last.substr(dd + 2))) return k;
  return std::nullopt;
}

struct NameConfig {
  Line line;
  int conc = 0;
  std::string model_token, error;
};

NameConfig parse_name(std::string_view file_name) {
  NameConfig c;
  std::string stem(file_name.substr(file_name.find_last_of('/') == std::string_view::npos ? 0 : file_name.find_last_of('/') + 1));
  if (stem.ends_with(".json")) stem.resize(stem.size() - 5);
  std::string sweep, run = stem;
  if (const auto dd = stem.find("__"); dd != std::string::npos) sweep = stem.substr(0, dd), run = stem.substr(dd + 2);
  Line& l = c.line;
  l.prefill_ep = l.decode_ep = 1;
  for (const auto& t : split(sweep, '_'))
    if (auto fw = framework_token(t)) l.framework = *fw;
  const auto tokens = split(run, '_');
  if (tokens.size() < 3) {
    c.error = "file name does not encode a configuration (expected model_precision_gpu_tpN_concN_islN_oslN)";
    return c;
  }
  c.model_token = tokens[0];
  l.model = catalog::normalize_model(tokens[0]);
  for (std::size_t i = 1; i < tokens.size(); ++i) {
    const std::string t = text::lower(tokens[i]);
    if (auto v = number_after(t, "tp")) l.prefill_tp = l.decode_tp = *v;
    else if (auto e = number_after(t, "ep")) l.prefill_ep = l.decode_ep = *e;
    else if (auto cc = number_after(t, "conc")) c.conc = *cc;
    else if (auto is = number_after(t, "isl")) l.isl = *is;
    else if (auto os = number_after(t, "osl")) l.osl = *os;
    else if (t == "dpa" || t == "dp-attention") l.prefill_dp_attention = l.decode_dp_attention = true;
    else if (t == "mtp") l.spec_method = "mtp";
    else if (catalog::resolve(catalog::precisions(), t)) l.precision = catalog::normalize_precision(t);
    else if (catalog::find_gpu(catalog::normalize_gpu(t))) l.hardware = catalog::normalize_gpu(t);
    else if (auto fw = framework_token(t)) l.framework = *fw;
  }
  l.num_prefill_gpu = l.num_decode_gpu = l.decode_tp;
  if (l.hardware.empty()) c.error = "file name names no known GPU";
  else if (l.precision.empty()) c.error = "file name names no precision";
  else if (l.decode_tp <= 0) c.error = "file name has no tpN";
  else if (l.framework.empty()) c.error = "file name names no framework (expected e.g. 'sglang5.12' in the sweep part)";
  else if (l.isl <= 0 || l.osl <= 0) c.error = "file name has no islN/oslN";
  return c;
}

}  // namespace

void load_serving_raw(DatasetBuilder& b, std::uint32_t source, std::string_view file_name, std::string_view bytes, bool padded) {
  require_json_library();
  b.record_read(source);
  const std::string where = "file";
  simdjson::dom::parser parser;
  simdjson::padded_string copy;
  simdjson::dom::element root;
  const auto err = padded ? parser.parse(bytes.data(), bytes.size(), false).get(root)
                          : (copy = simdjson::padded_string(bytes), parser.parse(copy).get(root));
  json::object o;
  if (err || root.get(o)) {
    b.unusable(source, where, err ? fmt::format("invalid JSON: {}", json_error_text(err)) : "not a JSON object");
    return;
  }
  NameConfig cfg = parse_name(file_name);
  if (!cfg.error.empty()) {
    b.unusable(source, where, cfg.error);
    return;
  }
  RawRow row;
  row.line = std::move(cfg.line);
  const auto max_conc = json::integer_field(o, "max_concurrency");
  row.conc = max_conc.value ? static_cast<std::int32_t>(*max_conc.value) : cfg.conc;
  if (max_conc.value && cfg.conc && *max_conc.value != cfg.conc) {
    b.unusable(source, where, fmt::format("file name says conc{} but max_concurrency is {}", cfg.conc, *max_conc.value));
    return;
  }
  // A file whose name and content name different models cannot be attributed to either.
  if (const auto model_id = json::string_field(o, "model_id"); model_id.value) {
    const auto content_model = model_from_path(*model_id.value);
    if (content_model && *content_model != row.line.model) {
      b.unusable(source, where,
                 fmt::format("file name says model '{}' ({}) but model_id is '{}' ({})", cfg.model_token, row.line.model, *model_id.value,
                             *content_model));
      return;
    }
  }
  const auto date = json::string_field(o, "date");
  const auto days = date.value ? text::parse_date(*date.value) : std::nullopt;
  if (!days) {
    b.unusable(source, where, date.value ? fmt::format("unreadable date '{}'", *date.value) : "missing date");
    return;
  }
  row.date = *days;

  const auto total = json::number_field(o, "total_token_throughput");
  const auto output = json::number_field(o, "output_throughput");
  if (!total.value || !output.value) {
    b.unusable(source, where, "missing total_token_throughput or output_throughput");
    return;
  }
  const double tp = row.line.decode_tp;
  row.set(Field::tput_per_gpu, *total.value / tp);
  row.set(Field::output_tput_per_gpu, *output.value / tp);
  row.set(Field::input_tput_per_gpu, (*total.value - *output.value) / tp);
  for (auto [key, value] : o) {
    if (!key.ends_with("_ms")) continue;
    std::string name(key.substr(0, key.size() - 3));
    double v;
    if (value.get(v)) continue;
    if (auto f = field_from_name(name)) row.set(*f, v / 1000.0);
    else b.ignored_field(key);
    if (name.find("tpot") != std::string::npos && v > 0) {
      const std::string intvty = name.replace(name.find("tpot"), 4, "intvty");
      if (auto f = field_from_name(intvty)) row.set(*f, 1000.0 / v);
    }
  }
  const auto completed = json::integer_field(o, "completed");
  const auto prompts = json::integer_field(o, "num_prompts");
  if (completed.value && prompts.value && *completed.value < *prompts.value)
    b.note(fmt::format("{}: {} of {} requests completed", file_name, *completed.value, *prompts.value));
  b.add(source, where, std::move(row));
}

}  // namespace icq::data
