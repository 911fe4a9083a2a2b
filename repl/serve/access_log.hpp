#pragma once
// One line per request on stderr: when, from where, what was asked, the status, the bytes sent
// and the time it took. The request target comes from the client: it is cut to a bounded length
// and every byte that is not printable ASCII is written as \xNN, so a line stays one line.
#include <ctime>
#include <string>
#include <string_view>

namespace icq::serve {

inline constexpr std::size_t kLoggedTargetBytes = 300;

struct LogEntry {
  std::time_t when = 0;
  std::string_view remote;  // the client's address
  std::string_view method;
  std::string_view target;  // the request target as sent (path and query string)
  int status = 0;
  std::size_t bytes = 0;
  double milliseconds = -1;  // < 0: unknown (a request the server could not read)
};

// "2026-05-01T12:00:00Z 127.0.0.1 GET /query.json?q=list%20gpus 200 1234 3.2ms"
std::string log_line(const LogEntry& e);

}  // namespace icq::serve
