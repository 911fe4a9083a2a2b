// Cancellation check points: see cancel.hpp.
#include "eval/cancel.hpp"

namespace icq::interp {

namespace {
thread_local const std::atomic<bool>* t_flag = nullptr;
}  // namespace

CancelScope::CancelScope(const std::atomic<bool>& flag) noexcept : previous_(t_flag) { t_flag = &flag; }
CancelScope::~CancelScope() { t_flag = previous_; }

void check_cancelled() {
  if (t_flag && t_flag->load(std::memory_order_relaxed)) throw Cancelled{};
}

}  // namespace icq::interp
