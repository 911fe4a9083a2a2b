#pragma once
// The options of `icq mcp`: its table for the one parser (common/options.hpp), its --help.
#include <string>
#include <variant>
#include <vector>

#include "bootstrap.hpp"
#include "mcp_server.hpp"
#include "options.hpp"

namespace icq::mcp {

struct Args {
  hosts::DataChoice data;               // --data, --cache, --no-cache, -D
  ServerOptions server;                 // --timeout, --max-output, --max-message
  std::vector<std::string> allow_load;  // --allow-load DIR: the folders a `load` may read (none by default)
  bool help = false;
  bool operator==(const Args&) const = default;
};

std::vector<hosts::Option> option_table(Args& a);
std::variant<Args, hosts::UsageError> parse_args(int argc, const char* const* argv);
std::string usage_text();

}  // namespace icq::mcp
