#pragma once
// "Did you mean": the host's own edit distance (it links only the public API), for options and
// dot-commands and their arguments.
#include <string>
#include <string_view>
#include <vector>

namespace icq::repl {

// The candidates closest to `word` (within a third of its length, at least 1, at most 2 edits),
// best first; none when nothing is that close.
std::vector<std::string> closest(std::string_view word, const std::vector<std::string>& candidates);

// "did you mean 'a'?" / "did you mean 'a' or 'b'?"; empty for no candidates.
std::string did_you_mean(const std::vector<std::string>& candidates);

}  // namespace icq::repl
