#include "data/snapshot.hpp"

#include <sys/mman.h>

#include <cstdint>
#include <cstring>
#include <map>
#include <mutex>
#include <type_traits>
#include <vector>

namespace icq::data {

namespace {

constexpr std::string_view kMagic = "ICQSNAP5";

// A row as the snapshot stores it: Row without its metrics pointer, which the reader sets.
struct DiskRow {
  std::uint32_t line;
  std::int32_t date, conc;
  std::uint32_t source, image, run;
  std::uint64_t present;
};
static_assert(sizeof(DiskRow) == 32 && std::is_trivially_copyable_v<DiskRow>, "the snapshot's row record is 32 bytes");

// An array about to be filled. Large ones ask for transparent huge pages, so writing them takes
// one page fault per 2 MiB instead of one per 4 KiB: the faults were nine tenths of opening a
// million rows (40 MB of Row), 0.23 s with 4 KiB pages, 23 ms with huge pages, on the bench
// machine. Any of 64 KiB or more is populated in one call instead of a fault per page: in the VMs
// icq runs on a fault costs microseconds, and the built-in data's rows and lines were a third of a
// cold compare's 312 page faults.
void prepare_to_fill(const void* p, std::size_t bytes) noexcept {
  constexpr std::uintptr_t kPage = 4096;
  if (bytes < (std::size_t{64} << 10)) return;
  const auto begin = (reinterpret_cast<std::uintptr_t>(p) + kPage - 1) & ~(kPage - 1);
  const auto end = (reinterpret_cast<std::uintptr_t>(p) + bytes) & ~(kPage - 1);
  if (end <= begin) return;
  void* const at = reinterpret_cast<void*>(begin);
#ifdef MADV_HUGEPAGE
  if (bytes >= (std::size_t{4} << 20)) ::madvise(at, end - begin, MADV_HUGEPAGE);
#endif
#ifdef MADV_POPULATE_WRITE
  ::madvise(at, end - begin, MADV_POPULATE_WRITE);  // a kernel before 5.14 refuses it: faults as before
#endif
}

// Both directions walk the same field lists (visit_*), so reader and writer cannot disagree.
class Writer {
 public:
  std::string out;
  template <typename T>
  requires std::is_arithmetic_v<T>
  void field(const T& v) { out.append(reinterpret_cast<const char*>(&v), sizeof v); }
  void field(const std::string& s) {
    field(static_cast<std::uint64_t>(s.size()));
    out.append(s);
  }
  template <typename T, typename F>
  void list(const std::vector<T>& v, F each) {
    field(static_cast<std::uint64_t>(v.size()));
    for (const T& x : v) each(x);
  }
  void map(const std::map<std::string, std::size_t>& m) {
    field(static_cast<std::uint64_t>(m.size()));
    for (const auto& [k, v] : m) field(k), field(static_cast<std::uint64_t>(v));
  }
  // Zeros up to the next offset that is a multiple of 8: the arrays a reader uses in place.
  void align() { out.append((8 - out.size() % 8) % 8, '\0'); }
};

class Reader {
 public:
  explicit Reader(std::string_view in) : in_(in), start_(in.data()) {}
  template <typename T>
  requires std::is_arithmetic_v<T>
  void field(T& v) {
    need(sizeof v);
    std::memcpy(&v, in_.data(), sizeof v);  // the embedded bytes need not be aligned
    in_.remove_prefix(sizeof v);
  }
  void field(std::string& s) {
    const std::size_t n = count();
    need(n);
    s.assign(in_.data(), n);
    in_.remove_prefix(n);
  }
  template <typename T, typename F>
  void list(std::vector<T>& v, F each) {
    const std::size_t n = count();
    v.clear();
    v.reserve(n);
    prepare_to_fill(v.data(), n * sizeof(T));
    v.resize(n);
    for (T& x : v) each(x);
  }
  void map(std::map<std::string, std::size_t>& m) {
    const std::size_t n = count();
    for (std::size_t i = 0; i < n; ++i) {
      std::string k;
      std::uint64_t v = 0;
      field(k), field(v);
      m.emplace(std::move(k), static_cast<std::size_t>(v));
    }
  }
  std::size_t count() {
    std::uint64_t n = 0;
    field(n);
    if (n > in_.size()) throw SnapshotError("snapshot damaged: a count exceeds the bytes left");
    return static_cast<std::size_t>(n);
  }
  std::string_view rest() const { return in_; }
  const char* at() const { return in_.data(); }
  void skip(std::size_t n) {
    need(n);
    in_.remove_prefix(n);
  }
  void align() { skip((8 - static_cast<std::size_t>(in_.data() - start_) % 8) % 8); }
  // The next n * size bytes, as they lie (n was a count(), so the product cannot overflow).
  const char* take(std::size_t n, std::size_t size) {
    need(n * size);
    const char* at = in_.data();
    in_.remove_prefix(n * size);
    return at;
  }

