#include "data/snapshot.hpp"

#include <bit>
#include <cstdint>
#include <cstring>
#include <map>
#include <type_traits>
#include <vector>

namespace icq::data {

namespace {

constexpr std::string_view kMagic = "ICQSNAP1";

// Both directions walk the same field lists (visit_*), so reader and writer cannot disagree.
class Writer {
 public:
  std::string out;
  template <typename T>
    requires std::is_arithmetic_v<T>
  void field(const T& v) {
    out.append(reinterpret_cast<const char*>(&v), sizeof v);
  }
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
};

class Reader {
 public:
  explicit Reader(std::string_view in) : in_(in) {}
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
  void skip(std::size_t n) {
    need(n);
    in_.remove_prefix(n);
  }

 private:
  void need(std::size_t n) const {
    if (in_.size() < n) throw SnapshotError("snapshot damaged: truncated");
  }
  std::string_view in_;
};

// A change to one of these structs must be mirrored below; the sizes make the build say so.
static_assert(sizeof(Line) == 7 * sizeof(std::string) + 56, "Line changed: update visit_line");
static_assert(sizeof(Row) == 40, "Row changed: update the row fields in SnapshotAccess");
static_assert(sizeof(SourceReport) == 3 * sizeof(std::string) + 5 * sizeof(std::size_t), "SourceReport changed: update visit_source");

template <typename IO, typename L>
void visit_line(IO& io, L& l) {
  io.field(l.hardware), io.field(l.framework), io.field(l.model), io.field(l.precision), io.field(l.spec_method);
  io.field(l.disagg), io.field(l.is_multinode), io.field(l.prefill_tp), io.field(l.prefill_ep);
  io.field(l.prefill_dp_attention), io.field(l.prefill_num_workers), io.field(l.decode_tp), io.field(l.decode_ep);
  io.field(l.decode_dp_attention), io.field(l.decode_num_workers), io.field(l.num_prefill_gpu), io.field(l.num_decode_gpu);
  io.field(l.isl), io.field(l.osl), io.field(l.benchmark_type), io.field(l.offload_mode);
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
  io.field(s.rows_without_x), io.field(s.rows_synthetic), io.field(s.skipped);
}

template <typename IO, typename R>
void visit_report(IO& io, R& r) {
  io.list(r.sources, [&](auto& s) { visit_source(io, s); });
  io.list(r.problems, [&](auto& p) { io.field(p.source), io.field(p.where), io.field(p.reason); });
  io.map(r.unusable_by_reason);
  io.map(r.ignored_fields);
  io.field(r.duplicates_merged), io.field(r.evaluations_merged), io.field(r.conflicting_values);
  io.list(r.warnings, [&](auto& w) { io.field(w); });
  io.list(r.notes, [&](auto& n) { io.field(n); });
}

}  // namespace

struct SnapshotAccess {
  static std::string write(const Dataset& ds) {
    Writer w;
    w.out.append(kMagic);
    w.list(ds.lines_, [&](const Line& l) { visit_line(w, l); });
    w.list(ds.rows_, [&](const Row& r) {
      w.field(r.line), w.field(r.date), w.field(r.conc), w.field(r.source), w.field(r.image), w.field(r.run_url);
      w.field(r.present);
    });
    // Metrics row after row (in memory they may sit in blocks, in arrival order).
    std::uint64_t stored = 0;
    for (const Row& r : ds.rows_) stored += static_cast<std::uint64_t>(std::popcount(r.present));
    w.field(stored);
    for (const Row& r : ds.rows_)
      for (int k = 0; k < std::popcount(r.present); ++k) w.field(r.values[k]);
    w.list(ds.line_begin_, [&](std::size_t b) { w.field(static_cast<std::uint64_t>(b)); });
    w.list(ds.strings_, [&](const std::string& s) { w.field(s); });
    w.list(ds.evaluations_, [&](const Evaluation& e) { visit_evaluation(w, e); });
    visit_report(w, ds.report_);
    return std::move(w.out);
  }

  static Dataset read(std::string_view bytes) {
    if (!bytes.starts_with(kMagic)) throw SnapshotError("not an icq snapshot");
    Reader r(bytes);
    r.skip(kMagic.size());
    Dataset ds;
    r.list(ds.lines_, [&](Line& l) { visit_line(r, l); });
    r.list(ds.rows_, [&](Row& x) {
      r.field(x.line), r.field(x.date), r.field(x.conc), r.field(x.source), r.field(x.image), r.field(x.run_url);
      r.field(x.present);
    });
    r.list(ds.values_, [&](double& v) { r.field(v); });
    r.list(ds.line_begin_, [&](std::size_t& b) {
      std::uint64_t v = 0;
      r.field(v);
      b = static_cast<std::size_t>(v);
    });
    r.list(ds.strings_, [&](std::string& s) { r.field(s); });
    r.list(ds.evaluations_, [&](Evaluation& e) { visit_evaluation(r, e); });
    visit_report(r, ds.report_);
    if (!r.rest().empty()) throw SnapshotError("snapshot damaged: trailing bytes");
    // Attach every row to its metrics and check the structure the queries rely on.
    std::size_t at = 0;
    for (Row& x : ds.rows_) {
      const auto n = static_cast<std::size_t>(std::popcount(x.present));
      if (at + n > ds.values_.size() || x.line >= ds.lines_.size() || x.image >= ds.strings_.size() ||
          x.run_url >= ds.strings_.size() || x.source >= ds.report_.sources.size())
        throw SnapshotError("snapshot damaged: a row points outside the data");
      x.values = ds.values_.data() + at;
      at += n;
    }
    if (at != ds.values_.size() || ds.line_begin_.size() != ds.lines_.size() + 1 || ds.line_begin_.back() != ds.rows_.size())
      throw SnapshotError("snapshot damaged: rows and metrics disagree");
    return ds;
  }
};

std::string write_snapshot(const Dataset& ds) { return SnapshotAccess::write(ds); }
Dataset read_snapshot(std::string_view bytes) { return SnapshotAccess::read(bytes); }

}  // namespace icq::data
