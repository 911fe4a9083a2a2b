// `icq serve` without the network (repl/serve): what each address answers over a real Session on
// the built-in data — statuses, content types, the command line's bytes, the refusals, the time
// limit, the 503 gate, the scripts folder and its path tricks, the log line and the client text.
#include <catch2/catch.hpp>

#include <unistd.h>

#include <atomic>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <string>
#include <thread>

#include "access_log.hpp"
#include "answers.hpp"
#include "client_text.hpp"
#include "output.hpp"
#include "page.hpp"
#include "scripts.hpp"

using namespace icq::serve;
namespace fs = std::filesystem;

namespace {

constexpr const char* kCompare = "compare precision fp4 vs fp8 on mi355x model dsr1 seq 1k/1k";
// About a second on a 2-core machine (9,950 targets); the time limit tests stop it sooner.
constexpr const char* kSlow = "compare precision fp4 vs fp8 on mi355x model dsr1 at 1..200 step 0.02";

icq::Session sandboxed() {
  icq::SessionOptions o;
  o.sandboxed = true;
  return icq::Session(o);
}

Request get(std::string path, Params params = {}) { return {std::move(path), std::move(params)}; }

bool has(const std::string& s, std::string_view part) { return s.find(part) != std::string::npos; }

std::string header(const Answer& a, std::string_view name) {
  for (const auto& [k, v] : a.headers)
    if (k == name) return v;
  return {};
}

// What `icq --format F -c TEXT` prints on stdout, through the command line's own assembly.
std::string command_line(std::string_view text, icq::Format f) {
  icq::Session s;
  const auto o = s.run(std::string(text) + "\n", "query");
  icq::hosts::Output out(f);
  std::string body;
  for (const auto& r : o.results) body += out.next(r, {});
  for (const auto& d : o.diagnostics) out.failed(d);
  std::vector<std::string> notes;
  return body + out.finish({}, notes);
}

// A scripts folder with a report, and links that try to leave it.
struct Folder {
  fs::path root = fs::temp_directory_path() / ("icq-serve-test-" + std::to_string(::getpid()));
  fs::path dir = root / "scripts";
  Folder() {
    fs::remove_all(root);
    fs::create_directories(dir);
    std::ofstream(dir / "report.icq")
        << "param gpu = mi355x\nparam target = 50\ncompare precision fp4 vs fp8 on $gpu model dsr1 at $target\n";
    std::ofstream(dir / "broken.icq") << "compare precision fp9 vs fp8\n";
    std::ofstream(root / "outside.icq") << "list gpus\n";
    fs::create_symlink(root / "outside.icq", dir / "escape.icq");
    fs::create_symlink("/etc/passwd", dir / "passwd.icq");
    fs::create_symlink(dir / "report.icq", dir / "alias.icq");
    fs::create_directories(dir / "folder.icq");
  }
  ~Folder() { fs::remove_all(root); }
};

}  // namespace

TEST_CASE("serve: /query.json and /query.csv are the command line's bytes; content types", "[serve]") {
  const icq::Session base = sandboxed();
  Answers answers(base, {}, std::nullopt);
  for (const auto f : {icq::Format::json, icq::Format::csv, icq::Format::svg, icq::Format::html}) {
    const Answer a = answers.answer(get("/query." + std::string(icq::format_name(f)), {{"q", kCompare}}));
    INFO(icq::format_name(f));
    CHECK(a.status == 200);
    CHECK(a.body == command_line(kCompare, f));
  }
  CHECK(answers.answer(get("/query.json", {{"q", kCompare}})).type == "application/json");
  CHECK(answers.answer(get("/query.csv", {{"q", kCompare}})).type == "text/csv; charset=utf-8");
  CHECK(answers.answer(get("/query.svg", {{"q", kCompare}})).type == "image/svg+xml");
  // Several statements: one JSON array, as the command line writes it.
  const std::string two = "list gpus; list models";
  CHECK(answers.answer(get("/query.json", {{"q", two}})).body == command_line(two, icq::Format::json));
  // One statement is an array too, as the command line writes it (a consumer never branches on the count).
  CHECK(answers.answer(get("/query.json", {{"q", "list gpus"}})).body.rfind("[\n  {\n    \"kind\": \"list\"", 0) == 0);
  // Text with no statement (a comment alone) is answered as an empty query, in every format.
  for (const char* f : {"json", "csv", "svg", "html"}) {
    const Answer none = answers.answer(get(std::string("/query.") + f, {{"q", "-- only a comment"}}));
    INFO(f);
    CHECK(none.status == 400);
    CHECK(has(none.body, "nothing to run"));
  }
  // A run without a chart: no SVG to give, the command line's error (its exit 2) as a 400.
  const Answer svg = answers.answer(get("/query.svg", {{"q", "list gpus"}}));
  CHECK(svg.status == 400);
  CHECK(svg.type == "text/plain; charset=utf-8");
  CHECK(has(svg.body, "error: cannot write the SVG: `list gpus` is a list, which has no chart"));
}

