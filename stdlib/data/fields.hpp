#pragma once
// The measured metrics a row can carry, named as the InferenceX API names them. Latencies are
// seconds, interactivities tok/s/user, throughputs tok/s per GPU, power watts, energy joules.
#include <array>
#include <cstdint>
#include <optional>
#include <string_view>

namespace icq::data {

enum class Field : std::uint8_t {
  tput_per_gpu,
  output_tput_per_gpu,
  input_tput_per_gpu,
#define ICQ_STAT_FIELDS(stat) stat##_ttft, stat##_tpot, stat##_itl, stat##_e2el, stat##_intvty
  ICQ_STAT_FIELDS(mean),
  ICQ_STAT_FIELDS(median),
  ICQ_STAT_FIELDS(p90),
  ICQ_STAT_FIELDS(p99),
  ICQ_STAT_FIELDS(p999),
  ICQ_STAT_FIELDS(std),
#undef ICQ_STAT_FIELDS
  avg_power_w,
  joules_per_input_token,
  joules_per_output_token,
  joules_per_total_token,
  count_
};

inline constexpr std::size_t kFieldCount = static_cast<std::size_t>(Field::count_);

// API spelling ("p99.9_ttft", "median_intvty"); the index of a field in this table is its value.
std::string_view field_name(Field f) noexcept;
std::optional<Field> field_from_name(std::string_view api_name) noexcept;

// Statistic x quantity addressing for latency metrics (`ttft p99`).
enum class Stat : std::uint8_t { mean, median, p90, p99, p999, std };
enum class Quantity : std::uint8_t { ttft, tpot, itl, e2el, intvty };
Field stat_field(Stat s, Quantity q) noexcept;

// The words a query qualifies a latency with (`ttft p99`), in the order help lists them; p50 is
// median's other name. A qualifier a user may type, never `std`.
struct StatWord {
  std::string_view word;
  Stat stat;
};
inline constexpr std::array<StatWord, 6> kStatWords{
    {{"mean", Stat::mean}, {"median", Stat::median}, {"p50", Stat::median}, {"p90", Stat::p90}, {"p99", Stat::p99}, {"p99.9", Stat::p999}}};
// Any case; nothing for a word the table lacks.
std::optional<Stat> stat_from_word(std::string_view word) noexcept;
// "mean, median, p90, p99 or p99.9": for messages.
std::string_view stat_words_text() noexcept;

// The latency quantities by their query names (ttft, tpot, itl, e2el; intvty, interactivity's).
std::optional<Quantity> quantity_from_name(std::string_view name) noexcept;

}  // namespace icq::data
