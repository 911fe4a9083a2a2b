#pragma once
// Shared helpers of the interpreter tests: small synthetic data sets written as InferenceX API
// rows (../shared/data/inferencex/README.md "The API row") into a temporary directory, a Session
// on them, accessors into a Comparison, and a small JSON reader that keeps key order (so the
// tests can check the JSON shape of LANGUAGE.md exactly).
//
// The rows built here are test inputs with hand-picked round numbers, not benchmark results.
#include <fmt/format.h>
#include <unistd.h>
#include <catch2/catch.hpp>

#include <algorithm>
#include <atomic>
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <limits>
#include <map>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "icq/icq.hpp"

namespace icq_test {

// One API row. x (median_intvty) NaN means "absent" (the row is written without it).
struct ApiRow {
  double x = 0, y = 0;
  int conc_ = 1;
  std::string date_ = "2026-05-01";
  std::string hw_ = "mi355x", fw_ = "sglang", model_ = "dsr1", prec_ = "fp8", spec_ = "none";
  int tp_ = 8, ep_ = 1, isl_ = 1024, osl_ = 1024;
  bool disagg_ = false;
  std::string offload_ = "off";
  std::string run_ = "", started_ = "";                // run_url and run_started_at ("" = left out)
  long long workflow_run_id_ = 0;                      // 0 = left out
  std::vector<std::pair<std::string, double>> extra_;  // further metrics

  ApiRow& date(std::string d) { return date_ = std::move(d), *this; }
  ApiRow& gpu(std::string g) { return hw_ = std::move(g), *this; }
  ApiRow& framework(std::string f) { return fw_ = std::move(f), *this; }
  ApiRow& model(std::string m) { return model_ = std::move(m), *this; }
  ApiRow& prec(std::string p) { return prec_ = std::move(p), *this; }
  ApiRow& spec(std::string s) { return spec_ = std::move(s), *this; }
  ApiRow& tp(int t) { return tp_ = t, *this; }
  ApiRow& ep(int e) { return ep_ = e, *this; }
  ApiRow& disagg(bool d = true) { return disagg_ = d, *this; }
  ApiRow& seq(int isl, int osl) { return isl_ = isl, osl_ = osl, *this; }
  ApiRow& metric(std::string name, double v) { return extra_.emplace_back(std::move(name), v), *this; }
  ApiRow& offload(std::string o) { return offload_ = std::move(o), *this; }
  // The run: GitHub run `id` attempt `attempt` (its run_url), and the database's fields when given.
  ApiRow& run(long long id, int attempt = 1) {
    return run_ = fmt::format("https://github.com/SemiAnalysisAI/InferenceX/actions/runs/{}/attempts/{}", id, attempt), *this;
  }
  ApiRow& started(std::string at) { return started_ = std::move(at), *this; }
  ApiRow& workflow_run_id(long long id) { return workflow_run_id_ = id, *this; }

  [[nodiscard]] std::string json() const {
    std::string m = fmt::format(R"("tput_per_gpu": {})", y);
    if (!std::isnan(x)) m += fmt::format(R"(, "median_intvty": {})", x);
    for (const auto& [k, v] : extra_) m += fmt::format(R"(, "{}": {})", k, v);
    return fmt::format(
        R"({{"hardware": "{}", "framework": "{}", "model": "{}", "precision": "{}", "spec_method": "{}", )"
        R"("disagg": {}, "is_multinode": false, "prefill_tp": {}, "prefill_ep": {}, "prefill_dp_attention": false, )"
        R"("prefill_num_workers": 0, "decode_tp": {}, "decode_ep": {}, "decode_dp_attention": false, "decode_num_workers": 0, )"
        R"("num_prefill_gpu": {}, "num_decode_gpu": {}, "isl": {}, "osl": {}, "conc": {}, "image": "test-image", )"
        R"("offload_mode": "{}", "date": "{}", {}"metrics": {{{}}}}})",
        hw_, fw_, model_, prec_, spec_, disagg_ ? "true" : "false", tp_, ep_, tp_, ep_, tp_, tp_, isl_, osl_, conc_, offload_, date_,
        run_fields(), m);
  }
  [[nodiscard]] std::string run_fields() const {
    std::string s;
    if (!run_.empty()) s += fmt::format(R"("run_url": "{}", )", run_);
    if (!started_.empty()) s += fmt::format(R"("run_started_at": "{}", )", started_);
    if (workflow_run_id_) s += fmt::format(R"("workflow_run_id": {}, )", workflow_run_id_);
    return s;
  }
};

// A row at interactivity x with total throughput y per GPU and concurrency conc.
inline ApiRow row(double x, double y, int conc) {
  ApiRow r;
  r.x = x, r.y = y, r.conc_ = conc;
  return r;
}
inline ApiRow row_without_x(double y, int conc) { return row(std::numeric_limits<double>::quiet_NaN(), y, conc); }

inline std::string rows_json(const std::vector<ApiRow>& rows) {
  std::string s = "[\n";
  for (std::size_t i = 0; i < rows.size(); ++i) s += (i ? ",\n" : "") + rows[i].json();
  return s + "\n]\n";
}

// A temporary directory holding data files; removed again on destruction.
class TempData {
 public:
  TempData() {
    static std::atomic<int> counter{0};
    dir_ = std::filesystem::temp_directory_path() / fmt::format("icq-interp-test-{}-{}-{}", ::getpid(), counter++, std::rand());
    std::filesystem::create_directories(dir_);
  }
  explicit TempData(const std::vector<ApiRow>& rows, const std::string& name = "benchmarks.json") : TempData() { add(name, rows); }
  ~TempData() {
    std::error_code ec;
    std::filesystem::remove_all(dir_, ec);
  }
  TempData(const TempData&) = delete;
  TempData& operator=(const TempData&) = delete;

