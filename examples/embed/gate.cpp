// icq_gate: exits 1 unless FP4 stays at least N% cheaper per token than FP8 on MI355X at 50 tok/s/user
// (N from argv, default 25). Results are data: the cost cells come from Result::comparison, found
// by side label and metric key; the verdict (winner, ratio, saving) is data there too.
#include <cstdlib>
#include <iostream>
#include <optional>
#include <string>

#include <icq/icq.hpp>

int main(int argc, char** argv) {
  const double required = argc > 1 ? std::atof(argv[1]) : 25.0;  // % cheaper, at least
  // No data given: the built-in InferenceX data.
  icq::Session session;
  const icq::Outcome out = session.run("compare precision fp4 vs fp8 on mi355x model dsr1 at 50 show cost");
  if (!out.ok()) {
    for (const auto& d : out.diagnostics) std::cerr << icq::format_diagnostic(d);
    return 2;
  }
  const icq::Comparison& c = *out.results.front().comparison;
  const std::optional<double> fp4 = c.value("fp4", "cost", 50), fp8 = c.value("fp8", "cost", 50);
  const icq::MetricVerdict* verdict = c.verdict("cost", 50);
  if (!fp4 || !fp8 || !verdict) return std::cerr << "no cost at 50 tok/s/user\n", 2;
  const double cheaper = (1 - *fp4 / *fp8) * 100;
  std::cout << "FP4 $" << *fp4 << " vs FP8 $" << *fp8 << " per M tokens: FP4 is " << cheaper << "% cheaper (need " << required << "%)\n";
  return verdict->winner == "fp4" && cheaper >= required ? 0 : 1;
}
