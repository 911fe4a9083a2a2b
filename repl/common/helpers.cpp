#include "helpers.hpp"

#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <cerrno>
#include <cstring>
#include <iostream>

extern char** environ;

namespace icq::hosts {

namespace {

// The helper running, for the relay; 0 while none (a signal then waits in g_pending).
volatile sig_atomic_t g_child = 0;
volatile sig_atomic_t g_pending = 0;
constexpr std::array<int, 3> kRelayed = {SIGINT, SIGTERM, SIGHUP};

extern "C" void relay(int sig, siginfo_t* info, void*) {
  // The terminal sends its signals to the whole foreground process group: the helper has it too.
  if (info != nullptr && info->si_code == SI_KERNEL) return;
  if (g_child > 0) ::kill(static_cast<pid_t>(g_child), sig);
  else g_pending = sig;
}

// Installs the relay for the signals this process does not ignore; the destructor puts back
// what was there (the REPL's Ctrl-C handler).
class Relay {
 public:
  Relay() {
    for (std::size_t i = 0; i < kRelayed.size(); ++i) {
      ::sigaction(kRelayed[i], nullptr, &previous_[i]);
      if (previous_[i].sa_handler == SIG_IGN) continue;  // an ignored signal stays ignored, in the helper too
      struct sigaction sa {};
      sa.sa_sigaction = relay;
      sa.sa_flags = SA_SIGINFO | SA_RESTART;
      sigemptyset(&sa.sa_mask);
      ::sigaction(kRelayed[i], &sa, nullptr);
      installed_[i] = true;
    }
  }
  ~Relay() {
    g_child = 0;
    for (std::size_t i = 0; i < kRelayed.size(); ++i)
      if (installed_[i]) ::sigaction(kRelayed[i], &previous_[i], nullptr);
  }
  Relay(const Relay&) = delete;
  Relay& operator=(const Relay&) = delete;

 private:
  std::array<struct sigaction, kRelayed.size()> previous_{};
  std::array<bool, kRelayed.size()> installed_{};
};

std::string self_dir() {
  char buf[PATH_MAX];
  const ssize_t n = ::readlink("/proc/self/exe", buf, sizeof buf - 1);
  if (n <= 0) return ".";
  const std::string path(buf, static_cast<std::size_t>(n));
  const auto slash = path.rfind('/');
  return slash == std::string::npos ? "." : slash == 0 ? "/" : path.substr(0, slash);
}

void explain_missing(const Helper& h) {
  const auto dirs = helper_dirs();
  std::cerr << "icq: `" << h.command << "` needs the helper program " << h.program << ", which is not installed (looked in " << dirs[0]
            << " and " << dirs[1] << ")\n";
  if (!h.dev.empty())
    std::cerr << "help: " << h.program << " is built with icq when " << h.dev << " is installed (apt-get install " << h.dev
              << "; then cmake --build <build folder> --target " << h.program << "); it runs with the Debian package " << h.runtime << "\n";
  else
    std::cerr << "help: build it with `cmake --build <build folder> --target " << h.program
              << "` (the app preset builds the icq program alone)\n";
}

bool write_all(int fd, std::string_view bytes) {
  while (!bytes.empty()) {
    const ssize_t n = ::write(fd, bytes.data(), bytes.size());
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return false;
    bytes.remove_prefix(static_cast<std::size_t>(n));
  }
  return true;
}

}  // namespace

std::vector<std::string> helper_dirs() {
  const std::string self = self_dir();
  return {self, self + "/" ICQ_HELPER_DIR_FROM_BIN};
}

std::string find_helper(const Helper& h) {
  for (const auto& dir : helper_dirs()) {
    const std::string path = dir + "/" + std::string(h.program);
    if (::access(path.c_str(), X_OK) == 0) return path;
  }
  return {};
}

int run_helper(const Helper& h, const std::vector<std::string>& args, const std::optional<std::string>& input, std::string* output) {
  const std::string path = find_helper(h);
  if (path.empty()) {
    explain_missing(h);
    return 2;
  }
  const std::string name(h.program);
  std::vector<char*> argv{const_cast<char*>(name.c_str())};
  for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
  argv.push_back(nullptr);

  int pipe_fds[2] = {-1, -1};
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  if (input) {
    if (::pipe2(pipe_fds, O_CLOEXEC) != 0) {
      std::cerr << "icq: cannot run " << path << ": " << std::strerror(errno) << "\n";
      posix_spawn_file_actions_destroy(&actions);
      return 2;
    }
    posix_spawn_file_actions_adddup2(&actions, pipe_fds[0], STDIN_FILENO);
  }
  int out_fds[2] = {-1, -1};
  if (output) {
    if (::pipe2(out_fds, O_CLOEXEC) != 0) {
      std::cerr << "icq: cannot run " << path << ": " << std::strerror(errno) << "\n";
      if (input) ::close(pipe_fds[0]), ::close(pipe_fds[1]);
      posix_spawn_file_actions_destroy(&actions);
      return 2;
    }
    posix_spawn_file_actions_adddup2(&actions, out_fds[1], STDOUT_FILENO);
  }
  posix_spawnattr_t attr;
  posix_spawnattr_init(&attr);
  sigset_t none;
  sigemptyset(&none);
  posix_spawnattr_setsigmask(&attr, &none);
  posix_spawnattr_setflags(&attr, POSIX_SPAWN_SETSIGMASK);

  const Relay relay_signals;
  g_pending = 0;
  pid_t pid = 0;
  const int err = ::posix_spawn(&pid, path.c_str(), &actions, &attr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  posix_spawnattr_destroy(&attr);
  if (input) ::close(pipe_fds[0]);
  if (output) ::close(out_fds[1]);
  if (err != 0) {
    if (input) ::close(pipe_fds[1]);
    if (output) ::close(out_fds[0]);
    std::cerr << "icq: cannot run " << path << ": " << std::strerror(err) << "\n";
    return 2;
  }
  g_child = pid;
  if (g_pending) ::kill(pid, g_pending);
  if (input) {
    // A helper that ends before reading everything (it could not start) must not end icq with SIGPIPE.
    struct sigaction ignore {
    }, before{};
    ignore.sa_handler = SIG_IGN;
    sigemptyset(&ignore.sa_mask);
    ::sigaction(SIGPIPE, &ignore, &before);
    write_all(pipe_fds[1], *input);
    ::close(pipe_fds[1]);
    ::sigaction(SIGPIPE, &before, nullptr);
  }
  if (output) {
    char buf[4096];
    for (;;) {
      const ssize_t n = ::read(out_fds[0], buf, sizeof buf);
      if (n < 0 && errno == EINTR) continue;
      if (n <= 0) break;
      output->append(buf, static_cast<std::size_t>(n));
    }
    ::close(out_fds[0]);
  }
  int status = 0;
  while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  if (WIFSIGNALED(status)) return 128 + WTERMSIG(status);
  const int code = WIFEXITED(status) ? WEXITSTATUS(status) : 2;
  // 127: the dynamic loader could not start it (it has said which library); no helper exits so itself.
  if (code == 127) {
    std::cerr << "icq: " << h.program << " could not start: a library it needs is missing\n";
    std::cerr << "help: "
              << (h.runtime.empty()
                      ? std::string("see the loader's message above")
                      : "install the Debian package " + std::string(h.runtime) + " (apt-get install " + std::string(h.runtime) + ")")
              << "\n";
    return 2;
  }
  return code;
}

}  // namespace icq::hosts
