#pragma once
// Statements that change the session: set, let, param. (load lives in session.cpp, which owns
// the data.)
#include <optional>

#include "ast.hpp"
#include "bind/binder.hpp"
#include "icq/format.hpp"
#include "icq/render.hpp"
#include "icq/result.hpp"

namespace icq::interp {

// `set price|power|prices|format …`; `format` is returned for the host to apply.
Result run_set(const ast::Set& stmt, const Binder& binder, Settings& settings, std::optional<Format>& format);
Result run_let(const ast::Let& stmt, const Binder& binder, Settings& settings);
Result run_param(const ast::Param& stmt, Settings& settings);
Result list_settings(const Settings& settings, const std::optional<Format>& format);

}  // namespace icq::interp
