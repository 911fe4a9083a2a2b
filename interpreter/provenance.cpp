#include "provenance.hpp"

#include <fmt/format.h>

#include <set>

#include "data/captures.hpp"

namespace icq::interp {

std::vector<std::string> provenance_notes(const data::Dataset& ds, const std::vector<std::uint32_t>& rows) {
  std::set<const data::PartialCapture*> partial;
  std::set<std::uint32_t> seen;
  for (std::uint32_t r : rows) {
    const std::uint32_t src = ds.rows()[r].source;
    if (!seen.insert(src).second || src >= ds.report().sources.size()) continue;
    if (const auto* p = data::partial_capture(ds.report().sources[src].name)) partial.insert(p);
  }
  std::vector<std::string> notes;
  for (const auto* p : partial)
    notes.push_back(fmt::format("{} rows come from a partial capture ({}, {} of ~{} rows): configurations may be missing; run "
                                "`icq fetch` for the current data",
                                p->what, p->date, p->rows, p->about));
  return notes;
}

}  // namespace icq::interp
