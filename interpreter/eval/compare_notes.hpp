#pragma once
// The notes of a comparison (SEMANTICS.md §1–6): what was computed, from what, and every caveat.
#include <optional>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "bind/bound.hpp"
#include "data/dataset.hpp"
#include "eval/compare.hpp"
#include "eval/curve.hpp"
#include "eval/noise.hpp"
#include "math/band.hpp"
#include "num/decimal.hpp"

namespace icq::interp {

// What a comparison meets at its targets, for the notes; each entry names the side and target.
struct CompareCaveats {
  // Targets a side has no value at, in target order: the notes join a side's neighbouring targets.
  struct Missing {
    std::size_t side = 0, index = 0;  // the target's position in the statement's targets
    double target = 0;
    std::string frontier;  // the side's frontier span, told apart from the target
  };
  std::vector<Missing> out_of_range;
  std::vector<std::string> clamped, mixed, mixed_config, zero_tput;
  // Values that are not solid (SEMANTICS.md §12), per side in target order: the target and its evidence.
  struct Reading {
    std::size_t side = 0;
    double target = 0;
    Evidence evidence;
  };
  std::vector<Reading> not_solid;
  std::vector<std::string> beyond_single;                       // a pooled value no single configuration reaches, and by how much
  std::vector<std::pair<std::string, std::string>> saving_at;  // "N% cheaper" saving per target (to one place), in order
  std::vector<std::string> accuracy_sources, no_evaluation;
};

// The first note: the band every side was measured in (or why there is none; `ranges` names each
// side's measured range).
std::string band_note(const BoundCompare& q, const std::optional<math::Range>& band, const std::string& no_band_why,
                      const std::string& ranges);

// Every note after the band's and the unpriced sides', in the order a reader needs them (`noise_notes`:
// those of `with noise`, eval/noise, placed after the sides').
Notes compare_notes(const BoundCompare& q, const std::vector<Curve>& curves, const data::Dataset& ds, const AxisUse& axis,
                    const std::vector<std::string>& noise_notes, const std::set<std::string>& frontier_gpus, const CompareCaveats& caveats);

}  // namespace icq::interp
