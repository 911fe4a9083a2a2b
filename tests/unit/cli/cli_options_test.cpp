// The option tables of icq, icq fetch, icq mcp and icq serve through the one parser (repl/common/options.cpp):
// every option is in its command's --help, parses with its sample argument (alone, as
// --name=VALUE and as -XVALUE), changes what it should, and a typo of it is answered with its name.
#include <catch2/catch.hpp>

#include <functional>
#include <string>
#include <variant>
#include <vector>

#include "cli_options.hpp"
#include "fetch_options.hpp"
#include "mcp_options.hpp"
#include "serve_options.hpp"

using icq::hosts::Option;
using icq::hosts::UsageError;

namespace {

std::vector<const char*> argv_of(const std::vector<std::string>& args) {
  std::vector<const char*> argv{"icq"};
  for (const auto& a : args) argv.push_back(a.c_str());
  return argv;
}

template <typename Args>
std::variant<Args, UsageError> parse_with(std::variant<Args, UsageError> (*parse)(int, const char* const*),
                                          const std::vector<std::string>& args) {
  const auto argv = argv_of(args);
  return parse(static_cast<int>(argv.size()), argv.data());
}

template <typename Args>
std::string error_of(const std::variant<Args, UsageError>& r) {
  const auto* e = std::get_if<UsageError>(&r);
  return e ? e->message + " / " + e->help : "";
}

// One command: its table, its --help and its parser.
template <typename Args>
struct Command {
  std::string name;
  std::vector<Option> (*table)(Args&);
  std::string (*usage)();
  std::variant<Args, UsageError> (*parse)(int, const char* const*);
};

template <typename Args>
void every_option_in_help_and_parses(const Command<Args>& cmd) {
  const auto parse = [&](const std::vector<std::string>& args) { return parse_with(cmd.parse, args); };
  const std::string help = cmd.usage();
  Args unused;
  const auto table = cmd.table(unused);
  const Args defaults = std::get<Args>(parse({}));
  for (const auto& spec : table) {
    for (const auto& name : spec.names) {
      INFO(cmd.name << " " << name);
      // Shown at the start of its line: "  -h, --help", "  --format FORMAT".
      CHECK(help.find("\n  " + spec.names.front()) != std::string::npos);
      CHECK(help.find(name) != std::string::npos);
      CHECK_FALSE(spec.help.empty());
      std::vector<std::string> args{name};
      if (!spec.arg.empty()) args.push_back(spec.sample);
      const auto r = parse(args);
      REQUIRE(error_of(r) == "");
      // It sets something: it changes the defaults, or (--bail, which is one) undoes another flag.
      bool undoes = false;
      for (const auto& other : table)
        if (other.arg.empty() && &other != &spec) {
          std::vector<std::string> after{other.names.back()};
          after.insert(after.end(), args.begin(), args.end());
          undoes = undoes || !(std::get<Args>(parse(after)) == std::get<Args>(parse({other.names.back()})));
        }
      CHECK((!(std::get<Args>(r) == defaults) || undoes));
      if (spec.arg.empty()) {
        CHECK(error_of(parse({name + "=1"})) != "");  // a flag takes no value
        continue;
      }
      CHECK_FALSE(spec.needs.empty());
      // Without its argument: "option X needs …".
      CHECK(error_of(parse({name})).rfind("option " + name + " needs " + spec.needs, 0) == 0);
      if (name.rfind("--", 0) == 0) CHECK(std::get<Args>(parse({name + "=" + spec.sample})) == std::get<Args>(r));
      else CHECK(std::get<Args>(parse({name + spec.sample})) == std::get<Args>(r));
    }
  }
}

template <typename Args>
void typos_suggest_the_option(const Command<Args>& cmd) {
  Args unused;
  for (const auto& spec : cmd.table(unused))
    for (const auto& name : spec.names) {
      if (name.size() < 6) continue;  // "-c" has too many neighbours to guess
      std::string typo = name;
      std::swap(typo[3], typo[4]);
      if (typo == name) continue;
      INFO(cmd.name << " " << typo);
      const auto r = parse_with(cmd.parse, {typo});
      const auto* e = std::get_if<UsageError>(&r);
      REQUIRE(e);
      CHECK(e->message == "unknown option '" + typo + "'");
      CHECK(e->help == "did you mean '" + name + "'?");
    }
}

const Command<icq::cli::Options> icq_cmd{"icq", &icq::cli::option_table, &icq::cli::usage_text, &icq::cli::parse_args};
const Command<icq::fetch::Args> fetch_cmd{"icq fetch", &icq::fetch::option_table, &icq::fetch::usage_text, &icq::fetch::parse_args};
const Command<icq::mcp::Args> mcp_cmd{"icq mcp", &icq::mcp::option_table, &icq::mcp::usage_text, &icq::mcp::parse_args};
const Command<icq::serve::Args> serve_cmd{"icq serve", &icq::serve::option_table, &icq::serve::usage_text, &icq::serve::parse_args};

std::variant<icq::cli::Options, UsageError> parse(const std::vector<std::string>& args) { return parse_with(&icq::cli::parse_args, args); }

}  // namespace

