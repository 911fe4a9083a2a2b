#include "http.hpp"

#include <curl/curl.h>

#include <algorithm>
#include <cctype>
#include <chrono>
#include <cstdlib>
#include <string_view>
#include <thread>

namespace icq::fetch {

volatile std::sig_atomic_t g_interrupted = 0;

namespace {

constexpr std::size_t kMaxBody = std::size_t{1} << 30;  // one response; the API's largest is tens of MB
constexpr long kMaxRetryAfter = 60;                     // seconds: a server may not park us longer
constexpr long kMaxBackoffMs = 30000;

bool iequals_prefix(std::string_view line, std::string_view name) {
  if (line.size() < name.size()) return false;
  for (std::size_t i = 0; i < name.size(); ++i)
    if (std::tolower(static_cast<unsigned char>(line[i])) != std::tolower(static_cast<unsigned char>(name[i]))) return false;
  return true;
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == '\r' || s.back() == '\n' || s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

// Curl errors worth another attempt: the server or the network may do better in a moment.
bool transient(CURLcode c) {
  switch (c) {
    case CURLE_OPERATION_TIMEDOUT:
    case CURLE_PARTIAL_FILE:
    case CURLE_RECV_ERROR:
    case CURLE_SEND_ERROR:
    case CURLE_GOT_NOTHING:
    case CURLE_BAD_CONTENT_ENCODING:
    case CURLE_HTTP2:
    case CURLE_HTTP2_STREAM: return true;
    default: return false;
  }
}

// Sleeps up to `ms`, waking early when a signal asks the fetch to stop.
void wait_ms(long ms) {
  const auto end = std::chrono::steady_clock::now() + std::chrono::milliseconds(ms);
  while (!g_interrupted && std::chrono::steady_clock::now() < end) std::this_thread::sleep_for(std::chrono::milliseconds(50));
}

struct Attempt {
  std::string body;
  std::string etag, last_modified, retry_after;
  bool too_large = false;
  const HttpOptions* options = nullptr;
};

std::size_t on_body(char* data, std::size_t size, std::size_t n, void* user) {
  auto* a = static_cast<Attempt*>(user);
  if (g_interrupted) return 0;
  if (a->body.size() + size * n > kMaxBody) {
    a->too_large = true;
    return 0;
  }
  a->body.append(data, size * n);
  return size * n;
}

std::size_t on_header(char* data, std::size_t size, std::size_t n, void* user) {
  auto* a = static_cast<Attempt*>(user);
  const std::string_view line(data, size * n);
  // A new status line (a redirect, a 100 Continue before the answer): its headers replace the last.
  if (line.starts_with("HTTP/")) a->etag.clear(), a->last_modified.clear(), a->retry_after.clear();
  const auto value = [&](std::string_view name) { return std::string(trim(line.substr(name.size()))); };
  if (iequals_prefix(line, "etag:")) a->etag = value("etag:");
  else if (iequals_prefix(line, "last-modified:")) a->last_modified = value("last-modified:");
  else if (iequals_prefix(line, "retry-after:")) a->retry_after = value("retry-after:");
  return size * n;
}

int on_transfer(void* user, curl_off_t, curl_off_t now, curl_off_t, curl_off_t) {
  auto* a = static_cast<Attempt*>(user);
  if (g_interrupted) return 1;  // aborts the transfer (CURLE_ABORTED_BY_CALLBACK)
  if (a->options->on_progress) a->options->on_progress(static_cast<std::uint64_t>(now));
  return 0;
}

// Retry-After in seconds (the HTTP-date form falls back to the backoff), capped.
long retry_after_ms(const std::string& v) {
  if (v.empty() || !std::all_of(v.begin(), v.end(), [](char c) { return c >= '0' && c <= '9'; })) return -1;
  return std::min(std::strtol(v.c_str(), nullptr, 10), kMaxRetryAfter) * 1000;
}

std::string words(CURLcode c, const char* detail, long timeout_s) {
  const std::string why = *detail ? detail : curl_easy_strerror(c);
  switch (c) {
    case CURLE_OPERATION_TIMEDOUT: return "timeout: no complete answer within " + std::to_string(timeout_s) + " s (" + why + ")";
    case CURLE_PARTIAL_FILE: return "truncated body: " + why;
    case CURLE_BAD_CONTENT_ENCODING: return "damaged gzip body: " + why;
    case CURLE_COULDNT_CONNECT: return "cannot connect: " + why;
    case CURLE_COULDNT_RESOLVE_HOST: return "unknown host: " + why;
    default: return why;
  }
}

}  // namespace

struct Http::Impl {
  HttpOptions options;
  CURL* curl = nullptr;
};

Http::Http(HttpOptions options) : impl_(std::make_unique<Impl>()) {
  impl_->options = std::move(options);
  curl_global_init(CURL_GLOBAL_DEFAULT);
  impl_->curl = curl_easy_init();
}

Http::~Http() {
  if (impl_->curl) curl_easy_cleanup(impl_->curl);
  curl_global_cleanup();
}

std::variant<Response, TransferError> Http::get(const Request& request) {
  CURL* h = impl_->curl;
  const HttpOptions& o = impl_->options;
  if (!h) return TransferError{"libcurl could not be initialised"};
  for (int attempt = 1;; ++attempt) {
    Attempt a;
    a.options = &o;
    char detail[CURL_ERROR_SIZE] = "";
    // Reset keeps the live connection (and the DNS cache) for the next request to the same server.
    curl_easy_reset(h);
    curl_easy_setopt(h, CURLOPT_URL, request.url.c_str());
    curl_easy_setopt(h, CURLOPT_USERAGENT, o.user_agent.c_str());
    curl_easy_setopt(h, CURLOPT_ACCEPT_ENCODING, "");  // every encoding libcurl decodes; the API sends gzip
    curl_easy_setopt(h, CURLOPT_CONNECTTIMEOUT, o.connect_timeout_s);
    curl_easy_setopt(h, CURLOPT_TIMEOUT, o.timeout_s);
    curl_easy_setopt(h, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(h, CURLOPT_FOLLOWLOCATION, 1L);
    curl_easy_setopt(h, CURLOPT_MAXREDIRS, 5L);
#if LIBCURL_VERSION_NUM >= 0x075500
    curl_easy_setopt(h, CURLOPT_PROTOCOLS_STR, "http,https");
    curl_easy_setopt(h, CURLOPT_REDIR_PROTOCOLS_STR, "http,https");
#endif
    curl_easy_setopt(h, CURLOPT_ERRORBUFFER, detail);
    curl_easy_setopt(h, CURLOPT_WRITEFUNCTION, on_body);
    curl_easy_setopt(h, CURLOPT_WRITEDATA, &a);
    curl_easy_setopt(h, CURLOPT_HEADERFUNCTION, on_header);
    curl_easy_setopt(h, CURLOPT_HEADERDATA, &a);
    curl_easy_setopt(h, CURLOPT_NOPROGRESS, 0L);
    curl_easy_setopt(h, CURLOPT_XFERINFOFUNCTION, on_transfer);
    curl_easy_setopt(h, CURLOPT_XFERINFODATA, &a);
    curl_slist* headers = curl_slist_append(nullptr, "Accept: application/json");
    if (!request.if_none_match.empty()) headers = curl_slist_append(headers, ("If-None-Match: " + request.if_none_match).c_str());
    if (!request.if_modified_since.empty())
      headers = curl_slist_append(headers, ("If-Modified-Since: " + request.if_modified_since).c_str());
    curl_easy_setopt(h, CURLOPT_HTTPHEADER, headers);
    const CURLcode rc = curl_easy_perform(h);
    curl_slist_free_all(headers);

    if (g_interrupted) return TransferError{"interrupted", attempt, true};
    const bool last = attempt > o.retries;
    if (rc != CURLE_OK) {
      if (a.too_large) return TransferError{"body larger than 1 GiB", attempt};
      if (!transient(rc) || last) return TransferError{words(rc, detail, o.timeout_s), attempt};
      wait_ms(std::min(1000L << (attempt - 1), kMaxBackoffMs));
      continue;
    }
    Response r;
    curl_easy_getinfo(h, CURLINFO_RESPONSE_CODE, &r.status);
    if ((r.status == 429 || r.status >= 500) && !last) {
      const long hinted = retry_after_ms(a.retry_after);
      wait_ms(hinted >= 0 ? hinted : std::min(1000L << (attempt - 1), kMaxBackoffMs));
      if (g_interrupted) return TransferError{"interrupted", attempt, true};
      continue;
    }
    char* type = nullptr;
    if (curl_easy_getinfo(h, CURLINFO_CONTENT_TYPE, &type) == CURLE_OK && type) r.content_type = type;
    curl_off_t wire = 0;
    if (curl_easy_getinfo(h, CURLINFO_SIZE_DOWNLOAD_T, &wire) == CURLE_OK) r.wire_bytes = static_cast<std::uint64_t>(wire);
    r.body = std::move(a.body);
    r.etag = std::move(a.etag);
    r.last_modified = std::move(a.last_modified);
    r.attempts = attempt;
    return r;
  }
}

std::string url_encode(std::string_view s) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (const unsigned char c : s) {
    if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '.' || c == '_' || c == '~') {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 0xF];
    }
  }
  return out;
}

}  // namespace icq::fetch
