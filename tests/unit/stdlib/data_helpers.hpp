#pragma once
// Shared helpers of the data-loader tests: load real files from ICQ_DATA_DIR or inline bytes,
// find rows by configuration, count problems by reason.
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "data/dataset.hpp"
#include "data/load.hpp"
#include "text/dates.hpp"

namespace icq_test {

inline std::string data_path(std::string_view rel) { return std::string(ICQ_DATA_DIR) + "/" + std::string(rel); }

inline icq::data::Dataset load_files(const std::vector<std::string>& rel_paths) {
  icq::data::DatasetBuilder b;
  for (const auto& p : rel_paths) icq::data::load_path(b, data_path(p));
  return std::move(b).finish();
}

inline icq::data::Dataset load_inline(const std::vector<std::pair<std::string, std::string>>& files) {
  icq::data::DatasetBuilder b;
  for (const auto& [name, bytes] : files) icq::data::load_bytes(b, name, bytes);
  return std::move(b).finish();
}

inline std::int32_t day(std::string_view d) { return *icq::text::parse_date(d); }

inline std::vector<const icq::data::Row*> rows_where(const icq::data::Dataset& ds,
                                                     const std::function<bool(const icq::data::Line&, const icq::data::Row&)>& pred) {
  std::vector<const icq::data::Row*> out;
  for (const auto& r : ds.rows())
    if (pred(ds.line_of(r), r)) out.push_back(&r);
  return out;
}

inline std::size_t reason_count(const icq::data::Dataset& ds, const std::string& reason) {
  const auto& m = ds.report().unusable_by_reason;
  const auto it = m.find(reason);
  return it == m.end() ? 0 : it->second;
}

inline std::size_t total_kept(const icq::data::Dataset& ds) {
  std::size_t n = 0;
  for (const auto& s : ds.report().sources) n += s.rows_kept;
  return n;
}

inline bool has_warning_containing(const icq::data::Dataset& ds, std::string_view needle) {
  for (const auto& n : ds.report().notes)
    if (n.find(needle) != std::string::npos) return true;
  for (const auto& w : ds.report().warnings)
    if (w.find(needle) != std::string::npos) return true;
  return false;
}

// One API row (benchmarks.json shape) with the given metrics object body and date member; the
// rest of the configuration is fixed so rows built with the same conc/date are duplicates.
inline std::string api_row(std::string_view metrics, std::string_view date_member = R"("date": "2026-05-01")", int conc = 4,
                           std::string_view hardware = "mi355x") {
  std::string s = R"({"hardware": ")";
  s += hardware;
  s += R"(", "framework": "sglang", "model": "dsr1", "precision": "fp8", "spec_method": "none", )"
       R"("disagg": false, "is_multinode": false, "prefill_tp": 8, "prefill_ep": 1, "prefill_dp_attention": false, )"
       R"("prefill_num_workers": 0, "decode_tp": 8, "decode_ep": 1, "decode_dp_attention": false, "decode_num_workers": 0, )"
       R"("num_prefill_gpu": 8, "num_decode_gpu": 8, "isl": 1024, "osl": 1024, "conc": )";
  s += std::to_string(conc);
  s += ", ";
  if (!date_member.empty()) {
    s += date_member;
    s += ", ";
  }
  s += R"("metrics": {)";
  s += metrics;
  s += "}}";
  return s;
}

inline std::string array_of(const std::vector<std::string>& rows) {
  std::string s = "[";
  for (std::size_t i = 0; i < rows.size(); ++i) s += (i ? ", " : "") + rows[i];
  return s + "]";
}

}  // namespace icq_test
