#pragma once
// An SVG document rasterised to a PNG file with librsvg (icq-png's, so neither the library nor the
// icq program loads it): the charts' one drawing path, at twice the SVG's size for slides.
#include <string>

namespace icq::png {

// Writes `svg` as a PNG to `path`; false with `error` set when the SVG cannot be read or the file written.
bool write_png(const std::string& svg, const std::string& path, std::string& error);

}  // namespace icq::png