 private:
  void need(std::size_t n) const {
    if (in_.size() < n) throw SnapshotError("snapshot damaged: truncated");
  }
  std::string_view in_;
  const char* start_;
};

// Walks a record's bytes without keeping them (strings are skipped, not copied): the check that
// a record read later is all there.
class Walker {
 public:
  explicit Walker(Reader& r) : r_(r) {}
  template <typename T>
  requires std::is_arithmetic_v<T>
  void field(T&) { r_.skip(sizeof(T)); }
  void field(std::string&) { r_.skip(r_.count()); }

 private:
  Reader& r_;
};

// A change to one of these structs must be mirrored below; the sizes make the build say so.
static_assert(sizeof(Line) == 7 * sizeof(std::string) + 56, "Line changed: update visit_line");
static_assert(sizeof(Row) == 40, "Row changed: update the row fields in SnapshotAccess");
static_assert(sizeof(Run) == sizeof(std::string) + 16, "Run changed: update visit_run");
static_assert(sizeof(SourceReport) == 3 * sizeof(std::string) + 6 * sizeof(std::size_t), "SourceReport changed: update visit_source");

template <typename IO, typename L>
void visit_line(IO& io, L& l) {
  io.field(l.hardware), io.field(l.framework), io.field(l.model), io.field(l.precision), io.field(l.spec_method);
  io.field(l.disagg), io.field(l.is_multinode), io.field(l.prefill_tp), io.field(l.prefill_ep);
  io.field(l.prefill_dp_attention), io.field(l.prefill_num_workers), io.field(l.decode_tp), io.field(l.decode_ep);
  io.field(l.decode_dp_attention), io.field(l.decode_num_workers), io.field(l.num_prefill_gpu), io.field(l.num_decode_gpu);
  io.field(l.isl), io.field(l.osl), io.field(l.benchmark_type), io.field(l.offload_mode);
}

template <typename IO, typename R>
void visit_run(IO& io, R& r) {
  io.field(r.url), io.field(r.started_at), io.field(r.workflow_run_id);
}

template <typename IO, typename E>
void visit_evaluation(IO& io, E& e) {
  visit_line(io, e.line);
  io.field(e.task), io.field(e.date), io.field(e.conc), io.field(e.em_strict), io.field(e.em_strict_se);
  io.field(e.em_flexible), io.field(e.em_flexible_se), io.field(e.n_eff), io.field(e.run_url), io.field(e.source);
}

template <typename IO, typename S>
void visit_source(IO& io, S& s) {
  io.field(s.name), io.field(s.format), io.field(s.rows_read), io.field(s.rows_kept), io.field(s.rows_unusable);
  io.field(s.rows_without_x), io.field(s.rows_synthetic), io.field(s.skipped), io.field(s.skipped_known);
}

template <typename IO, typename R>
void visit_report(IO& io, R& r) {
  io.list(r.sources, [&](auto& s) { visit_source(io, s); });
  io.list(r.problems, [&](auto& p) { io.field(p.source), io.field(p.where), io.field(p.reason); });
  io.map(r.unusable_by_reason);
  io.map(r.ignored_fields);
  io.field(r.duplicates_merged), io.field(r.superseded_attempt_rows), io.field(r.evaluations_merged), io.field(r.conflicting_values);
  io.list(r.warnings, [&](auto& w) { io.field(w); });
  io.list(r.notes, [&](auto& n) { io.field(n); });
}

}  // namespace

struct PendingEvaluations {
  std::once_flag parsed;
  std::string_view bytes;             // checked when the snapshot was read
  std::shared_ptr<const void> owner;  // keeps them alive (null: embedded data)
};

struct SnapshotAccess {
  static std::string write(const Dataset& ds) {
    Writer w;
    w.out.append(kMagic);
    w.list(ds.lines_, [&](const Line& l) { visit_line(w, l); });
    w.field(static_cast<std::uint64_t>(ds.rows_.size()));
    w.align();
    for (const Row& r : ds.rows_) {
      const DiskRow d{r.line, r.date, r.conc, r.source, r.image, r.run, r.present};
      w.out.append(reinterpret_cast<const char*>(&d), sizeof d);
    }
    // Metrics row after row (in memory they may sit in blocks, in arrival order).
    std::uint64_t stored = 0;
    for (const Row& r : ds.rows_) stored += static_cast<std::uint64_t>(bit_count(r.present));
    w.field(stored);
    w.align();
    for (const Row& r : ds.rows_)
      w.out.append(reinterpret_cast<const char*>(r.values), sizeof(double) * static_cast<std::size_t>(bit_count(r.present)));
    w.list(ds.line_begin_, [&](std::size_t b) { w.field(static_cast<std::uint64_t>(b)); });
    w.list(ds.strings_, [&](const std::string& s) { w.field(s); });
    w.list(ds.runs_, [&](const Run& run) { visit_run(w, run); });
    // The evaluations as a section of known length, so a reader may keep them unread (parsed, if still pending).
    Writer evaluations;
    evaluations.list(ds.evaluations(), [&](const Evaluation& e) { visit_evaluation(evaluations, e); });
    w.field(static_cast<std::uint64_t>(evaluations.out.size()));
    w.out.append(evaluations.out);
    visit_report(w, ds.report_);
    return std::move(w.out);
  }

