#pragma once
// execute: one bound statement to its result, with whatever of the session it reads or changes.
#include <optional>
#include <string>
#include <vector>

#include "bind/binder.hpp"
#include "data/dataset.hpp"
#include "icq/render.hpp"
#include "icq/result.hpp"

namespace icq::interp {

// What a statement may touch besides its own words: the data, the session's settings and format,
// the latest comparison (for `expect`), and `load`, which the session owns since it rebuilds the data.
struct Context {
  const data::Dataset& data;
  const Binder& binder;  // commands resolve their words when they run
  Settings& settings;
  std::optional<Format>& format;
  std::optional<BoundCompare>& last_compare;
  std::optional<ast::Word> load_request;         // set by `load`: the session loads the path and gives its Result
  std::vector<std::string> failed_expectations;  // filled by `expect`
};

Result execute(const BoundStatement& statement, Context& context);

}  // namespace icq::interp
