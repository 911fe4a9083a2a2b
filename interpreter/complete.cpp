#include "complete.hpp"

#include <algorithm>
#include <iterator>
#include <set>

#include "catalog/catalog.hpp"
#include "icq/render.hpp"
#include "catalog/metrics.hpp"
#include "bind/filters.hpp"
#include "eval/statements.hpp"
#include "keywords.hpp"
#include "parser.hpp"
#include "text/dates.hpp"
#include "text/text.hpp"

namespace icq::interp {

namespace {

std::vector<std::string> tokens_of(std::string_view line, std::string& partial) {
  std::vector<std::string> tokens;
  std::string cur;
  for (char c : line) {
    if (c == ' ' || c == '\t' || c == ',' || c == '(' || c == ')' || c == ';' || c == '=' || c == '\n') {
      if (!cur.empty()) tokens.push_back(text::lower(cur)), cur.clear();
      if (c == ';') tokens.push_back(";");
      if (c == ',') tokens.push_back(",");
    } else {
      cur += c;
    }
  }
  partial = cur;
  // Only the current statement matters.
  const auto semi = std::find(tokens.rbegin(), tokens.rend(), ";");
  if (semi != tokens.rend()) tokens.erase(tokens.begin(), semi.base());
  return tokens;
}

std::optional<LineField> filter_field(const std::string& kw) {
  if (const data::Dimension* d = data::find_dimension(kw)) return d->field;
  return std::nullopt;
}

}  // namespace

std::vector<std::string> complete(std::string_view line, const data::Dataset& ds, const Settings& settings) {
  std::string partial;
  const std::vector<std::string> tokens = tokens_of(line, partial);
  std::set<std::string> out;
  auto add_all = [&](const std::vector<std::string>& v) { out.insert(v.begin(), v.end()); };

  // Filters typed so far narrow the values offered: `model dsr1 on mi355x precision <Tab>`.
  std::vector<LineFilter> typed;
  for (std::size_t i = 0; i + 1 < tokens.size(); ++i)
    if (const auto f = filter_field(tokens[i])) {
      LineFilter lf{*f, {}};
      for (std::size_t j = i + 1; j < tokens.size(); ++j) {
        if (tokens[j] == ",") continue;
        lf.values.push_back(data::normalize(data::dimension(*f), tokens[j]));
        if (j + 1 >= tokens.size() || tokens[j + 1] != ",") break;
      }
      if (!lf.values.empty()) typed.push_back(lf);
    }
  auto present = [&](LineField f) {
    // Under the other fields' filters: the field's own typed values are what is being completed.
    std::vector<LineFilter> others;
    std::copy_if(typed.begin(), typed.end(), std::back_inserter(others), [&](const LineFilter& t) { return t.field != f; });
    std::vector<std::string> v = present_values(ds, others, f);
    v.erase(std::remove(v.begin(), v.end(), std::string()), v.end());
    return v;
  };

  // The keyword that governs the current position: the last token, skipping list commas.
  std::string prev, prev2;
  std::size_t k = tokens.size();
  while (k > 0 && tokens[k - 1] == ",") --k;
  const bool after_comma = k < tokens.size();
  if (k > 0) prev = tokens[k - 1];
  if (k > 1) prev2 = tokens[k - 2];
  // The last keyword before the cursor (for lists after `show`).
  std::string last_kw;
  const auto& clauses = grammar::clause_keywords();
  for (auto it = tokens.rbegin(); it != tokens.rend(); ++it)
    if (std::find(clauses.begin(), clauses.end(), *it) != clauses.end()) {
      last_kw = *it;
      break;
    }

  if (tokens.empty()) {
    add_all(grammar::statement_keywords());
    out.insert("assert");
  } else if (tokens.front() == "compare" && tokens.size() == 1) {
    add_all(grammar::dimension_keywords());
    for (const auto& [n, _] : settings.lets) out.insert(n);
  } else if (tokens.front() == "compare" && tokens.size() >= 2 && filter_field(tokens[1]) && (tokens.size() == 2 || prev == "vs")) {
    add_all(present(*filter_field(tokens[1])));
  } else if (const auto f = filter_field(prev); f && !(prev == "on" && partial == "date")) {
    add_all(present(*f));
    if (prev == "on") out.insert("date");
  } else if (after_comma && k >= 2 && filter_field(prev2)) {
    add_all(present(*filter_field(prev2)));
  } else if (prev == "show" || (after_comma && last_kw == "show")) {
    for (const auto& m : catalog::metrics()) out.insert(m.key);
    if (tokens.front() == "compare") add_all({"config", "deployable"});  // what stands behind each value
  } else if (tokens.front() == "trend" && tokens.size() == 1) {
    for (const auto& m : catalog::metrics()) out.insert(m.key);
  } else if (prev == "prices") {
    for (const auto& e : catalog::price_editions()) out.insert(e.name);
    add_all(catalog::names_of(catalog::price_tiers()));
  } else if (prev == "using") {
    add_all({"prices", "cost", "dashboard", "interactivity"});
  } else if ((prev2 == "using" || prev2 == "set") && prev == "cost") {
    add_all({"splined", "derived"});
  } else if ((prev2 == "using" || prev2 == "set") && prev == "interactivity") {
    add_all({"p50", "p90", "p99"});
  } else if (prev == "tokens") {
    add_all({"total", "output", "input"});
  } else if (prev == "list") {
    add_all(list_targets());
  } else if (prev == "describe") {
    add_all(describe_kinds());
  } else if (prev2 == "describe") {
    if (prev == "metric") for (const auto& m : catalog::metrics()) out.insert(m.key);
    else if (prev == "edition") for (const auto& e : catalog::price_editions()) out.insert(e.name);
    else if (const auto df = filter_field(prev)) add_all(present(*df));
  } else if (prev == "help") {
    add_all(grammar::statement_keywords());
  } else if (prev == "explain" || prev == "plot") {
    add_all(grammar::explainable_keywords());
  } else if (prev == "set" && tokens.size() == 1) {
    add_all({"price", "power", "prices", "cost", "interactivity", "dashboard", "format"});
  } else if (prev2 == "set" && (prev == "price" || prev == "power")) {
    for (const auto& g : catalog::gpus()) out.insert(g.key);
  } else if (prev2 == "set" && prev == "format") {
    for (const Format format : kFormats) out.insert(std::string(format_name(format)));
  } else if (prev == "date" || prev == "of" || prev == "since") {
    std::set<std::int32_t> dates;
    for (const auto& r : ds.rows()) dates.insert(r.date);
    for (auto d : dates) out.insert(text::format_date(d));
  } else if (prev == "by" && tokens.front() == "trend") {
    add_all({"gpu", "model", "precision", "framework", "family", "spec", "seq", "deployment", "vendor"});
  } else if (prev == "at") {
    add_all({"interactivity", "band"});
  } else if (prev == "where" || prev == "and" || prev == "or") {
    for (const auto& field : row_fields()) out.insert(field.name);
  } else {
    add_all(grammar::clause_keywords());
    out.insert("vs");
    for (const auto& [n, _] : settings.lets) out.insert(n);
  }
  std::vector<std::string> result;
  for (const auto& w : out)
    if (text::starts_with_icase(w, partial)) result.push_back(w);
  return result;
}

}  // namespace icq::interp
