#pragma once
// The options of `icq fetch`: its table for the one parser (common/options.hpp), its --help.
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "options.hpp"

namespace icq::fetch {

struct Args {
  std::string api;                   // --api URL (else $ICQ_API, else the InferenceX server)
  std::optional<std::string> cache;  // --cache DIR
  std::vector<std::string> models;   // model NAME ...: only these
  long timeout = 60;                 // --timeout SECONDS, per request
  long retries = 4;                  // --retries N, after the first attempt
  bool help = false;
  bool operator==(const Args&) const = default;
};

std::vector<hosts::Option> option_table(Args& a);

// Parses `icq fetch ARGS` (argv[0] is the program); the API's URL defaults and is checked here.
std::variant<Args, hosts::UsageError> parse_args(int argc, const char* const* argv);

std::string usage_text();

}  // namespace icq::fetch
