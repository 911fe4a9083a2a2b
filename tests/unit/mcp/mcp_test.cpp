// `icq mcp` (repl/mcp_*.hpp): reading JSON-RPC lines, the icq text of structured tool calls, and the
// server's answers over a real Session on the built-in data.
#include <catch2/catch.hpp>

#include <chrono>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "icq/icq.hpp"
#include "mcp_protocol.hpp"
#include "mcp_server.hpp"
#include "mcp_tools.hpp"

using namespace icq::mcp;

namespace {

constexpr std::size_t kMax = 1 << 20;

ProtocolError error_of(std::string_view line) {
  auto r = parse_message(line, kMax);
  REQUIRE(std::holds_alternative<ProtocolError>(r));
  return std::get<ProtocolError>(r);
}

Message message_of(std::string_view line) {
  auto r = parse_message(line, kMax);
  if (auto* e = std::get_if<ProtocolError>(&r)) FAIL(e->message);
  return std::get<Message>(r);
}

Json parse_json(std::string_view text) {
  const std::string line = R"({"jsonrpc":"2.0","id":1,"method":"x","params":)" + std::string(text) + "}";
  return message_of(line).params;
}

std::string text_of(std::string_view tool, std::string_view args) {
  const ToolText t = tool_text(*find_tool(tool), parse_json(args));
  INFO(t.error);
  REQUIRE(t.error.empty());
  return t.text;
}

std::string error_text(std::string_view tool, std::string_view args) {
  const ToolText t = tool_text(*find_tool(tool), parse_json(args));
  REQUIRE(!t.error.empty());
  return t.error;
}

Server server(ServerOptions o = {}) {
  return Server(o, [] { return std::make_shared<icq::Session>(); });
}

std::string ask(Server& s, std::string_view line) {
  auto a = s.handle(line);
  REQUIRE(a.has_value());
  return *a;
}

bool contains(const std::string& s, std::string_view part) { return s.find(part) != std::string::npos; }

// The content items of a tools/call answer, read back from its JSON.
std::vector<std::string> content_of(const std::string& answer) {
  const std::string key = R"("result":)";
  const auto at = answer.find(key);
  REQUIRE(at != std::string::npos);
  const Json result = parse_json(std::string_view(answer).substr(at + key.size(), answer.size() - at - key.size() - 1));
  REQUIRE(result.get("content"));
  std::vector<std::string> items;
  for (const auto& item : *result.get("content")->array()) items.push_back(*item.get("text")->string());
  return items;
}

// What `icq --format json -c TEXT` prints for one statement on the built-in data (without the last
// newline): an array of its one object, indented.
std::string cli_json(std::string_view text) {
  icq::Session session;
  const icq::Outcome out = session.run(std::string(text));
  REQUIRE(out.ok());
  REQUIRE(out.results.size() == 1);
  std::string v = icq::render(out.results.front(), icq::Format::json);
  v = v.substr(0, v.find_last_not_of('\n') + 1);
  for (std::size_t p = v.find('\n'); p != std::string::npos; p = v.find('\n', p + 3)) v.replace(p, 1, "\n  ");
  return "[\n  " + v + "\n]";
}

}  // namespace

TEST_CASE("mcp: requests, notifications and responses are told apart", "[mcp]") {
  const Message r = message_of(R"({"jsonrpc":"2.0","id":7,"method":"tools/list"})");
  CHECK(r.kind == Message::Kind::request);
  CHECK(r.id == "7");
  CHECK(r.method == "tools/list");
  CHECK(r.params.is_null());
  CHECK(message_of(R"({"jsonrpc":"2.0","id":"a\"b","method":"ping"})").id == R"("a\"b")");
  CHECK(message_of(R"({"jsonrpc":"2.0","method":"notifications/initialized"})").kind == Message::Kind::notification);
  CHECK(message_of(R"({"jsonrpc":"2.0","id":3,"result":{}})").kind == Message::Kind::response);
  const Message p = message_of(R"({"jsonrpc":"2.0","id":1,"method":"m","params":{"a":[1,2.5,"x",true,null],"b":{"c":1}}})");
  REQUIRE(p.params.get("a"));
  CHECK(p.params.get("a")->array()->size() == 5);
  CHECK(to_json(p.params) == R"({"a":[1,2.5,"x",true,null],"b":{"c":1}})");
}

