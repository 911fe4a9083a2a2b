#include <fmt/format.h>

#include "bind/bound.hpp"

namespace icq::interp {

std::optional<std::string> Pricing::price(const std::string& gpu) const {
  if (auto it = price_overrides.find(gpu); it != price_overrides.end()) return it->second;
  if (const auto* e = edition->find(gpu))
    if (const auto& p = catalog::tier_price(*e, tier); !p.empty()) return p;
  return std::nullopt;
}

std::optional<std::string> Pricing::kw(const std::string& gpu) const {
  if (auto it = power_overrides.find(gpu); it != power_overrides.end()) return it->second;
  if (const auto* e = edition->find(gpu)) return e->kw;
  return std::nullopt;
}

std::string Pricing::describe(const std::string& gpu) const {
  const auto p = price(gpu), k = kw(gpu);
  return fmt::format("{} {}, {}", catalog::gpu_display(gpu),
                     p ? fmt::format("${}/GPU-hour{}", *p, price_overrides.count(gpu) ? " (set)" : "") : "no price",
                     k ? fmt::format("{} kW{}", *k, power_overrides.count(gpu) ? " (set)" : "") : "no power");
}

}  // namespace icq::interp
