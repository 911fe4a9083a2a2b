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
  std::string neocloud;
  std::string rental;       // 3-year rental
};

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

struct Named {  // precisions, frameworks, spec methods, deployments, vendors, tiers
  std::string key, display;
  std::vector<std::string> aliases;
  std::string family;       // frameworks: their family key
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
std::optional<std::string> resolve_gpu(std::string_view name);  // also strips runner suffixes
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
