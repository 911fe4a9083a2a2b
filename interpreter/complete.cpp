#include "complete.hpp"

#include <algorithm>
#include <iterator>
#include <set>

#include "bind/columns.hpp"
#include "bind/filters.hpp"
#include "catalog/catalog.hpp"
#include "catalog/metrics.hpp"
#include "data/dimensions.hpp"
#include "data/fields.hpp"
#include "icq/render.hpp"
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

// A column that takes a statistic: a latency metric (`ttft p99`), or interactivity's own field.
bool takes_stat(const std::string& word) {
  if (const catalog::Metric* m = catalog::find_metric(word)) return m->takes_percentile;
  return data::quantity_from_name(word).has_value();
}

std::optional<LineField> filter_field(const std::string& kw) {
  if (const data::Dimension* d = data::find_dimension(kw)) return d->field;
  return std::nullopt;
}

// Filters typed so far narrow the values offered: `model dsr1 on mi355x precision <Tab>`.
std::vector<LineFilter> typed_filters(const std::vector<std::string>& tokens) {
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
  return typed;
}

// The words that may come at the cursor. Each group of cases says whether the position is one of
// its own; the first that is offers the words (the groups are tried in order).
class Completer {
 public:
  Completer(std::string_view line, const data::Dataset& data, const Settings& s) : ds_(data), settings_(s) {
    tokens_ = tokens_of(line, partial_);
    typed_ = typed_filters(tokens_);
    // The keyword that governs the current position: the last token, skipping list commas.
    k_ = tokens_.size();
    while (k_ > 0 && tokens_[k_ - 1] == ",") --k_;
    after_comma_ = k_ < tokens_.size();
    if (k_ > 0) prev_ = tokens_[k_ - 1];
    if (k_ > 1) prev2_ = tokens_[k_ - 2];
    // The last keyword before the cursor (for lists after `show`).
    const auto& clauses = grammar::clause_keywords();
    for (auto it = tokens_.rbegin(); it != tokens_.rend(); ++it)
      if (std::find(clauses.begin(), clauses.end(), *it) != clauses.end()) {
        last_kw_ = *it;
        break;
      }
  }

  std::vector<std::string> words() {
    if (!heads_and_values() && !columns() && !method_words() && !statement_words() && !clause_values()) anything();
    std::vector<std::string> result;
    for (const auto& w : out_)
      if (text::starts_with_icase(w, partial_)) result.push_back(w);
    return result;
  }

 private:
  void add_all(const std::vector<std::string>& v) { out_.insert(v.begin(), v.end()); }

  // A field's values present in the data, under the other fields' filters: the field's own typed
  // values are what is being completed.
  std::vector<std::string> present(LineField f) const {
    std::vector<LineFilter> others;
    std::copy_if(typed_.begin(), typed_.end(), std::back_inserter(others), [&](const LineFilter& t) { return t.field != f; });
    std::vector<std::string> v = present_values(ds_, others, f);
    v.erase(std::remove(v.begin(), v.end(), std::string()), v.end());
    return v;
  }

  // A statement's first word, a compare's dimension or side, a filter's values.
  bool heads_and_values() {
    const auto& tokens = tokens_;
    if (tokens.empty()) {
      add_all(grammar::statement_keywords());
      out_.insert("assert");
    } else if (tokens.front() == "compare" && tokens.size() == 1) {
      add_all(grammar::dimension_keywords());
      for (const auto& [n, _] : settings_.lets) out_.insert(n);
    } else if (tokens.front() == "compare" && tokens.size() >= 2 && filter_field(tokens[1]) && (tokens.size() == 2 || prev_ == "vs")) {
      add_all(present(*filter_field(tokens[1])));
    } else if (const auto f = filter_field(prev_); f && !(prev_ == "on" && partial_ == "date")) {
      add_all(present(*f));
      if (prev_ == "on") out_.insert("date");
    } else if (after_comma_ && k_ >= 2 && filter_field(prev2_)) {
      add_all(present(*filter_field(prev2_)));
    } else {
      return false;
    }
    return true;
  }

