#pragma once
// A PostgreSQL database named as a data source: libpq's URI, "postgresql://[user[:password]@]
// [host][:port][/dbname][?param=value&…]" (or "postgres://"), as `--data`, `load` and
// $ICQ_DATABASE_URL take it; and how it is shown in source names, notes and messages: never with
// its password. libpq itself reads the URL to connect (percent-encoding, PGPASSWORD, .pgpass); this
// only finds the parts that must not be shown, the way libpq delimits them.
#include <string>
#include <string_view>
#include <vector>

namespace icq::data {

// The text names a database (its scheme is postgresql:// or postgres://, in any case).
bool is_database_url(std::string_view text) noexcept;

// The URL without its password: "user:secret@" becomes "user@", a `password=` parameter is left out.
std::string redact_database_url(std::string_view url);

// What a message about the URL must not show: the password as written and percent-decoded (of the
// user part and of any `password=` parameter); empty when the URL carries none.
std::vector<std::string> database_url_secrets(std::string_view url);

// The secrets of every database URL written in `text` (a script that loads one): each URL runs from
// its scheme to the next space, quote or line break.
std::vector<std::string> database_secrets_in(std::string_view text);

// `text` with every occurrence of each non-empty secret replaced by "***" (the secrets as found in
// `text`: a replacement never creates a new occurrence to replace).
std::string scrub_secrets(std::string_view text, const std::vector<std::string>& secrets);

}  // namespace icq::data
