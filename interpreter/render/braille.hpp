#pragma once
// ChartSpec -> a terminal chart: Unicode braille cells (2x4 dots each), ANSI colours on request.
#include <string>

#include "render/chart.hpp"

namespace icq::chart {

// `columns` x about `rows` cells (each panel gets its share, at least 6 rows); colour: ANSI 256-colour
// escapes of the palette, else plain text where the marker shapes tell the sides apart.
std::string braille(const Spec& spec, int columns, int rows, bool color);

}  // namespace icq::chart
