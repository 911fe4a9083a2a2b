// icq-fetch: `icq fetch` (common/helpers.hpp), the program that links libcurl so that icq does not.
#include <iostream>
#include <variant>

#include "fetch.hpp"

int main(int argc, char** argv) {
  const auto parsed = icq::fetch::parse_args(argc, argv);
  if (const auto* e = std::get_if<icq::hosts::UsageError>(&parsed)) {
    std::cerr << "icq fetch: " << e->message << "\nhelp: " << e->help << "\n";
    return 2;
  }
  const auto& args = std::get<icq::fetch::Args>(parsed);
  if (args.help) {
    std::cout << icq::fetch::usage_text();
    return 0;
  }
  return icq::fetch::run(args);
}