TEST_CASE("mcp: malformed lines get the JSON-RPC error they deserve", "[mcp]") {
  CHECK(error_of("{not json").code == code::parse_error);
  CHECK(error_of("{not json").id == "null");
  CHECK(error_of("\xff\xfe{}").code == code::parse_error);
  CHECK(error_of(std::string(10, '[') + std::string(10, ']')).code == code::invalid_request);                 // an array: a batch
  CHECK(error_of(R"({"a":)" + std::string(80, '[') + std::string(80, ']') + "}").code == code::parse_error);  // too deep
  CHECK(error_of(R"([{"jsonrpc":"2.0","id":1,"method":"ping"}])").code == code::invalid_request);
  CHECK(error_of("42").code == code::invalid_request);
  const auto v1 = error_of(R"({"jsonrpc":"1.0","id":5,"method":"ping"})");
  CHECK(v1.code == code::invalid_request);
  CHECK(v1.id == "5");
  CHECK(error_of(R"({"id":5,"method":"ping"})").code == code::invalid_request);
  CHECK(error_of(R"({"jsonrpc":"2.0","id":5})").code == code::invalid_request);
  CHECK(error_of(R"({"jsonrpc":"2.0","id":5,"method":17})").code == code::invalid_request);
  CHECK(error_of(R"({"jsonrpc":"2.0","id":null,"method":"ping"})").id == "null");
  CHECK(error_of(R"({"jsonrpc":"2.0","id":1.5,"method":"ping"})").code == code::invalid_request);
  CHECK(error_of(R"({"jsonrpc":"2.0","id":{},"method":"ping"})").code == code::invalid_request);
  const auto params = error_of(R"({"jsonrpc":"2.0","id":2,"method":"ping","params":"x"})");
  CHECK(params.code == code::invalid_params);
  CHECK(params.answer);
  CHECK_FALSE(error_of(R"({"jsonrpc":"2.0","method":"notifications/x","params":3})").answer);
  CHECK(error_of(std::string(kMax + 1, ' ')).message.find("over the limit") != std::string::npos);
}

TEST_CASE("mcp: answers are one line of JSON-RPC", "[mcp]") {
  CHECK(result_message("1", "{}") == R"({"jsonrpc":"2.0","id":1,"result":{}})");
  CHECK(error_message("null", -32700, "bad\nline") == R"({"jsonrpc":"2.0","id":null,"error":{"code":-32700,"message":"bad\nline"}})");
  CHECK(minify("{\n  \"a\": [1, 2]\n}") == std::optional<std::string>(R"({"a":[1,2]})"));
  const std::string list = tools_list_json();
  CHECK(list.find('\n') == std::string::npos);
  CHECK(minify(list).has_value());
  for (const auto& t : tools()) CHECK(minify(t.input_schema).has_value());
}

