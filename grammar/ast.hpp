#pragma once
// The syntax tree of an icq program: plain structs that own their strings and carry source spans.
// Nothing here knows PEGTL; the parser (parser.cpp) is the only place that does.
#include <cstdint>
#include <optional>
#include <string>
#include <variant>
#include <vector>

namespace icq::ast {

// Byte offsets [begin, end) into the program text.
struct Span {
  std::uint32_t begin = 0, end = 0;
};

// A word as written (a name, a value, a keyword argument).
struct Word {
  std::string text;
  Span span;
  enum class Kind : std::uint8_t { name, number, date, string, param } kind = Kind::name;
};

// `gpu b200, mi355x`, `model dsr1`, `seq 8k/1k` …  key is the canonical clause keyword.
struct Filter {
  std::string key;  // "gpu" (also for `on`/`hardware`), "model", "precision", "framework", "family",
                    // "spec", "seq", "deployment", "vendor"
  Span key_span;
  std::vector<Word> values;
};

// `where` expressions.
struct Expr {
  enum class Op : std::uint8_t { and_, or_, not_, compare, in, not_in } op = Op::compare;
  Word field;                     // compare / in
  std::optional<Word> qualifier;  // `ttft p99`: a metric's percentile
  std::string cmp;                // "=", "!=", "<", "<=", ">", ">="
  std::vector<Word> operands;     // compare: one; in: one or more
  std::vector<Expr> children;     // and/or: two or more; not: one
  Span span;
};

struct DateSelection {
  enum class Kind : std::uint8_t { as_of, on } kind = Kind::as_of;
  Word date;
  Span span;
};

struct TargetItem {
  Word value;                // a number or $param
  std::optional<Word> to;    // range end
  std::optional<Word> step;  // range step
  Span span;
};

struct Targets {
  enum class Kind : std::uint8_t { interactivity, band } kind = Kind::interactivity;
  std::vector<TargetItem> items;  // band: percentages
  Span span;
};

struct MetricRef {
  Word name;
  std::optional<Word> qualifier;  // "p99", "median", "output" …
  Span span;
};

// One `using` item: `prices 2026-04 neocloud`, `cost splined`, `dashboard 2026-07-15`,
// `interactivity p90`. Several may follow each other.
struct Using {
  enum class Kind : std::uint8_t { prices, cost, dashboard, interactivity } kind = Kind::prices;
  std::vector<Word> words;
  Span span;
};

struct OrderItem {
  Word column;
  std::optional<Word> qualifier;  // `order by ttft p99`: a metric's percentile
  bool descending = false;
};

// Clauses shared by the statements that select data.
struct Clauses {
  std::vector<Filter> filters;
  std::vector<Expr> where;  // each `where` clause; all must hold
  std::optional<DateSelection> date;
  std::optional<Targets> targets;
  std::optional<Span> clamp;
  std::vector<MetricRef> show;
  Span show_span;
  std::vector<Using> usings;  // in the order written
  std::optional<Word> tokens;
  std::vector<Word> lets;        // `let` names used as filter sets
  std::optional<Word> since;     // trend
  std::optional<Word> by;        // trend
  std::vector<OrderItem> order;  // points
  std::optional<Word> limit;     // points
  std::optional<Word> noise;     // compare `with noise [last N]`: the N (empty text: the default)
};

// One side of a comparison: a value of the compared dimension, or a parenthesised filter set
// (or, later, a `let` name).
struct Side {
  std::optional<Word> value;
  std::optional<Word> let;  // a side named by `let`
  std::vector<Filter> filters;
  std::vector<Word> lets;  // `let` names inside a parenthesised side
  std::vector<Expr> where;
  std::optional<DateSelection> date;
  Span span;
};

struct Compare {
  std::optional<Word> dimension;  // absent for filter-set sides
  std::vector<Side> sides;
  std::optional<Span> all_values;  // `compare gpu *`: the sides are every value present
  Clauses clauses;
};

// `rank DIMENSION by METRIC …`: `by` names the metric; DIMENSION may be `config` (each line a side).
struct Rank {
  Word dimension;
  Clauses clauses;
};

// `crossover DIMENSION A vs B … by METRIC`: the sides and clauses of a comparison.
struct Crossover {
  Compare compare;
};

struct List {
  Word what;  // "gpus", "models", …
  Clauses clauses;
};

struct Describe {
  Word kind;  // "gpu", "model", "metric", …
  Word name;
};

struct Help {
  std::optional<Word> topic;
};

struct Frontier {
  Clauses clauses;
};

struct Points {
  Clauses clauses;
};

struct Trend {
  std::vector<MetricRef> metrics;
  Clauses clauses;
};

struct Accuracy {
  Clauses clauses;
};

struct Set {
  Word name;               // "price", "power", "prices", "format"
  std::vector<Word> args;  // "mi355x", "1.80"
};

struct Let {
  Word name;
  Side side;  // the parenthesised filter set
};

struct Param {
  Word name;
  Word value;
};

struct Load {
  Word path;
};

// One side of an `expect` comparison: metric(side) [* factor], or a number [* factor].
struct ExpectOperand {
  std::optional<Word> metric;  // "cost"
  Word side_or_number;         // "fp4", or "0.30"
  std::optional<Word> factor;
  Span span;
};

struct Expect {
  ExpectOperand left, right;
  std::string cmp;                  // "<", "<=", …
  std::vector<TargetItem> targets;  // empty: every target of the comparison
  // `solid` (SEMANTICS.md §12): after the comparison, its two values must be solid too; alone
  // (`expect solid`, no operands), every value of the comparison must be.
  bool solid = false, every_value = false;
};

struct Statement;

struct Explain {
  std::vector<Statement> inner;  // exactly one
};

// `plot STATEMENT`: the statement, with its chart drawn by the host.
struct Plot {
  std::vector<Statement> inner;  // exactly one
};

using StatementBody = std::variant<Compare, Rank, Crossover, List, Describe, Help, Frontier, Points, Trend, Accuracy, Set, Let, Param, Load,
                                   Explain, Plot, Expect>;

struct Statement {
  StatementBody body;
  Span span;
  std::string text;  // the statement as written
};

struct Program {
  std::vector<Statement> statements;
};

struct SyntaxError {
  std::string message;  // "expected a precision after 'vs'"
  std::string help;     // "write two or more sides: compare precision fp4 vs fp8"
  std::uint32_t offset = 0;
  std::uint32_t length = 0;  // of the offending word, for the caret underline
  std::vector<std::string> suggestions;
  bool at_end = false;  // the input ended where more was expected (a REPL reads another line)
};

}  // namespace icq::ast
