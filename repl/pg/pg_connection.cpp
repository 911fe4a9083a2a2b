#include "pg_connection.hpp"

#include "data/database_url.hpp"

namespace icq::pg {

namespace {

// libpq's messages end in a newline and may span lines ("…failed: FATAL:  …\n"): one line here.
std::string one_line(std::string s) {
  while (!s.empty() && (s.back() == '\n' || s.back() == ' ')) s.pop_back();
  std::string out;
  for (char c : s) {
    if (c == '\n') out += "; ";
    else if (c != '\r') out += c;
  }
  return out;
}

bool contains(const std::string& s, const char* what) { return s.find(what) != std::string::npos; }

// What to do about a failure, from libpq's words (connection failures carry no SQLSTATE).
std::string help_for(const std::string& m) {
  if (contains(m, "password authentication failed") || contains(m, "no password supplied") || contains(m, "password is required"))
    return "check the password: in the URL (percent-encoded, postgresql://user:p%40ss@host/db), in PGPASSWORD or in ~/.pgpass";
  if (contains(m, "Connection refused") || contains(m, "No such file or directory") || contains(m, "could not translate host name") ||
      contains(m, "timeout expired") || contains(m, "No route to host"))
    return "is PostgreSQL running and accepting connections there? check the host and port of the URL (a socket folder is "
           "?host=/path), or PGHOST and PGPORT";
  if (contains(m, "does not exist") && contains(m, "database"))
    return "check the database name: the path of the URL, postgresql://user@host/DATABASE";
  if (contains(m, "permission denied"))
    return "icq reads configs, workflow_runs (through latest_workflow_runs), benchmark_results, eval_results and availability: "
           "the user needs SELECT on them (GRANT SELECT ON ALL TABLES IN SCHEMA public TO …)";
  if (contains(m, "server closed the connection") || contains(m, "terminating connection") ||
      contains(m, "connection to server was lost") || contains(m, "no connection to the server") || contains(m, "SSL SYSCALL error"))
    return "the server went away while icq read it: nothing was loaded; run again when it is back";
  return "";
}

}  // namespace

Connection::Connection(const std::string& url, std::string shown, std::vector<std::string> secrets)
    : shown_(std::move(shown)), secrets_(std::move(secrets)) {
  // The URL last, so that what it says wins; the rest are defaults it may override.
  const char* keys[] = {"connect_timeout", "fallback_application_name", "dbname", nullptr};
  const char* values[] = {"10", "icq", url.c_str(), nullptr};
  conn_ = PQconnectdbParams(keys, values, 1);
  if (!conn_) throw Failure{"cannot read the database " + shown_ + ": out of memory", ""};
  if (PQstatus(conn_) != CONNECTION_OK) throw failure("connecting", PQerrorMessage(conn_));
}

Connection::~Connection() {
  if (conn_) PQfinish(conn_);
}

Failure Connection::failure(const std::string& what, const std::string& libpq_message) const {
  const std::string m = one_line(libpq_message);
  return {data::scrub_secrets("cannot read the database " + shown_ + " (" + what + "): " + m, secrets_),
          data::scrub_secrets(help_for(m), secrets_)};
}

Rows Connection::exec(const std::string& sql, const std::string& what) {
  PGresult* r = PQexec(conn_, sql.c_str());
  const ExecStatusType status = r ? PQresultStatus(r) : PGRES_FATAL_ERROR;
  if (status != PGRES_TUPLES_OK && status != PGRES_COMMAND_OK) {
    // The statement's error, else the connection's (out of memory, or the server gone).
    std::string m = r ? PQresultErrorMessage(r) : "";
    if (m.empty()) m = PQerrorMessage(conn_);
    if (r) PQclear(r);
    throw failure(what, m);
  }
  return Rows(r);
}

std::string Connection::identity() const {
  const auto s = [](const char* v) { return std::string(v ? v : ""); };
  return s(PQuser(conn_)) + "@" + s(PQhost(conn_)) + ":" + s(PQport(conn_)) + "/" + s(PQdb(conn_));
}

}  // namespace icq::pg
