// Result -> ChartSpec: what each kind of result draws (compare: one panel per shown metric with each
// side's measured points, frontier curve, band and target markers; frontier: the knots with their
// configurations; trend: value per run date; points: a scatter of the chosen columns).
#include "render/chart.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <set>

#include "icq/render.hpp"
#include "math/spline.hpp"
#include "render/numbers.hpp"
#include "text/dates.hpp"

namespace icq::chart {

namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();

struct Extent {
  double lo = kInf, hi = -kInf;
  void add(double v) {
    if (!std::isfinite(v)) return;
    lo = std::min(lo, v), hi = std::max(hi, v);
  }
  [[nodiscard]] bool empty() const { return lo > hi; }
};

// A tick label in the axis' own terms: metric values like the tables, other numbers grouped.
std::string tick_text(const std::string& key, double v, double step) {
  int places = 0;
  while (places < 6 && std::abs(step * std::pow(10.0, places) - std::round(step * std::pow(10.0, places))) > 1e-9) ++places;
  const std::string n = out::grouped(v, places);
  return key == "cost" ? "$" + n : n;
}

// "Nice" linear ticks (1, 2, 5 x 10^k) covering [lo, hi] with about `want` of them.
void linear_ticks(Axis& a, const std::string& key, int want) {
  const double span = a.hi - a.lo;
  if (!(span > 0)) return;
  const double raw = span / want, mag = std::pow(10.0, std::floor(std::log10(raw)));
  double step = mag;
  for (double m : {1.0, 2.0, 2.5, 5.0, 10.0})
    if (raw <= m * mag * 1.0000001) {
      step = m * mag;
      break;
    }
  for (double v = std::ceil(a.lo / step - 1e-9) * step; v <= a.hi + step * 1e-9; v += step)
    a.ticks.emplace_back(std::abs(v) < step * 1e-9 ? 0.0 : v, tick_text(key, std::abs(v) < step * 1e-9 ? 0.0 : v, step));
}

void log_ticks(Axis& a, const std::string& key) {
  for (double d = std::pow(10.0, std::floor(std::log10(a.lo))); d <= a.hi; d *= 10)
    for (double m : {1.0, 2.0, 5.0})
      if (const double v = d * m; v >= a.lo * 0.9999999 && v <= a.hi * 1.0000001) a.ticks.emplace_back(v, tick_text(key, v, v));
}

// Month starts, every 1, 2, 3, 6 or 12 months so that at most eight show.
void date_ticks(Axis& a) {
  std::vector<std::int32_t> months;
  for (auto d = static_cast<std::int32_t>(std::ceil(a.lo)); d <= static_cast<std::int32_t>(std::floor(a.hi)); ++d)
    if (text::format_date(d).substr(8) == "01") months.push_back(d);
  std::size_t stride = 1;
  for (std::size_t s : {1, 2, 3, 6, 12})
    if (months.size() / s <= 8) {
      stride = s;
      break;
    }
  for (std::size_t i = 0; i < months.size(); i += stride) a.ticks.emplace_back(months[i], text::format_date(months[i]).substr(0, 7));
  if (a.ticks.empty())
    for (double v : {a.lo, a.hi}) a.ticks.emplace_back(v, text::format_date(static_cast<std::int32_t>(std::lround(v))));
}

// The domain and ticks of an axis over the extent of what it shows. Linear value axes start at 0
// (throughput and cost read from zero); x axes get a margin either side.
void finish_axis(Axis& a, Extent e, bool log, bool from_zero, const std::string& key) {
  if (e.empty()) e = {0, 1};
  if (log) {
    if (!(e.lo > 0)) e.lo = e.hi > 0 ? e.hi / 1000 : 1;
    if (!(e.hi > e.lo)) e.hi = e.lo * 10;
    a.scale = Scale::log;
    a.lo = e.lo / 1.25, a.hi = e.hi * 1.25;
    log_ticks(a, key);
    return;
  }
  const double span = e.hi > e.lo ? e.hi - e.lo : std::max(std::abs(e.hi), 1.0);
  a.lo = from_zero && e.lo >= 0 ? 0 : e.lo - span * 0.04;
  if (!from_zero && e.lo >= 0) a.lo = std::max(0.0, a.lo);
  a.hi = e.hi + span * (from_zero ? 0.08 : 0.04);
  if (a.dates) {
    a.lo = e.lo - std::max(span * 0.04, 2.0), a.hi = e.hi + std::max(span * 0.04, 2.0);
    date_ticks(a);
  } else {
    linear_ticks(a, key, 6);
  }
}

std::string range_text(const std::vector<std::string>& dates) {
  if (dates.empty()) return {};
  return dates.front() == dates.back() ? dates.front() : dates.front() + " … " + dates.back();
}

// A figure derived from throughput (ChartSeries::derived), drawn as straight segments between
// dense samples of its value (it is no cubic) and through every target inside the frontier, so the
// curve meets the table's values; nothing where a segment has no one GPU's constant.
void derived_curve(Series& se, const ChartSeries& cs, const std::vector<TargetResult>& targets) {
  constexpr int kSamplesPerSegment = 24;
  if (cs.xs.empty()) return;
  Series tput;
  tput.xs = cs.xs, tput.ys = cs.ys, tput.slopes = cs.slopes;
  std::vector<double> xs;
  for (std::size_t k = 0; k < cs.xs.size(); ++k) {
    xs.push_back(cs.xs[k]);
    if (k + 1 < cs.xs.size())
      for (int j = 1; j < kSamplesPerSegment; ++j) xs.push_back(cs.xs[k] + (cs.xs[k + 1] - cs.xs[k]) * j / kSamplesPerSegment);
  }
  for (const auto& t : targets)
    if (t.interactivity >= cs.xs.front() && t.interactivity <= cs.xs.back()) xs.push_back(t.interactivity);
  std::sort(xs.begin(), xs.end());
  xs.erase(std::unique(xs.begin(), xs.end()), xs.end());
  for (const double x : xs) {
    // The segment holding x (a knot belongs to the segment it starts, the last to the one it ends).
    const auto k =
        std::min<std::size_t>(static_cast<std::size_t>(std::upper_bound(cs.xs.begin(), cs.xs.end(), x) - cs.xs.begin()), cs.xs.size() - 1);
    const double c = cs.scale[k == 0 ? 0 : k - 1];
    const double t = cs.xs.size() == 1 ? cs.ys[0] : hermite_at(tput, x);
    const double v = cs.derived == ChartSeries::Derived::over ? (t > 0 ? c / t : NAN) : c * t;
    if (!std::isfinite(v)) continue;
    se.xs.push_back(x);
    se.ys.push_back(v);
  }
}

std::optional<Spec> compare_chart(const Result& r, const Options& o) {
  const Comparison& c = *r.comparison;
  Spec spec;
  spec.kind = Kind::compare;
  spec.title = r.query;
  for (std::size_t s = 0; s < c.sides.size(); ++s) spec.legend.emplace_back(c.sides[s].display, s);
  for (std::size_t m = 0; m < c.metrics.size(); ++m) {
    const MetricColumn& col = c.metrics[m];
    Panel p;
    p.title = col.display;
    p.key = col.key;
    p.x.label = "Interactivity (tok/s/user)";
    p.y.label = col.display;
    p.band = c.band;
    Extent ex, ecurve;
    for (const auto& t : c.targets) p.guides.push_back(t.interactivity), ex.add(t.interactivity);
    if (c.band) ex.add(c.band->first), ex.add(c.band->second);
    bool any = false;
    for (std::size_t s = 0; s < c.sides.size(); ++s) {
      const SideSummary& side = c.sides[s];
      Series se;
      se.name = side.display;
      se.style = s;
      if (m < c.chart(s).size()) {
        const ChartSeries& cs = c.chart(s)[m];
        se.points = cs.measured;
        se.gaps = cs.gaps;
        spec.gap_legend = spec.gap_legend || !cs.gaps.empty();
        if (cs.derived == ChartSeries::Derived::none) se.xs = cs.xs, se.ys = cs.ys, se.slopes = cs.slopes;
        else derived_curve(se, cs, c.targets);
        for (const auto& pt : cs.measured) ex.add(pt.first);
        for (std::size_t k = 0; k < se.xs.size(); ++k) ex.add(se.xs[k]), ecurve.add(se.ys[k]);
        // The frontier's own knots (a Hermite curve's knots are the frontier points).
        if (cs.derived == ChartSeries::Derived::none && cs.slopes.size() == cs.xs.size())
          for (std::size_t k = 0; k < cs.xs.size(); ++k)
            se.knots.push_back(
                {cs.xs[k], cs.ys[k],
                 fmt::format("{} frontier point: {} tok/s/user, {}", side.display, fixed(cs.xs[k], 1), out::metric_cell(col, cs.ys[k]))});
        any = any || !cs.xs.empty() || !cs.measured.empty();
      }
      for (const auto& t : c.targets) {
        if (s >= t.values.size()) continue;
        const SideValue& sv = t.values[s];
        if (sv.status == Status::out_of_range) {
          se.markers.push_back({t.interactivity, 0, "out of range", true});
        } else if (m < sv.values.size() && sv.values[m]) {
          const std::string mark = sv.evidence ? out::evidence_mark(sv.evidence->kind) : sv.status == Status::clamped ? "*" : "";
          se.markers.push_back({t.interactivity, *sv.values[m], out::metric_cell(col, *sv.values[m]) + mark, false});
          ecurve.add(*sv.values[m]);
        }
      }
      p.series.push_back(std::move(se));
    }
    if (!any) continue;
    // A lower-is-better metric (cost, J/token, latency) shoots up where throughput falls to zero at
    // the frontier's ends: its value axis covers the curves over the band and the targets (the
    // writers clip the rest), others every curve. Measured points beyond that are left out.
    Extent yshown;
    const bool near_band = col.polarity == MetricColumn::Polarity::lower_is_better;
    double from = kInf, to = -kInf;
    for (double g : p.guides) from = std::min(from, g), to = std::max(to, g);
    if (c.band) from = std::min(from, c.band->first), to = std::max(to, c.band->second);
    for (const auto& se : p.series) {
      for (std::size_t k = 0; k < se.xs.size(); ++k)
        if (!near_band || (se.xs[k] >= from && se.xs[k] <= to)) yshown.add(se.ys[k]);
      if (near_band && se.xs.size() >= 2)
        for (double x : {from, to})
          if (x >= se.xs.front() && x <= se.xs.back()) yshown.add(hermite_at(se, x));
      for (const auto& mk : se.markers)
        if (!mk.absent) yshown.add(mk.y);
    }
    if (yshown.empty()) yshown = ecurve;
    for (const auto& se : p.series)
      for (const auto& pt : se.points)
        if (pt.second <= yshown.hi) yshown.add(pt.second);
    finish_axis(p.x, ex, o.log_x, false, "");
    finish_axis(p.y, yshown, o.log_y, true, col.key);
    for (auto& se : p.series) {
      std::erase_if(se.points, [&](const auto& pt) { return pt.second > p.y.hi || pt.second < p.y.lo; });
      std::erase_if(se.knots, [&](const Knot& k) { return k.y > p.y.hi || k.y < p.y.lo; });
      for (auto& mk : se.markers)
        if (mk.absent) mk.y = p.y.lo;
    }
    // Absent markers at one target sit side by side along the axis (where value labels go is the
    // SVG writer's: it measures them against the ticks).
    for (const double g : p.guides) {
      int absent = 0;
      for (auto& se : p.series)
        for (auto& mk : se.markers)
          if (mk.x == g && mk.absent) mk.slot = absent++;
    }
    spec.panels.push_back(std::move(p));
  }
  if (spec.panels.empty()) return std::nullopt;
  std::vector<std::string> dates;
  for (const auto& s : c.sides) dates.insert(dates.end(), s.run_dates.begin(), s.run_dates.end());
  std::sort(dates.begin(), dates.end());
  if (!dates.empty()) spec.footer.push_back("run dates " + range_text(dates));
  if (!c.prices.empty()) spec.footer.push_back("prices " + c.prices + (c.tokens.empty() ? "" : ", tokens " + c.tokens));
  return spec;
}

std::optional<double> number_of(const Value& v) {
  if (const auto* d = std::get_if<double>(&v)) return *d;
  if (const auto* n = std::get_if<std::int64_t>(&v)) return static_cast<double>(*n);
  return std::nullopt;
}

std::string cell_text(const Column& col, const Value& v) {
  if (const auto d = number_of(v)) return std::holds_alternative<double>(v) ? out::number_cell(col, *d) : out::grouped(*d, 0);
  if (const auto* s = std::get_if<std::string>(&v)) return *s;
  return "";
}

std::optional<std::size_t> column(const Table& t, const std::string& name) {
  for (std::size_t i = 0; i < t.columns.size(); ++i)
    if (t.columns[i].name == name) return i;
  return std::nullopt;
}

bool numeric(const Column& c) { return c.type != Column::Type::text; }

std::string axis_label(const Column& c) { return c.unit.empty() ? c.name : c.name + " (" + c.unit + ")"; }

// A row's hover text: every other column as "name value".
std::string row_title(const Table& t, const std::vector<Value>& row, std::size_t skip_a, std::size_t skip_b) {
  std::string out;
  for (std::size_t i = 0; i < t.columns.size() && i < row.size(); ++i) {
    if (i == skip_a || i == skip_b) continue;
    const std::string v = cell_text(t.columns[i], row[i]);
    if (v.empty()) continue;
    out += (out.empty() ? "" : ", ") + t.columns[i].name + " " + v;
  }
  return out;
}

std::optional<Spec> frontier_chart(const Result& r, const Options& o) {
  if (r.tables.empty()) return std::nullopt;
  const Table& t = r.tables.front();
  const auto xi = column(t, "interactivity");
  auto yi = column(t, "throughput");
  if (!yi)
    for (std::size_t i = 0; i < t.columns.size(); ++i)
      if (numeric(t.columns[i]) && i != xi) {
        yi = i;
        break;
      }
  if (!xi || !yi) return std::nullopt;
  Spec spec;
  spec.kind = Kind::frontier;
  spec.title = r.query;
  Panel p;
  p.title = "Pareto frontier";
  p.key = t.columns[*yi].name;
  p.x.label = "Interactivity (tok/s/user)";
  p.y.label = axis_label(t.columns[*yi]);
  Series se;
  se.name = "frontier";
  Extent ex, ey;
  for (const auto& row : t.rows) {
    const auto x = number_of(row[*xi]), y = number_of(row[*yi]);
    if (!x || !y) continue;
    se.knots.push_back(
        {*x, *y, fmt::format("{} tok/s/user, {}: {}", fixed(*x, 1), out::number_cell(t.columns[*yi], *y), row_title(t, row, *xi, *yi))});
    ex.add(*x), ey.add(*y);
  }
  if (se.knots.empty()) return std::nullopt;
  std::sort(se.knots.begin(), se.knots.end(), [](const Knot& a, const Knot& b) { return a.x < b.x; });
  bool ascending = true;
  for (std::size_t k = 1; k < se.knots.size(); ++k) ascending = ascending && se.knots[k].x > se.knots[k - 1].x;
  if (ascending) {
    for (const auto& k : se.knots) se.xs.push_back(k.x), se.ys.push_back(k.y);
    se.slopes = math::MonotoneSpline(se.xs, se.ys).slopes();
  }
  spec.legend.emplace_back("frontier", 0);
  finish_axis(p.x, ex, o.log_x, false, "");
  finish_axis(p.y, ey, o.log_y, true, t.columns[*yi].name);
  p.series.push_back(std::move(se));
  spec.panels.push_back(std::move(p));
  return spec;
}

std::optional<Spec> trend_chart(const Result& r, const Options& o) {
  if (r.tables.empty()) return std::nullopt;
  const Table& t = r.tables.front();
  const auto di = column(t, "date"), si = column(t, "status"), ii = column(t, "interactivity"), ei = column(t, evidence_column().name);
  if (!di) return std::nullopt;
  std::vector<std::size_t> values, groups;
  for (std::size_t i = 0; i < t.columns.size(); ++i) {
    const std::string& n = t.columns[i].name;
    if (i == di || i == si || n == evidence_column().name) continue;  // what stands behind a value is no group
    if (numeric(t.columns[i]) && n != "interactivity" && n != "lines" && n != "frontier") values.push_back(i);
    if (!numeric(t.columns[i])) groups.push_back(i);
  }
  if (values.empty()) return std::nullopt;
  std::set<std::string> targets;
  if (ii)
    for (const auto& row : t.rows) targets.insert(cell_text(t.columns[*ii], row[*ii]));
  const auto group_of = [&](const std::vector<Value>& row) {
    std::string g;
    for (std::size_t i : groups) g += (g.empty() ? "" : " ") + cell_text(t.columns[i], row[i]);
    if (ii && targets.size() > 1) g += (g.empty() ? "at " : " at ") + cell_text(t.columns[*ii], row[*ii]);
    return g.empty() ? std::string(ii ? "at " + cell_text(t.columns[*ii], t.rows.front()[*ii]) : "value") : g;
  };
  std::vector<std::string> order;
  for (const auto& row : t.rows)
    if (const auto g = group_of(row); std::find(order.begin(), order.end(), g) == order.end()) order.push_back(g);
  Spec spec;
  spec.kind = Kind::trend;
  spec.title = r.query;
  for (std::size_t g = 0; g < order.size(); ++g) spec.legend.emplace_back(order[g], g);
  for (std::size_t vi : values) {
    Panel p;
    p.title = axis_label(t.columns[vi]);
    p.key = t.columns[vi].name;
    p.x.label = "run date";
    p.x.dates = true;
    p.y.label = p.title;
    Extent ex, ey;
    std::vector<Series> series(order.size());
    for (std::size_t g = 0; g < order.size(); ++g) series[g].name = order[g], series[g].style = g;
    for (const auto& row : t.rows) {
      const auto* ds = std::get_if<std::string>(&row[*di]);
      const auto day = ds ? text::parse_date(*ds) : std::nullopt;
      if (!day) continue;
      const std::size_t g = static_cast<std::size_t>(std::find(order.begin(), order.end(), group_of(row)) - order.begin());
      Series& se = series[g];
      ex.add(*day);
      if (const auto y = number_of(row[vi])) {
        // A date's value that is not solid says so on hover (SEMANTICS.md §12).
        const auto* ev = ei ? std::get_if<std::string>(&row[*ei]) : nullptr;
        const bool weak = ev && *ev != evidence_key(Evidence::Kind::measured) && *ev != evidence_key(Evidence::Kind::one_config);
        se.knots.push_back({static_cast<double>(*day), *y,
                            fmt::format("{} {}: {}{}", *ds, order[g], out::number_cell(t.columns[vi], *y), weak ? " (" + *ev + ")" : "")});
        ey.add(*y);
      } else {
        se.markers.push_back({static_cast<double>(*day), 0, "out of range", true});
      }
    }
    bool any = false;
    for (auto& se : series) {
      std::stable_sort(se.knots.begin(), se.knots.end(), [](const Knot& a, const Knot& b) { return a.x < b.x; });
      for (const auto& k : se.knots) se.xs.push_back(k.x), se.ys.push_back(k.y);
      any = any || !se.knots.empty();
    }
    if (!any) continue;
    finish_axis(p.x, ex, false, false, "");
    finish_axis(p.y, ey, o.log_y, true, t.columns[vi].name);
    for (auto& se : series)
      for (auto& mk : se.markers) mk.y = p.y.lo;
    p.series = std::move(series);
    spec.panels.push_back(std::move(p));
  }
  if (spec.panels.empty()) return std::nullopt;
  return spec;
}

std::optional<Spec> points_chart(const Result& r, const Options& o) {
  if (r.tables.empty()) return std::nullopt;
  const Table& t = r.tables.front();
  std::optional<std::size_t> xi = column(t, "interactivity"), yi;
  if (!xi)
    for (std::size_t i = 0; i < t.columns.size(); ++i)
      if (numeric(t.columns[i])) {
        xi = i;
        break;
      }
  if (!xi) return std::nullopt;
  if (const auto tp = column(t, "throughput"); tp && *tp != *xi) yi = tp;
  if (!yi)
    for (std::size_t i = 0; i < t.columns.size(); ++i)
      if (numeric(t.columns[i]) && i != *xi) {
        yi = i;
        break;
      }
  if (!yi) return std::nullopt;
  // Colour by the first text column with two to eight distinct values (framework, precision …).
  std::optional<std::size_t> gi;
  std::vector<std::string> order;
  for (std::size_t i = 0; i < t.columns.size() && !gi; ++i) {
    if (numeric(t.columns[i])) continue;
    std::vector<std::string> seen;
    for (const auto& row : t.rows)
      if (const auto v = cell_text(t.columns[i], row[i]); std::find(seen.begin(), seen.end(), v) == seen.end()) seen.push_back(v);
    if (seen.size() >= 2 && seen.size() <= 8) gi = i, order = seen;
  }
  if (!gi) order = {"rows"};
  Spec spec;
  spec.kind = Kind::points;
  spec.title = r.query;
  Panel p;
  p.title = axis_label(t.columns[*yi]) + " by " + t.columns[*xi].name;
  p.key = t.columns[*yi].name;
  p.x.label = axis_label(t.columns[*xi]);
  p.y.label = axis_label(t.columns[*yi]);
  std::vector<Series> series(order.size());
  for (std::size_t g = 0; g < order.size(); ++g) {
    series[g].name = gi ? t.columns[*gi].name + " " + order[g] : order[g];
    series[g].style = g;
    spec.legend.emplace_back(series[g].name, g);
  }
  Extent ex, ey;
  for (const auto& row : t.rows) {
    const auto x = number_of(row[*xi]), y = number_of(row[*yi]);
    if (!x || !y) continue;
    const std::size_t g =
        gi ? static_cast<std::size_t>(std::find(order.begin(), order.end(), cell_text(t.columns[*gi], row[*gi])) - order.begin()) : 0;
    series[g].knots.push_back({*x, *y, row_title(t, row, t.columns.size(), t.columns.size())});
    ex.add(*x), ey.add(*y);
  }
  if (ex.empty()) return std::nullopt;
  finish_axis(p.x, ex, o.log_x, false, t.columns[*xi].name);
  finish_axis(p.y, ey, o.log_y, true, t.columns[*yi].name);
  p.series = std::move(series);
  spec.panels.push_back(std::move(p));
  return spec;
}

}  // namespace

