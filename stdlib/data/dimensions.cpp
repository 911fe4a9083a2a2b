#include "data/dimensions.hpp"

#include <algorithm>
#include <deque>
#include <string>

#include "text/text.hpp"

namespace icq::data {

namespace {

// A line's sequence label ("1k/1k"), memoised: every selection tests it on every line, and
// formatting it each time was a quarter of a warm compare.
const std::string& sequence_of(const Line& l) {
  // The data has a handful of sequences: a short list searched in order beats a map; a deque keeps
  // the labels where they are as it grows.
  struct Label {
    std::int32_t isl, osl;
    bool agentic;
    std::string text;
  };
  thread_local std::deque<Label> labels;
  const bool agentic = l.agentic();
  for (const Label& x : labels)
    if (x.isl == l.isl && x.osl == l.osl && x.agentic == agentic) return x.text;
  return labels.push_back({l.isl, l.osl, agentic, l.sequence()}), labels.back().text;
}

bool deployment_has(const Line& l, const std::string& key) {
  if (key == "disagg") return l.disagg;
  if (key == "single-node") return !l.disagg && !l.is_multinode;
  if (key == "agg") return !l.disagg;
  if (key == "multinode") return l.is_multinode;
  return false;
}

std::vector<std::string> deployment_keys(const Line& l) {
  std::vector<std::string> out;
  // The first is the line's one value (line_value): disagg, else multinode, else single-node.
  for (const char* k : {"disagg", "multinode", "single-node", "agg"})
    if (deployment_has(l, k)) out.emplace_back(k);
  return out;
}

std::string lower(std::string_view t) { return text::lower(t); }

template <std::span<const catalog::Named> (*Table)() noexcept>
std::optional<std::string> resolve_in(std::string_view t) {
  return catalog::resolve(Table(), t);
}
template <std::span<const catalog::Named> (*Table)() noexcept>
std::vector<std::string> names_in() {
  return catalog::names_of(Table());
}
template <std::span<const catalog::Named> (*Table)() noexcept>
std::string display_in(std::string_view key) {
  return catalog::display(Table(), key);
}

std::vector<std::string> gpu_names() {
  std::vector<std::string> out;
  for (const auto& g : catalog::gpus()) out.push_back(g.key);
  return out;
}

std::vector<std::string> model_names() {
  std::vector<std::string> out;
  for (const auto& m : catalog::models()) {
    out.push_back(m.key);
    out.insert(out.end(), m.aliases.begin(), m.aliases.end());
  }
  return out;
}

std::vector<std::string> sequence_names() {
  std::vector<std::string> out;
  for (const auto& s : catalog::sequences()) out.push_back(s.key);
  return out;
}

#define ICQ_ONE_KEY(expr) [](const Line& l) { return std::vector<std::string>{expr}; }
#define ICQ_HAS(expr) [](const Line& l, const std::string& k) { return (expr) == k; }

const std::vector<Dimension>& table() {
  using catalog::Named;
  // A table laid out by hand, a row a line.
  // clang-format off
  static const std::vector<Dimension> dims = {
      {LineField::gpu, "gpu", {"on", "hardware"}, "GPU", "gpus", {}, ICQ_ONE_KEY(l.hardware), ICQ_HAS(l.hardware),
       catalog::resolve_gpu, catalog::normalize_gpu, gpu_names, catalog::gpu_display, &Line::hardware},
      {LineField::model, "model", {}, "model", "models", {}, ICQ_ONE_KEY(l.model), ICQ_HAS(l.model),
       catalog::resolve_model, lower, model_names, catalog::model_display, &Line::model},
      {LineField::precision, "precision", {}, "precision", "precisions", catalog::precisions(), ICQ_ONE_KEY(l.precision),
       ICQ_HAS(l.precision), resolve_in<catalog::precisions>, lower, names_in<catalog::precisions>,
       display_in<catalog::precisions>, &Line::precision},
      {LineField::framework, "framework", {}, "framework", "frameworks", catalog::frameworks(), ICQ_ONE_KEY(l.framework),
       ICQ_HAS(l.framework), resolve_in<catalog::frameworks>, lower, names_in<catalog::frameworks>,
       display_in<catalog::frameworks>, &Line::framework},
      {LineField::family, "family", {}, "framework family", "families", catalog::families(),
       ICQ_ONE_KEY(catalog::family_of_framework(l.framework)), ICQ_HAS(catalog::family_of_framework(l.framework)),
       resolve_in<catalog::families>, lower, names_in<catalog::families>, display_in<catalog::families>, nullptr},
      {LineField::spec, "spec", {}, "spec method", "specs", catalog::spec_methods(), ICQ_ONE_KEY(l.spec_method),
       ICQ_HAS(l.spec_method), resolve_in<catalog::spec_methods>, lower, names_in<catalog::spec_methods>,
       display_in<catalog::spec_methods>, &Line::spec_method},
      {LineField::seq, "seq", {}, "sequence", "sequences", {}, ICQ_ONE_KEY(sequence_of(l)), ICQ_HAS(sequence_of(l)),
       [](std::string_view t) -> std::optional<std::string> {
         if (auto s = catalog::resolve_sequence(t)) return s->key;
         return std::nullopt;
       },
       lower, sequence_names, [](std::string_view key) { return std::string(key); }, nullptr},
      {LineField::deployment, "deployment", {}, "deployment", "deployments", catalog::deployments(), deployment_keys,
       deployment_has, resolve_in<catalog::deployments>, lower, names_in<catalog::deployments>,
       display_in<catalog::deployments>, nullptr},
      {LineField::vendor, "vendor", {}, "vendor", "vendors", catalog::vendors(),
       ICQ_ONE_KEY(catalog::vendor_of_gpu(l.hardware)), ICQ_HAS(catalog::vendor_of_gpu(l.hardware)),
       resolve_in<catalog::vendors>, lower, names_in<catalog::vendors>, display_in<catalog::vendors>, nullptr},
  };
  // clang-format on
  return dims;
}

#undef ICQ_ONE_KEY
#undef ICQ_HAS

}  // namespace

std::span<const Dimension> dimensions() noexcept { return table(); }

const Dimension& dimension(LineField f) noexcept { return table()[static_cast<std::size_t>(f)]; }

const Dimension* find_dimension(std::string_view keyword) noexcept {
  for (const auto& d : table()) {
    if (text::iequals(d.keyword, keyword)) return &d;
    for (const auto a : d.aliases)
      if (text::iequals(a, keyword)) return &d;
  }
  return nullptr;
}

std::string normalize(const Dimension& d, std::string_view text) {
  if (auto key = d.resolve(text)) return *key;
  return d.raw_key(text);
}

std::string line_value(LineField f, const Line& l) { return dimension(f).keys_of(l).front(); }

// Appended piece by piece, not formatted: a compare labels every knot it reads (evidence), and
// fmt's formatting was most of a label's cost.
std::string config_label(const Line& l) {
  std::string s;
  s.reserve(64);
  s.append(l.hardware).append(" ").append(l.framework).append(" ").append(l.precision);
  if (l.spec_method != "none") s.append(" ").append(l.spec_method);
  const auto shape = [&](std::int32_t tp, std::int32_t ep, bool dpa) {
    s.append("tp").append(std::to_string(tp));
    if (ep > 1) s.append(" ep").append(std::to_string(ep));
    if (dpa) s.append(" dpa");
  };
  if (l.disagg) {
    s.append(" disagg ").append(std::to_string(l.prefill_num_workers)).append("P×");
    shape(l.prefill_tp, l.prefill_ep, l.prefill_dp_attention);
    s.append(" + ").append(std::to_string(l.decode_num_workers)).append("D×");
    shape(l.decode_tp, l.decode_ep, l.decode_dp_attention);
    s.append(" (").append(std::to_string(l.gpus())).append(" GPUs)");
  } else {
    s.append(" ");
    shape(l.decode_tp, l.decode_ep, l.decode_dp_attention);
    if (l.is_multinode) s.append(" multinode");
  }
  if (l.offload_mode != "off") s.append(" offload ").append(l.offload_mode);
  return s;
}

}  // namespace icq::data