  static Dataset read(std::string_view bytes, bool in_place, std::shared_ptr<const void> owner, bool walk_evaluations = true) {
    if (!bytes.starts_with(kMagic))
      throw SnapshotError(bytes.starts_with("ICQSNAP") ? "not an icq snapshot of this version" : "not an icq snapshot");
    Reader r(bytes);
    r.skip(kMagic.size());
    Dataset ds;
    r.list(ds.lines_, [&](Line& l) { visit_line(r, l); });
    const std::size_t rows = r.count();
    r.align();
    const char* disk_rows = r.take(rows, sizeof(DiskRow));
    ds.rows_.reserve(rows);
    prepare_to_fill(ds.rows_.data(), rows * sizeof(Row));
    for (std::size_t i = 0; i < rows; ++i) {
      DiskRow d;
      std::memcpy(&d, disk_rows + i * sizeof d, sizeof d);
      ds.rows_.push_back(Row{d.line, d.date, d.conc, d.source, d.image, d.run, d.present, nullptr});
    }
    const std::size_t stored = r.count();
    r.align();
    const char* metrics = r.take(stored, sizeof(double));
    // In place when the bytes lie as doubles must (the embedded data and a mapped file start
    // 8-aligned, and the writer aligned the array); copied otherwise.
    const double* values = reinterpret_cast<const double*>(metrics);
    if (!in_place || reinterpret_cast<std::uintptr_t>(metrics) % alignof(double) != 0) {
      ds.values_.reserve(stored);
      prepare_to_fill(ds.values_.data(), stored * sizeof(double));
      ds.values_.resize(stored);
      std::memcpy(ds.values_.data(), metrics, stored * sizeof(double));
      values = ds.values_.data();
    } else {
      ds.storage_ = std::move(owner);
    }
    r.list(ds.line_begin_, [&](std::size_t& b) {
      std::uint64_t v = 0;
      r.field(v);
      b = static_cast<std::size_t>(v);
    });
    r.list(ds.strings_, [&](std::string& s) { r.field(s); });
    r.list(ds.runs_, [&](Run& run) { visit_run(r, run); });
    if (ds.runs_.empty() || !(ds.runs_[0] == Run{})) throw SnapshotError("snapshot damaged: no empty run first");
    read_evaluations(r, ds, in_place, walk_evaluations, owner);
    visit_report(r, ds.report_);
    if (!r.rest().empty()) throw SnapshotError("snapshot damaged: trailing bytes");
    // Attach every row to its metrics and check the structure the queries rely on.
    std::size_t at = 0;
    for (Row& x : ds.rows_) {
      const auto n = static_cast<std::size_t>(bit_count(x.present));
      if (at + n > stored || x.line >= ds.lines_.size() || x.image >= ds.strings_.size() || x.run >= ds.runs_.size() ||
          x.source >= ds.report_.sources.size())
        throw SnapshotError("snapshot damaged: a row points outside the data");
      x.values = values + at;
      at += n;
    }
    if (at != stored || ds.line_begin_.size() != ds.lines_.size() + 1 || ds.line_begin_.back() != ds.rows_.size())
      throw SnapshotError("snapshot damaged: rows and metrics disagree");
    return ds;
  }

