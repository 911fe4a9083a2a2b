// The Session facade: exit codes, syntax and query diagnostics, a run stopping at the failing
// statement, unreadable data, load warnings, and independent Sessions on separate threads.
#include <thread>

#include "interp_fixture.hpp"

using namespace icq_test;

TEST_CASE("a comparison on the built-in data yields a band, three targets and four metrics", "[session]") {
  icq::Session s;
  const auto out = s.run("compare precision fp4 vs fp8 on mi355x model dsr1 seq 1k/1k");
  REQUIRE(out.ok());
  REQUIRE(out.results.size() == 1);
  const auto& c = *out.results[0].comparison;
  REQUIRE(c.band.has_value());
  REQUIRE(c.targets.size() == 3);
  REQUIRE(c.metrics.size() == 4);
  REQUIRE(c.sides.size() == 2);
  REQUIRE(out.results[0].summary.size() == 3);
}

namespace {

std::vector<ApiRow> session_rows() { return {row(10, 100, 64), row(30, 60, 16), row(12, 200, 64).prec("fp4"), row(40, 50, 4).prec("fp4")}; }

icq::Diagnostic diagnostic(icq::ErrorKind kind, icq::Severity severity = icq::Severity::error) {
  icq::Diagnostic d;
  d.kind = kind;
  d.severity = severity;
  d.message = "x";
  return d;
}

}  // namespace

TEST_CASE("session: exit codes are 0 ok, 1 query error, 2 usage error", "[session]") {
  icq::Outcome none;
  CHECK(none.ok());
  CHECK(none.exit_code() == 0);
  icq::Outcome warned;
  warned.diagnostics.push_back(diagnostic(icq::ErrorKind::usage, icq::Severity::warning));
  CHECK(warned.ok());
  CHECK(warned.exit_code() == 0);
  icq::Outcome query;
  query.diagnostics.push_back(diagnostic(icq::ErrorKind::query));
  CHECK_FALSE(query.ok());
  CHECK(query.exit_code() == 1);
  icq::Outcome usage;
  usage.diagnostics.push_back(diagnostic(icq::ErrorKind::usage));
  CHECK(usage.exit_code() == 2);
  icq::Outcome expect;
  expect.diagnostics.push_back(diagnostic(icq::ErrorKind::expect));
  CHECK(expect.exit_code() == 3);

  TempData data(session_rows());
  auto s = data.session();
  CHECK(s.run("compare precision fp8 vs fp4").exit_code() == 0);
  CHECK(s.run("compare precision fp8 vs fp9").exit_code() == 1);
  CHECK(s.run("compare precision fp8 vs").exit_code() == 1);
}

TEST_CASE("session: a syntax error names line, column and the line, and runs nothing", "[session]") {
  TempData data(session_rows());
  auto s = data.session();
  const auto out = s.run("list gpus\ncompare precision fp4 vs fp8 at interactivity abc\nlist models", "report.icq");
  std::vector<std::string> queries;
  for (const auto& r : out.results) queries.push_back(r.query);
  INFO("results: " << joined(queries));
  CHECK(out.results.empty());
  REQUIRE(out.diagnostics.size() == 1);
  const auto& d = out.diagnostics[0];
  CHECK(d.severity == icq::Severity::error);
  CHECK(d.kind == icq::ErrorKind::query);
  CHECK(out.exit_code() == 1);
  CHECK(d.span.source == "report.icq");
  CHECK(d.span.line == 2);
  CHECK(d.span.column == 47);
  CHECK(d.span.length == 3);
  CHECK(d.span.line_text == "compare precision fp4 vs fp8 at interactivity abc");
  CHECK_FALSE(d.incomplete);
  CHECK(icq::format_diagnostic(d).rfind("report.icq:2:47: error: ", 0) == 0);
}

TEST_CASE("session: a misspelt clause keyword gets a suggestion", "[session]") {
  TempData data(session_rows());
  auto s = data.session();
  const auto out = s.run("compare precision fp4 vs fp8 mdoel dsr1");
  REQUIRE(out.diagnostics.size() == 1);
  CHECK(out.exit_code() == 1);
  CHECK(out.diagnostics[0].span.column == 30);
  CHECK(out.diagnostics[0].span.length == 5);
  REQUIRE_FALSE(out.diagnostics[0].suggestions.empty());
  CHECK(out.diagnostics[0].suggestions.front() == "model");
}

TEST_CASE("session: input that ends too early is flagged incomplete", "[session]") {
  TempData data(session_rows());
  auto s = data.session();
  const auto out = s.run("compare precision fp4 vs");
  REQUIRE(out.diagnostics.size() == 1);
  CHECK(out.diagnostics[0].incomplete);
  CHECK(out.diagnostics[0].span.line == 1);
  CHECK(out.diagnostics[0].span.column == 25);
  const auto done = s.run("compare precision fp4 vs fp9");
  REQUIRE(done.diagnostics.size() == 1);
  CHECK_FALSE(done.diagnostics[0].incomplete);
}

