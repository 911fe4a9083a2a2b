#pragma once
// A PostgreSQL database given as data (`--data postgresql://…`, `load "postgresql://…"`,
// $ICQ_DATABASE_URL) as every host reads it: the helper icq-pg (repl/pg) reads it with libpq into
// a snapshot in the cache folder's postgresql/ (or finds that snapshot current), and the Session
// maps the snapshot. The URL reaches the helper on its stdin, never on a command line.
#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include "icq/session.hpp"

namespace icq::hosts {

// The environment variable whose URL is the data when no --data is given (and not --no-cache).
inline constexpr const char* kDatabaseUrlVariable = "ICQ_DATABASE_URL";

// SessionOptions::read_database for a host whose cache folder is `cache` (--cache, else the default).
std::function<DatabaseRead(const std::string& url)> database_reader(const std::optional<std::string>& cache);

// What icq-pg answered: its stdout ("snapshot …", "key …", "note …", or "error …", "help …") and
// its exit code.
DatabaseRead parse_answer(std::string_view out, int code);

}  // namespace icq::hosts