TEST_CASE("serve: a query error is 400 with its caret, in the address's form", "[serve]") {
  const icq::Session base = sandboxed();
  Answers answers(base, {}, std::nullopt);
  const std::string bad = "list gpus; compare precision fp9 vs fp8";
  const Answer json = answers.answer(get("/query.json", {{"q", bad}}));
  CHECK(json.status == 400);
  CHECK(json.type == "application/json");
  CHECK(json.body == command_line(bad, icq::Format::json));  // the results before it, then the error object
  CHECK(has(json.body, "\"message\": \"unknown precision 'fp9'\""));
  const Answer csv = answers.answer(get("/query.csv", {{"q", bad}}));
  CHECK(csv.status == 400);
  CHECK(csv.type == "text/plain; charset=utf-8");
  CHECK(csv.body ==
        "query:1:30: error: unknown precision 'fp9'\n  list gpus; compare precision fp9 vs fp8\n                               ^~~\n"
        "help: did you mean 'fp8' or 'fp4'?\n");
  const Answer page = answers.answer(get("/", {{"q", bad}}));
  CHECK(page.status == 400);
  CHECK(has(page.body, "<pre class=\"diagnostic\">query:1:30: error: unknown precision 'fp9'"));
  CHECK(has(page.body, "<section class=\"result\" data-kind=\"list\">"));  // list gpus ran
}

TEST_CASE("serve: load and set format are refused; sessions share nothing between requests", "[serve]") {
  const icq::Session base = sandboxed();
  Answers answers(base, {}, std::nullopt);
  const Answer load = answers.answer(get("/query.json", {{"q", "load \"/etc\""}}));
  CHECK(load.status == 400);
  CHECK(has(load.body, "load is not allowed here"));
  CHECK(answers.answer(get("/query.csv", {{"q", "set format json; list gpus"}})).status == 400);
  // A price set by one request is not the next one's.
  const std::string cost = "compare precision fp4 vs fp8 on mi355x model dsr1 seq 1k/1k show cost";
  const std::string before = answers.answer(get("/query.csv", {{"q", cost}})).body;
  CHECK(answers.answer(get("/query.csv", {{"q", "set price mi355x 99; param x = 1; " + cost}})).body != before);
  CHECK(answers.answer(get("/query.csv", {{"q", cost}})).body == before);
  CHECK(answers.answer(get("/query.csv", {{"q", "list settings"}})).body.find("param") == std::string::npos);
}

