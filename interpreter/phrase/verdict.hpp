#pragma once
// The verdict sentence of a comparison at one target (SEMANTICS.md §6, §11): where the target sits
// in the band, the sides out of range, then cost, throughput or the first metric with a better
// direction, as the dashboard's comparison pages phrase them. Plain data in, a sentence out.
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "icq/result.hpp"
#include "num/decimal.hpp"
#include "num/ratio.hpp"

namespace icq::interp {

struct VerdictMetric {
  std::string key;  // MetricColumn::key, for the verdict's data
  enum class Kind { cost, throughput, other } kind = Kind::other;
  enum class Better { higher, lower, neither } better = Better::neither;
  std::string tokens;   // throughput: what "more" counts ("tok/s/GPU", "output tok/s/GPU")
  std::string unit;     // the metric's unit, for "more" of any other metric
  std::string display;  // "TTFT p99", for "… lower on TTFT p99"
};

struct VerdictSide {
  std::string display;  // "FP4"
  std::string label;    // "fp4": how the verdict's data names the side
  bool out_of_range = false, clamped = false;
  std::string frontier;  // "17.0–123.2", for "out of range (its frontier spans …)"
  // Each metric's value as a decimal where `exact` has none (a cost whose price is not a plain
  // decimal). A side
  // without a positive value leaves the metric unphrased.
  std::vector<std::optional<num::Decimal>> values;
  // When the value is not solid (SEMANTICS.md §12), what a verdict resting on it must add:
  // "GB300's value is a guess across a wide gap (…)"; empty for a solid value.
  std::string caution;
  std::optional<Evidence::Kind> evidence;  // what stands behind its values (SideValue::evidence)
  // Each metric's value held exactly where it can be (every double, and a cost from its price and
  // throughput; may be empty): its ratios are then divided exactly as integers, not in decimals.
  std::vector<std::optional<num::Exact>> exact;
};

struct VerdictInput {
  std::string target;  // "56"
  double at = 0;       // the target, to place it against the band
  std::optional<std::pair<double, double>> band;
  std::string band_label, position;  // "17–113", "around the middle"
  std::vector<VerdictSide> sides;
  std::vector<VerdictMetric> metrics;
  // `with noise`: whether the two best values of a metric (sides `best` and `second`) are within
  // run-to-run noise, and the clause that says so instead of naming a winner.
  std::function<bool(std::size_t metric, std::size_t best, std::size_t second)> within_noise;
  std::function<std::string(std::size_t metric, std::size_t best, std::size_t second)> noise_clause;
};

// The judgement on one metric: the public data (MetricVerdict) and the exact numbers it came from.
struct Judgement {
  MetricVerdict data;
  std::size_t best = 0, second = 0;  // the sides compared (outcome other than none)
  // Judged in decimals (values not held exactly): worse over better, and when lower is better
  // (1 − better/worse) × 100, exact. Judged as integers, MetricVerdict holds them.
  std::optional<num::Decimal> ratio;
  std::optional<num::Decimal> saving;
  // When lower is better, the saving rounded half up to one place ("33.3"), from the exact
  // value either way: what the notes print (Verdict::saving).
  std::optional<std::string> saving_text;
};

// The data first: a judgement per metric of `in` (in its order).
std::vector<Judgement> judge(const VerdictInput& in);

struct Verdict {
  std::string sentence;                // empty: no metric to phrase
  std::optional<std::string> saving;   // the cheaper side's saving 1 − 1/r, in % to one place, when cost was phrased
  std::vector<MetricVerdict> metrics;  // the judgements the sentence reads, `phrased` set where it speaks
};

// The sentence, written from judge(in).
Verdict verdict_at(const VerdictInput& in);

// `with noise`: two values differ by less than both sides' spreads (max − min), and the spreads
// overlap — no winner can be named (the verdict says so; a table's winner column says "noise").
bool within_noise(const SideValue& a, const SideValue& b, std::size_t metric);

}  // namespace icq::interp
