// A selection's lines come from the GPU filter's runs of lines, narrowed by the model filter within
// each framework's run (each found by binary search over the lines' ordering), and the other
// filters tested there: the same lines, in the same order, as
// testing every line against every filter, whatever order the filters are tested in. Checked on
// the built-in data.
#include <catch2/catch.hpp>

#include <algorithm>

#include "bind/filters.hpp"
#include "builtin_dataset.hpp"
#include "data/dataset.hpp"
#include "data/dimensions.hpp"

namespace {

namespace interp = icq::interp;
using icq::data::LineField;

std::vector<std::uint32_t> every_line_tested(const icq::data::Dataset& ds, const interp::Selection& sel) {
  std::vector<std::uint32_t> out;
  for (std::size_t l = 0; l < ds.lines().size(); ++l)
    if (std::all_of(sel.filters.begin(), sel.filters.end(), [&](const interp::LineFilter& f) { return f.matches(ds.lines()[l]); }))
      out.push_back(static_cast<std::uint32_t>(l));
  return out;
}

}  // namespace

TEST_CASE("matching_lines: the same lines as testing every line, with and without a GPU filter", "[interp][selection]") {
  const auto& ds = icq_test::builtin_dataset();
  REQUIRE(std::is_sorted(ds.lines().begin(), ds.lines().end()));
  const std::vector<std::vector<interp::LineFilter>> cases = {
      {},
      {{LineField::gpu, {"mi355x"}}},
      {{LineField::gpu, {"mi355x"}}, {LineField::model, {"dsr1"}}, {LineField::precision, {"fp4"}}, {LineField::seq, {"1k/1k"}}},
      {{LineField::precision, {"fp8"}}, {LineField::gpu, {"b200", "mi355x", "b200"}}},  // a value twice, GPU not first
      {{LineField::gpu, {"h100", "gb200"}}, {LineField::deployment, {"agg", "single-node"}}},
      {{LineField::gpu, {"no-such-gpu"}}},
      {{LineField::model, {"dsr1"}}, {LineField::deployment, {"disagg"}}, {LineField::vendor, {"nvidia"}}},
      {{LineField::gpu, {"mi355x"}}, {LineField::gpu, {"b200"}}},  // two GPU filters: nothing is both
      {{LineField::gpu, {"mi355x", "b200"}}, {LineField::gpu, {"b200"}}},  // the second GPU filter narrows the first's spans
      {{LineField::seq, {"1k/1k"}}, {LineField::vendor, {"amd"}}, {LineField::model, {"dsr1"}}},  // derived fields written first
      {{LineField::family, {"sglang"}}, {LineField::spec, {"mtp", "none"}}},
      {{LineField::model, {"dsr1", "qwen3.5", "dsr1"}}, {LineField::gpu, {"mi355x", "b200", "h100"}}},  // models within each framework's run
      {{LineField::gpu, {"mi355x"}}, {LineField::model, {"no-such-model"}}},
      {{LineField::gpu, {"b200"}}, {LineField::model, {"dsr1"}}, {LineField::model, {"qwen3.5"}}},  // a second model filter: nothing is both
      {{LineField::gpu, {"h200", "b200"}}, {LineField::model, {"qwen3.5", "dsr1"}}, {LineField::framework, {"sglang", "trt"}}},
      {{LineField::gpu, {"b200", "mi355x"}}, {LineField::spec, {"mtp"}}, {LineField::precision, {"fp8", "fp4"}}},  // levels skipped: runs split
      {{LineField::gpu, {"mi355x"}}, {LineField::framework, {"atom", "sglang"}}, {LineField::spec, {"none"}}},
      {{LineField::gpu, {"b200"}}, {LineField::precision, {"fp4"}}, {LineField::precision, {"fp8"}}},  // a second precision filter
  };
  std::size_t non_empty = 0;
  for (const auto& filters : cases) {
    interp::Selection sel;
    sel.filters = filters;
    const auto expected = every_line_tested(ds, sel);
    CHECK(interp::matching_lines(ds, sel) == expected);
    non_empty += !expected.empty();
  }
  CHECK(non_empty >= 13);  // the cases select something, so agreeing is not agreeing on nothing
}

TEST_CASE("a dimension's held member is its `has`: the same answer for every line and every key present", "[interp][selection]") {
  const auto& ds = icq_test::builtin_dataset();
  std::size_t held = 0;
  for (const auto& d : icq::data::dimensions()) {
    if (!d.held) continue;
    ++held;
    for (const auto& line : ds.lines())
      for (const auto& other : ds.lines()) {
        const std::string& key = other.*(d.held);
        CHECK(d.has(line, key) == (line.*(d.held) == key));
      }
  }
  CHECK(held == 5);  // gpu, model, precision, framework, spec
}
