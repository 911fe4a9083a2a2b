#pragma once
// icq-pg's whole job: a database given as data, read into a snapshot file of the folder icq names
// (the cache's postgresql/), or the snapshot already there when the database has not changed
// since it was written; the answer icq reads (common/database.hpp).
#include <csignal>
#include <filesystem>
#include <string>

namespace icq::pg {

struct Answer {
  std::string snapshot;  // the file
  std::string key;       // the database's state it stands for
  std::string note;      // the note of every result that shows its data
};

// Throws Failure (pg_connection.hpp). `stop` set by a signal ends it before anything is written.
Answer read_into_snapshot(const std::string& url, const std::filesystem::path& folder, bool show_progress,
                          const volatile std::sig_atomic_t& stop);

}  // namespace icq::pg
