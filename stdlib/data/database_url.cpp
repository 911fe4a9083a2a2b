#include "data/database_url.hpp"

#include <algorithm>
#include <cctype>

namespace icq::data {

namespace {

constexpr std::string_view kSchemes[] = {"postgresql://", "postgres://"};

std::size_t scheme_length(std::string_view text) noexcept {
  for (std::string_view s : kSchemes)
    if (text.size() >= s.size() &&
        std::equal(s.begin(), s.end(), text.begin(), [](char a, char b) { return a == std::tolower(static_cast<unsigned char>(b)); }))
      return s.size();
  return 0;
}

int hex(char c) noexcept {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// Percent-decoding as libpq does it ('+' stays '+'); an invalid escape is kept as written.
std::string decoded(std::string_view s) {
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '%' && i + 2 < s.size() && hex(s[i + 1]) >= 0 && hex(s[i + 2]) >= 0) {
      out += static_cast<char>(hex(s[i + 1]) * 16 + hex(s[i + 2]));
      i += 2;
    } else {
      out += s[i];
    }
  }
  return out;
}

// The parts of a URL that matter here, as offsets into it. libpq ends the user part at the first
// '@' met before any '/', and the query at the first '?' after the user part.
struct Parts {
  std::size_t user_begin = 0, user_end = 0;          // "user[:password]" (empty range: no '@')
  std::size_t query_begin = std::string_view::npos;  // after '?'
};

Parts parts_of(std::string_view url) {
  Parts p;
  const std::size_t start = scheme_length(url);
  p.user_begin = p.user_end = start;
  std::size_t i = start;
  while (i < url.size() && url[i] != '@' && url[i] != '/') ++i;
  if (i < url.size() && url[i] == '@') p.user_end = i;
  const std::size_t q = url.find('?', p.user_end);
  if (q != std::string_view::npos) p.query_begin = q + 1;
  return p;
}

bool is_password_key(std::string_view param) {
  const auto eq = param.find('=');
  return decoded(param.substr(0, eq)) == "password";
}

// One pass of redact_database_url.
std::string redact_once(std::string_view url) {
  const Parts p = parts_of(url);
  std::string out(url.substr(0, p.user_begin));
  if (p.user_end > p.user_begin) {
    const std::string_view user = url.substr(p.user_begin, p.user_end - p.user_begin);
    out += user.substr(0, user.find(':'));
  }
  const std::size_t rest_end = p.query_begin == std::string_view::npos ? url.size() : p.query_begin - 1;
  out += url.substr(p.user_end, rest_end - p.user_end);
  if (p.query_begin == std::string_view::npos) return out;
  std::string kept;
  std::string_view query = url.substr(p.query_begin);
  while (true) {
    const auto amp = query.find('&');
    const std::string_view param = query.substr(0, amp);
    if (!param.empty() && !is_password_key(param)) kept += (kept.empty() ? "" : "&") + std::string(param);
    if (amp == std::string_view::npos) break;
    query.remove_prefix(amp + 1);
  }
  return kept.empty() ? out : out + "?" + kept;
}

}  // namespace

bool is_database_url(std::string_view text) noexcept { return scheme_length(text) > 0; }

std::string redact_database_url(std::string_view url) {
  // Taking a `password=` parameter out can move where the user part ends (a '/' inside it went), so
  // what is left could read as a password again: again until nothing does. Each pass that finds a
  // secret makes the text shorter.
  std::string out = redact_once(url);
  while (!database_url_secrets(out).empty()) out = redact_once(out);
  return out;
}

std::vector<std::string> database_url_secrets(std::string_view url) {
  std::vector<std::string> out;
  const auto add = [&](std::string_view secret) {
    if (secret.empty()) return;
    out.emplace_back(secret);
    if (std::string d = decoded(secret); d != secret) out.push_back(std::move(d));
  };
  const Parts p = parts_of(url);
  const std::string_view user = url.substr(p.user_begin, p.user_end - p.user_begin);
  if (const auto colon = user.find(':'); colon != std::string_view::npos) add(user.substr(colon + 1));
  if (p.query_begin != std::string_view::npos) {
    std::string_view query = url.substr(p.query_begin);
    while (true) {
      const auto amp = query.find('&');
      const std::string_view param = query.substr(0, amp);
      if (is_password_key(param) && param.find('=') != std::string_view::npos) add(param.substr(param.find('=') + 1));
      if (amp == std::string_view::npos) break;
      query.remove_prefix(amp + 1);
    }
  }
  return out;
}

std::vector<std::string> database_secrets_in(std::string_view text) {
  std::vector<std::string> out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(text[i])) != 'p' || !is_database_url(text.substr(i))) continue;
    std::size_t end = i;
    while (end < text.size() && text[end] != ' ' && text[end] != '\t' && text[end] != '\n' && text[end] != '\r' && text[end] != '"' &&
           text[end] != '\'')
      ++end;
    for (auto& secret : database_url_secrets(text.substr(i, end - i))) out.push_back(std::move(secret));
    i = end;
  }
  return out;
}

std::string scrub_secrets(std::string_view text, const std::vector<std::string>& secrets) {
  // Every byte that belongs to an occurrence of a secret in the original text is covered; covered
  // runs become one "***".
  std::vector<bool> covered(text.size(), false);
  for (const auto& s : secrets) {
    if (s.empty()) continue;
    for (std::size_t at = text.find(s); at != std::string_view::npos; at = text.find(s, at + 1))
      std::fill(covered.begin() + static_cast<std::ptrdiff_t>(at), covered.begin() + static_cast<std::ptrdiff_t>(at + s.size()), true);
  }
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (!covered[i]) {
      out += text[i];
    } else if (i == 0 || !covered[i - 1]) {
      out += "***";
    }
  }
  return out;
}

}  // namespace icq::data
