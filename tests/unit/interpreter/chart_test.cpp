// Charts (render/chart, svg, braille, html): the comparison carries each side's points and curves,
// the chart model reads them with the spline the values use (d3.curveMonotoneX, two-knot rule
// included), the SVG's Bézier segments are exactly that cubic, out-of-range targets are absent,
// and every writer is deterministic and self-contained.
#include <cmath>
#include <regex>

#include "interp_fixture.hpp"
#include "render/braille.hpp"
#include "render/chart.hpp"
#include "render/svg.hpp"

using namespace icq_test;

namespace {

// fp8: knots (10,100) c64 and (30,60) c16 (two knots: end slopes 1.5 s and 0.75 s, s = -2);
// fp4: (15, 900), (20, 700), (40, 300) and a measured point below the frontier.
std::vector<ApiRow> chart_rows() {
  return {
      row(10, 100, 64),           row(30, 60, 16), row(15, 900, 64).prec("fp4"), row(20, 700, 32).prec("fp4"), row(40, 300, 8).prec("fp4"),
      row(18, 200, 4).prec("fp4")};
}

const char* kQuery = "compare precision fp8 vs fp4 at interactivity 5, 20, 25 show throughput, concurrency";

std::size_t count(const std::string& s, const std::string& needle) {
  std::size_t n = 0;
  for (std::size_t p = s.find(needle); p != std::string::npos; p = s.find(needle, p + 1)) ++n;
  return n;
}

}  // namespace

TEST_CASE("chart data: each side's measured points and the frontier's spline per shown metric", "[interp][chart]") {
  TempData data(chart_rows());
  auto s = data.session();
  const auto r = run_ok(s, kQuery);
  const auto& c = comparison(r);
  REQUIRE(c.sides.size() == 2);
  for (std::size_t i = 0; i < c.sides.size(); ++i) REQUIRE(c.chart(i).size() == 2);  // throughput, concurrency
  const auto& fp8 = c.chart(*c.side_index("fp8"))[0];
  CHECK(fp8.measured.size() == 2);
  REQUIRE(fp8.xs == std::vector<double>{10, 30});
  CHECK(fp8.ys == std::vector<double>{100, 60});
  // Two knots: m0 = 1.5 s, m1 = 0.75 s with s = (60 - 100) / 20 = -2.
  REQUIRE(fp8.slopes.size() == 2);
  CHECK(fp8.slopes[0] == Approx(-3));
  CHECK(fp8.slopes[1] == Approx(-1.5));
  const auto& fp4 = c.chart(*c.side_index("fp4"))[0];
  CHECK(fp4.measured.size() == 4);  // the point below the frontier is measured, not a knot
  CHECK(fp4.xs.size() == 3);
  const auto& conc = c.chart(*c.side_index("fp4"))[1];
  CHECK(conc.ys == std::vector<double>{64, 32, 8});
}

TEST_CASE("chart data: derived cost is throughput's Hermite and a price per segment; the drawn curve meets the targets' values",
          "[interp][chart]") {
  TempData data(chart_rows());
  auto s = data.session();
  const auto r = run_ok(s, "compare precision fp8 vs fp4 on mi355x at interactivity 20, 25 show cost");
  const auto& c = comparison(r);
  const auto spec = icq::chart::build(r);
  REQUIRE(spec);
  REQUIRE(spec->panels.size() == 1);
  for (std::size_t si = 0; si < c.sides.size(); ++si) {
    // What the comparison carries: no samples, the knots' throughput and each segment's constant.
    const auto& cs = c.chart(si)[0];
    REQUIRE(cs.derived == icq::ChartSeries::Derived::over);
    REQUIRE(cs.slopes.size() == cs.xs.size());
    REQUIRE(cs.scale.size() == cs.xs.size());
    // What the chart draws: dense straight segments through every target's value.
    const auto& se = spec->panels[0].series[si];
    REQUIRE(se.slopes.empty());
    REQUIRE(se.xs.size() > 20);
    for (std::size_t t = 0; t < c.targets.size(); ++t) {
      const auto v = c.targets[t].values[si].values[0];
      if (!v) continue;
      const auto it = std::find(se.xs.begin(), se.xs.end(), c.targets[t].interactivity);
      REQUIRE(it != se.xs.end());
      CHECK(se.ys[static_cast<std::size_t>(it - se.xs.begin())] == Approx(*v).epsilon(1e-12));
    }
  }
}

