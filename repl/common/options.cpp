#include "options.hpp"

#include <cerrno>
#include <cstdlib>

#include "icq/diagnostic.hpp"

namespace icq::hosts {

namespace {

constexpr std::size_t kHelpColumn = 29;  // where --help's option texts start

// The option `arg` spells (exactly, or an alias), or null.
const Option* find(const std::vector<Option>& table, const std::string& arg) {
  for (const auto& spec : table) {
    for (const auto& n : spec.names)
      if (n == arg) return &spec;
    for (const auto& n : spec.aliases)
      if (n == arg) return &spec;
  }
  return nullptr;
}

}  // namespace

UsageError needs(const Option& self, std::string_view name) { return {"option " + std::string(name) + " needs " + self.needs, self.hint}; }

std::optional<UsageError> parse(const std::vector<Option>& table, int argc, const char* const* argv, const OperandFn& operand,
                                std::string_view command) {
  for (int i = 1; i < argc; ++i) {
    const std::string word = argv[i];
    if (word == "-" || word.empty() || word[0] != '-') {
      const auto r = operand(i, word);
      if (const auto* e = std::get_if<UsageError>(&r)) return *e;
      if (std::get<Operand>(r) == Operand::stop) return std::nullopt;
      continue;
    }
    // --name=VALUE, -XVALUE (a short option glued to its argument), or the word itself.
    std::string name = word;
    std::optional<std::string> glued;
    const Option* spec = find(table, word);
    if (!spec && word.rfind("--", 0) == 0 && word.find('=') != std::string::npos) {
      name = word.substr(0, word.find('='));
      glued = word.substr(word.find('=') + 1);
      spec = find(table, name);
    } else if (!spec && word.size() > 2 && word[1] != '-') {
      const Option* shortopt = find(table, word.substr(0, 2));
      if (shortopt && !shortopt->arg.empty()) name = word.substr(0, 2), glued = word.substr(2), spec = shortopt;
    }
    if (!spec) {
      std::vector<std::string> names;
      for (const auto& s : table) names.insert(names.end(), s.names.begin(), s.names.end());
      const auto near = icq::closest_words(word, names);
      return UsageError{"unknown option '" + word + "'",
                        near.empty() ? "see " + std::string(command) + " --help" : icq::did_you_mean({near.front()})};
    }
    std::string value;
    if (!spec->arg.empty()) {
      if (glued) value = *glued;
      else if (i + 1 < argc) value = argv[++i];
      else return needs(*spec, name);
    } else if (glued) {
      return UsageError{"option " + name + " takes no value", "see " + std::string(command) + " --help"};
    }
    if (auto error = spec->set(*spec, value)) return error;
  }
  return std::nullopt;
}

std::string options_help(const std::vector<Option>& table) {
  std::string out;
  for (const auto& spec : table) {
    std::string head = "  ";
    for (std::size_t i = 0; i < spec.names.size(); ++i) head += (i ? ", " : "") + spec.names[i];
    if (!spec.arg.empty()) head += " " + spec.arg;
    head += head.size() < kHelpColumn ? std::string(kHelpColumn - head.size(), ' ') : " ";
    std::string text = spec.help;
    for (std::size_t p = text.find('\n'); p != std::string::npos; p = text.find('\n', p + 1 + kHelpColumn))
      text.insert(p + 1, std::string(kHelpColumn, ' '));
    out += head + text + "\n";
  }
  return out;
}

Setter set_flag(bool& field, bool value) {
  return [&field, value](const Option&, const std::string&) -> std::optional<UsageError> {
    field = value;
    return std::nullopt;
  };
}

Setter set_text(std::optional<std::string>& field) {
  return [&field](const Option& self, const std::string& v) -> std::optional<UsageError> {
    if (v.empty()) return needs(self, self.names.front());
    field = v;
    return std::nullopt;
  };
}

Setter add_text(std::vector<std::string>& list) {
  return [&list](const Option&, const std::string& v) -> std::optional<UsageError> {
    list.push_back(v);
    return std::nullopt;
  };
}

Setter set_whole(long& field, long lo, long hi) {
  return [&field, lo, hi](const Option& self, const std::string& v) -> std::optional<UsageError> {
    char* end = nullptr;
    errno = 0;
    const long n = std::strtol(v.c_str(), &end, 10);
    if (v.empty() || *end || errno || n < lo || n > hi) return needs(self, self.names.front());
    field = n;
    return std::nullopt;
  };
}

Setter set_positive(double& field, double hi) {
  return [&field, hi](const Option& self, const std::string& v) -> std::optional<UsageError> {
    char* end = nullptr;
    const double n = std::strtod(v.c_str(), &end);
    if (v.empty() || *end || !(n > 0) || n > hi) return needs(self, self.names.front());
    field = n;
    return std::nullopt;
  };
}

Setter add_param(std::vector<std::pair<std::string, std::string>>& params) {
  return [&params](const Option& self, const std::string& v) -> std::optional<UsageError> {
    const auto eq = v.find('=');
    if (eq == std::string::npos || eq == 0)
      return UsageError{"option " + self.names.front() + " needs " + self.needs + ", got '" + v + "'", self.hint};
    params.emplace_back(v.substr(0, eq), v.substr(eq + 1));
    return std::nullopt;
  };
}

}  // namespace icq::hosts
