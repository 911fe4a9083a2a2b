#pragma once
// The icq grammar (PEGTL 3.2.7), one rule per line, bottom-up. Included by parser.cpp and the
// grammar's unit test only. Keywords are case-insensitive and need their own word boundary,
// because names such as `qwen3.5-397b` or `8k/1k` contain '.', '-' and '/'.
#include <tao/pegtl.hpp>

namespace icq::grammar::rules {

namespace pegtl = tao::pegtl;
using namespace pegtl;  // NOLINT: the rule vocabulary reads best unqualified here

// need<R>: like must<R>, but the input is rewound before the error is raised, so an error points
// at the start of what was expected ("as of 2026-13" points at "2026-13", not past it).
template <typename R>
struct need : pegtl::internal::must<R> {
  template <apply_mode A, rewind_mode, template <typename...> class Action, template <typename...> class Control, typename ParseInput,
            typename... States>
  [[nodiscard]] static bool match(ParseInput& in, States&&... st) {
    if (!Control<R>::template match<A, rewind_mode::required, Action, Control>(in, st...))
      Control<R>::raise(static_cast<const ParseInput&>(in), st...);
    return true;
  }
};

// list_need<R, S>: R (S R)*, where R is required once a separator has been read, so that input
// ending after a separator ("on b200," / "where tp = 8 and") is incomplete (a REPL reads another
// line) and "at 56,,98" points at the second ','. PEGTL's list<> would end the list before the
// separator and blame the separator instead.
template <typename R, typename S>
struct list_need : seq<R, star<S, need<R>>> {};

// --- lexical -------------------------------------------------------------------------------
struct name_char : sor<alnum, one<'.', '-', '_', '/', '+', '*'>> {};
template <typename Str>
struct kw : seq<Str, not_at<name_char>> {};

#define ICQ_KW(name, text) \
  struct kw_##name : kw<TAO_PEGTL_ISTRING(text)> {}

ICQ_KW(compare, "compare");
ICQ_KW(list, "list");
ICQ_KW(describe, "describe");
ICQ_KW(help, "help");
ICQ_KW(vs, "vs");
ICQ_KW(on, "on");
ICQ_KW(gpu, "gpu");
ICQ_KW(hardware, "hardware");
ICQ_KW(model, "model");
ICQ_KW(precision, "precision");
ICQ_KW(framework, "framework");
ICQ_KW(family, "family");
ICQ_KW(spec, "spec");
ICQ_KW(seq, "seq");
ICQ_KW(deployment, "deployment");
ICQ_KW(vendor, "vendor");
ICQ_KW(date, "date");
ICQ_KW(where, "where");
ICQ_KW(and, "and");
ICQ_KW(or, "or");
ICQ_KW(not, "not");
ICQ_KW(in, "in");
ICQ_KW(as, "as");
ICQ_KW(of, "of");
ICQ_KW(at, "at");
ICQ_KW(interactivity, "interactivity");
ICQ_KW(band, "band");
ICQ_KW(step, "step");
ICQ_KW(clamp, "clamp");
ICQ_KW(show, "show");
ICQ_KW(using, "using");
ICQ_KW(prices, "prices");
ICQ_KW(tokens, "tokens");
ICQ_KW(cost, "cost");
ICQ_KW(dashboard, "dashboard");
ICQ_KW(for, "for");
ICQ_KW(frontier, "frontier");
ICQ_KW(points, "points");
ICQ_KW(trend, "trend");
ICQ_KW(accuracy, "accuracy");
ICQ_KW(set, "set");
ICQ_KW(let, "let");
ICQ_KW(param, "param");
ICQ_KW(load, "load");
ICQ_KW(explain, "explain");
ICQ_KW(plot, "plot");
ICQ_KW(since, "since");
ICQ_KW(by, "by");
ICQ_KW(order, "order");
ICQ_KW(limit, "limit");
ICQ_KW(asc, "asc");
ICQ_KW(desc, "desc");
ICQ_KW(expect, "expect");
ICQ_KW(assert, "assert");
ICQ_KW(all, "all");
ICQ_KW(rank, "rank");
ICQ_KW(crossover, "crossover");
ICQ_KW(config, "config");
ICQ_KW(with, "with");
ICQ_KW(noise, "noise");
ICQ_KW(last, "last");
ICQ_KW(solid, "solid");
#undef ICQ_KW

// Whitespace inside a statement: blanks, comments, and a backslash-newline continuation. A comment
// stops before a continuation, so `… -- why \` goes on to the next line (as the REPL joins lines).
struct continuation : seq<one<'\\'>, star<one<' ', '\t'>>, eol> {};
struct comment : seq<sor<two<'-'>, one<'#'>>, until<at<sor<continuation, eol, eof>>>> {};
struct blank : sor<one<' ', '\t', '\r'>, comment, continuation> {};
struct sp : star<blank> {};
struct sp1 : plus<blank> {};
struct comma : seq<sp, one<','>, sp> {};

struct digits : plus<digit> {};
struct number : seq<opt<one<'-'>>, digits, opt<one<'.'>, digits>> {};
struct date_lit : seq<rep<4, digit>, one<'-'>, rep<2, digit>, one<'-'>, rep<2, digit>, not_at<name_char>> {};
struct param_ref : seq<one<'$'>, plus<sor<alnum, one<'_'>>>> {};
struct quoted : seq<one<'"'>, star<not_one<'"', '\n'>>, one<'"'>> {};
struct word : plus<name_char> {};

// A value: a parameter reference, a date, or a bare word (names, numbers, "8k/1k", "2026-04").
// Clause keywords are not values, so `on model dsr1` reports the missing GPU instead of a GPU
// named "model".
struct clause_start;
struct value : seq<not_at<clause_start>, sor<param_ref, date_lit, word>> {};
struct value_list : list_need<value, comma> {};

// --- filters and clauses ---------------------------------------------------------------------
struct filter_key
    : sor<kw_on, kw_gpu, kw_hardware, kw_model, kw_precision, kw_framework, kw_family, kw_spec, kw_seq, kw_deployment, kw_vendor> {};
struct filter_values : value_list {};
struct filter : seq<filter_key, sp, need<filter_values>> {};

// A metric's qualifier: a latency percentile (`ttft p99`) or throughput's tokens (`throughput output`).
struct qualifier : seq<sor<seq<one<'p', 'P'>, digits, opt<one<'.'>, digits>>, TAO_PEGTL_ISTRING("median"), TAO_PEGTL_ISTRING("mean"),
                           TAO_PEGTL_ISTRING("total"), TAO_PEGTL_ISTRING("output"), TAO_PEGTL_ISTRING("input")>,
                       not_at<name_char>> {};
struct field : word {};
struct field_qualifier : qualifier {};
struct cmp_op
    : sor<string<'<', '='>, string<'>', '='>, string<'!', '='>, string<'<', '>'>, string<'=', '='>, one<'<'>, one<'>'>, one<'='>> {};
struct operand : sor<param_ref, date_lit, quoted, word> {};
struct operand_list : list_need<operand, comma> {};
struct close_paren : one<')'> {};
struct open_paren : one<'('> {};
struct in_list : seq<open_paren, sp, need<operand_list>, sp, need<close_paren>> {};
struct in_test : seq<kw_in, sp, need<in_list>> {};
struct not_in_test : seq<kw_not, sp, kw_in, sp, need<in_list>> {};
struct cmp_test : seq<cmp_op, sp, need<operand>> {};
struct test : sor<cmp_test, in_test, not_in_test> {};
struct comparison : seq<field, opt<sp1, field_qualifier>, sp, need<test>> {};
struct or_expr;
struct paren_expr : seq<one<'('>, sp, need<or_expr>, sp, need<close_paren>> {};
struct not_expr;
struct primary : sor<paren_expr, not_expr, comparison> {};
struct not_expr : seq<kw_not, sp, need<primary>> {};
struct and_expr : list_need<primary, seq<sp, kw_and, sp>> {};
struct or_expr : list_need<and_expr, seq<sp, kw_or, sp>> {};
// seq<>, not inheritance: or_expr must run as a rule of its own so the parse tree keeps its node
// (deriving from it would store the top-level and_expr nodes bare and drop all but the first).
struct where_expr : seq<or_expr> {};
struct where_clause : seq<kw_where, sp, need<where_expr>> {};

struct date_value : date_lit {};
struct as_of_clause : seq<kw_as, sp, need<kw_of>, sp, need<date_value>> {};
struct on_date_clause : seq<kw_on, sp, kw_date, sp, need<date_value>> {};

// A target runs to the end of its word: `1e999` is an error, not 1 and a name "e999".
struct target_number : sor<param_ref, seq<number, not_at<sor<alpha, one<'_'>>>>> {};
struct range_to : target_number {};
struct range_step : target_number {};
struct target_item : seq<target_number, opt<sp, two<'.'>, sp, need<range_to>, opt<sp, kw_step, sp, need<range_step>>>> {};
struct target_list : list_need<target_item, comma> {};
struct percent_item : seq<target_number, opt<sp, one<'%'>>> {};
struct percent_list : list_need<percent_item, comma> {};
struct band_targets : seq<kw_band, sp, need<percent_list>> {};
struct interactivity_targets : seq<opt<kw_interactivity, sp>, need<target_list>> {};
struct targets : sor<band_targets, interactivity_targets> {};
struct targets_clause : seq<kw_at, sp, need<targets>> {};

struct clamp_clause : kw_clamp {};

struct metric_name : word {};
struct metric_item : seq<metric_name, opt<sp1, qualifier>> {};
struct metric_list : list_need<metric_item, comma> {};
struct show_clause : seq<kw_show, sp, need<metric_list>> {};

struct price_word : seq<not_at<clause_start>, word> {};
struct price_words : list<price_word, sor<comma, sp1>> {};
struct using_prices : seq<kw_prices, sp, need<price_words>> {};
struct cost_method : word {};
struct using_cost : seq<kw_cost, sp, need<cost_method>> {};
struct dashboard_date : sor<param_ref, date_lit> {};
struct using_dashboard : seq<kw_dashboard, sp, need<dashboard_date>> {};
struct percentile_word : word {};
struct using_interactivity : seq<kw_interactivity, sp, need<percentile_word>> {};
// `using prices 2026-04 using cost splined`: one item per clause; the binder resolves them in order.
struct using_item : sor<using_prices, using_cost, using_dashboard, using_interactivity> {};
struct using_clause : seq<kw_using, sp, need<using_item>> {};
struct token_word : word {};
struct tokens_clause : seq<kw_tokens, sp, need<token_word>> {};

struct since_clause : seq<kw_since, sp, need<date_value>> {};
struct by_field : word {};
struct by_clause : seq<kw_by, sp, need<by_field>> {};
struct order_column : word {};
struct order_direction : sor<kw_asc, kw_desc> {};
struct order_qualifier : qualifier {};
struct order_item : seq<order_column, opt<sp1, order_qualifier>, opt<sp1, order_direction>> {};
struct order_list : list_need<order_item, comma> {};
struct order_clause : seq<kw_order, sp, need<kw_by>, sp, need<order_list>> {};
struct limit_value : sor<param_ref, digits> {};
// `with noise [last N]`: each value's spread over the side's last N run dates.
struct noise_runs : sor<param_ref, digits> {};
struct noise_clause : seq<kw_with, sp, need<kw_noise>, opt<sp, kw_last, sp, need<noise_runs>>> {};
struct limit_clause : seq<kw_limit, sp, need<limit_value>> {};

struct statement_keyword;
struct clause_start
    : sor<filter_key, kw_where, kw_as, kw_at, kw_clamp, kw_show, kw_using, kw_tokens, kw_vs, kw_since, kw_by, kw_order, kw_limit, kw_with> {
};
// A bare name in clause position is a `let` filter set (`compare precision fp4 vs fp8 amd …`); the
// binder reports an unknown one with suggestions from the clause keywords and the defined names.
struct let_ref : seq<not_at<clause_start>, not_at<statement_keyword>, word> {};
struct clause : sor<on_date_clause, filter, where_clause, as_of_clause, targets_clause, clamp_clause, show_clause, using_clause,
                    tokens_clause, since_clause, by_clause, order_clause, limit_clause, noise_clause, let_ref> {};
struct clauses : star<sp, clause> {};

// --- compare ---------------------------------------------------------------------------------
struct dimension
    : sor<kw_precision, kw_spec, kw_gpu, kw_hardware, kw_framework, kw_family, kw_deployment, kw_vendor, kw_seq, kw_model, kw_date> {};
struct side_value : value {};
struct side_filter : sor<on_date_clause, filter, where_clause, as_of_clause, let_ref> {};
struct side_filters : list<side_filter, sp> {};
struct paren_side : seq<one<'('>, sp, need<side_filters>, sp, need<close_paren>> {};
struct more_sides_value : seq<sp, kw_vs, sp, need<side_value>> {};
struct let_side : seq<not_at<dimension>, not_at<clause_start>, word> {};
struct side_term : sor<paren_side, let_side> {};
struct more_sides_paren : seq<sp, kw_vs, sp, need<side_term>> {};
// `compare gpu *` / `compare gpu all`: every value present under the shared filters is a side.
struct all_values : sor<one<'*'>, kw_all> {};
struct listed_sides : seq<need<side_value>, sp, need<kw_vs>, sp, need<side_value>, star<more_sides_value>> {};
struct dimension_sides : seq<dimension, sp, sor<all_values, listed_sides>> {};
// A let name opens a comparison only when `vs` follows it, so a misspelt dimension
// ("compare precisoin fp4 vs fp8") is reported as such.
struct first_side : sor<paren_side, seq<let_side, at<sp, kw_vs>>> {};
struct paren_sides : seq<first_side, sp, need<kw_vs>, sp, need<side_term>, star<more_sides_paren>> {};
struct compare_sides : sor<dimension_sides, paren_sides> {};
struct compare_stmt : seq<kw_compare, sp, need<compare_sides>, clauses> {};

// --- rank, crossover --------------------------------------------------------------------------
// `rank gpu by cost at 50 …`: every value of a dimension (or every configuration) as a side, best first.
struct rank_dimension : sor<dimension, kw_config> {};
struct rank_stmt : seq<kw_rank, sp, need<rank_dimension>, clauses> {};
// `crossover gpu mi355x vs b200 … by throughput`: where in the band the leader changes.
struct crossover_stmt : seq<kw_crossover, sp, need<compare_sides>, clauses> {};

// --- list, describe, help --------------------------------------------------------------------
struct list_what : word {};
struct list_stmt : seq<kw_list, sp, need<list_what>, opt<sp, kw_for>, clauses> {};
struct describe_kind : word {};
struct describe_name : sor<param_ref, date_lit, word> {};
struct describe_stmt : seq<kw_describe, sp, need<describe_kind>, sp, need<describe_name>> {};
struct help_topic : word {};
struct help_stmt : seq<kw_help, opt<sp, help_topic>> {};

// --- frontier, points, trend, accuracy ---------------------------------------------------------
struct frontier_stmt : seq<kw_frontier, clauses> {};
struct points_stmt : seq<kw_points, clauses> {};
struct trend_metrics : metric_list {};
struct trend_stmt : seq<kw_trend, sp, need<trend_metrics>, clauses> {};
struct accuracy_stmt : seq<kw_accuracy, clauses> {};

// --- session: set, let, param, load --------------------------------------------------------------
struct set_name : word {};
struct set_arg : sor<param_ref, quoted, date_lit, word> {};
struct set_args : list<set_arg, sor<comma, sp1>> {};
struct set_stmt : seq<kw_set, sp, need<set_name>, sp, need<set_args>> {};
struct equals : one<'='> {};
struct let_name : seq<not_at<clause_start>, not_at<dimension>, identifier> {};
struct let_stmt : seq<kw_let, sp, need<let_name>, sp, need<equals>, sp, need<paren_side>> {};
struct param_name : identifier {};
struct param_value : sor<quoted, date_lit, word> {};
struct param_stmt : seq<kw_param, sp, need<param_name>, sp, need<equals>, sp, need<param_value>> {};
struct path_word : plus<not_one<' ', '\t', '\r', '\n', ';'>> {};
struct load_path : sor<quoted, path_word> {};
struct load_stmt : seq<kw_load, sp, need<load_path>> {};

// expect / assert: gates on the latest comparison, e.g. `expect cost(fp4) < cost(fp8) at 56`.
struct call_side : sor<quoted, word> {};
struct call_metric : word {};
struct metric_call : seq<call_metric, sp, one<'('>, sp, need<call_side>, sp, need<close_paren>> {};
struct factor : seq<one<'*'>, sp, need<number>> {};
struct scale : number {};
struct scaled_call : seq<scale, sp, one<'*'>, sp, need<metric_call>> {};
struct expect_operand : sor<scaled_call, seq<sor<metric_call, number>, opt<sp, factor>>> {};
struct expect_cmp : cmp_op {};
struct expect_rhs : expect_operand {};
struct expect_expr : seq<expect_operand, sp, need<expect_cmp>, sp, need<expect_rhs>> {};
struct expect_targets : target_list {};
// `solid`: the values must be measured or along one configuration (SEMANTICS.md §12); alone, every
// value of the comparison must be (`expect solid at 56`), after a comparison the two it names.
struct expect_solid : kw_solid {};
struct expect_stmt : seq<sor<kw_expect, kw_assert>, sp, sor<expect_solid, need<expect_expr>>,
                         opt<sp, kw_at, sp, opt<kw_interactivity, sp>, need<expect_targets>>, opt<sp, expect_solid>> {};

struct explained : sor<compare_stmt, rank_stmt, crossover_stmt, frontier_stmt, points_stmt, trend_stmt, accuracy_stmt> {};
struct explain_stmt : seq<kw_explain, sp, need<explained>> {};
// `plot STATEMENT`: the statement's result, and its chart drawn in the terminal (a host's effect).
struct plotted : explained {};
struct plot_stmt : seq<kw_plot, sp, need<plotted>> {};

// --- program ---------------------------------------------------------------------------------
struct statement_keyword : sor<kw_compare, kw_rank, kw_crossover, kw_list, kw_describe, kw_help, kw_frontier, kw_points, kw_trend,
                               kw_accuracy, kw_set, kw_let, kw_param, kw_load, kw_explain, kw_plot, kw_expect, kw_assert> {};
struct statement : sor<compare_stmt, rank_stmt, crossover_stmt, list_stmt, describe_stmt, help_stmt, frontier_stmt, points_stmt, trend_stmt,
                       accuracy_stmt, set_stmt, let_stmt, param_stmt, load_stmt, explain_stmt, plot_stmt, expect_stmt> {};
struct statement_end : sor<one<';'>, eol, eof> {};
struct separator : sor<one<' ', '\t', '\r', '\n', ';'>, comment, continuation> {};
struct statement_start : statement {};
struct program : seq<star<separator>, star<not_at<eof>, need<statement_start>, sp, need<statement_end>, star<separator>>, eof> {};

}  // namespace icq::grammar::rules