std::optional<Spec> build(const Result& r, const Options& o) {
  std::optional<Spec> spec;
  if (!kind_info(r.kind).charts) return std::nullopt;
  if (r.kind == Kind::compare && r.comparison && !r.comparison->targets.empty()) spec = compare_chart(r, o);
  else if (r.kind == Kind::frontier) spec = frontier_chart(r, o);
  else if (r.kind == Kind::trend) spec = trend_chart(r, o);
  else if (r.kind == Kind::points) spec = points_chart(r, o);
  if (spec) spec->footer.emplace_back(attribution());
  return spec;
}

const char* palette(std::size_t style) {
  // Okabe & Ito (2008), without yellow on white: blue, orange, bluish green, vermillion, reddish
  // purple, sky blue, black.
  static const char* const colours[] = {"#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7", "#56B4E9", "#000000"};
  return colours[style % std::size(colours)];
}

Shape shape_of(std::size_t style) {
  static const Shape shapes[] = {Shape::circle, Shape::square, Shape::triangle, Shape::diamond, Shape::triangle_down, Shape::cross};
  return shapes[style % std::size(shapes)];
}

double unit(const Axis& a, double v) {
  if (a.scale == Scale::log) {
    if (!(v > 0)) return -1;
    return (std::log10(v) - std::log10(a.lo)) / (std::log10(a.hi) - std::log10(a.lo));
  }
  return (v - a.lo) / (a.hi - a.lo);
}

double hermite_at(const Series& s, double x) {
  const auto& xs = s.xs;
  if (xs.empty()) return NAN;
  if (xs.size() == 1) return s.ys[0];
  std::size_t i = static_cast<std::size_t>(std::upper_bound(xs.begin(), xs.end(), x) - xs.begin());
  i = i == 0 ? 0 : std::min(i - 1, xs.size() - 2);
  const double h = xs[i + 1] - xs[i], t = (x - xs[i]) / h;
  if (s.slopes.size() != xs.size()) return s.ys[i] + (s.ys[i + 1] - s.ys[i]) * t;
  const double t2 = t * t, t3 = t2 * t;
  return (2 * t3 - 3 * t2 + 1) * s.ys[i] + (t3 - 2 * t2 + t) * h * s.slopes[i] + (-2 * t3 + 3 * t2) * s.ys[i + 1] +
         (t3 - t2) * h * s.slopes[i + 1];
}

std::string fixed(double v, int places) {
  std::string s = fmt::format("{:.{}f}", v, places);
  if (s.find_first_not_of("-0.") == std::string::npos && s[0] == '-') s.erase(0, 1);
  return s;
}

}  // namespace icq::chart
