#pragma once
// The language's vocabulary in one table: every statement with its syntax, summary and examples,
// and the clause keywords. `help`, completion and "did you mean" read these tables, and the tests
// parse every example, so the documentation cannot drift from the grammar.
#include <string>
#include <vector>

namespace icq::grammar {

struct StatementDoc {
  const char* keyword;   // "compare"
  const char* syntax;
  const char* summary;
  std::vector<const char*> examples;  // each parses as this statement
  bool explainable = false;           // reads rows: `explain` and `plot` take it
};

const std::vector<StatementDoc>& statement_docs();

struct ClauseDoc {
  const char* keyword;  // "where"
  const char* syntax;   // "where CONDITION"
  const char* summary;
};

const std::vector<ClauseDoc>& clause_docs();

}  // namespace icq::grammar
