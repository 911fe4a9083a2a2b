// phrase/verdict: the sentence at one target from plain values — where the target sits, the
// sides out of range, cost before throughput, the fallback to another metric, `with noise`.
#include <catch2/catch.hpp>

#include <cmath>
#include <tuple>

#include "catalog/economics.hpp"
#include "phrase/verdict.hpp"

using icq::interp::VerdictInput;
using icq::interp::VerdictMetric;
using icq::interp::VerdictSide;
using icq::num::Decimal;

namespace {

VerdictMetric metric(VerdictMetric::Kind k, VerdictMetric::Better b, std::string display = "", std::string unit = "") {
  VerdictMetric m;
  m.kind = k;
  m.better = b;
  m.tokens = "tok/s/GPU";
  m.unit = std::move(unit);
  m.display = std::move(display);
  return m;
}

VerdictInput two_sides(std::vector<std::optional<Decimal>> a, std::vector<std::optional<Decimal>> b) {
  VerdictInput in;
  in.target = "56";
  in.at = 56;
  in.band = std::pair{17.0, 113.0};
  in.band_label = "17–113";
  in.position = "around the middle";
  in.sides = {VerdictSide{"FP4", "fp4", false, false, "17.0–123.2", std::move(a), {}, icq::Evidence::Kind::measured, {}},
              VerdictSide{"FP8", "fp8", false, false, "25.8–113.1", std::move(b), {}, icq::Evidence::Kind::two_configs, {}}};
  return in;
}

const auto cost = metric(VerdictMetric::Kind::cost, VerdictMetric::Better::lower);
const auto tput = metric(VerdictMetric::Kind::throughput, VerdictMetric::Better::higher);

}  // namespace

TEST_CASE("verdict: cost first, then throughput, with the band position and the saving", "[phrase][verdict]") {
  auto in = two_sides({Decimal::parse("1400"), Decimal::parse("0.30")}, {Decimal::parse("900"), Decimal::parse("0.45")});
  in.metrics = {tput, cost};  // shown throughput first: the sentence still speaks of cost first
  const auto v = icq::interp::verdict_at(in);
  REQUIRE(
      v.sentence ==
      "Around the middle of the 17–113 tok/s/user band, at 56 tok/s/user: FP4 is 50% cheaper per token; FP4 delivers 56% more tok/s/GPU.");
  REQUIRE(v.saving);
  REQUIRE(*v.saving == "33.3");
}

TEST_CASE("verdict: a side out of range ends the sentence, below/above the band, clamped sides", "[phrase][verdict]") {
  auto in = two_sides({Decimal::parse("0.30")}, {std::nullopt});
  in.metrics = {cost};
  in.sides[1].out_of_range = true;
  in.at = 139;
  in.target = "139";
  REQUIRE(
      icq::interp::verdict_at(in).sentence ==
      "Above the 17–113 tok/s/user band, at 139 tok/s/user: FP8 is out of range (its frontier spans 25.8–113.1 tok/s/user); no comparison.");
  in.sides[1].out_of_range = false;
  in.sides[1].clamped = true;
  in.sides[1].values = {Decimal::parse("0.60")};
  REQUIRE(icq::interp::verdict_at(in).sentence ==
          "Above the 17–113 tok/s/user band, at 139 tok/s/user (FP8 clamped to the frontier's edge): FP4 is 100% cheaper per token.");
}

TEST_CASE("verdict: without cost or throughput, the first metric with a better direction, none, no sentence", "[phrase][verdict]") {
  auto in = two_sides({Decimal::parse("64"), Decimal::parse("1.2")}, {Decimal::parse("32"), Decimal::parse("1.5")});
  in.metrics = {metric(VerdictMetric::Kind::other, VerdictMetric::Better::neither, "Concurrency"),
                metric(VerdictMetric::Kind::other, VerdictMetric::Better::lower, "TTFT p99", "s")};
  REQUIRE(icq::interp::verdict_at(in).sentence ==
          "Around the middle of the 17–113 tok/s/user band, at 56 tok/s/user: FP4 is 20% lower on TTFT p99.");
  in.metrics.pop_back();
  in.sides[0].values.pop_back();
  in.sides[1].values.pop_back();
  const auto v = icq::interp::verdict_at(in);
  REQUIRE(v.sentence.empty());
  REQUIRE_FALSE(v.saving);
}

