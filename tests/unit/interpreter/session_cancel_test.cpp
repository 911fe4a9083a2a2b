// Session::cancel(): from another thread it stops a long statement at its next check point with
// the error "cancelled" (kind cancelled, exit code 130), keeps the results before it, skips the
// rest of the run even without stop_at_error, and leaves the session usable.
#include <catch2/catch.hpp>

#include <atomic>
#include <chrono>
#include <string>
#include <thread>

#include "icq/session.hpp"

namespace {

// About 8 s on a 2-core machine (a frontier per GPU and run date, 9 metrics at 9,500 targets);
// explain keeps the output small.
constexpr const char* kLong =
    "explain trend throughput, cost, power, energy, ttft p99, tpot p99, e2el p99, ttft, tpot model dsr1 at 10..200 step 0.02 by gpu";

using Clock = std::chrono::steady_clock;

// Runs `text`, cancelling it from another thread `after` into the run (again and again, so a run
// that had not started its long statement yet is cancelled when it does).
icq::Outcome run_cancelled(icq::Session& s, const std::string& text, std::chrono::milliseconds after, bool stop_at_error,
                           double* seconds_after_cancel) {
  std::atomic<bool> done{false};
  std::atomic<long long> first_cancel{0};
  std::thread canceller([&] {
    std::this_thread::sleep_for(after);
    while (!done.load()) {
      long long none = 0;
      first_cancel.compare_exchange_strong(none, Clock::now().time_since_epoch().count());
      s.cancel();
      std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
  });
  icq::Outcome out = s.run(text, "query", stop_at_error);
  const auto end = Clock::now();
  done = true;
  canceller.join();
  if (seconds_after_cancel && first_cancel.load())
    *seconds_after_cancel = std::chrono::duration<double>(end - Clock::time_point(Clock::duration(first_cancel.load()))).count();
  return out;
}

}  // namespace

TEST_CASE("cancel: a long statement stops with 'cancelled', the results before it stand", "[session][cancel]") {
  icq::Session s;
  REQUIRE(s.run("param gpu_of_choice = b200").ok());
  double latency = -1;
  const auto out = run_cancelled(s, std::string("list vendors; ") + kLong + "; list gpus", std::chrono::milliseconds(300), false, &latency);
  REQUIRE(out.diagnostics.size() == 1);
  const auto& d = out.diagnostics.front();
  CHECK(d.message == "cancelled");
  CHECK(d.kind == icq::ErrorKind::cancelled);
  CHECK(d.span.column == 15);  // the statement that was running
  CHECK(out.exit_code() == 130);
  // `list vendors` finished (unless the machine is so loaded that 300 ms did not reach it); the
  // statement after the cancelled one never ran, --no-bail or not.
  REQUIRE(out.results.size() <= 1);
  if (!out.results.empty()) CHECK(out.results[0].kind == icq::Kind::list);
  WARN("cancel() to the end of run(): " << latency << " s");
  CHECK(latency >= 0);
  CHECK(latency < 3.0);  // the whole statement takes seconds more; a check point comes every few ms
  // The session is intact: its parameter, and the next run is not cancelled.
  const auto again = s.run("compare gpu $gpu_of_choice vs h200 model dsr1 precision fp8 at interactivity 50");
  REQUIRE(again.ok());
  CHECK(again.results.size() == 1);
}

TEST_CASE("cancel: before a run starts, it stops that run at its first statement", "[session][cancel]") {
  icq::Session s;
  s.cancel();
  const auto out = s.run("list gpus; list models");
  CHECK(out.results.empty());
  REQUIRE(out.diagnostics.size() == 1);
  CHECK(out.diagnostics[0].message == "cancelled");
  CHECK(out.exit_code() == 130);
  CHECK(s.run("list gpus").ok());  // the request ended with the run it stopped
}

TEST_CASE("cancel: exit code 130 is the gravest", "[session][cancel]") {
  icq::Outcome o;
  for (auto kind : {icq::ErrorKind::usage, icq::ErrorKind::cancelled, icq::ErrorKind::query}) {
    icq::Diagnostic d;
    d.kind = kind;
    o.diagnostics.push_back(d);
  }
  CHECK(o.exit_code() == 130);
}
