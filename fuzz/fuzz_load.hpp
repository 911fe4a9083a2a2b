#pragma once
// Shared by the loader harnesses: load one file's bytes the way `load`/--data does (a padded copy,
// as simdjson::padded_string::load gives), build the data set, and check what the loaders
// promise of every kept row (DECISIONS.md usability rules) and the data set's own structure.
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <string>
#include <string_view>
#include <tuple>

#include "data/dataset.hpp"
#include "data/load.hpp"
#include "fuzz_check.hpp"

namespace icq::fuzz {

inline void check_dataset(const data::Dataset& ds) {
  const auto& lines = ds.lines();
  const auto& rows = ds.rows();
  const auto& sources = ds.report().sources;
  ICQ_FUZZ_CHECK(ds.line_begin(0) == 0);
  ICQ_FUZZ_CHECK(ds.line_begin(lines.size()) == rows.size());
  for (std::size_t l = 0; l < lines.size(); ++l) {
    ICQ_FUZZ_CHECK(ds.line_begin(l) <= ds.line_begin(l + 1));
    const data::Line& line = lines[l];
    ICQ_FUZZ_CHECK(!line.hardware.empty() && !line.framework.empty() && !line.model.empty() && !line.precision.empty());
    if (l > 0) ICQ_FUZZ_CHECK(lines[l - 1] < line);
    (void)line.sequence();
    for (std::size_t i = ds.line_begin(l); i < ds.line_begin(l + 1); ++i) ICQ_FUZZ_CHECK(rows[i].line == l);
  }
  for (std::size_t i = 0; i < rows.size(); ++i) {
    const data::Row& r = rows[i];
    ICQ_FUZZ_CHECK(r.line < lines.size());
    ICQ_FUZZ_CHECK(r.source < sources.size());
    ICQ_FUZZ_CHECK(r.conc > 0);
    const double y = r.get(data::Field::tput_per_gpu), x = r.get(data::Field::median_intvty);
    ICQ_FUZZ_CHECK(std::isfinite(y) && y >= 0);
    ICQ_FUZZ_CHECK(std::isnan(x) || (std::isfinite(x) && x > 0));
    (void)ds.str(r.image);
    ICQ_FUZZ_CHECK(r.run < ds.runs().size());
    if (i > 0) {  // sorted by (line, date, run, conc), one row per key
      const data::Row& p = rows[i - 1];
      ICQ_FUZZ_CHECK(std::tie(p.line, p.date, p.run, p.conc) < std::tie(r.line, r.date, r.run, r.conc));
    }
  }
  for (std::size_t i = 1; i < ds.runs().size(); ++i) ICQ_FUZZ_CHECK(data::run_before(ds.runs()[i - 1], ds.runs()[i]));
  for (const auto& e : ds.evaluations()) ICQ_FUZZ_CHECK(e.source < sources.size());
  for (const auto& p : ds.report().problems) ICQ_FUZZ_CHECK(p.source < sources.size());
}

// Loads `bytes` as the file `name` into a fresh builder and checks the result.
inline void load_and_check(std::string name, std::string_view bytes) {
  // The loaders may read up to 64 bytes past the end of a padded buffer (simdjson), no further:
  // an exact-size heap block lets ASan catch anything beyond.
  constexpr std::size_t kPadding = 64;
  std::unique_ptr<char[]> buf(new char[bytes.size() + kPadding]);
  if (!bytes.empty()) std::memcpy(buf.get(), bytes.data(), bytes.size());
  std::memset(buf.get() + bytes.size(), 0, kPadding);
  data::DatasetBuilder builder;
  // Bad bytes become problems in the load report, never exceptions: anything thrown is a finding.
  data::load_bytes(builder, std::move(name), std::string_view(buf.get(), bytes.size()), true);
  const data::Dataset ds = std::move(builder).finish();
  check_dataset(ds);
}

}  // namespace icq::fuzz
