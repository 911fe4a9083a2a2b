#pragma once
// The metric registry: every quantity a query can `show`, with its unit, polarity and formula.
// Interpolated metrics are splined on the frontier knots; derived ones are computed from the
// interpolated throughput (SEMANTICS.md §4) and are never splined themselves.
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "data/fields.hpp"

namespace icq::catalog {

enum class Polarity { higher_is_better, lower_is_better, neutral };

enum class MetricKind {
  throughput,         // interpolated tput field (total / output / input)
  cost,               // $ per million tokens from interpolated throughput and the GPU price
  tokens_per_dollar,  // tokens per $1 = 1e6 / cost (follows the cost method)
  power,              // tokens per second per MW from interpolated throughput and the GPU kW
  joules,             // joules per token from interpolated throughput and the GPU kW
  concurrency,        // interpolated conc, rounded
  latency,            // interpolated latency statistic (ttft, tpot, itl, e2el), seconds
  accuracy,           // evaluation score of the configuration at the target (not interpolated)
};

// Metrics that need the GPU's price / its power from the catalog edition in use.
constexpr bool needs_price(MetricKind k) noexcept { return k == MetricKind::cost || k == MetricKind::tokens_per_dollar; }
constexpr bool needs_power(MetricKind k) noexcept { return k == MetricKind::power || k == MetricKind::joules; }
constexpr bool needs_economics(MetricKind k) noexcept { return needs_price(k) || needs_power(k); }

struct Metric {
  std::string key;  // "throughput", "cost", "ttft"
  std::vector<std::string> aliases;
  MetricKind kind;
  std::string display;  // "Throughput (tok/s/GPU)"
  std::string unit;     // "tok/s/GPU"
  Polarity polarity;
  std::string formula;            // how it is computed, for `describe metric`
  bool takes_percentile = false;  // latency: `ttft p99`
  bool takes_token_type = false;  // throughput: `throughput output`
  // How its values read: decimals, a prefix, a scale (TPOT and ITL in ms from seconds).
  int decimals = 1;
  const char* prefix = "";
  double scale = 1;
};

std::span<const Metric> metrics() noexcept;
const Metric* find_metric(std::string_view name) noexcept;  // key or alias, case-insensitive
std::vector<std::string> metric_names();                    // keys and aliases, for suggestions

// The default `show` list of a comparison page.
std::vector<std::string> default_metrics();

}  // namespace icq::catalog
