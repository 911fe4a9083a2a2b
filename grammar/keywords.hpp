#pragma once
// The language's vocabulary in one table: every statement with its syntax, summary and examples,
// and the clause keywords. `help`, completion and "did you mean" read these tables, and the tests
// parse every example, so the documentation cannot drift from the grammar.
#include <string>
#include <string_view>
#include <vector>

namespace icq::grammar {

// The groups of clauses: a statement names the groups it takes (StatementDoc::clauses), each
// clause its group (ClauseDoc::group). `help STATEMENT` lists a statement's clauses from them and
// the binder refuses any other clause, naming the statements it belongs to.
namespace clause {
inline constexpr unsigned filters = 1u << 0;    // on, gpu, model, … and let names
inline constexpr unsigned where = 1u << 1;      // where CONDITION
inline constexpr unsigned date = 1u << 2;       // as of DATE, on date DATE
inline constexpr unsigned targets = 1u << 3;    // at …, clamp
inline constexpr unsigned show = 1u << 4;       // show …
inline constexpr unsigned economics = 1u << 5;  // using cost|dashboard, tokens
inline constexpr unsigned axis = 1u << 6;       // using interactivity
inline constexpr unsigned prices = 1u << 7;     // using prices
inline constexpr unsigned since = 1u << 8;      // since DATE
inline constexpr unsigned by = 1u << 9;         // by …
inline constexpr unsigned order = 1u << 10;     // order by
inline constexpr unsigned noise = 1u << 11;     // with noise
inline constexpr unsigned limit = 1u << 12;     // limit N
}  // namespace clause

struct StatementDoc {
  const char* keyword;  // "compare"
  const char* syntax;
  const char* summary;
  std::vector<const char*> examples;  // each parses as this statement
  bool explainable = false;           // reads rows: `explain` and `plot` take it
  unsigned clauses = 0;               // the clause groups it takes (clause::…)
};

const std::vector<StatementDoc>& statement_docs();
// By keyword; nullptr for a word that is no statement.
const StatementDoc* statement_doc(std::string_view keyword);

struct ClauseDoc {
  const char* keyword;  // "where"
  const char* syntax;   // "where CONDITION"
  const char* summary;
  unsigned group;  // clause::…; `using` is three groups at once
};

const std::vector<ClauseDoc>& clause_docs();
// The statements that take any clause of `group`, as a sentence names them: "compare, rank and trend".
std::string statements_taking(unsigned group);

// What `list` takes: each line dimension's list word (data/dimensions.hpp), then the lists that are
// no dimension's (dates, metrics, editions, sources, fields, settings).
const std::vector<std::string>& list_targets();
// What `describe` takes: each line dimension's keyword, then the catalog's other entries (metric, edition).
const std::vector<std::string>& describe_kinds();

}  // namespace icq::grammar
