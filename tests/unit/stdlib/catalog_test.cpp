// The catalog: aliases (DECISIONS.md, Data), GPU key normalisation, price/power editions
// (SEMANTICS.md §7), framework families and vendors (DECISIONS.md, Selection), sequences.
#include <catch2/catch.hpp>

#include <algorithm>
#include <string>
#include <vector>

#include "catalog/catalog.hpp"
#include "catalog/metrics.hpp"

using namespace icq::catalog;

TEST_CASE("catalog: precision aliases", "[catalog]") {
  REQUIRE(resolve(precisions(), "nvfp4") == "fp4");
  REQUIRE(resolve(precisions(), "mxfp4") == "fp4");
  REQUIRE(resolve(precisions(), "NVFP4") == "fp4");
  REQUIRE(resolve(precisions(), "FP8") == "fp8");
  REQUIRE(resolve(precisions(), "bf16") == "bf16");
  REQUIRE(resolve(precisions(), "int4") == "int4");
  REQUIRE_FALSE(resolve(precisions(), "fp9").has_value());
  REQUIRE(normalize_precision("MXFP4") == "fp4");
  REQUIRE(normalize_precision("FP6") == "fp6");  // unknown values pass through lower-cased
}

TEST_CASE("catalog: framework aliases and families", "[catalog]") {
  REQUIRE(resolve(frameworks(), "trtllm") == "trt");
  REQUIRE(resolve(frameworks(), "TRT-LLM") == "trt");
  REQUIRE(resolve(frameworks(), "dynamo-trt") == "dynamo-trt");
  REQUIRE(normalize_framework("TRTLLM") == "trt");
  REQUIRE(normalize_framework("SGLang") == "sglang");
  // DECISIONS.md families.
  for (const char* f : {"sglang", "dynamo-sglang", "mori-sglang"}) REQUIRE(family_of_framework(f) == "sglang");
  for (const char* f : {"trt", "dynamo-trt"}) REQUIRE(family_of_framework(f) == "trt");
  for (const char* f : {"vllm", "dynamo-vllm", "llmd-vllm"}) REQUIRE(family_of_framework(f) == "vllm");
  REQUIRE(family_of_framework("atom") == "atom");
  // Unknown frameworks: the engine after the last '-'.
  REQUIRE(family_of_framework("foo-vllm") == "vllm");
  REQUIRE(family_of_framework("newengine") == "newengine");
  REQUIRE(resolve(families(), "trtllm") == "trt");
}

TEST_CASE("catalog: model display names and aliases resolve to keys", "[catalog]") {
  REQUIRE(resolve_model("Qwen-3.5-397B-A17B") == "qwen3.5");
  REQUIRE(resolve_model("qwen3.5-397b") == "qwen3.5");
  REQUIRE(resolve_model("QWEN3.5") == "qwen3.5");
  REQUIRE(resolve_model("DeepSeek-R1-0528") == "dsr1");
  REQUIRE(resolve_model("deepseek-r1") == "dsr1");
  REQUIRE(resolve_model("gpt-oss-120b") == "gptoss120b");
  REQUIRE(resolve_model("gptoss") == "gptoss120b");
  REQUIRE(resolve_model("Kimi-K2.5") == "kimik2.5");
  REQUIRE(resolve_model("GLM-5") == "glm5");
  REQUIRE(resolve_model("MiniMax-M2.5") == "minimaxm2.5");
  REQUIRE(resolve_model("DeepSeek-V4-Pro") == "dsv4");
  REQUIRE(resolve_model("Llama-3.3-70B") == "llama70b");
  REQUIRE_FALSE(resolve_model("gpt-5").has_value());
  REQUIRE(normalize_model("DeepSeek-R1-0528") == "dsr1");
  REQUIRE(normalize_model("Brand-New-Model") == "brand-new-model");
  REQUIRE(model_display("qwen3.5") == "Qwen-3.5-397B-A17B");
  REQUIRE(model_display("unknown") == "unknown");
}

TEST_CASE("catalog: spec method aliases", "[catalog]") {
  REQUIRE(resolve(spec_methods(), "off") == "none");
  REQUIRE(resolve(spec_methods(), "stp") == "none");
  REQUIRE(resolve(spec_methods(), "none") == "none");
  REQUIRE(resolve(spec_methods(), "MTP") == "mtp");
  REQUIRE(normalize_spec("STP") == "none");
}

