#include "data/load.hpp"

#include <simdjson.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif

#include <fcntl.h>
#include <fmt/format.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <vector>

#include "data/embedded.hpp"
#include "text/text.hpp"

namespace icq::data {

namespace {

std::string_view trim_front(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\n' || s.front() == '\r')) s.remove_prefix(1);
  if (s.starts_with("\xEF\xBB\xBF")) s.remove_prefix(3);  // UTF-8 byte order mark
  return s;
}

bool looks_like_serving_raw(std::string_view body) {
  const std::string_view head = body.substr(0, 8192);
  return body.starts_with("{") && head.find("\"max_concurrency\"") != std::string_view::npos &&
         head.find("\"total_token_throughput\"") != std::string_view::npos;
}

// A read-only mapping of a whole file; data is null when it cannot be mapped.
struct MappedFile {
  const char* data = nullptr;
  std::size_t size = 0;
  explicit MappedFile(const std::filesystem::path& p) {
    const int fd = ::open(p.string().c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) return;
    struct stat st {};
    if (::fstat(fd, &st) == 0 && st.st_size > 0) {
      void* m = ::mmap(nullptr, static_cast<std::size_t>(st.st_size), PROT_READ, MAP_PRIVATE, fd, 0);
      if (m != MAP_FAILED) {
        ::madvise(m, static_cast<std::size_t>(st.st_size), MADV_SEQUENTIAL);
        data = static_cast<const char*>(m);
        size = static_cast<std::size_t>(st.st_size);
      }
    }
    ::close(fd);
  }
  ~MappedFile() {
    if (data) ::munmap(const_cast<char*>(data), size);
  }
  MappedFile(const MappedFile&) = delete;
  MappedFile& operator=(const MappedFile&) = delete;
};

bool data_extension(const std::filesystem::path& p) {
  const std::string ext = text::lower(p.extension().string());
  return ext == ".json" || ext == ".csv";
}

// `p` (absolute, normal) is `root` or below it: compared component by component, so /data2 is
// not inside /data.
bool inside(const std::filesystem::path& p, const std::filesystem::path& root) {
  return std::mismatch(root.begin(), root.end(), p.begin(), p.end()).first == root.end();
}

std::string roots_text(const LoadRoots& roots) {
  std::vector<std::string> names;
  for (const auto& r : roots) names.push_back(r.string());
  return text::join(names, ", ");
}

// A file the walk found, resolved whole (it exists): a symlink to anywhere else is refused.
void check_file_within(const std::filesystem::path& file, const LoadRoots& roots) {
  std::error_code ec;
  const auto real = std::filesystem::canonical(file, ec);
  if (ec) throw LoadError(fmt::format("cannot read '{}': {}", file.string(), ec.message()));
  if (std::none_of(roots.begin(), roots.end(), [&](const auto& r) { return inside(real, r); }))
    throw LoadError(fmt::format("'{}' leads to '{}', outside the folders this session may load from ({})", file.string(), real.string(),
                                roots_text(roots)),
                    "nothing was loaded; a symbolic link may not lead out of an allowed folder");
}

}  // namespace

void check_within(const std::filesystem::path& path, const LoadRoots& roots) {
  namespace fs = std::filesystem;
  if (roots.empty())
    throw LoadError(fmt::format("cannot load '{}': this session loads no files", path.string()),
                    "the host allows no folder to load from (icq mcp: start it with --allow-load DIR)");
  std::error_code ec;
  fs::path real = fs::absolute(path, ec);
  if (!ec) real = fs::weakly_canonical(real, ec);
  if (ec) throw LoadError(fmt::format("cannot load '{}': {}", path.string(), ec.message()));
  if (std::none_of(roots.begin(), roots.end(), [&](const auto& r) { return inside(real, r); }))
    throw LoadError(fmt::format("cannot load '{}': it is outside the folders this session may load from", path.string()),
                    "the folders allowed: " + roots_text(roots));
}

void load_bytes(DatasetBuilder& builder, std::string name, std::string_view bytes, bool padded, simdjson::dom::parser* parser) {
  const std::string_view body = trim_front(bytes);
  const std::uint32_t source = builder.begin_source(name, "unknown");
  if (body.empty()) {
    builder.skip_source(source, "empty file");
    return;
  }
  if (looks_like_serving_raw(body)) {
    builder.set_format(source, "serving-raw");
    load_serving_raw(builder, source, name, bytes, padded);
  } else if (body.front() == '[' || body.front() == '{') {
    builder.set_format(source, "json");
    load_api_json(builder, source, bytes, padded, parser);
  } else {
    builder.set_format(source, "csv-export");
    load_csv_export(builder, source, bytes);
  }
}

void load_path(DatasetBuilder& builder, const std::filesystem::path& path, const LoadProgress& progress, std::uintmax_t max_file_bytes,
               std::string_view name_prefix, const LoadRoots* within) {
  namespace fs = std::filesystem;
  if (within) check_within(path, *within);
  std::error_code ec;
  const auto status = fs::status(path, ec);
  if (ec || !fs::exists(status)) throw LoadError(fmt::format("cannot read '{}': no such file or directory", path.string()));
  std::vector<fs::path> files;
  if (fs::is_directory(status)) {
    fs::recursive_directory_iterator it(path, fs::directory_options::skip_permission_denied, ec), end;
    if (ec) throw LoadError(fmt::format("cannot read directory '{}': {}", path.string(), ec.message()));
    for (; it != end; it.increment(ec)) {
      if (ec) throw LoadError(fmt::format("cannot read directory '{}': {}", path.string(), ec.message()));
      const auto name = it->path().filename().string();
      if (!name.empty() && name[0] == '.') {
        if (it->is_directory()) it.disable_recursion_pending();
        continue;
      }
      if (it->is_regular_file() && data_extension(it->path())) files.push_back(it->path());
    }
    std::sort(files.begin(), files.end());
    if (files.empty()) throw LoadError(fmt::format("'{}' holds no .json or .csv files", path.string()));
  } else {
    files.push_back(path);
  }
  // Every file is checked before any is read: a refused load adds nothing.
  if (within)
    for (const auto& f : files) check_file_within(f, *within);
  // One read buffer and one JSON parser for all the files: a history split into many large files
  // then pages its buffers in once instead of once per file (that was a third of the load time).
  std::vector<char> buffer;
  simdjson::dom::parser parser;
  for (std::size_t i = 0; i < files.size(); ++i) {
    if (progress) progress(i, files.size(), files[i].string());
    const auto size = fs::file_size(files[i], ec);
    if (!ec && size > max_file_bytes)
      throw LoadError(fmt::format("'{}' is {} bytes; the limit is {} bytes per file", files[i].string(), size, max_file_bytes));
    if (!ec && size > kPieceByPieceAbove) {
      // Large files are read from a read-only mapping of the page cache, unpadded: a large JSON
      // array is parsed piece by piece (each piece copied and padded), the other formats copy or
      // need no padding, so the whole file is never copied into a buffer.
      const MappedFile mapped(files[i]);
      if (!mapped.data) throw LoadError(fmt::format("cannot read '{}'", files[i].string()));
      load_bytes(builder, std::string(name_prefix) + files[i].string(), std::string_view(mapped.data, mapped.size), false, &parser);
      continue;
    }
    std::FILE* f = ec ? nullptr : std::fopen(files[i].string().c_str(), "rb");
    if (!f) throw LoadError(fmt::format("cannot read '{}'", files[i].string()));
    const std::size_t want = static_cast<std::size_t>(size) + simdjson::SIMDJSON_PADDING;
    if (buffer.size() < want) buffer.resize(want);
    const std::size_t got = std::fread(buffer.data(), 1, static_cast<std::size_t>(size), f);
    const bool failed = std::ferror(f) != 0;
    std::fclose(f);
    if (failed || got != size) throw LoadError(fmt::format("cannot read '{}'", files[i].string()));
    std::fill_n(buffer.begin() + static_cast<std::ptrdiff_t>(got), simdjson::SIMDJSON_PADDING, '\0');
    load_bytes(builder, std::string(name_prefix) + files[i].string(), std::string_view(buffer.data(), got), true, &parser);
  }
  if (progress) progress(files.size(), files.size(), {});
}

void release_free_memory() noexcept {
#ifdef __GLIBC__
  malloc_trim(0);
#endif
}

void load_builtin(DatasetBuilder& builder) {
  // Benchmark rows and evaluations; the other captured endpoints (availability, reliability,
  // workflow info) stay embedded but carry nothing a statement reads.
  for (const EmbeddedFile& f : embedded_files()) {
    const std::string_view name = f.name;
    const auto slash = name.find_last_of('/');
    const std::string_view base = name.substr(slash == std::string_view::npos ? 0 : slash + 1);
    if (!base.starts_with("benchmarks") && !base.starts_with("evaluations")) continue;
    load_bytes(builder, fmt::format("built-in:{}", name), f.bytes(), true);
  }
}

}  // namespace icq::data
