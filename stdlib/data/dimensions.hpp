#pragma once
// The dimensions of a configuration line — gpu, model, precision, framework, family, spec, seq,
// deployment, vendor — one descriptor each: the one home of a dimension's keyword and aliases, its
// nouns, its catalog names, and how a line's value is read, a typed value resolved and a key shown.
// Filters, the binder's "unknown GPU" messages, completion, `list`, `describe`, `compare DIM *`,
// trend's `by` and rank read it; tests hold the grammar's keyword rules against it.
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "catalog/catalog.hpp"
#include "data/dataset.hpp"

namespace icq::data {

enum class LineField : std::uint8_t { gpu, model, precision, framework, family, spec, seq, deployment, vendor };

struct Dimension {
  LineField field;
  std::string_view keyword;               // "gpu": the filter keyword, compare/rank dimension, trend `by`
  std::vector<std::string_view> aliases;  // other filter keywords for it ("on", "hardware")
  std::string_view noun;                  // "GPU", as messages name one value ("unknown GPU 'x'")
  std::string_view list_word;             // "gpus": `list gpus`, and describe's row of them
  std::span<const catalog::Named> named;  // its catalog table when it has one (precisions, …), else empty
  // Every key a line has for it: one, except deployment ("agg" and "single-node" together).
  std::vector<std::string> (*keys_of)(const Line&);
  bool (*has)(const Line&, const std::string& key);
  // A typed value's catalog key (names, aliases, any case), or nothing when the catalog lacks it.
  std::optional<std::string> (*resolve)(std::string_view text);
  // The key a value the catalog does not know would have in the data ("MI355X-amds" → "mi355x").
  std::string (*raw_key)(std::string_view text);
  std::vector<std::string> (*catalog_names)();   // keys and aliases, for "did you mean"
  std::string (*display)(std::string_view key);  // "MI355X", "DeepSeek-R1-0528"
  // The line's own member holding the key, when the key is held rather than derived (`has` is then
  // that member's equality): a selection compares it directly.
  const std::string Line::*held;
};

std::span<const Dimension> dimensions() noexcept;
const Dimension& dimension(LineField f) noexcept;
// By keyword or alias, any case; nullptr for anything else (`date` is a compare dimension, not a line's).
const Dimension* find_dimension(std::string_view keyword) noexcept;

// A typed value's key: the catalog's, else as the data would spell it.
std::string normalize(const Dimension& d, std::string_view text);
// The line's key for the dimension (deployment: disagg, multinode or single-node).
std::string line_value(LineField f, const Line& l);
// One configuration line as `rank config` names it, and as evidence and `show deployable` cite it:
// "b200 sglang fp8 mtp disagg 1P×tp8 + 2D×tp8 ep8 dpa (24 GPUs)" (model and sequence left out: a
// side shares them).
std::string config_label(const Line& l);

}  // namespace icq::data
