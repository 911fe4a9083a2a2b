#pragma once
// Model names between the API and the catalog (DASHBOARD.md §1): /api/v1/benchmarks wants the exact
// display name ("Kimi-K2.5", which pools kimik2.5, kimik2.6 and kimik2.7-code), availability speaks
// DB keys, and the cache names files by key.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace icq::fetch {

// The API's display name of a DB key: its dashboard group's name, else the model's, else the key.
std::string api_name(std::string_view key);

// The key that names a display name's files ("DeepSeek-R1-0528" → "dsr1"); a model the catalog
// does not know gets its lower-cased name with anything but letters, digits and '.' as '-'.
std::string file_key(std::string_view display);

// A model named on the command line (DB key, alias, dashboard slug or display name) among the
// display names the API lists; null when it names none of them.
std::optional<std::string> pick_model(std::string_view name, const std::vector<std::string>& listed);

}  // namespace icq::fetch