TEST_CASE("verdict: a side without a positive value leaves the metric unphrased, noise names no winner", "[phrase][verdict]") {
  auto in = two_sides({Decimal::parse("0.30"), Decimal::parse("1400")}, {Decimal::parse("0"), Decimal::parse("900")});
  in.metrics = {cost, tput};
  REQUIRE(icq::interp::verdict_at(in).sentence ==
          "Around the middle of the 17–113 tok/s/user band, at 56 tok/s/user: FP4 delivers 56% more tok/s/GPU.");
  in.within_noise = [](std::size_t mi, std::size_t, std::size_t) { return mi == 1; };
  in.noise_clause = [](std::size_t, std::size_t best, std::size_t second) {
    return std::string(best == 0 && second == 1 ? "Throughput: FP4 and FP8 are within run-to-run noise" : "wrong sides");
  };
  const auto v = icq::interp::verdict_at(in);
  REQUIRE(v.sentence ==
          "Around the middle of the 17–113 tok/s/user band, at 56 tok/s/user: Throughput: FP4 and FP8 are within run-to-run noise.");
  // The data the sentence read: no cost verdict (FP8's cost is not positive), throughput within noise.
  REQUIRE(v.metrics.size() == 2);
  CHECK(v.metrics[0].outcome == icq::MetricVerdict::Outcome::none);
  CHECK_FALSE(v.metrics[0].phrased);
  CHECK(v.metrics[1].outcome == icq::MetricVerdict::Outcome::noise);
  CHECK(v.metrics[1].phrased);
  CHECK(v.metrics[1].winner == "fp4");
  CHECK(v.metrics[1].runner_up == "fp8");
}

TEST_CASE("verdict data: winner, ratio, percent, saving and evidence per metric; the sentence reads them", "[phrase][verdict]") {
  auto in = two_sides({Decimal::parse("1400"), Decimal::parse("0.30"), Decimal::parse("1.2")},
                      {Decimal::parse("900"), Decimal::parse("0.45"), Decimal::parse("1.5")});
  in.metrics = {tput, cost, metric(VerdictMetric::Kind::other, VerdictMetric::Better::lower, "TTFT p99", "s")};
  in.metrics[0].key = "throughput", in.metrics[1].key = "cost", in.metrics[2].key = "ttft_p99";
  const auto v = icq::interp::verdict_at(in);
  REQUIRE(v.metrics.size() == 3);
  const auto& t = v.metrics[0];
  CHECK(t.metric == "throughput");
  CHECK(t.outcome == icq::MetricVerdict::Outcome::winner);
  CHECK(t.winner == "fp4");
  CHECK(t.runner_up == "fp8");
  CHECK(*t.ratio == Approx(1400.0 / 900));
  CHECK(*t.percent == 56);  // "FP4 delivers 56% more"
  CHECK_FALSE(t.saving);
  CHECK(t.winner_evidence == icq::Evidence::Kind::measured);
  CHECK(t.runner_up_evidence == icq::Evidence::Kind::two_configs);
  CHECK_FALSE(t.solid);  // FP8's value joins two configurations
  CHECK(t.phrased);
  const auto& c = v.metrics[1];
  CHECK(c.outcome == icq::MetricVerdict::Outcome::winner);
  CHECK(c.winner == "fp4");
  CHECK(*c.ratio == Approx(1.5));
  CHECK(*c.percent == 50);                // "50% cheaper": (r − 1) × 100
  CHECK(*c.saving == Approx(100.0 / 3));  // the cheaper side's saving, 1 − 1/r
  CHECK(c.phrased);
  const auto& l = v.metrics[2];
  CHECK(l.outcome == icq::MetricVerdict::Outcome::winner);
  CHECK(*l.percent == 20);  // "20% lower": the saving, rounded
  CHECK_FALSE(l.phrased);   // cost and throughput speak; a latency only without them
  CHECK(v.sentence.find("FP4 is 50% cheaper per token; FP4 delivers 56% more tok/s/GPU") != std::string::npos);
  // Essentially tied below 1.01: the data says tie, and the sentence names both in query order.
  in.sides[0].values = {Decimal::parse("900"), Decimal::parse("0.4499"), Decimal::parse("1.2")};
  const auto tied = icq::interp::verdict_at(in);
  CHECK(tied.metrics[0].outcome == icq::MetricVerdict::Outcome::tie);
  CHECK(tied.metrics[0].winner == "fp4");  // equal values keep the query's order
  CHECK(tied.metrics[1].outcome == icq::MetricVerdict::Outcome::tie);
  CHECK(tied.sentence.find("FP4 and FP8 are essentially tied on cost per token; FP4 and FP8 are essentially tied on tok/s/GPU") !=
        std::string::npos);
  // A side out of range: no verdict on any metric.
  in.sides[1].out_of_range = true;
  for (const auto& m : icq::interp::verdict_at(in).metrics) CHECK(m.outcome == icq::MetricVerdict::Outcome::none);
}

