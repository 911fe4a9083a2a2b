// icq_scale: loads data files through the public API, then runs the benchmark's queries in the warm
// session, and prints one JSON object of measurements (bench/run.sh collects them):
//   load seconds and MB/s, rows, resident memory before and after loading (bytes per row), and for
//   each query the median and minimum wall time of --repeat runs plus its JSON result (so the
//   peers' answers can be checked against icq's).
// With --snapshot FILE the PATHs load over the built-in data as a fetched cache does
// (SessionOptions::extra_paths), FILE their snapshot: the first Session writes it, then --repeat
// Sessions open through it, and their median is snapshot_open_s.
// usage: icq_scale [--repeat N] [--query NAME=TEXT]... [--snapshot FILE] [PATH...]   (no PATH: the built-in data)
#include <icq/render.hpp>
#include <icq/session.hpp>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <string>
#include <utility>
#include <vector>

namespace {

using Clock = std::chrono::steady_clock;

long rss_kib() {
  std::ifstream in("/proc/self/status");
  std::string line;
  while (std::getline(in, line))
    if (line.rfind("VmRSS:", 0) == 0) return std::stol(line.substr(6));
  return -1;
}

std::uintmax_t bytes_of(const std::string& path) {
  namespace fs = std::filesystem;
  if (fs::is_regular_file(path)) return fs::file_size(path);
  std::uintmax_t n = 0;
  if (fs::is_directory(path))
    for (const auto& e : fs::recursive_directory_iterator(path))
      if (e.is_regular_file()) n += e.file_size();
  return n;
}

std::string json_escape(const std::string& s) {
  std::string out;
  for (char c : s) {
    if (c == '"' || c == '\\') out += '\\';
    if (c == '\n') {
      out += "\\n";
      continue;
    }
    out += c;
  }
  return out;
}

int usage() {
  std::fputs("usage: icq_scale [--repeat N] [--query NAME=TEXT]... [--snapshot FILE] [PATH...]\n", stderr);
  return 2;
}

}  // namespace

int main(int argc, char** argv) {
  int repeat = 5;
  std::vector<std::pair<std::string, std::string>> queries;
  std::vector<std::string> paths;
  std::string snapshot;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    if (a == "--repeat" && i + 1 < argc) repeat = std::max(1, std::stoi(argv[++i]));
    else if (a == "--snapshot" && i + 1 < argc) snapshot = argv[++i];
    else if (a == "--query" && i + 1 < argc) {
      const std::string q = argv[++i];
      const auto eq = q.find('=');
      if (eq == std::string::npos) return usage();
      queries.emplace_back(q.substr(0, eq), q.substr(eq + 1));
    } else if (!a.empty() && a[0] == '-') return usage();
    else paths.push_back(a);
  }

  std::uintmax_t bytes = 0;
  for (const auto& p : paths) bytes += bytes_of(p);
  const long rss_before = rss_kib();
  const auto t0 = Clock::now();
  icq::SessionOptions options;
  if (snapshot.empty()) {
    options.data_paths = paths;
  } else {
    options.extra_paths = paths;
    options.extra_snapshot = snapshot;
    options.refresh_snapshot = true;
  }
  icq::Session session(options);
  const double load_s = std::chrono::duration<double>(Clock::now() - t0).count();
  const long rss_after = rss_kib();
  const icq::DataSummary summary = session.data();
  // Opening the same data through the snapshot the first Session wrote.
  std::vector<double> opens;
  for (int r = 0; !snapshot.empty() && r < repeat; ++r) {
    const auto o0 = Clock::now();
    const icq::Session again(options);
    opens.push_back(std::chrono::duration<double>(Clock::now() - o0).count());
    if (r == 0 && again.data().snapshot != snapshot) {
      std::fprintf(stderr, "icq_scale: the snapshot %s was not read back\n", snapshot.c_str());
      return 1;
    }
  }
  std::sort(opens.begin(), opens.end());

  std::printf(
      "{\"paths\": %zu, \"bytes\": %ju, \"rows\": %zu, \"lines\": %zu, \"load_s\": %.6f, \"ingest_mb_s\": %.1f,"
      " \"rss_before_kib\": %ld, \"rss_after_kib\": %ld, \"bytes_per_row\": %.1f, \"snapshot_open_s\": %s, \"queries\": {",
      paths.size(), bytes, summary.rows, summary.lines, load_s, static_cast<double>(bytes) / 1e6 / load_s, rss_before, rss_after,
      summary.rows ? static_cast<double>(rss_after - rss_before) * 1024.0 / static_cast<double>(summary.rows) : 0.0,
      opens.empty() ? "null" : std::to_string(opens[opens.size() / 2]).c_str());
  int status = 0;
  for (std::size_t qi = 0; qi < queries.size(); ++qi) {
    const auto& [name, text] = queries[qi];
    std::vector<double> times;
    std::string result;
    for (int r = 0; r < repeat; ++r) {
      const auto q0 = Clock::now();
      const icq::Outcome out = session.run(text, name);
      times.push_back(std::chrono::duration<double>(Clock::now() - q0).count());
      if (!out.ok()) {
        for (const auto& d : out.diagnostics) std::fputs((icq::format_diagnostic(d, false) + "\n").c_str(), stderr);
        status = 1;
        break;
      }
      if (r == 0 && !out.results.empty()) result = icq::render(out.results.back(), icq::Format::jsonl, {});
    }
    std::sort(times.begin(), times.end());
    while (!result.empty() && result.back() == '\n') result.pop_back();
    std::printf("%s\"%s\": {\"runs\": %zu, \"median_s\": %.9f, \"min_s\": %.9f, \"result\": %s}", qi ? ", " : "", json_escape(name).c_str(),
                times.size(), times[times.size() / 2], times.front(), result.empty() ? "null" : result.c_str());
  }
  std::printf("}}\n");
  return status;
}
