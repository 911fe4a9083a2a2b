#pragma once
// What icq serve answers, without the network: a request (its path and decoded query parameters,
// as cpp-httplib read them) in, a status, a content type and a body out. Every query runs in a
// fresh Session of the one loaded at start (Session::fresh: the data shared, nothing of another
// request's set, let or param), sandboxed (load and set format refused), under the time limit
// (a watchdog cancels it), at most Limits::max_running at once (one more is answered 503). The
// formats are assembled by the command line's own code (hosts::Output): /query.json?q=Q is byte
// for byte `icq --format json -c Q`. Safe to call from many threads at once.
#include <atomic>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "icq/icq.hpp"
#include "page.hpp"
#include "scripts.hpp"
#include "serve_options.hpp"
#include "watchdog.hpp"

namespace icq::serve {

struct Request {
  std::string path;  // decoded: "/query.json"
  Params params;     // the query string's, decoded, in order
};

struct Answer {
  int status = 200;
  std::string type;  // Content-Type
  std::string body;
  Params headers;  // more headers: Retry-After, Allow, X-Icq-Note
};

class Answers {
 public:
  // `base` must outlive the Answers and run nothing itself: requests get fresh copies of it.
  Answers(const Session& base, Limits limits, std::optional<Scripts> scripts);

  Answer answer(const Request& request);
  // Queries evaluating now (the 503 gate's count).
  [[nodiscard]] int running() const { return running_.load(); }

 private:
  struct Run;
  Answer query(const Request& r, std::optional<Format> format);
  Answer script(const Request& r, std::string_view name, std::optional<Format> format);
  Answer complete(const Request& r);
  // Runs `text` in a fresh Session with `params` set as the host's; nothing when every query
  // slot is taken.
  std::optional<Run> run(const std::string& text, std::string_view source, const Params& params);
  Answer busy(std::string_view route) const;
  // The answer of a run in a format: the command line's bytes; 400 when it failed (its JSON, its
  // errors' text, or `error_page`).
  Answer formatted(const Run& run, Format format, const std::function<std::string()>& error_page) const;
  // `a`, or a 400 when its body is over the output limit.
  Answer bounded(Answer a, std::string_view route) const;

  const Session& base_;
  Limits limits_;
  std::optional<Scripts> scripts_;
  std::string intro_;  // the data summary the empty page shows
  std::string data_;   // /data.json (the data is immutable)
  Watchdog watchdog_;
  std::atomic<int> running_{0};
};

// A request-level error (no query ran) as a diagnostic: "request: error: MESSAGE" with its help.
Diagnostic request_error(std::string message, std::string help = {});
// `d` as the family of the route answers it: the page's HTML, a JSON error object, or its text.
Answer error_answer(int status, const Diagnostic& d, std::string_view route);

}  // namespace icq::serve