  // A column's statistic, the columns to order by, the metrics to show.
  bool columns() {
    const auto& last_kw = last_kw_;
    if (takes_stat(prev_) && !after_comma_ && (last_kw == "show" || last_kw == "where" || last_kw == "order" || last_kw == "by")) {
      // `show ttft p<Tab>`: a latency's statistic, or whatever may follow the column.
      for (const auto& w : data::kStatWords) out_.insert(std::string(w.word));
      if (last_kw == "order" || last_kw == "by") add_all({"asc", "desc"});
      else if (last_kw == "where") add_all({"<", "<=", ">", ">=", "=", "!="});
      add_all(grammar::clause_keywords());
    } else if ((prev_ == "by" && prev2_ == "order") || (after_comma_ && last_kw == "by" && tokens_.front() != "trend")) {
      add_all(row_column_names());
    } else if (prev_ == "show" || (after_comma_ && last_kw == "show")) {
      for (const auto& m : catalog::metrics()) out_.insert(m.key);
      if (tokens_.front() == "compare") add_all({"config", "deployable"});  // what stands behind each value
    } else if (tokens_.front() == "trend" && tokens_.size() == 1) {
      for (const auto& m : catalog::metrics()) out_.insert(m.key);
    } else {
      return false;
    }
    return true;
  }

  // The method's words: prices, `using`, cost method, interactivity percentile, token type.
  bool method_words() {
    if (prev_ == "prices") {
      for (const auto& e : catalog::price_editions()) out_.insert(e.name);
      add_all(catalog::names_of(catalog::price_tiers()));
    } else if (prev_ == "using") {
      add_all({"prices", "cost", "dashboard", "interactivity"});
    } else if ((prev2_ == "using" || prev2_ == "set") && prev_ == "cost") {
      add_all({"splined", "derived"});
    } else if ((prev2_ == "using" || prev2_ == "set") && prev_ == "interactivity") {
      add_all({"p50", "p90", "p99"});
    } else if (prev_ == "tokens") {
      add_all({"total", "output", "input"});
    } else {
      return false;
    }
    return true;
  }

  // What list, describe, help, explain, plot and set take.
  bool statement_words() {
    if (prev_ == "list") {
      add_all(grammar::list_targets());
    } else if (prev_ == "describe") {
      add_all(grammar::describe_kinds());
    } else if (prev2_ == "describe") {
      if (prev_ == "metric")
        for (const auto& m : catalog::metrics()) out_.insert(m.key);
      else if (prev_ == "edition")
        for (const auto& e : catalog::price_editions()) out_.insert(e.name);
      else if (const auto df = filter_field(prev_)) add_all(present(*df));
    } else if (prev_ == "help") {
      add_all(grammar::statement_keywords());
    } else if (prev_ == "explain" || prev_ == "plot") {
      add_all(grammar::explainable_keywords());
    } else if (prev_ == "set" && tokens_.size() == 1) {
      add_all({"price", "power", "prices", "cost", "interactivity", "dashboard", "format"});
    } else if (prev2_ == "set" && (prev_ == "price" || prev_ == "power")) {
      for (const auto& g : catalog::gpus()) out_.insert(g.key);
    } else if (prev2_ == "set" && prev_ == "format") {
      for (const Format format : kFormats) out_.insert(std::string(format_name(format)));
    } else {
      return false;
    }
    return true;
  }

  // A clause's argument: a run date, trend's dimension, the kind of targets, a where condition's field.
  bool clause_values() {
    if (prev_ == "date" || prev_ == "of" || prev_ == "since") {
      std::set<std::int32_t> dates;
      for (const auto& r : ds_.rows()) dates.insert(r.date);
      for (auto d : dates) out_.insert(text::format_date(d));
    } else if (prev_ == "by" && tokens_.front() == "trend") {
      for (const auto& d : data::dimensions()) out_.emplace(d.keyword);
    } else if (prev_ == "at") {
      add_all({"interactivity", "band"});
    } else if (prev_ == "where" || prev_ == "and" || prev_ == "or" || prev_ == "not") {
      for (const auto& field : row_fields()) out_.insert(field.name);
      add_all(row_metric_names());
    } else {
      return false;
    }
    return true;
  }

  // Anywhere else: a clause, `vs` or a let name.
  void anything() {
    add_all(grammar::clause_keywords());
    out_.insert("vs");
    for (const auto& [n, _] : settings_.lets) out_.insert(n);
  }

  const data::Dataset& ds_;
  const Settings& settings_;
  std::string partial_;
  std::vector<std::string> tokens_;
  std::vector<LineFilter> typed_;
  std::size_t k_ = 0;  // tokens before the cursor's list commas
  bool after_comma_ = false;
  std::string prev_, prev2_, last_kw_;
  std::set<std::string> out_;
};

}  // namespace

std::vector<std::string> complete(std::string_view line, const data::Dataset& ds, const Settings& settings) {
  return Completer(line, ds, settings).words();
}

}  // namespace icq::interp