TEST_CASE("chart model: panels per metric, markers at reachable targets, absent ones marked", "[interp][chart]") {
  TempData data(chart_rows());
  auto s = data.session();
  const auto r = run_ok(s, kQuery);
  const auto spec = icq::chart::build(r);
  REQUIRE(spec);
  CHECK(spec->title == r.query);
  REQUIRE(spec->panels.size() == 2);
  CHECK(spec->legend.size() == 2);
  CHECK(spec->footer.back() == std::string(icq::attribution()));
  const auto& p = spec->panels[0];
  REQUIRE(p.series.size() == 2);
  for (const auto& se : p.series) {
    REQUIRE(se.markers.size() == 3);
    CHECK(se.markers[0].absent);  // 5 is below both frontiers
    CHECK(se.markers[0].label == "out of range");
    CHECK_FALSE(se.markers[1].absent);
    // The curve passes through the table's value at each reachable target.
    for (const auto& m : se.markers)
      if (!m.absent) CHECK(icq::chart::hermite_at(se, m.x) == Approx(m.y).epsilon(1e-12));
  }
  CHECK(p.series[0].markers[1].label == "76.3‡");  // fp8 at 20: the table's rounding and mark (10 to 30 is a wide gap)
  CHECK(p.y.lo == 0);
  CHECK_FALSE(p.y.ticks.empty());
  CHECK(std::string(icq::chart::palette(0)) != icq::chart::palette(1));
  CHECK(icq::chart::shape_of(0) != icq::chart::shape_of(1));
}

TEST_CASE("svg: deterministic, one frontier path per side and panel, Béziers of the Hermite", "[interp][chart]") {
  TempData data(chart_rows());
  auto s = data.session();
  const auto r = run_ok(s, kQuery);
  const std::string a = icq::render(r, icq::Format::svg), b = icq::render(r, icq::Format::svg);
  CHECK(a == b);
  CHECK(a.rfind("<svg xmlns=\"http://www.w3.org/2000/svg\"", 0) == 0);
  // fp8's one segment (10 to 30 tok/s/user) is a wide gap: dashed, and the legend names it.
  CHECK(count(a, "class=\"frontier\"") == 2);
  CHECK(count(a, "class=\"gap\"") == 2);
  CHECK(count(a, "stroke-dasharray=\"7 5\"") == 3);
  CHECK(count(a, "legend-gap") == 1);
  CHECK(count(a, "class=\"target-marker\"") == 8);
  CHECK(count(a, "class=\"target-absent\"") == 4);
  CHECK(count(a, "<script") == 0);
  // fp8's throughput path: one cubic whose control points are the knots' slopes at the thirds.
  const std::regex path(
      R"re(class="gap" data-side="FP8" d="M([-0-9.]+) ([-0-9.]+)C([-0-9.]+) ([-0-9.]+) ([-0-9.]+) ([-0-9.]+) ([-0-9.]+) ([-0-9.]+)")re");
  std::smatch m;
  REQUIRE(std::regex_search(a, m, path));
  const auto spec = icq::chart::build(r);
  const auto& panel = spec->panels[0];
  const double x0 = 84, x1 = 960 - 28;  // the plot area's left and right edges
  const auto px = [&](double x) { return x0 + icq::chart::unit(panel.x, x) * (x1 - x0); };
  CHECK(std::stod(m[1]) == Approx(px(10)).margin(0.006));
  CHECK(std::stod(m[3]) == Approx(px(10 + 20.0 / 3)).margin(0.006));
  CHECK(std::stod(m[5]) == Approx(px(30 - 20.0 / 3)).margin(0.006));
  CHECK(std::stod(m[7]) == Approx(px(30)).margin(0.006));
  // The control points' heights: y0 + m0 h / 3 = 100 - 3 * 20 / 3 = 80, y1 - m1 h / 3 = 60 + 1.5 * 20 / 3 = 70.
  const double ybottom = std::stod(m[2]);                           // M's y is 100's pixel
  const double per = (std::stod(m[8]) - ybottom) / (60.0 - 100.0);  // pixels per unit
  CHECK(std::stod(m[4]) == Approx(ybottom + per * (80 - 100)).margin(0.01));
  CHECK(std::stod(m[6]) == Approx(ybottom + per * (70 - 100)).margin(0.01));
}