TEST_CASE("catalog: GPU keys drop runner suffixes", "[catalog]") {
  REQUIRE(normalize_gpu("mi355x-amds_0") == "mi355x");
  REQUIRE(normalize_gpu("b200-dgxc-slurm") == "b200");
  REQUIRE(normalize_gpu("b200-dgxc") == "b200");
  REQUIRE(normalize_gpu("mi355x_amds") == "mi355x");
  REQUIRE(normalize_gpu("MI355X") == "mi355x");
  REQUIRE(normalize_gpu("gb200") == "gb200");
  REQUIRE(resolve_gpu("MI355X") == "mi355x");
  REQUIRE(resolve_gpu("h200-nv_1") == "h200");
  REQUIRE(resolve_gpu("RTX PRO 6000") == "rtx6000pro");
  REQUIRE_FALSE(resolve_gpu("a100").has_value());
  REQUIRE(gpu_display("mi355x") == "MI355X");
  REQUIRE(gpu_display("xyz1") == "XYZ1");
}

TEST_CASE("catalog: vendors (DECISIONS.md)", "[catalog]") {
  for (const char* g : {"h100", "h200", "b200", "b300", "gb200", "gb300", "rtx6000pro"}) {
    INFO(g);
    REQUIRE(vendor_of_gpu(g) == "nvidia");
  }
  for (const char* g : {"mi300x", "mi325x", "mi355x"}) {
    INFO(g);
    REQUIRE(vendor_of_gpu(g) == "amd");
  }
  REQUIRE(vendor_of_gpu("a100").empty());
}

TEST_CASE("catalog: three price editions, oldest first, 2026-09 is the default", "[catalog]") {
  REQUIRE(price_editions().size() == 3);
  REQUIRE(price_editions()[0].name == "2026-04");
  REQUIRE(price_editions()[1].name == "2026-07");
  REQUIRE(price_editions()[2].name == "2026-09");
  REQUIRE(default_edition().name == "2026-09");
  REQUIRE(find_edition("2026-01") == nullptr);
  REQUIRE(price_editions()[0].gpus.size() == 9);
  REQUIRE(price_editions()[1].gpus.size() == 10);  // + rtx6000pro (SEMANTICS §10)
  REQUIRE(price_editions()[2].gpus.size() == 12);  // + rtx6000pro, tpuv7, vr200
}

TEST_CASE("catalog: SEMANTICS §10 values, 2026-09 edition: no neocloud tier, corrected rental", "[catalog]") {
  const PriceEdition& e = default_edition();
  for (const auto& [gpu, econ] : e.gpus) REQUIRE(econ.neocloud.empty());
  REQUIRE(editions_with_tier("neocloud") == std::vector<std::string>{"2026-04", "2026-07"});
  REQUIRE(editions_with_tier("rental") == std::vector<std::string>{"2026-04", "2026-07", "2026-09"});
  const auto check = [&](const char* gpu, const char* kw, const char* h, const char* r) {
    const Economics* x = e.find(gpu);
    REQUIRE(x);
    REQUIRE(x->kw == kw);
    REQUIRE(x->hyperscaler == h);
    REQUIRE(x->rental == r);
  };
  check("h100", "1.37", "1.17", "2.00");
  check("h200", "1.37", "1.22", "2.90");
  check("b200", "1.71", "1.73", "3.70");
  check("b300", "1.90", "2.26", "4.25");
  check("gb200", "1.87", "1.86", "4.00");
  check("gb300", "2.12", "2.31", "5.00");
  check("mi300x", "1.39", "0.95", "1.30");
  check("mi325x", "1.69", "1.10", "1.60");
  check("mi355x", "2.09", "1.50", "2.90");
  check("rtx6000pro", "0.975", "0.68", "0.52");
  check("tpuv7", "1.207", "1.21", "2.00");
  check("vr200", "3.3", "3.61", "8.50");
  const Economics* rtx = find_edition("2026-07")->find("rtx6000pro");
  REQUIRE(rtx);
  REQUIRE(rtx->neocloud == "0.75");
}

