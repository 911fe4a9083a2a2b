#include "database.hpp"

#include "cache.hpp"
#include "helpers.hpp"

namespace icq::hosts {

DatabaseRead parse_answer(std::string_view out, int code) {
  DatabaseRead r;
  while (!out.empty()) {
    const auto nl = out.find('\n');
    const std::string_view line = out.substr(0, nl);
    out.remove_prefix(nl == std::string_view::npos ? out.size() : nl + 1);
    const auto space = line.find(' ');
    if (space == std::string_view::npos) continue;
    const std::string_view field = line.substr(0, space);
    std::string value(line.substr(space + 1));
    if (field == "snapshot") r.snapshot = std::move(value);
    else if (field == "key") r.key = std::move(value);
    else if (field == "note") r.note = std::move(value);
    else if (field == "error") r.error = std::move(value);
    else if (field == "help") r.help = std::move(value);
  }
  if (code == 0 && r.error.empty() && (r.snapshot.empty() || r.key.empty())) r.error = "icq-pg read the database but named no snapshot";
  if (code != 0 && r.error.empty())
    r.error = "cannot read the database: icq-pg " +
              (code > 128 ? "was stopped by signal " + std::to_string(code - 128) : "failed (exit " + std::to_string(code) + ")");
  if (!r.error.empty()) r.snapshot.clear(), r.key.clear(), r.note.clear();
  return r;
}

std::function<DatabaseRead(const std::string& url)> database_reader(const std::optional<std::string>& cache) {
  // The messages here never name the database: its URL may carry a password, and icq-pg's own
  // messages name it without one.
  return [cache](const std::string& url) {
    const auto folder = fetch::cache_dir(cache);
    if (folder.empty()) {
      DatabaseRead r;
      r.error = "no cache folder to keep the database's snapshot in (HOME is not set)";
      r.help = "give one with --cache DIR (or ICQ_CACHE)";
      return r;
    }
    if (find_helper(pg_helper).empty()) {
      const auto dirs = helper_dirs();
      DatabaseRead r;
      r.error =
          "reading a database needs the helper program icq-pg, which is not installed (looked in " + dirs[0] + " and " + dirs[1] + ")";
      r.help =
          "icq-pg is built with icq when libpq-dev is installed (apt-get install libpq-dev; then cmake --build <build folder> "
          "--target icq-pg); it runs with the Debian package libpq5";
      return r;
    }
    std::string out;
    const int code = run_helper(pg_helper, {"--snapshot-dir", (folder / "postgresql").string()}, url + "\n", &out);
    return parse_answer(out, code);
  };
}

}  // namespace icq::hosts
