// Binding the statements that change the session: set, let, param and load. Every word is resolved
// and checked here, against the settings in force when the statement runs (a session binds each
// statement just before it runs it); eval/session_statements applies what comes out.
#include <fmt/format.h>

#include <optional>
#include <stdexcept>

#include "bind/binder.hpp"
#include "bind/method.hpp"
#include "bind/query_error.hpp"
#include "icq/render.hpp"
#include "num/decimal.hpp"
#include "text/text.hpp"

namespace icq::interp {

namespace {

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
  if (d && *d >= limit) throw QueryError(fmt::format("{} must be below 100,000, not '{}'", what, w.text), w.span, example);
  throw QueryError(fmt::format("{} must be a positive decimal number, not '{}'", what, w.text), w.span, example);
}

}  // namespace

BoundSet Binder::bind(const ast::Set& stmt) const {
  using What = BoundSet::What;
  const std::string name = text::lower(stmt.name.text);
  BoundSet out;
  if (name == "price" || name == "power") {
    const bool price = name == "price";
    expect_args(stmt, 2, price ? "set price GPU $/GPU-HOUR, e.g. set price mi355x 1.80" : "set power GPU KW, e.g. set power b200 1.9");
    out.what = price ? What::price : What::power;
    out.gpu = resolve_value(LineField::gpu, stmt.args[0]);
    out.value = price_or_power(stmt.args[1], price);
    return out;
  }
  if (name == "prices") {
    if (stmt.args.empty()) expect_args(stmt, 1, "set prices EDITION|TIER, e.g. set prices 2026-04");
    out.what = What::prices;
    out.edition = settings_.edition;
    out.tier = settings_.tier;
    PricesGiven given;
    apply_price_words(stmt.args, out.edition, out.tier, given);
    check_tier(*out.edition, out.tier, {stmt.args.front().span.begin, stmt.args.back().span.end});
    return out;
  }
  if (name == "cost" || name == "interactivity" || name == "dashboard") {
    // The session's method: what `using cost|interactivity|dashboard` would say in every statement.
    expect_args(stmt, 1,
                name == "cost"        ? "set cost splined|derived"
                : name == "dashboard" ? "set dashboard DATE, e.g. set dashboard 2026-07-15"
                                      : "set interactivity p50|p90|p99");
    ast::Using u;
    u.kind = name == "cost" ? ast::Using::Kind::cost : name == "dashboard" ? ast::Using::Kind::dashboard : ast::Using::Kind::interactivity;
    u.words = stmt.args;
    u.span = stmt.args.front().span;
    out.what = name == "cost" ? What::cost : name == "dashboard" ? What::dashboard : What::interactivity;
    out.method = resolve_method({u}, settings_.method());
    if (out.what == What::dashboard) out.date = stmt.args.front().text;
    return out;
  }
  if (name == "format") {
    expect_args(stmt, 1, "set format table|markdown|csv|json|jsonl|page|svg|html");
    const auto f = parse_format(stmt.args[0].text);
    if (!f)
      throw QueryError(fmt::format("unknown format '{}'", stmt.args[0].text), stmt.args[0].span, "formats: " + std::string(format_names()));
    out.what = What::format;
    out.format = *f;
    return out;
  }
  const std::vector<std::string> names = {"price", "power", "prices", "cost", "interactivity", "dashboard", "format"};
  const auto s = text::closest(name, names);
  throw QueryError(fmt::format("cannot set '{}'", stmt.name.text), stmt.name.span,
                   s.empty() ? "set price GPU $/H | set power GPU KW | set prices EDITION|TIER | set cost splined|derived | set "
                               "interactivity p50|p90|p99 | set dashboard DATE | set format FORMAT"
                             : text::did_you_mean(s),
                   s);
}

BoundLet Binder::bind(const ast::Let& stmt) const { return {stmt.name.text, {bind_side_filters(stmt.side), written_text(stmt.side.span)}}; }

BoundParam Binder::bind(const ast::Param& stmt) const { return {stmt.name.text, stmt.value.text}; }

BoundLoad Binder::bind(const ast::Load& stmt) const { return {stmt.path}; }

}  // namespace icq::interp
