// icq-serve: `icq serve` (common/helpers.hpp), every query a URL: an HTTP server over one Session.
#include <pthread.h>
#include <signal.h>
#include <unistd.h>

#include <atomic>
#include <ctime>
#include <iostream>
#include <optional>
#include <thread>
#include <variant>

#include "answers.hpp"
#include "bootstrap.hpp"
#include "http.hpp"
#include "serve_options.hpp"

namespace icq::serve {

namespace {

std::string url_host(const std::string& host) { return host.find(':') != std::string::npos ? "[" + host + "]" : host; }

int run(int argc, const char* const* argv) {
  const auto parsed = parse_args(argc, argv);
  if (const auto* e = std::get_if<hosts::UsageError>(&parsed)) {
    std::cerr << "icq serve: " << e->message << "\nhelp: " << e->help << "\n";
    return 2;
  }
  const Args& args = std::get<Args>(parsed);
  if (args.help) {
    std::cout << usage_text();
    return 0;
  }
  // The stopping signals are taken by one thread (sigwait), never delivered to a server thread:
  // blocked here, before any thread starts, every thread inherits the mask.
  sigset_t stops;
  sigemptyset(&stops);
  for (const int s : {SIGINT, SIGTERM, SIGHUP}) sigaddset(&stops, s);
  pthread_sigmask(SIG_BLOCK, &stops, nullptr);
  ::signal(SIGPIPE, SIG_IGN);  // a client gone: its write fails, the server goes on

  auto chosen = hosts::reported_session_options(args.data, std::time(nullptr), false);
  if (!chosen) return 2;
  SessionOptions so = std::move(*chosen);
  so.sandboxed = true;
  so.on_warning = [](const Diagnostic& d) {
    if (d.severity != Severity::note) std::cerr << format_diagnostic(d);
  };
  const auto base = hosts::open_session(std::move(so), false);
  if (!base) return 2;
  std::optional<Scripts> scripts;
  if (args.scripts) {
    try {
      scripts.emplace(*args.scripts);
    } catch (const std::exception& e) {
      std::cerr << "icq serve: " << e.what() << "\n";
      return 2;
    }
  }
  Answers answers(*base, args.limits, std::move(scripts));
  HttpServer http(answers, args.listen);
  const auto bound = http.bind();
  if (const auto* why = std::get_if<std::string>(&bound)) {
    std::cerr << "icq serve: " << *why << "\n";
    return 2;
  }
  std::cout << "icq serve: listening on http://" << url_host(args.listen.host) << ":" << std::get<int>(bound) << "/ (pid " << ::getpid()
            << ")" << std::endl;

  std::atomic<bool> served{false};
  std::atomic<int> caught{0};
  std::thread waiter([&] {
    int sig = 0;
    sigwait(&stops, &sig);
    if (!served) caught = sig, http.stop();
  });
  const bool ok = http.run();
  served = true;
  if (caught == 0) pthread_kill(waiter.native_handle(), SIGTERM);  // run() ended by itself: wake the waiter
  waiter.join();
  const int signal_number = caught;
  if (!ok && signal_number == 0) {
    std::cerr << "icq serve: the server stopped: it could not accept connections\n";
    return 2;
  }
  std::cerr << "icq serve: stopped by signal " << signal_number << "\n";
  return 0;
}

}  // namespace
}  // namespace icq::serve

int main(int argc, char** argv) { return icq::serve::run(argc, argv); }
