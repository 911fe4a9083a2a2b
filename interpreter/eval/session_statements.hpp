#pragma once
// Applying the statements that change the session, bound by bind/bind_session: set, let, param.
// (load is applied by session.cpp, which owns the data.)
#include <optional>

#include "ast.hpp"
#include "bind/binder.hpp"
#include "icq/format.hpp"
#include "icq/render.hpp"
#include "icq/result.hpp"

namespace icq::interp {

// `set …`; a format is also returned in the Result's effects for the host to apply.
Result apply_set(const BoundSet& s, Settings& settings, std::optional<Format>& format);
Result apply_let(const BoundLet& l, Settings& settings);
Result apply_param(const BoundParam& p, Settings& settings);
Result list_settings(const Settings& settings, const std::optional<Format>& format);

}  // namespace icq::interp
