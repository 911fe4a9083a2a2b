#include "phrase/verdict.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <functional>

#include "num/ratio.hpp"
#include "phrase/phrasing.hpp"
#include "text/text.hpp"

namespace icq::interp {

namespace {

using num::Decimal;
using Kind = VerdictMetric::Kind;
using Better = VerdictMetric::Better;

std::string prefix_of(const VerdictInput& in) {
  std::string prefix =
      !in.band ? fmt::format("At {} tok/s/user", in.target)
      : in.at < in.band->first || in.at > in.band->second
          ? fmt::format("{} the {} tok/s/user band, at {} tok/s/user", in.at < in.band->first ? "Below" : "Above", in.band_label, in.target)
          : fmt::format("{} of the {} tok/s/user band, at {} tok/s/user", capitalize(in.position), in.band_label, in.target);
  std::vector<std::string> clamped;
  for (const auto& s : in.sides)
    if (s.clamped) clamped.push_back(s.display);
  if (!clamped.empty()) prefix += fmt::format(" ({} clamped to the frontier's edge)", text::join(clamped, ", "));
  return prefix;
}

// The double an exact value is, when it is one (a side's double, not a cost's quotient).
std::optional<double> plain_double(const num::Exact& x) {
  if (x.den != 1 || x.num >= (num::U128{1} << 53)) return std::nullopt;
  return std::ldexp(static_cast<double>(x.num), x.exp2);
}

// A decimal of an exact value, for the decimal path: a double's own decimal, or the quotient.
Decimal decimal_of(const num::Exact& x) {
  if (const auto d = plain_double(x)) return Decimal::from_double(*d);
  return Decimal::parse(num::digits_of(x.num)) / Decimal::parse(num::digits_of(x.den)) * Decimal::from_double(std::ldexp(1.0, x.exp2));
}

// A count of tenths as its decimal text: 333 -> "33.3".
std::string tenths_text(long long tenths) {
  std::string s = std::to_string(tenths / 10);
  s += '.';
  s += static_cast<char>('0' + tenths % 10);
  return s;
}

// A metric's ratio, percentage and tie judged on the two sides' exact values (a double, or a cost
// from its price and throughput) divided as integers (num/ratio): the same numbers as the
// decimals' quotient gives, whose last digits only mattered through r rounded to 40 places (a
// ratio of two such values is a tie exactly or not within 1e-36). Where lower is better, the
// saving's text to one place too, for the notes. False, leaving it to the decimals, when a side has no exact value or
// the integers would not fit.
bool on_exact(const VerdictInput& in, std::size_t mi, Judgement& jr, bool lower, bool cost, bool& tied) {
  const auto exact = [&](std::size_t si) { return mi < in.sides[si].exact.size() ? in.sides[si].exact[mi] : std::nullopt; };
  const auto better = exact(jr.best), worse = exact(jr.second);
  if (!better || !worse) return false;
  const auto q = lower ? num::ratio_of(*worse, *better) : num::ratio_of(*better, *worse);  // r = a / b >= 1
  if (!q || q->a < q->b) return false;
  // Two doubles' quotient is already the nearest double to their exact ratio (IEEE division).
  const auto b = plain_double(*better), w = plain_double(*worse);
  const auto ratio = b && w ? std::optional<double>(lower ? *w / *b : *b / *w) : num::rounded_ratio(q->a, q->b, 0);
  if (!ratio) return false;
  MetricVerdict& d = jr.data;
  if (lower) {  // the saving (1 − 1/r) × 100 = (a − b) × 100 / a
    const auto saving = q->a == q->b ? std::optional<double>(0.0) : num::rounded_ratio((q->a - q->b) * 100, q->a, 0);
    if (!saving) return false;
    d.saving = saving;
    jr.saving_text = tenths_text(num::round_half_up((q->a - q->b) * 1000, q->a));  // a, b < 2^112: no overflow
  }
  // N: the saving where lower is better (but for cost, "N% cheaper" reads r), else (r − 1) × 100.
  d.percent = num::round_half_up((q->a - q->b) * 100, lower && !cost ? q->a : q->b);
  d.ratio = ratio;
  tied = q->a * 100 < q->b * 101;  // r < 1.01
  return true;
}

}  // namespace

std::vector<Judgement> judge(const VerdictInput& in) {
  std::vector<Judgement> out;
  const bool any_out = std::any_of(in.sides.begin(), in.sides.end(), [](const VerdictSide& s) { return s.out_of_range; });
  for (std::size_t mi = 0; mi < in.metrics.size(); ++mi) {
    const VerdictMetric& m = in.metrics[mi];
    Judgement j;
    j.data.metric = m.key;
    out.push_back(j);
    // Every side's positive value, or no verdict; none either with a side out of range.
    if (m.better == Better::neither || any_out || in.sides.size() < 2) continue;
    // A side's value: exact where it has one (every double, a cost from its price), else its decimal.
    const auto exact = [&](std::size_t si) { return mi < in.sides[si].exact.size() ? in.sides[si].exact[mi] : std::nullopt; };
    const auto value = [&](std::size_t si) {
      if (const auto x = exact(si)) return decimal_of(*x);
      return *in.sides[si].values[mi];
    };
    std::vector<std::size_t> order;
    for (std::size_t si = 0; si < in.sides.size(); ++si) {
      const auto& v = mi < in.sides[si].values.size() ? in.sides[si].values[mi] : std::nullopt;
      if (!exact(si) && (!v || !(*v > Decimal::from_int(0)))) break;  // an exact value is positive
      order.push_back(si);
    }
    if (order.size() != in.sides.size()) continue;
    const bool lower = m.better == Better::lower;
    // Best first; stable, so equal values keep the query's order.
    const auto before = [&](std::size_t a, std::size_t b) {
      const auto x = exact(a), y = exact(b);
      const auto q = x && y ? num::ratio_of(*x, *y) : std::nullopt;  // x / y = q->a / q->b
      if (q) return lower ? q->a < q->b : q->b < q->a;
      return lower ? value(a) < value(b) : value(b) < value(a);
    };
    for (std::size_t i = 1; i < order.size(); ++i)  // an insertion sort: stable, and a compare has few sides
      for (std::size_t k = i; k > 0 && before(order[k], order[k - 1]); --k) std::swap(order[k], order[k - 1]);
    Judgement& jr = out.back();
    jr.best = order[0];
    jr.second = order[1];
    MetricVerdict& d = jr.data;
    d.winner = in.sides[jr.best].label;
    d.runner_up = in.sides[jr.second].label;
    bool tied = false;
    if (!on_exact(in, mi, jr, lower, m.kind == Kind::cost, tied)) {
      const Decimal better = value(jr.best), worse = value(jr.second);
      const Decimal r = lower ? worse / better : better / worse;
      jr.ratio = r;
      d.ratio = r.to_double();
      if (lower) {
        jr.saving = (Decimal::from_int(1) - better / worse) * Decimal::from_int(100);
        d.saving = jr.saving->to_double();
        jr.saving_text = jr.saving->fixed(1);
      }
      d.percent = lower && m.kind != Kind::cost ? jr.saving->round_to_integer() : percent_more(r);
      tied = essentially_tied(r);
    }
    d.winner_evidence = in.sides[jr.best].evidence;
    d.runner_up_evidence = in.sides[jr.second].evidence;
    const auto solid = [](const std::optional<Evidence::Kind>& e) {
      return e && (*e == Evidence::Kind::measured || *e == Evidence::Kind::one_config);
    };
    d.solid = solid(d.winner_evidence) && solid(d.runner_up_evidence);
    d.outcome = in.within_noise && in.within_noise(mi, jr.best, jr.second) ? MetricVerdict::Outcome::noise
                : tied                                                     ? MetricVerdict::Outcome::tie
                                                                           : MetricVerdict::Outcome::winner;
  }
  return out;
}

Verdict verdict_at(const VerdictInput& in) {
  Verdict out;
  std::vector<Judgement> judged = judge(in);
  const auto keep = [&] {
    for (auto& j : judged) out.metrics.push_back(std::move(j.data));
  };
  const std::string prefix = prefix_of(in);
  std::vector<std::string> missing;
  for (const auto& s : in.sides)
    if (s.out_of_range) missing.push_back(fmt::format("{} is out of range (its frontier spans {} tok/s/user)", s.display, s.frontier));
  if (!missing.empty()) {
    out.sentence = fmt::format("{}: {}; no comparison.", prefix, text::join(missing, ", "));
    keep();
    return out;
  }
  // The sides a clause names (the best and the runner-up of its metric): a verdict resting on a value
  // that is not solid says so (SEMANTICS.md §12).
  std::vector<bool> named(in.sides.size(), false);
  // The clause of a judged metric, read from its judgement; marks it phrased.
  const auto phrase = [&](std::size_t mi, const std::function<std::string(const ClauseInput&)>& clause) {
    Judgement& j = judged[mi];
    j.data.phrased = true;
    named[j.best] = named[j.second] = true;
    if (j.data.outcome == MetricVerdict::Outcome::noise) return in.noise_clause(mi, j.best, j.second);
    ClauseInput c;
    c.best = in.sides[j.best].display;
    c.second = in.sides[j.second].display;
    c.best_first = j.best < j.second;
    c.tied = j.data.outcome == MetricVerdict::Outcome::tie;
    c.percent = *j.data.percent;
    c.more_than_two = in.sides.size() > 2;
    return clause(c);
  };
  const auto judged_ok = [&](std::size_t mi) { return judged[mi].data.outcome != MetricVerdict::Outcome::none; };
  std::vector<std::string> clauses;
  bool had_cost = false, had_tput = false;
  for (std::size_t mi = 0; mi < in.metrics.size(); ++mi) {
    const VerdictMetric& m = in.metrics[mi];
    if (m.kind == Kind::cost && !had_cost) {
      had_cost = true;
      if (!judged_ok(mi)) continue;
      clauses.insert(clauses.begin(), phrase(mi, [](const ClauseInput& c) { return cost_clause(c); }));
      if (judged[mi].data.outcome != MetricVerdict::Outcome::noise) out.saving = judged[mi].saving_text;
    } else if (m.kind == Kind::throughput && !had_tput) {
      had_tput = true;
      if (!judged_ok(mi)) continue;
      clauses.push_back(phrase(mi, [&](const ClauseInput& c) { return more_clause(c, m.tokens, m.tokens); }));
    }
  }
  // Neither cost nor throughput shown: speak about the first metric that has a better direction.
  for (std::size_t mi = 0; mi < in.metrics.size() && clauses.empty(); ++mi) {
    const VerdictMetric& m = in.metrics[mi];
    if (m.better == Better::neither || !judged_ok(mi)) continue;
    if (m.better == Better::higher) clauses.push_back(phrase(mi, [&](const ClauseInput& c) { return more_clause(c, m.unit, m.unit); }));
    else clauses.push_back(phrase(mi, [&](const ClauseInput& c) { return lower_clause(c, m.display); }));
  }
  std::vector<std::string> cautions;
  for (std::size_t si = 0; si < in.sides.size(); ++si)
    if (named[si] && !in.sides[si].caution.empty()) cautions.push_back(in.sides[si].caution);
  if (!clauses.empty())
    out.sentence =
        fmt::format("{}: {}{}.", prefix, text::join(clauses, "; "), cautions.empty() ? "" : " — but " + text::join(cautions, ", and "));
  keep();
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
