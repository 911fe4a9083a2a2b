// The table format wrapped to a terminal's width (RenderOptions::columns): text at spaces, long
// words cut after a separator, notes and verdicts with a hanging indent, tables too wide narrowed
// by wrapping their widest columns (numbers never cut); no width, markdown and the machine formats
// unwrapped.
#include <catch2/catch.hpp>

#include <sstream>

#include "icq/icq.hpp"
#include "render/text_table.hpp"

namespace {

std::vector<std::string> lines_of(const std::string& s) {
  std::vector<std::string> out;
  std::istringstream in(s);
  for (std::string l; std::getline(in, l);) out.push_back(l);
  return out;
}

std::size_t widest(const std::string& s) {
  std::size_t w = 0;
  for (const auto& l : lines_of(s)) w = std::max(w, icq::out::display_width(l));
  return w;
}

std::string joined(const std::vector<std::string>& parts, const char* sep) {
  std::string out;
  for (std::size_t i = 0; i < parts.size(); ++i) out += (i ? sep : "") + parts[i];
  return out;
}

std::string render_ok(icq::Session& s, const std::string& q, icq::Format f, int columns) {
  const auto out = s.run(q);
  REQUIRE(out.ok());
  REQUIRE(out.results.size() == 1);
  icq::RenderOptions o;
  o.columns = columns;
  return icq::render(out.results.front(), f, o);
}

}  // namespace

TEST_CASE("wrap: at spaces, every line within the width, the words in order", "[interp][wrap]") {
  const std::string text = "band 17–163 tok/s/user: where every side was measured (16.13–163.53); targets are its 25/50/75% points";
  for (std::size_t width : {20u, 33u, 60u}) {
    const auto lines = icq::out::wrap(text, width);
    CHECK(lines.size() > 1);
    for (const auto& l : lines) {
      CHECK(icq::out::display_width(l) <= width);
      CHECK(l.front() != ' ');
      CHECK(l.back() != ' ');
    }
    CHECK(joined(lines, " ") == text);  // broken at spaces only: nothing lost, nothing cut
  }
  CHECK(icq::out::wrap(text, 0) == std::vector<std::string>{text});
  CHECK(icq::out::wrap(text, 200) == std::vector<std::string>{text});
  CHECK(icq::out::wrap("", 10) == std::vector<std::string>{""});
}

TEST_CASE("wrap: a word longer than the line is cut after a separator, else at the width", "[interp][wrap]") {
  const std::string url = "https://inferencex.semianalysis.com/compare-precision/deepseek-r1-mi355x-fp4-vs-fp8?i_seq=1k%2F1k";
  const auto lines = icq::out::wrap("page: " + url, 40);
  REQUIRE(lines.size() >= 3);
  CHECK(lines[0] == "page:");  // the long word starts on its own line
  CHECK(lines[1] == "https://inferencex.semianalysis.com/");
  for (const auto& l : lines) CHECK(icq::out::display_width(l) <= 40);
  CHECK(joined(std::vector<std::string>(lines.begin() + 1, lines.end()), "") == url);
  const auto hard = icq::out::wrap("abcdefghijklmnopqrstuvwxyz", 10);  // no separator: cut at the width
  CHECK(hard == std::vector<std::string>{"abcdefghij", "klmnopqrst", "uvwxyz"});
  const auto utf8 = icq::out::wrap("ααααααααααααααα", 10);  // code points, not bytes
  CHECK(utf8 == std::vector<std::string>{"αααααααααα", "ααααα"});
}

TEST_CASE("wrap: a cell's leading indent stays on every line", "[interp][wrap]") {
  const auto lines = icq::out::wrap("  of which without interactivity on any side", 20);
  REQUIRE(lines.size() > 1);
  for (const auto& l : lines) CHECK(l.rfind("  ", 0) == 0);
}

TEST_CASE("wrap_hanging: the first line after its prefix, the next ones indented", "[interp][wrap]") {
  const std::string note = "prices: 2026-09 edition, hyperscaler tier, total tokens: MI355X $1.50/GPU-hour, 2.09 kW";
  CHECK(icq::out::wrap_hanging("  - ", note, 4, 0) == "  - " + note + "\n");
  CHECK(icq::out::wrap_hanging("  - ", note, 4, 200) == "  - " + note + "\n");
  const std::string w = icq::out::wrap_hanging("  - ", note, 4, 40);
  const auto lines = lines_of(w);
  REQUIRE(lines.size() >= 3);
  CHECK(lines[0].rfind("  - prices:", 0) == 0);
  for (std::size_t i = 1; i < lines.size(); ++i) {
    CHECK(lines[i].rfind("    ", 0) == 0);
    CHECK(lines[i][4] != ' ');
  }
  CHECK(widest(w) <= 40);
  // a word longer than the line (a URL) is not cut in a note: it stands whole on its own line
  const std::string url = "https://inferencex.semianalysis.com/compare-precision/deepseek-r1-mi355x-fp4-vs-fp8?i_seq=1k%2F1k";
  CHECK(icq::out::wrap_hanging("  - ", "the dashboard's page of this comparison: " + url, 4, 60) ==
        "  - the dashboard's page of this comparison:\n    " + url + "\n");
  CHECK(icq::out::wrap("see " + url + " today", 30, false) == std::vector<std::string>{"see", url, "today"});
}