TEST_CASE("within noise: overlapping spreads wider than the difference, never an unknown one", "[phrase][verdict]") {
  // Two values 10 apart, spreads 80–105 and 85–110 (widths 25): within noise.
  icq::SideValue a{"a", icq::Status::ok, {100.0}, {icq::Spread{80, 105, 8, 3, false}}, {}, {}};
  icq::SideValue b{"b", icq::Status::ok, {90.0}, {icq::Spread{85, 110, 9, 4, false}}, {}, {}};
  CHECK(icq::interp::within_noise(a, b, 0));
  // The same numbers with one spread unknown (1 run): no within-noise verdict.
  b.noise[0]->unknown = true;
  b.noise[0]->runs = 1;
  CHECK_FALSE(icq::interp::within_noise(a, b, 0));
  CHECK_FALSE(icq::interp::within_noise(b, a, 0));
  // No spread at all (concurrency): none either.
  b.noise[0].reset();
  CHECK_FALSE(icq::interp::within_noise(a, b, 0));
}

TEST_CASE("verdict: judged on the sides' doubles (divided as integers), the same as judged on their decimals", "[verdict]") {
  // Pairs of values as a compare reads them: random doubles, and ratios exactly at the edges the
  // rounding and the tie decide on (199/200 is a 0.5 % saving, 1.005 a 0.5 % gain, 1.01 a tie).
  std::vector<std::pair<double, double>> pairs = {{200, 199}, {199, 200}, {201, 200}, {101, 100},  {100, 101}, {1.015, 1},
                                                  {3, 2},     {2, 3},     {7, 7},     {1e-3, 9e5}, {0.1, 0.3}};
  std::uint64_t x = 22;
  const auto next = [&] {  // a deterministic spread of doubles from 1e-3 to 1e6
    x = x * 6364136223846793005ULL + 1442695040888963407ULL;
    return std::pow(10.0, static_cast<double>(x >> 11) / 9007199254740992.0 * 9 - 3);
  };
  for (int i = 0; i < 3000; ++i) pairs.emplace_back(next(), next());
  const auto other_lower = metric(VerdictMetric::Kind::other, VerdictMetric::Better::lower, "TTFT p99", "s");
  for (const auto& [a, b] : pairs) {
    for (const auto& m : {tput, other_lower}) {
      INFO(a << " vs " << b);
      VerdictInput decimals = two_sides({Decimal::from_double(a)}, {Decimal::from_double(b)});
      decimals.metrics = {m};
      VerdictInput doubles = decimals;
      doubles.sides[0].exact = {icq::num::exact_of(a)};
      doubles.sides[1].exact = {icq::num::exact_of(b)};
      const auto d = icq::interp::judge(decimals).front().data, f = icq::interp::judge(doubles).front().data;
      CHECK(f.winner == d.winner);
      CHECK(f.percent == d.percent);
      CHECK(f.outcome == d.outcome);
      // The ratio and saving as doubles: the nearest to the exact value, where the decimals'
      // double (rounded to 31 digits first) can land one unit off at an exact tie.
      REQUIRE(f.ratio);
      CHECK(std::abs(*f.ratio - *d.ratio) <= std::abs(std::nextafter(*d.ratio, 0.0) - *d.ratio));
      CHECK(f.saving.has_value() == d.saving.has_value());
      if (f.saving && *d.saving != 0) CHECK(std::abs(*f.saving - *d.saving) <= std::abs(std::nextafter(*d.saving, 0.0) - *d.saving));
    }
  }
}