TEST_CASE("every option of each table is in its command's --help, and parses", "[cli]") {
  every_option_in_help_and_parses(icq_cmd);
  every_option_in_help_and_parses(fetch_cmd);
  every_option_in_help_and_parses(mcp_cmd);
  every_option_in_help_and_parses(serve_cmd);
}

TEST_CASE("an option's typo suggests it, from the same table", "[cli]") {
  typos_suggest_the_option(icq_cmd);
  typos_suggest_the_option(fetch_cmd);
  typos_suggest_the_option(mcp_cmd);
  typos_suggest_the_option(serve_cmd);
}

TEST_CASE("what the options set", "[cli]") {
  const auto o = std::get<icq::cli::Options>(parse({"-c", "list gpus", "-f", "-", "x.icq", "--format", "csv", "--chart-log", "y",
                                                    "-Dtarget=75", "--data=d/", "--cache", "c/", "--no-bail", "--strict", "-bail"}));
  REQUIRE(o.inputs.size() == 3);
  CHECK(o.inputs[0].kind == icq::cli::Input::Kind::query);
  CHECK(o.inputs[1].kind == icq::cli::Input::Kind::stdin_);
  CHECK(o.inputs[2].text == "x.icq");
  CHECK(o.format == icq::Format::csv);
  CHECK((!o.log_x && o.log_y));
  CHECK(o.data.params == std::vector<std::pair<std::string, std::string>>{{"target", "75"}});
  CHECK(o.data.data_paths == std::vector<std::string>{"d/"});
  CHECK(o.data.cache == "c/");
  CHECK(o.bail);  // -bail after --no-bail: the last one wins
  CHECK(o.strict);
  CHECK(error_of(parse({"--format", "yaml"})) == "unknown format 'yaml' / formats: table, markdown, csv, json, jsonl, page, svg, html");
  CHECK(error_of(parse({"-D", "75"})) == "option -D needs NAME=VALUE, got '75' / e.g. icq -D target=75 report.icq");
  CHECK(error_of(parse({"--output="})) == "option --output needs a file / e.g. icq --output chart.png -c \"compare ...\"");
}

TEST_CASE("icq fetch: its options, model names and the API's URL", "[cli]") {
  const auto a = std::get<icq::fetch::Args>(
      parse_with(&icq::fetch::parse_args, {"--api=http://x/", "model", "dsr1,qwen3.5", "model", "kimi", "--retries", "0"}));
  CHECK(a.api == "http://x");
  CHECK(a.models == std::vector<std::string>{"dsr1", "qwen3.5", "kimi"});
  CHECK(a.retries == 0);
  CHECK(error_of(parse_with(&icq::fetch::parse_args, {"--timeout", "0"})) ==
        "option --timeout needs whole seconds from 1 to 3600 / e.g. icq fetch --timeout 120");
  CHECK(error_of(parse_with(&icq::fetch::parse_args, {"model"})) == "'model' needs a model name / e.g. icq fetch model dsr1");
  CHECK(error_of(parse_with(&icq::fetch::parse_args, {"dsr1"})).rfind("unexpected word 'dsr1'", 0) == 0);
  CHECK(error_of(parse_with(&icq::fetch::parse_args, {"--api", "ftp://x"})).rfind("the API URL 'ftp://x' is not an http", 0) == 0);
  CHECK(error_of(parse_with(&icq::fetch::parse_args, {"--nope"})) == "unknown option '--nope' / see icq fetch --help");
}

