#pragma once
// simdjson is opened when JSON is first read, not linked: linked, it brought libstdc++ as a shared
// library into every `icq -c`, whose built-in data is a snapshot and reads no JSON (issue 22: a
// third of a cold compare's time was the loader's work on libstdc++). The core links libstdc++
// statically and reaches simdjson through json_library.cpp, which defines the functions of the
// library that the parser headers call, each forwarding to the library opened by its soname.
// Every reader of JSON calls require_json_library() first: it throws a LoadError naming the package
// when the library cannot be opened, where the forwarders, called inside simdjson's noexcept
// functions, could only end the process.
#include <simdjson.h>

#include <string_view>

namespace icq::data {

// Opens simdjson once per process; throws LoadError (data/load.hpp) when it cannot.
void require_json_library();

// simdjson::error_message(), whose table lives in the library.
std::string_view json_error_text(simdjson::error_code error);

}  // namespace icq::data
