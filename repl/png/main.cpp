// icq-png: the helper behind `--output FILE.png` and `.output FILE.png` (common/helpers.hpp). It
// reads the chart's SVG on stdin and writes FILE.png; librsvg's graphics stack loads here, never in
// icq. It links librsvg alone (not libicq), so it takes its one argument without the option parser.
// Exit 0, or 2 with the reason on stderr.
#include <iostream>
#include <iterator>
#include <string>
#include <string_view>

#include "png.hpp"

int main(int argc, char** argv) {
  const std::string_view arg = argc == 2 ? argv[1] : "";
  if (arg.empty() || arg[0] == '-') {
    const bool help = arg == "-h" || arg == "--help";
    (help ? std::cout : std::cerr) << "usage: icq-png FILE.png < chart.svg\n"
                                      "The PNG of an SVG chart at twice its size: the helper of icq --output FILE.png.\n";
    return help ? 0 : 2;
  }
  const std::string path(arg);
  const std::string svg{std::istreambuf_iterator<char>(std::cin), std::istreambuf_iterator<char>()};
  std::string error;
  if (icq::png::write_png(svg, path, error)) return 0;
  std::cerr << "icq: cannot write the PNG '" << path << "': " << error << "\n";
  return 2;
}
