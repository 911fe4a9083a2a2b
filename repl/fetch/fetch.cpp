#include "fetch.hpp"

#include <fcntl.h>
#include <signal.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <fstream>
#include <iostream>
#include <map>
#include <optional>
#include <random>
#include <set>
#include <sstream>
#include <string>
#include <unordered_set>
#include <variant>
#include <vector>

#include "api_json.hpp"
#include "bootstrap.hpp"
#include "cache.hpp"
#include "capture.hpp"
#include "fetch_models.hpp"
#include "http.hpp"
#include "icq/icq.hpp"
#include "sha256.hpp"

namespace icq::fetch {

namespace fs = std::filesystem;

namespace {

// What ends a fetch: what failed, why, and what to do about it.
struct Failure {
  std::string what, why, help;
};

extern "C" void on_signal(int sig) { g_interrupted = sig; }

std::string signal_words(int sig) {
  return sig == SIGINT    ? "interrupted (SIGINT, Ctrl-C)"
         : sig == SIGTERM ? "terminated (SIGTERM)"
                          : "stopped by signal " + std::to_string(sig);
}

std::string with_commas(std::uint64_t n) {
  std::string s = std::to_string(n);
  for (int i = static_cast<int>(s.size()) - 3; i > 0; i -= 3) s.insert(static_cast<std::size_t>(i), ",");
  return s;
}

std::string megabytes(std::uint64_t bytes) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f MB", static_cast<double>(bytes) / 1e6);
  return buf;
}

bool disk_full(int err) { return err == ENOSPC || err == EDQUOT || err == EFBIG; }
bool not_writable(int err) { return err == EACCES || err == EPERM || err == EROFS; }

std::string cache_help(int err) {
  if (disk_full(err)) return "the cache folder is full: free some space, or give another folder with --cache DIR (or ICQ_CACHE)";
  if (not_writable(err)) return "the cache folder must be writable: fix its permissions, or give another with --cache DIR (or ICQ_CACHE)";
  return "give another cache folder with --cache DIR (or ICQ_CACHE)";
}

// Writes a new file durably (flushed to disk before the capture is renamed into place).
void write_file(const fs::path& p, std::string_view bytes) {
  const int fd = ::open(p.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
  const auto fail = [&](int err) { return Failure{"writing " + p.string(), std::strerror(err), cache_help(err)}; };
  if (fd < 0) throw fail(errno);
  for (std::size_t done = 0; done < bytes.size();) {
    const ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      const int err = n < 0 ? errno : ENOSPC;
      ::close(fd);
      throw fail(err);
    }
    done += static_cast<std::size_t>(n);
  }
  if (::fsync(fd) != 0 || ::close(fd) != 0) throw fail(errno);
}

void sync_dir(const fs::path& p) {
  const int fd = ::open(p.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd >= 0) ::fsync(fd), ::close(fd);
}

std::optional<std::string> read_file(const fs::path& p) {
  std::ifstream f(p, std::ios::binary);
  if (!f) return std::nullopt;
  std::ostringstream ss;
  ss << f.rdbuf();
  return f.bad() ? std::nullopt : std::optional<std::string>(ss.str());
}

// Temporary folders of fetches that were killed outright (SIGKILL, a power cut) are removed by
// the next fetch; a live fetch's folder is left alone.
void remove_stale_temp(const fs::path& cache) {
  std::error_code ec;
  for (fs::directory_iterator it(cache, ec), end; !ec && it != end; it.increment(ec)) {
    const std::string name = it->path().filename().string();
    if (name.rfind("tmp-", 0) != 0) continue;
    const long pid = std::strtol(name.c_str() + 4, nullptr, 10);
    if (pid > 0 && pid != ::getpid() && ::kill(static_cast<pid_t>(pid), 0) != 0 && errno == ESRCH) fs::remove_all(it->path(), ec);
  }
}

// The parsed data a run reads instead of the cache's JSON (cache.hpp, icq.snapshot), written when
// missing or from another build; snapshots of older captures go, as no run reads them. Parsing the
// capture here also reports its data problems once, instead of on every run.
void refresh_snapshot(const fs::path& cache) {
  hosts::DataChoice choice;
  choice.cache = cache.string();
  auto chosen = hosts::reported_session_options(choice, std::time(nullptr), false);
  if (!chosen || chosen->extra_paths.empty()) return;
  icq::SessionOptions so = std::move(*chosen);
  so.refresh_snapshot = false;  // written here, where a failure is said
  so.on_warning = [](const icq::Diagnostic& d) {
    if (d.severity != icq::Severity::note) std::cerr << icq::format_diagnostic(d, false);
  };
  const std::string snapshot = so.extra_snapshot;
  try {
    const icq::Session session(std::move(so));
    if (session.data().snapshot.empty()) session.save_snapshot(snapshot);
  } catch (const icq::Error& e) {
    std::cerr << "icq fetch: note: runs will parse the cache's JSON each time: " << e.what() << "\n";
    return;
  }
  for (const auto& c : list_captures(cache)) {
    std::error_code ec;
    if ((c.dir / "icq.snapshot").string() != snapshot) fs::remove(c.dir / "icq.snapshot", ec);
  }
}

// The temporary folder of this fetch: removed on every way out but a successful rename.
class TempDir {
 public:
  explicit TempDir(const fs::path& cache) {
    std::random_device rd;
    char name[64];
    std::snprintf(name, sizeof name, "tmp-%ld-%08x", static_cast<long>(::getpid()), rd());
    path_ = cache / name;
    if (::mkdir(path_.c_str(), 0755) != 0) {
      const int err = errno;
      path_.clear();
      throw Failure{"creating a temporary folder in the cache " + cache.string(), std::strerror(err), cache_help(err)};
    }
  }
  ~TempDir() {
    std::error_code ec;
    if (!path_.empty()) fs::remove_all(path_, ec);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  [[nodiscard]] const fs::path& path() const { return path_; }
  void release() { path_.clear(); }

 private:
  fs::path path_;
};

// One endpoint to fetch: the file it is kept in, and its path on the API.
struct Job {
  std::string file, path;
};

// Per model: the latest rows, and the history of every sequence the availability lists for it.
std::vector<Job> plan_jobs(const std::vector<std::string>& models, const std::vector<Offer>& offers) {
  std::vector<Job> jobs;
  for (const auto& display : models) {
    const std::string key = file_key(display), q = "?model=" + url_encode(display);
    jobs.push_back({"benchmarks-" + key + ".json", "/api/v1/benchmarks" + q});
    std::set<std::pair<int, int>> seqs;
    bool agentic = false;
    for (const auto& o : offers) {
      if (api_name(o.model) != display) continue;
      if (o.agentic) agentic = true;
      else seqs.insert({o.isl, o.osl});
    }
    for (const auto& [isl, osl] : seqs)
      jobs.push_back({"benchmarks-history-" + key + "-" + std::to_string(isl) + "x" + std::to_string(osl) + ".json",
                      "/api/v1/benchmarks/history" + q + "&isl=" + std::to_string(isl) + "&osl=" + std::to_string(osl)});
    if (agentic)
      jobs.push_back({"benchmarks-history-" + key + "-agentic.json", "/api/v1/benchmarks/history" + q + "&benchmarkType=agentic_traces"});
  }
  jobs.push_back({"evaluations.json", "/api/v1/evaluations"});
  jobs.push_back({"reliability.json", "/api/v1/reliability"});
  return jobs;
}

// The endpoints fetched: their rows and files, and whether each is as the cache already has it.
struct Tally {
  std::size_t rows = 0;
  std::set<std::string> files;
  bool unchanged = false;
};

class Fetch {
 public:
  Fetch(const Args& args, fs::path cache, const fs::path& tmp, const std::vector<Capture>& captures)
      : args_(args), cache_(std::move(cache)), tmp_(tmp), http_(http_options()) {
    for (const auto& f : current_files(captures)) previous_[f.path.filename().string()] = f;
  }

