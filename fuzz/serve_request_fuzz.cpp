// What `icq serve` answers (repl/serve/answers.hpp) for arbitrary requests, after cpp-httplib has
// decoded them: the input's first line is the path, each further line a query parameter NAME=VALUE
// (arbitrary bytes, NUL and invalid UTF-8 included). Every answer has a known status and a content
// type; a JSON answer parses as JSON; a text or HTML answer is UTF-8 (the server refuses text that
// is not); no answer is over the output limit; the log line of the request is one line of
// printable ASCII. The server is sandboxed with a scripts folder (one report with parameters, a
// link out of the folder) made at start, and a short time limit.
#include <simdjson.h>
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <memory>
#include <string>
#include <string_view>

#include "access_log.hpp"
#include "answers.hpp"
#include "client_text.hpp"
#include "fuzz_check.hpp"

namespace {

constexpr std::size_t kMaxInput = 4096;
constexpr long kMaxOutput = 1 << 20;

icq::serve::Answers* answers = nullptr;

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  namespace fs = std::filesystem;
  const fs::path dir = fs::temp_directory_path() / ("icq-serve-fuzz-" + std::to_string(::getpid()));
  fs::create_directories(dir);
  std::ofstream(dir / "report.icq")
      << "param gpu = mi355x\nparam target = 50\ncompare precision fp4 vs fp8 on $gpu model dsr1 at $target\n";
  std::error_code ec;
  fs::create_symlink("/etc/passwd", dir / "passwd.icq", ec);
  icq::SessionOptions o;
  o.sandboxed = true;
  static const icq::Session base(o);
  icq::serve::Limits limits;
  limits.timeout_seconds = 1;
  limits.max_output_bytes = kMaxOutput;
  answers = new icq::serve::Answers(base, limits, icq::serve::Scripts(dir.string()));  // lives as long as the process
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size > kMaxInput) return -1;
  const std::string in(reinterpret_cast<const char*>(data), size);  // an exact-size copy: ASan sees overreads
  icq::serve::Request r;
  std::size_t at = in.find('\n');
  r.path = in.substr(0, at);
  while (at != std::string::npos) {
    const std::size_t next = in.find('\n', at + 1);
    const std::string line = in.substr(at + 1, next == std::string::npos ? std::string::npos : next - at - 1);
    const std::size_t eq = line.find('=');
    r.params.emplace_back(line.substr(0, eq), eq == std::string::npos ? "" : line.substr(eq + 1));
    at = next;
  }
  const icq::serve::Answer a = answers->answer(r);
  ICQ_FUZZ_CHECK(a.status == 200 || a.status == 301 || a.status == 400 || a.status == 404 || a.status == 503);
  // Every answer says something: a query of comments alone is a 400 saying it has no statement.
  ICQ_FUZZ_CHECK(!a.type.empty() && !a.body.empty());
  ICQ_FUZZ_CHECK(a.body.size() <= static_cast<std::size_t>(kMaxOutput) + 4096);  // an error saying it is too large is small
  if (a.type == "application/json") {
    simdjson::dom::parser parser;
    ICQ_FUZZ_CHECK(parser.parse(simdjson::padded_string(a.body)).error() == simdjson::SUCCESS);
  } else {
    ICQ_FUZZ_CHECK(icq::serve::is_utf8(a.body));
  }
  for (const auto& [k, v] : a.headers)
    ICQ_FUZZ_CHECK(k.find_first_of("\r\n") == std::string::npos && v.find_first_of("\r\n") == std::string::npos);
  icq::serve::LogEntry e;
  e.method = "GET";
  e.target = in;
  e.status = a.status;
  e.bytes = a.body.size();
  const std::string line = icq::serve::log_line(e);
  for (const char c : line) ICQ_FUZZ_CHECK((c >= 0x20 && c <= 0x7e) || static_cast<unsigned char>(c) >= 0x80);
  ICQ_FUZZ_CHECK(line.size() < 4 * icq::serve::kLoggedTargetBytes + 200);
  return 0;
}
