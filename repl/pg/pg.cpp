#include "pg.hpp"

#include <fcntl.h>
#include <signal.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <iostream>

#include "cache_snapshot.hpp"
#include "data/database_url.hpp"
#include "data/load.hpp"
#include "pg_connection.hpp"
#include "pg_read.hpp"
#include "pg_schema.hpp"
#include "text/dates.hpp"
#include "text/text.hpp"

namespace icq::pg {

namespace fs = std::filesystem;

namespace {

// The snapshot's file name: one per database (where libpq connected, and the URL as shown).
std::string file_name(const Connection& c) {
  std::uint64_t h = 14695981039346656037ull;
  for (const char ch : c.identity() + "\n" + c.shown()) h = (h ^ static_cast<unsigned char>(ch)) * 1099511628211ull;
  char name[40];
  std::snprintf(name, sizeof name, "%016llx.snapshot", static_cast<unsigned long long>(h));
  return name;
}

// Snapshots half-written by a read that was killed outright (SIGKILL, a power cut) go; a live
// read's temporary file stays.
void remove_stale_temporaries(const fs::path& folder) {
  std::error_code ec;
  for (fs::directory_iterator it(folder, ec), end; !ec && it != end; it.increment(ec)) {
    const std::string name = it->path().filename().string();
    const auto at = name.rfind(".tmp-");
    if (at == std::string::npos) continue;
    const long pid = std::strtol(name.c_str() + at + 5, nullptr, 10);
    if (pid > 0 && pid != ::getpid() && ::kill(static_cast<pid_t>(pid), 0) != 0 && errno == ESRCH) fs::remove(it->path(), ec);
  }
}

std::string note_of(const data::Dataset& ds, const std::string& shown) {
  std::int32_t first = INT32_MAX, last = INT32_MIN;
  for (const auto& r : ds.rows()) first = std::min(first, r.date), last = std::max(last, r.date);
  std::string note = "data: PostgreSQL database " + shown + ", " + text::plural(ds.rows().size(), "result");
  if (!ds.empty()) note += " dated " + text::format_date(first) + " to " + text::format_date(last);
  return note + " (error-free, latest attempt of each run)";
}

}  // namespace

Answer read_into_snapshot(const std::string& url, const fs::path& folder, bool show_progress, const volatile std::sig_atomic_t& stop) {
  const std::string shown = data::redact_database_url(url);
  Connection c(url, shown, data::database_url_secrets(url));
  // One consistent view of the database for the state and the rows; nothing is written to it.
  c.exec("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY", "starting a read-only transaction");
  c.exec("SET LOCAL TIME ZONE 'UTC'", "starting a read-only transaction");
  const Schema schema = check_schema(c);
  if (!schema.missing.empty()) {
    std::string what;
    for (const auto& m : schema.missing) what += (what.empty() ? "" : ", ") + m;
    throw Failure{"the database " + shown + " is not an InferenceX dashboard database icq can read: it has no " + what,
                  "icq reads the schema of InferenceX-app's migrations 001-010 (later ones may add to it): restore the weekly "
                  "dump (README, \"The whole history\"), or give the dashboard's own database"};
  }
  Answer a;
  a.key = database_state(c, schema.columns);

  std::error_code ec;
  fs::create_directories(folder, ec);
  if (ec)
    throw Failure{"cannot keep the snapshot of " + shown + " in " + folder.string() + ": " + ec.message(),
                  "give a writable cache folder with --cache DIR (or ICQ_CACHE)"};
  ::chmod(folder.c_str(), 0700);  // a private dashboard's results
  remove_stale_temporaries(folder);
  a.snapshot = (folder / file_name(c)).string();
  if (const auto ds = interp::read_database_snapshot(a.snapshot, a.key)) {
    c.exec("COMMIT", "ending the transaction");
    a.note = note_of(*ds, shown);
    return a;
  }

  data::DatasetBuilder b;
  const auto progress = [&](std::size_t n) {
    if (show_progress) std::cerr << "\rreading " << shown << ": " << n << " results" << std::flush;
  };
  read_database(c, b, progress, stop);
  if (show_progress) std::cerr << "\r\x1b[K" << std::flush;
  // Every row was read in one transaction: its end says the read is whole.
  c.exec("COMMIT", "ending the transaction");
  const data::Dataset ds = std::move(b).finish();
  if (stop) throw Failure{"reading the database " + shown + " was interrupted", "nothing was loaded"};
  const mode_t before = ::umask(077);
  try {
    interp::write_database_snapshot(ds, a.key, a.snapshot);
  } catch (const data::LoadError& e) {
    ::umask(before);
    throw Failure{std::string("cannot keep the snapshot of ") + shown + ": " + e.what(),
                  "give a writable cache folder with --cache DIR (or ICQ_CACHE)"};
  }
  ::umask(before);
  a.note = note_of(ds, shown);
  return a;
}

}  // namespace icq::pg