// Each call and its statement on one line each.
// clang-format off
TEST_CASE("mcp: structured tool calls write one icq statement", "[mcp]") {
  CHECK(text_of("compare", R"({"dimension":"precision","sides":["fp4","fp8"],"filters":{"model":"dsr1","gpu":"mi355x","seq":"1k/1k"},"targets":[50,100],"metrics":["cost","throughput"]})") ==
        "compare precision fp4 vs fp8 gpu mi355x model dsr1 seq 1k/1k at interactivity 50, 100 show cost, throughput");
  CHECK(text_of("compare", R"({"sides":["gpu h200 precision fp8",{"gpu":"b200","precision":"fp4"}],"filters":"model dsr1 seq 8k/1k","metrics":"cost","prices":"2026-07 neocloud","clamp":true,"targets":12.5})") ==
        "compare (gpu h200 precision fp8) vs (gpu b200 precision fp4) model dsr1 seq 8k/1k at interactivity 12.5 clamp show cost using prices 2026-07 neocloud");
  CHECK(text_of("compare", R"({"sides":["amd","nv"],"targets":"20..60 step 10"})") == "compare amd vs nv at 20..60 step 10");
  CHECK(text_of("list", R"({"what":"dates","for":{"model":"dsr1","gpu":["mi355x","b200"]}})") == "list dates for gpu mi355x, b200 model dsr1");
  CHECK(text_of("describe", R"({"kind":"gpu","name":"mi355x"})") == "describe gpu mi355x");
  CHECK(text_of("frontier", R"({"filters":{"gpu":"b200","where":"tp <= 8"},"show":["framework","conc"]})") == "frontier gpu b200 where tp <= 8 show framework, conc");
  CHECK(text_of("trend", R"({"metrics":["throughput"],"targets":50,"since":"2026-02-01","by":"framework"})") ==
        "trend throughput at interactivity 50 since 2026-02-01 by framework");
  CHECK(text_of("points", R"({"filters":{"gpu":"b200"},"order_by":"throughput desc","limit":5})") == "points gpu b200 order by throughput desc limit 5");
  CHECK(text_of("query", R"({"query":"list gpus; list models"})") == "list gpus; list models");
  CHECK(text_of("rank", R"({"dimension":"gpu","metric":"cost","targets":[50],"filters":{"model":"dsr1","precision":"fp8","seq":"8k/1k"}})") ==
        "rank gpu by cost model dsr1 precision fp8 seq 8k/1k at interactivity 50");
  CHECK(text_of("rank", R"({"dimension":"config","targets":"40, 80","filters":"on b200 model dsr1","clamp":true,"metrics":["cost"],"prices":"2026-07 neocloud","cost":"splined"})") ==
        "rank config on b200 model dsr1 at 40, 80 clamp show cost using prices 2026-07 neocloud using cost splined");
  CHECK(text_of("rank", R"({"dimension":"config","metric":"cost","targets":[50],"filters":{"model":"dsr1","precision":"fp8","seq":"1k/1k"},"limit":10})") ==
        "rank config by cost model dsr1 precision fp8 seq 1k/1k at interactivity 50 limit 10");
  CHECK(contains(error_text("rank", R"({"dimension":"gpu","targets":[50],"limit":0})"), "positive integer"));
  CHECK(text_of("crossover", R"({"dimension":"gpu","sides":["mi355x","b200"],"metric":"throughput","filters":{"model":"dsr1","precision":"fp8","seq":"1k/1k"}})") ==
        "crossover gpu mi355x vs b200 by throughput model dsr1 precision fp8 seq 1k/1k");
  CHECK(text_of("crossover", R"({"sides":["gpu h200 precision fp8",{"gpu":"b200","precision":"fp4"}],"filters":"model dsr1","tokens":"output"})") ==
        "crossover (gpu h200 precision fp8) vs (gpu b200 precision fp4) model dsr1 tokens output");
}
// clang-format on

