#pragma once
// What icq knows about the world independent of any data file: GPUs with their price/power
// editions, models, precisions, frameworks and families, spec methods, deployments, sequences.
// Prices and powers are decimal strings so they reach the arithmetic exactly as published.
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace icq::catalog {

struct Economics {
  std::string kw;           // kW per GPU
  std::string hyperscaler;  // $ per GPU-hour
  std::string neocloud;     // empty: the edition has no such tier
  std::string rental;       // 3-year rental
};
// The price of a tier ("hyperscaler", "neocloud", "rental"); empty when the edition lacks it.
const std::string& tier_price(const Economics& e, std::string_view tier) noexcept;

struct Gpu {
  std::string key;      // "mi355x"
  std::string display;  // "MI355X"
  std::string vendor;   // "nvidia" | "amd"
  std::string arch;     // "AMD CDNA 4"
};

struct PriceEdition {
  std::string name;  // "2026-07"
  std::vector<std::pair<std::string, Economics>> gpus;
  [[nodiscard]] const Economics* find(std::string_view gpu) const noexcept;
};

struct Model {
  std::string key, display;
  std::vector<std::string> aliases;
  std::string total_params, active_params;  // "671B", "37B"; empty when the catalog does not know
};

// A compare page's model (DASHBOARD.md §7): a slug pooling one or more DB keys under one label.
struct ModelGroup {
  std::string slug;                  // "kimi-k26"
  std::string display;               // "Kimi-K2.5": the dashboard's g_model / API model= name
  std::vector<std::string> keys;     // DB keys pooled, as the dashboard lists them
  std::string label;                 // "Kimi K2.5/K2.6/K2.7-Code 1T": the model in the page's sentences
  std::vector<std::string> aliases;  // slug aliases ("kimi", "kimi-k25")
};

struct Named {  // precisions, frameworks, spec methods, deployments, vendors, tiers
  std::string key, display;
  std::vector<std::string> aliases;
  std::string family;  // frameworks: their family key
  std::string description;
};

struct Sequence {
  std::string key;  // "1k/1k", or "agentic" for trace replay rows
  int isl = 0, osl = 0;
  std::vector<std::string> aliases;
};

std::span<const Gpu> gpus() noexcept;
std::span<const PriceEdition> price_editions() noexcept;  // oldest first; back() is the default
std::span<const Model> models() noexcept;
std::span<const ModelGroup> model_groups() noexcept;
// The group a slug or slug alias names ("kimi", "qwen-3-5"); null for anything else.
const ModelGroup* find_model_group(std::string_view name) noexcept;
// The group a DB key belongs to; null when the dashboard has no compare page for it.
const ModelGroup* group_of_model(std::string_view key) noexcept;
// Editions that price every GPU in a tier ("neocloud" -> 2026-04, 2026-07).
std::vector<std::string> editions_with_tier(std::string_view tier);
std::span<const Named> precisions() noexcept;
std::span<const Named> frameworks() noexcept;
std::span<const Named> families() noexcept;
std::span<const Named> spec_methods() noexcept;
std::span<const Named> deployments() noexcept;
std::span<const Named> vendors() noexcept;
std::span<const Named> price_tiers() noexcept;
std::span<const Sequence> sequences() noexcept;

const Gpu* find_gpu(std::string_view key) noexcept;
const Model* find_model(std::string_view key) noexcept;
const PriceEdition* find_edition(std::string_view name) noexcept;
const PriceEdition& default_edition() noexcept;

// Alias resolution: case-insensitive; returns the canonical key or nullopt.
std::optional<std::string> resolve(std::span<const Named> table, std::string_view name);
std::optional<std::string> resolve_model(std::string_view name);
std::optional<std::string> resolve_gpu(std::string_view name);    // also strips runner suffixes
std::optional<Sequence> resolve_sequence(std::string_view name);  // "1k/1k", "8192/1024", "agentic"

// Normalisers applied to values read from data files: canonical key when known, otherwise the
// value lower-cased (new GPUs and models appear in the data before the catalog knows them).
std::string normalize_gpu(std::string_view raw);
std::string normalize_model(std::string_view raw);
std::string normalize_precision(std::string_view raw);
std::string normalize_framework(std::string_view raw);
std::string normalize_spec(std::string_view raw);

// Display helpers with a sensible fallback for values the catalog does not know.
std::string gpu_display(std::string_view key);
std::string model_display(std::string_view key);
std::string display(std::span<const Named> table, std::string_view key);
std::string family_of_framework(std::string_view framework);
std::string vendor_of_gpu(std::string_view gpu);  // "" when unknown
std::string sequence_label(int isl, int osl);     // "1k/1k", "agentic" for 0/0, else "1500/200"

// All names (keys and aliases) of a table, for suggestions.
std::vector<std::string> names_of(std::span<const Named> table);

}  // namespace icq::catalog