TEST_CASE("verdict: a cost judged as its price over its throughput in integers, the same as in decimals", "[verdict]") {
  std::uint64_t x = 11;
  const auto next = [&] {  // throughputs from 1 to 1e5 tok/s per GPU
    x = x * 6364136223846793005ULL + 1442695040888963407ULL;
    return std::pow(10.0, static_cast<double>(x >> 11) / 9007199254740992.0 * 5);
  };
  const std::vector<std::string> prices = {"2.10", "1.95", "3.6", "12.5", "0.875", "2"};
  std::vector<std::tuple<double, std::string, double, std::string>> cases = {
      {101.5, "2.10", 100, "2.10"},  // one GPU: a cost ratio of exactly 1.015, "2% cheaper"
      {100, "2.10", 100, "2.10"},    // equal
      {201, "2", 200, "2"}};         // 0.5 %: the half-up edge
  for (int i = 0; i < 2000; ++i) cases.emplace_back(next(), prices[x % prices.size()], next(), prices[(x >> 7) % prices.size()]);
  for (const auto& [ta, pa, tb, pb] : cases) {
    INFO(ta << " at " << pa << " vs " << tb << " at " << pb);
    const auto decimal_cost = [](double t, const std::string& p) {
      return icq::catalog::economic_value(icq::catalog::MetricKind::cost, Decimal::from_double(t), Decimal::parse(p));
    };
    VerdictInput decimals = two_sides({decimal_cost(ta, pa)}, {decimal_cost(tb, pb)});
    decimals.metrics = {cost};
    VerdictInput integers = two_sides({std::nullopt}, {std::nullopt});
    integers.metrics = {cost};
    integers.sides[0].exact = {icq::catalog::exact_cost(ta, pa)};
    integers.sides[1].exact = {icq::catalog::exact_cost(tb, pb)};
    REQUIRE(integers.sides[0].exact[0]);
    const auto d = icq::interp::judge(decimals).front(), f = icq::interp::judge(integers).front();
    CHECK(f.data.winner == d.data.winner);
    CHECK(f.data.percent == d.data.percent);
    CHECK(f.data.outcome == d.data.outcome);
    REQUIRE(f.saving_text);
    CHECK(*f.saving_text == d.saving->fixed(1));
    CHECK(*d.saving_text == d.saving->fixed(1));
    CHECK(std::abs(*f.data.ratio - *d.data.ratio) <= std::abs(std::nextafter(*d.data.ratio, 0.0) - *d.data.ratio));
    // The whole sentence, which reads the percentage and the tie.
    CHECK(icq::interp::verdict_at(integers).sentence == icq::interp::verdict_at(decimals).sentence);
  }
}
