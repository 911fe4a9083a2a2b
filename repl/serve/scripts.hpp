#pragma once
// The folder of saved reports that `icq serve --scripts DIR` serves at /scripts/NAME: DIR/NAME.icq.
// A name is letters, digits, '-' and '_' (no '/', no '.': nothing in a URL climbs out of the
// folder), and the file it names, symbolic links resolved, must be a regular file in the folder.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace icq::serve {

class Scripts {
 public:
  // Throws std::runtime_error when `dir` is not a readable folder.
  explicit Scripts(const std::string& dir);

  // Whether `name` may name a script at all: 1 to 100 letters, digits, '-' and '_'.
  static bool valid_name(std::string_view name);
  // The text of DIR/NAME.icq (at most `max_bytes`), or nothing when there is no such script.
  [[nodiscard]] std::optional<std::string> read(std::string_view name, std::size_t max_bytes) const;
  // The names of the scripts the folder holds now, sorted.
  [[nodiscard]] std::vector<std::string> names() const;

 private:
  std::string dir_;  // canonical
};

}  // namespace icq::serve
