#include "interrupt.hpp"

#include <signal.h>

#include <atomic>

namespace icq::repl::interrupt {

namespace {

std::atomic<bool> g_requested{false};
std::atomic<Session*> g_running{nullptr};
static_assert(std::atomic<bool>::is_always_lock_free && std::atomic<Session*>::is_always_lock_free,
              "the SIGINT handler may only touch lock-free atomics");
int g_installed = 0;
struct sigaction g_previous {};

extern "C" void on_sigint(int) {
  g_requested.store(true);
  if (Session* s = g_running.load()) s->cancel();  // an atomic store: async-signal-safe
}

}  // namespace

void install() {
  if (g_installed++) return;
  ::sigaction(SIGINT, nullptr, &g_previous);
  if (g_previous.sa_handler == SIG_IGN) return;  // started ignoring it (`icq … &` in a script): so be it
  struct sigaction sa {};
  sa.sa_handler = on_sigint;
  sigemptyset(&sa.sa_mask);
  sa.sa_flags = 0;
  ::sigaction(SIGINT, &sa, nullptr);
}

void uninstall() {
  if (g_installed == 0 || --g_installed) return;
  ::sigaction(SIGINT, &g_previous, nullptr);
}

bool requested() noexcept { return g_requested.load(); }
void clear() noexcept { g_requested.store(false); }

Cancels::Cancels(Session& session) noexcept : previous_(g_running.exchange(&session)) {}
Cancels::~Cancels() { g_running.store(previous_); }

}  // namespace icq::repl::interrupt
