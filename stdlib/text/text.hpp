#pragma once
// Small string helpers shared by every layer: case folding, edit distance and "did you mean".
#include <string>
#include <string_view>
#include <vector>

namespace icq::text {

std::string lower(std::string_view s);
std::string upper(std::string_view s);
bool iequals(std::string_view a, std::string_view b) noexcept;
bool starts_with_icase(std::string_view s, std::string_view prefix) noexcept;

// Edit distance (case-insensitive, adjacent transpositions count 1), used to rank suggestions.
std::size_t edit_distance(std::string_view a, std::string_view b);

// Candidates close enough to `word` to be offered as "did you mean", best first, at most `max`.
std::vector<std::string> closest(std::string_view word, const std::vector<std::string>& candidates, std::size_t max = 3);

// A JSON string literal of s, quotes included (the one escaper of every JSON icq writes).
std::string json_string(std::string_view s);

// s with & < > " escaped, for XML and HTML text and attributes (the SVG and HTML writers).
std::string xml_escape(std::string_view s);

// "did you mean 'a' or 'b'?"; empty without suggestions. The one wording of every suggestion.
std::string did_you_mean(const std::vector<std::string>& suggestions);

// "a, b or c" — for help lines.
std::string join_or(const std::vector<std::string>& items);
std::string join(const std::vector<std::string>& items, std::string_view sep);
// "1 row", "3 rows": a count and its noun, plural with an s.
std::string plural(std::size_t n, std::string_view word);

}  // namespace icq::text