TEST_CASE("svg: frontier knots carry their configurations as hover titles, points and trend draw", "[interp][chart]") {
  TempData data(chart_rows());
  auto s = data.session();
  const auto f = run_ok(s, "frontier precision fp4");
  const std::string svg = icq::render(f, icq::Format::svg);
  CHECK(count(svg, "class=\"frontier\"") == 1);
  CHECK(count(svg, "class=\"knot\"") == 3);
  CHECK(count(svg, "<title>") == 4);  // the document's and one per knot
  CHECK(contains(svg, "framework"));
  const auto pts = run_ok(s, "points show interactivity, throughput, precision");
  const std::string ps = icq::render(pts, icq::Format::svg);
  CHECK(count(ps, "class=\"knot\"") == 6);
  CHECK(count(ps, "class=\"series\"") == 2);  // coloured by precision
  const auto list = run_ok(s, "list gpus");
  CHECK_FALSE(icq::has_chart(list));
  CHECK(contains(icq::render(list, icq::Format::svg), "no chart"));
}

TEST_CASE("svg: log axes on request", "[interp][chart]") {
  TempData data(chart_rows());
  auto s = data.session();
  const auto r = run_ok(s, kQuery);
  icq::RenderOptions o;
  o.log_x = o.log_y = true;
  const std::string svg = icq::render(r, icq::Format::svg, o);
  CHECK(contains(svg, "data-x-scale=\"log\""));
  CHECK(contains(svg, "data-y-scale=\"log\""));
  CHECK_FALSE(contains(icq::render(r, icq::Format::svg), "\"log\""));
}

TEST_CASE("braille: sized to the terminal, colour only on request", "[interp][chart]") {
  TempData data(chart_rows());
  auto s = data.session();
  const auto r = run_ok(s, kQuery);
  icq::RenderOptions o;
  o.columns = 100, o.rows = 40;
  const std::string plain = icq::render_plot(r, o);
  CHECK_FALSE(contains(plain, "\x1b["));
  CHECK(contains(plain, "●"));
  CHECK(contains(plain, "■"));
  CHECK(contains(plain, "Interactivity (tok/s/user)"));
  bool braille = false;
  for (std::size_t i = 0; i + 2 < plain.size(); ++i)
    braille = braille || (static_cast<unsigned char>(plain[i]) == 0xE2 && (static_cast<unsigned char>(plain[i + 1]) & 0xFC) == 0xA0);
  CHECK(braille);
  std::size_t widest = 0, start = 0;
  for (std::size_t nl = plain.find('\n'); nl != std::string::npos; start = nl + 1, nl = plain.find('\n', start)) {
    std::size_t w = 0;
    for (std::size_t i = start; i < nl; ++i) w += (static_cast<unsigned char>(plain[i]) & 0xC0) != 0x80;
    widest = std::max(widest, w);
  }
  CHECK(widest <= 100);
  o.color = true;
  CHECK(contains(icq::render_plot(r, o), "\x1b[38;5;"));
  CHECK(icq::render_plot(run_ok(s, "list gpus"), o).empty());
}

TEST_CASE("html: one self-contained page with each result's table and chart", "[interp][chart]") {
  TempData data(chart_rows());
  auto s = data.session();
  const auto a = run_ok(s, kQuery), b = run_ok(s, "list gpus");
  const std::string page = icq::render_html({a, b});
  CHECK(page.rfind("<!DOCTYPE html>", 0) == 0);
  CHECK(count(page, "<svg ") == 1);
  CHECK(count(page, "<section class=\"result\"") == 2);
  CHECK(count(page, "<script") == 0);
  CHECK(count(page, "src=") == 0);
  CHECK(count(page, "<link") == 0);
  CHECK(contains(page, "76.3"));
  CHECK(contains(page, std::string(icq::attribution())));
  CHECK(icq::parse_format("svg") == icq::Format::svg);
  CHECK(icq::parse_format("HTML") == icq::Format::html);
  CHECK(icq::format_names() == "table, markdown, csv, json, jsonl, page, svg, html");
}

