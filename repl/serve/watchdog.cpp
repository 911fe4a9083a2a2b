#include "watchdog.hpp"

namespace icq::serve {

Watchdog::Watchdog() : thread_([this] { loop(); }) {}

Watchdog::~Watchdog() {
  {
    std::lock_guard lock(m_);
    stopping_ = true;
  }
  cv_.notify_one();
  thread_.join();
}

void Watchdog::loop() {
  std::unique_lock lock(m_);
  while (!stopping_) {
    if (deadlines_.empty()) {
      cv_.wait(lock);
      continue;
    }
    const auto next = deadlines_.begin();
    if (const Clock::time_point when = next->first; Clock::now() < when) {
      // A copy: wait_until reads the deadline again after waking, when the Watch that owned the
      // node may have ended it (AddressSanitizer: heap-use-after-free).
      cv_.wait_until(lock, when);
      continue;
    }
    // Past its deadline: cancelled once, and no longer watched (its Watch still ends it).
    Watch* w = next->second;
    w->expired_ = true;
    w->session_.cancel();
    w->at_ = deadlines_.end();
    deadlines_.erase(next);
  }
}

Watchdog::Watch::Watch(Watchdog& dog, Session& session, std::chrono::duration<double> limit) : dog_(dog), session_(session) {
  const auto deadline = Clock::now() + std::chrono::duration_cast<Clock::duration>(limit);
  {
    std::lock_guard lock(dog_.m_);
    at_ = dog_.deadlines_.emplace(deadline, this);
  }
  dog_.cv_.notify_one();
}

Watchdog::Watch::~Watch() {
  std::lock_guard lock(dog_.m_);
  if (at_ != dog_.deadlines_.end()) dog_.deadlines_.erase(at_);
}

bool Watchdog::Watch::expired() const {
  std::lock_guard lock(dog_.m_);
  return expired_;
}

}  // namespace icq::serve