TEST_CASE("session: a query error stops the run at the failing statement", "[session]") {
  TempData data(session_rows());
  auto s = data.session();
  const auto out = s.run("list gpus\ncompare precision fp4 vs fp9\nlist models");
  REQUIRE(out.results.size() == 1);
  CHECK(out.results[0].kind == icq::Kind::list);
  REQUIRE(out.diagnostics.size() == 1);
  CHECK(out.diagnostics[0].message == "unknown precision 'fp9'");
  CHECK(out.diagnostics[0].span.line == 2);
  CHECK(out.diagnostics[0].span.column == 26);
  CHECK(out.diagnostics[0].span.line_text == "compare precision fp4 vs fp9");
  CHECK(out.exit_code() == 1);
  // Statements separated by ';' behave the same.
  const auto semi = s.run("list gpus; compare precision fp4 vs fp9; list models");
  CHECK(semi.results.size() == 1);
  CHECK(semi.diagnostics.size() == 1);
  // And the session is still usable afterwards.
  CHECK(s.run("list gpus; list models").results.size() == 2);
}

TEST_CASE("session: a missing data path throws icq::Error of kind usage", "[session]") {
  icq::SessionOptions o;
  o.data_paths = {(std::filesystem::temp_directory_path() / "icq-interp-test-no-such-dir" / "nothing.json").string()};
  try {
    icq::Session s(std::move(o));
    FAIL("no exception");
  } catch (const icq::Error& e) {
    CHECK(e.diagnostic.kind == icq::ErrorKind::usage);
    CHECK(e.diagnostic.severity == icq::Severity::error);
    CHECK_FALSE(e.diagnostic.message.empty());
    CHECK(std::string(e.what()) == e.diagnostic.message);
  }
}

TEST_CASE("session: data without a usable row throws icq::Error of kind usage", "[session]") {
  TempData data({row(0, 100, 4), row(-1, 100, 8)});
  try {
    auto s = data.session();
    FAIL("no exception");
  } catch (const icq::Error& e) {
    CHECK(e.diagnostic.kind == icq::ErrorKind::usage);
    CHECK(contains(e.diagnostic.message, "no usable benchmark rows"));
  }
}

TEST_CASE("session: load problems reach the host as warnings with reasons", "[session]") {
  TempData data({row(10, 100, 64), row(0, 100, 4), row(-1, 100, 8), row_without_x(100, 2), row(30, 60, 16)});
  std::vector<icq::Diagnostic> warnings;
  icq::SessionOptions o;
  o.data_paths = {data.path()};
  o.on_warning = [&](const icq::Diagnostic& d) { warnings.push_back(d); };
  icq::Session s(std::move(o));
  CHECK(s.data().rows == 3);
  CHECK(s.data().unusable_rows == 2);
  std::vector<std::string> messages;
  for (const auto& w : warnings) {
    // Unusable records are problems (warnings); rows kept without interactivity are notes.
    CHECK(w.severity == (contains(w.message, "unusable") ? icq::Severity::warning : icq::Severity::note));
    messages.push_back(w.message);
  }
  INFO(joined(messages));
  CHECK(any_contains(messages, "2 unusable records (median_intvty not a finite positive number)"));
  CHECK(any_contains(messages, "1 of 3 rows carry no median interactivity"));
}

