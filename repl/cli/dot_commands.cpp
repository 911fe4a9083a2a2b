#include "dot_commands.hpp"

#include <algorithm>
#include <chrono>
#include <fstream>
#include <iostream>
#include <sstream>

#include "host.hpp"

namespace icq::repl {

// Handlers reach into the host; the table below is the only list of commands.
struct DotCommands {
  // A bad argument, drawn like a query error: the line, a caret under the word (at the end when
  // it is missing), a "did you mean" among `choices`, then the usage.
  static int bad(Host& h, const std::string& line, const std::string& word, const std::string& message, const DotCommand& cmd,
                 const std::vector<std::string>& choices = {}) {
    const std::size_t args = line.find_first_of(" \t", line.find('.'));
    const std::size_t at = word.empty() || args == std::string::npos ? line.size() : line.find(word, args);
    const std::string dym = word.empty() ? std::string() : icq::did_you_mean(icq::closest_words(word, choices));
    return h.dot_error(at, word.size(), message,
                       (dym.empty() ? "" : dym + "\n") + "usage: " + cmd.name + (*cmd.args ? " " : "") + cmd.args);
  }
  static const DotCommand& self(const char* name) { return *find_dot_command(name); }
  static std::vector<std::string> format_list() {
    std::vector<std::string> out;
    const std::string_view all = format_names();  // "table, markdown, …"
    for (std::size_t p = 0; p < all.size();) {
      const std::size_t comma = std::min(all.find(", ", p), all.size());
      out.emplace_back(all.substr(p, comma - p));
      p = comma + 2;
    }
    return out;
  }

