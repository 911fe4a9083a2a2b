#include "scripts.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <stdexcept>

namespace icq::serve {

namespace fs = std::filesystem;

Scripts::Scripts(const std::string& dir) {
  std::error_code ec;
  const fs::path canonical = fs::canonical(dir, ec);
  if (ec || !fs::is_directory(canonical, ec)) throw std::runtime_error("--scripts " + dir + ": not a folder");
  dir_ = canonical.string();
}

bool Scripts::valid_name(std::string_view name) {
  if (name.empty() || name.size() > 100) return false;
  return std::all_of(name.begin(), name.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
  });
}

std::optional<std::string> Scripts::read(std::string_view name, std::size_t max_bytes) const {
  if (!valid_name(name)) return std::nullopt;
  std::error_code ec;
  // Links resolved, the file must still be in the folder itself.
  const fs::path file = fs::canonical(fs::path(dir_) / (std::string(name) + ".icq"), ec);
  if (ec || file.parent_path() != fs::path(dir_)) return std::nullopt;
  // O_NOFOLLOW: a link put in place of the resolved file since is not followed.
  const int fd = ::open(file.c_str(), O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
  if (fd < 0) return std::nullopt;
  struct stat st {};
  std::optional<std::string> text;
  if (::fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && static_cast<std::size_t>(st.st_size) <= max_bytes) {
    text.emplace(static_cast<std::size_t>(st.st_size), '\0');
    std::size_t done = 0;
    while (done < text->size()) {
      const ssize_t n = ::read(fd, text->data() + done, text->size() - done);
      if (n <= 0) break;
      done += static_cast<std::size_t>(n);
    }
    text->resize(done);
  }
  ::close(fd);
  return text;
}

std::vector<std::string> Scripts::names() const {
  std::vector<std::string> out;
  std::error_code ec;
  for (fs::directory_iterator it(dir_, ec), end; !ec && it != end; it.increment(ec)) {
    const fs::path& p = it->path();
    if (p.extension() != ".icq" || !valid_name(p.stem().string())) continue;
    std::error_code e2;
    const fs::path file = fs::canonical(p, e2);
    if (!e2 && file.parent_path() == fs::path(dir_) && fs::is_regular_file(file, e2)) out.push_back(p.stem().string());
  }
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace icq::serve
