#pragma once
// The checks and escapes of text a client sent (a query, a parameter, a request target): whether
// the server takes it, and how it is shown where one line of plain ASCII is wanted (the log).
#include <string>
#include <string_view>

namespace icq::serve {

// Valid UTF-8 (simdjson's validator), so every answer that quotes the text is valid too.
bool is_utf8(std::string_view s);

// A parameter's name as the language writes $NAME: a letter or '_', then letters, digits and '_';
// at most 64 bytes.
bool is_param_name(std::string_view s);

// `s` with every byte outside printable ASCII as \xNN (and the backslash as \\), cut after `max`
// bytes of `s` with "…" added.
std::string printable(std::string_view s, std::size_t max);

}  // namespace icq::serve
