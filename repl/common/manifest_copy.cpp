#include "manifest_copy.hpp"

#include <sys/stat.h>

#include <charconv>
#include <cstdint>

namespace icq::fetch {

namespace {

constexpr std::string_view kMagic = "icq manifest 1\n";

void put(std::string& out, std::string_view s) {
  out += std::to_string(s.size());
  out += ':';
  out += s;
}
void put(std::string& out, std::uint64_t n) { put(out, std::to_string(n)); }

// A number as put() writes it: digits, no leading zero (so a copy has one spelling, and reads back
// as it was written).
bool canonical(std::string_view digits) { return !digits.empty() && (digits.size() == 1 || digits.front() != '0'); }

// Reads the fields back in order; once one is missing or malformed every later read fails too.
class Fields {
 public:
  explicit Fields(std::string_view in) : in_(in) {}
  bool text(std::string& s) {
    std::size_t n = 0;
    const char* end = in_.data() + std::min<std::size_t>(in_.size(), 12);
    const auto [at, ec] = std::from_chars(in_.data(), end, n);
    if (!ok_ || ec != std::errc{} || at == in_.data() || at == end || *at != ':' || !canonical(in_.substr(0, at - in_.data())))
      return ok_ = false;
    const auto header = static_cast<std::size_t>(at - in_.data()) + 1;
    if (n > in_.size() - header) return ok_ = false;
    s.assign(in_.substr(header, n));
    in_.remove_prefix(header + n);
    return true;
  }
  template <typename N>
  bool number(N& v) {
    std::string s;
    if (!text(s)) return false;
    const auto [at, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
    if (ec != std::errc{} || at != s.data() + s.size() || !canonical(s)) return ok_ = false;
    return true;
  }
  bool flag(bool& b) {
    unsigned v = 0;
    if (!number(v) || v > 1) return ok_ = false;
    b = v == 1;
    return true;
  }
  [[nodiscard]] bool done() const { return ok_ && in_.empty(); }

 private:
  std::string_view in_;
  bool ok_ = true;
};

}  // namespace

std::string manifest_identity(const std::filesystem::path& capture_json) {
  struct stat st {};
  if (::stat(capture_json.c_str(), &st) != 0) return {};
  return std::to_string(st.st_size) + " " +
         std::to_string(static_cast<std::uint64_t>(st.st_mtim.tv_sec) * 1000000000ull + static_cast<std::uint64_t>(st.st_mtim.tv_nsec));
}

std::string encode_manifest(const Manifest& m, std::string_view identity) {
  std::string out(kMagic);
  put(out, identity);
  put(out, m.api), put(out, m.fetched_at), put(out, m.icq), put(out, m.model_list), put(out, std::uint64_t{m.complete});
  put(out, m.models.size());
  for (const auto& model : m.models) put(out, model);
  put(out, m.endpoints.size());
  for (const auto& e : m.endpoints) {
    put(out, e.file), put(out, e.path), put(out, e.bytes), put(out, e.sha256), put(out, e.etag), put(out, e.last_modified);
    put(out, static_cast<std::uint64_t>(e.rows)), put(out, std::uint64_t{e.not_modified});
  }
  return out;
}

std::optional<Manifest> decode_manifest(std::string_view bytes, std::string_view identity) {
  if (!bytes.starts_with(kMagic)) return std::nullopt;
  Fields in(bytes.substr(kMagic.size()));
  std::string made_from;
  if (!in.text(made_from) || made_from != identity || identity.empty()) return std::nullopt;
  Manifest m;
  std::size_t models = 0, endpoints = 0;
  in.text(m.api), in.text(m.fetched_at), in.text(m.icq), in.text(m.model_list), in.flag(m.complete);
  if (!in.number(models) || models > bytes.size()) return std::nullopt;
  m.models.resize(models);
  for (auto& model : m.models) in.text(model);
  if (!in.number(endpoints) || endpoints > bytes.size()) return std::nullopt;
  m.endpoints.resize(endpoints);
  for (auto& e : m.endpoints) {
    in.text(e.file), in.text(e.path), in.number(e.bytes), in.text(e.sha256), in.text(e.etag), in.text(e.last_modified);
    in.number(e.rows), in.flag(e.not_modified);
    if (!plain_file_name(e.file)) return std::nullopt;
  }
  if (!in.done()) return std::nullopt;
  return m;
}

}  // namespace icq::fetch