TEST_CASE("html: a host's frame replaces the header and adds to the head; the results render the same", "[interp][chart]") {
  TempData data(chart_rows());
  auto s = data.session();
  const auto a = run_ok(s, kQuery);
  const std::string report = icq::render_html({a});
  const std::string framed = icq::render_html({a}, {}, {"q <1>", "<script>let x = 1;</script>\n", "<form id=\"f\"></form>\n"});
  CHECK(contains(framed, "<title>q &lt;1&gt;</title>"));
  CHECK(contains(framed, "<script>let x = 1;</script>\n</head>"));
  CHECK(contains(framed, "<body>\n<form id=\"f\"></form>\n<section class=\"result\""));
  CHECK_FALSE(contains(framed, "<h1>icq report</h1>"));
  // Everything from the first result on is the report's, byte for byte.
  const auto from = [](const std::string& page) { return page.substr(page.find("<section class=\"result\"")); };
  CHECK(from(framed) == from(report));
  CHECK(icq::render_html({a}, {}, {}) == report);
}

TEST_CASE("html fragment: the page's sections in one div, its style scoped to it, no document around them", "[interp][chart]") {
  TempData data(chart_rows());
  auto s = data.session();
  const auto a = run_ok(s, kQuery), b = run_ok(s, "list gpus");
  const std::string page = icq::render_html({a, b});
  const std::string fragment = icq::render_html_fragment({a, b});
  CHECK(fragment.rfind("<div class=\"icq-report\">\n<style>", 0) == 0);
  CHECK(fragment.size() >= 7);
  CHECK(fragment.substr(fragment.size() - 7) == "</div>\n");
  for (const char* tag : {"<!DOCTYPE", "<html", "<head>", "<body", "<header>", "<footer", "<script"}) CHECK_FALSE(contains(fragment, tag));
  // Every rule of its style names the fragment's class: a notebook's own style is left alone.
  std::string style = fragment.substr(fragment.find("<style>\n") + 8);
  style = style.substr(0, style.find("</style>"));
  std::size_t rules = 0;
  for (std::size_t at = 0; style.find('{', at) != std::string::npos; at = style.find('}', at) + 1) {
    std::string selectors = style.substr(at, style.find('{', at) - at) + ",";
    for (std::size_t from = 0, comma; (comma = selectors.find(',', from)) != std::string::npos; from = comma + 1) {
      std::string sel = selectors.substr(from, comma - from);
      sel.erase(0, sel.find_first_not_of("\n "));
      CHECK(sel.rfind(".icq-report", 0) == 0);
      ++rules;
    }
  }
  CHECK(rules > 10);
  // The sections are the page's, byte for byte: the table, the chart, the verdicts, the notes.
  const auto sections = [](const std::string& html) {
    return html.substr(html.find("<section"), html.rfind("</section>\n") + 11 - html.find("<section"));
  };
  CHECK(sections(fragment) == sections(page));
  CHECK(count(fragment, "<svg ") == 1);
  CHECK(contains(fragment, std::string(icq::attribution())));
}

TEST_CASE("chart data: made when drawn, from data the result keeps alive after its session and a load are gone", "[interp][chart]") {
  TempData data(chart_rows());
  icq::Result r;
  std::vector<icq::ChartSeries> drawn_at_once;
  {
    auto s = data.session();
    r = run_ok(s, kQuery);
    drawn_at_once = comparison(run_ok(s, kQuery)).chart(0);  // a second result, drawn while all is there
    TempData other({row(12, 50, 8)});
    run_ok(s, "load \"" + other.path() + "\"");  // the session lets go of the data r was computed from
  }                                              // and the session itself is gone
  const auto& c = comparison(r);
  REQUIRE(c.chart_data);
  const auto& late = c.chart(0);
  REQUIRE(late.size() == 2);
  CHECK(late[0].xs == drawn_at_once[0].xs);
  CHECK(late[0].ys == drawn_at_once[0].ys);
  CHECK(late[0].measured == drawn_at_once[0].measured);
  CHECK(late[1].ys == drawn_at_once[1].ys);
  // A copy of the Result shares the same chart data, made once.
  const icq::Result copy = r;
  CHECK(&comparison(copy).chart(0) == &late);
  CHECK(c.chart(7).empty());  // no such side
}