TEST_CASE("catalog: SEMANTICS §7 values, 2026-04 edition", "[catalog]") {
  const PriceEdition* e = find_edition("2026-04");
  REQUIRE(e);
  const Economics* b300 = e->find("b300");
  REQUIRE(b300);
  REQUIRE(b300->kw == "2.17");
  REQUIRE(b300->hyperscaler == "2.34");
  REQUIRE(b300->neocloud == "2.808");
  REQUIRE(b300->rental == "3.48");
  const Economics* gb300 = e->find("gb300");
  REQUIRE(gb300);
  REQUIRE(gb300->kw == "2.10");
  REQUIRE(gb300->hyperscaler == "2.652");
  const Economics* mi355x = e->find("mi355x");
  REQUIRE(mi355x);
  REQUIRE(mi355x->kw == "2.65");
  REQUIRE(mi355x->hyperscaler == "1.48");
  REQUIRE(mi355x->neocloud == "1.90");
  REQUIRE(mi355x->rental == "2.10");
  const Economics* h100 = e->find("h100");
  REQUIRE(h100);
  REQUIRE(h100->kw == "1.73");
  REQUIRE(h100->hyperscaler == "1.30");
  REQUIRE(h100->rental == "1.30");
}

TEST_CASE("catalog: SEMANTICS §7 values, 2026-07 edition", "[catalog]") {
  const PriceEdition& e = *find_edition("2026-07");
  const Economics* mi355x = e.find("mi355x");
  REQUIRE(mi355x);
  REQUIRE(mi355x->kw == "2.09");
  REQUIRE(mi355x->hyperscaler == "1.50");
  REQUIRE(mi355x->neocloud == "2.09");
  REQUIRE(mi355x->rental == "2.10");
  const Economics* b200 = e.find("b200");
  REQUIRE(b200);
  REQUIRE(b200->kw == "1.71");
  REQUIRE(b200->hyperscaler == "1.73");
  REQUIRE(b200->neocloud == "2.07");
  REQUIRE(b200->rental == "2.60");
  const Economics* mi300x = e.find("mi300x");
  REQUIRE(mi300x);
  REQUIRE(mi300x->kw == "1.39");
  REQUIRE(mi300x->hyperscaler == "0.95");
  const Economics* gb300 = e.find("gb300");
  REQUIRE(gb300);
  REQUIRE(gb300->kw == "2.12");
  REQUIRE(gb300->hyperscaler == "2.31");
  REQUIRE(gb300->neocloud == "2.79");
  REQUIRE(gb300->rental == "3.30");
}

TEST_CASE("catalog: a GPU seen in data but absent from an edition has no economics there", "[catalog]") {
  REQUIRE(find_gpu("rtx6000pro") != nullptr);
  REQUIRE(find_edition("2026-04")->find("rtx6000pro") == nullptr);
  REQUIRE(find_edition("2026-07")->find("tpuv7") == nullptr);
  REQUIRE(default_edition().find("MI355X") == nullptr);  // lookup is by key, keys are lower-case
}

TEST_CASE("catalog: sequence labels", "[catalog]") {
  REQUIRE(sequence_label(1024, 1024) == "1k/1k");
  REQUIRE(sequence_label(1024, 8192) == "1k/8k");
  REQUIRE(sequence_label(8192, 1024) == "8k/1k");
  REQUIRE(sequence_label(0, 0) == "agentic");
  REQUIRE(sequence_label(1500, 200) == "1500/200");
  REQUIRE(sequence_label(2048, 512) == "2k/512");
}

TEST_CASE("catalog: resolve_sequence", "[catalog]") {
  const auto s81 = resolve_sequence("8k/1k");
  REQUIRE(s81.has_value());
  REQUIRE(s81->key == "8k/1k");
  REQUIRE(s81->isl == 8192);
  REQUIRE(s81->osl == 1024);
  const auto n = resolve_sequence("8192/1024");
  REQUIRE(n.has_value());
  REQUIRE(n->key == "8k/1k");
  REQUIRE(resolve_sequence("1K/8K")->osl == 8192);
  const auto ag = resolve_sequence("agentic_traces");
  REQUIRE(ag.has_value());
  REQUIRE(ag->key == "agentic");
  REQUIRE(ag->isl == 0);
  const auto any = resolve_sequence("2k/512");
  REQUIRE(any.has_value());
  REQUIRE(any->key == "2k/512");
  REQUIRE(any->isl == 2048);
  REQUIRE(any->osl == 512);
  const auto odd = resolve_sequence("1500/200");
  REQUIRE(odd.has_value());
  REQUIRE(odd->key == "1500/200");
  for (const char* bad : {"8k", "0/1k", "k/1k", "8k/", "/1k", "8x/1k", "1k/1k/1k", "12345678/1"}) {
    INFO(bad);
    REQUIRE_FALSE(resolve_sequence(bad).has_value());
  }
}

