#pragma once
#include "icq/export.hpp"

#define ICQ_VERSION_MAJOR 0
#define ICQ_VERSION_MINOR 1
#define ICQ_VERSION_PATCH 0
#define ICQ_VERSION_STRING "0.1.0"

namespace icq {
// The library's version, for hosts that load it dynamically.
ICQ_API const char* version() noexcept;
}  // namespace icq