  static int help(Host&, const std::vector<std::string>& args, const std::string&) {
    for (const auto& c : dot_commands()) {
      if (!args.empty() && std::string(c.name) != args[0] && std::string(c.name) != "." + args[0]) continue;
      std::string head = std::string(c.name) + (*c.args ? " " + std::string(c.args) : "");
      std::cout << head << std::string(head.size() < 40 ? 40 - head.size() : 1, ' ') << c.help << "\n";
    }
    if (args.empty()) std::cout << "Statements: `help` lists them; `help compare` shows one with its clauses and examples.\n";
    return 0;
  }
  static int mode(Host& h, const std::vector<std::string>& args, const std::string& line) {
    if (args.size() != 1)
      return bad(h, line, args.size() > 1 ? args[1] : "", args.empty() ? "which mode?" : "one mode only", self(".mode"));
    const auto f = parse_format(args[0]);
    if (!f) return bad(h, line, args[0], "unknown mode '" + args[0] + "'", self(".mode"), format_list());
    h.output_.set_format(*f);
    return 0;
  }
  static int data(Host& h, const std::vector<std::string>& args, const std::string& line) {
    if (!args.empty()) return bad(h, line, args[0], "no arguments expected", self(".data"));
    const DataSummary d = h.session_.data();
    std::ostream& o = h.out();
    o << d.rows << " rows on " << d.lines << " configuration lines from " << d.files << " files";
    if (d.duplicates_merged) o << " (" << d.duplicates_merged << " duplicates merged)";
    o << "\nmodels: ";
    for (std::size_t i = 0; i < d.models.size(); ++i) o << (i ? ", " : "") << d.models[i];
    o << "\ngpus: ";
    for (std::size_t i = 0; i < d.gpus.size(); ++i) o << (i ? ", " : "") << d.gpus[i];
    o << "\nrun dates: " << d.first_date << " … " << d.last_date << "\n";
    if (d.unusable_rows) o << d.unusable_rows << " unusable records (see `list sources`)\n";
    for (const auto& s : d.sources) o << "  " << s << "\n";
    if (!d.note.empty()) o << d.note << (d.snapshot.empty() ? "" : "; parsed data read from " + d.snapshot) << "\n";
    return 0;
  }
  static int load(Host& h, const std::vector<std::string>& args, const std::string& line) {
    if (args.size() != 1) return bad(h, line, args.size() > 1 ? args[1] : "", "one path please", self(".load"));
    return h.run_icq("load \"" + args[0] + "\"", ".load");
  }
  static int read(Host& h, const std::vector<std::string>& args, const std::string& line) {
    if (args.size() != 1) return bad(h, line, args.size() > 1 ? args[1] : "", "one file please", self(".read"));
    std::ifstream in(args[0], std::ios::binary);
    if (!in) return bad(h, line, args[0], "cannot read '" + args[0] + "'", self(".read"));
    std::ostringstream ss;
    ss << in.rdbuf();
    return h.run_script(ss.str(), args[0]);
  }
  static int output(Host& h, const std::vector<std::string>& args, const std::string& line) {
    if (args.size() > 1) return bad(h, line, args[1], "one file at most", self(".output"));
    const int ended = h.end_png();  // the .png output before, if it got no chart
    if (const std::string why = h.set_output(args.empty() ? std::string{} : args[0]); !why.empty())
      return gravest(ended, bad(h, line, args[0], "cannot write '" + args[0] + "': " + why, self(".output")));
    return ended;
  }
  static int chartlog(Host& h, const std::vector<std::string>& args, const std::string& line) {
    if (args.size() != 1 || (args[0] != "x" && args[0] != "y" && args[0] != "xy" && args[0] != "off"))
      return bad(h, line, args.empty() ? "" : args[0], args.empty() ? "which axes?" : "expected x, y, xy or off", self(".chartlog"));
    h.opt_.log_x = args[0] == "x" || args[0] == "xy";
    h.opt_.log_y = args[0] == "y" || args[0] == "xy";
    return 0;
  }
  static int timer(Host& h, const std::vector<std::string>& args, const std::string& line) {
    if (args.size() != 1 || (args[0] != "on" && args[0] != "off"))
      return bad(h, line, args.empty() ? "" : args[0], args.empty() ? "on or off?" : "expected on or off", self(".timer"));
    h.timer_ = args[0] == "on";
    return 0;
  }
  static int prices(Host& h, const std::vector<std::string>& args, const std::string& line) {
    if (!args.empty()) return bad(h, line, args[0], "no arguments expected", self(".prices"));
    return h.run_icq("list settings; list editions", ".prices");
  }
  static int quit(Host& h, const std::vector<std::string>&, const std::string&) {
    h.quit_ = true;
    return 0;
  }
};

const std::vector<DotCommand>& dot_commands() {
  static const std::vector<DotCommand> table = {
      {".help", "[COMMAND]", "this list, or one command", &DotCommands::help},
      {".mode", "table|markdown|csv|json|jsonl|page|svg|html", "how results are rendered (svg: the chart; html: a page)",
       &DotCommands::mode},
      {".data", "", "what is loaded: files, rows, models, GPUs, date range", &DotCommands::data},
      {".load", "PATH", "add a data file or folder (like the load statement)", &DotCommands::load},
      {".read", "FILE", "run a script", &DotCommands::read},
      {".output", "[FILE]", "send results to FILE (none: back to the terminal); FILE.png: each chart as a PNG", &DotCommands::output},
      {".chartlog", "x|y|xy|off", "logarithmic chart axes (svg, html, png, plot)", &DotCommands::chartlog},
      {".timer", "on|off", "print how long each statement took", &DotCommands::timer},
      {".prices", "", "the prices and powers in effect, and the catalog editions", &DotCommands::prices},
      {".quit", "", "leave (also .exit, Ctrl-D)", &DotCommands::quit},
      {".exit", "", "leave", &DotCommands::quit},
  };
  return table;
}

const DotCommand* find_dot_command(const std::string& name, std::vector<std::string>* candidates) {
  const DotCommand* found = nullptr;
  for (const auto& c : dot_commands()) {
    if (name == c.name) return &c;
    if (std::string(c.name).rfind(name, 0) == 0) {
      if (candidates) candidates->push_back(c.name);
      found = found ? reinterpret_cast<const DotCommand*>(1) : &c;
    }
  }
  return found == reinterpret_cast<const DotCommand*>(1) ? nullptr : found;
}

}  // namespace icq::repl
