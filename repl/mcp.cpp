#include "mcp.hpp"

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

#include "cache.hpp"
#include "icq/icq.hpp"
#include "mcp_protocol.hpp"
#include "mcp_server.hpp"

namespace icq::mcp {

namespace {

const char* const kUsage =
    "usage: icq mcp [options]\n"
    "\n"
    "The icq interpreter as a Model Context Protocol server on stdin/stdout (newline-delimited JSON-RPC 2.0),\n"
    "for AI assistants: register the command `icq` with the arguments [\"mcp\"]. Tools: query, compare, list,\n"
    "describe, frontier, trend, points; resources: icq://help, icq://data, icq://catalog. Ends at the end of stdin.\n"
    "\n"
    "options:\n"
    "  --data PATH          load PATH (file or directory; repeatable) instead of the built-in data and the cache\n"
    "  --cache DIR          the cache of `icq fetch` to read (default as for icq: $ICQ_CACHE, …)\n"
    "  --no-cache           the built-in data alone\n"
    "  -D NAME=VALUE        set parameter $NAME for every call\n"
    "  --timeout SECONDS    time limit of one call (default 60); a call past it is answered with an error\n"
    "  --max-output BYTES   longest text of one result item (default 524288); longer output is cut, with a note\n"
    "  --max-message BYTES  longest message read (default 4194304); a longer line is answered with an error\n"
    "  -h, --help           print this help\n";

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

std::optional<double> positive(const std::string& s) {
  char* end = nullptr;
  const double v = std::strtod(s.c_str(), &end);
  if (s.empty() || *end != '\0' || !(v > 0) || v > 1e12) return std::nullopt;
  return v;
}

int usage_error(const std::string& message) {
  std::cerr << "icq mcp: " << message << "\nhelp: icq mcp --help lists the options\n";
  return 2;
}

}  // namespace

int run(int argc, const char* const* argv) {
  ServerOptions so;
  SessionOptions session_options;
  std::optional<std::string> cache;
  bool no_cache = false;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    auto value = [&]() -> std::optional<std::string> {
      if (i + 1 >= argc) return std::nullopt;
      return std::string(argv[++i]);
    };
    if (a == "-h" || a == "--help") {
      std::cout << kUsage;
      return 0;
    } else if (a == "--data") {
      const auto v = value();
      if (!v) return usage_error("option --data needs a file or directory");
      session_options.data_paths.push_back(*v);
    } else if (a == "--cache") {
      const auto v = value();
      if (!v || v->empty()) return usage_error("option --cache needs a folder");
      cache = *v;
    } else if (a == "--no-cache") {
      no_cache = true;
    } else if (a == "-D") {
      const auto v = value();
      const auto eq = v ? v->find('=') : std::string::npos;
      if (eq == std::string::npos || eq == 0) return usage_error("option -D needs NAME=VALUE");
      session_options.params[v->substr(0, eq)] = v->substr(eq + 1);
    } else if (a == "--timeout" || a == "--max-output" || a == "--max-message") {
      const auto v = value();
      const auto n = v ? positive(*v) : std::nullopt;
      if (!n) return usage_error("option " + a + " needs a positive number");
      if (a == "--timeout") so.timeout_seconds = *n;
      else if (a == "--max-output") so.max_output_bytes = static_cast<std::size_t>(*n);
      else so.max_message_bytes = static_cast<std::size_t>(*n);
    } else {
      return usage_error("unknown argument '" + a + "'");
    }
  }
  if (session_options.data_paths.empty() && !no_cache) {
    auto cached = fetch::cached_data(fetch::cache_dir(cache), std::time(nullptr));
    session_options.extra_paths = std::move(cached.files);
    session_options.extra_snapshot = std::move(cached.snapshot);
    session_options.data_note = std::move(cached.note);
  }
  // stdout carries the protocol alone: every word of the library's goes to stderr.
  session_options.on_warning = [](const Diagnostic& d) {
    if (d.severity != Severity::note) std::cerr << format_diagnostic(d);
  };
  std::shared_ptr<Session> first;
  try {
    first = std::make_shared<Session>(session_options);
  } catch (const Error& e) {
    std::cerr << format_diagnostic(e.diagnostic);
    return 2;
  }
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
      answer = error_message("null", code::invalid_request,
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

}  // namespace icq::mcp
