#pragma once
// HTTP GET through libcurl for `icq fetch`: timeouts, retries with exponential backoff on 429, 5xx,
// timeouts and dropped connections (Retry-After honoured, capped), gzip (the InferenceX API always
// compresses), conditional requests, and an abort that SIGINT/SIGTERM trigger within a second.
#include <csignal>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <variant>

namespace icq::fetch {

// The signal that asked the fetch to stop (0: none). Set by the handlers fetch installs; every
// transfer in progress and every backoff wait checks it.
extern volatile std::sig_atomic_t g_interrupted;

struct HttpOptions {
  long connect_timeout_s = 10;
  long timeout_s = 60;  // per attempt, the whole transfer
  int retries = 4;      // attempts after the first
  std::string user_agent;
  // Bytes received so far by the current attempt (for a progress line).
  std::function<void(std::uint64_t)> on_progress;
};

struct Request {
  std::string url;
  std::string if_none_match, if_modified_since;  // validators of the previous capture, if any
};

struct Response {
  long status = 0;
  std::string body;  // decoded (gzip removed), byte for byte as the server sent it
  std::string content_type, etag, last_modified;
  std::uint64_t wire_bytes = 0;  // as transferred, before decoding
  int attempts = 1;
};

// A transfer that failed for good: the reason in words ("timeout: …", "truncated body: …").
struct TransferError {
  std::string message;
  int attempts = 1;
  bool interrupted = false;
};

class Http {
 public:
  explicit Http(HttpOptions options);
  ~Http();
  Http(const Http&) = delete;
  Http& operator=(const Http&) = delete;

  // The response of the last attempt, whatever its status (the caller words a 404), or why no
  // response came. Statuses 429 and 5xx and transient transport errors are retried first.
  std::variant<Response, TransferError> get(const Request& request);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// "%20"-style encoding of a query parameter value (RFC 3986 unreserved characters kept).
std::string url_encode(std::string_view s);

}  // namespace icq::fetch
