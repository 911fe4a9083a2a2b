#include "eval/session_statements.hpp"

#include <fmt/format.h>

#include <optional>
#include <stdexcept>

#include "bind/method.hpp"
#include "catalog/catalog.hpp"
#include "eval/compare.hpp"
#include "text/dates.hpp"

namespace icq::interp {

namespace {

Result setting(std::string query, std::string note) {
  Result r;
  r.kind = Kind::set;
  r.query = std::move(query);
  r.notes.push_back(std::move(note));
  return r;
}

}  // namespace

Result apply_set(const BoundSet& s, Settings& settings, std::optional<Format>& format) {
  using What = BoundSet::What;
  switch (s.what) {
    case What::price:
    case What::power: {
      const bool price = s.what == What::price;
      const char* name = price ? "price" : "power";
      (price ? settings.price_overrides : settings.power_overrides)[s.gpu] = s.value;
      const auto* e = settings.edition->find(s.gpu);
      const std::string catalog_value = !e      ? "has none"
                                        : price ? "says $" + (settings.tier == "neocloud" ? e->neocloud
                                                              : settings.tier == "rental" ? e->rental
                                                                                          : e->hyperscaler)
                                                : "says " + e->kw + " kW";
      return setting(
          fmt::format("set {} {} {}", name, s.gpu, s.value),
          fmt::format("{} now {} for every framework variant (the {} edition {})", catalog::gpu_display(s.gpu),
                      price ? "costs $" + s.value + " per GPU-hour" : "draws " + s.value + " kW", settings.edition->name, catalog_value));
    }
    case What::prices:
      settings.edition = s.edition;
      settings.tier = s.tier;
      return setting("set prices " + settings.edition->name + " " + settings.tier,
                     fmt::format("prices and powers now come from the {} edition, {} tier", settings.edition->name, settings.tier));
    case What::cost:
    case What::interactivity:
    case What::dashboard: {
      const Method& m = s.method;
      settings.edition = m.pricing.edition;
      settings.cost = m.cost;
      settings.percentile = m.axis.chosen;
      settings.dashboard = m.dashboard;
      settings.unit_word = m.unit_word;
      settings.dashboard_note = m.dashboard_note;
      if (s.what == What::cost)
        return setting("set cost " + std::string(cost_method_name(m.cost)),
                       fmt::format("cost is now {} ", cost_method_name(m.cost)) +
                           (m.cost == CostMethod::splined ? "on the frontier knots (the dashboard before 2026-08-12)"
                                                          : "from the interpolated throughput"));
      if (s.what == What::interactivity)
        return setting(std::string("set interactivity ") + percentile_name(*m.axis.chosen),
                       std::string("the interactivity axis is now ") + percentile_name(*m.axis.chosen) + " for every workload");
      return setting("set dashboard " + s.date, m.dashboard_note);
    }
    case What::format: {
      format = s.format;
      Result r =
          setting("set format " + std::string(format_name(s.format)), "results are now rendered as " + std::string(format_name(s.format)));
      r.effects.format = s.format;  // the host renders what follows in it
      return r;
    }
  }
  throw std::logic_error("unhandled set");
}

Result apply_let(const BoundLet& l, Settings& settings) {
  const bool redefined = settings.lets.count(l.name) > 0;
  settings.lets[l.name] = l.definition;
  Result r;
  r.kind = Kind::let;
  r.query = fmt::format("let {} = {}", l.name, l.definition.text);
  r.notes.push_back(fmt::format("{}{} now stands for{}; use it as a comparison side (compare {} vs …) or as a filter", l.name,
                                redefined ? " (redefined)" : "", selection_text(l.definition.selection), l.name));
  return r;
}

Result apply_param(const BoundParam& p, Settings& settings) {
  settings.params[p.name] = p.value;
  Result r;
  r.kind = Kind::param;
  r.query = fmt::format("param {} = {}", p.name, p.value);
  if (const auto it = settings.overrides.find(p.name); it != settings.overrides.end())
    r.notes.push_back(fmt::format("${} stays {} (set from the command line, which wins over the script)", p.name, it->second));
  else r.notes.push_back(fmt::format("${} is {}", p.name, p.value));
  return r;
}

Result list_settings(const Settings& settings, const std::optional<Format>& format) {
  Result r;
  r.kind = Kind::list;
  r.query = "list settings";
  Table t;
  t.title = "settings";
  t.columns = {{"setting", "", Column::Type::text}, {"value", "", Column::Type::text}};
  // Every setting in force, the defaults said as such: nobody has to guess what a statement computes with.
  const Settings defaults;
  const auto said = [](std::string value, bool is_default) { return is_default ? value + " (default)" : value; };
  t.rows.push_back({std::string("prices"), said(fmt::format("{} edition, {} tier", settings.edition->name, settings.tier),
                                                settings.edition == defaults.edition && settings.tier == defaults.tier)});
  t.rows.push_back({std::string("cost"), said(cost_method_name(settings.cost), settings.cost == defaults.cost)});
  t.rows.push_back({std::string("interactivity"), settings.percentile
                                                      ? std::string(percentile_name(*settings.percentile))
                                                      : std::string("p50 for fixed sequences, p90 for agentic rows (default)")});
  t.rows.push_back(
      {std::string("dashboard"), settings.dashboard ? text::format_date(*settings.dashboard) : std::string("today's method (default)")});
  t.rows.push_back(
      {std::string("format"), format ? std::string(format_name(*format)) : std::string("the host's (icq --format; table by default)")});
  for (const auto& [g, v] : settings.price_overrides) t.rows.push_back({"price " + g, "$" + v + " per GPU-hour"});
  for (const auto& [g, v] : settings.power_overrides) t.rows.push_back({"power " + g, v + " kW"});
  for (const auto& [n, d] : settings.lets) t.rows.push_back({"let " + n, d.text});
  for (const auto& [n, v] : settings.params)
    if (!settings.overrides.count(n)) t.rows.push_back({"param $" + n, v});
  for (const auto& [n, v] : settings.overrides) t.rows.push_back({"param $" + n, v + " (command line)"});
  r.tables.push_back(std::move(t));
  return r;
}

}  // namespace icq::interp