TEST_CASE("mcp: arguments that would change the statement are refused with a reason", "[mcp]") {
  CHECK(contains(error_text("compare", R"({"sides":["fp4"]})"), "two or more"));
  // A side given as an empty object (found by the fuzzer: it threw out of the tool call).
  CHECK(contains(error_text("compare", R"({"sides":["gpu h100",{}]})"), "at least one filter"));
  CHECK(contains(error_text("compare", R"({"dimension":"precision","sides":["fp4; load x","fp8"]})"), "not a name"));
  CHECK(contains(error_text("compare", R"({"sides":["a","b"],"filters":"model dsr1 -- rest"})"), "one line"));
  CHECK(contains(error_text("compare", R"({"sides":["a","b"],"filters":{"where":"tp = 8\nlist gpus"}})"), "one line"));
  CHECK(contains(error_text("compare", R"({"sides":["a","b"],"colour":"red"})"), "unknown argument 'colour'"));
  CHECK(contains(error_text("compare", R"({"sides":["a","b"],"filters":{"gpus":"b200"}})"), "unknown argument 'gpus'"));
  CHECK(contains(error_text("compare", R"({"sides":["a","b"],"targets":[-1]})"), "positive"));
  CHECK(contains(error_text("describe", R"({"kind":"gpu"})"), "missing argument 'name'"));
  CHECK(contains(error_text("trend", R"({"metrics":"cost"})"), "targets"));
  CHECK(contains(error_text("points", R"({"limit":2.5})"), "integer"));
  CHECK(contains(error_text("rank", R"({"dimension":"gpu","metric":"cost"})"), "missing argument 'targets'"));
  CHECK(contains(error_text("rank", R"({"targets":[50]})"), "missing argument 'dimension'"));
  CHECK(contains(error_text("rank", R"({"dimension":"gpu","targets":[50],"metric":"cost; list gpus"})"), "not a name"));
  CHECK(contains(error_text("rank", R"({"dimension":"gpu","targets":[50],"sides":["a","b"]})"), "unknown argument 'sides'"));
  CHECK(contains(error_text("crossover", R"({"dimension":"gpu","sides":["mi355x"]})"), "two or more"));
  CHECK(contains(error_text("crossover", R"({"dimension":"gpu","sides":["mi355x","b200"],"targets":[50]})"), "unknown argument 'targets'"));
  CHECK(contains(error_text("query", R"({})"), "missing argument 'query'"));
  CHECK(contains(error_text("query", R"({"query":" ;; "})"), "empty"));
}

