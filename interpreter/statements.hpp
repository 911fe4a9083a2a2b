#pragma once
// The statements other than compare: list, describe, help.
#include "ast.hpp"
#include "binder.hpp"
#include "data/dataset.hpp"
#include "icq/result.hpp"

namespace icq::interp {

Result run_list(const ast::List& stmt, const Binder& binder, const data::Dataset& ds);
Result run_describe(const ast::Describe& stmt, const Binder& binder, const data::Dataset& ds, const Settings& settings);
Result run_help(const ast::Help& stmt);

// The help table: one entry per statement, with syntax and examples that the tests parse.
struct HelpEntry {
  const char* statement;
  const char* syntax;
  const char* summary;
  std::vector<const char*> examples;
};
const std::vector<HelpEntry>& help_entries();

}  // namespace icq::interp
