#include "render/json.hpp"
#include "text/text.hpp"

#include <fmt/format.h>

#include <cmath>

#include "icq/render.hpp"

namespace icq::out {

namespace {

// A tiny writer: objects and arrays with optional indentation; the caller supplies keys in order.
class Writer {
 public:
  explicit Writer(bool pretty) : pretty_(pretty) {}
  void open(char c) {
    value_prefix();
    out_ += c;
    ++depth_;
    first_ = true;
  }
  void close(char c) {
    --depth_;
    if (!first_) newline();
    out_ += c;
    first_ = false;
  }
  void key(std::string_view k) {
    separator();
    out_ += text::json_string(k) + (pretty_ ? ": " : ":");
    after_key_ = true;
  }
  void raw(const std::string& v) {
    value_prefix();
    out_ += v;
    first_ = false;
  }
  void str(std::string_view s) { raw(text::json_string(s)); }
  void num(double d) { raw(std::isfinite(d) ? fmt::format("{}", d) : "null"); }
  void num(std::optional<double> d) { d ? num(*d) : raw("null"); }
  void integer(long long i) { raw(std::to_string(i)); }
  void null() { raw("null"); }
  std::string take() { return std::move(out_); }

 private:
  void newline() {
    if (pretty_) out_ += "\n" + std::string(static_cast<std::size_t>(depth_) * 2, ' ');
  }
  void separator() {
    if (!first_) out_ += ",";
    newline();
    first_ = false;
  }
  void value_prefix() {
    if (after_key_) {
      after_key_ = false;
      return;
    }
    if (depth_ > 0) separator();
  }
  std::string out_;
  bool pretty_;
  int depth_ = 0;
  bool first_ = true;
  bool after_key_ = false;
};

void value(Writer& w, const Value& v) {
  if (const auto* d = std::get_if<double>(&v)) w.num(*d);
  else if (const auto* i = std::get_if<std::int64_t>(&v)) w.integer(*i);
  else if (const auto* s = std::get_if<std::string>(&v)) w.str(*s);
  else w.null();
}

void range(Writer& w, const std::optional<std::pair<double, double>>& r) {
  if (!r) return w.null();
  w.open('[');
  w.num(r->first);
  w.num(r->second);
  w.close(']');
}

const char* status_name(Status s) {
  switch (s) {
    case Status::ok: return "ok";
    case Status::out_of_range: return "out_of_range";
    case Status::clamped: return "clamped";
  }
  return "ok";
}

void strings(Writer& w, const std::vector<std::string>& v) {
  w.open('[');
  for (const auto& s : v) w.str(s);
  w.close(']');
}

// What stands behind a value (SEMANTICS.md §12): its kind, whether its knots are of one
// configuration, and the knots themselves.
void evidence(Writer& w, const Evidence& e) {
  w.open('{');
  w.key("kind");
  w.str(evidence_key(e.kind));
  w.key("same_config");
  w.raw(e.same_config ? "true" : "false");
  w.key("knots");
  w.open('[');
  for (const auto& k : e.knots) {
    w.open('{');
    w.key("interactivity");
    w.num(k.interactivity);
    w.key("throughput");
    w.num(k.throughput);
    w.key("concurrency");
    w.integer(k.concurrency);
    w.key("config");
    w.str(k.config);
    w.close('}');
  }
  w.close(']');
  w.close('}');
}

// A metric's value by its key: concurrency as an integer, the rest as numbers (null when absent).
void metric_value(Writer& w, const MetricColumn& m, const std::optional<double>& v) {
  if (v && m.key == "concurrency") w.integer(static_cast<long long>(*v));
  else w.num(v);
}

// `show deployable` / `show config`: the best single configuration there.
void deployable(Writer& w, const Comparison& c, const Deployable& d) {
  w.open('{');
  w.key("config");
  w.str(d.config);
  for (std::size_t m = 0; m < c.metrics.size(); ++m) {
    w.key(c.metrics[m].key);
    metric_value(w, c.metrics[m], m < d.values.size() ? d.values[m] : std::nullopt);
  }
  if (d.evidence) {
    w.key("evidence");
    evidence(w, *d.evidence);
  }
  w.close('}');
}

// `with noise`: a metric's spread from reruns of its knots' configurations.
void spread(Writer& w, const std::optional<Spread>& s) {
  if (!s) {  // no value, or no run-to-run spread (concurrency)
    w.num(std::optional<double>{});
    return;
  }
  w.open('{');
  if (s->unknown) {  // fewer than 2 runs: unknown, never zero
    w.key("unknown");
    w.raw("true");
    w.key("runs");
    w.integer(static_cast<long long>(s->runs));
    w.close('}');
    return;
  }
  w.key("min");
  w.num(s->min);
  w.key("max");
  w.num(s->max);
  w.key("stddev");
  w.num(s->stddev);
  w.key("runs");
  w.integer(static_cast<long long>(s->runs));
  w.close('}');
}

// One side's values at a target, with what stands behind them.
void side_value(Writer& w, const Comparison& c, const SideValue& sv) {
  w.open('{');
  w.key("side");
  w.str(sv.side);
  w.key("status");
  w.str(status_name(sv.status));
  for (std::size_t m = 0; m < c.metrics.size(); ++m) {
    w.key(c.metrics[m].key);
    metric_value(w, c.metrics[m], sv.values[m]);
  }
  if (sv.evidence) {
    w.key("evidence");
    evidence(w, *sv.evidence);
  }
  if (sv.deployable) {
    w.key("deployable");
    deployable(w, c, *sv.deployable);
  }
  if (!sv.noise.empty()) {
    w.key("noise");
    w.open('{');
    for (std::size_t m = 0; m < c.metrics.size() && m < sv.noise.size(); ++m) {
      w.key(c.metrics[m].key);
      spread(w, sv.noise[m]);
    }
    w.close('}');
  }
  w.close('}');
}

void sides(Writer& w, const Comparison& c) {
  w.open('[');
  for (const auto& s : c.sides) {
    w.open('{');
    w.key("label");
    w.str(s.label);
    w.key("rows");
    w.integer(static_cast<long long>(s.rows));
    w.key("frontier_points");
    w.integer(static_cast<long long>(s.frontier_points));
    w.key("range");
    range(w, s.range);
    w.close('}');
  }
  w.close(']');
}

void targets(Writer& w, const Comparison& c) {
  w.open('[');
  for (const auto& t : c.targets) {
    w.open('{');
    w.key("interactivity");
    w.num(t.interactivity);
    w.key("values");
    w.open('[');
    for (const auto& sv : t.values) side_value(w, c, sv);
    w.close(']');
    w.close('}');
  }
  w.close(']');
}

// The comparison's keys of the result object: its dimension, band, sides and targets.
void comparison(Writer& w, const Comparison& c) {
  w.key("dimension");
  w.str(c.dimension);
  w.key("band");
  range(w, c.band);
  w.key("sides");
  sides(w, c);
  w.key("targets");
  targets(w, c);
}

void table(Writer& w, const Table& t) {
  w.open('{');
  w.key("title");
  w.str(t.title);
  w.key("columns");
  w.open('[');
  for (const auto& col : t.columns) {
    w.open('{');
    w.key("name");
    w.str(col.name);
    w.key("unit");
    w.str(col.unit);
    w.key("type");
    w.str(col.type == Column::Type::number ? "number" : col.type == Column::Type::integer ? "integer" : "text");
    w.close('}');
  }
  w.close(']');
  w.key("rows");
  w.open('[');
  for (const auto& row : t.rows) {
    w.open('[');
    for (const auto& v : row) value(w, v);
    w.close(']');
  }
  w.close(']');
  w.close('}');
}

// The "tables" key, left out when there is no table to write.
void tables(Writer& w, const Result& r) {
  // A comparison's values are in "targets" already; its other tables (`show config`) are written.
  std::vector<const Table*> written;
  for (const auto& t : r.tables)
    if (!r.comparison || t.title != "values") written.push_back(&t);
  if (written.empty()) return;
  w.key("tables");
  w.open('[');
  for (const Table* t : written) table(w, *t);
  w.close(']');
}

}  // namespace

std::string to_json(const Result& r, bool pretty) {
  Writer w(pretty);
  w.open('{');
  w.key("kind");
  w.str(kind_name(r.kind));
  w.key("query");
  w.str(r.query);
  if (r.comparison) comparison(w, *r.comparison);
  tables(w, r);
  w.key("summary");
  strings(w, r.summary);
  w.key("notes");
  std::vector<std::string> notes = r.notes;
  if (kind_info(r.kind).shows_data) notes.emplace_back(attribution());
  strings(w, notes);
  w.close('}');
  return w.take();
}

}  // namespace icq::out
