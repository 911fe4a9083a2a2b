#pragma once
// The time limit of the queries running: one thread that calls Session::cancel() on each query
// still running at its deadline (the statement then ends with "cancelled" at its next check point).
#include <chrono>
#include <condition_variable>
#include <map>
#include <mutex>
#include <thread>

#include "icq/session.hpp"

namespace icq::serve {

class Watchdog {
 public:
  using Clock = std::chrono::steady_clock;

  Watchdog();
  ~Watchdog();
  Watchdog(const Watchdog&) = delete;
  Watchdog& operator=(const Watchdog&) = delete;

  // Watches `session` while it lives: cancelled when it runs past `limit`. The watch ends before
  // the session does, so the watchdog never touches a session that is gone.
  class Watch {
   public:
    Watch(Watchdog& dog, Session& session, std::chrono::duration<double> limit);
    ~Watch();
    Watch(const Watch&) = delete;
    Watch& operator=(const Watch&) = delete;
    // Whether the deadline came while it was watched (then the session was cancelled).
    [[nodiscard]] bool expired() const;

   private:
    Watchdog& dog_;
    std::multimap<Clock::time_point, Watch*>::iterator at_;
    Session& session_;
    bool expired_ = false;  // under dog_.m_
    friend class Watchdog;
  };

 private:
  void loop();

  mutable std::mutex m_;
  std::condition_variable cv_;
  std::multimap<Clock::time_point, Watch*> deadlines_;
  bool stopping_ = false;
  std::thread thread_;
};

}  // namespace icq::serve
