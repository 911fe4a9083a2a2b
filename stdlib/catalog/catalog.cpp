#include "catalog/catalog.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "text/text.hpp"

namespace icq::catalog {

namespace {

// SEMANTICS.md §7, verbatim.
const std::vector<Gpu> kGpus = {
    {"h100", "H100", "nvidia", "NVIDIA Hopper"},
    {"h200", "H200", "nvidia", "NVIDIA Hopper"},
    {"b200", "B200", "nvidia", "NVIDIA Blackwell"},
    {"b300", "B300", "nvidia", "NVIDIA Blackwell Ultra"},
    {"gb200", "GB200", "nvidia", "NVIDIA Blackwell"},
    {"gb300", "GB300", "nvidia", "NVIDIA Blackwell Ultra"},
    {"mi300x", "MI300X", "amd", "AMD CDNA 3"},
    {"mi325x", "MI325X", "amd", "AMD CDNA 3"},
    {"mi355x", "MI355X", "amd", "AMD CDNA 4"},
    // Priced from the 2026-07 edition on (SEMANTICS.md §10); older editions fail cost clearly.
    {"rtx6000pro", "RTX PRO 6000", "nvidia", "NVIDIA Blackwell"},
    {"tpuv7", "TPU7x", "google", "Google Ironwood"},
    {"vr200", "Vera Rubin", "nvidia", "NVIDIA Vera Rubin"},
};

const std::vector<PriceEdition> kEditions = {
    {"2026-04",
     {{"h100", {"1.73", "1.30", "1.69", "1.30"}},
      {"h200", {"1.73", "1.41", "1.74", "1.60"}},
      {"b200", {"2.17", "1.95", "2.34", "2.90"}},
      {"b300", {"2.17", "2.34", "2.808", "3.48"}},
      {"gb200", {"2.10", "2.21", "2.75", "3.30"}},
      {"gb300", {"2.10", "2.652", "3.30", "3.96"}},
      {"mi300x", {"1.79", "1.12", "1.40", "1.55"}},
      {"mi325x", {"2.18", "1.28", "1.59", "1.80"}},
      {"mi355x", {"2.65", "1.48", "1.90", "2.10"}}}},
    {"2026-07",
     {{"h100", {"1.37", "1.17", "1.55", "1.78"}},
      {"h200", {"1.37", "1.22", "1.59", "2.05"}},
      {"b200", {"1.71", "1.73", "2.07", "2.60"}},
      {"b300", {"1.90", "2.26", "2.52", "3.00"}},
      {"gb200", {"1.87", "1.86", "2.26", "2.60"}},
      {"gb300", {"2.12", "2.31", "2.79", "3.30"}},
      {"mi300x", {"1.39", "0.95", "1.16", "1.30"}},
      {"mi325x", {"1.69", "1.10", "1.32", "1.60"}},
      {"mi355x", {"2.09", "1.50", "2.09", "2.10"}},
      {"rtx6000pro", {"0.975", "0.68", "0.75", "0.52"}}}},
    // 2026-09 (#1056, #1071): the neocloud tier is gone (empty), 3-year rental corrected; kW as 2026-07.
    {"2026-09",
     {{"h100", {"1.37", "1.17", "", "2.00"}},
      {"h200", {"1.37", "1.22", "", "2.90"}},
      {"b200", {"1.71", "1.73", "", "3.70"}},
      {"b300", {"1.90", "2.26", "", "4.25"}},
      {"gb200", {"1.87", "1.86", "", "4.00"}},
      {"gb300", {"2.12", "2.31", "", "5.00"}},
      {"mi300x", {"1.39", "0.95", "", "1.30"}},
      {"mi325x", {"1.69", "1.10", "", "1.60"}},
      {"mi355x", {"2.09", "1.50", "", "2.90"}},
      {"rtx6000pro", {"0.975", "0.68", "", "0.52"}},
      {"tpuv7", {"1.207", "1.21", "", "2.00"}},
      {"vr200", {"3.3", "3.61", "", "8.50"}}}},
};

// Parameter counts only where the model's published name or card states them; empty otherwise.
const std::vector<Model> kModels = {
    {"dsr1", "DeepSeek-R1-0528", {"deepseek-r1-0528", "deepseek-r1", "deepseekr1", "dsr1-0528", "r1"}, "671B", "37B"},
    {"gptoss120b", "gpt-oss-120b", {"gpt-oss-120b", "gptoss", "gpt-oss", "gptoss-120b"}, "117B", "5.1B"},
    {"qwen3.5",
     "Qwen-3.5-397B-A17B",
     {"qwen3.5-397b", "qwen3.5-397b-a17b", "qwen-3.5-397b-a17b", "qwen-3.5", "qwen35", "qwen3.5-397"},
     "397B",
     "17B"},
    {"kimik2.5", "Kimi-K2.5", {"kimi-k2.5"}, "1T", ""},
    {"kimik2.6", "Kimi-K2.6", {"kimi-k2.6"}, "1T", ""},
    {"kimik2.7-code", "Kimi-K2.7-Code", {"kimi-k2.7-code"}, "1T", ""},
    {"kimik3", "Kimi-K3", {}, "2.8T", ""},
    {"glm5", "GLM-5", {}, "", ""},
    {"glm5.1", "GLM-5.1", {"glm-5.1"}, "", ""},
    {"glm5.2", "GLM-5.2", {"glm-5.2"}, "744B", ""},
    {"minimaxm2.5", "MiniMax-M2.5", {"minimax-m2.5"}, "", ""},
    {"minimaxm2.7", "MiniMax-M2.7", {"minimax-m2.7"}, "", ""},
    {"minimaxm3", "MiniMax-M3", {}, "428B", ""},
    {"qwen3.8next", "Qwen3.8-Flash-Next", {"qwen3.8-flash-next"}, "176B", "6B"},
    {"dsv4", "DeepSeek-V4-Pro", {"deepseek-v4-pro", "dsv4-pro"}, "1.6T", ""},
    {"llama70b", "Llama-3.3-70B", {"llama-3.3-70b", "llama3.3-70b", "llama-70b", "llama3.3", "llama-3.3-70b-instruct-fp8"}, "70B", "70B"},
};

// DASHBOARD.md §7: a compare page's model is a slug that pools the DB keys of one architecture's
// point releases; its label is the model name in the page's sentences. Slug names and their
// aliases resolve to the group; a DB key stays that one key.
const std::vector<ModelGroup> kModelGroups = {
    {"deepseek-v4", "DeepSeek-V4-Pro", {"dsv4"}, "DeepSeekv4 Pro 0813 1.6T", {}},
    {"deepseek-r1", "DeepSeek-R1-0528", {"dsr1"}, "DeepSeek R1", {"deepseek"}},
    {"kimi-k3", "Kimi-K3", {"kimik3"}, "Kimi K3 2.8T", {}},
    {"kimi-k26", "Kimi-K2.5", {"kimik2.7-code", "kimik2.6", "kimik2.5"}, "Kimi K2.5/K2.6/K2.7-Code 1T", {"kimi", "kimi-k25"}},
    {"glm-5-1", "GLM-5", {"glm5.1", "glm5"}, "GLM 5/5.1", {"glm", "glm-5"}},
    {"glm-5-2", "GLM-5.2", {"glm5.2"}, "GLM 5.3 744B", {}},
    {"minimax-m3", "MiniMax-M3", {"minimaxm3"}, "MiniMax M3 428B", {}},
    {"minimax-m27", "MiniMax-M2.5", {"minimaxm2.7", "minimaxm2.5"}, "MiniMax M2.5/M2.7", {"minimax", "minimax-m25"}},
    {"qwen-3-8-flash-next", "Qwen3.8-Flash-Next", {"qwen3.8next"}, "Qwen 3.8 Flash Next 176B-A6B", {}},
    {"qwen-3-5", "Qwen-3.5-397B-A17B", {"qwen3.5"}, "Qwen 3.5 397B-A17B", {"qwen"}},
    {"gptoss-120b", "gpt-oss-120b", {"gptoss120b"}, "gpt-oss 120B", {"gptoss"}},
    {"llama-3-3-70b", "Llama-3.3-70B-Instruct-FP8", {"llama70b"}, "Llama 3.3 70B", {"llama"}},
};

const std::vector<Named> kPrecisions = {
    {"fp4", "FP4", {"nvfp4", "mxfp4"}, "", "4-bit floating point (NVFP4 on NVIDIA, MXFP4 on AMD)"},
    {"fp8", "FP8", {"mxfp8"}, "", "8-bit floating point"},
    {"bf16", "BF16", {"bfloat16"}, "", "16-bit brain floating point"},
    {"int4", "INT4", {"w4a16"}, "", "4-bit integer weights"},
};

const std::vector<Named> kFrameworks = {
    {"sglang", "SGLang", {}, "sglang", "SGLang, single node"},
    {"vllm", "vLLM", {}, "vllm", "vLLM, single node"},
    {"trt", "TRT-LLM", {"trtllm", "trt-llm", "tensorrt-llm"}, "trt", "TensorRT-LLM, single node"},
    {"atom", "ATOM", {}, "atom", "AMD ATOM"},
    {"dynamo-trt", "Dynamo TRT-LLM", {"dynamo-trtllm"}, "trt", "NVIDIA Dynamo with TensorRT-LLM workers"},
    {"dynamo-sglang", "Dynamo SGLang", {}, "sglang", "NVIDIA Dynamo with SGLang workers"},
    {"dynamo-vllm", "Dynamo vLLM", {}, "vllm", "NVIDIA Dynamo with vLLM workers"},
    {"mori-sglang", "MoRI SGLang", {}, "sglang", "AMD MoRI disaggregation with SGLang workers"},
    {"llmd-vllm", "llm-d vLLM", {"llm-d-vllm", "llmd"}, "vllm", "llm-d with vLLM workers"},
    {"vllm-disagg", "vLLM disagg", {}, "vllm", "vLLM prefill/decode disaggregation"},
    {"atom-disagg", "ATOM disagg", {}, "atom", "ATOM prefill/decode disaggregation"},
};

const std::vector<Named> kFamilies = {
    {"sglang", "SGLang family", {}, "", "sglang, dynamo-sglang, mori-sglang"},
    {"vllm", "vLLM family", {}, "", "vllm, dynamo-vllm, llmd-vllm, vllm-disagg"},
    {"trt", "TRT-LLM family", {"trtllm"}, "", "trt, dynamo-trt"},
    {"atom", "ATOM family", {}, "", "atom, atom-disagg"},
};

const std::vector<Named> kSpecMethods = {
    // Spec values stay as the data names them: EAGLE is its own method, not an alias of MTP.
    {"mtp", "MTP", {}, "", "multi-token prediction speculative decoding"},
    {"none", "Off", {"off", "stp", "no", "nospec"}, "", "no speculative decoding"},
};

const std::vector<Named> kDeployments = {
    {"disagg", "Disagg", {"disaggregated", "pd"}, "", "prefill/decode disaggregated serving (disagg = true)"},
    {"single-node", "Single-node", {"single", "singlenode"}, "", "aggregated serving on one node"},
    {"agg", "Aggregated", {"aggregated"}, "", "aggregated serving, any node count (disagg = false)"},
    {"multinode", "Multi-node", {"multi-node"}, "", "serving across nodes (is_multinode = true)"},
};

const std::vector<Named> kVendors = {
    {"nvidia", "NVIDIA", {"nv"}, "", "H100 H200 B200 B300 GB200 GB300 RTX PRO 6000 Vera Rubin"},
    {"amd", "AMD", {}, "", "MI300X MI325X MI355X"},
    {"google", "Google", {}, "", "TPU7x"},
};

const std::vector<Named> kTiers = {
    {"hyperscaler", "hyperscaler", {"cloud"}, "", "on-demand hyperscaler price (comparison pages use it)"},
    {"neocloud", "neocloud", {}, "", "neocloud price"},
    {"rental", "3-year rental", {"3yr", "3-year"}, "", "3-year rental price"},
};

const std::vector<Sequence> kSequences = {
    {"1k/1k", 1024, 1024, {"1024/1024"}},
    {"1k/8k", 1024, 8192, {"1024/8192"}},
    {"8k/1k", 8192, 1024, {"8192/1024"}},
    {"agentic", 0, 0, {"agentic-traces", "agentic_traces", "traces"}},
};

bool matches(const Named& n, std::string_view name) {
  if (text::iequals(n.key, name)) return true;
  return std::any_of(n.aliases.begin(), n.aliases.end(), [&](const std::string& a) { return text::iequals(a, name); });
}

}  // namespace

const Economics* PriceEdition::find(std::string_view gpu) const noexcept {
  for (const auto& [key, econ] : gpus)
    if (key == gpu) return &econ;
  return nullptr;
}

std::span<const Gpu> gpus() noexcept { return kGpus; }
std::span<const PriceEdition> price_editions() noexcept { return kEditions; }
std::span<const Model> models() noexcept { return kModels; }
std::span<const ModelGroup> model_groups() noexcept { return kModelGroups; }

const ModelGroup* find_model_group(std::string_view name) noexcept {
  for (const auto& g : kModelGroups) {
    if (text::iequals(g.slug, name)) return &g;
    for (const auto& a : g.aliases)
      if (text::iequals(a, name)) return &g;
  }
  return nullptr;
}

const ModelGroup* group_of_model(std::string_view key) noexcept {
  for (const auto& g : kModelGroups)
    if (std::find(g.keys.begin(), g.keys.end(), key) != g.keys.end()) return &g;
  return nullptr;
}

std::vector<std::string> editions_with_tier(std::string_view tier) {
  std::vector<std::string> out;
  for (const auto& e : kEditions)
    if (std::all_of(e.gpus.begin(), e.gpus.end(), [&](const auto& g) { return !tier_price(g.second, tier).empty(); }))
      out.push_back(e.name);
  return out;
}

const std::string& tier_price(const Economics& e, std::string_view tier) noexcept {
  return tier == "neocloud" ? e.neocloud : tier == "rental" ? e.rental : e.hyperscaler;
}
std::span<const Named> precisions() noexcept { return kPrecisions; }
std::span<const Named> frameworks() noexcept { return kFrameworks; }
std::span<const Named> families() noexcept { return kFamilies; }
std::span<const Named> spec_methods() noexcept { return kSpecMethods; }
std::span<const Named> deployments() noexcept { return kDeployments; }
std::span<const Named> vendors() noexcept { return kVendors; }
std::span<const Named> price_tiers() noexcept { return kTiers; }
std::span<const Sequence> sequences() noexcept { return kSequences; }

const Gpu* find_gpu(std::string_view key) noexcept {
  for (const auto& g : kGpus)
    if (g.key == key) return &g;
  return nullptr;
}

const Model* find_model(std::string_view key) noexcept {
  for (const auto& m : kModels)
    if (m.key == key) return &m;
  return nullptr;
}

const PriceEdition* find_edition(std::string_view name) noexcept {
  for (const auto& e : kEditions)
    if (e.name == name) return &e;
  return nullptr;
}

const PriceEdition& default_edition() noexcept { return kEditions.back(); }

std::optional<std::string> resolve(std::span<const Named> table, std::string_view name) {
  for (const auto& n : table)
    if (matches(n, name)) return n.key;
  return std::nullopt;
}

std::optional<std::string> resolve_model(std::string_view name) {
  for (const auto& m : kModels) {
    if (text::iequals(m.key, name) || text::iequals(m.display, name)) return m.key;
    for (const auto& a : m.aliases)
      if (text::iequals(a, name)) return m.key;
  }
  return std::nullopt;
}

std::optional<std::string> resolve_gpu(std::string_view name) {
  const std::string key = normalize_gpu(name);
  if (find_gpu(key)) return key;
  for (const auto& g : kGpus)
    if (text::iequals(g.display, name)) return g.key;
  return std::nullopt;
}

std::optional<Sequence> resolve_sequence(std::string_view name) {
  for (const auto& s : kSequences) {
    if (text::iequals(s.key, name)) return s;
    for (const auto& a : s.aliases)
      if (text::iequals(a, name)) return s;
  }
  // Any "ISL/OSL" in tokens, with k = 1024: "2k/512", "1500/200".
  const auto slash = name.find('/');
  if (slash == std::string_view::npos) return std::nullopt;
  auto parse_side = [](std::string_view s) -> std::optional<int> {
    if (s.empty()) return std::nullopt;
    int mult = 1;
    if (s.back() == 'k' || s.back() == 'K') mult = 1024, s.remove_suffix(1);
    if (s.empty() || s.size() > 7) return std::nullopt;
    int v = 0;
    for (char c : s) {
      if (c < '0' || c > '9') return std::nullopt;
      v = v * 10 + (c - '0');
    }
    return v > 0 ? std::optional<int>(v * mult) : std::nullopt;
  };
  const auto isl = parse_side(name.substr(0, slash));
  const auto osl = parse_side(name.substr(slash + 1));
  if (!isl || !osl) return std::nullopt;
  return Sequence{sequence_label(*isl, *osl), *isl, *osl, {}};
}

std::string normalize_gpu(std::string_view raw) {
  std::string key = text::lower(raw);
  const auto dash = key.find('-');
  if (dash != std::string::npos) key.resize(dash);
  const auto under = key.find('_');  // runner strings like "mi355x_amds"
  if (under != std::string::npos) key.resize(under);
  return key;
}

std::string normalize_model(std::string_view raw) {
  if (auto key = resolve_model(raw)) return *key;
  return text::lower(raw);
}

std::string normalize_precision(std::string_view raw) {
  if (auto key = resolve(kPrecisions, raw)) return *key;
  return text::lower(raw);
}

std::string normalize_framework(std::string_view raw) {
  if (auto key = resolve(kFrameworks, raw)) return *key;
  return text::lower(raw);
}

std::string normalize_spec(std::string_view raw) {
  if (auto key = resolve(kSpecMethods, raw)) return *key;
  return text::lower(raw);
}

std::string gpu_display(std::string_view key) {
  if (const Gpu* g = find_gpu(key)) return g->display;
  return text::upper(key);
}

std::string model_display(std::string_view key) {
  if (const Model* m = find_model(key)) return m->display;
  return std::string(key);
}

std::string display(std::span<const Named> table, std::string_view key) {
  for (const auto& n : table)
    if (n.key == key) return n.display;
  return std::string(key);
}

std::string family_of_framework(std::string_view framework) {
  for (const auto& f : kFrameworks)
    if (f.key == framework) return f.family;
  // Unknown frameworks: the family is the engine named after the last '-' ("foo-sglang" -> sglang).
  const auto dash = framework.rfind('-');
  return std::string(dash == std::string_view::npos ? framework : framework.substr(dash + 1));
}

std::string vendor_of_gpu(std::string_view gpu) {
  if (const Gpu* g = find_gpu(gpu)) return g->vendor;
  return {};
}

std::string sequence_label(int isl, int osl) {
  if (isl == 0 && osl == 0) return "agentic";
  auto side = [](int v) { return v % 1024 == 0 ? fmt::format("{}k", v / 1024) : fmt::format("{}", v); };
  return side(isl) + "/" + side(osl);
}

std::vector<std::string> names_of(std::span<const Named> table) {
  std::vector<std::string> out;
  for (const auto& n : table) {
    out.push_back(n.key);
    out.insert(out.end(), n.aliases.begin(), n.aliases.end());
  }
  return out;
}

}  // namespace icq::catalog
