#pragma once
// A loaded Dataset as bytes and back. The build parses the embedded InferenceX captures once
// (icq_make_snapshot) and embeds the result, so a cold `icq -c` reads the built-in data in about a
// millisecond instead of parsing 5.7 MB of JSON. The format is private to one build of icq: no
// versioning, native byte order, checked only for truncation and a magic header.
#include <stdexcept>
#include <string>
#include <string_view>

#include "data/dataset.hpp"

namespace icq::data {

struct SnapshotError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

std::string write_snapshot(const Dataset& ds);
Dataset read_snapshot(std::string_view bytes);  // throws SnapshotError on a damaged snapshot

}  // namespace icq::data
