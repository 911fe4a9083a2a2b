#include "bind/method.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "bind/query_error.hpp"
#include "catalog/catalog.hpp"
#include "text/dates.hpp"
#include "text/text.hpp"

namespace icq::interp {

namespace {

std::int32_t day(const char* iso) { return *text::parse_date(iso); }

std::vector<std::string> edition_and_tier_names() {
  std::vector<std::string> names;
  for (const auto& e : catalog::price_editions()) names.push_back(e.name);
  for (const auto& n : catalog::names_of(catalog::price_tiers())) names.push_back(n);
  return names;
}

std::string editions_list() {
  std::vector<std::string> names;
  for (const auto& e : catalog::price_editions()) names.push_back(e.name + (&e == &catalog::default_edition() ? " (default)" : ""));
  return text::join(names, ", ");
}

}  // namespace

const char* cost_method_name(CostMethod m) { return m == CostMethod::splined ? "splined" : "derived"; }

DashboardEdition dashboard_on(std::int32_t date) {
  DashboardEdition d;
  if (date < day("2026-07-31")) {
    d.prices = catalog::find_edition("2026-04");
    d.why.push_back("prices 2026-04 (the 2026-07 edition came on 2026-07-31, #659)");
  } else if (date < day("2026-09-07")) {
    d.prices = catalog::find_edition("2026-07");
    d.why.push_back("prices 2026-07 (from 2026-07-31, #659; 2026-09 came on 2026-09-07, #1056)");
  } else {
    d.prices = catalog::find_edition("2026-09");
    d.why.push_back("prices 2026-09 (from 2026-09-07, #1056 and #1071)");
  }
  if (date < day("2026-08-12")) {
    d.cost = CostMethod::splined;
    d.why.push_back("cost splined on the frontier knots (cost derived from throughput came on 2026-08-12, #726)");
  } else {
    d.cost = CostMethod::derived;
    d.why.push_back("cost derived from the interpolated throughput (from 2026-08-12, #726)");
  }
  if (date < day("2026-08-04")) {
    d.unit_word = "tok/s/GPU";
    d.why.push_back("unit word tok/s/GPU (tok/s/chip came on 2026-08-04, #668)");
  } else {
    d.unit_word = "tok/s/chip";
    d.why.push_back("unit word tok/s/chip (from 2026-08-04, #668)");
  }
  return d;
}

std::string Method::text() const {
  std::string s;
  if (dashboard) s += " using dashboard " + text::format_date(*dashboard);
  s += " using prices " + pricing.text();
  s += std::string(" using cost ") + cost_method_name(cost);
  if (axis.chosen) s += std::string(" using interactivity ") + percentile_name(*axis.chosen);
  return s;
}

void apply_price_words(const std::vector<ast::Word>& words, const catalog::PriceEdition*& edition, std::string& tier, PricesGiven& given) {
  bool& edition_given = given.edition;
  bool& tier_given = given.tier;
  for (const auto& w : words) {
    if (const auto* e = catalog::find_edition(w.text)) {
      if (edition_given && e != edition)
        throw QueryError(fmt::format("a second price edition '{}' contradicts {}", w.text, edition->name), w.span,
                         "give one edition: using prices " + edition->name);
      if (edition_given) throw QueryError(fmt::format("price edition {} is given twice", w.text), w.span, "remove one of them");
      edition = e;
      edition_given = true;
    } else if (auto t = catalog::resolve(catalog::price_tiers(), w.text)) {
      if (tier_given)
        throw QueryError(fmt::format("a second price tier '{}' (the tier is already {})", w.text, tier), w.span,
                         "give one tier: hyperscaler, neocloud or rental");
      tier = *t;
      tier_given = true;
    } else {
      const auto suggestions = text::closest(w.text, edition_and_tier_names());
      throw QueryError(
          fmt::format("unknown price edition or tier '{}'", w.text), w.span,
          suggestions.empty() ? "editions: " + editions_list() + "; tiers: hyperscaler, neocloud, rental" : text::did_you_mean(suggestions),
          suggestions);
    }
  }
}

void check_tier(const catalog::PriceEdition& edition, const std::string& tier, ast::Span at) {
  const auto with_tier = catalog::editions_with_tier(tier);
  if (std::find(with_tier.begin(), with_tier.end(), edition.name) != with_tier.end()) return;
  throw QueryError(fmt::format("the {} price edition has no {} tier", edition.name, tier), at,
                   with_tier.empty() ? "tiers: hyperscaler, rental"
                                     : fmt::format("editions with a {} tier: {} (using prices {} {})", tier, text::join(with_tier, ", "),
                                                   with_tier.back(), tier));
}

Method resolve_method(const std::vector<ast::Using>& usings, const Method& base) {
  Method m = base;
  // `using dashboard` first: the explicit items override what it selected, in any order.
  for (const auto& u : usings) {
    if (u.kind != ast::Using::Kind::dashboard) continue;
    const ast::Word& w = u.words.front();
    const auto date = text::parse_date(w.text);
    if (!date || w.text.size() != 10)
      throw QueryError(fmt::format("'{}' is not a calendar date", w.text), w.span, "e.g. using dashboard 2026-07-15");
    const DashboardEdition d = dashboard_on(*date);
    m.dashboard = *date;
    m.pricing.edition = d.prices;
    m.cost = d.cost;
    m.unit_word = d.unit_word;
    m.rates = data::RateBasis::per_role;  // the dashboard divides by the API's per-role rates (DASHBOARD.md §3)
    m.dashboard_note = fmt::format("dashboard of {}: {}", w.text, text::join(d.why, "; "));
  }
  PricesGiven given;
  ast::Span tier_at{};  // where the tier or edition was named, for a tier the edition lacks
  for (const auto& u : usings) {
    switch (u.kind) {
      case ast::Using::Kind::dashboard: break;
      case ast::Using::Kind::prices: {
        // An edition or tier named in an earlier `using prices` clause counts: two of either contradict.
        apply_price_words(u.words, m.pricing.edition, m.pricing.tier, given);
        tier_at = u.span;
        break;
      }
      case ast::Using::Kind::cost: {
        const ast::Word& w = u.words.front();
        const std::string v = text::lower(w.text);
        if (v == "splined") m.cost = CostMethod::splined;
        else if (v == "derived") m.cost = CostMethod::derived;
        else {
          const auto s = text::closest(v, {"splined", "derived"});
          throw QueryError(
              fmt::format("unknown cost method '{}'", w.text), w.span,
              s.empty() ? "using cost splined (the dashboard before 2026-08-12) | using cost derived (default)" : text::did_you_mean(s), s);
        }
        break;
      }
      case ast::Using::Kind::interactivity: {
        const ast::Word& w = u.words.front();
        const auto p = percentile_from_name(w.text);
        if (!p) {
          const auto s = text::closest(w.text, {"p50", "p90", "p99"});
          throw QueryError(
              fmt::format("unknown interactivity percentile '{}'", w.text), w.span,
              s.empty() ? "p50 (median; default for fixed sequences), p90 (default for agentic traces) or p99" : text::did_you_mean(s), s);
        }
        m.axis.chosen = *p;
        break;
      }
    }
  }
  // Once every clause is read: the tier must exist in the edition (the session's, the dashboard's
  // or the one named), wherever the two were given.
  check_tier(*m.pricing.edition, m.pricing.tier, tier_at);
  return m;
}

}  // namespace icq::interp
