#include "data/runs.hpp"

#include <tuple>

namespace icq::data {

namespace {

// The digits at the start of s as a number (0 when none, or too many to be a run id).
std::int64_t leading_number(std::string_view s) noexcept {
  std::int64_t v = 0;
  std::size_t n = 0;
  for (; n < s.size() && s[n] >= '0' && s[n] <= '9'; ++n) {
    if (n == 18) return 0;
    v = v * 10 + (s[n] - '0');
  }
  return n ? v : 0;
}

}  // namespace

GithubRun github_run(std::string_view url) noexcept {
  constexpr std::string_view kRuns = "/actions/runs/", kAttempts = "/attempts/";
  const auto at = url.find(kRuns);
  if (at == std::string_view::npos) return {};
  const std::string_view rest = url.substr(at + kRuns.size());
  const auto slash = rest.find(kAttempts);
  if (slash == std::string_view::npos) return {};
  const std::int64_t id = leading_number(rest);
  const std::int64_t attempt = leading_number(rest.substr(slash + kAttempts.size()));
  if (id == 0 || std::to_string(id).size() != slash || attempt <= 0 || attempt > INT32_MAX) return {};
  return {id, static_cast<std::int32_t>(attempt)};
}

bool run_before(const Run& a, const Run& b) noexcept {
  const GithubRun ga = github_run(a.url), gb = github_run(b.url);
  return std::tie(a.started_at, a.workflow_run_id, ga.id, ga.attempt, a.url) <
         std::tie(b.started_at, b.workflow_run_id, gb.id, gb.attempt, b.url);
}

std::string run_identity(const Run& r) {
  if (!r.url.empty()) return r.url;
  return r.workflow_run_id ? "#" + std::to_string(r.workflow_run_id) : std::string();
}

}  // namespace icq::data
