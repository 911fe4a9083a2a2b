#include "phrase/dashboard_page.hpp"

#include "num/decimal.hpp"
#include "phrase/phrasing.hpp"
#include "text/text.hpp"

#include <cmath>
#include <cstdlib>
#include <stdexcept>

#include <fmt/format.h>

// Mirrors compareTableNarrative (compare-ssr.ts), variantCompareNarrative (compare-variant-ssr.ts),
// the caveat of each family's page-client.tsx and compare-interpolated-table.tsx of the vngcloud
// fork. The arithmetic is the page's: IEEE doubles in the order the JS evaluates them.

namespace icq::interp {

namespace {

// JS String(number): the shortest round-trip digits, laid out by Number::toString's rules
// (plain notation from 1e-6 up to 1e21, exponent notation outside).
std::string js_number(double v) {
  if (std::isnan(v)) return "NaN";
  if (std::isinf(v)) return v < 0 ? "-Infinity" : "Infinity";
  if (v == 0) return "0";  // -0 too
  const std::string shortest = fmt::format("{}", std::abs(v));
  const auto e = shortest.find('e');
  const std::string mantissa = shortest.substr(0, e);
  const int exponent = e == std::string::npos ? 0 : std::stoi(shortest.substr(e + 1));
  const auto dot = mantissa.find('.');
  std::string digits = mantissa;
  int point = static_cast<int>(dot == std::string::npos ? mantissa.size() : dot) + exponent;
  if (dot != std::string::npos) digits.erase(dot, 1);
  while (digits.size() > 1 && digits.front() == '0') {
    digits.erase(0, 1);
    --point;
  }
  while (digits.size() > 1 && digits.back() == '0') digits.pop_back();
  const int k = static_cast<int>(digits.size());
  const int n = point;
  std::string out = v < 0 ? "-" : "";
  if (k <= n && n <= 21) {
    out += digits + std::string(static_cast<std::size_t>(n - k), '0');
  } else if (0 < n && n <= 21) {
    out += digits.substr(0, static_cast<std::size_t>(n)) + "." + digits.substr(static_cast<std::size_t>(n));
  } else if (-6 < n && n <= 0) {
    out += "0." + std::string(static_cast<std::size_t>(-n), '0') + digits;
  } else {
    out += digits.substr(0, 1);
    if (k > 1) out += "." + digits.substr(1);
    out += fmt::format("e{}{}", n - 1 < 0 ? "-" : "+", std::abs(n - 1));
  }
  return out;
}

// Math.trunc(Math.imul(31, h) + cp): the sum is a JS number, so h may leave the int32 range
// between steps and is wrapped only by the next imul's ToInt32.
std::int64_t hash_step(std::int64_t h, std::uint32_t code_point) {
  const auto h32 = static_cast<std::uint32_t>(h);  // ToInt32, as bits
  const auto product = static_cast<std::int32_t>(h32 * 31u);
  return static_cast<std::int64_t>(product) + code_point;
}

// UTF-8 to UTF-16 code units; a malformed sequence becomes U+FFFD, as a JS string built from
// that text would hold.
std::u16string to_utf16(std::string_view s) {
  std::u16string out;
  std::size_t i = 0;
  while (i < s.size()) {
    const auto c = static_cast<unsigned char>(s[i]);
    std::uint32_t cp = 0xFFFD;
    std::size_t len = 1;
    const auto cont = [&](std::size_t j) { return i + j < s.size() && (static_cast<unsigned char>(s[i + j]) & 0xC0) == 0x80; };
    const auto bits = [&](std::size_t j) { return static_cast<std::uint32_t>(static_cast<unsigned char>(s[i + j]) & 0x3F); };
    if (c < 0x80) {
      cp = c;
    } else if ((c & 0xE0) == 0xC0 && cont(1)) {
      const std::uint32_t v = ((c & 0x1Fu) << 6) | bits(1);
      if (v >= 0x80) {
        cp = v;
        len = 2;
      }
    } else if ((c & 0xF0) == 0xE0 && cont(1) && cont(2)) {
      const std::uint32_t v = ((c & 0x0Fu) << 12) | (bits(1) << 6) | bits(2);
      if (v >= 0x800 && (v < 0xD800 || v > 0xDFFF)) {
        cp = v;
        len = 3;
      }
    } else if ((c & 0xF8) == 0xF0 && cont(1) && cont(2) && cont(3)) {
      const std::uint32_t v = ((c & 0x07u) << 18) | (bits(1) << 12) | (bits(2) << 6) | bits(3);
      if (v >= 0x10000 && v <= 0x10FFFF) {
        cp = v;
        len = 4;
      }
    }
    if (cp >= 0x10000) {
      out.push_back(static_cast<char16_t>(0xD800 + ((cp - 0x10000) >> 10)));
      out.push_back(static_cast<char16_t>(0xDC00 + ((cp - 0x10000) & 0x3FF)));
    } else {
      out.push_back(static_cast<char16_t>(cp));
    }
    i += len;
  }
  return out;
}

// fmtPctDelta: `${Math.round((ratio - 1) * 100)}%`.
std::string pct_delta(double ratio) { return js_number(js_round((ratio - 1) * 100)) + "%"; }

// "GPU" of "tok/s/GPU": the accelerator word of the tie phrase ("throughput per GPU").
std::string per_word(const std::string& unit) {
  const auto slash = unit.rfind('/');
  return slash == std::string::npos ? unit : unit.substr(slash + 1);
}

double band_min(const PageInput& in) { return std::ceil(in.band_lo); }
double band_max(const PageInput& in) { return std::floor(in.band_hi); }

// bandFor, on the displayed band {ceil(lo), floor(hi)}: that is the range the page passes.
std::string band_phrase(const PageInput& in, double target) {
  const double span = band_max(in) - band_min(in);
  if (span <= 0) return "around the middle";
  const double t = (target - band_min(in)) / span;
  if (t < 1.0 / 3) return "near the low end";
  if (t > 2.0 / 3) return "toward the upper edge";
  return "around the middle";
}

// fullSummary / variantFullSummary.
std::string summary(const PageInput& in, double a_cost, double b_cost, double a_value, double b_value) {
  std::string parts;
  const auto add = [&](const std::string& part) { parts += (parts.empty() ? "" : "; ") + part; };
  if (a_cost > 0 && b_cost > 0) {
    const bool a_cheaper = a_cost < b_cost;
    const double r = a_cheaper ? b_cost / a_cost : a_cost / b_cost;
    add(r < 1.01 ? std::string("cost per token is essentially tied")
                 : fmt::format("{} is {} cheaper per token", a_cheaper ? in.a : in.b, pct_delta(r)));
  }
  if (a_value > 0 && b_value > 0) {
    const bool a_faster = a_value > b_value;
    const double r = a_faster ? a_value / b_value : b_value / a_value;
    add(r < 1.01 ? fmt::format("throughput per {} is essentially tied", per_word(in.unit_word))
                 : fmt::format("{} delivers {} more {}", a_faster ? in.a : in.b, pct_delta(r), in.unit_word));
  }
  return parts.empty() ? "numbers are too close to call" : capitalize(parts);
}

// The closing caveat of variant template j (the pool is /compare's templates 1, 2, 3 and 5).
const char* variant_caveat(PageFamily family, std::size_t j) {
  static const char* const precision[4] = {
      "Lower-precision quantization trades model accuracy for throughput — check the evaluation page for quality impact.",
      "Quantization-level accuracy differences are tracked on the evaluation tab.",
      "The cost-throughput tradeoff from lower precision is only part of the picture — see the evaluation page for accuracy data.",
      "Precision changes affect both inference speed and model quality — consult the evaluation tab for accuracy benchmarks.",
  };
  static const char* const spec_decode[4] = {
      "Speculative decoding accepts draft tokens to reduce per-token latency — gains vary by workload and prompt distribution.",
      "Draft-token acceptance rates determine whether speculative decoding helps or hurts at a given concurrency level.",
      "Speculative decoding trades extra compute on draft tokens for fewer decoding steps — the payoff depends on sequence length and batch size.",
      "Gains from speculative decoding vary by workload; short-output prompts tend to benefit less.",
  };
  return family == PageFamily::precision ? precision[j] : spec_decode[j];
}

std::string page_caveat(const PageInput& in) {
  const std::string seq = in.sequence.empty() ? "sequence" : in.sequence;
  const std::string prec = in.precision.empty() ? "precision" : in.precision;
  switch (in.family) {
    case PageFamily::gpu:
      return fmt::format(
          "(Numbers reflect the default {} · {} selection for this URL — table and chart below update if "
          "you change sequence, precision, or model in the controls.)",
          seq, prec);
    case PageFamily::precision:
      return fmt::format(
          "(Numbers reflect the default {} selection for this URL — table and chart below update if you "
          "change sequence or model in the controls. Each side uses the best available serving "
          "configuration for that precision, which may include speculative decoding such as MTP where "
          "recipes exist — the same convention as the other comparison pages.)",
          seq);
    case PageFamily::spec_decode:
      return fmt::format(
          "(Numbers reflect this URL's pinned {} · {} workload — changing sequence or model updates both "
          "the table and chart; the table stays pinned to this page's precision, so precision toggles "
          "in the controls affect the chart only.)",
          seq, prec);
  }
  return {};
}

std::string both_sides(const PageInput& in, std::size_t index, double target, const PageSide& a, const PageSide& b) {
  const double ac = a.cost.value_or(0), bc = b.cost.value_or(0);
  const double av = a.throughput.value_or(0), bv = b.throughput.value_or(0);
  const std::string t = js_number(target), U = in.unit_word;
  const std::string va = js_to_fixed(av, 0), vb = js_to_fixed(bv, 0), ca = fmt_cost(ac), cb = fmt_cost(bc);
  const std::string S = summary(in, ac, bc, av, bv);
  const std::string& M = in.model_label;
  const std::string range = fmt::format("{}–{} tok/s/user", js_number(band_min(in)), js_number(band_max(in)));
  const std::string Band = capitalize(band_phrase(in, target));
  const std::string &A = in.a, &B = in.b;

  if (in.family == PageFamily::gpu) {
    switch (index) {
      case 0:
        return fmt::format(
            "At {} tok/s/user interactivity on {}, {} delivers {} {} at {} per million tokens; {} delivers "
            "{} {} at {}. {} at this point.",
            t, M, A, va, U, ca, B, vb, U, cb, S);
      case 1:
        return fmt::format("{} posts {} {} for {} per million tokens at {} tok/s/user on {}; {} posts {} {} for {}. {}.", A, va, U, ca, t,
                           M, B, vb, U, cb, S);
      case 2:
        return fmt::format(
            "Throughput at {} tok/s/user on {}: {} hits {} {}, {} hits {}. Per-million costs land at {} "
            "and {} respectively. {}.",
            t, M, A, va, U, B, vb, ca, cb, S);
      case 3:
        return fmt::format("{} / {} on {} at {} tok/s/user: {} / {} {}, {} / {} per million tokens. {}.", A, B, M, t, va, vb, U, ca, cb, S);
      case 4:
        return fmt::format(
            "{} of the {} interactivity band, at {} tok/s/user on {}: {} runs {} {} at {}/M tokens, {} runs "
            "{} at {}/M. {}.",
            Band, range, t, M, A, va, U, ca, B, vb, cb, S);
      default:
        return fmt::format(
            "Setting {} tok/s/user as the target on {}, {} produces {} {} ({} per million tokens) and {} "
            "produces {} ({}). {}.",
            t, M, A, va, U, ca, B, vb, cb, S);
    }
  }
  const std::string where = fmt::format("{} ({})", M, in.gpu_label);
  const char* caveat = variant_caveat(in.family, index);
  switch (index) {
    case 0:
      return fmt::format(
          "At {} tok/s/user on {}, {} delivers {} {} at {} per million tokens; {} delivers {} {} at {}. "
          "{}. {}",
          t, where, A, va, U, ca, B, vb, U, cb, S, caveat);
    case 1:
      return fmt::format("{} posts {} {} for {} per million tokens at {} tok/s/user on {}; {} posts {} {} for {}. {}. {}", A, va, U, ca, t,
                         where, B, vb, U, cb, S, caveat);
    case 2:
      return fmt::format(
          "Throughput at {} tok/s/user on {}: {} hits {} {}, {} hits {}. Per-million costs land at {} and "
          "{} respectively. {}. {}",
          t, where, A, va, U, B, vb, ca, cb, S, caveat);
    default:
      return fmt::format(
          "{} of the {} interactivity band, at {} tok/s/user on {}: {} runs {} {} at {}/M tokens, {} runs "
          "{} at {}/M. {}. {}",
          Band, range, t, where, A, va, U, ca, B, vb, cb, S, caveat);
  }
}

// One side missing: the same three sentences on every family, the variant ones saying
// "on {M} ({gpuLabel})", with no closing caveat.
std::string one_side(const PageInput& in, std::size_t index, double target, const PageSide& present, const std::string& P,
                     const std::string& X) {
  const std::string where = in.family == PageFamily::gpu ? in.model_label : fmt::format("{} ({})", in.model_label, in.gpu_label);
  const std::string t = js_number(target), v = js_to_fixed(present.throughput.value_or(0), 0);
  const std::string c = fmt_cost(present.cost.value_or(0));
  switch (index) {
    case 0:
      return fmt::format(
          "At {} tok/s/user on {}, {} delivers {} {} at {} per million tokens; {} hasn't been benchmarked "
          "at this target.",
          t, where, P, v, in.unit_word, c, X);
    case 1:
      return fmt::format(
          "{} hits {} {} for {} per million tokens at {} tok/s/user on {}. No {} data at this operating "
          "point.",
          P, v, in.unit_word, c, t, where, X);
    default:
      return fmt::format("{}: {} {}, {} per million tokens at {} tok/s/user on {}. {} is unmeasured here.", P, v, in.unit_word, c, t, where,
                         X);
  }
}

}  // namespace

std::string js_to_fixed(double v, int digits) {
  if (digits < 0 || digits > 100) throw std::out_of_range("toFixed() digits argument must be between 0 and 100");
  if (std::isnan(v)) return "NaN";
  if (std::abs(v) >= 1e21) return js_number(v);
  // Away from a tie, doubles decide (num::fixed_unless_tie); x < 0 is tested before rounding, so
  // -0.0001 gives "-0.00" and -0 gives "0.00".
  if (auto fast = num::fixed_unless_tie(std::abs(v), digits)) return (v < 0 ? "-" : "") + *fast;
  // 1100 decimals hold every double exactly (at most 1074 fractional digits), so the digit after
  // the last kept one decides alone: 5 or more is at or above the tie, and ties go up.
  const std::string exact = fmt::format("{:.1100f}", std::abs(v));
  const auto dot = exact.find('.');
  std::string out = exact.substr(0, digits == 0 ? dot : dot + 1 + static_cast<std::size_t>(digits));
  if (exact[dot + 1 + static_cast<std::size_t>(digits)] >= '5') {
    std::size_t i = out.size();
    for (;;) {
      if (i == 0) {
        out.insert(out.begin(), '1');
        break;
      }
      --i;
      if (out[i] == '.') continue;
      if (out[i] != '9') {
        ++out[i];
        break;
      }
      out[i] = '0';
    }
  }
  // x < 0 is tested before rounding, so -0.0001 gives "-0.00" and -0 gives "0.00".
  return (v < 0 ? "-" : "") + out;
}

double js_round(double v) {
  if (!std::isfinite(v) || v == 0) return v;
  double r = std::floor(v);
  if (v - r >= 0.5) r += 1;  // v - floor(v) is exact, so the half is judged on v itself
  return r == 0 ? std::copysign(0.0, v) : r;
}

std::string fmt_cost(double c) { return "$" + js_to_fixed(c, c >= 10 ? 1 : 2); }

std::string page_seed(const PageInput& in) {
  switch (in.family) {
    case PageFamily::gpu: return fmt::format("full|{}|{}|{}", in.model_label, in.a, in.b);
    case PageFamily::precision: return fmt::format("precision|{}|{}|{}|{}", in.model_label, in.gpu_label, in.a, in.b);
    case PageFamily::spec_decode: return fmt::format("spec-decode|{}|{}|{}|{}", in.model_label, in.gpu_label, in.a, in.b);
  }
  return {};
}

std::uint32_t page_hash(std::string_view utf8) {
  const std::u16string units = to_utf16(utf8);
  std::int64_t h = 0;
  for (std::size_t i = 0; i < units.size(); ++i) {
    std::uint32_t cp = units[i];
    // codePointAt(i): a high surrogate followed by a low one reads as the whole code point;
    // the low surrogate is then read again on its own at i + 1.
    if (cp >= 0xD800 && cp <= 0xDBFF && i + 1 < units.size() && units[i + 1] >= 0xDC00 && units[i + 1] <= 0xDFFF)
      cp = 0x10000 + ((cp - 0xD800) << 10) + (units[i + 1] - 0xDC00u);
    h = hash_step(h, cp);
  }
  return static_cast<std::uint32_t>(h < 0 ? -h : h);
}

std::vector<std::string> page_paragraphs(const PageInput& in) {
  std::vector<std::string> out;
  const std::uint32_t h = page_hash(page_seed(in));
  const std::size_t both_pool = in.family == PageFamily::gpu ? 6 : 4;
  const std::size_t single_pool = 3;
  // k counts every target, written or not: the page rotates by row index, not by paragraph.
  for (std::size_t k = 0; k < in.targets.size(); ++k) {
    const PageTarget& row = in.targets[k];
    const bool has_a = row.a.present(), has_b = row.b.present();
    if (!has_a && !has_b) continue;
    if (has_a && has_b) {
      out.push_back(both_sides(in, (h % both_pool + k) % both_pool, row.interactivity, row.a, row.b));
    } else {
      out.push_back(one_side(in, (h % single_pool + k) % single_pool, row.interactivity, has_a ? row.a : row.b, has_a ? in.a : in.b,
                             has_a ? in.b : in.a));
    }
  }
  if (!out.empty()) out.back() += " " + page_caveat(in);
  return out;
}

PageTable page_table(const PageInput& in) {
  PageTable table;
  table.header.push_back("Metric");
  for (const PageTarget& t : in.targets) {
    table.header.push_back("Interactivity (tok/s/user)");
    table.inputs.push_back(js_number(t.interactivity));
  }
  struct Metric {
    std::string label;
    std::optional<double> PageSide::*field;
    std::string (*format)(double);
  };
  const Metric metrics[] = {
      // #668 made the label "Throughput (tok/s/chip)"; before it read "Throughput (tok/s/gpu)".
      {"Throughput (" + text::lower(in.unit_word) + ")", &PageSide::throughput, [](double v) { return js_to_fixed(v, 1); }},
      {"Cost ($/M tok)", &PageSide::cost, [](double v) { return "$" + js_to_fixed(v, 3); }},
      {"tok/s/MW", &PageSide::tokens_per_mw, [](double v) { return js_to_fixed(v, 0); }},
      {"Concurrency", &PageSide::concurrency, [](double v) { return "~" + js_number(js_round(v)); }},
  };
  for (const Metric& m : metrics) {
    std::vector<std::string> row{m.label};
    for (const PageTarget& t : in.targets) {
      const auto cell = [&](const PageSide& s) {
        const std::optional<double>& v = s.*m.field;
        return v ? m.format(*v) : std::string("—");
      };
      row.push_back(in.a + ":" + cell(t.a) + in.b + ":" + cell(t.b));
    }
    table.rows.push_back(std::move(row));
  }
  return table;
}

}  // namespace icq::interp