  void add(const std::string& name, const std::vector<ApiRow>& rows) { write(name, rows_json(rows)); }
  void write(const std::string& name, const std::string& bytes) {
    std::ofstream f(dir_ / name, std::ios::binary);
    f << bytes;
  }
  [[nodiscard]] std::string path() const { return dir_.string(); }
  [[nodiscard]] icq::Session session() const {
    icq::SessionOptions o;
    o.data_paths = {path()};
    return icq::Session(std::move(o));
  }

 private:
  std::filesystem::path dir_;
};

inline std::string diagnostics_text(const icq::Outcome& out) {
  std::string s;
  for (const auto& d : out.diagnostics) s += icq::format_diagnostic(d);
  return s;
}

// The one result of an outcome that must have succeeded with exactly one.
inline const icq::Result& only(const icq::Outcome& out) {
  INFO(diagnostics_text(out));
  REQUIRE(out.ok());
  REQUIRE(out.results.size() == 1);
  return out.results.front();
}

// Runs one statement that must succeed and returns its result.
inline icq::Result run_ok(icq::Session& s, const std::string& query) {
  const icq::Outcome out = s.run(query);
  INFO(query);
  INFO(diagnostics_text(out));
  REQUIRE(out.ok());
  REQUIRE(out.results.size() == 1);
  return out.results.front();
}

// Runs one statement that must fail with a query error and returns the diagnostic.
inline icq::Diagnostic run_error(icq::Session& s, const std::string& query) {
  const icq::Outcome out = s.run(query);
  INFO(query);
  REQUIRE_FALSE(out.ok());
  REQUIRE(out.diagnostics.size() == 1);
  REQUIRE(out.exit_code() == 1);
  return out.diagnostics.front();
}

inline const icq::Comparison& comparison(const icq::Result& r) {
  REQUIRE(r.comparison.has_value());
  return *r.comparison;
}

// A side's measured interactivity range; it must have one.
inline std::pair<double, double> range_of(const icq::SideSummary& s) {
  REQUIRE(s.range.has_value());
  return *s.range;
}

inline const icq::SideSummary& side(const icq::Comparison& c, std::string_view label) {
  for (const auto& s : c.sides)
    if (s.label == label) return s;
  FAIL("no side " << label);
  throw std::logic_error("unreachable");
}

inline std::size_t metric_index(const icq::Comparison& c, std::string_view key) {
  for (std::size_t i = 0; i < c.metrics.size(); ++i)
    if (c.metrics[i].key == key) return i;
  FAIL("no metric " << key);
  return 0;
}

inline bool has_metric(const icq::Comparison& c, std::string_view key) {
  for (const auto& m : c.metrics)
    if (m.key == key) return true;
  return false;
}

inline const icq::SideValue& side_value(const icq::Comparison& c, std::size_t target, std::string_view label) {
  REQUIRE(target < c.targets.size());
  for (const auto& v : c.targets[target].values)
    if (v.side == label) return v;
  FAIL("no value for side " << label);
  throw std::logic_error("unreachable");
}

// The value of metric `key` for side `label` at the target with index `target`.
inline std::optional<double> value(const icq::Comparison& c, std::size_t target, std::string_view label, std::string_view key) {
  return side_value(c, target, label).values.at(metric_index(c, key));
}

inline icq::Status status(const icq::Comparison& c, std::size_t target, std::string_view label) {
  return side_value(c, target, label).status;
}

inline std::vector<double> targets_of(const icq::Comparison& c) {
  std::vector<double> t;
  for (const auto& x : c.targets) t.push_back(x.interactivity);
  return t;
}

inline bool contains(std::string_view haystack, std::string_view needle) { return haystack.find(needle) != std::string_view::npos; }

inline bool any_contains(const std::vector<std::string>& v, std::string_view needle) {
  for (const auto& s : v)
    if (contains(s, needle)) return true;
  return false;
}

inline std::string joined(const std::vector<std::string>& v) {
  std::string s;
  for (const auto& x : v) s += x + "\n";
  return s;
}

// ---- A small JSON reader (objects keep their key order) ----------------------------------------
struct Json {
  enum class Type { null, boolean, number, string, array, object } type = Type::null;
  bool b = false;
  double n = 0;
  std::string text;  // string value, or a number as written
  std::vector<Json> items;
  std::vector<std::pair<std::string, Json>> members;

