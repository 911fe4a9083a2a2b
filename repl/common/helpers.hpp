#pragma once
// The helper programs of icq: a product whose libraries every query would otherwise load (libcurl's
// network stack, librsvg's graphics stack) is a program of its own that icq runs when it is asked
// for, the way git keeps libcurl in git-remote-http (docs/DECISIONS.md, "A lean core").
//
// icq looks for a helper next to its own executable (the build tree puts every program of icq in
// one folder) and then in the install's libexec folder (ICQ_HELPER_DIR_FROM_BIN, relative to the
// executable's folder: an installed tree can move). Never on PATH: a helper of another build of
// icq must not answer for this one.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace icq::hosts {

struct Helper {
  std::string_view program;  // "icq-fetch"
  std::string_view command;  // what runs it, for messages: "icq fetch"
  std::string_view runtime;  // the Debian package of the library it links ("" when only the core's)
  std::string_view dev;      // the Debian package building it needs ("" when nothing more than icq)
};

inline constexpr Helper fetch_helper{"icq-fetch", "icq fetch", "libcurl4", "libcurl4-openssl-dev"};
inline constexpr Helper mcp_helper{"icq-mcp", "icq mcp", "", ""};
inline constexpr Helper png_helper{"icq-png", "--output FILE.png", "librsvg2-2", "librsvg2-dev"};
inline constexpr Helper serve_helper{"icq-serve", "icq serve", "libcpp-httplib0.11", "libcpp-httplib-dev"};

// The folders a helper is looked for in, in order.
std::vector<std::string> helper_dirs();

// The helper's path, or empty when it is in none of helper_dirs().
std::string find_helper(const Helper& h);

// Runs the helper with `args` (after its name), `input` on its stdin when given (else stdin is
// shared), and waits for it. Returns its exit code, or 128 + the signal that ended it. While it
// runs, a SIGINT, SIGTERM or SIGHUP sent to this process is passed on to it (one the terminal sends
// reaches it directly: it is in this process group). A missing helper, or one that could not
// start (a library it links is missing), is explained on stderr and gives 2.
int run_helper(const Helper& h, const std::vector<std::string>& args, const std::optional<std::string>& input = std::nullopt);

}  // namespace icq::hosts