TEST_CASE("session: separate Sessions on separate threads compute identical results", "[session]") {
  TempData data({row(10, 100, 64), row(20, 80, 32).framework("vllm"), row(30, 60, 16), row(12, 200, 64).prec("fp4"),
                 row(25, 90, 16).prec("fp4"), row(40, 50, 4).prec("fp4")});
  const std::vector<std::string> builtin_queries = {
      "compare precision fp4 vs fp8 on mi355x model dsr1",
      "compare gpu b200 vs mi355x vs h200 model dsr1 precision fp8 seq 8k/1k",
      "compare precision fp4 vs fp8 on b200 model dsr1 using prices 2026-04 rental",
  };
  const std::vector<std::string> synthetic_queries = {
      "compare precision fp8 vs fp4",
      "compare precision fp8 vs fp4 at interactivity 10..40 step 5 clamp",
  };
  auto render_all = [](icq::Session& s, const std::vector<std::string>& qs) {
    std::string all;
    for (const auto& q : qs) {
      const auto out = s.run(q);
      if (!out.ok() || out.results.size() != 1) return std::string("error: ") + q;
      all += icq::render(out.results[0], icq::Format::json);
    }
    return all;
  };
  constexpr int kThreads = 4, kRounds = 3;
  std::vector<std::string> got_builtin(kThreads), got_synthetic(kThreads);
  std::vector<std::thread> threads;
  for (int i = 0; i < kThreads; ++i) {
    threads.emplace_back([&, i] {
      try {
        icq::Session s;
        auto t = data.session();
        std::string b = render_all(s, builtin_queries), y = render_all(t, synthetic_queries);
        for (int k = 1; k < kRounds; ++k) {
          if (render_all(s, builtin_queries) != b) b = "unstable across rounds";
          if (render_all(t, synthetic_queries) != y) y = "unstable across rounds";
        }
        got_builtin[static_cast<std::size_t>(i)] = b;
        got_synthetic[static_cast<std::size_t>(i)] = y;
      } catch (const std::exception& e) {
        got_builtin[static_cast<std::size_t>(i)] = std::string("exception: ") + e.what();
      }
    });
  }
  for (auto& t : threads) t.join();
  // The baseline afterwards, on this thread: the threads above were the first to load the
  // built-in data, concurrently.
  std::string want_builtin, want_synthetic;
  {
    icq::Session s;
    want_builtin = render_all(s, builtin_queries);
    auto t = data.session();
    want_synthetic = render_all(t, synthetic_queries);
  }
  REQUIRE(want_builtin.rfind("error", 0) != 0);
  REQUIRE(want_synthetic.rfind("error", 0) != 0);
  for (int i = 0; i < kThreads; ++i) {
    INFO("thread " << i);
    CHECK(got_builtin[static_cast<std::size_t>(i)] == want_builtin);
    CHECK(got_synthetic[static_cast<std::size_t>(i)] == want_synthetic);
  }
}

TEST_CASE("session: sandboxed, load and set format are errors at their statement; the rest runs", "[session]") {
  icq::SessionOptions o;
  o.sandboxed = true;
  icq::Session s(o);
  const auto load = s.run("list gpus; load \"/etc\"");
  REQUIRE(load.diagnostics.size() == 1);
  CHECK(load.results.size() == 1);
  CHECK(load.diagnostics[0].message.rfind("load is not allowed here", 0) == 0);
  CHECK(load.diagnostics[0].span.column == 12);
  CHECK(load.diagnostics[0].span.length == 11);
  CHECK(load.exit_code() == 1);
  const auto format = s.run("set FORMAT csv");
  REQUIRE(format.diagnostics.size() == 1);
  CHECK(format.diagnostics[0].message == "set format is not allowed here: the host chooses the format");
  CHECK_FALSE(s.format().has_value());
  CHECK(s.run("set prices 2026-04; param x = 1; let a = (gpu b200); list settings").ok());
  // Not sandboxed, the same statements run (set format) or fail only for the path (load).
  icq::Session open;
  CHECK(open.run("set format csv").ok());
  const auto missing = open.run("load \"/nonexistent/icq\"");
  REQUIRE(missing.diagnostics.size() == 1);
  CHECK(missing.diagnostics[0].message.find("not allowed") == std::string::npos);
}

TEST_CASE("session: fresh() shares the data as opened, without what runs set, let, param or load", "[session]") {
  TempData data(session_rows());
  TempData more({row(50, 40, 8).framework("vllm")}, "more.json");
  auto s = data.session();
  const std::string before = icq::render(s.run("list frameworks").results.at(0), icq::Format::csv);
  REQUIRE(s.run("set prices 2026-04 rental; param target = 20; let a = (precision fp4)").ok());
  REQUIRE(s.run("load \"" + more.path() + "\"").ok());
  CHECK(icq::render(s.run("list frameworks").results.at(0), icq::Format::csv) != before);
  const icq::Session f = s.fresh();
  icq::Session g = f.fresh();
  CHECK(icq::render(g.run("list frameworks").results.at(0), icq::Format::csv) == before);
  const auto settings = g.run("list settings");
  REQUIRE(settings.ok());
  const std::string text = icq::render(settings.results.at(0), icq::Format::csv);
  CHECK(text.find("2026-09") != std::string::npos);
  CHECK(text.find("param") == std::string::npos);
  CHECK(text.find("let a") == std::string::npos);
  CHECK(g.data().rows == 4);
  // Options carry over: a sandboxed session's fresh copies are sandboxed, with the host's params.
  icq::SessionOptions o;
  o.sandboxed = true;
  o.params["target"] = "25";
  const icq::Session base(o);
  icq::Session h = base.fresh();
  CHECK_FALSE(h.run("load \"x\"").ok());
  const auto p = h.run("param target = 30");
  REQUIRE(p.ok());
  CHECK(p.results.at(0).notes.at(0).find("stays 25") != std::string::npos);
}
