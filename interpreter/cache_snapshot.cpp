#include "cache_snapshot.hpp"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <memory>
#include <mutex>
#include <string_view>

#include "builtin_snapshot.hpp"
#include "data/load.hpp"
#include "data/snapshot.hpp"

namespace icq::interp {

namespace {

// 2: the header is padded to 8 bytes and the snapshot after it read in place (data/snapshot.hpp);
// 3: the header says whether it stands for files or a database.
// A file of another version does not match its header: it is parsed and written again.
constexpr std::string_view kMagic = "ICQCACHE3\n";

// This build: its built-in snapshot changes with the data, the loaders' output and the format.
// Hashed a word at a time (a run over the cache pays it once): FNV-1a over 64-bit words.
std::uint64_t build_key() {
  static std::once_flag once;
  static std::uint64_t key = 0;
  std::call_once(once, [] {
    const std::string_view b = builtin_snapshot();
    std::uint64_t h = 14695981039346656037ull ^ b.size();
    std::size_t i = 0;
    for (std::uint64_t w = 0; i + 8 <= b.size(); i += 8) {
      std::memcpy(&w, b.data() + i, 8);
      h = (h ^ w) * 1099511628211ull;
    }
    for (; i < b.size(); ++i) h = (h ^ static_cast<unsigned char>(b[i])) * 1099511628211ull;
    key = h;
  });
  return key;
}

void put(std::string& out, std::uint64_t v) { out.append(reinterpret_cast<const char*>(&v), sizeof v); }
void put(std::string& out, std::string_view s) {
  put(out, static_cast<std::uint64_t>(s.size()));
  out.append(s);
}

// What a snapshot of files stands for: each path with its size and modification time; empty when
// one is missing.
std::string files_state(const std::vector<std::string>& paths) {
  std::string h = "files";
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

std::string database_state(const std::string& key) {
  std::string h = "database";
  put(h, key);
  return h;
}

// The header: the build, and what the snapshot stands for.
std::string header(const std::string& stands_for) {
  if (stands_for.empty()) return {};
  std::string h(kMagic);
  put(h, build_key());
  put(h, stands_for);
  h.append((8 - h.size() % 8) % 8, '\0');  // the snapshot starts 8-aligned in the mapped file
  return h;
}

std::shared_ptr<const data::Dataset> read_snapshot_file(const std::string& file, const std::string& stands_for) {
  const std::string want = header(stands_for);
  if (want.empty()) return nullptr;
  // Mapped, not read: the rows' metrics stay in the mapping (the data set keeps it until it goes),
  // and the pages a query never reads are never read from the disk.
  const int fd = ::open(file.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return nullptr;
  struct stat st {};
  void* map = ::fstat(fd, &st) == 0 && st.st_size > 0 ? ::mmap(nullptr, static_cast<std::size_t>(st.st_size), PROT_READ, MAP_PRIVATE, fd, 0)
                                                      : MAP_FAILED;
  ::close(fd);
  if (map == MAP_FAILED) return nullptr;
  const auto size = static_cast<std::size_t>(st.st_size);
  const std::shared_ptr<const void> mapping(map, [size](const void* p) { ::munmap(const_cast<void*>(p), size); });
  const std::string_view bytes(static_cast<const char*>(map), size);
  if (!bytes.starts_with(want)) return nullptr;
  try {
    return std::make_shared<const data::Dataset>(data::read_snapshot_in_place(bytes.substr(want.size()), mapping));
  } catch (const data::SnapshotError&) {
    return nullptr;  // damaged: the host's files are parsed instead
  }
}

void write_snapshot_file(const data::Dataset& ds, const std::string& stands_for, const std::string& file) {
  const std::string h = header(stands_for);
  if (h.empty()) throw data::LoadError("cannot write a snapshot of '" + file + "': a data file is missing");
  const std::string tmp = file + ".tmp-" + std::to_string(::getpid());
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    out << h << data::write_snapshot(ds);
    out.close();
    if (!out) {
      const int err = errno;
      std::remove(tmp.c_str());
      throw data::LoadError("cannot write '" + tmp + "': " + std::strerror(err));
    }
  }
  if (std::rename(tmp.c_str(), file.c_str()) != 0) {
    const int err = errno;
    std::remove(tmp.c_str());
    throw data::LoadError("cannot write '" + file + "': " + std::strerror(err));
  }
}

}  // namespace

std::shared_ptr<const data::Dataset> read_cache_snapshot(const std::string& file, const std::vector<std::string>& paths) {
  return read_snapshot_file(file, files_state(paths));
}

void write_cache_snapshot(const data::Dataset& ds, const std::vector<std::string>& paths, const std::string& file) {
  write_snapshot_file(ds, files_state(paths), file);
}

std::shared_ptr<const data::Dataset> read_database_snapshot(const std::string& file, const std::string& key) {
  return read_snapshot_file(file, database_state(key));
}

void write_database_snapshot(const data::Dataset& ds, const std::string& key, const std::string& file) {
  write_snapshot_file(ds, database_state(key), file);
}

}  // namespace icq::interp
