#include "bootstrap.hpp"

#include <cstdlib>
#include <iostream>

#include "cache.hpp"
#include "data/load.hpp"
#include "database.hpp"
#include "icq/diagnostic.hpp"

namespace icq::hosts {

std::vector<Option> data_options(DataChoice& d) {
  return {
      {{"--data"},
       {},
       "PATH",
       "load PATH (file or directory; repeatable) instead of the built-in data\n(and instead of the cache); "
       "a PostgreSQL database: postgresql://USER@HOST/DB\n(default $ICQ_DATABASE_URL; the password from PGPASSWORD or ~/.pgpass)",
       "a file, a directory or a database URL",
       "e.g. icq --data results/ -c \"list models\"",
       "results/",
       add_text(d.data_paths)},
      {{"--cache"},
       {},
       "DIR",
       "the cache of `icq fetch` (default $ICQ_CACHE, else $XDG_CACHE_HOME/icq,\n"
       "else ~/.cache/icq): its newest capture is loaded over the built-in data",
       "a folder",
       "e.g. icq --cache ~/icq-cache -c \"list models\"",
       "icq-cache",
       set_text(d.cache)},
      {{"--no-cache"}, {}, "", "the built-in data alone", "", "", "", set_flag(d.no_cache)},
      {{"-D"},
       {},
       "NAME=VALUE",
       "set parameter $NAME (wins over the scripts' `param NAME = ...`)",
       "NAME=VALUE",
       "e.g. icq -D target=75 report.icq",
       "target=75",
       add_param(d.params)},
  };
}

SessionOptions session_options(const DataChoice& d, std::time_t now) {
  SessionOptions so;
  so.data_paths = d.data_paths;
  so.read_database = database_reader(d.cache);
  if (const char* url = std::getenv(kDatabaseUrlVariable); so.data_paths.empty() && !d.no_cache && url && *url) so.data_paths = {url};
  if (d.data_paths.empty() && !d.no_cache) {
    fetch::CachedData cached;
    try {
      cached = fetch::cached_data(fetch::cache_dir(d.cache), now);
    } catch (const data::LoadError& e) {
      Diagnostic why;
      why.kind = ErrorKind::usage;
      why.message = "the cache cannot be read: " + std::string(e.what());
      why.help = e.help + (e.help.empty() ? "" : ", or ") + "run with --no-cache";
      throw Error(std::move(why));
    }
    so.extra_paths = std::move(cached.files);
    so.extra_snapshot = std::move(cached.snapshot);
    so.data_note = std::move(cached.note);
    so.refresh_snapshot = true;
  }
  for (const auto& [k, v] : d.params) so.params[k] = v;
  return so;
}

std::optional<SessionOptions> reported_session_options(const DataChoice& d, std::time_t now, bool color_errors) {
  try {
    return session_options(d, now);
  } catch (const Error& e) {
    std::cerr << format_diagnostic(e.diagnostic, color_errors);
    return std::nullopt;
  }
}

std::unique_ptr<Session> open_session(SessionOptions options, bool color_errors) {
  const bool with_cache = !options.extra_paths.empty();
  try {
    return std::make_unique<Session>(std::move(options));
  } catch (const Error& e) {
    Diagnostic d = e.diagnostic;
    if (with_cache && d.help.empty()) d.help = "the fetched data in the cache could not be read: run with --no-cache, or fetch again";
    std::cerr << format_diagnostic(d, color_errors);
    return nullptr;
  }
}

}  // namespace icq::hosts
