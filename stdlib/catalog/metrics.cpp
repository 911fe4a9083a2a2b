#include "catalog/metrics.hpp"

#include <algorithm>

#include "text/text.hpp"

namespace icq::catalog {

namespace {

// A table laid out by hand, a row a line.
// clang-format off
const std::vector<Metric> kMetrics = {
    {"throughput", {"tput", "tput_per_gpu", "tokens_per_second"}, MetricKind::throughput, "Throughput (tok/s/GPU)",
     "tok/s/GPU", Polarity::higher_is_better,
     "tput_per_gpu (input + output tokens per second per GPU), interpolated at the target on the side's frontier; "
     "`throughput output` / `throughput input` (and a plain `throughput` under `tokens output|input`) are the output / "
     "input tokens per GPU: for disaggregated rows output_tput_per_gpu x decode GPUs / all GPUs (input_tput_per_gpu x "
     "prefill GPUs / all GPUs), since the deployment pays for every GPU; per decode / prefill GPU under `using dashboard`",
     false, true, 1},
    {"cost", {"cost_per_million", "price", "dollars"}, MetricKind::cost, "Cost ($/M tok)", "$/M tok",
     Polarity::lower_is_better,
     "price_per_gpu_hour / (throughput * 3600 / 1e6), from the interpolated throughput of the token type chosen "
     "with `tokens` (default total), with the GPU's price from the catalog edition and tier in use (`using cost "
     "derived`, the dashboard since 2026-08-12); `using cost splined` (the dashboard before, and every seed page) "
     "prices each frontier knot and splines those costs on the knots instead",
     false, false, 3, "$"},
    {"tokens_per_dollar", {"tok/$", "tokens_per_$", "per_dollar", "tpd"}, MetricKind::tokens_per_dollar, "Tokens per $1",
     "tok/$", Polarity::higher_is_better,
     "throughput * 3600 / price_per_gpu_hour = 1e6 / cost per million tokens (the dashboard's default cost display since "
     "2026-08-31, #955); it follows the cost method: with `using cost splined` it is 1e6 / the splined cost",
     false, false, 0},
    {"power", {"tokens_per_mw", "tok/s/mw", "efficiency"}, MetricKind::power, "tok/s/MW", "tok/s/MW",
     Polarity::higher_is_better, "throughput * 1000 / kW_per_gpu, with the GPU's kW from the catalog edition in use", false, false, 0},
    {"joules", {"joules_per_token", "energy", "j/tok"}, MetricKind::joules, "Energy (J/tok)", "J/tok",
     Polarity::lower_is_better, "kW_per_gpu * 1000 / throughput; it follows the cost method (splined on the knots with "
     "`using cost splined`)",
     false, false, 3},
    {"concurrency", {"conc", "users"}, MetricKind::concurrency, "Concurrency", "users", Polarity::neutral,
     "conc interpolated at the target on the same knots, rounded to an integer (shown as ~N)", false, false, 0, "~"},
    {"ttft", {"time_to_first_token"}, MetricKind::latency, "TTFT", "s", Polarity::lower_is_better,
     "time to first token, interpolated at the target on the same knots (median unless a percentile is given: "
     "mean, median, p90, p99, p99.9)",
     true, false, 3},
    {"tpot", {"time_per_output_token"}, MetricKind::latency, "TPOT", "s", Polarity::lower_is_better,
     "time per output token, interpolated at the target (median unless a percentile is given)", true, false, 2, "", 1000},
    {"itl", {"inter_token_latency"}, MetricKind::latency, "ITL", "s", Polarity::lower_is_better,
     "inter-token latency, interpolated at the target (median unless a percentile is given)", true, false, 2, "", 1000},
    {"e2el", {"e2e", "latency", "end_to_end_latency"}, MetricKind::latency, "E2E latency", "s",
     Polarity::lower_is_better, "end-to-end request latency, interpolated at the target (median unless a percentile is given)",
     true, false, 3},
    {"accuracy", {"gsm8k", "score", "em_strict"}, MetricKind::accuracy, "Accuracy (gsm8k)", "exact match",
     Polarity::higher_is_better,
     "gsm8k strict exact-match score of the newest evaluation of the model, GPU, precision and framework behind the "
     "frontier at the target (the note names the run and its standard error); empty when no evaluation matches",
     false, false, 3},
};
// clang-format on

}  // namespace

std::span<const Metric> metrics() noexcept { return kMetrics; }

const Metric* find_metric(std::string_view name) noexcept {
  for (const auto& m : kMetrics) {
    if (text::iequals(m.key, name)) return &m;
    for (const auto& a : m.aliases)
      if (text::iequals(a, name)) return &m;
  }
  return nullptr;
}

std::vector<std::string> metric_names() {
  std::vector<std::string> out;
  for (const auto& m : kMetrics) {
    out.push_back(m.key);
    out.insert(out.end(), m.aliases.begin(), m.aliases.end());
  }
  return out;
}

std::vector<std::string> default_metrics() { return {"throughput", "cost", "power", "concurrency"}; }

}  // namespace icq::catalog
