// icq_gate: exits 1 unless FP4 stays at least N% cheaper per token than FP8 on MI355X at 50 tok/s/user
// (N from argv, default 25). Results are data: the cost cells come from Result::comparison.
#include <cstdlib>
#include <iostream>
#include <string>

#include <icq/icq.hpp>

int main(int argc, char** argv) {
  const double required = argc > 1 ? std::atof(argv[1]) : 25.0;  // % cheaper, at least
  icq::Session session;  // the built-in InferenceX data
  const icq::Outcome out = session.run("compare precision fp4 vs fp8 on mi355x model dsr1 at 50 show cost");
  if (!out.ok()) {
    for (const auto& d : out.diagnostics) std::cerr << icq::format_diagnostic(d);
    return 2;
  }
  const icq::Comparison& c = *out.results.front().comparison;
  const auto& at = c.targets.front();  // values in the order of the sides: fp4, fp8
  if (!at.values[0].values[0] || !at.values[1].values[0]) return std::cerr << "no cost at 50 tok/s/user\n", 2;
  const double fp4 = *at.values[0].values[0], fp8 = *at.values[1].values[0];
  const double cheaper = (1 - fp4 / fp8) * 100;
  std::cout << "FP4 $" << fp4 << " vs FP8 $" << fp8 << " per M tokens: FP4 is " << cheaper << "% cheaper (need " << required << "%)\n";
  return cheaper >= required ? 0 : 1;
}