  [[nodiscard]] bool is_null() const { return type == Type::null; }
  [[nodiscard]] const Json& operator[](std::string_view key) const {
    for (const auto& [k, v] : members)
      if (k == key) return v;
    throw std::out_of_range("no key " + std::string(key));
  }
  [[nodiscard]] const Json& operator[](std::size_t i) const { return items.at(i); }
  [[nodiscard]] bool has(std::string_view key) const {
    for (const auto& [k, v] : members)
      if (k == key) return true;
    return false;
  }
  [[nodiscard]] std::vector<std::string> keys() const {
    std::vector<std::string> k;
    for (const auto& m : members) k.push_back(m.first);
    return k;
  }
};

class JsonParser {
 public:
  explicit JsonParser(std::string_view s) : s_(s) {}
  Json parse() {
    Json v = value();
    ws();
    if (i_ != s_.size()) fail("trailing characters");
    return v;
  }

 private:
  [[noreturn]] void fail(const std::string& why) const { throw std::runtime_error(fmt::format("JSON: {} at {}", why, i_)); }
  void ws() {
    while (i_ < s_.size() && (s_[i_] == ' ' || s_[i_] == '\n' || s_[i_] == '\r' || s_[i_] == '\t')) ++i_;
  }
  bool take(char c) {
    ws();
    if (i_ < s_.size() && s_[i_] == c) return ++i_, true;
    return false;
  }
  void expect(char c) {
    if (!take(c)) fail(std::string("expected '") + c + "'");
  }
  bool word(std::string_view w) {
    if (s_.substr(i_, w.size()) == w) return i_ += w.size(), true;
    return false;
  }
  std::string string() {
    expect('"');
    std::string out;
    while (i_ < s_.size() && s_[i_] != '"') {
      char c = s_[i_++];
      if (c == '\\') {
        if (i_ >= s_.size()) fail("bad escape");
        const char e = s_[i_++];
        switch (e) {
          case 'n': out += '\n'; break;
          case 't': out += '\t'; break;
          case 'r': out += '\r'; break;
          case 'u': {
            const unsigned cp = static_cast<unsigned>(std::stoul(std::string(s_.substr(i_, 4)), nullptr, 16));
            i_ += 4;
            if (cp >= 0x80) fail("non-ASCII \\u escape not supported by this test reader");
            out += static_cast<char>(cp);
            break;
          }
          default: out += e; break;
        }
      } else {
        if (static_cast<unsigned char>(c) < 0x20) fail("control character in string");
        out += c;
      }
    }
    expect('"');
    return out;
  }
  Json value() {
    ws();
    if (i_ >= s_.size()) fail("unexpected end");
    Json v;
    const char c = s_[i_];
    if (c == '{') {
      ++i_;
      v.type = Json::Type::object;
      if (take('}')) return v;
      do {
        ws();
        std::string k = string();
        expect(':');
        v.members.emplace_back(std::move(k), value());
      } while (take(','));
      expect('}');
    } else if (c == '[') {
      ++i_;
      v.type = Json::Type::array;
      if (take(']')) return v;
      do v.items.push_back(value());
      while (take(','));
      expect(']');
    } else if (c == '"') {
      v.type = Json::Type::string;
      v.text = string();
    } else if (word("null")) {
      v.type = Json::Type::null;
    } else if (word("true")) {
      v.type = Json::Type::boolean, v.b = true;
    } else if (word("false")) {
      v.type = Json::Type::boolean, v.b = false;
    } else {
      const std::size_t start = i_;
      while (i_ < s_.size() && std::string_view("+-0123456789.eE").find(s_[i_]) != std::string_view::npos) ++i_;
      if (start == i_) fail("unexpected character");
      v.type = Json::Type::number;
      v.text = std::string(s_.substr(start, i_ - start));
      char* end = nullptr;
      v.n = std::strtod(v.text.c_str(), &end);
      if (end != v.text.c_str() + v.text.size()) fail("bad number " + v.text);
    }
    return v;
  }
  std::string_view s_;
  std::size_t i_ = 0;
};

inline Json parse_json(std::string_view s) { return JsonParser(s).parse(); }

}  // namespace icq_test