  int run(const std::vector<Capture>& captures);

 private:
  HttpOptions http_options() {
    HttpOptions o;
    o.timeout_s = args_.timeout;
    o.retries = static_cast<int>(args_.retries);
    o.user_agent = std::string("icq/") + ICQ_VERSION_STRING;
    o.on_progress = [this](std::uint64_t received) {
      // libcurl reports many times a second; the line is redrawn at most ten times.
      const auto now = std::chrono::steady_clock::now();
      if (now - drawn_ < std::chrono::milliseconds(100)) return;
      drawn_ = now;
      progress(path_, received);
    };
    return o;
  }
  std::string get(const std::string& file, const std::string& path);
  std::optional<std::string> get_model_list(std::string& why);
  std::vector<std::string> list_models(const std::vector<Offer>& offers);
  std::vector<std::string> choose_models(const std::vector<std::string>& listed) const;
  void fetch_all(const std::vector<Job>& jobs);
  Tally tally() const;
  void report_unchanged(const Tally& t, const Capture& newest, std::time_t now, const std::string& took) const;
  std::size_t count_new_rows() const;
  std::string move_into_place();
  void report_capture(const Tally& t, const std::string& name, std::size_t added, const std::vector<Capture>& captures,
                      const std::string& took) const;
  void progress(const std::string& path, std::uint64_t received) const;
  void check_interrupt(const std::string& path) const {
    if (g_interrupted) throw Failure{"GET " + path, signal_words(g_interrupted), {}};
  }

