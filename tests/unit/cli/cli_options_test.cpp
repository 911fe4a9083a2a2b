// The command line's option table (repl/cli.cpp): every option is in --help, parses with its
// sample argument (alone, as --name=VALUE and as -XVALUE), changes what it should, and a typo of
// it is answered with its name.
#include <catch2/catch.hpp>

#include <string>
#include <variant>
#include <vector>

#include "cli.hpp"

using icq::cli::Options;
using icq::cli::UsageError;

namespace {

std::variant<Options, UsageError> parse(std::vector<std::string> args) {
  args.insert(args.begin(), "icq");
  std::vector<const char*> argv;
  for (const auto& a : args) argv.push_back(a.c_str());
  return icq::cli::parse_args(static_cast<int>(argv.size()), argv.data());
}

std::string error_of(const std::variant<Options, UsageError>& r) {
  const auto* e = std::get_if<UsageError>(&r);
  return e ? e->message + " / " + e->help : "";
}

}  // namespace

TEST_CASE("every option of the table is in --help, and parses", "[cli]") {
  const std::string help = icq::cli::usage_text();
  for (const auto& spec : icq::cli::option_table()) {
    for (const auto& name : spec.names) {
      INFO(name);
      // Shown at the start of its line: "  -h, --help", "  --format FORMAT".
      CHECK(help.find("\n  " + spec.names.front()) != std::string::npos);
      CHECK(help.find(name) != std::string::npos);
      CHECK_FALSE(spec.help.empty());
      std::vector<std::string> args{name};
      if (!spec.arg.empty()) args.push_back(spec.sample);
      const auto r = parse(args);
      REQUIRE(error_of(r) == "");
      // It sets something: it changes the defaults, or (--bail, which is one) undoes --no-bail.
      std::vector<std::string> after_no_bail = args;
      after_no_bail.insert(after_no_bail.begin(), "--no-bail");
      CHECK((!(std::get<Options>(r) == Options{}) || !(std::get<Options>(parse(after_no_bail)) == std::get<Options>(parse({"--no-bail"})))));
      if (spec.arg.empty()) {
        CHECK(error_of(parse({name + "=1"})) != "");  // a flag takes no value
        continue;
      }
      CHECK_FALSE(spec.needs.empty());
      // Without its argument: "option X needs …".
      CHECK(error_of(parse({name})).rfind("option " + name + " needs " + spec.needs, 0) == 0);
      if (name.rfind("--", 0) == 0) CHECK(std::get<Options>(parse({name + "=" + spec.sample})) == std::get<Options>(r));
      else CHECK(std::get<Options>(parse({name + spec.sample})) == std::get<Options>(r));
    }
  }
}

TEST_CASE("an option's typo suggests it, from the same table", "[cli]") {
  for (const auto& spec : icq::cli::option_table())
    for (const auto& name : spec.names) {
      if (name.size() < 6) continue;  // "-c" has too many neighbours to guess
      std::string typo = name;
      std::swap(typo[3], typo[4]);
      if (typo == name) continue;
      INFO(typo);
      const auto r = parse({typo});
      const auto* e = std::get_if<UsageError>(&r);
      REQUIRE(e);
      CHECK(e->message == "unknown option '" + typo + "'");
      CHECK(e->help == "did you mean '" + name + "'?");
    }
}

TEST_CASE("what the options set", "[cli]") {
  const auto o = std::get<Options>(parse({"-c", "list gpus", "-f", "-", "x.icq", "--format", "csv", "--chart-log", "y", "-Dtarget=75",
                                          "--data=d/", "--cache", "c/", "--no-bail", "--strict", "-bail"}));
  REQUIRE(o.inputs.size() == 3);
  CHECK(o.inputs[0].kind == icq::cli::Input::Kind::query);
  CHECK(o.inputs[1].kind == icq::cli::Input::Kind::stdin_);
  CHECK(o.inputs[2].text == "x.icq");
  CHECK(o.format == icq::Format::csv);
  CHECK((!o.log_x && o.log_y));
  CHECK(o.params == std::vector<std::pair<std::string, std::string>>{{"target", "75"}});
  CHECK(o.data_paths == std::vector<std::string>{"d/"});
  CHECK(o.cache == "c/");
  CHECK(o.bail);  // -bail after --no-bail: the last one wins
  CHECK(o.strict);
  CHECK(error_of(parse({"--format", "yaml"})) == "unknown format 'yaml' / formats: table, markdown, csv, json, jsonl, page, svg, html");
  CHECK(error_of(parse({"-D", "75"})) == "option -D needs NAME=VALUE, got '75' / e.g. icq -D target=75 report.icq");
  CHECK(error_of(parse({"--output="})) == "option --output needs a file / e.g. icq --output chart.png -c \"compare ...\"");
}

TEST_CASE("fetch and mcp after options are commands, with the options before them", "[cli]") {
  const auto o = std::get<Options>(parse({"--cache", "/tmp/c", "fetch", "model", "dsr1"}));
  REQUIRE(o.command == "fetch");
  CHECK(o.command_args == std::vector<std::string>{"--cache", "/tmp/c", "model", "dsr1"});
  CHECK(std::get<Options>(parse({"mcp", "--timeout", "5"})).command == "mcp");
  // An option's argument is not a command, nor is a word after a script.
  CHECK_FALSE(std::get<Options>(parse({"-c", "fetch"})).command);
  CHECK(std::get<Options>(parse({"-c", "fetch"})).inputs.size() == 1);
  CHECK_FALSE(std::get<Options>(parse({"x.icq", "fetch"})).command);
}
