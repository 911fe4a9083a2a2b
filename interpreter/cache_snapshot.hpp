#pragma once
// The data set of the built-in data plus a host's extra paths (SessionOptions::extra_paths, the
// cache of `icq fetch`) as one binary snapshot file, so a run over a large cache starts as fast as
// one over the built-in data. A file is valid only for the build that wrote it (keyed by the
// built-in snapshot's bytes) and for exactly the paths it names, with their sizes and times. It is
// mapped, and the rows' metrics are read where they lie (data/snapshot.hpp).
#include <memory>
#include <string>
#include <vector>

#include "data/dataset.hpp"

namespace icq::interp {

// The data set, or null when the file is missing, damaged, from another build or for other files.
std::shared_ptr<const data::Dataset> read_cache_snapshot(const std::string& file, const std::vector<std::string>& paths);

// Writes it atomically (a temporary file renamed into place). Throws data::LoadError.
void write_cache_snapshot(const data::Dataset& ds, const std::vector<std::string>& paths, const std::string& file);

}  // namespace icq::interp