  const Args& args_;
  fs::path cache_;
  fs::path tmp_;
  Http http_;
  std::map<std::string, CurrentFile> previous_;  // the cache as a run sees it, by file name
  Manifest manifest_;
  std::unordered_set<std::uint64_t> rows_;  // identities of the benchmark rows fetched
  std::uint64_t bytes_ = 0, wire_ = 0;
  std::size_t not_modified_ = 0;
  std::size_t done_ = 0, total_ = 2;
  bool tty_ = ::isatty(STDERR_FILENO) == 1;
  std::string path_;  // the request in progress, for the progress line
  std::chrono::steady_clock::time_point drawn_{};
};

void Fetch::progress(const std::string& path, std::uint64_t received) const {
  if (!tty_) return;
  std::cerr << "\rfetching " << done_ + 1 << "/" << total_ << " " << path.substr(0, 70) << (received ? "  " + megabytes(received) : "")
            << "\x1b[K" << std::flush;
}

// One endpoint into the temporary folder, checked: returns its body. A 304 reuses the previous copy.
std::string Fetch::get(const std::string& file, const std::string& path) {
  check_interrupt(path);
  Request req;
  req.url = args_.api + path;
  const auto prev = previous_.find(file);
  const Endpoint* before = prev != previous_.end() && prev->second.endpoint->path == path ? prev->second.endpoint : nullptr;
  if (before) req.if_none_match = before->etag, req.if_modified_since = before->last_modified;
  path_ = path;
  progress(path, 0);
  auto got = http_.get(req);
  if (auto* err = std::get_if<TransferError>(&got)) {
    if (err->interrupted) check_interrupt(path);
    throw Failure{"GET " + path, err->message + (err->attempts > 1 ? " (after " + std::to_string(err->attempts) + " attempts)" : ""), {}};
  }
  Response& r = std::get<Response>(got);
  Endpoint e;
  e.file = file;
  e.path = path;
  if (r.status == 304 && before) {
    auto body = read_file(prev->second.path);
    if (!body)
      throw Failure{"GET " + path,
                    "the server answered 304 Not Modified, but the cached copy " + prev->second.path.string() + " is unreadable",
                    "remove that capture folder and fetch again"};
    e = *before;
    e.not_modified = true;
    write_file(tmp_ / file, *body);
    manifest_.endpoints.push_back(e);
    bytes_ += body->size();
    ++not_modified_;
    ++done_;
    return std::move(*body);
  }
  const std::string attempts = r.attempts > 1 ? " (after " + std::to_string(r.attempts) + " attempts)" : "";
  if (r.status != 200) {
    const std::string server = error_text(r.body);
    std::string why = "HTTP " + std::to_string(r.status);
    if (!server.empty()) why += ": " + server;
    else if (!r.body.empty()) why += ": " + first_bytes(r.body);
    throw Failure{"GET " + path, why + attempts,
                  r.status == 404 ? "the server does not know this; check --api, or leave the model out" : ""};
  }
  const ArrayCheck check = check_array(r.body);
  if (!check.ok) throw Failure{"GET " + path, check.why + attempts, {}};
  e.bytes = r.body.size();
  e.sha256 = sha256_hex(r.body);
  e.rows = check.rows;
  e.etag = r.etag;
  e.last_modified = r.last_modified;
  write_file(tmp_ / file, r.body);
  manifest_.endpoints.push_back(e);
  bytes_ += r.body.size();
  wire_ += r.wire_bytes;
  ++done_;
  return std::move(r.body);
}

// /api/openapi.json's model enum; null (with why) when it cannot be had, for the fallback.
std::optional<std::string> Fetch::get_model_list(std::string& why) {
  const std::string path = "/api/openapi.json";
  check_interrupt(path);
  progress(path, 0);
  Request req;
  req.url = args_.api + path;
  path_ = path;
  auto got = http_.get(req);
  ++done_;
  if (auto* err = std::get_if<TransferError>(&got)) {
    if (err->interrupted) check_interrupt(path);
    why = err->message;
    return std::nullopt;
  }
  Response& r = std::get<Response>(got);
  if (r.status != 200) {
    why = "HTTP " + std::to_string(r.status);
    return std::nullopt;
  }
  wire_ += r.wire_bytes;
  return std::move(r.body);
}

// The model list: openapi.json's enum of display names, else the availability's DB keys.
std::vector<std::string> Fetch::list_models(const std::vector<Offer>& offers) {
  std::string why;
  std::vector<std::string> listed;
  if (const auto doc = get_model_list(why)) {
    if (auto models = openapi_models(*doc, why)) listed = std::move(*models), manifest_.model_list = "openapi";
  }
  if (listed.empty()) {
    std::set<std::string> names;
    for (const auto& o : offers) names.insert(api_name(o.model));
    listed.assign(names.begin(), names.end());
    manifest_.model_list = "availability";
    std::cerr << "icq fetch: note: no model list from /api/openapi.json (" << why << "); using the models /api/v1/availability lists\n";
  }
  if (listed.empty()) throw Failure{"the model list", "neither /api/openapi.json nor /api/v1/availability names a model", "check --api"};
  return listed;
}

// The models to fetch: every one listed, or those --model names (each once).
std::vector<std::string> Fetch::choose_models(const std::vector<std::string>& listed) const {
  std::vector<std::string> models;
  if (args_.models.empty()) models = listed;
  for (const auto& name : args_.models) {
    const auto m = pick_model(name, listed);
    std::string all;
    for (const auto& l : listed) all += (all.empty() ? "" : ", ") + l;
    if (!m) throw Failure{"model '" + name + "'", "is not among the models the API lists", "the API lists: " + all};
    if (std::find(models.begin(), models.end(), *m) == models.end()) models.push_back(*m);
  }
  return models;
}

void Fetch::fetch_all(const std::vector<Job>& jobs) {
  total_ = done_ + jobs.size();
  for (const auto& j : jobs) {
    const std::string body = get(j.file, j.path);
    if (j.file.rfind("benchmarks", 0) == 0)
      for (const auto id : row_identities(body)) rows_.insert(id);
  }
  if (tty_) std::cerr << "\r\x1b[K" << std::flush;
}

// Nothing new: every endpoint as the cache already has it.
Tally Fetch::tally() const {
  Tally t;
  t.unchanged = !previous_.empty();
  for (const auto& e : manifest_.endpoints) {
    t.rows += e.rows;
    t.files.insert(e.file);
    const auto p = previous_.find(e.file);
    if (p == previous_.end() || p->second.endpoint->sha256 != e.sha256) t.unchanged = false;
  }
  if (manifest_.complete)
    for (const auto& [file, where] : previous_)
      if (!t.files.count(file)) t.unchanged = false;  // a model the API no longer lists
  return t;
}

void Fetch::report_unchanged(const Tally& t, const Capture& newest, std::time_t now, const std::string& took) const {
  const std::time_t then = parse_iso_utc(newest.manifest.fetched_at);
  std::cout << "unchanged since capture " << newest.name << " (fetched " << (then < 0 ? "at an unknown time" : age_words(then, now))
            << "): " << t.files.size() << " files, " << with_commas(t.rows) << " rows"
            << (not_modified_ ? ", " + std::to_string(not_modified_) + " answered 304 Not Modified" : "") << "; no capture added ("
            << cache_.string() << ", " << took << ")\n";
}

// New rows: benchmark rows (configuration, date, concurrency) the cache did not hold.
std::size_t Fetch::count_new_rows() const {
  std::unordered_set<std::uint64_t> before;
  for (const auto& [file, where] : previous_)
    if (file.rfind("benchmarks", 0) == 0)
      if (const auto body = read_file(where.path))
        for (const auto id : row_identities(*body)) before.insert(id);
  std::size_t added = 0;
  for (const auto id : rows_) added += before.count(id) ? 0 : 1;
  return added;
}

// Writes the manifest and renames the temporary folder to the next free capture name; returns the name.
std::string Fetch::move_into_place() {
  write_file(tmp_ / "capture.json", write_manifest(manifest_));
  sync_dir(tmp_);
  check_interrupt("(moving the capture into place)");
  std::error_code ec;
  fs::create_directories(cache_ / "captures", ec);
  if (ec) throw Failure{"creating " + (cache_ / "captures").string(), ec.message(), cache_help(ec.value())};
  std::string name;
  for (;;) {
    name = next_capture_name(cache_, manifest_.fetched_at.substr(0, 10));
    if (::rename(tmp_.c_str(), (cache_ / "captures" / name).c_str()) == 0) break;
    if (errno != EEXIST && errno != ENOTEMPTY) {
      const int err = errno;
      throw Failure{"moving the capture into " + (cache_ / "captures" / name).string(), std::strerror(err), cache_help(err)};
    }
  }
  sync_dir(cache_ / "captures");
  return name;
}

void Fetch::report_capture(const Tally& t, const std::string& name, std::size_t added, const std::vector<Capture>& captures,
                           const std::string& took) const {
  const std::vector<std::string>& models = manifest_.models;
  std::string names;
  for (const auto& m : models) names += (names.empty() ? "" : ", ") + m;
  std::cout << "fetched capture " << name << " from " << args_.api << " into " << (cache_ / "captures" / name).string() << "\n"
            << "  " << models.size() << " model" << (models.size() == 1 ? "" : "s") << " (" << names << "), " << t.files.size()
            << " files, " << with_commas(t.rows) << " rows (" << with_commas(rows_.size()) << " distinct benchmark rows, "
            << (previous_.empty() ? "the first capture" : with_commas(added) + " new since capture " + captures.back().name) << "), "
            << megabytes(bytes_) << " (" << megabytes(wire_) << " transferred), " << took << "\n";
}

int Fetch::run(const std::vector<Capture>& captures) {
  const auto start = std::chrono::steady_clock::now();
  const std::time_t now = std::time(nullptr);
  manifest_.api = args_.api;
  manifest_.fetched_at = iso_utc(now);
  manifest_.icq = ICQ_VERSION_STRING;
  manifest_.complete = args_.models.empty();

  const std::string availability = get("availability.json", "/api/v1/availability");
  const std::vector<Offer> offers = availability_offers(availability);
  manifest_.models = choose_models(list_models(offers));
  fetch_all(plan_jobs(manifest_.models, offers));

  const Tally t = tally();
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  char took[32];
  std::snprintf(took, sizeof took, "%.1f s", seconds);
  if (t.unchanged) {
    report_unchanged(t, captures.back(), now, took);
  } else {
    const std::size_t added = count_new_rows();
    const std::string name = move_into_place();
    report_capture(t, name, added, captures, took);
  }
  refresh_snapshot(cache_);
  return 0;
}

int fail(const Failure& f, const fs::path& cache) {
  if (::isatty(STDERR_FILENO) == 1) std::cerr << "\r\x1b[K" << std::flush;  // the progress line
  std::cerr << "icq fetch: " << f.what << " failed: " << f.why << "\n";
  std::cerr << "help: " << (f.help.empty() ? "" : f.help + "; ") << "nothing was changed"
            << (cache.empty() ? "" : " in the cache " + cache.string()) << "\n";
  // A fetch a signal stopped exits as a shell reports it (130 for Ctrl-C, README's exit codes),
  // whatever the transfer it cut short said.
  return g_interrupted ? 128 + g_interrupted : 2;
}

}  // namespace

int run(const Args& args) {
  const fs::path cache = cache_dir(args.cache);
  if (cache.empty())
    return fail({"finding the cache", "HOME is not set", "give a folder with --cache DIR (or ICQ_CACHE, XDG_CACHE_HOME)"}, cache);

  // SIGINT/SIGTERM abort the transfer in progress; the temporary folder is then removed on the way
  // out. A second signal ends the process at once (the next fetch removes what it left).
  struct sigaction sa {};
  sa.sa_handler = on_signal;
  sigemptyset(&sa.sa_mask);
  sa.sa_flags = SA_RESETHAND;
  sigaction(SIGINT, &sa, nullptr);
  sigaction(SIGTERM, &sa, nullptr);
  // A file-size limit (ulimit -f) makes writes fail with EFBIG, reported like a full disk.
  std::signal(SIGXFSZ, SIG_IGN);

  std::error_code ec;
  const bool existed = fs::exists(cache, ec);
  try {
    if (existed && !fs::is_directory(cache, ec)) throw Failure{"using the cache " + cache.string(), "it is not a folder", cache_help(0)};
    if (!existed) {
      fs::create_directories(cache, ec);
      if (ec) throw Failure{"creating the cache " + cache.string(), ec.message(), cache_help(ec.value())};
    }
    remove_stale_temp(cache);
    const std::vector<Capture> captures = list_captures(cache);
    TempDir tmp(cache);
    Fetch fetch(args, cache, tmp.path(), captures);
    const int code = fetch.run(captures);
    if (!fs::exists(tmp.path(), ec)) tmp.release();  // renamed into captures/
    return code;
  } catch (const Failure& f) {
    if (!existed) fs::remove(cache, ec);  // the folder this fetch created, if still empty
    return fail(f, existed ? cache : fs::path{});
  } catch (const std::exception& e) {
    if (!existed) fs::remove(cache, ec);
    return fail({"the fetch", e.what(), {}}, existed ? cache : fs::path{});
  }
}

}  // namespace icq::fetch
