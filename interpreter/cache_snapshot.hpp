#pragma once
// A data set as one binary snapshot file, so a run over a large cache or database starts as fast as
// one over the built-in data: the built-in data plus a host's extra paths (SessionOptions::
// extra_paths, the cache of `icq fetch`), or a database as the host's helper read it. A file is
// valid only for the build that wrote it (keyed by the built-in snapshot's bytes) and for what its
// header says it stands for: exactly the paths it names, with their sizes and times, or the
// database's state the helper read. It is mapped, and the rows' metrics are read where they lie
// (data/snapshot.hpp).
#include <memory>
#include <string>
#include <vector>

#include "data/dataset.hpp"

namespace icq::interp {

// The data set, or null when the file is missing, damaged, from another build or for other files.
std::shared_ptr<const data::Dataset> read_cache_snapshot(const std::string& file, const std::vector<std::string>& paths);

// Writes it atomically (a temporary file renamed into place). Throws data::LoadError.
void write_cache_snapshot(const data::Dataset& ds, const std::vector<std::string>& paths, const std::string& file);

// A database's snapshot, standing for its state `key` (icq-pg's digest of what it read).
std::shared_ptr<const data::Dataset> read_database_snapshot(const std::string& file, const std::string& key);
void write_database_snapshot(const data::Dataset& ds, const std::string& key, const std::string& file);

}  // namespace icq::interp
