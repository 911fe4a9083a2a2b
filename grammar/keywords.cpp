#include "keywords.hpp"

#include "data/dimensions.hpp"

namespace icq::grammar {

const std::vector<StatementDoc>& statement_docs() {
  // A table laid out by hand, a row a line.
  // clang-format off
  static const std::vector<StatementDoc> docs = {
      {"compare",
       "compare DIMENSION A vs B [vs C …] | compare DIMENSION * | compare SIDE vs SIDE … (SIDE: (FILTERS) or a let name)  [CLAUSES]",
       "two or more configurations side by side at matched interactivity: throughput per GPU, cost per million "
       "tokens, tok/s/MW and concurrency on each side's Pareto frontier, with verdict sentences",
       {"compare precision fp4 vs fp8 on mi355x model dsr1 seq 1k/1k",
        "compare spec mtp vs off on mi355x precision fp4 model dsr1",
        "compare gpu b200 vs mi355x vs h200 model dsr1 precision fp8 seq 8k/1k show throughput, cost, power, concurrency",
        "compare framework sglang vs trt on b200 model dsr1 seq 1k/1k",
        "compare deployment disagg vs single-node on b200 model dsr1 precision fp4",
        "compare (gpu h200 precision fp8) vs (gpu b200 precision fp4) model dsr1 seq 8k/1k show cost",
        "compare date 2026-05-18 vs 2026-05-22 on b200 model dsr1 precision fp8 at 40",
        "compare precision fp4 vs fp8 on mi355x model dsr1 at interactivity 20..100 step 20 clamp using prices 2026-04",
        "compare precision fp4 vs fp8 on mi355x model dsr1 show throughput, cost, accuracy",
        "compare gpu * model dsr1 precision fp8 seq 8k/1k at 50 show cost",
        "compare precision fp4 vs fp8 on b200 model dsr1 seq 1k/1k at 50 show throughput with noise last 5",
        "compare gpu gb300 vs b200 model dsr1 precision fp8 at 100 show throughput, deployable"}, true, clause::filters | clause::where | clause::date | clause::targets | clause::show | clause::economics | clause::axis | clause::prices | clause::noise},
      {"rank", "rank DIMENSION|config [by METRIC] at interactivity T[, T…] [FILTERS] [show METRICS] [limit N] [CLAUSES]",
       "every value of a dimension present under the filters (or every configuration, `rank config`) as a side, best "
       "first at each target by the metric's polarity, with the ratio to the best; values out of range are listed last; "
       "`limit N` shows the N best at each target",
       {"rank gpu by cost at interactivity 50 model dsr1 precision fp8 seq 8k/1k",
        "rank framework by throughput at 40, 80 on b200 model dsr1 precision fp4 seq 1k/1k",
        "rank config by throughput at 50 on mi355x model dsr1 precision fp8 seq 1k/1k",
        "rank config by cost at 50 model dsr1 precision fp8 seq 1k/1k limit 10"}, true, clause::filters | clause::where | clause::date | clause::targets | clause::show | clause::economics | clause::axis | clause::prices | clause::by | clause::limit},
      {"crossover", "crossover DIMENSION A vs B [vs C …] [by METRIC] [FILTERS] [CLAUSES]",
       "where in the band the leader on a metric changes (to 0.01 tok/s/user, on the comparison's splines), who leads "
       "on each stretch, and the values at each crossing",
       {"crossover gpu mi355x vs b200 model dsr1 precision fp8 seq 1k/1k by throughput",
        "crossover gpu mi355x vs b200 vs h200 model dsr1 precision fp8 seq 1k/1k by cost"}, true, clause::filters | clause::where | clause::date | clause::show | clause::economics | clause::axis | clause::prices | clause::by},
      {"frontier", "frontier [FILTERS] [where COND] [as of DATE | on date DATE]",
       "the Pareto points of a selection, with the configuration behind each point",
       {"frontier on b200 model dsr1 precision fp4 seq 1k/1k", "frontier on mi355x model dsr1 precision fp8 as of 2026-04-01"}, true, clause::filters | clause::where | clause::date | clause::show | clause::axis | clause::prices},
      {"points", "points [FILTERS] [where COND] [show COLUMNS] [order by COLUMN [asc|desc], …] [limit N]",
       "raw rows (the latest run of each line unless `as of`/`on date` says otherwise), any columns",
       {"points on mi355x model dsr1 where conc = 64",
        "points on b200 model dsr1 precision fp4 show framework, tp, conc, interactivity, throughput order by throughput desc limit 5"}, true, clause::filters | clause::where | clause::date | clause::show | clause::order | clause::limit | clause::axis | clause::prices},
      {"trend", "trend METRIC[, METRIC] [FILTERS] at interactivity T [since DATE] [by gpu|precision|framework|…]",
       "the interpolated value at T on each run date (the frontier as of that date), out-of-range dates reported",
       {"trend throughput on b200 model dsr1 precision fp4 seq 8k/1k at interactivity 50",
        "trend throughput, cost on mi355x model dsr1 precision fp8 at 40 since 2026-02-01 by framework"}, true, clause::filters | clause::where | clause::date | clause::targets | clause::economics | clause::axis | clause::prices | clause::since | clause::by},
      {"accuracy", "accuracy [FILTERS] [as of DATE] [where COND] [order by COLUMN [asc|desc], …] [limit N]",
       "evaluation scores (gsm8k, with standard error) of the selected configurations; a failed run (a score near 0) "
       "says so in its status; where, order by and limit read the table's columns",
       {"accuracy on mi355x model dsr1", "accuracy model dsr1 precision fp4",
        "accuracy model dsr1 where status = ok and em_strict < 0.95 order by em_strict limit 5"}, true,
       clause::filters | clause::date | clause::where | clause::order | clause::limit},
      {"set", "set price GPU $/H | set power GPU KW | set prices EDITION|TIER … | set cost splined|derived | set interactivity P | set dashboard DATE | set format FORMAT",
       "session settings: price and power overrides per GPU (every framework variant inherits them), the catalog "
       "edition and tier, the cost method, the interactivity percentile, the dashboard's method of a date, the output format",
       {"set price mi355x 1.80", "set power b200 1.9", "set prices 2026-04", "set prices 2026-07 neocloud", "set cost splined",
        "set dashboard 2026-07-15", "set format markdown"}},
      {"let", "let NAME = (FILTERS)", "names a filter set, usable as a comparison side or as a filter",
       {"let amd = (vendor amd)", "let fast = (where conc <= 16)"}},
      {"param", "param NAME = VALUE", "a parameter, referenced as $NAME; `icq -D NAME=VALUE` overrides it",
       {"param target = 50", "param gpu = mi355x"}},
      {"load", "load PATH | load \"PATH\"", "adds data files (any supported format, files or folders) to the session",
       {"load \"results/\"", "load export.csv"}},
      {"explain", "explain STATEMENT", "the resolved statement, then each step with its row counts, the band, targets and prices",
       {"explain compare precision fp4 vs fp8 on mi355x model dsr1", "explain points on mi355x model dsr1 where conc = 64"}},
      {"plot", "plot STATEMENT",
       "the statement's result with its chart drawn in the terminal (braille, coloured on a colour terminal): compare, "
       "frontier, trend and points have one; other results print as tables",
       {"plot compare precision fp4 vs fp8 on mi355x model dsr1 show throughput", "plot frontier on b200 model dsr1 precision fp4"}},
      {"expect", "expect|assert METRIC(SIDE) [* K] OP METRIC(SIDE)|NUMBER [at T, …] [solid]  |  expect solid [at T, …]",
       "a gate on the latest comparison for reports and CI: a failed expectation prints the values and makes the "
       "run exit 3 (without `at`, it must hold at every target of the comparison); `solid` also asks that the values be "
       "measured or along one configuration, not between two configurations or across a wide gap",
       {"expect cost(fp4) < cost(fp8) at 56", "expect throughput(fp8) >= 1.2 * throughput(fp4)", "assert cost(mi355x) <= 0.30 at 50",
        "expect cost(fp4) < cost(fp8) at 56 solid", "expect solid"}},
      {"list",
       "list gpus|models|precisions|frameworks|families|specs|deployments|vendors|sequences|dates|metrics|editions|sources|fields|settings [for FILTERS]",
       "what the data and the catalog hold, with row counts and run dates",
       {"list gpus", "list dates for model dsr1 on mi355x", "list frameworks for gpu b200"}, false, clause::filters},
      {"describe", "describe gpu|model|metric|precision|framework|family|spec|deployment|vendor|seq|edition NAME",
       "one entry of the catalog with what the data holds for it",
       {"describe gpu mi355x", "describe model dsr1", "describe metric cost", "describe edition 2026-04"}},
      {"help", "help [STATEMENT]", "the statements, or one statement with its clauses and examples", {"help", "help compare"}},
  };
  // clang-format on
  return docs;
}

const std::vector<ClauseDoc>& clause_docs() {
  // A table laid out by hand, a row a line.
  // clang-format off
  static const std::vector<ClauseDoc> docs = {
      {"on", "on GPU[, GPU]", "GPUs (also `gpu`, `hardware`)", clause::filters},
      {"gpu", "gpu GPU[, GPU]", "GPUs", clause::filters},
      {"model", "model MODEL[, MODEL]", "models (keys or names: dsr1, DeepSeek-R1-0528)", clause::filters},
      {"precision", "precision P[, P]", "fp4 (nvfp4, mxfp4), fp8, bf16, int4", clause::filters},
      {"framework", "framework F[, F]", "exact frameworks: sglang, trt, vllm, atom, dynamo-trt, …", clause::filters},
      {"family", "family F[, F]", "framework families: sglang, trt, vllm, atom", clause::filters},
      {"spec", "spec mtp|none", "speculative decoding (none = off = stp)", clause::filters},
      {"seq", "seq 1k/1k|1k/8k|8k/1k|agentic|ISL/OSL", "sequence shape (default 1k/1k)", clause::filters},
      {"deployment", "deployment disagg|single-node|agg|multinode", "serving topology", clause::filters},
      {"vendor", "vendor nvidia|amd", "GPU vendor", clause::filters},
      {"where", "where CONDITION", "row conditions: tp <= 8 and conc >= 16, framework in (sglang, vllm), not spec = mtp", clause::where},
      {"as", "as of DATE", "the newest run of each line up to DATE", clause::date},
      {"on date", "on date DATE", "the runs of DATE only", clause::date},
      {"at", "at [interactivity] T, … | at A..B step S | at band P%, …", "target interactivities (default: the band's 25/50/75 %)", clause::targets},
      {"clamp", "clamp", "outside a frontier take its edge value (flagged) instead of reporting out of range", clause::targets},
      {"show", "show METRIC[, METRIC]",
       "metrics (throughput [output|input], cost, tokens_per_dollar, power, joules, concurrency, ttft|tpot|itl|e2el [p90|p99|…], "
       "accuracy) or points columns; on compare also config (the frontier knots behind each value) and deployable (the best "
       "single configuration at each target)", clause::show},
      {"using", "using prices EDITION|TIER | using cost splined|derived | using dashboard DATE | using interactivity p50|p90|p99",
       "catalog edition (2026-04, 2026-07, 2026-09) and tier (hyperscaler, neocloud, rental); the cost method; everything the "
       "dashboard had in force on DATE; the interactivity percentile of the x axis (default p50, p90 for agentic rows)", clause::economics | clause::axis | clause::prices},
      {"tokens", "tokens total|output|input", "which throughput cost and power are computed from (disaggregated rows: per GPU of the whole deployment)", clause::economics},
      {"since", "since DATE", "trend: run dates from DATE on", clause::since},
      {"by", "by gpu|precision|framework|… (trend) | by METRIC (rank, crossover)", "trend: one series per value; rank and crossover: the metric", clause::by},
      {"order", "order by COLUMN [asc|desc], …", "points and accuracy: sort order", clause::order},
      {"limit", "limit N", "points and accuracy: at most N rows; rank: the N best at each target", clause::limit},
      {"with", "with noise [last N]", "compare: each value's spread over the last N reruns (default 5) of the configurations of its frontier knots, ±? with one run; a verdict inside both spreads called run-to-run noise", clause::noise},
  };
  // clang-format on
  return docs;
}

const StatementDoc* statement_doc(std::string_view keyword) {
  for (const auto& d : statement_docs())
    if (keyword == d.keyword) return &d;
  return nullptr;
}

std::string statements_taking(unsigned group) {
  std::vector<std::string> names;
  for (const auto& d : statement_docs())
    if (d.clauses & group) names.emplace_back(d.keyword);
  std::string out;
  for (std::size_t i = 0; i < names.size(); ++i) out += (i == 0 ? "" : i + 1 == names.size() ? " and " : ", ") + names[i];
  return out;
}

const std::vector<std::string>& list_targets() {
  static const std::vector<std::string> names = [] {
    std::vector<std::string> v;
    for (const auto& d : data::dimensions()) v.emplace_back(d.list_word);
    for (const char* n : {"dates", "metrics", "editions", "sources", "fields", "settings"}) v.emplace_back(n);
    return v;
  }();
  return names;
}

const std::vector<std::string>& describe_kinds() {
  static const std::vector<std::string> kinds = [] {
    std::vector<std::string> v;
    for (const auto& d : data::dimensions()) v.emplace_back(d.keyword);
    for (const char* n : {"metric", "edition"}) v.emplace_back(n);
    return v;
  }();
  return kinds;
}

}  // namespace icq::grammar
