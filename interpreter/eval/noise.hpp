#pragma once
// `with noise`: how much a value moves between reruns of the configurations it is read from
// (SEMANTICS.md §6, §12). A frontier knot's runs are the rows of its configuration line at its
// concurrency, one per run date up to the selection's date choice and passing the side's `where`: the
// last N of them, the knot's own included. Per metric, each run's value on its own row is a factor of
// the knot's own value; a knot's spread is the min, max and sample standard deviation of those
// factors, carried linearly to a target between two knots. Fewer than 2 runs: unknown, never zero.
// Drift from configurations added over the dates is not noise (`trend` shows it).
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "bind/bound.hpp"
#include "eval/curve.hpp"
#include "icq/result.hpp"

namespace icq::interp {

// One frontier knot's runs.
struct KnotRuns {
  std::vector<std::uint32_t> rows;  // the runs, oldest first (the knot's own row last)
  // Per metric: the factors' min, max, stddev and runs (unknown below 2); null where a metric has no
  // run-to-run spread (concurrency, accuracy).
  std::vector<std::optional<Spread>> factors;
};

// A side's knots, in frontier order.
struct SideNoise {
  std::vector<KnotRuns> knots;
};
std::vector<SideNoise> side_noise(const BoundCompare& q, const std::vector<Curve>& curves, const data::Dataset& ds);

// The frontier knots a value read at x is carried from: one (on a knot, or at an edge), or the two
// bracketing x.
std::vector<std::size_t> knots_for(const Curve& c, double x);

// Each metric's spread of the values `pv` read on the curve: the value times its knots' factors.
// Null where the value is absent or the metric has no run-to-run spread.
std::vector<std::optional<Spread>> spread_at(const SideNoise& n, const Curve& c, const PointValues& pv);

// The notes of `with noise`: where the spreads come from (each side's run dates), which values are
// unknown and why, what has no spread, and where drift is shown. `read[s]`: the x each target of
// side s was read at (null: out of range).
std::vector<std::string> noise_notes(const BoundCompare& q, const std::vector<Curve>& curves, const std::vector<SideNoise>& noise,
                                     const data::Dataset& ds, const std::vector<double>& targets,
                                     const std::vector<std::vector<std::optional<double>>>& read);

// within_noise, the rule of a verdict's "noise" outcome (which the table's winner column reads): phrase/verdict.hpp.

}  // namespace icq::interp
