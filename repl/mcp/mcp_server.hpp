#pragma once
// `icq mcp`, the server: one MCP session over an icq Session. It answers one message at a time
// (lifecycle, tools, resources, ping) and runs every call that reaches the Session on a worker
// thread under a time limit. It does no I/O: the host (main.cpp) feeds it lines and writes
// what it returns.
#include <atomic>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "icq/session.hpp"
#include "mcp_protocol.hpp"

namespace icq::mcp {

// The protocol revisions this server speaks, newest first: an initialize naming one of them gets
// it back, any other gets the newest.
inline constexpr std::string_view protocol_versions[] = {"2025-11-25", "2025-06-18", "2025-03-26", "2024-11-05"};

struct ServerOptions {
  double timeout_seconds = 60;                      // per call that runs icq text
  std::size_t max_output_bytes = 512 * 1024;        // per content item; longer text is cut, with a note
  std::size_t max_message_bytes = 4 * 1024 * 1024;  // per incoming line
  bool operator==(const ServerOptions&) const = default;
};

class Server {
 public:
  // `make_session` builds the Session the calls run on: once at the first call, and again after
  // a call overran its time limit (that call keeps the old Session until it ends, then drops it).
  Server(ServerOptions options, std::function<std::shared_ptr<Session>()> make_session);

  // The answer to one line of input (no newline), or nothing (notifications, responses, blank lines).
  std::optional<std::string> handle(std::string_view line);

  // Calls given up at their time limit that are still running: the host exits without waiting.
  [[nodiscard]] int overrunning() const { return running_->load(); }

 private:
  std::string dispatch(const Message& m);
  std::string initialize(const Message& m);
  std::string call_tool(const Message& m);
  std::string read_resource(const Message& m);
  // Runs `work` on the Session under the time limit; nullopt when it overran (or could not start).
  std::optional<std::string> on_session(std::function<std::string(Session&)> work, std::string& why);

  ServerOptions opt_;
  std::function<std::shared_ptr<Session>()> make_session_;
  std::shared_ptr<Session> session_;
  std::shared_ptr<std::atomic<int>> running_ = std::make_shared<std::atomic<int>>(0);
  bool initialized_ = false;
};

// The tool result of running icq text (exposed for the unit tests): content items as JSON text.
// First the JSON of the results as `icq --format json` prints it and then the markdown; on an
// error, first the diagnostics as the command line prints them, then the JSON (the results before
// the error and the error objects). `ran` (the icq text a structured tool wrote) is a last item.
std::string tool_result(const Outcome& outcome, std::string_view ran, std::size_t max_output_bytes);

// `text` cut to at most `max` bytes on a UTF-8 boundary, with a note saying how much was left out.
std::string truncated(std::string text, std::size_t max);

}  // namespace icq::mcp
