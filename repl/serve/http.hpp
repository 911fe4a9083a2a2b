#pragma once
// icq serve on the network: cpp-httplib (Debian libcpp-httplib-dev, 0.11) reads the requests,
// decodes paths and query strings, and writes the answers; this file is the only one that sees it.
// A pool of Listen::threads threads serves the connections, each dropped after Listen::read_timeout
// seconds of silence; GET and HEAD are answered by Answers, every other method 405. One line per
// request goes to stderr (access_log.hpp).
#include <memory>
#include <string>
#include <variant>

#include "answers.hpp"
#include "serve_options.hpp"

namespace icq::serve {

class HttpServer {
 public:
  HttpServer(Answers& answers, const Listen& listen);
  ~HttpServer();
  HttpServer(const HttpServer&) = delete;
  HttpServer& operator=(const HttpServer&) = delete;

  // Binds the address: the port bound (Listen::port 0 picks a free one), or why it could not.
  std::variant<int, std::string> bind();
  // Serves until stop(); false when it could not.
  bool run();
  // Stops run() from any thread: no new connection is accepted, the requests begun are answered.
  void stop();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace icq::serve
