#include "fetch_models.hpp"

#include <algorithm>
#include <cctype>

#include "catalog/catalog.hpp"

namespace icq::fetch {

namespace {

bool iequals(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return std::tolower(static_cast<unsigned char>(x)) == std::tolower(static_cast<unsigned char>(y));
         });
}

}  // namespace

std::string api_name(std::string_view key) {
  if (const auto* g = catalog::group_of_model(key)) return g->display;
  if (const auto* m = catalog::find_model(key)) return m->display;
  return std::string(key);
}

std::string file_key(std::string_view display) {
  if (const auto key = catalog::resolve_model(display)) return *key;
  std::string out;
  for (const unsigned char c : display) out += std::isalnum(c) || c == '.' ? static_cast<char>(std::tolower(c)) : '-';
  return out.empty() ? "model" : out;
}

std::optional<std::string> pick_model(std::string_view name, const std::vector<std::string>& listed) {
  for (const auto& l : listed)
    if (iequals(l, name)) return l;
  std::string display;
  if (const auto* g = catalog::find_model_group(name)) display = g->display;
  else if (const auto key = catalog::resolve_model(name)) display = api_name(*key);
  for (const auto& l : listed)
    if (!display.empty() && iequals(l, display)) return l;
  return std::nullopt;
}

}  // namespace icq::fetch
