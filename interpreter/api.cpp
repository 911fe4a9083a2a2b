// The shared library's own translation unit; everything else comes from the interpreter archive,
// linked whole so that every public function is present in libicq.so.
#include "icq/version.hpp"

namespace icq {
const char* version() noexcept { return ICQ_VERSION_STRING; }
}  // namespace icq
