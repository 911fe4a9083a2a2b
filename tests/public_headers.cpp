// Compiled with only include/ on the include path: the public API needs nothing else.
#include <icq/icq.hpp>

[[maybe_unused]] static const auto icq_public_api_run = &icq::Session::run;
