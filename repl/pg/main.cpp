// icq-pg: a database given as data (`--data postgresql://…`, `load "postgresql://…"`,
// $ICQ_DATABASE_URL), read for icq (common/database.hpp runs it) with libpq, so that icq itself
// links no libpq. The URL comes on stdin, never on the command line where `ps` shows it; the
// answer goes to stdout, one "field value" line each: snapshot, key and note, or error and help.
#include <unistd.h>

#include <csignal>
#include <iostream>
#include <optional>
#include <string>

#include "options.hpp"
#include "pg.hpp"
#include "pg_connection.hpp"

namespace {

volatile std::sig_atomic_t g_stop = 0;
extern "C" void on_signal(int) { g_stop = 1; }

// A field's value on one line.
std::string line(std::string s) {
  for (char& c : s)
    if (c == '\n' || c == '\r') c = ' ';
  return s;
}

int fail(const std::string& message, const std::string& help) {
  std::cout << "error " << line(message) << "\n";
  if (!help.empty()) std::cout << "help " << line(help) << "\n";
  return 2;
}

}  // namespace

int main(int argc, char** argv) {
  std::optional<std::string> folder;
  bool help = false;
  const std::vector<icq::hosts::Option> table = {
      {{"--snapshot-dir"},
       {},
       "DIR",
       "the folder the database's snapshot is kept in",
       "a folder",
       "",
       "/tmp/icq",
       icq::hosts::set_text(folder)},
      {{"-h", "--help"}, {}, "", "print this help", "", "", "", icq::hosts::set_flag(help)},
  };
  const auto operand = [](int, const std::string& word) -> std::variant<icq::hosts::Operand, icq::hosts::UsageError> {
    return icq::hosts::UsageError{"unexpected '" + word + "'", "the database's URL comes on stdin"};
  };
  if (const auto error = icq::hosts::parse(table, argc, argv, operand, "icq-pg")) return fail(error->message, error->help);
  if (help) {
    std::cout << "usage: icq-pg --snapshot-dir DIR < URL\n\nicq runs it for a PostgreSQL database given as data: it reads the "
                 "database with libpq into a snapshot in DIR (or finds the one there current) and answers on stdout.\n\noptions:\n"
              << icq::hosts::options_help(table);
    return 0;
  }
  if (!folder) return fail("icq-pg needs --snapshot-dir DIR", "icq runs it (docs/ARCHITECTURE.md, repl/pg)");
  std::string url;
  if (!std::getline(std::cin, url) || url.empty()) return fail("icq-pg reads the database's URL from stdin, and got none", "");

  struct sigaction sa {};
  sa.sa_handler = on_signal;
  sigemptyset(&sa.sa_mask);
  for (const int sig : {SIGINT, SIGTERM, SIGHUP}) ::sigaction(sig, &sa, nullptr);
  try {
    const icq::pg::Answer a = icq::pg::read_into_snapshot(url, *folder, ::isatty(STDERR_FILENO) == 1, g_stop);
    std::cout << "snapshot " << line(a.snapshot) << "\nkey " << line(a.key) << "\nnote " << line(a.note) << "\n";
    return 0;
  } catch (const icq::pg::Failure& f) {
    return fail(f.message, f.help);
  }
}
