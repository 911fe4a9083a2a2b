#include "cache_snapshot.hpp"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <mutex>
#include <string_view>

#include "builtin_snapshot.hpp"
#include "data/load.hpp"
#include "data/snapshot.hpp"

namespace icq::interp {

namespace {

constexpr std::string_view kMagic = "ICQCACHE1\n";

// This build: its built-in snapshot changes with the data, the loaders' output and the format.
std::uint64_t build_key() {
  static std::once_flag once;
  static std::uint64_t key = 0;
  std::call_once(once, [] {
    std::uint64_t h = 14695981039346656037ull;
    for (const unsigned char c : builtin_snapshot()) h = (h ^ c) * 1099511628211ull;
    key = h;
  });
  return key;
}

void put(std::string& out, std::uint64_t v) { out.append(reinterpret_cast<const char*>(&v), sizeof v); }
void put(std::string& out, std::string_view s) {
  put(out, static_cast<std::uint64_t>(s.size()));
  out.append(s);
}

// What the snapshot stands for: the build, and each path with its size and modification time.
std::string header(const std::vector<std::string>& paths) {
  std::string h(kMagic);
  put(h, build_key());
  put(h, static_cast<std::uint64_t>(paths.size()));
  for (const auto& p : paths) {
    struct stat st {};
    if (::stat(p.c_str(), &st) != 0) return {};
    put(h, p);
    put(h, static_cast<std::uint64_t>(st.st_size));
    put(h, static_cast<std::uint64_t>(st.st_mtim.tv_sec) * 1000000000ull + static_cast<std::uint64_t>(st.st_mtim.tv_nsec));
  }
  return h;
}

}  // namespace

std::shared_ptr<const data::Dataset> read_cache_snapshot(const std::string& file, const std::vector<std::string>& paths) {
  const std::string want = header(paths);
  if (want.empty()) return nullptr;
  // Mapped, not read: the data set copies what it keeps, and a copy of a large snapshot costs more
  // than reading it.
  const int fd = ::open(file.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return nullptr;
  struct stat st {};
  void* map = ::fstat(fd, &st) == 0 && st.st_size > 0 ? ::mmap(nullptr, static_cast<std::size_t>(st.st_size), PROT_READ, MAP_PRIVATE, fd, 0) : MAP_FAILED;
  ::close(fd);
  if (map == MAP_FAILED) return nullptr;
  const std::string_view bytes(static_cast<const char*>(map), static_cast<std::size_t>(st.st_size));
  std::shared_ptr<const data::Dataset> ds;
  try {
    if (bytes.starts_with(want)) ds = std::make_shared<const data::Dataset>(data::read_snapshot(bytes.substr(want.size())));
  } catch (const data::SnapshotError&) {
    // damaged: the host's files are parsed instead
  }
  ::munmap(map, static_cast<std::size_t>(st.st_size));
  return ds;
}

void write_cache_snapshot(const data::Dataset& ds, const std::vector<std::string>& paths, const std::string& file) {
  const std::string h = header(paths);
  if (h.empty()) throw data::LoadError("cannot write a snapshot of '" + file + "': a data file is missing");
  const std::string tmp = file + ".tmp-" + std::to_string(::getpid());
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    out << h << data::write_snapshot(ds);
    out.close();
    if (!out) {
      std::remove(tmp.c_str());
      throw data::LoadError("cannot write '" + tmp + "': " + std::strerror(errno));
    }
  }
  if (std::rename(tmp.c_str(), file.c_str()) != 0) {
    const int err = errno;
    std::remove(tmp.c_str());
    throw data::LoadError("cannot write '" + file + "': " + std::strerror(err));
  }
}

}  // namespace icq::interp