TEST_CASE("serve: addresses, parameters and limits of the request", "[serve]") {
  const icq::Session base = sandboxed();
  Limits limits;
  limits.max_query_bytes = 100;
  limits.max_output_bytes = 4096;
  Answers answers(base, limits, std::nullopt);
  const Answer empty = answers.answer(get("/"));
  CHECK(empty.status == 200);
  CHECK(empty.type == "text/html; charset=utf-8");
  CHECK(has(empty.body, "<textarea id=\"q\" name=\"q\""));
  CHECK(has(empty.body, "rows on"));
  CHECK(answers.answer(get("/query.json")).status == 400);
  CHECK(answers.answer(get("/query.json", {{"q", "  "}})).status == 400);
  CHECK(answers.answer(get("/query.json", {{"q", "list gpus"}, {"q", "list models"}})).status == 400);
  CHECK(has(answers.answer(get("/query.json", {{"x", "1"}, {"q", "list gpus"}})).body, "unknown parameter 'x'"));
  const Answer longer = answers.answer(get("/query.csv", {{"q", std::string(101, 'x')}}));
  CHECK(longer.status == 400);
  CHECK(has(longer.body, "the query is 101 bytes; this server takes at most 100"));
  const Answer not_utf8 = answers.answer(get("/query.json", {{"q", "list gpus where gpu = \"\xff\""}}));
  CHECK(not_utf8.status == 400);
  CHECK(has(not_utf8.body, "not UTF-8"));
  const Answer large = answers.answer(get("/query.json", {{"q", "points"}}));
  CHECK(large.status == 400);
  CHECK(has(large.body, "more than this server sends (4096)"));
  CHECK(answers.answer(get("/query.md", {{"q", "list gpus"}})).status == 404);
  CHECK(answers.answer(get("/scripts/report")).status == 404);  // no scripts folder
  const Answer missing = answers.answer(get("/nothing.json"));
  CHECK(missing.status == 404);
  CHECK(missing.type == "application/json");
  CHECK(answers.answer(get("/nothing.csv")).type == "text/plain; charset=utf-8");
  CHECK(answers.answer(get("/nothing")).type == "text/html; charset=utf-8");
  const Answer data = answers.answer(get("/data.json"));
  CHECK(data.status == 200);
  CHECK(has(data.body, "\"rows\": "));
  CHECK(has(data.body, "\"attribution\": \"data: InferenceX"));
  CHECK(answers.answer(get("/data.json", {{"x", "1"}})).status == 400);
  const Answer words = answers.answer(get("/complete.json", {{"q", "compare precision fp4 vs fp8 on mi3"}}));
  CHECK(words.status == 200);
  CHECK(has(words.body, "\"mi355x\""));
  CHECK(answers.answer(get("/complete.json")).body.rfind("[\"", 0) == 0);  // the statements' keywords
  CHECK(answers.answer(get("/page.js")).type == "text/javascript; charset=utf-8");
}

TEST_CASE("serve: a query past the time limit is cancelled and answered 400", "[serve]") {
  const icq::Session base = sandboxed();
  Limits limits;
  limits.timeout_seconds = 0.05;
  limits.max_query_bytes = 4096;
  Answers answers(base, limits, std::nullopt);
  const auto start = std::chrono::steady_clock::now();
  const Answer a = answers.answer(get("/query.json", {{"q", kSlow}}));
  const double took = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  CHECK(a.status == 400);
  CHECK(has(a.body, "the query ran past this server's time limit of 0.05 s"));
  CHECK(took < 0.5);
  CHECK(answers.answer(get("/query.json", {{"q", "list gpus"}})).status == 200);
}

TEST_CASE("serve: one query more than --max-running is answered 503 with Retry-After", "[serve]") {
  const icq::Session base = sandboxed();
  Limits limits;
  limits.max_running = 1;
  limits.timeout_seconds = 2;
  Answers answers(base, limits, std::nullopt);
  std::atomic<int> first{0};
  std::thread slow([&] { first = answers.answer(get("/query.json", {{"q", kSlow}})).status; });
  while (answers.running() == 0 && first == 0) std::this_thread::yield();
  const Answer busy = answers.answer(get("/query.csv", {{"q", "list gpus"}}));
  slow.join();
  CHECK(busy.status == 503);
  CHECK(header(busy, "Retry-After") == "1");
  CHECK(has(busy.body, "the server is busy"));
  CHECK(answers.answer(get("/query.json", {{"q", "list gpus"}})).status == 200);  // the slot is free again
  CHECK(answers.running() == 0);
}

