#pragma once
// A connection to PostgreSQL through libpq, for icq-pg: results as RAII objects, and every
// failure as one sentence with what to do, scrubbed of the URL's password.
#include <libpq-fe.h>

#include <memory>
#include <string>
#include <vector>

namespace icq::pg {

// What ends a read: the message (never a password) and what to do.
struct Failure {
  std::string message, help;
};

class Rows {
 public:
  explicit Rows(PGresult* r) : r_(r, PQclear) {}
  [[nodiscard]] int count() const { return PQntuples(r_.get()); }
  [[nodiscard]] bool null(int row, int col) const { return PQgetisnull(r_.get(), row, col) != 0; }
  [[nodiscard]] std::string_view text(int row, int col) const {
    return {PQgetvalue(r_.get(), row, col), static_cast<std::size_t>(PQgetlength(r_.get(), row, col))};
  }

 private:
  std::unique_ptr<PGresult, void (*)(PGresult*)> r_;
};

class Connection {
 public:
  // Connects to `url` (libpq reads it: percent-encoding, PGPASSWORD, ~/.pgpass, sslmode, …).
  // `shown` names the database in messages. Throws Failure.
  Connection(const std::string& url, std::string shown, std::vector<std::string> secrets);
  ~Connection();
  Connection(const Connection&) = delete;
  Connection& operator=(const Connection&) = delete;

  // Runs one statement; a failure (a lost server included) throws Failure. `what` says what it was
  // for, in the message ("reading benchmark_results").
  Rows exec(const std::string& sql, const std::string& what);

  // Where libpq connected: user, host (or socket folder), port and database, for the snapshot's name.
  [[nodiscard]] std::string identity() const;
  [[nodiscard]] const std::string& shown() const { return shown_; }

 private:
  [[nodiscard]] Failure failure(const std::string& what, const std::string& libpq_message) const;
  PGconn* conn_ = nullptr;
  std::string shown_;
  std::vector<std::string> secrets_;
};

}  // namespace icq::pg
