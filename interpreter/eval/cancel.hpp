#pragma once
// Cancellation: Session::cancel() sets an atomic flag (from another thread or a signal handler);
// evaluation polls it at safe points, and a set flag ends the statement by throwing Cancelled.
// The flag reaches the loops through a thread-local, so no evaluation signature carries it.
#include <atomic>

namespace icq::interp {

// Not a QueryError: a cancelled statement ends its whole run, with or without --no-bail.
struct Cancelled {};

// While alive, check_cancelled() on this thread reads `flag` (scopes nest).
class CancelScope {
 public:
  explicit CancelScope(const std::atomic<bool>& flag) noexcept;
  ~CancelScope();
  CancelScope(const CancelScope&) = delete;
  CancelScope& operator=(const CancelScope&) = delete;

 private:
  const std::atomic<bool>* previous_;
};

// Throws Cancelled when the run on this thread was asked to stop; cheap enough for inner loops.
void check_cancelled();

}  // namespace icq::interp
