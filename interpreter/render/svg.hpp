#pragma once
// ChartSpec -> one self-contained SVG document (no scripts, fonts or links), deterministic: the same
// spec gives the same bytes. Each panel carries its axis transforms as data attributes
// (data-x-domain/-range/-scale, data-y-…), so a reader can map the drawing back to values.
#include <string>

#include "render/chart.hpp"

namespace icq::chart {

std::string svg(const Spec& spec);

// The SVG of a result without a chart: a small document saying so.
std::string svg_without_chart(const std::string& title, const std::string& why);

}  // namespace icq::chart
