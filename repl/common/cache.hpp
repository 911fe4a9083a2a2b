#pragma once
// The local cache of `icq fetch` as a run reads it: where it is, its dated captures and their
// capture.json, and the files a run loads from it (repl/fetch/capture.hpp writes them). Layout
// (README "Fetching today's data"):
//   DIR/captures/YYYY-MM-DD[-N]/   one folder per fetch (UTC date; -2, -3 … for more the same day),
//     benchmarks-<key>.json, benchmarks-history-<key>-<isl>x<osl>.json, …-agentic.json,
//     evaluations.json, availability.json, reliability.json   as the API sent them
//     capture.json                 api, fetched_at, and per endpoint path, bytes, sha256, rows, validators
//     icq.manifest                 derived: capture.json's facts, read without a JSON library
//                                  (manifest_copy.hpp), written by the first run that reads it
//     icq.snapshot                 derived: the data a run loads, parsed (newest capture only; any
//                                  build of icq rewrites it on its next fetch, runs ignore a stale one)
//   DIR/tmp-<pid>-<random>/        a fetch in progress; renamed into captures/ only when complete
#include <cstdint>
#include <ctime>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace icq::fetch {

// --cache DIR, else $ICQ_CACHE, else $XDG_CACHE_HOME/icq, else ~/.cache/icq; empty when none applies.
std::filesystem::path cache_dir(const std::optional<std::string>& option);

// One file of a capture as capture.json records it.
struct Endpoint {
  std::string file;  // "benchmarks-dsr1.json"
  std::string path;  // "/api/v1/benchmarks?model=DeepSeek-R1-0528"
  std::uint64_t bytes = 0;
  std::string sha256;
  std::string etag, last_modified;  // validators, when the server sent them
  std::size_t rows = 0;
  bool not_modified = false;  // the server answered 304: the body is the previous capture's
};

struct Manifest {
  std::string api;                  // base URL
  std::string fetched_at;           // "2026-12-01T21:05:03Z"
  std::string icq;                  // version of the icq that fetched it
  std::string model_list;           // "openapi" or "availability": where the model names came from
  std::vector<std::string> models;  // API display names fetched
  bool complete = true;             // every model the API listed (no `model NAME` given)
  std::vector<Endpoint> endpoints;
  [[nodiscard]] const Endpoint* find(std::string_view file) const;
};

std::optional<Manifest> parse_manifest(std::string_view json);

// A name a capture's file may have: a plain name inside its folder, never a path elsewhere.
bool plain_file_name(std::string_view file);

struct Capture {
  std::string name;  // "2026-12-01", "2026-12-01-2"
  std::filesystem::path dir;
  Manifest manifest;
};

// The cache's captures, oldest first (date, then -N); folders that are not one are skipped.
std::vector<Capture> list_captures(const std::filesystem::path& cache);

// A file as a run sees it: the newest complete capture, overlaid by the files of any newer capture
// limited to some models (`icq fetch model dsr1`), newest first.
struct CurrentFile {
  std::filesystem::path path;
  const Capture* capture = nullptr;
  const Endpoint* endpoint = nullptr;
};
std::vector<CurrentFile> current_files(const std::vector<Capture>& captures);

// What the default run loads from the cache, and the note naming it.
struct CachedData {
  std::vector<std::string> files;  // benchmark rows and evaluations (empty answers left out)
  std::string snapshot;            // where the parsed data is kept (SessionOptions::extra_snapshot)
  std::string note;                // "data: built-in snapshot + capture 2026-12-01 (fetched 3 h ago, ~/.cache/icq)"
};
CachedData cached_data(const std::filesystem::path& cache, std::time_t now);

// The time of "2026-12-01T21:05:03Z" (-1 when unreadable).
std::time_t parse_iso_utc(std::string_view s);
// "just now", "12 min ago", "3 h ago", "2 days ago".
std::string age_words(std::time_t then, std::time_t now);

}  // namespace icq::fetch
