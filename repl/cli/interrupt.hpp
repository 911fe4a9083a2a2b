#pragma once
// Ctrl-C (SIGINT) in the host, one handler for the process: at the prompt it clears the input
// (the line editor asks requested()), while a statement runs it cancels that statement
// (Session::cancel), and a script stops after it. The handler only sets atomics.
#include "icq/session.hpp"

namespace icq::repl::interrupt {

// Installs the handler (without SA_RESTART, so a blocked read returns) unless SIGINT is ignored;
// calls nest, and the last uninstall() puts the previous disposition back.
void install();
void uninstall();

// Whether SIGINT came since the last clear().
[[nodiscard]] bool requested() noexcept;
void clear() noexcept;

// While alive, SIGINT cancels the run of `session` (the host wraps each Session::run in one).
class Cancels {
 public:
  explicit Cancels(Session& session) noexcept;
  ~Cancels();
  Cancels(const Cancels&) = delete;
  Cancels& operator=(const Cancels&) = delete;

 private:
  Session* previous_;
};

}  // namespace icq::repl::interrupt
