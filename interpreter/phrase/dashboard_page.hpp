#pragma once
// The verdict paragraphs and the interpolated table of the dashboard's comparison pages
// (DASHBOARD.md §4), character for character: the dashboard's JS number formatting, its page
// hash and template pools. Values come in unrounded; every rounding here is the page's own.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace icq::interp {

enum class PageFamily { gpu, precision, spec_decode };  // /compare, /compare-precision, /compare-spec-decode

// One side at one target, unrounded; nullopt = no value. A side with no value at all is absent
// at that target (the "one side missing" sentences; both absent: no paragraph for the target).
struct PageSide {
  std::optional<double> throughput, cost, tokens_per_mw, concurrency;
  bool present() const { return throughput || cost || tokens_per_mw || concurrency; }
};
struct PageTarget {
  double interactivity;  // the page's target, already Math.round-ed by the dashboard
  PageSide a, b;
};

struct PageInput {
  PageFamily family = PageFamily::gpu;
  std::string model_label;               // "Qwen 3.5 397B-A17B" (slug label, DASHBOARD §7)
  std::string gpu_label;                 // "B200"; spec-decode pages: "MI355X FP4"
  std::string a, b;                      // side labels in the page's order: "FP4", "FP8" / "MTP", "Off" / GPU labels
  std::string unit_word = "tok/s/chip";  // "tok/s/GPU" on pages before 2026-08-04 (#668)
  std::string sequence;                  // "1k/1k", for the page caveat ("sequence" when empty, as the page does)
  std::string precision;                 // "fp4", for the gpu and spec-decode page caveats ("precision" when empty)
  double band_lo = 0, band_hi = 0;       // unrounded band; the page shows and positions on ceil(lo)–floor(hi)
  std::vector<PageTarget> targets;
};

// "full|M|A|B", "precision|M|gpuLabel|A|B", "spec-decode|M|gpuLabel|A|B".
std::string page_seed(const PageInput& in);
// The dashboard's hashStr over the UTF-16 code units of a UTF-8 string (codePointAt semantics).
std::uint32_t page_hash(std::string_view utf8);
// One paragraph per target with a side present; the last one carries the page caveat.
std::vector<std::string> page_paragraphs(const PageInput& in);

struct PageTable {
  // "Metric", then "Interactivity (tok/s/user)" per target: the page's header text (the target
  // itself sits in an input box, see `inputs`).
  std::vector<std::string> header;
  std::vector<std::string> inputs;  // the input boxes' contents, String(target): "95"
  // Each row: its label, then one cell per target, "FP4:1772.1FP8:2363.2" ("—" for no value).
  std::vector<std::vector<std::string>> rows;
};
PageTable page_table(const PageInput& in);

// JS Number.prototype.toFixed: from the exact binary value, exact ties away from zero.
std::string js_to_fixed(double v, int digits);
// JS Math.round: halves toward +infinity.
double js_round(double v);
// The dashboard's fmtCost: "$0.23", one decimal from $10.
std::string fmt_cost(double c);

}  // namespace icq::interp
