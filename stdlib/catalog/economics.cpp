#include "catalog/economics.hpp"

#include <stdexcept>

namespace icq::catalog {

num::Decimal economic_value(MetricKind kind, const num::Decimal& tput, const num::Decimal& given) {
  using num::Decimal;
  // Parsed once: a warm compare evaluates these at every target and knot. Dividing by 10^6 is
  // written as a product with 10^-6, an exact shift in a decimal backend (a division costs a
  // Newton iteration).
  static const Decimal seconds_per_hour = Decimal::from_int(3600), per_million = Decimal::parse("0.000001"),
                       thousand = Decimal::from_int(1000);
  switch (kind) {
    case MetricKind::cost: return given / (tput * seconds_per_hour * per_million);
    case MetricKind::tokens_per_dollar: return tput * seconds_per_hour / given;
    case MetricKind::power: return tput * thousand / given;
    case MetricKind::joules: return given * thousand / tput;
    default: break;
  }
  throw std::logic_error("economic_value: not an economic metric");
}

double economic_value_approx(MetricKind kind, double tput, double given) {
  switch (kind) {
    case MetricKind::cost: return given / (tput * 3600 / 1e6);
    case MetricKind::tokens_per_dollar: return tput * 3600 / given;
    case MetricKind::power: return tput * 1000 / given;
    case MetricKind::joules: return given * 1000 / tput;
    default: break;
  }
  throw std::logic_error("economic_value_approx: not an economic metric");
}

}  // namespace icq::catalog
