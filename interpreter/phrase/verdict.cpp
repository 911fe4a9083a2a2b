#include "phrase/verdict.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "phrase/phrasing.hpp"
#include "text/text.hpp"

namespace icq::interp {

namespace {

using num::Decimal;
using Kind = VerdictMetric::Kind;
using Better = VerdictMetric::Better;

std::string prefix_of(const VerdictInput& in) {
  std::string prefix = !in.band ? fmt::format("At {} tok/s/user", in.target)
                       : in.at < in.band->first || in.at > in.band->second
                           ? fmt::format("{} the {} tok/s/user band, at {} tok/s/user", in.at < in.band->first ? "Below" : "Above",
                                         in.band_label, in.target)
                           : fmt::format("{} of the {} tok/s/user band, at {} tok/s/user", capitalize(in.position), in.band_label, in.target);
  std::vector<std::string> clamped;
  for (const auto& s : in.sides)
    if (s.clamped) clamped.push_back(s.display);
  if (!clamped.empty()) prefix += fmt::format(" ({} clamped to the frontier's edge)", text::join(clamped, ", "));
  return prefix;
}

}  // namespace

Verdict verdict_at(const VerdictInput& in) {
  Verdict out;
  const std::string prefix = prefix_of(in);
  std::vector<std::string> missing;
  for (const auto& s : in.sides)
    if (s.out_of_range) missing.push_back(fmt::format("{} is out of range (its frontier spans {} tok/s/user)", s.display, s.frontier));
  if (!missing.empty()) {
    out.sentence = fmt::format("{}: {}; no comparison.", prefix, text::join(missing, ", "));
    return out;
  }
  // Every side's positive value of a metric, or nothing when one lacks it.
  const auto contenders = [&](std::size_t mi) -> std::optional<std::vector<Contender>> {
    std::vector<Contender> c;
    for (std::size_t si = 0; si < in.sides.size(); ++si) {
      const auto& v = in.sides[si].values[mi];
      if (!v || !(*v > Decimal::from_int(0))) return std::nullopt;
      c.push_back({in.sides[si].display, *v, si});
    }
    return c;
  };
  const auto noise = [&](std::size_t mi) { return in.noise ? in.noise(mi) : std::nullopt; };
  // The sides a clause names (the best and the runner-up of its metric): a verdict resting on a value
  // that is not solid says so (SEMANTICS.md §12).
  std::vector<bool> named(in.sides.size(), false);
  const auto name_top_two = [&](std::vector<Contender> c, bool lower) {
    std::stable_sort(c.begin(), c.end(), [&](const Contender& a, const Contender& b) { return lower ? a.value < b.value : b.value < a.value; });
    for (std::size_t k = 0; k < c.size() && k < 2; ++k) named[c[k].order] = true;
  };
  std::vector<std::string> clauses;
  bool had_cost = false, had_tput = false;
  for (std::size_t mi = 0; mi < in.metrics.size(); ++mi) {
    const VerdictMetric& m = in.metrics[mi];
    if (m.kind == Kind::cost && !had_cost) {
      had_cost = true;
      const auto c = contenders(mi);
      if (!c) continue;
      name_top_two(*c, true);
      if (auto n = noise(mi)) {
        clauses.insert(clauses.begin(), *n);
        continue;
      }
      clauses.insert(clauses.begin(), cost_clause(*c));
      auto ranked = *c;
      std::stable_sort(ranked.begin(), ranked.end(), [](const Contender& a, const Contender& b) { return a.value < b.value; });
      out.saving = (Decimal::from_int(1) - ranked[0].value / ranked[1].value) * Decimal::from_int(100);
    } else if (m.kind == Kind::throughput && !had_tput) {
      had_tput = true;
      const auto c = contenders(mi);
      if (!c) continue;
      name_top_two(*c, false);
      if (auto n = noise(mi)) clauses.push_back(*n);
      else clauses.push_back(more_clause(*c, m.tokens, m.tokens));
    }
  }
  // Neither cost nor throughput shown: speak about the first metric that has a better direction.
  for (std::size_t mi = 0; mi < in.metrics.size() && clauses.empty(); ++mi) {
    const VerdictMetric& m = in.metrics[mi];
    if (m.better == Better::neither) continue;
    const auto c = contenders(mi);
    if (!c) continue;
    name_top_two(*c, m.better == Better::lower);
    if (auto n = noise(mi)) clauses.push_back(*n);
    else if (m.better == Better::higher) clauses.push_back(more_clause(*c, m.unit, m.unit));
    else clauses.push_back(lower_clause(*c, m.display));
  }
  std::vector<std::string> cautions;
  for (std::size_t si = 0; si < in.sides.size(); ++si)
    if (named[si] && !in.sides[si].caution.empty()) cautions.push_back(in.sides[si].caution);
  if (!clauses.empty())
    out.sentence = fmt::format("{}: {}{}.", prefix, text::join(clauses, "; "), cautions.empty() ? "" : " — but " + text::join(cautions, ", and "));
  return out;
}

bool within_noise(const SideValue& a, const SideValue& b, std::size_t m) {
  if (m >= a.noise.size() || m >= b.noise.size() || !a.noise[m] || !b.noise[m] || !a.values[m] || !b.values[m]) return false;
  const Spread &sa = *a.noise[m], &sb = *b.noise[m];
  if (sa.unknown || sb.unknown) return false;  // an unknown spread never makes a "within noise" verdict
  const double diff = std::abs(*a.values[m] - *b.values[m]);
  const bool overlap = sa.min <= sb.max && sb.min <= sa.max;
  return overlap && diff <= sa.max - sa.min && diff <= sb.max - sb.min;
}

}  // namespace icq::interp