TEST_CASE("serve: scripts with parameters from the URL; names and links that leave the folder are not found", "[serve]") {
  Folder folder;
  const icq::Session base = sandboxed();
  Answers answers(base, {}, Scripts(folder.dir.string()));
  const Answer report = answers.answer(get("/scripts/report.csv", {{"target", "60"}}));
  CHECK(report.status == 200);
  CHECK(has(report.body, "at interactivity 60"));
  icq::Session cli;
  cli.set_param("target", "60");  // icq -D target=60 report.icq
  const auto o =
      cli.run("param gpu = mi355x\nparam target = 50\ncompare precision fp4 vs fp8 on $gpu model dsr1 at $target\n", "report.icq");
  icq::hosts::Output out(icq::Format::csv);
  std::string want;
  for (const auto& r : o.results) want += out.next(r, {});
  CHECK(report.body == want);
  const Answer page = answers.answer(get("/scripts/report", {{"gpu", "b200"}}));
  CHECK(page.status == 200);
  CHECK(has(page.body, "<input name=\"gpu\" value=\"b200\""));
  CHECK(has(page.body, "<input name=\"target\" value=\"50\""));
  const Answer typo = answers.answer(get("/scripts/report.json", {{"tagret", "60"}}));
  CHECK(typo.status == 400);
  CHECK(has(typo.body, "the script report has no parameter tagret"));
  CHECK(answers.answer(get("/scripts/report.json", {{"bad name", "1"}})).status == 400);
  CHECK(answers.answer(get("/scripts/report.json", {{"target", "60"}, {"target", "70"}})).status == 400);
  const Answer broken = answers.answer(get("/scripts/broken.csv"));
  CHECK(broken.status == 400);
  CHECK(has(broken.body, "broken.icq:1:19: error: unknown precision 'fp9'"));
  CHECK(answers.answer(get("/scripts/alias.csv")).status == 200);  // a link inside the folder
  for (const char* path : {"/scripts/escape", "/scripts/passwd", "/scripts/folder", "/scripts/../outside", "/scripts/..%2Foutside",
                           "/scripts/nothing", "/scripts/report.icq", "/scripts/re.port", "/scripts/%00"}) {
    INFO(path);
    CHECK(answers.answer(get(path)).status == 404);
  }
  const Answer index = answers.answer(get("/scripts/"));
  CHECK(index.status == 200);
  CHECK(has(index.body, "<a href=\"report\">report</a>"));
  CHECK(has(index.body, "<a href=\"alias\">alias</a>"));
  CHECK_FALSE(has(index.body, "escape"));
  CHECK_FALSE(has(index.body, "passwd"));
  CHECK(answers.answer(get("/scripts")).status == 301);
}

TEST_CASE("serve: the scripts folder checks names and links itself", "[serve]") {
  Folder folder;
  const Scripts scripts(folder.dir.string());
  CHECK(Scripts::valid_name("report-2_b"));
  CHECK_FALSE(Scripts::valid_name(""));
  CHECK_FALSE(Scripts::valid_name("a/b"));
  CHECK_FALSE(Scripts::valid_name(".."));
  CHECK_FALSE(Scripts::valid_name(std::string(101, 'a')));
  CHECK(scripts.read("report", 1 << 20).has_value());
  CHECK_FALSE(scripts.read("report", 10).has_value());  // over the size limit
  CHECK_FALSE(scripts.read("escape", 1 << 20).has_value());
  CHECK_FALSE(scripts.read("passwd", 1 << 20).has_value());
  CHECK(scripts.names() == std::vector<std::string>{"alias", "broken", "report"});
  CHECK_THROWS(Scripts((folder.root / "none").string()));
}

