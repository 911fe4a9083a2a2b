#include "data/json_library.hpp"

#include <dlfcn.h>
#include <fmt/format.h>

#include <string>

#include "data/load.hpp"

namespace icq::data {
namespace {

using ActiveImplementation = simdjson::internal::atomic_ptr<const simdjson::implementation>& (*)();
using ValidateUtf8 = bool (*)(const char*, std::size_t) noexcept;
using FromChars = double (*)(const char*) noexcept;
using FromCharsTo = double (*)(const char*, const char*) noexcept;

// The library's entry points, found once; `error` says why not when they were not.
struct Library {
  ActiveImplementation active = nullptr;
  ValidateUtf8 validate_utf8 = nullptr;
  FromChars from_chars = nullptr;
  FromCharsTo from_chars_to = nullptr;
  const simdjson::internal::error_code_info* error_codes = nullptr;
  std::string error;

  Library() {
    void* h = ::dlopen(ICQ_SIMDJSON_SONAME, RTLD_NOW | RTLD_LOCAL);
    if (!h) {
      error = ::dlerror();
      return;
    }
    // The C++ names of simdjson::get_active_implementation(), simdjson::validate_utf8(const char*,
    // unsigned long) and simdjson::internal::error_codes.
    active = reinterpret_cast<ActiveImplementation>(::dlsym(h, "_ZN8simdjson25get_active_implementationEv"));
    validate_utf8 = reinterpret_cast<ValidateUtf8>(::dlsym(h, "_ZN8simdjson13validate_utf8EPKcm"));
    error_codes = static_cast<const simdjson::internal::error_code_info*>(::dlsym(h, "_ZN8simdjson8internal11error_codesE"));
    // simdjson::internal::from_chars(const char*) and (const char*, const char*): the headers' slow
    // path for floats, which an unoptimised build (the sanitizers') keeps.
    from_chars = reinterpret_cast<FromChars>(::dlsym(h, "_ZN8simdjson8internal10from_charsEPKc"));
    from_chars_to = reinterpret_cast<FromCharsTo>(::dlsym(h, "_ZN8simdjson8internal10from_charsEPKcS2_"));
    if (!active || !validate_utf8 || !error_codes || !from_chars || !from_chars_to)
      error = std::string(ICQ_SIMDJSON_SONAME) + " lacks a function icq calls";
  }
};

const Library& library() {
  static const Library lib;
  return lib;
}

}  // namespace

void require_json_library() {
  const Library& lib = library();
  if (!lib.error.empty())
    throw LoadError(fmt::format("cannot read data files: icq reads them with simdjson, which cannot be opened: {}", lib.error),
                    "on Debian: apt install libsimdjson14");
}

std::string_view json_error_text(simdjson::error_code error) {
  require_json_library();
  return library().error_codes[static_cast<int>(error)].message;
}

}  // namespace icq::data

// The definitions the parser headers call (simdjson.h declares them). Hidden, like every symbol of
// the core, so the library, once open, still binds its own calls to its own definitions.
namespace simdjson {

internal::atomic_ptr<const implementation>& get_active_implementation() {
  icq::data::require_json_library();
  return icq::data::library().active();
}

bool validate_utf8(const char* buf, std::size_t len) noexcept {
  icq::data::require_json_library();
  return icq::data::library().validate_utf8(buf, len);
}

double internal::from_chars(const char* first) noexcept { return icq::data::library().from_chars(first); }
double internal::from_chars(const char* first, const char* end) noexcept { return icq::data::library().from_chars_to(first, end); }

}  // namespace simdjson
