#include "eval/provenance.hpp"

#include <fmt/format.h>

#include <set>

#include "data/captures.hpp"

namespace icq::interp {

std::vector<std::string> provenance_notes(const data::Dataset& ds, const std::vector<const std::vector<std::uint32_t>*>& rows) {
  // Which sources are known partial captures, looked up once per source, not once per row.
  const auto& sources = ds.report().sources;
  std::vector<const data::PartialCapture*> partial_source(sources.size());
  bool any = false;
  for (std::size_t i = 0; i < sources.size(); ++i) any = (partial_source[i] = data::partial_capture(sources[i].name)) || any;
  std::set<const data::PartialCapture*> partial;
  if (any)
    for (const auto* list : rows)
      for (std::uint32_t r : *list)
        if (const std::uint32_t src = ds.rows()[r].source; src < sources.size() && partial_source[src]) partial.insert(partial_source[src]);
  std::vector<std::string> notes;
  for (const auto* p : partial)
    notes.push_back(
        fmt::format("{} rows come from a partial capture ({}, {} of ~{} rows): configurations may be missing; run "
                    "`icq fetch` for the current data",
                    p->what, p->date, p->rows, p->about));
  return notes;
}

}  // namespace icq::interp
