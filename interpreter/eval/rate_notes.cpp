#include "eval/rate_notes.hpp"

#include <fmt/format.h>

#include <set>

#include "render/numbers.hpp"
#include "text/dates.hpp"
#include "text/text.hpp"

namespace icq::interp {

namespace {

using data::Field;
using data::TokenRate;

const char* role_of(Field f) { return f == Field::output_tput_per_gpu ? "output" : "input"; }

// "gb200 dynamo-trt, 28 prefill + 28 decode GPUs, conc 102 on 2025-12-05: …"
std::string unknown_row(const data::Dataset& ds, const data::Row& row, const TokenRate& r) {
  const data::Line& l = ds.line_of(row);
  std::string why;
  switch (r.check) {
    case TokenRate::Check::mismatch: {
      const double all = static_cast<double>(l.num_prefill_gpu) + static_cast<double>(l.num_decode_gpu);
      const double scaled =
          (row.get(Field::output_tput_per_gpu) * l.num_decode_gpu + row.get(Field::input_tput_per_gpu) * l.num_prefill_gpu) / all;
      why = fmt::format("scaled input + output {} tok/s/GPU vs tput_per_gpu {} ({}% off)", out::grouped(scaled, 1),
                        out::grouped(row.get(Field::tput_per_gpu), 1), out::grouped(r.deviation * 100, 0));
      break;
    }
    case TokenRate::Check::no_counts: why = "no prefill or decode GPU count"; break;
    default: why = "input, output or total throughput absent, so the counts cannot be checked"; break;
  }
  return fmt::format("{} {}, {} prefill + {} decode GPUs, conc {} on {}: {}", l.hardware, l.framework, l.num_prefill_gpu, l.num_decode_gpu,
                     row.conc, text::format_date(row.date), why);
}

}  // namespace

std::vector<std::string> rate_notes(const data::Dataset& ds, const std::vector<RateUse>& uses, data::RateBasis basis,
                                    const std::string& shown) {
  std::set<Field> roles;
  for (const auto& u : uses) {
    if (u.field == Field::tput_per_gpu) continue;
    for (std::uint32_t i : u.rows)
      if (ds.line_of(ds.rows()[i]).disagg) roles.insert(u.field);
  }
  if (roles.empty()) return {};
  std::vector<std::string> notes;
  std::vector<std::string> which;
  for (Field f : roles) which.push_back(role_of(f));
  const std::string kinds = text::join(which, " and ");
  if (basis == data::RateBasis::per_role) {
    notes.push_back(
        fmt::format("disaggregated rows: {} tokens per {} GPU, the API's own figure, as the dashboard divides by it "
                    "(costOutput = c ÷ output throughput); icq's default counts every GPU of the deployment, "
                    "prefill and decode, so its cost per {} token is higher",
                    kinds,
                    roles.size() == 2                         ? "decode (output) or prefill (input)"
                    : roles.count(Field::output_tput_per_gpu) ? "decode"
                                                              : "prefill",
                    kinds));
  } else {
    notes.push_back(
        fmt::format("disaggregated rows: {} tokens per GPU of the whole deployment, since it pays for every GPU — the API's "
                    "output_tput_per_gpu is per decode GPU and input_tput_per_gpu per prefill GPU, so icq counts output × "
                    "decode GPUs / all GPUs and input × prefill GPUs / all GPUs (their sum is the row's tput_per_gpu){}",
                    kinds, shown.empty() ? std::string() : fmt::format("; {} is that rate, so cost = price / it", shown)));
  }
  for (const auto& u : uses) {
    if (u.field == Field::tput_per_gpu || basis == data::RateBasis::per_role) continue;
    std::vector<std::string> bad;
    for (std::uint32_t i : u.rows) {
      const data::Row& row = ds.rows()[i];
      const TokenRate r = data::token_rate(ds.line_of(row), row, u.field, basis);
      if (r.check == TokenRate::Check::mismatch || r.check == TokenRate::Check::no_counts || r.check == TokenRate::Check::unchecked)
        bad.push_back(unknown_row(ds, row, r));
    }
    if (bad.empty()) continue;
    const bool one = bad.size() == 1;
    notes.push_back(
        fmt::format("{}{} disaggregated {} cannot be counted per GPU of the deployment (the prefill and decode GPU "
                    "counts must scale the input and output rates to the row's tput_per_gpu, within {}%), so {} {} "
                    "rate is unknown and nothing is read from {}: {}",
                    u.who, bad.size(), one ? "row" : "rows", out::grouped(data::kRateTolerance * 100, 0), one ? "its" : "their",
                    role_of(u.field), one ? "it" : "them", text::join(bad, "; ")));
  }
  return notes;
}

}  // namespace icq::interp