TEST_CASE("icq mcp: its options and the data options it shares with icq", "[cli]") {
  const auto a =
      std::get<icq::mcp::Args>(parse_with(&icq::mcp::parse_args, {"--no-cache", "-D", "t=5", "--timeout", "2.5", "--max-output=100"}));
  CHECK(a.data.no_cache);
  CHECK(a.data.params == std::vector<std::pair<std::string, std::string>>{{"t", "5"}});
  CHECK(a.server.timeout_seconds == 2.5);
  CHECK(a.server.max_output_bytes == 100);
  CHECK(error_of(parse_with(&icq::mcp::parse_args, {"--timeout", "-1"})) ==
        "option --timeout needs a positive number / e.g. icq mcp --timeout 30");
  CHECK(error_of(parse_with(&icq::mcp::parse_args, {"extra"})).rfind("unexpected word 'extra'", 0) == 0);
}

TEST_CASE("icq serve: its options, its limits' bounds and the data options it shares with icq", "[cli]") {
  const auto a =
      std::get<icq::serve::Args>(parse_with(&icq::serve::parse_args, {"--no-cache", "--port", "0", "--host=::1", "--timeout", "0.5",
                                                                      "--max-running", "2", "--scripts", "r/", "--read-timeout", "1.5"}));
  CHECK(a.data.no_cache);
  CHECK(a.listen.port == 0);
  CHECK(a.listen.host == "::1");
  CHECK(a.listen.read_timeout == 1.5);
  CHECK(a.limits.timeout_seconds == 0.5);
  CHECK(a.limits.max_running == 2);
  CHECK(a.scripts == "r/");
  const icq::serve::Args defaults;
  CHECK(defaults.listen.host == "127.0.0.1");  // this machine only, unless told otherwise
  CHECK(error_of(parse_with(&icq::serve::parse_args, {"--port", "65536"})) ==
        "option --port needs a port number from 0 to 65535 / e.g. icq serve --port 8080");
  CHECK(error_of(parse_with(&icq::serve::parse_args, {"--max-query", "8"})).rfind("option --max-query needs a whole number from 16", 0) ==
        0);
  CHECK(error_of(parse_with(&icq::serve::parse_args, {"--timeout", "0"})) ==
        "option --timeout needs a positive number / e.g. icq serve --timeout 30");
  CHECK(error_of(parse_with(&icq::serve::parse_args, {"x"})).rfind("unexpected word 'x'", 0) == 0);
}

TEST_CASE("fetch, mcp and serve after options are commands, with the options before them", "[cli]") {
  const auto o = std::get<icq::cli::Options>(parse({"--cache", "/tmp/c", "fetch", "model", "dsr1"}));
  REQUIRE(o.command == "fetch");
  CHECK(o.command_args == std::vector<std::string>{"--cache", "/tmp/c", "model", "dsr1"});
  CHECK(std::get<icq::cli::Options>(parse({"mcp", "--timeout", "5"})).command == "mcp");
  const auto s = std::get<icq::cli::Options>(parse({"--no-cache", "serve", "--port", "0"}));
  CHECK(s.command == "serve");
  CHECK(s.command_args == std::vector<std::string>{"--no-cache", "--port", "0"});
  // An option's argument is not a command, nor is a word after a script.
  CHECK_FALSE(std::get<icq::cli::Options>(parse({"-c", "fetch"})).command);
  CHECK(std::get<icq::cli::Options>(parse({"-c", "fetch"})).inputs.size() == 1);
  CHECK_FALSE(std::get<icq::cli::Options>(parse({"x.icq", "fetch"})).command);
}
