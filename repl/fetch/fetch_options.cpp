#include "fetch_options.hpp"

#include <cstdlib>
#include <sstream>

namespace icq::fetch {

namespace {

constexpr const char* kDefaultApi = "https://inferencex.semianalysis.com";

}  // namespace

std::vector<hosts::Option> option_table(Args& a) {
  using hosts::Option;
  using hosts::UsageError;
  return {
      {{"--api"},
       {},
       "URL",
       "the server (default $ICQ_API, else https://inferencex.semianalysis.com)",
       "a URL",
       "e.g. icq fetch --api http://127.0.0.1:8080",
       "http://127.0.0.1:8080",
       [&a](const Option& self, const std::string& v) -> std::optional<UsageError> {
         if (v.empty()) return hosts::needs(self, self.names.front());
         a.api = v;
         return std::nullopt;
       }},
      {{"--cache"},
       {},
       "DIR",
       "the cache (default $ICQ_CACHE, else $XDG_CACHE_HOME/icq, else ~/.cache/icq)",
       "a folder",
       "e.g. icq fetch --cache ~/icq-cache",
       "icq-cache",
       hosts::set_text(a.cache)},
      {{"--timeout"},
       {},
       "SECONDS",
       "limit per request (default 60; connecting is limited to 10)",
       "whole seconds from 1 to 3600",
       "e.g. icq fetch --timeout 120",
       "120",
       hosts::set_whole(a.timeout, 1, 3600)},
      {{"--retries"},
       {},
       "N",
       "attempts after the first on 429, 5xx and timeouts (default 4, backoff 1, 2, 4, 8 s)",
       "a count from 0 to 10",
       "e.g. icq fetch --retries 2",
       "2",
       hosts::set_whole(a.retries, 0, 10)},
      {{"-h", "--help"}, {}, "", "print this help", "", "", "", hosts::set_flag(a.help)},
  };
}

std::string usage_text() {
  Args unused;
  return "usage: icq fetch [--api URL] [--cache DIR] [--timeout SECONDS] [--retries N] [model NAME ...]\n"
         "\n"
         "Downloads the InferenceX API (the model list, then per model its benchmarks and the history of each\n"
         "sequence, plus evaluations, availability and reliability) into a new dated capture of the cache.\n"
         "Nothing is kept unless every endpoint answered with valid JSON; an unchanged API adds no capture.\n"
         "\n"
         "options:\n" +
         hosts::options_help(option_table(unused)) +
         "  model NAME ...             only these models (a DB key, an alias or a display name: model dsr1 qwen3.5)\n"
         "\n"
         "exit codes: 0 fetched (or unchanged), 2 failed (the cache is left exactly as it was)\n";
}

std::variant<Args, hosts::UsageError> parse_args(int argc, const char* const* argv) {
  Args a;
  bool in_models = false;
  const auto operand = [&](int i, const std::string& word) -> std::variant<hosts::Operand, hosts::UsageError> {
    if (word == "model" || word == "models") {
      in_models = true;
      if (i + 1 >= argc) return hosts::UsageError{"'" + word + "' needs a model name", "e.g. icq fetch model dsr1"};
      return hosts::Operand::taken;
    }
    if (!in_models)
      return hosts::UsageError{"unexpected word '" + word + "'", "icq fetch takes options and `model NAME ...`; see icq fetch --help"};
    // "model dsr1 qwen3.5", "model dsr1,qwen3.5" and "model dsr1 model qwen3.5" all work.
    std::stringstream ss(word);
    for (std::string name; std::getline(ss, name, ',');)
      if (!name.empty()) a.models.push_back(name);
    return hosts::Operand::taken;
  };
  if (auto error = hosts::parse(option_table(a), argc, argv, operand, "icq fetch")) return *error;
  if (a.api.empty()) {
    const char* env = std::getenv("ICQ_API");
    a.api = env && *env ? env : kDefaultApi;
  }
  while (a.api.size() > 1 && a.api.back() == '/') a.api.pop_back();
  if (a.api.rfind("http://", 0) != 0 && a.api.rfind("https://", 0) != 0)
    return hosts::UsageError{"the API URL '" + a.api + "' is not an http:// or https:// URL",
                             "e.g. --api https://inferencex.semianalysis.com"};
  return a;
}

}  // namespace icq::fetch
