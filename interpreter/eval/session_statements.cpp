#include "eval/session_statements.hpp"

#include <fmt/format.h>

#include <optional>

#include "catalog/catalog.hpp"
#include "eval/compare.hpp"
#include "bind/method.hpp"
#include "num/decimal.hpp"
#include "bind/query_error.hpp"
#include "text/dates.hpp"
#include "text/text.hpp"

namespace icq::interp {

namespace {

Result setting(std::string query, std::string note) {
  Result r;
  r.kind = Kind::set;
  r.query = std::move(query);
  r.notes.push_back(std::move(note));
  return r;
}

void expect_args(const ast::Set& s, std::size_t n, const char* usage) {
  if (s.args.size() != n)
    throw QueryError(fmt::format("set {} takes {} value{}", text::lower(s.name.text), n, n == 1 ? "" : "s"),
                     s.args.empty() ? s.name.span : ast::Span{s.args.front().span.begin, s.args.back().span.end}, usage);
}

// The value of `set price` or `set power`, as written ("1.80"): a positive decimal below 100,000.
// Each message names the constraint broken, and the example is of the statement written.
std::string price_or_power(const ast::Word& w, bool price) {
  const char* what = price ? "a price per GPU-hour" : "a power in kW per GPU";
  const char* example = price ? "e.g. set price mi355x 1.80" : "e.g. set power b200 1.9";
  std::optional<num::Decimal> d;
  try {
    d = num::Decimal::parse(w.text);
  } catch (const std::invalid_argument&) {
  }
  const auto limit = num::Decimal::from_int(100000);
  if (d && *d > num::Decimal::from_int(0) && *d < limit) return w.text;
  if (d && *d >= limit)
    throw QueryError(fmt::format("{} must be below 100,000, not '{}'", what, w.text), w.span, example);
  throw QueryError(fmt::format("{} must be a positive decimal number, not '{}'", what, w.text), w.span, example);
}

}  // namespace

Result run_set(const ast::Set& stmt, const Binder& binder, Settings& settings, std::optional<Format>& format) {
  const std::string name = text::lower(stmt.name.text);
  if (name == "price" || name == "power") {
    const bool price = name == "price";
    expect_args(stmt, 2, price ? "set price GPU $/GPU-HOUR, e.g. set price mi355x 1.80" : "set power GPU KW, e.g. set power b200 1.9");
    const std::string gpu = binder.resolve_value(LineField::gpu, stmt.args[0]);
    const std::string value = price_or_power(stmt.args[1], price);
    (price ? settings.price_overrides : settings.power_overrides)[gpu] = value;
    const auto* e = settings.edition->find(gpu);
    const std::string catalog_value =
        !e ? "has none" : price ? "says $" + (settings.tier == "neocloud" ? e->neocloud : settings.tier == "rental" ? e->rental : e->hyperscaler)
                        : "says " + e->kw + " kW";
    return setting(fmt::format("set {} {} {}", name, gpu, value),
                   fmt::format("{} now {} for every framework variant (the {} edition {})", catalog::gpu_display(gpu),
                               price ? "costs $" + value + " per GPU-hour" : "draws " + value + " kW", settings.edition->name,
                               catalog_value));
  }
  if (name == "prices") {
    if (stmt.args.empty()) expect_args(stmt, 1, "set prices EDITION|TIER, e.g. set prices 2026-04");
    const catalog::PriceEdition* edition = settings.edition;
    std::string tier = settings.tier;
    PricesGiven given;
    apply_price_words(stmt.args, edition, tier, given);
    check_tier(*edition, tier, {stmt.args.front().span.begin, stmt.args.back().span.end});
    settings.edition = edition;
    settings.tier = tier;
    return setting("set prices " + settings.edition->name + " " + settings.tier,
                   fmt::format("prices and powers now come from the {} edition, {} tier", settings.edition->name, settings.tier));
  }
  if (name == "cost" || name == "interactivity" || name == "dashboard") {
    // The session's method: what `using cost|interactivity|dashboard` would say in every statement.
    expect_args(stmt, 1, name == "cost" ? "set cost splined|derived" : name == "dashboard" ? "set dashboard DATE, e.g. set dashboard 2026-07-15"
                                                                                          : "set interactivity p50|p90|p99");
    ast::Using u;
    u.kind = name == "cost" ? ast::Using::Kind::cost : name == "dashboard" ? ast::Using::Kind::dashboard : ast::Using::Kind::interactivity;
    u.words = stmt.args;
    u.span = stmt.args.front().span;
    const Method m = resolve_method({u}, settings.method());
    settings.edition = m.pricing.edition;
    settings.cost = m.cost;
    settings.percentile = m.axis.chosen;
    settings.dashboard = m.dashboard;
    settings.unit_word = m.unit_word;
    settings.dashboard_note = m.dashboard_note;
    if (name == "cost") return setting("set cost " + std::string(cost_method_name(m.cost)), fmt::format("cost is now {} ", cost_method_name(m.cost)) +
                                                                                                  (m.cost == CostMethod::splined ? "on the frontier knots (the dashboard before 2026-08-12)" : "from the interpolated throughput"));
    if (name == "interactivity")
      return setting(std::string("set interactivity ") + percentile_name(*m.axis.chosen),
                     std::string("the interactivity axis is now ") + percentile_name(*m.axis.chosen) + " for every workload");
    return setting("set dashboard " + stmt.args.front().text, m.dashboard_note);
  }
  if (name == "format") {
    expect_args(stmt, 1, "set format table|markdown|csv|json|jsonl|page|svg|html");
    const auto f = parse_format(stmt.args[0].text);
    if (!f) throw QueryError(fmt::format("unknown format '{}'", stmt.args[0].text), stmt.args[0].span, "formats: " + std::string(format_names()));
    format = *f;
    Result r = setting("set format " + std::string(format_name(*f)), "results are now rendered as " + std::string(format_name(*f)));
    r.effects.format = *f;  // the host renders what follows in it
    return r;
  }
  const std::vector<std::string> names = {"price", "power", "prices", "cost", "interactivity", "dashboard", "format"};
  const auto s = text::closest(name, names);
  throw QueryError(fmt::format("cannot set '{}'", stmt.name.text), stmt.name.span,
                   s.empty() ? "set price GPU $/H | set power GPU KW | set prices EDITION|TIER | set cost splined|derived | set "
                               "interactivity p50|p90|p99 | set dashboard DATE | set format FORMAT"
                             : text::did_you_mean(s),
                   s);
}

Result run_let(const ast::Let& stmt, const Binder& binder, Settings& settings) {
  LetDefinition def;
  def.selection = binder.bind_side_filters(stmt.side);
  def.text = binder.written_text(stmt.side.span);
  const bool redefined = settings.lets.count(stmt.name.text) > 0;
  settings.lets[stmt.name.text] = def;
  Result r;
  r.kind = Kind::let;
  r.query = fmt::format("let {} = {}", stmt.name.text, def.text);
  r.notes.push_back(fmt::format("{}{} now stands for{}; use it as a comparison side (compare {} vs …) or as a filter",
                                stmt.name.text, redefined ? " (redefined)" : "", selection_text(def.selection), stmt.name.text));
  return r;
}

Result run_param(const ast::Param& stmt, Settings& settings) {
  settings.params[stmt.name.text] = stmt.value.text;
  Result r;
  r.kind = Kind::param;
  r.query = fmt::format("param {} = {}", stmt.name.text, stmt.value.text);
  if (const auto it = settings.overrides.find(stmt.name.text); it != settings.overrides.end())
    r.notes.push_back(fmt::format("${} stays {} (set from the command line, which wins over the script)", stmt.name.text, it->second));
  else
    r.notes.push_back(fmt::format("${} is {}", stmt.name.text, stmt.value.text));
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
  t.rows.push_back({std::string("interactivity"), settings.percentile ? std::string(percentile_name(*settings.percentile))
                                                                      : std::string("p50 for fixed sequences, p90 for agentic rows (default)")});
  t.rows.push_back({std::string("dashboard"), settings.dashboard ? text::format_date(*settings.dashboard) : std::string("today's method (default)")});
  t.rows.push_back({std::string("format"), format ? std::string(format_name(*format)) : std::string("the host's (icq --format; table by default)")});
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
