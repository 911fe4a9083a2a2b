#include "http.hpp"

#include <httplib.h>
#include <sys/socket.h>
#include <unistd.h>

#include <chrono>
#include <cmath>
#include <ctime>
#include <optional>

#include "access_log.hpp"

namespace icq::serve {

namespace {

using Clock = std::chrono::steady_clock;

// When the request this thread answers was read (set before routing, read by the logger): a
// connection's requests are answered one after another on one thread.
thread_local std::optional<Clock::time_point> t_started;

// What the server says of a request cpp-httplib itself turned away (it could not read it).
std::string refusal(int status) {
  switch (status) {
    case 400: return "the request could not be read as HTTP/1.1";
    case 413: return "the request has a body, and the server reads none";
    case 414: return "the request line is longer than 8192 bytes: a query that long is over this server's limit";
    default: return "the request could not be answered (HTTP " + std::to_string(status) + ")";
  }
}

void put(const Answer& a, httplib::Response& res) {
  res.status = a.status;
  res.set_content(a.body, a.type);
  for (const auto& [k, v] : a.headers) res.set_header(k, v);
  res.set_header("X-Content-Type-Options", "nosniff");
  res.set_header("Accept-Ranges", "none");
  // The pages run only the server's own script and ask only the server.
  if (a.type.rfind("text/html", 0) == 0)
    res.set_header("Content-Security-Policy",
                   "default-src 'none'; script-src 'self'; style-src 'unsafe-inline'; connect-src 'self'; img-src 'self' data:; "
                   "form-action 'self'; base-uri 'none'; frame-ancestors 'none'");
}

void write_log(const std::string& line) {
  const std::string l = line + "\n";
  // One write per line (shorter than PIPE_BUF): lines of concurrent requests never interleave.
  [[maybe_unused]] const ssize_t n = ::write(STDERR_FILENO, l.data(), l.size());
}

}  // namespace

// cpp-httplib 0.11 listens with a backlog of 5 (a build-time constant of Debian's library): clients
// reconnecting at once overflow it and wait a second for the SYN to be sent again. A listening
// socket takes a new backlog from listen() again.
class Server : public httplib::Server {
 public:
  void raise_backlog() { ::listen(svr_sock_, SOMAXCONN); }
};

struct HttpServer::Impl {
  Impl(Answers& a, const Listen& l) : answers(a), listen(l) {}
  Answers& answers;
  Listen listen;
  Server server;
};

HttpServer::HttpServer(Answers& answers, const Listen& listen) : impl_(std::make_unique<Impl>(answers, listen)) {
  auto& svr = impl_->server;
  const std::size_t threads = static_cast<std::size_t>(listen.threads);
  svr.new_task_queue = [threads] { return new httplib::ThreadPool(threads); };
  const double whole = std::floor(listen.read_timeout);
  const auto sec = static_cast<time_t>(whole);
  const auto usec = static_cast<time_t>((listen.read_timeout - whole) * 1e6);
  svr.set_read_timeout(sec, usec);
  svr.set_write_timeout(sec, usec);
  svr.set_keep_alive_timeout(std::max<time_t>(1, static_cast<time_t>(std::ceil(listen.read_timeout))));
  svr.set_keep_alive_max_count(100);
  svr.set_payload_max_length(64 * 1024);
  svr.set_tcp_nodelay(true);  // an answer's headers and body go out at once, not 40 ms apart (Nagle)
  svr.set_pre_routing_handler([](const httplib::Request& req, httplib::Response&) {
    t_started = Clock::now();
    // Range is ignored (as HTTP allows): the answers are made per request, and cpp-httplib 0.11
    // writes one copy of the body per range asked, so "bytes=0-,0-,…" would make thousands of copies
    // of an 8 MiB answer. The request is cpp-httplib's own, not a const object: it may be changed.
    const_cast<httplib::Request&>(req).ranges.clear();
    return httplib::Server::HandlerResponse::Unhandled;
  });
  svr.Get(".*", [this](const httplib::Request& req, httplib::Response& res) {
    Request r;
    r.path = req.path;
    r.params.assign(req.params.begin(), req.params.end());
    put(impl_->answers.answer(r), res);
  });
  const httplib::Server::Handler not_allowed = [](const httplib::Request& req, httplib::Response& res) {
    Answer a = error_answer(405, request_error("the method " + req.method + " is not served", "icq serve answers GET and HEAD"), req.path);
    a.headers.emplace_back("Allow", "GET, HEAD");
    put(a, res);
  };
  svr.Post(".*", not_allowed).Put(".*", not_allowed).Patch(".*", not_allowed).Delete(".*", not_allowed).Options(".*", not_allowed);
  const httplib::Server::HandlerWithResponse on_error = [](const httplib::Request& req, httplib::Response& res) {
    if (!res.body.empty()) return httplib::Server::HandlerResponse::Unhandled;  // an answer of ours
    put(error_answer(res.status, request_error(refusal(res.status)), req.path), res);
    return httplib::Server::HandlerResponse::Handled;
  };
  svr.set_error_handler(on_error);
  svr.set_exception_handler([](const httplib::Request& req, httplib::Response& res, std::exception_ptr ep) {
    std::string what = "unknown";
    try {
      std::rethrow_exception(ep);
    } catch (const std::exception& e) {
      what = e.what();
    } catch (...) {
    }
    put(error_answer(500, request_error("internal error: " + what), req.path), res);
  });
  svr.set_logger([](const httplib::Request& req, const httplib::Response& res) {
    LogEntry e;
    e.when = std::time(nullptr);
    e.remote = req.remote_addr;
    e.method = req.method;
    e.target = req.target;
    e.status = res.status;
    e.bytes = req.method == "HEAD" ? 0 : res.body.size();
    if (t_started) e.milliseconds = std::chrono::duration<double, std::milli>(Clock::now() - *t_started).count();
    t_started.reset();
    write_log(log_line(e));
  });
}

HttpServer::~HttpServer() = default;

std::variant<int, std::string> HttpServer::bind() {
  auto& svr = impl_->server;
  const auto& l = impl_->listen;
  const int port = l.port == 0                                          ? svr.bind_to_any_port(l.host)
                   : svr.bind_to_port(l.host, static_cast<int>(l.port)) ? static_cast<int>(l.port)
                                                                        : -1;
  if (port > 0) {
    svr.raise_backlog();
    return port;
  }
  return "cannot listen on " + l.host + " port " + std::to_string(l.port) + " (in use, or not an address of this machine)";
}

bool HttpServer::run() { return impl_->server.listen_after_bind(); }

void HttpServer::stop() { impl_->server.stop(); }

}  // namespace icq::serve