TEST_CASE("serve: one log line per request, bounded and printable", "[serve]") {
  LogEntry e;
  e.when = 0;
  e.remote = "127.0.0.1";
  e.method = "GET";
  e.target = "/query.json?q=list%20gpus";
  e.status = 200;
  e.bytes = 1234;
  e.milliseconds = 3.25;
  CHECK(log_line(e) == "1970-01-01T00:00:00Z 127.0.0.1 GET /query.json?q=list%20gpus 200 1234 3.2ms");
  const std::string hostile = "/x\n2026-01-01 forged line\x1b[31m" + std::string(5000, 'a');
  e.target = hostile;
  e.milliseconds = -1;
  const std::string line = log_line(e);
  CHECK(line.find('\n') == std::string::npos);
  CHECK(line.find('\x1b') == std::string::npos);
  CHECK(has(line, "/x\\x0a2026-01-01\\x20forged"));
  CHECK(line.size() < 500);
  CHECK(line.substr(line.size() - 11) == " 200 1234 -");
  CHECK(printable("a\\b", 10) == "a\\\\b");
  CHECK(is_param_name("target_2"));
  CHECK_FALSE(is_param_name("2x"));
  CHECK_FALSE(is_param_name("a-b"));
  CHECK(is_utf8("été"));
  CHECK_FALSE(is_utf8("\xc3"));
  CHECK(url_encode("a b/é&") == "a%20b%2F%C3%A9%26");
}

TEST_CASE("hosts::Output: an output that cannot be produced is an error; json is always an array", "[serve][output]") {
  icq::Session s;
  const auto run = [&](std::string_view text) { return s.run(std::string(text) + "\n", "query"); };
  std::vector<std::string> notes;
  {
    // Batch svg of results without a chart: no document, one error naming them (set changes the session only).
    icq::hosts::Output out(icq::Format::svg);
    std::string body;
    for (const auto& r : run("set price mi355x 1.80; list gpus").results) body += out.next(r, {});
    body += out.finish({}, notes);
    CHECK(body.empty());
    const auto errors = out.errors();
    REQUIRE(errors.size() == 1);
    CHECK(errors[0].message == "cannot write the SVG: `list gpus` is a list, which has no chart");
    CHECK(out.errors().empty());  // taken
  }
  {
    // The REPL in svg mode (streaming): a result without a chart is an error as it comes; a chart prints.
    icq::hosts::Output out(icq::Format::svg, true);
    for (const auto& r : run("describe gpu b200").results) CHECK(out.next(r, {}).empty());
    const auto errors = out.errors();
    REQUIRE(errors.size() == 1);
    CHECK(errors[0].message == "cannot write an SVG: `describe gpu b200` is a describe, which has no chart");
    for (const auto& r : run(kCompare).results) CHECK(out.next(r, {}).rfind("<svg", 0) == 0);
    CHECK(out.errors().empty());
  }
  {
    // json in batch: an array of one for one statement, [] for none.
    icq::hosts::Output one(icq::Format::json);
    for (const auto& r : run("list vendors").results) CHECK(one.next(r, {}).empty());
    CHECK(one.finish({}, notes).rfind("[\n  {\n    \"kind\": \"list\"", 0) == 0);
    icq::hosts::Output none(icq::Format::json);
    CHECK(none.finish({}, notes) == "[]\n");
  }
  {
    // A run that gave nothing: html is an empty report page; svg has nothing to draw, an error
    // unless a failed statement already says why.
    icq::hosts::Output html(icq::Format::html);
    CHECK(html.finish({}, notes).rfind("<!DOCTYPE html>", 0) == 0);
    icq::hosts::Output svg(icq::Format::svg);
    for (const auto& r : run("set price mi355x 1.80").results) CHECK(svg.next(r, {}).empty());
    CHECK(svg.finish({}, notes).empty());
    const auto errors = svg.errors();
    REQUIRE(errors.size() == 1);
    CHECK(errors[0].message == "cannot write the SVG: the run gave no result to draw");
    icq::hosts::Output failed(icq::Format::svg);
    for (const auto& d : run("compare precision fp9 vs fp8").diagnostics) failed.failed(d);
    CHECK(failed.finish({}, notes).empty());
    CHECK(failed.errors().empty());
  }
}