  // In place, the evaluations are kept as bytes until Dataset::evaluations() parses them, walked
  // first (so a damaged snapshot is refused here, not at first use) unless `walk` is false: the
  // build's own snapshot, which no one else wrote, skips a tenth of a cold compare's instructions.
  static void read_evaluations(Reader& r, Dataset& ds, bool in_place, bool walk, const std::shared_ptr<const void>& owner) {
    const std::size_t size = r.count();
    const std::string_view bytes(r.take(size, 1), size);
    Reader section(bytes);
    const auto all_read = [&] {
      if (!section.rest().empty()) throw SnapshotError("snapshot damaged: the evaluations' length is wrong");
    };
    if (!in_place) {
      section.list(ds.evaluations_, [&](Evaluation& e) { visit_evaluation(section, e); });
      return all_read();
    }
    if (walk) {
      Walker check(section);
      Evaluation unused;  // names the fields; the walk writes nothing into it
      for (std::size_t i = 0, n = section.count(); i < n; ++i) visit_evaluation(check, unused);
      all_read();
    }
    ds.pending_evaluations_ = std::make_shared<PendingEvaluations>();
    ds.pending_evaluations_->bytes = bytes;
    ds.pending_evaluations_->owner = owner;
  }
};

const std::vector<Evaluation>& Dataset::evaluations() const {
  if (pending_evaluations_)
    std::call_once(pending_evaluations_->parsed, [this] {
      Reader r(pending_evaluations_->bytes);
      r.list(evaluations_, [&](Evaluation& e) { visit_evaluation(r, e); });
    });
  return evaluations_;
}

std::string write_snapshot(const Dataset& ds) { return SnapshotAccess::write(ds); }
Dataset read_snapshot(std::string_view bytes) { return SnapshotAccess::read(bytes, false, nullptr); }
Dataset read_snapshot_in_place(std::string_view bytes, std::shared_ptr<const void> owner) {
  return SnapshotAccess::read(bytes, true, std::move(owner));
}
Dataset read_builtin_snapshot(std::string_view bytes) { return SnapshotAccess::read(bytes, true, nullptr, false); }

}  // namespace icq::data
