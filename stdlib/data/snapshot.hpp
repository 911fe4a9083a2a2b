#pragma once
// A loaded Dataset as bytes and back. The build parses the embedded InferenceX captures once
// (icq_make_snapshot) and embeds the result, so a cold `icq -c` reads the built-in data in about a
// millisecond instead of parsing 5.7 MB of JSON; a host keeps the same for its cache of fetched
// data (interpreter/cache_snapshot.hpp).
//
// The layout is native (byte order, sizes) and versioned by its magic ("ICQSNAP5"): rows are fixed
// 32-byte records and the metrics one array of doubles, both at offsets aligned to 8 from the
// start, so a reader whose bytes start 8-aligned (the embedded data, a mapped file) points the rows
// at the metrics where they lie instead of copying them: a data set of a million rows opens in
// milliseconds. Everything else (lines, strings, evaluations, the load report) is read field by
// field; the evaluations are a section with its length in front, so a reader can leave them unread. A snapshot of another version is refused ("not an icq snapshot of this version").
#include <memory>
#include <stdexcept>
#include <string>
#include <string_view>

#include "data/dataset.hpp"

namespace icq::data {

struct SnapshotError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

std::string write_snapshot(const Dataset& ds);
// A copy of everything: `bytes` may go once it returns. Throws SnapshotError on a damaged snapshot.
Dataset read_snapshot(std::string_view bytes);
// The rows' metrics stay in `bytes` (copied only when `bytes` does not start 8-aligned), which
// `owner` keeps alive as long as the data set (null: the bytes outlive it, as embedded data does).
Dataset read_snapshot_in_place(std::string_view bytes, std::shared_ptr<const void> owner);
// In place too, for the snapshot this build made and embedded: its evaluations (a third of its
// bytes, read by no compare) are not walked to check them before their first use.
Dataset read_builtin_snapshot(std::string_view bytes);

}  // namespace icq::data