TEST_CASE("draw: a table too wide wraps its widest text column, numbers whole", "[interp][wrap]") {
  icq::out::Grid g;
  g.header = {"statement", "count", "what it does"};
  g.right_align = {false, true, false};
  g.rows = {{"compare", "1,234,567", "two or more configurations side by side at matched interactivity, each on its own Pareto frontier"},
            {"rank", "12", "one comparison over every value of a dimension, best first"}};
  const std::string one_line = icq::out::draw(g, false);
  CHECK(icq::out::draw(g, false, 0) == one_line);
  CHECK(icq::out::draw(g, false, 500) == one_line);  // it fits: unchanged
  CHECK(widest(one_line) > 60);
  for (bool unicode : {false, true}) {
    const std::string t = icq::out::draw(g, unicode, 60);
    CHECK(widest(t) <= 60);
    CHECK(t.find("1,234,567") != std::string::npos);  // a number is never cut
    CHECK(t.find("compare") != std::string::npos);
    // the long cell is on several lines of its column, each starting with the first column empty
    const auto lines = lines_of(t);
    std::size_t continuation = 0;
    for (const auto& l : lines)
      if (l.rfind(unicode ? "│           │" : "|           |", 0) == 0) ++continuation;
    CHECK(continuation >= 2);
  }
  // narrower than its columns can get: drawn whole, one line per row, rather than taller and still too wide
  CHECK(icq::out::draw(g, false, 30) == one_line);
}

TEST_CASE("draw: numbers keep their width, headers wrap at separators, never inside a word", "[interp][wrap]") {
  icq::out::Grid g;
  g.header = {"prefill_workers", "dp_attention", "image"};
  g.right_align = {true, false, false};
  g.rows = {{"5", "yes", "nvcr.io/nvidia/ai-dynamo/tensorrtllm-runtime:0.8.1.post2"}};
  const std::string t = icq::out::draw(g, false, 40);
  INFO(t);
  CHECK(widest(t) <= 40);
  const auto lines = lines_of(t);
  REQUIRE(lines.size() > 4);
  CHECK(lines[1] == "|   prefill_ | dp_        | image      |");
  CHECK(lines[2] == "|    workers | attention  |            |");
  CHECK(lines[4] == "|          5 | yes        | nvcr.io/   |");  // a long cell cut after separators
  CHECK(lines[5] == "|            |            | nvidia/ai- |");
}

TEST_CASE("render: help and list fields fit a 100-column terminal, and without a width nothing wraps", "[interp][wrap]") {
  icq::Session s;
  for (const char* q : {"help", "help compare", "list fields", "list metrics"}) {
    const std::string plain = render_ok(s, q, icq::Format::table, 0);
    CHECK(render_ok(s, q, icq::Format::table, 0) == icq::render(s.run(q).results.front(), icq::Format::table));
    const std::string wrapped = render_ok(s, q, icq::Format::table, 100);
    INFO(q << "\n" << wrapped);
    CHECK(widest(wrapped) <= 100);
    if (widest(plain) > 100) CHECK(wrapped != plain);
    // the machine formats and markdown never wrap
    for (auto f : {icq::Format::markdown, icq::Format::csv, icq::Format::json, icq::Format::jsonl})
      CHECK(render_ok(s, q, f, 100) == render_ok(s, q, f, 0));
  }
  CHECK(widest(render_ok(s, "help", icq::Format::table, 0)) > 100);  // what a terminal got before
}

TEST_CASE("render: a compare's tables, verdicts and notes within 80 columns, hanging indents", "[interp][wrap]") {
  icq::Session s;
  const char* q = "compare precision fp4 vs fp8 on mi355x model dsr1 seq 1k/1k";
  const std::string t = render_ok(s, q, icq::Format::table, 80);
  const auto lines = lines_of(t);
  REQUIRE(lines.size() > 3);
  // every line but the resolved query (a statement, left whole to be copied) and the page's URL
  // (never cut, to be clicked) is within 80
  bool url_whole = false;
  for (std::size_t i = 1; i < lines.size(); ++i) {
    INFO(lines[i]);
    if (lines[i] == "    https://inferencex.semianalysis.com/compare-precision/deepseek-r1-mi355x-fp4-vs-fp8?i_seq=1k%2F1k") {
      url_whole = true;
      continue;
    }
    CHECK(icq::out::display_width(lines[i]) <= 80);
  }
  CHECK(url_whole);
  const std::string plain = render_ok(s, q, icq::Format::table, 0);
  CHECK(lines.front() == lines_of(plain).front());
  // a note's continuation lines are indented under its text
  bool after_note = false, hanging = false;
  for (const auto& l : lines) {
    if (after_note && l.rfind("    ", 0) == 0 && l[4] != ' ') hanging = true;
    after_note = l.rfind("  - ", 0) == 0 || (after_note && l.rfind("    ", 0) == 0);
  }
  CHECK(hanging);
  CHECK(t.find("Verdicts\n  ") != std::string::npos);
  CHECK(t.find("\n    ") != std::string::npos);
}

TEST_CASE("render_plot: without a size, 80 x 24 as before", "[interp][wrap]") {
  icq::Session s;
  const auto out = s.run("compare precision fp4 vs fp8 on mi355x model dsr1 seq 1k/1k show throughput");
  REQUIRE(out.ok());
  icq::RenderOptions sized;
  sized.columns = 80, sized.rows = 24;
  CHECK(icq::render_plot(out.results.front()) == icq::render_plot(out.results.front(), sized));
}
