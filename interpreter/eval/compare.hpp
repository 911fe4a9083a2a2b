#pragma once
// Evaluation of `compare` (SEMANTICS.md §1–6): per side selection, pooled frontier, band and
// targets, interpolation on the frontier knots, derived cost/power/energy, verdicts and notes.
#include <cstdint>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "bind/bound.hpp"
#include "data/dataset.hpp"
#include "eval/curve.hpp"
#include "icq/result.hpp"
#include "render/numbers.hpp"

namespace icq::interp {

// Row counts of one side, for `explain`.
struct SideTrace {
  std::string side;
  SelectionTrace selection;
  std::size_t frontier_points = 0;
};

// Rows, range and frontier of each side, in the order of the sides (a side may have no frontier).
std::vector<Curve> build_curves(const BoundCompare& q, const data::Dataset& ds, std::vector<SideTrace>* traces = nullptr);
// The same, where a side without a frontier is an error naming what the shared filters do hold.
std::vector<Curve> side_curves(const BoundCompare& q, const data::Dataset& ds, std::vector<SideTrace>* traces = nullptr);

// What a comparison's note is about, so that rank keeps the notes on each side and drops those on
// the comparison as a whole by kind, not by wording. Hosts read Result::notes as text alone.
enum class NoteKind : std::uint8_t {
  other,           // a side's rows and frontier, the method, prices, provenance, caveats
  band,            // the band every side was measured in, or why there is none
  dashboard_page,  // the dashboard's page of exactly these sides
  saving_wording,  // how the verdicts word "N% cheaper" between two sides
};

// A comparison's notes as they are made: each text (Result::notes) with its kind, in step.
struct Notes {
  std::vector<std::string> texts;
  std::vector<NoteKind> kinds;
  void add(std::string text, NoteKind kind = NoteKind::other) {
    texts.push_back(std::move(text));
    kinds.push_back(kind);
  }
  void append(Notes&& more) {
    for (std::size_t i = 0; i < more.texts.size(); ++i) add(std::move(more.texts[i]), more.kinds[i]);
  }
};

Result run_compare(const BoundCompare& q, const data::Dataset& ds, std::vector<SideTrace>* traces = nullptr);
// run_compare on curves already built, one per side of q, each with a frontier (rank builds them
// once to find the sides that have none); `note_kinds`, when given, gets the kind of each note.
Result compare_curves(const BoundCompare& q, const data::Dataset& ds, const std::vector<Curve>& curves,
                      std::vector<NoteKind>* note_kinds = nullptr);
// The same on curves the comparison may keep for its chart (no copy): no one else uses them after.
Result compare_curves(const BoundCompare& q, const data::Dataset& ds, std::shared_ptr<const std::vector<Curve>> curves,
                      std::vector<NoteKind>* note_kinds = nullptr);

// Which workloads the sides' rows are, and so the interactivity percentile they are read at.
struct AxisUse {
  bool agentic = false, fixed = false;
  std::string words;  // "p50", "p90", or "p50/p90" when fixed and agentic rows are pooled
};
AxisUse axis_use(const BoundCompare& q, const std::vector<Curve>& curves, const data::Dataset& ds);

// A side's selection: the shared one with the side's own filters added (its date choice wins).
Selection merged(const Selection& shared, const Selection& own);
// " gpu mi355x model dsr1 where conc >= 4 as of 2026-05-01" (leading space; empty when nothing).
std::string selection_text(const Selection& sel);
std::string dates_text(const std::set<std::int32_t>& dates);

// The statement with every default filled in (targets resolved), as query text: "compare", the
// dimension and sides, then the clauses (which rank prints after its own head).
std::string resolved_query(const BoundCompare& q, const std::vector<double>& targets, const std::string& axis = {});
std::string resolved_clauses(const BoundCompare& q, const std::vector<double>& targets, const std::string& axis = {});

using out::number_text;  // "56", "56.5" (render/numbers)

}  // namespace icq::interp