TEST_CASE("mcp: the lifecycle, the tools and the resources over a real session", "[mcp]") {
  Server s = server();
  CHECK(ask(s, R"({"jsonrpc":"2.0","id":1,"method":"ping"})") == R"({"jsonrpc":"2.0","id":1,"result":{}})");
  CHECK(contains(ask(s, R"({"jsonrpc":"2.0","id":2,"method":"tools/list"})"), "not initialized"));
  const std::string init =
      ask(s, R"({"jsonrpc":"2.0","id":3,"method":"initialize","params":{"protocolVersion":"2025-06-18","capabilities":{}}})");
  CHECK(contains(init, R"("protocolVersion":"2025-06-18")"));
  CHECK(contains(init, R"("serverInfo":{"name":"icq")"));
  CHECK_FALSE(s.handle(R"({"jsonrpc":"2.0","method":"notifications/initialized"})").has_value());
  CHECK_FALSE(s.handle("   ").has_value());
  CHECK(contains(ask(s, R"({"jsonrpc":"2.0","id":4,"method":"initialize","params":{"protocolVersion":"2025-06-18"}})"),
                 "already initialized"));
  CHECK(contains(ask(s, R"({"jsonrpc":"2.0","id":5,"method":"tools/list"})"), R"("name":"compare")"));
  CHECK(contains(ask(s, R"({"jsonrpc":"2.0","id":6,"method":"nope"})"), "-32601"));
  CHECK(contains(ask(s, R"({"jsonrpc":"2.0","id":7,"method":"tools/call","params":{"name":"nope"}})"), "-32602"));
  CHECK(contains(ask(s, R"({"jsonrpc":"2.0","id":8,"method":"tools/call","params":{}})"), "-32602"));

  const std::string cmp = ask(
      s,
      R"({"jsonrpc":"2.0","id":9,"method":"tools/call","params":{"name":"compare","arguments":{"dimension":"precision","sides":["fp4","fp8"],"filters":{"gpu":"mi355x","model":"dsr1"},"targets":[50]}}})");
  CHECK(contains(cmp, R"("isError":false)"));
  CHECK(contains(cmp, R"(\"kind\": \"compare\")"));
  CHECK(content_of(cmp).front().rfind("[\n  {", 0) == 0);  // one array, a single statement too
  CHECK(contains(cmp, "icq text run: compare precision fp4 vs fp8 gpu mi355x model dsr1 at interactivity 50"));

  // rank and crossover: the JSON is what `icq --format json -c` prints for the statement they ran.
  const std::string rank = ask(
      s,
      R"({"jsonrpc":"2.0","id":15,"method":"tools/call","params":{"name":"rank","arguments":{"dimension":"gpu","metric":"cost","targets":[50],"filters":{"model":"dsr1","precision":"fp8","seq":"8k/1k"}}}})");
  CHECK(contains(rank, R"("isError":false)"));
  const auto ranked = content_of(rank);
  REQUIRE(ranked.size() == 3);
  CHECK(ranked[2] == "icq text run: rank gpu by cost model dsr1 precision fp8 seq 8k/1k at interactivity 50");
  CHECK(ranked[0] == cli_json("rank gpu by cost model dsr1 precision fp8 seq 8k/1k at interactivity 50"));
  CHECK(contains(ranked[0], R"("kind": "rank")"));
  CHECK(contains(ranked[1], "| GB200"));
  const std::string cross = ask(
      s,
      R"({"jsonrpc":"2.0","id":16,"method":"tools/call","params":{"name":"crossover","arguments":{"dimension":"gpu","sides":["mi355x","b200"],"metric":"throughput","filters":{"model":"dsr1","precision":"fp8","seq":"1k/1k"}}}})");
  CHECK(contains(cross, R"("isError":false)"));
  const auto crossed = content_of(cross);
  REQUIRE(crossed.size() == 3);
  CHECK(crossed[2] == "icq text run: crossover gpu mi355x vs b200 by throughput model dsr1 precision fp8 seq 1k/1k");
  CHECK(crossed[0] == cli_json("crossover gpu mi355x vs b200 by throughput model dsr1 precision fp8 seq 1k/1k"));
  CHECK(contains(crossed[0], R"("kind": "crossover")"));

  const std::string bad = ask(
      s,
      R"({"jsonrpc":"2.0","id":10,"method":"tools/call","params":{"name":"query","arguments":{"query":"compare precision fp9 vs fp8"}}})");
  CHECK(contains(bad, R"("isError":true)"));
  CHECK(contains(bad, "query:1:19: error: unknown precision 'fp9'"));
  CHECK(contains(bad, "^~~"));

  const std::string help = ask(s, R"({"jsonrpc":"2.0","id":11,"method":"resources/read","params":{"uri":"icq://help"}})");
  CHECK(contains(help, "help compare"));
  CHECK(contains(ask(s, R"({"jsonrpc":"2.0","id":12,"method":"resources/read","params":{"uri":"icq://catalog"}})"), "mi355x"));
  CHECK(contains(ask(s, R"({"jsonrpc":"2.0","id":13,"method":"resources/read","params":{"uri":"icq://data"}})"), "rows on"));
  CHECK(contains(ask(s, R"({"jsonrpc":"2.0","id":14,"method":"resources/read","params":{"uri":"icq://nope"}})"), "-32002"));
}

TEST_CASE("mcp: an unknown protocol revision gets the newest one", "[mcp]") {
  Server s = server();
  CHECK(contains(ask(s, R"({"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"1999-01-01"}})"),
                 std::string(R"("protocolVersion":")") + std::string(protocol_versions[0]) + "\""));
}

TEST_CASE("mcp: output past the limit is cut on a character boundary, with a note", "[mcp]") {
  const std::string cut = truncated(
      "ab\xc3\xa9"
      "cd",
      3);  // "é" is two bytes: the cut backs off before it
  CHECK(cut.rfind("ab\n", 0) == 0);
  CHECK(contains(cut, "output cut at 2 of 6 bytes"));
  CHECK(truncated("short", 10) == "short");
}

TEST_CASE("mcp: a call past the time limit is answered with an error and the server goes on", "[mcp]") {
  ServerOptions o;
  o.timeout_seconds = 0.02;  // 2,000 targets take far longer
  Server s = server(o);
  ask(s, R"({"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-06-18"}})");
  const std::string slow = ask(
      s,
      R"({"jsonrpc":"2.0","id":2,"method":"tools/call","params":{"name":"query","arguments":{"query":"compare precision fp4 vs fp8 on mi355x model dsr1 at 1..200 step 0.1"}}})");
  CHECK(contains(slow, R"("isError":true)"));
  CHECK(contains(slow, "time limit"));
  CHECK(ask(s, R"({"jsonrpc":"2.0","id":3,"method":"ping"})") == R"({"jsonrpc":"2.0","id":3,"result":{}})");
  CHECK(contains(slow, "was stopped"));
  // The call is cancelled, not left to run its 2,000 targets: it ends at its next check point. (Its
  // thread holds its own Session; the bound is for a loaded sanitizer build.)
  for (int i = 0; i < 3000 && s.overrunning() > 0; ++i) std::this_thread::sleep_for(std::chrono::milliseconds(10));
  CHECK(s.overrunning() == 0);
}

TEST_CASE("mcp: the load tool writes one quoted path, and refuses one that could leave its quotes", "[mcp]") {
  CHECK(text_of("load", R"({"path":"/data/my results/run1.json"})") == R"(load "/data/my results/run1.json")");
  CHECK(contains(error_text("load", R"({"path":"x\"; list gpus"})"), "without '\"'"));
  CHECK(contains(error_text("load", R"({"path":"a\nb"})"), "one line"));
  CHECK(contains(error_text("load", R"({"path":""})"), "one line"));
  CHECK(contains(error_text("load", R"({})"), "missing argument 'path'"));
  CHECK(contains(error_text("load", R"({"path":"a","mode":"w"})"), "unknown argument 'mode'"));
}

TEST_CASE("mcp: a server that allows no folder reads no file an assistant names, by any tool", "[mcp]") {
  Server s(ServerOptions{}, [] {
    icq::SessionOptions o;
    o.allowed_load_dirs.emplace();  // icq mcp without --allow-load
    return std::make_shared<icq::Session>(std::move(o));
  });
  ask(s, R"({"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-06-18"}})");
  for (const char* call :
       {R"({"name":"load","arguments":{"path":"/etc/passwd"}})", R"({"name":"query","arguments":{"query":"load /etc/passwd"}})",
        R"({"name":"query","arguments":{"query":"param p = /etc/passwd; load $p"}})"}) {
    const std::string answer = ask(s, std::string(R"({"jsonrpc":"2.0","id":2,"method":"tools/call","params":)") + call + "}");
    INFO(answer);
    CHECK(contains(answer, R"("isError":true)"));
    CHECK(contains(answer, "this session loads no files"));
    CHECK(contains(answer, "--allow-load"));
  }
  CHECK(contains(ask(s, R"({"jsonrpc":"2.0","id":3,"method":"resources/read","params":{"uri":"icq://data"}})"), "rows on"));
}

TEST_CASE("mcp: a load's warnings and errors come back in the tool result", "[mcp]") {
  icq::Outcome o;
  icq::Result r;
  r.kind = icq::Kind::load;
  r.query = "load \"runs\"";
  r.notes.push_back("'runs': 2 rows from 2 files; …");
  o.results.push_back(r);
  const auto said = [](icq::Severity severity, std::string file, std::string message) {
    icq::Diagnostic d;
    d.severity = severity;
    d.kind = icq::ErrorKind::usage;
    d.span.source = std::move(file);
    d.message = std::move(message);
    return d;
  };
  o.diagnostics.push_back(
      said(icq::Severity::warning, "runs/a.json", "1 unusable record (median_intvty not a finite positive number): record 2"));
  const std::string partly = tool_result(o, "load \"runs\"", 1 << 20);
  CHECK(contains(partly, R"("isError":false)"));
  CHECK(contains(partly, "runs/a.json: warning: 1 unusable record"));
  o.diagnostics.push_back(said(icq::Severity::error, "runs/b.json", "skipped: not a dashboard export"));
  const std::string broken = tool_result(o, "load \"runs\"", 1 << 20);
  CHECK(contains(broken, R"("isError":true)"));
  CHECK(content_of(R"({"jsonrpc":"2.0","id":1,"result":)" + broken + "}").front().find("runs/b.json: error: skipped") == 0);
}
