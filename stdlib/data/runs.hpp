#pragma once
// The run a row was measured in: one attempt of a GitHub workflow run, a row of the dashboard
// database's workflow_runs. A line's selected run (SEMANTICS.md §1) is decided among its runs
// by date, then by the order here, which is the database's tie-break between runs of one date
// (latest_benchmarks, migration 009: run_started_at, nulls lowest, then workflow_run_id).
#include <compare>
#include <cstdint>
#include <string>
#include <string_view>

#include "text/dates.hpp"

namespace icq::data {

struct Run {
  std::string url;                          // the API's run_url: html_url + "/attempts/" + attempt ("" = not given)
  std::int64_t started_at = text::kNoTime;  // run_started_at, microseconds since 1970-01-01 UTC
  std::int64_t workflow_run_id = 0;         // the database's workflow_runs.id (0 = not given)
  bool operator==(const Run&) const = default;
};

// The GitHub run and attempt of a run_url ".../actions/runs/<id>/attempts/<n>" (zeros when the
// URL is not of that form).
struct GithubRun {
  std::int64_t id = 0;
  std::int32_t attempt = 0;
};
GithubRun github_run(std::string_view url) noexcept;

// The order of runs of one line on one date, ascending: the last one is the line's run. The
// database's fields first (run_started_at, workflow_run_id; a run without them orders below one
// with them, as `desc nulls last` does); where neither is known (API JSON rarely carries them),
// the GitHub run id and attempt from the URL, which grow with the time a run was started.
bool run_before(const Run& a, const Run& b) noexcept;

// The key that makes two records the same run: the URL, else the database id; "" = no run named.
std::string run_identity(const Run& r);

}  // namespace icq::data
