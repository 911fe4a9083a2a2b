// The `load` statement: where a Session may read (SessionOptions::allowed_load_dirs: `..` and
// symlinks resolved, nothing outside opened), a load that gives nothing failing as a statement and
// leaving the data as it was, and a load's word on its files coming back in its Outcome.
#include <filesystem>
#include <string>
#include <vector>

#include "interp_fixture.hpp"

using namespace icq_test;
namespace fs = std::filesystem;

namespace {

std::vector<ApiRow> good_rows() { return {row(10, 100, 64), row(30, 60, 16)}; }

// A Session on the built-in data that may load only inside `dirs`.
icq::Session restricted(std::vector<std::string> dirs) {
  icq::SessionOptions o;
  o.allowed_load_dirs = std::move(dirs);
  return icq::Session(std::move(o));
}

icq::Diagnostic load_error(icq::Session& s, const std::string& path) {
  const std::size_t rows = s.data().rows;
  const icq::Outcome out = s.run("load \"" + path + "\"");
  INFO(diagnostics_text(out));
  REQUIRE(out.results.empty());
  REQUIRE(out.diagnostics.size() == 1);
  CHECK(out.exit_code() == 2);
  CHECK(s.data().rows == rows);  // nothing was added
  return out.diagnostics.front();
}

}  // namespace

TEST_CASE("load: a session that allows no folder loads nothing, and says how to allow one", "[session][load]") {
  TempData data(good_rows());
  auto s = restricted({});
  const auto d = load_error(s, data.path());
  CHECK(contains(d.message, "this session loads no files"));
  CHECK(contains(d.help, "--allow-load"));
}

TEST_CASE("load: inside an allowed folder it loads; outside, by name, `..` or a symlink, it is refused", "[session][load]") {
  TempData allowed(good_rows(), "inside.json");
  TempData outside(good_rows(), "secret.json");
  auto s = restricted({allowed.path()});
  const std::size_t before = s.data().rows;

  const icq::Outcome ok = s.run("load \"" + allowed.path() + "/inside.json\"");
  INFO(diagnostics_text(ok));
  REQUIRE(ok.ok());
  CHECK(s.data().rows == before + 2);
  CHECK(contains(ok.results.front().notes.front(), "2 rows from 1 file"));

  CHECK(contains(load_error(s, outside.path() + "/secret.json").message, "outside the folders this session may load from"));
  CHECK(contains(load_error(s, "/etc/passwd").help, allowed.path()));
  // `..` out of the allowed folder, and a folder whose name only starts like the allowed one.
  CHECK(
      contains(load_error(s, allowed.path() + "/../" + fs::path(outside.path()).filename().string() + "/secret.json").message, "outside"));
  CHECK(contains(load_error(s, allowed.path() + "-not/x.json").message, "outside"));
  // The answer is the same whether a file outside exists or not.
  CHECK(load_error(s, outside.path() + "/no-such.json").message.find("no such") == std::string::npos);

  // A symlink inside the allowed folder that leads out: named directly, or met walking the folder.
  fs::create_symlink(fs::path(outside.path()) / "secret.json", fs::path(allowed.path()) / "link.json");
  CHECK(contains(load_error(s, allowed.path() + "/link.json").message, "outside"));
  const auto walked = load_error(s, allowed.path());
  CHECK(contains(walked.message, "link.json' leads to"));
  CHECK(contains(walked.help, "symbolic link"));
  fs::create_directory_symlink(outside.path(), fs::path(allowed.path()) / "dir-link");
  CHECK(contains(load_error(s, allowed.path() + "/dir-link/secret.json").message, "outside"));
}

TEST_CASE("load: a session that loads only from folders reads no database, and never asks its host to", "[session][load]") {
  TempData allowed(good_rows());
  icq::SessionOptions o;
  o.allowed_load_dirs = std::vector<std::string>{allowed.path()};
  bool asked = false;
  o.read_database = [&](const std::string&) {
    asked = true;
    return icq::DatabaseRead{};
  };
  icq::Session s(std::move(o));
  const auto d = load_error(s, "postgresql://reader:secret@db.example/dash");
  CHECK(contains(d.message, "a database cannot be loaded here"));
  CHECK_FALSE(contains(d.message + d.help + d.span.line_text, "secret"));
  CHECK_FALSE(asked);
}

TEST_CASE("load: an allowed folder that does not exist is an error when the Session is made", "[session][load]") {
  try {
    restricted({"/no/such/folder/for/icq"});
    FAIL("no exception");
  } catch (const icq::Error& e) {
    CHECK(e.diagnostic.kind == icq::ErrorKind::usage);
    CHECK(contains(e.diagnostic.message, "cannot allow loading from '/no/such/folder/for/icq'"));
  }
}

TEST_CASE("load: a file that gives no rows fails as a statement, with why, and the data stays as it was", "[session][load]") {
  TempData data;
  data.write("notes.txt", "just some text\nnot a benchmark\n");
  icq::Session s;
  const auto d = load_error(s, data.path() + "/notes.txt");
  CHECK(d.kind == icq::ErrorKind::usage);
  CHECK(contains(d.message, "gave no usable benchmark rows"));
  CHECK(contains(d.message, "not a dashboard export"));
  // The session still answers on the data it had.
  CHECK(s.run("list gpus").ok());
}

TEST_CASE("load: its warnings about its files come back in its Outcome, not through on_warning", "[session][load]") {
  TempData data({row(10, 100, 64), row(-1, 100, 8), row(30, 60, 16)});
  data.write("broken.json", "{\"nothing\": \"here\"}");
  std::vector<icq::Diagnostic> callbacks;
  icq::SessionOptions o;
  o.on_warning = [&](const icq::Diagnostic& d) { callbacks.push_back(d); };
  icq::Session s(std::move(o));
  const icq::Outcome out = s.run("load \"" + data.path() + "\"; list gpus");
  INFO(diagnostics_text(out));
  CHECK(callbacks.empty());
  REQUIRE(out.results.size() == 2);  // the run goes on after a load with a bad file
  bool partly = false, broken = false;
  for (const auto& d : out.diagnostics) {
    partly = partly || (d.severity == icq::Severity::warning && contains(d.message, "1 unusable record"));
    broken = broken || (d.severity == icq::Severity::error && contains(d.span.source, "broken.json"));
  }
  CHECK(partly);
  CHECK(broken);
  CHECK(out.exit_code() == 2);  // a file that gave nothing, as with --data
}
