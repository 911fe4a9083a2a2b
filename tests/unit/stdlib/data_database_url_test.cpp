// A database URL given as data: recognised by its scheme, shown without its password, and the
// password scrubbed from any text that quotes it (stdlib/data/database_url.hpp).
#include <catch2/catch.hpp>

#include "data/database_url.hpp"

using namespace icq::data;

TEST_CASE("database url: postgresql:// and postgres:// in any case name a database, nothing else does") {
  CHECK(is_database_url("postgresql://u@h/d"));
  CHECK(is_database_url("postgres:///d"));
  CHECK(is_database_url("PostgreSQL://h"));
  CHECK_FALSE(is_database_url("data/inferencex"));
  CHECK_FALSE(is_database_url("postgresql:/h"));
  CHECK_FALSE(is_database_url("mysql://h/d"));
}

TEST_CASE("database url: shown without the password of the user part or of a password= parameter") {
  CHECK(redact_database_url("postgresql://reader:s3cret@db.example.org:5432/inferencex") ==
        "postgresql://reader@db.example.org:5432/inferencex");
  CHECK(redact_database_url("postgresql://reader@db/x?sslmode=require&password=p%40ss&application_name=icq") ==
        "postgresql://reader@db/x?sslmode=require&application_name=icq");
  CHECK(redact_database_url("postgresql:///x?password=p") == "postgresql:///x");
  CHECK(redact_database_url("postgresql:///x?host=/run/postgresql") == "postgresql:///x?host=/run/postgresql");
  // An '@' after the first '/' is not the user part's end (libpq reads it so).
  CHECK(redact_database_url("postgresql://h/db@x") == "postgresql://h/db@x");
  // What is shown reads as no password again, even when taking a parameter out moved the user part.
  CHECK(database_url_secrets(redact_database_url("postgresql://a:b?password=/x&c@/d")).empty());
}

TEST_CASE("database url: the secrets as written and percent-decoded, scrubbed from any text") {
  const auto secrets = database_url_secrets("postgresql://u:p%40ss@h/d?password=two");
  CHECK(secrets == std::vector<std::string>{"p%40ss", "p@ss", "two"});
  CHECK(database_url_secrets("postgresql://u@h/d").empty());
  const std::string script = "load \"postgresql://u:hunter2@h/d\"\ncompare gpu b200 vs h200";
  const auto found = database_secrets_in(script);
  CHECK(found == std::vector<std::string>{"hunter2"});
  CHECK(scrub_secrets("FATAL: password hunter2 was wrong for hunter2hunter2", found) == "FATAL: password *** was wrong for ***");
  CHECK(scrub_secrets("nothing here", {}) == "nothing here");
}