TEST_CASE("catalog: deployments, vendors and tiers resolve with aliases", "[catalog]") {
  REQUIRE(resolve(deployments(), "disaggregated") == "disagg");
  REQUIRE(resolve(deployments(), "single-node") == "single-node");
  REQUIRE(resolve(deployments(), "multi-node") == "multinode");
  REQUIRE(resolve(vendors(), "NVIDIA") == "nvidia");
  REQUIRE(resolve(price_tiers(), "3yr") == "rental");
  REQUIRE(resolve(price_tiers(), "hyperscaler") == "hyperscaler");
  REQUIRE(display(frameworks(), "trt") == "TRT-LLM");
  REQUIRE(display(frameworks(), "zzz") == "zzz");
}

TEST_CASE("catalog: names_of lists keys and aliases for suggestions", "[catalog]") {
  const auto names = names_of(precisions());
  REQUIRE(std::find(names.begin(), names.end(), "fp4") != names.end());
  REQUIRE(std::find(names.begin(), names.end(), "nvfp4") != names.end());
  REQUIRE(std::find(names.begin(), names.end(), "zzz") == names.end());
}

TEST_CASE("metrics: registry lookups by key and alias", "[catalog][metrics]") {
  REQUIRE(find_metric("tput") != nullptr);
  REQUIRE(find_metric("tput")->key == "throughput");
  REQUIRE(find_metric("COST")->key == "cost");
  REQUIRE(find_metric("conc")->key == "concurrency");
  REQUIRE(find_metric("ttft")->takes_percentile);
  REQUIRE_FALSE(find_metric("cost")->takes_percentile);
  REQUIRE(find_metric("throughput")->takes_token_type);
  REQUIRE(find_metric("cost")->polarity == Polarity::lower_is_better);
  REQUIRE(find_metric("throughput")->polarity == Polarity::higher_is_better);
  REQUIRE(find_metric("nonsense") == nullptr);
  REQUIRE(default_metrics() == std::vector<std::string>{"throughput", "cost", "power", "concurrency"});
  const auto names = metric_names();
  REQUIRE(std::find(names.begin(), names.end(), "joules") != names.end());
}

TEST_CASE("catalog: dashboard model groups pool point releases, a DB key stays one key", "[catalog][groups]") {
  const ModelGroup* kimi = find_model_group("kimi");
  REQUIRE(kimi);
  REQUIRE(kimi->slug == "kimi-k26");
  REQUIRE(kimi->keys == std::vector<std::string>{"kimik2.7-code", "kimik2.6", "kimik2.5"});
  REQUIRE(kimi->label == "Kimi K2.5/K2.6/K2.7-Code 1T");
  REQUIRE(find_model_group("KIMI-K26") == kimi);
  REQUIRE(find_model_group("kimi-k25") == kimi);
  REQUIRE(find_model_group("kimik2.5") == nullptr);
  REQUIRE(resolve_model("kimik2.5") == std::optional<std::string>("kimik2.5"));
  REQUIRE_FALSE(resolve_model("kimi"));
  REQUIRE(group_of_model("kimik2.6") == kimi);
  REQUIRE(find_model_group("glm-5")->keys == std::vector<std::string>{"glm5.1", "glm5"});
  REQUIRE(find_model_group("qwen")->label == "Qwen 3.5 397B-A17B");
  REQUIRE(group_of_model("dsr1")->slug == "deepseek-r1");
  REQUIRE(group_of_model("unknown-model") == nullptr);
}

TEST_CASE("catalog: spec values stay as the data names them (eagle is not mtp)", "[catalog]") {
  REQUIRE_FALSE(resolve(spec_methods(), "eagle"));
  REQUIRE(normalize_spec("eagle") == "eagle");
  REQUIRE(normalize_spec("MTP") == "mtp");
}
