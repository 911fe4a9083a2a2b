#include "access_log.hpp"

#include <cstdio>

#include "client_text.hpp"

namespace icq::serve {

std::string log_line(const LogEntry& e) {
  std::tm tm{};
  ::gmtime_r(&e.when, &tm);
  char when[32];
  std::strftime(when, sizeof when, "%Y-%m-%dT%H:%M:%SZ", &tm);
  char took[32] = "-";
  if (e.milliseconds >= 0) std::snprintf(took, sizeof took, "%.1fms", e.milliseconds);
  std::string target = e.target.empty() ? "-" : printable(e.target, kLoggedTargetBytes);
  return std::string(when) + " " + printable(e.remote.empty() ? "-" : e.remote, 64) + " " +
         printable(e.method.empty() ? "-" : e.method, 16) + " " + target + " " + std::to_string(e.status) + " " + std::to_string(e.bytes) +
         " " + took;
}

}  // namespace icq::serve
