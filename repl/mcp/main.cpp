// icq-mcp: `icq mcp` (common/helpers.hpp), the Model Context Protocol server on stdio.
#include <unistd.h>

#include <cerrno>
#include <csignal>
#include <cstdlib>
#include <ctime>
#include <iostream>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "bootstrap.hpp"
#include "icq/icq.hpp"
#include "mcp_options.hpp"
#include "mcp_protocol.hpp"
#include "mcp_server.hpp"

namespace icq::mcp {

namespace {

bool write_all(const std::string& s) {
  std::size_t done = 0;
  while (done < s.size()) {
    const ssize_t n = ::write(STDOUT_FILENO, s.data() + done, s.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return false;
    done += static_cast<std::size_t>(n);
  }
  return true;
}

int run(int argc, const char* const* argv) {
  const auto parsed = parse_args(argc, argv);
  if (const auto* e = std::get_if<hosts::UsageError>(&parsed)) {
    std::cerr << "icq mcp: " << e->message << "\nhelp: " << e->help << "\n";
    return 2;
  }
  const Args& args = std::get<Args>(parsed);
  if (args.help) {
    std::cout << usage_text();
    return 0;
  }
  const ServerOptions so = args.server;
  auto chosen = hosts::reported_session_options(args.data, std::time(nullptr), false);
  if (!chosen) return 2;
  SessionOptions session_options = std::move(*chosen);
  // The assistant's text runs here: a `load` reads only inside the folders the user allowed (none by default).
  session_options.allowed_load_dirs = args.allow_load;
  // stdout carries the protocol alone: every word of the library's goes to stderr.
  session_options.on_warning = [](const Diagnostic& d) {
    if (d.severity != Severity::note) std::cerr << format_diagnostic(d);
  };
  std::shared_ptr<Session> first = hosts::open_session(session_options, false);
  if (!first) return 2;
  Server server(so, [&first, session_options]() {
    if (first) return std::exchange(first, nullptr);
    return std::make_shared<Session>(session_options);
  });

  std::signal(SIGPIPE, SIG_IGN);  // a client gone away: write fails, the loop ends
  std::string line;
  std::size_t overflow = 0;  // bytes of a line past the limit, dropped as they come
  bool open = true;
  const auto finish_line = [&]() {
    std::optional<std::string> answer;
    if (overflow) {
      answer = error_message(
          "null", code::invalid_request,
          "message of " + std::to_string(overflow) + " bytes is over the limit of " + std::to_string(so.max_message_bytes) + " bytes");
    } else {
      answer = server.handle(line);
    }
    line.clear();
    overflow = 0;
    if (answer && !write_all(*answer + "\n")) open = false;
  };
  std::vector<char> buf(64 * 1024);
  while (open) {
    const ssize_t n = ::read(STDIN_FILENO, buf.data(), buf.size());
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) break;
    for (ssize_t i = 0; i < n && open; ++i) {
      const char c = buf[static_cast<std::size_t>(i)];
      if (c == '\n') {
        finish_line();
      } else if (overflow) {
        ++overflow;
      } else if (line.size() >= so.max_message_bytes) {
        overflow = line.size() + 1;
        line.clear();
        line.shrink_to_fit();
      } else {
        line += c;
      }
    }
  }
  if (open && (overflow || !line.empty())) finish_line();  // a last message without its newline
  std::cerr.flush();
  // A call given up at its time limit may still be running on its own thread: leave without waiting.
  if (server.overrunning() > 0) std::_Exit(0);
  return 0;
}

}  // namespace
}  // namespace icq::mcp

int main(int argc, char** argv) { return icq::mcp::run(argc, argv); }
