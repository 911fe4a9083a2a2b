#pragma once
// Which dashboard comparison page shows the same comparison as a bound `compare` (DASHBOARD.md §6):
// its family, URL, model label and the order it puts the two sides in.
#include <array>
#include <optional>
#include <string>

#include "bind/bound.hpp"
#include "catalog/catalog.hpp"
#include "data/dataset.hpp"
#include "icq/result.hpp"

namespace icq::interp {

struct DashboardLink {
  enum class Family { gpu, precision, spec_decode } family = Family::gpu;
  std::string url;  // https://inferencex.semianalysis.com/compare-precision/qwen-3-5-b200-fp4-vs-fp8?i_seq=1k%2F1k
  const catalog::ModelGroup* model = nullptr;
  std::string gpu_label;                   // "B200"; spec pages "MI355X FP4"
  std::string sequence;                    // "1k/1k"
  std::string precision;                   // "fp4" (spec and GPU pages)
  std::array<std::size_t, 2> order{0, 1};  // the query's side indices as the page's A and B
};

class Curve;
// The page itself, from each side's curve: the dashboard's four metrics at the targets, with the
// method in force (the unit word, prices and cost method of `using dashboard`), read now; its
// sentences and table written when the page is first asked for (Comparison::page).
// `read` are the compare's own values at `targets`, of `read_metrics`: when those are the page's four
// on the same token rate the page takes them instead of reading the curves again.
std::shared_ptr<const Deferred<DashboardPage>> dashboard_page(const BoundCompare& q, const DashboardLink& link,
                                                              const std::vector<Curve>& curves, const data::Dataset& ds,
                                                              std::pair<double, double> band, const std::vector<double>& targets,
                                                              const std::vector<BoundMetric>& read_metrics,
                                                              const std::vector<TargetResult>& read);

// Null when no page shows it: another dimension, more than two sides, filter-set sides, or a
// filter the page does not have (framework, where, a date, several models, GPUs or sequences).
std::optional<DashboardLink> dashboard_link(const BoundCompare& q);

}  // namespace icq::interp
