#!/usr/bin/env python3
"""Cross-check the icq executable against the independent reference implementation.

    check_icq.py PATH/TO/icq [-k SUBSTRING] [-v]    run every case through both and compare
    check_icq.py --self-test [-k SUBSTRING]        run the reference only; print a compact table

For every case (an icq query and the equivalent reference spec, see CASES) it runs
`icq --format json [--data PATH ...] -c "<query>"` and compares with icq_ref.compare on the same
files.  A case without a data list uses icq's built-in data (the reference reads
../shared/data/inferencex/api/*/benchmarks*.json); a case with one (spec key "data", absolute
paths under the InferenceX data folder, $ICQ_DATA_DIR if set) passes each path as --data to icq
and loads the same paths in the reference (a folder = every *.json under it).  Compared:
  band; per side label, rows, frontier_points, range; per target interactivity and, per side,
  status, throughput / cost / tokens_per_mw (relative tolerance 1e-6; null must match null),
  concurrency (exact), tokens_per_dollar and joules_per_token when icq's JSON carries them
  (tokens_per_dollar is mandatory when the query says `show ... tokens_per_dollar`); and every
  summary clause of the reference must appear (case-insensitively, see below) in icq's summary
  sentence for that target.
STAR_CASES (`compare DIM *`): the sides icq lists must be the values the reference finds present
under the shared filters, and both that output and icq's explicit `compare DIM a vs b vs ...` of
the same sides must equal the reference's compare (only the metrics a `show` names).
RANK_CASES: per target, the order of the sides, rank, value and vs_best (1e-6 relative) and status
(a `rank config` side is matched by its label's "<gpu> <framework> <precision>" start), and that the
target's sentence names every side without a value there with why ("B200 (out of range)").
CROSSOVER_CASES: the reference samples its own splines every 0.001 tok/s/user (icq_ref.crossover);
icq's crossings must be as many, with the same from/to leaders, each within 0.01 tok/s/user, the
values icq prints at a crossing within 1% of the reference's curves there, the leaders table
spanning the band with the same sequence of leaders, and the same stretches: split where the leader
or the set of sides with a value changes, each within 0.01 and labelled alike ("MI355X alone; B200
not measured here", "none measured here").
Cases with `tokens output|input` compare the token type's throughput (output_throughput /
input_throughput: what `show throughput` reads then) and the money figures computed from it, with
disaggregated rows counted per GPU of the deployment (per decode/prefill GPU under `using dashboard`).
NOISE_CASES (`compare ... with noise [last N]`): everything CASES compare, plus per target and side
each shown metric's spread (min / max / stddev 1e-6 relative, runs exact; {"unknown": true, "runs": n}
exactly; null = null), the within-noise decision per verdict metric where the reference phrases a
verdict, each side's run dates of the reruns read in the with-noise note, and the targets the
unknown-spread note names (exactly those where a knot read has fewer than 2 runs).
ERROR_CASES are queries the reference refuses (ValueError); icq must exit non-zero on them.
Exit 0 when everything agrees, 1 when anything differs (every difference is printed),
2 on usage errors.

Summary matching: icq may prefix a sentence ("Near the low end of the 16–180 tok/s/user band, at
56 tok/s/user: ..."), so each reference clause is looked for as a substring.  The sentence of a
target is the one containing "at <t> tok/s/user"; when no sentence names the target that way,
any sentence may hold the clause.  Matching ignores case, so that display spellings of names
(sglang/SGLang, nvidia/NVIDIA, disagg/Disagg) do not matter; numbers and wording do.
"""

from __future__ import annotations

import json
import math
import os
import re
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import icq_ref as R  # noqa: E402

REL_TOL = 1e-6
SEQ_8K1K = {"isl": 8192, "osl": 1024}


def spec(dimension, sides, targets=None, clamp=False, prices=None, tier=None, model="dsr1",
         cost_method=None, dashboard=None, interactivity=None, band_pct=None, data=None, tokens=None,
         deployable_by=None, **filters):
    """A reference spec.  data: paths relative to the InferenceX data folder (R.data_root()),
    passed to icq as repeated --data options (absolute); None = icq's built-in data."""
    s = {"dimension": dimension, "sides": sides, "filters": {"model": model, **filters},
         "targets": targets, "clamp": clamp}
    for k, v in (("prices", prices), ("tier", tier), ("cost_method", cost_method),
                 ("dashboard", dashboard), ("interactivity", interactivity), ("band_pct", band_pct),
                 ("tokens", tokens), ("deployable_by", deployable_by)):
        if v:
            s[k] = v
    if data:
        s["data"] = [os.path.join(R.data_root(), d) for d in data]
    return s


API_PARTIAL = ["api-partial/2026-08-13/benchmarks-qwen3.5-partial.json"]
AGENTIC = ["agentic"]
SEQ_AGENTIC = {"seq": "agentic"}


# (icq query, equivalent reference spec).  Every case has rows on every side (see --self-test).
CASES = [
    # ---- evidence (SEMANTICS §12): every case's values carry it; these have each kind, and the
    # best single configuration beside the pooled value (`show deployable`)
    ("compare gpu gb300 vs b200 model dsr1 precision fp8 at 100 show throughput, cost, deployable",
     spec("gpu", ["gb300", "b200"], precision="fp8", targets=[100], deployable_by="throughput")),
    ("compare precision fp4 vs fp8 on mi355x model dsr1 seq 1k/1k show cost, deployable",
     spec("precision", ["fp4", "fp8"], gpu="mi355x", deployable_by="cost")),
    # ---- precision, several GPUs, 1k/1k and 8k/1k
    ("compare precision fp4 vs fp8 on mi355x model dsr1 seq 1k/1k",
     spec("precision", ["fp4", "fp8"], gpu="mi355x")),
    ("compare precision fp4 vs fp8 on mi355x model dsr1 seq 8k/1k",
     spec("precision", ["fp4", "fp8"], gpu="mi355x", **SEQ_8K1K)),
    ("compare precision fp4 vs fp8 on b200 model dsr1",
     spec("precision", ["fp4", "fp8"], gpu="b200")),
    ("compare precision fp4 vs fp8 on b200 model dsr1 seq 8k/1k",
     spec("precision", ["fp4", "fp8"], gpu="b200", **SEQ_8K1K)),
    ("compare precision fp4 vs fp8 on gb200 model dsr1 seq 1k/1k",
     spec("precision", ["fp4", "fp8"], gpu="gb200")),
    ("compare precision fp4 vs fp8 on b300 model dsr1 seq 8k/1k",
     spec("precision", ["fp4", "fp8"], gpu="b300", **SEQ_8K1K)),
    ("compare precision nvfp4 vs fp8 on gb300 model dsr1",
     spec("precision", ["fp4", "fp8"], gpu="gb300")),
    # explicit targets, some outside the measured range -> out_of_range
    ("compare precision fp4 vs fp8 on mi355x model dsr1 seq 1k/1k at interactivity 5, 20, 50, 100, 200, 300",
     spec("precision", ["fp4", "fp8"], gpu="mi355x", targets=[5, 20, 50, 100, 200, 300])),
    # ... and the same with dashboard-style clamping
    ("compare precision fp4 vs fp8 on mi355x model dsr1 seq 1k/1k at interactivity 5, 20, 50, 100, 200, 300 clamp",
     spec("precision", ["fp4", "fp8"], gpu="mi355x", targets=[5, 20, 50, 100, 200, 300], clamp=True)),
    # price editions and tiers
    ("compare precision fp4 vs fp8 on mi355x model dsr1 using prices 2026-04",
     spec("precision", ["fp4", "fp8"], gpu="mi355x", prices="2026-04")),
    # (the default edition 2026-09 has no neocloud tier: name an edition that has it)
    ("compare precision fp4 vs fp8 on b200 model dsr1 seq 8k/1k using prices 2026-07 using prices neocloud",
     spec("precision", ["fp4", "fp8"], gpu="b200", prices="2026-07", tier="neocloud", **SEQ_8K1K)),
    ("compare precision fp4 vs fp8 on gb200 model dsr1 using prices rental",
     spec("precision", ["fp4", "fp8"], gpu="gb200", tier="rental")),

    # ---- spec decoding
    ("compare spec mtp vs none on mi355x precision fp4 model dsr1",
     spec("spec", ["mtp", "none"], gpu="mi355x", precision="fp4")),
    ("compare spec mtp vs off on b200 precision fp8 model dsr1 seq 8k/1k",
     spec("spec", ["mtp", "none"], gpu="b200", precision="fp8", **SEQ_8K1K)),
    ("compare spec mtp vs none on h200 precision fp8 model dsr1 at interactivity 10, 40, 80, 120",
     spec("spec", ["mtp", "none"], gpu="h200", precision="fp8", targets=[10, 40, 80, 120])),
    ("compare spec mtp vs none on gb200 precision fp4 model dsr1 at interactivity 10, 40, 80, 120 clamp",
     spec("spec", ["mtp", "none"], gpu="gb200", precision="fp4", targets=[10, 40, 80, 120],
          clamp=True)),

    # ---- GPUs, two and three sides
    ("compare gpu b200 vs mi355x vs h200 model dsr1 precision fp8",
     spec("gpu", ["b200", "mi355x", "h200"], precision="fp8")),
    ("compare gpu b200 vs mi355x vs h200 model dsr1 precision fp8 seq 8k/1k",
     spec("gpu", ["b200", "mi355x", "h200"], precision="fp8", **SEQ_8K1K)),
    ("compare gpu mi355x vs b200 model dsr1 precision fp4",
     spec("gpu", ["mi355x", "b200"], precision="fp4")),
    ("compare gpu mi300x vs mi325x model dsr1 precision fp8 using prices 2026-04",
     spec("gpu", ["mi300x", "mi325x"], precision="fp8", prices="2026-04")),
    ("compare gpu gb200 vs gb300 model dsr1 precision fp4 using prices 2026-07 using prices neocloud",
     spec("gpu", ["gb200", "gb300"], precision="fp4", prices="2026-07", tier="neocloud")),
    ("compare gpu b200 vs mi355x vs h200 model dsr1 precision fp8 at interactivity 10, 40, 100, 200 clamp",
     spec("gpu", ["b200", "mi355x", "h200"], precision="fp8", targets=[10, 40, 100, 200],
          clamp=True)),

    # ---- frameworks (exact framework keys)
    ("compare framework sglang vs trt on b200 model dsr1 seq 1k/1k",
     spec("framework", ["sglang", "trt"], gpu="b200")),
    ("compare framework sglang vs trt on b200 model dsr1 precision fp8 seq 8k/1k",
     spec("framework", ["sglang", "trt"], gpu="b200", precision="fp8", **SEQ_8K1K)),
    ("compare framework sglang vs atom on mi355x model dsr1 precision fp8",
     spec("framework", ["sglang", "atom"], gpu="mi355x", precision="fp8")),
    ("compare framework dynamo-trt vs dynamo-sglang on gb200 model dsr1 precision fp4",
     spec("framework", ["dynamo-trt", "dynamo-sglang"], gpu="gb200", precision="fp4")),

    # ---- deployment
    ("compare deployment disagg vs single-node on b200 model dsr1 precision fp4",
     spec("deployment", ["disagg", "single-node"], gpu="b200", precision="fp4")),
    ("compare deployment disagg vs single-node on mi355x model dsr1 precision fp8 seq 8k/1k",
     spec("deployment", ["disagg", "single-node"], gpu="mi355x", precision="fp8", **SEQ_8K1K)),
    ("compare deployment disagg vs single-node on h200 model dsr1 precision fp8 using prices 2026-04",
     spec("deployment", ["disagg", "single-node"], gpu="h200", precision="fp8", prices="2026-04")),

    # ---- vendor (sides pool several GPUs)
    ("compare vendor nvidia vs amd model dsr1 precision fp8",
     spec("vendor", ["nvidia", "amd"], precision="fp8")),
    ("compare vendor nvidia vs amd model dsr1 precision fp4 seq 8k/1k",
     spec("vendor", ["nvidia", "amd"], precision="fp4", **SEQ_8K1K)),

    # ================= second round =================
    # ---- cost method: existing built-in cases again with splined costs (SEMANTICS §3)
    ("compare precision fp4 vs fp8 on mi355x model dsr1 seq 1k/1k using cost splined",
     spec("precision", ["fp4", "fp8"], gpu="mi355x", cost_method="splined")),
    ("compare precision fp4 vs fp8 on b200 model dsr1 seq 8k/1k using cost splined",
     spec("precision", ["fp4", "fp8"], gpu="b200", cost_method="splined", **SEQ_8K1K)),
    ("compare spec mtp vs none on mi355x precision fp4 model dsr1 using cost splined",
     spec("spec", ["mtp", "none"], gpu="mi355x", precision="fp4", cost_method="splined")),
    ("compare gpu b200 vs mi355x vs h200 model dsr1 precision fp8 using cost splined",
     spec("gpu", ["b200", "mi355x", "h200"], precision="fp8", cost_method="splined")),
    ("compare framework sglang vs trt on b200 model dsr1 seq 1k/1k using cost splined",
     spec("framework", ["sglang", "trt"], gpu="b200", cost_method="splined")),
    ("compare deployment disagg vs single-node on b200 model dsr1 precision fp4 using cost splined",
     spec("deployment", ["disagg", "single-node"], gpu="b200", precision="fp4", cost_method="splined")),
    # vendor sides mix GPUs: splined prices every knot with its own GPU
    ("compare vendor nvidia vs amd model dsr1 precision fp8 using cost splined",
     spec("vendor", ["nvidia", "amd"], precision="fp8", cost_method="splined")),
    ("compare precision fp4 vs fp8 on mi355x model dsr1 at interactivity 5, 20, 50, 100, 200, 300 clamp using cost splined",
     spec("precision", ["fp4", "fp8"], gpu="mi355x", targets=[5, 20, 50, 100, 200, 300], clamp=True,
          cost_method="splined")),
    ("compare precision fp4 vs fp8 on mi355x model dsr1 using prices 2026-04 using cost splined",
     spec("precision", ["fp4", "fp8"], gpu="mi355x", prices="2026-04", cost_method="splined")),
    ("compare precision fp4 vs fp8 on gb200 model dsr1 using prices rental using cost derived",
     spec("precision", ["fp4", "fp8"], gpu="gb200", tier="rental", cost_method="derived")),
    # ---- tokens per $1 shown (must be present in icq's JSON)
    ("compare gpu mi355x vs b200 model dsr1 precision fp4 show throughput, cost, power, concurrency, tokens_per_dollar",
     spec("gpu", ["mi355x", "b200"], precision="fp4")),
    ("compare precision fp4 vs fp8 on b200 model dsr1 seq 8k/1k using cost splined show throughput, cost, power, concurrency, tokens_per_dollar",
     spec("precision", ["fp4", "fp8"], gpu="b200", cost_method="splined", **SEQ_8K1K)),
    # ---- dashboard editions (SEMANTICS §10); explicit using clauses override them
    ("compare precision fp4 vs fp8 on mi355x model dsr1 using dashboard 2026-07-15",
     spec("precision", ["fp4", "fp8"], gpu="mi355x", dashboard="2026-07-15")),
    ("compare precision fp4 vs fp8 on mi355x model dsr1 using dashboard 2026-08-01",
     spec("precision", ["fp4", "fp8"], gpu="mi355x", dashboard="2026-08-01")),
    ("compare precision fp4 vs fp8 on mi355x model dsr1 using dashboard 2026-08-20 using prices rental",
     spec("precision", ["fp4", "fp8"], gpu="mi355x", dashboard="2026-08-20", tier="rental")),
    ("compare precision fp4 vs fp8 on mi355x model dsr1 using dashboard 2026-09-07 using prices rental",
     spec("precision", ["fp4", "fp8"], gpu="mi355x", dashboard="2026-09-07", tier="rental")),
    ("compare gpu gb200 vs gb300 model dsr1 precision fp4 using dashboard 2026-08-05 using prices neocloud",
     spec("gpu", ["gb200", "gb300"], precision="fp4", dashboard="2026-08-05", tier="neocloud")),
    ("compare precision fp4 vs fp8 on b200 model dsr1 using dashboard 2026-07-15 using cost derived",
     spec("precision", ["fp4", "fp8"], gpu="b200", dashboard="2026-07-15", cost_method="derived")),
    ("compare precision fp4 vs fp8 on b200 model dsr1 using dashboard 2026-07-15 using prices 2026-07",
     spec("precision", ["fp4", "fp8"], gpu="b200", dashboard="2026-07-15", prices="2026-07")),
    # ---- interactivity percentile on fixed sequences (the rows' own p90/p99 values)
    ("compare precision fp4 vs fp8 on mi355x model dsr1 using interactivity p90",
     spec("precision", ["fp4", "fp8"], gpu="mi355x", interactivity="p90")),
    ("compare gpu b200 vs mi355x model dsr1 precision fp8 using interactivity p99",
     spec("gpu", ["b200", "mi355x"], precision="fp8", interactivity="p99")),
    # ---- band percentages, clamped into the displayed band
    ("compare precision fp4 vs fp8 on mi355x model dsr1 at band 0%, 100%",
     spec("precision", ["fp4", "fp8"], gpu="mi355x", band_pct=[0, 100])),
    ("compare gpu b200 vs mi355x vs h200 model dsr1 precision fp8 at band 0%, 10%, 50%, 90%, 100%",
     spec("gpu", ["b200", "mi355x", "h200"], precision="fp8", band_pct=[0, 10, 50, 90, 100])),
    ("compare spec mtp vs none on b200 precision fp8 model dsr1 seq 8k/1k at band 0%, 100% using cost splined",
     spec("spec", ["mtp", "none"], gpu="b200", precision="fp8", band_pct=[0, 100], cost_method="splined",
          **SEQ_8K1K)),

    # ---- seed page "B200: FP4 vs FP8" (seeds/004) on api-partial: 2026-04 prices, splined
    ("compare precision fp4 vs fp8 on b200 model qwen3.5 seq 1k/1k using dashboard 2026-07-15 at interactivity 95, 159",
     spec("precision", ["fp4", "fp8"], gpu="b200", model="qwen3.5", targets=[95, 159],
          dashboard="2026-07-15", data=API_PARTIAL, seq="1k/1k")),
    ("compare precision fp4 vs fp8 on b200 model qwen3.5 at interactivity 95, 159 using dashboard 2026-07-15 show throughput, cost, power, concurrency, tokens_per_dollar",
     spec("precision", ["fp4", "fp8"], gpu="b200", model="qwen3.5", targets=[95, 159],
          dashboard="2026-07-15", data=API_PARTIAL)),
    ("compare precision fp4 vs fp8 on b200 model qwen3.5 at interactivity 95, 159 using prices 2026-04 using cost splined",
     spec("precision", ["fp4", "fp8"], gpu="b200", model="qwen3.5", targets=[95, 159],
          prices="2026-04", cost_method="splined", data=API_PARTIAL)),
    ("compare precision fp4 vs fp8 on b200 model qwen3.5 at interactivity 95, 159 using prices 2026-04",
     spec("precision", ["fp4", "fp8"], gpu="b200", model="qwen3.5", targets=[95, 159],
          prices="2026-04", data=API_PARTIAL)),
    # ---- other Qwen single-turn compares on api-partial
    ("compare precision fp4 vs fp8 on mi355x model qwen3.5 seq 8k/1k",
     spec("precision", ["fp4", "fp8"], gpu="mi355x", model="qwen3.5", data=API_PARTIAL, **SEQ_8K1K)),
    ("compare precision fp4 vs fp8 on b200 model qwen3.5 using interactivity p90",
     spec("precision", ["fp4", "fp8"], gpu="b200", model="qwen3.5", interactivity="p90", data=API_PARTIAL)),

    # ---- AgentX on api-partial (agentic_traces rows; x = p90 interactivity)
    ("compare gpu b300 vs gb200 model qwen3.5 seq agentic",
     spec("gpu", ["b300", "gb200"], model="qwen3.5", data=API_PARTIAL, **SEQ_AGENTIC)),
    ("compare gpu b300 vs b200 model qwen3.5 precision fp8 seq agentic",
     spec("gpu", ["b300", "b200"], model="qwen3.5", precision="fp8", data=API_PARTIAL, **SEQ_AGENTIC)),
    ("compare gpu b300 vs b200 vs h200 model qwen3.5 precision fp8 seq agentic show throughput, cost, power, concurrency, tokens_per_dollar",
     spec("gpu", ["b300", "b200", "h200"], model="qwen3.5", precision="fp8", data=API_PARTIAL,
          **SEQ_AGENTIC)),
    ("compare gpu mi325x vs mi355x model qwen3.5 seq agentic using cost splined",
     spec("gpu", ["mi325x", "mi355x"], model="qwen3.5", cost_method="splined", data=API_PARTIAL,
          **SEQ_AGENTIC)),
    ("compare gpu gb200 vs gb300 model qwen3.5 precision fp4 seq agentic at band 0%, 50%, 100%",
     spec("gpu", ["gb200", "gb300"], model="qwen3.5", precision="fp4", band_pct=[0, 50, 100],
          data=API_PARTIAL, **SEQ_AGENTIC)),
    ("compare gpu b300 vs b200 model qwen3.5 precision fp8 seq agentic using interactivity p50",
     spec("gpu", ["b300", "b200"], model="qwen3.5", precision="fp8", interactivity="p50",
          data=API_PARTIAL, **SEQ_AGENTIC)),
    ("compare gpu b300 vs gb200 model qwen3.5 seq agentic at interactivity 5, 10, 50, 100, 300, 500",
     spec("gpu", ["b300", "gb200"], model="qwen3.5", targets=[5, 10, 50, 100, 300, 500],
          data=API_PARTIAL, **SEQ_AGENTIC)),

    # ---- AgentX on the runner aggregates (agentic/: undated, x = 1/p90_itl)
    ("compare precision fp4 vs fp8 on mi355x model minimaxm2.5 seq agentic",
     spec("precision", ["fp4", "fp8"], gpu="mi355x", model="minimaxm2.5", data=AGENTIC, **SEQ_AGENTIC)),
    ("compare precision fp4 vs fp8 on mi355x model minimax seq agentic using cost splined show throughput, cost, power, concurrency, tokens_per_dollar",
     spec("precision", ["fp4", "fp8"], gpu="mi355x", model="minimax", cost_method="splined",
          data=AGENTIC, **SEQ_AGENTIC)),
    ("compare gpu b200 vs mi355x model kimi seq agentic",
     spec("gpu", ["b200", "mi355x"], model="kimi", data=AGENTIC, **SEQ_AGENTIC)),
    ("compare gpu b200 vs mi355x model kimik2.5 seq agentic using dashboard 2026-07-15",
     spec("gpu", ["b200", "mi355x"], model="kimik2.5", dashboard="2026-07-15", data=AGENTIC,
          **SEQ_AGENTIC)),
    ("compare gpu b200 vs mi355x model kimi seq agentic at band 0%, 100%",
     spec("gpu", ["b200", "mi355x"], model="kimi", band_pct=[0, 100], data=AGENTIC, **SEQ_AGENTIC)),

    # ---- output and input tokens: a disaggregated row pays for every GPU (SEMANTICS §4, 2026-12).
    # GB200's knot at 51.4 tok/s/user runs on 8 prefill + 32 decode GPUs: per GPU of the deployment
    # its cost per output token is 40/32 of the dashboard's per-decode-GPU figure there.
    ("compare gpu gb200 vs b200 model dsr1 precision fp8 seq 1k/1k at 51 show throughput, cost tokens output",
     spec("gpu", ["gb200", "b200"], targets=[51], precision="fp8", tokens="output")),
    ("compare gpu gb200 vs b200 model dsr1 precision fp8 seq 1k/1k at 51 show throughput, cost tokens output using dashboard 2026-09-10",
     spec("gpu", ["gb200", "b200"], targets=[51], precision="fp8", tokens="output", dashboard="2026-09-10")),
    ("compare gpu gb200 vs b200 model dsr1 precision fp8 tokens output show throughput, cost, power, concurrency, tokens_per_dollar, joules",
     spec("gpu", ["gb200", "b200"], precision="fp8", tokens="output")),
    ("compare gpu gb200 vs b200 model dsr1 precision fp8 tokens input",
     spec("gpu", ["gb200", "b200"], precision="fp8", tokens="input")),
    ("compare gpu gb200 vs b200 model dsr1 precision fp8 tokens output using cost splined show throughput, cost, power, concurrency, tokens_per_dollar, joules",
     spec("gpu", ["gb200", "b200"], precision="fp8", tokens="output", cost_method="splined")),
    ("compare deployment disagg vs single-node on b200 model dsr1 precision fp4 tokens output",
     spec("deployment", ["disagg", "single-node"], gpu="b200", precision="fp4", tokens="output")),
    ("compare precision fp4 vs fp8 on gb200 model dsr1 seq 8k/1k tokens output",
     spec("precision", ["fp4", "fp8"], gpu="gb200", tokens="output", **SEQ_8K1K)),
    ("compare vendor nvidia vs amd model dsr1 precision fp8 tokens input using dashboard 2026-07-15",
     spec("vendor", ["nvidia", "amd"], precision="fp8", tokens="input", dashboard="2026-07-15")),
]

# Queries icq must refuse (exit status non-zero), checked against the reference raising ValueError.
# (icq query, reference spec)
ERROR_CASES = [
    # the default edition 2026-09 has no neocloud tier
    ("compare precision fp4 vs fp8 on b200 model dsr1 using prices neocloud",
     spec("precision", ["fp4", "fp8"], gpu="b200", tier="neocloud")),
    ("compare precision fp4 vs fp8 on b200 model dsr1 using dashboard 2026-09-07 using prices neocloud",
     spec("precision", ["fp4", "fp8"], gpu="b200", dashboard="2026-09-07", tier="neocloud")),
]


# compare DIMENSION *: (icq query with *, reference spec with sides "*").  The side list must be the
# values present under the shared filters, and both icq's `*` output and icq's explicit
# `compare DIM a vs b vs ...` of those sides must equal the reference's compare of them.
STAR_CASES = [
    ("compare gpu * model dsr1 precision fp8 seq 8k/1k at 50 show cost",
     spec("gpu", "*", targets=[50], precision="fp8", **SEQ_8K1K)),
    ("compare framework * on b200 model dsr1 at interactivity 40, 80",
     spec("framework", "*", targets=[40, 80], gpu="b200")),
    ("compare precision * on mi355x model dsr1",
     spec("precision", "*", gpu="mi355x")),
    ("compare deployment * on b200 model dsr1 precision fp4 at 30, 60",
     spec("deployment", "*", targets=[30, 60], gpu="b200", precision="fp4")),
]


def rank_spec(dimension, metric, targets, **kw):
    s = spec(dimension, "*", targets=targets, **kw)
    s["metric"] = metric
    return s


# rank: (icq query, reference spec); compared per target: order of the sides, value and vs_best
# (1e-6 relative), status, rank.
RANK_CASES = [
    ("rank gpu by cost at interactivity 50 model dsr1 precision fp8 seq 8k/1k",
     rank_spec("gpu", "cost", [50], precision="fp8", **SEQ_8K1K)),
    ("rank framework by throughput on b200 at 40, 80 model dsr1",
     rank_spec("framework", "throughput", [40, 80], gpu="b200")),
    ("rank precision by cost at 50 on b200 model dsr1",
     rank_spec("precision", "cost", [50], gpu="b200")),
    ("rank precision by cost at 30, 60, 120 on mi355x model dsr1 seq 8k/1k using cost splined",
     rank_spec("precision", "cost", [30, 60, 120], gpu="mi355x", cost_method="splined", **SEQ_8K1K)),
    ("rank gpu by power at 20, 50, 150 model dsr1 precision fp4",
     rank_spec("gpu", "power", [20, 50, 150], precision="fp4")),
    ("rank config by throughput on mi355x model dsr1 precision fp8 seq 1k/1k at 50",
     rank_spec("config", "throughput", [50], gpu="mi355x", precision="fp8")),
]


def cross_spec(dimension, sides, metric, **kw):
    s = spec(dimension, sides, **kw)
    s["metric"] = metric
    return s


# crossover: (icq query, reference spec); the reference samples its splines every 0.001
# tok/s/user; icq's crossings must be as many, with the same from/to leaders, each within
# CROSS_TOL of the reference's.
CROSS_TOL = 0.01
CROSSOVER_CASES = [
    ("crossover gpu mi355x vs b200 model dsr1 precision fp8 seq 1k/1k by throughput",
     cross_spec("gpu", ["mi355x", "b200"], "throughput", precision="fp8")),
    ("crossover gpu b200 vs mi355x vs h200 model dsr1 precision fp8 by throughput",
     cross_spec("gpu", ["b200", "mi355x", "h200"], "throughput", precision="fp8")),
    ("crossover gpu mi355x vs b200 model dsr1 precision fp8 seq 1k/1k by cost",
     cross_spec("gpu", ["mi355x", "b200"], "cost", precision="fp8")),
    ("crossover gpu mi355x vs b200 model dsr1 precision fp8 seq 1k/1k by cost using cost splined",
     cross_spec("gpu", ["mi355x", "b200"], "cost", precision="fp8", cost_method="splined")),
    ("crossover precision fp4 vs fp8 on mi355x model dsr1 by throughput",
     cross_spec("precision", ["fp4", "fp8"], "throughput", gpu="mi355x")),
    ("crossover gpu b200 vs mi355x vs h200 model dsr1 precision fp8 seq 8k/1k by cost",
     cross_spec("gpu", ["b200", "mi355x", "h200"], "cost", precision="fp8", **SEQ_8K1K)),
    ("crossover framework sglang vs trt on b200 model dsr1 precision fp8 seq 8k/1k by power",
     cross_spec("framework", ["sglang", "trt"], "power", gpu="b200", precision="fp8", **SEQ_8K1K)),
]


def noise_spec(dimension, sides, noise_runs=R.NOISE_DEFAULT_RUNS, as_of=None, **kw):
    s = spec(dimension, sides, **kw)
    s["noise_runs"] = noise_runs
    if as_of:
        s["as_of"] = as_of
    return s


# `compare ... with noise [last N]`: (icq query, reference spec).  Besides everything CASES compare
# (only the metrics a `show` names), per target and side the "noise" object of each shown metric
# (min / max / stddev 1e-6 relative, runs exact, null = null), the within-noise decision per
# verdict metric (icq's sentence for the target says "<Metric>: A and B are within run-to-run
# noise" exactly when the reference's rule holds, and then "over <runs> runs" of both sides), and
# the note's run dates of each side (how many, first … last).
NOISE_CASES = [
    # throughput, N=10; at 37 TRT-LLM is out of range now but its past frontiers reach 37 (a spread
    # without a value); at 60 the two are within noise
    ("compare framework sglang vs trt on b200 model dsr1 precision fp4 seq 1k/1k at 37, 60 show throughput with noise last 10",
     noise_spec("framework", ["sglang", "trt"], 10, targets=[37, 60], gpu="b200", precision="fp4")),
    # the same sides on cost: within noise on cost too
    ("compare framework sglang vs trt on b200 model dsr1 precision fp4 seq 1k/1k at 60, 100 show throughput, cost with noise last 10",
     noise_spec("framework", ["sglang", "trt"], 10, targets=[60, 100], gpu="b200", precision="fp4")),
    # throughput and cost, N=5 (the default): a clear winner despite the spreads
    ("compare precision fp4 vs fp8 on b200 model dsr1 seq 1k/1k at 50 show throughput, cost with noise",
     noise_spec("precision", ["fp4", "fp8"], targets=[50], gpu="b200")),
    # every default column (power and concurrency spreads too), band quartiles
    ("compare precision fp4 vs fp8 on mi355x model dsr1 seq 1k/1k with noise last 5",
     noise_spec("precision", ["fp4", "fp8"], 5, gpu="mi355x")),
    # fewer run dates than N: GB300 has 2 (FP4), B300 6, both < 10
    ("compare gpu b300 vs gb300 model dsr1 precision fp4 show throughput, cost with noise last 10",
     noise_spec("gpu", ["b300", "gb300"], 10, precision="fp4")),
    ("compare gpu gb300 vs b300 model dsr1 precision fp8 at band 0%, 50%, 100% show throughput, cost with noise last 10",
     noise_spec("gpu", ["gb300", "b300"], 10, precision="fp8", band_pct=[0, 50, 100])),
    # three sides, cost splined, N=10
    ("compare gpu b200 vs mi355x vs h200 model dsr1 precision fp8 at 30, 60 show throughput, cost using cost splined with noise last 10",
     noise_spec("gpu", ["b200", "mi355x", "h200"], 10, targets=[30, 60], precision="fp8",
                cost_method="splined")),
    # as of a date: only the run dates up to it, each curve as of its date
    ("compare precision fp4 vs fp8 on b200 model dsr1 seq 1k/1k at 50 show throughput, cost as of 2026-03-01 with noise",
     noise_spec("precision", ["fp4", "fp8"], as_of="2026-03-01", targets=[50], gpu="b200")),
    # reruns: MI300X's sglang TP8 knots were run on up to 11 dates (the image changed between the
    # last two); MI325X's knots near 39-49 once (unknown spreads); within noise near the upper edge
    ("compare gpu mi300x vs mi325x model dsr1 precision fp8 with noise last 10",
     noise_spec("gpu", ["mi300x", "mi325x"], 10, precision="fp8")),
    ("compare gpu mi300x vs mi325x model dsr1 precision fp8 at 65, 68 show throughput, cost with noise last 10",
     noise_spec("gpu", ["mi300x", "mi325x"], 10, targets=[65, 68], precision="fp8")),
    ("compare gpu mi300x vs mi325x model dsr1 precision fp8 at 65 show throughput with noise last 2",
     noise_spec("gpu", ["mi300x", "mi325x"], 2, targets=[65], precision="fp8")),
    ("compare gpu mi300x vs mi325x model dsr1 precision fp8 at 40 show throughput as of 2026-03-01 with noise last 10",
     noise_spec("gpu", ["mi300x", "mi325x"], 10, as_of="2026-03-01", targets=[40], precision="fp8")),
    ("compare gpu mi300x vs mi325x model dsr1 precision fp8 at 20, 70 clamp show throughput, cost with noise last 10",
     noise_spec("gpu", ["mi300x", "mi325x"], 10, targets=[20, 70], clamp=True, precision="fp8")),
    # output tokens: each run's cost from its own output rate per GPU of the deployment
    ("compare gpu gb200 vs b200 model dsr1 precision fp8 at 51, 100 show throughput, cost tokens output with noise last 10",
     noise_spec("gpu", ["gb200", "b200"], 10, targets=[51, 100], precision="fp8", tokens="output")),
]


# --------------------------------------------------------------------------------------------
def close(a, b) -> bool:
    if a is None or b is None:
        return a is None and b is None
    if not (isinstance(a, (int, float)) and isinstance(b, (int, float))):
        return False
    if a == b:
        return True
    return abs(a - b) <= REL_TOL * max(abs(a), abs(b))


def fmt_t(t) -> str:
    return str(int(t)) if float(t).is_integer() else repr(float(t))


def label_key(dimension: str, label) -> str:
    return R.canon(dimension, label) if isinstance(label, str) else repr(label)


def extract_compare(stdout: str):
    """The compare object of icq's JSON output (object, list of objects, or JSON lines)."""
    text = stdout.strip()
    candidates = []
    try:
        doc = json.loads(text)
        candidates = doc if isinstance(doc, list) else [doc]
    except json.JSONDecodeError:
        for line in text.splitlines():
            line = line.strip()
            if line:
                try:
                    candidates.append(json.loads(line))
                except json.JSONDecodeError:
                    pass
    for c in candidates:
        if isinstance(c, dict) and c.get("kind", "compare") == "compare" and "targets" in c:
            return c
    return None


# Metrics compared only when icq's JSON carries them (required=... makes them mandatory).
OPTIONAL_METRICS = ("tokens_per_dollar", "joules_per_token")


def required_metrics(query: str) -> tuple:
    """Metrics icq must report because the query shows them."""
    return tuple(m for m in OPTIONAL_METRICS if re.search(rf"\bshow\b.*\b{m}\b", query))


def rate_key(ref: dict) -> str:
    """The JSON key of the throughput a query's `show throughput` reads: the token type's rate
    (`tokens output`: output_throughput, the rate the cost divides by)."""
    tokens = ref.get("tokens") or "total"
    return "throughput" if tokens == "total" else f"{tokens}_throughput"


def diff_results(ref: dict, got: dict, dimension: str, required=(), shown=None) -> list[str]:
    """shown: None = the default columns (throughput, cost, tokens_per_mw, concurrency are all
    compared); else the set of metric keys the query's `show` asks for (only those are)."""
    d = []
    # band
    rb, gb = ref["band"], got.get("band")
    if (rb is None) != (gb is None) or (rb is not None and (
            not isinstance(gb, list) or len(gb) != 2 or not all(close(a, b) for a, b in zip(rb, gb)))):
        d.append(f"band: ref {rb} icq {gb}")
    # sides
    rs, gs = ref["sides"], got.get("sides") or []
    if len(rs) != len(gs):
        d.append(f"sides: ref {len(rs)} icq {len(gs)}")
    for i, (r, g) in enumerate(zip(rs, gs)):
        name = f"side[{i}] {r['label']}"
        if label_key(dimension, g.get("label")) != r["label"]:
            d.append(f"{name}: label icq {g.get('label')!r}")
        for k in ("rows", "frontier_points"):
            if g.get(k) != r[k]:
                d.append(f"{name}: {k} ref {r[k]} icq {g.get(k)}")
        rr, gr = r["range"], g.get("range")
        if (rr is None) != (gr is None) or (rr is not None and (
                not isinstance(gr, list) or len(gr) != 2 or not all(close(a, b) for a, b in zip(rr, gr)))):
            d.append(f"{name}: range ref {rr} icq {gr}")
    # targets
    rt, gt = ref["targets"], got.get("targets") or []
    if len(rt) != len(gt):
        d.append(f"targets: ref {[t['interactivity'] for t in rt]} "
                 f"icq {[t.get('interactivity') for t in gt]}")
    for r, g in zip(rt, gt):
        t = r["interactivity"]
        if not close(float(t), g.get("interactivity")):
            d.append(f"target: ref {t} icq {g.get('interactivity')}")
            continue
        gv = g.get("values") or []
        if len(gv) != len(r["values"]):
            d.append(f"t={t}: values ref {len(r['values'])} icq {len(gv)}")
        for rv, v in zip(r["values"], gv):
            name = f"t={t} {rv['side']}"
            if label_key(dimension, v.get("side")) != rv["side"]:
                d.append(f"{name}: side icq {v.get('side')!r}")
            if v.get("status") != rv["status"]:
                d.append(f"{name}: status ref {rv['status']} icq {v.get('status')}")
            for k in ("throughput", "cost", "tokens_per_mw"):
                if shown is not None and k not in shown:
                    continue
                k = rate_key(ref) if k == "throughput" else k
                if not close(rv[k], v.get(k)):
                    d.append(f"{name}: {k} ref {rv[k]!r} icq {v.get(k)!r}")
            for k in OPTIONAL_METRICS:
                if k in v or k in required:
                    if k not in v:
                        d.append(f"{name}: {k} missing in icq's JSON (ref {rv.get(k)!r})")
                    elif k in rv and not close(rv[k], v.get(k)):
                        d.append(f"{name}: {k} ref {rv[k]!r} icq {v.get(k)!r}")
            d += diff_evidence(name, rv.get("evidence"), v.get("evidence"))
            if "deployable" in rv:
                d += diff_deployable(name, rv["deployable"], v.get("deployable"))
            if shown is not None and "concurrency" not in shown:
                continue
            if rv["concurrency"] != v.get("concurrency") or \
                    isinstance(v.get("concurrency"), bool):
                d.append(f"{name}: concurrency ref {rv['concurrency']} icq {v.get('concurrency')}")
    # summary clauses
    sentences = [s for s in (got.get("summary") or []) if isinstance(s, str)]
    low = [s.lower() for s in sentences]
    for cs in ref["summary_clauses"]:
        t = fmt_t(cs["interactivity"])
        own = [s for s in low if re.search(rf"\bat {re.escape(t)} tok/s/user", s)]
        pool = own or low
        clauses = [("throughput" if "tok/s/GPU" in c else "cost", c) for c in cs["clauses"]]
        for metric, clause in clauses + list(cs.get("cautions", [])):
            if shown is not None and metric not in shown:
                continue  # a clause on a metric the query does not show
            if not any(clause.lower() in s for s in pool):
                where = f"the sentence(s) for t={t}" if own else "any summary sentence"
                d.append(f"summary t={t}: clause {clause!r} not in {where}: "
                         f"{[s for s in sentences if s.lower() in pool]}")
    return d


def diff_evidence(name: str, ref, got) -> list[str]:
    """The evidence object of one value (SEMANTICS §12): kind, same_config, and each knot's
    interactivity and throughput (1e-6 relative), concurrency and configuration (exact)."""
    if ref is None or got is None:
        return [] if ref is None and got is None else [f"{name}: evidence ref {ref} icq {got}"]
    d = []
    for k in ("kind", "same_config"):
        if ref[k] != got.get(k):
            d.append(f"{name}: evidence {k} ref {ref[k]!r} icq {got.get(k)!r}")
    gk = got.get("knots") or []
    if len(gk) != len(ref["knots"]):
        return d + [f"{name}: evidence knots ref {len(ref['knots'])} icq {len(gk)}"]
    for i, (r, g) in enumerate(zip(ref["knots"], gk)):
        for k in ("interactivity", "throughput"):
            if not close(r[k], g.get(k)):
                d.append(f"{name}: evidence knot {i} {k} ref {r[k]} icq {g.get(k)}")
        for k in ("concurrency", "config"):
            if r[k] != g.get(k):
                d.append(f"{name}: evidence knot {i} {k} ref {r[k]!r} icq {g.get(k)!r}")
    return d


def diff_deployable(name: str, ref, got) -> list[str]:
    """The best single configuration at a target (`show deployable`): its configuration and its
    throughput and cost (when icq shows them)."""
    if ref is None or got is None:
        return [] if ref is None and got is None else [f"{name}: deployable ref {ref} icq {got}"]
    d = []
    if ref["config"] != got.get("config"):
        d.append(f"{name}: deployable config ref {ref['config']!r} icq {got.get('config')!r}")
    for k in ("throughput", "cost"):
        if k in got and not close(ref[k], got.get(k)):
            d.append(f"{name}: deployable {k} ref {ref[k]!r} icq {got.get(k)!r}")
    return d + diff_evidence(f"{name} deployable", ref["evidence"], got.get("evidence"))


def same_label(dimension: str, ref_key, icq_label) -> bool:
    """icq's table cell names a side by its display name (GB200, Dynamo TRT-LLM, FP4) or key;
    a config side (line key) by a label starting "<gpu> <framework> <precision>"."""
    if not isinstance(icq_label, str):
        return False
    got = icq_label.strip().lower()
    if dimension == "config":
        hw, fw, prec = ref_key[0], ref_key[1], ref_key[3]
        return got.startswith(f"{hw} {fw} {prec}".lower())
    return got in (str(ref_key).lower(), R.display(dimension, ref_key).lower())


def table_rows(table: dict) -> list[dict]:
    names = [c.get("name") for c in table.get("columns") or []]
    return [dict(zip(names, r)) for r in table.get("rows") or []]


def extract_kind(stdout: str, kind: str):
    try:
        doc = json.loads(stdout.strip())
    except json.JSONDecodeError:
        return None
    for c in doc if isinstance(doc, list) else [doc]:
        if isinstance(c, dict) and c.get("kind") == kind:
            return c
    return None


def diff_rank(ref: dict, got: dict, dimension: str) -> list[str]:
    d = []
    tables = got.get("tables") or []
    if len(tables) != len(ref["targets"]):
        d.append(f"tables: ref {len(ref['targets'])} targets, icq {len(tables)} tables")
    name_col = dimension
    for rt, table in zip(ref["targets"], tables):
        t = fmt_t(rt["interactivity"])
        rows = table_rows(table)
        if f"at {t} tok/s/user" not in str(table.get("title")):
            d.append(f"t={t}: table title {table.get('title')!r}")
        if len(rows) != len(rt["entries"]):
            d.append(f"t={t}: ref {len(rt['entries'])} sides, icq {len(rows)} rows")
        for i, (e, g) in enumerate(zip(rt["entries"], rows)):
            where = f"t={t} #{i + 1} ref {e['side']}"
            if not same_label(dimension, e["side"], g.get(name_col)):
                d.append(f"{where}: icq has {g.get(name_col)!r} there")
            if not close(float(rt["interactivity"]), g.get("interactivity")):
                d.append(f"{where}: interactivity icq {g.get('interactivity')!r}")
            if g.get("rank") != e["rank"]:
                d.append(f"{where}: rank ref {e['rank']} icq {g.get('rank')}")
            if g.get("status") != e["status"]:
                d.append(f"{where}: status ref {e['status']} icq {g.get('status')}")
            if not close(e["value"], g.get(ref["metric"])):
                d.append(f"{where}: {ref['metric']} ref {e['value']!r} icq {g.get(ref['metric'])!r}")
            if not close(e["vs_best"], g.get("vs_best")):
                d.append(f"{where}: vs_best ref {e['vs_best']!r} icq {g.get('vs_best')!r}")
        # the sentence names every side without a value there, and why
        if dimension == "config":
            continue
        sentence = next((x for x in got.get("summary") or [] if isinstance(x, str) and x.startswith(f"At {t} tok/s/user")), "")
        tail = sentence.split("; without a value there: ", 1)[1] if "; without a value there: " in sentence else ""
        absent = [e for e in rt["entries"] if e["rank"] is None]
        for e in absent:
            why = "out of range" if e["status"] == "out_of_range" else "no value"
            if f"{R.display(dimension, e['side'])} ({why})".lower() not in tail.lower():
                d.append(f"t={t}: the sentence does not name {e['side']} ({why}): {sentence!r}")
        if not absent and tail:
            d.append(f"t={t}: every side has a value, but the sentence names some without: {sentence!r}")
    return d


def diff_crossover(ref: dict, got: dict, dimension: str) -> list[str]:
    d = []
    tables = {t.get("title"): t for t in got.get("tables") or []}
    if "crossings" not in tables or "leaders" not in tables:
        return [f"tables: expected 'crossings' and 'leaders', icq has {sorted(map(str, tables))}"]
    rows = tables["crossings"].get("rows") or []
    rc = ref["crossings"]
    if len(rows) != len(rc):
        d.append(f"crossings: ref {len(rc)} at {[round(x, 3) for x, _, _ in rc]}, "
                 f"icq {len(rows)} at {[r[0] for r in rows]}")
    for (x, a, b), r in zip(rc, rows):
        if not (isinstance(r, list) and len(r) >= 3):
            d.append(f"crossing row {r!r}")
            continue
        if not isinstance(r[0], (int, float)) or abs(r[0] - x) > CROSS_TOL:
            d.append(f"crossing {a}->{b}: ref {x:.4f} icq {r[0]!r}")
        if not (same_label(dimension, a, r[1]) and same_label(dimension, b, r[2])):
            d.append(f"crossing at {x:.3f}: ref {a}->{b}, icq {r[1]}->{r[2]}")
        # the values icq shows at its crossing: the reference's curves there, to 1%
        for label, curve, v in zip(ref["sides"], ref["_curves"], r[3:]):
            want = curve(r[0]) if isinstance(r[0], (int, float)) else None
            if want is None or v is None:
                if (want is None) != (v is None):
                    d.append(f"crossing {r[0]}: {label} ref {want!r} icq {v!r}")
            elif abs(want - v) > 0.01 * max(abs(want), abs(v)):
                d.append(f"crossing {r[0]}: {label} ref {want!r} icq {v!r} (beyond 1%)")
    # the leaders table spans the band, its real leaders in the reference's order
    lead = tables["leaders"].get("rows") or []
    lo, hi = ref["band"]
    if lead and (abs(lead[0][0] - lo) > CROSS_TOL or abs(lead[-1][1] - hi) > CROSS_TOL):
        d.append(f"leaders span {lead[0][0]}..{lead[-1][1]}, band {lo:.4f}..{hi:.4f}")
    got_leaders = [r[2] for r in lead if isinstance(r[2], str) and "measured here" not in r[2]]
    ref_leaders = [s for _, _, s in ref["segments"] if s is not None]
    # every stretch: where it starts and ends, and who leads or has a value there
    rs = ref["stretches"]
    if len(lead) != len(rs):
        d.append(f"stretches: ref {[(round(a, 2), round(b, 2), x) for a, b, x in rs]} icq {lead}")
    for (a, b, label), r in zip(rs, lead):
        if abs(r[0] - a) > CROSS_TOL or abs(r[1] - b) > CROSS_TOL:
            d.append(f"stretch {label!r}: ref {a:.4f}-{b:.4f} icq {r[0]}-{r[1]}")
        if str(r[2]).lower() != label.lower():
            d.append(f"stretch {a:.2f}-{b:.2f}: ref {label!r} icq {r[2]!r}")
    if len(got_leaders) != len(ref_leaders) or not all(
            same_label(dimension, a, b) for a, b in zip(ref_leaders, got_leaders)):
        d.append(f"leaders: ref {ref_leaders} icq {got_leaders}")
    return d


def icq_command(icq: str, query: str, data=None) -> list[str]:
    """icq --format json [--data PATH ...] -c QUERY (no --data: icq's built-in data)."""
    cmd = [icq, "--format", "json"]
    for path in data or ():
        cmd += ["--data", path]
    return cmd + ["-c", query]


def run_icq(icq: str, query: str, data=None):
    try:
        p = subprocess.run(icq_command(icq, query, data), capture_output=True,
                           text=True, timeout=120)
    except (OSError, subprocess.TimeoutExpired) as e:
        return None, f"could not run icq: {e}"
    # Exit 2 = the results were printed, and the data had problems (an unusable record in agentic/).
    if p.returncode not in (0, 2):
        return None, f"icq exit {p.returncode}: {p.stderr.strip()[:500]}"
    got = extract_compare(p.stdout)
    if got is None:
        return None, f"no compare JSON in icq output: {p.stdout[:500]!r}"
    return got, None


class RowCache:
    """Loaded reference rows per data list (None = the built-in data)."""

    def __init__(self):
        self._rows = {}

    def rows(self, sp: dict):
        key = tuple(sp.get("data") or ())
        if key not in self._rows:
            self._rows[key] = R.load(R.spec_data_files(sp))[0]
        return self._rows[key]


def run_icq_kind(icq: str, query: str, kind: str, data=None):
    try:
        p = subprocess.run(icq_command(icq, query, data), capture_output=True, text=True, timeout=120)
    except (OSError, subprocess.TimeoutExpired) as e:
        return None, f"could not run icq: {e}"
    if p.returncode not in (0, 2):
        return None, f"icq exit {p.returncode}: {p.stderr.strip()[:500]}"
    got = (extract_compare(p.stdout) if kind == "compare" else extract_kind(p.stdout, kind))
    if got is None:
        return None, f"no {kind} JSON in icq output: {p.stdout[:500]!r}"
    return got, None


SHOW_NAMES = {"throughput": "throughput", "cost": "cost", "power": "tokens_per_mw",
              "concurrency": "concurrency"}


def shown_metrics(query: str):
    """The metric keys a `show` list names (None without `show`: the default columns)."""
    m = re.search(r"\bshow\s+(.*?)(?:\busing\b|\bwith\b|\bas of\b|\btokens\b|$)", query)
    if not m:
        return None
    return {SHOW_NAMES[w.strip()] for w in m.group(1).split(",") if w.strip() in SHOW_NAMES}


def explicit_query(star_query: str, dimension: str, labels: list) -> str:
    """`compare gpu * ...` -> `compare gpu a vs b vs ... ...` (the same sides, named)."""
    return star_query.replace(f"{dimension} *", f"{dimension} " + " vs ".join(labels), 1)


DEFAULT_NOISE_KEYS = ("throughput", "cost", "tokens_per_mw", "concurrency")


def target_sentences(got: dict, t) -> list[str]:
    """icq's summary sentence(s) for target t ("... at <t> tok/s/user: ...")."""
    ft = fmt_t(t)
    return [s for s in (got.get("summary") or []) if isinstance(s, str)
            and re.search(rf"\bat {re.escape(ft)} tok/s/user", s)]


def diff_noise(ref: dict, got: dict, dimension: str, shown) -> list[str]:
    """The `with noise` parts of a compare (see NOISE_CASES)."""
    d = []
    keys = DEFAULT_NOISE_KEYS if shown is None else tuple(k for k in DEFAULT_NOISE_KEYS if k in shown)
    if not keys:
        return ["no metric of the query's `show` to compare the spreads of (the case checks nothing)"]
    for rt, gt in zip(ref["targets"], got.get("targets") or []):
        t = rt["interactivity"]
        for rv, gv in zip(rt["values"], gt.get("values") or []):
            name = f"t={fmt_t(t)} {rv['side']}"
            gn = gv.get("noise")
            if not isinstance(gn, dict):
                d.append(f"{name}: no noise object in icq's JSON")
                continue
            for k in keys:
                k = rate_key(ref) if k == "throughput" else k
                want = rv["noise"][k]
                if k not in gn:
                    d.append(f"{name}: noise.{k} missing in icq's JSON (ref {want!r})")
                    continue
                have = gn[k]
                if want is None or have is None:
                    if (want is None) != (have is None):
                        d.append(f"{name}: noise.{k} ref {want!r} icq {have!r}")
                    continue
                if want.get("unknown") or (isinstance(have, dict) and have.get("unknown")):
                    if have != want:
                        d.append(f"{name}: noise.{k} ref {want!r} icq {have!r}")
                    continue
                for f in ("min", "max", "stddev"):
                    if not close(want[f], have.get(f)):
                        d.append(f"{name}: noise.{k}.{f} ref {want[f]!r} icq {have.get(f)!r}")
                if have.get("runs") != want["runs"] or isinstance(have.get("runs"), bool):
                    d.append(f"{name}: noise.{k}.runs ref {want['runs']} icq {have.get('runs')!r}")
        # the within-noise decision, per verdict metric the query shows
        sent = " ".join(target_sentences(got, t)).lower()
        if "within_noise" not in rt:
            continue  # the reference phrases no verdict here (a side clamped or out of range)
        wn = rt.get("within_noise") or {}
        for m, disp in R.NOISE_METRIC_DISPLAY.items():
            if shown is not None and m not in shown:
                continue
            says = f"{disp.lower()}:" in sent and "within run-to-run noise" in sent.split(f"{disp.lower()}:", 1)[1].split(";")[0]
            if says != bool(wn.get(m)):
                d.append(f"t={fmt_t(t)}: {m} within noise: ref {bool(wn.get(m))} icq {says} "
                         f"(icq: {target_sentences(got, t)})")
            elif says:
                part = sent.split(f"{disp.lower()}:", 1)[1]
                for rv in rt["values"]:
                    sp = rv["noise"][m]
                    if sp and f"over {sp['runs']} runs" not in part:
                        d.append(f"t={fmt_t(t)}: {m} noise clause lacks 'over {sp['runs']} runs' "
                                 f"for {rv['side']}: {part!r}")
    # the notes: the run dates of the reruns read, per side; the targets whose spreads are unknown
    note_list = [n for n in (got.get("notes") or []) if isinstance(n, str)]
    notes = " ".join(note_list).lower()
    for label, dates in (ref.get("noise_dates") or {}).items():
        who = R.display(dimension, label)
        want = (f"{who} none" if not dates else f"{who} 1 run date ({dates[0]})" if len(dates) == 1
                else f"{who} {len(dates)} run dates ({dates[0]} … {dates[-1]})")
        if want.lower() not in notes:
            d.append(f"notes: no {want!r} in the with-noise note")
    unknown = next((n for n in note_list if n.startswith("unknown spread")), "")
    for label, thin in (ref.get("noise_thin") or {}).items():
        who = R.display(dimension, label)
        for t in ref["targets"]:
            # "; B200 at 51 (" but not "GB200 at 51 ("
            says = re.search(rf"[:;] {re.escape(who)} at {re.escape(fmt_t(t['interactivity']))} \(", unknown) is not None
            if says != (t["interactivity"] in thin):
                d.append(f"notes: {who} at {fmt_t(t['interactivity'])}: ref "
                         f"{'unknown' if not says else 'known'} spread, icq's unknown-spread note {unknown!r}")
    return d


def run_new_statements(icq: str, sel, cache, verbose) -> tuple:
    """compare DIMENSION *, rank, crossover: (failed, run)."""
    failed = run = 0

    def report(query, diffs, data=None):
        nonlocal failed, run
        run += 1
        if diffs:
            failed += 1
            print(f"FAIL {query}")
            for x in diffs:
                print(f"     {x}")
        elif verbose:
            print(f"ok   {query}")

    for query, sp in STAR_CASES:
        if sel is not None and sel.lower() not in query.lower():
            continue
        rows = cache.rows(sp)
        labels = R.present_values(sp, rows, sp["dimension"])
        ref = R.compare(sp, rows)
        got, err = run_icq_kind(icq, query, "compare", sp.get("data"))
        diffs = [err] if err else diff_results(ref, got, sp["dimension"], required_metrics(query),
                                               shown_metrics(query))
        if not err:
            got_labels = [label_key(sp["dimension"], g.get("label")) for g in got.get("sides") or []]
            if got_labels != labels:
                diffs.append(f"sides: present values {labels}, icq {got_labels}")
        report(query, diffs)
        explicit = explicit_query(query, sp["dimension"], labels)
        got2, err2 = run_icq_kind(icq, explicit, "compare", sp.get("data"))
        report(explicit + "   (the sides of " + sp["dimension"] + " *, named)",
               [err2] if err2 else diff_results(ref, got2, sp["dimension"], required_metrics(query),
                                                shown_metrics(query)))
    for query, sp in NOISE_CASES:
        if sel is not None and sel.lower() not in query.lower():
            continue
        ref = R.compare(sp, cache.rows(sp))
        got, err = run_icq_kind(icq, query, "compare", sp.get("data"))
        shown = shown_metrics(query)
        diffs = [err] if err else (diff_results(ref, got, sp["dimension"], required_metrics(query), shown)
                                   + diff_noise(ref, got, sp["dimension"], shown))
        if verbose and not diffs:
            print("     ref run dates " + ", ".join(f"{k} {len(v)}" for k, v in ref["noise_dates"].items())
                  + "; within noise " + ", ".join(
                      f"{fmt_t(t['interactivity'])}:{[m for m, w in t['within_noise'].items() if w]}"
                      for t in ref["targets"] if "within_noise" in t))
        report(query, diffs)
    for query, sp in RANK_CASES:
        if sel is not None and sel.lower() not in query.lower():
            continue
        ref = R.rank(sp, cache.rows(sp))
        got, err = run_icq_kind(icq, query, "rank", sp.get("data"))
        report(query, [err] if err else diff_rank(ref, got, sp["dimension"]))
    for query, sp in CROSSOVER_CASES:
        if sel is not None and sel.lower() not in query.lower():
            continue
        ref = R.crossover(sp, cache.rows(sp))
        got, err = run_icq_kind(icq, query, "crossover", sp.get("data"))
        diffs = [err] if err else diff_crossover(ref, got, sp["dimension"])
        if verbose and not diffs:
            print(f"     ref crossings {[(round(x, 3), a, b) for x, a, b in ref['crossings']]}")
        report(query, diffs)
    return failed, run


def self_test_new(sel, cache) -> int:
    """The reference's side of STAR/RANK/CROSSOVER_CASES, printed compactly."""
    for query, sp in STAR_CASES:
        if sel is None or sel.lower() in query.lower():
            print(f"*   {query}\n   sides {R.present_values(sp, cache.rows(sp), sp['dimension'])}")
    for query, sp in RANK_CASES:
        if sel is None or sel.lower() in query.lower():
            res = R.rank(sp, cache.rows(sp))
            print(f"RNK {query}")
            for t in res["targets"]:
                def one(e):
                    side = e["side"] if isinstance(e["side"], str) else "/".join(map(str, e["side"][:4]))
                    vs = "-" if e["vs_best"] is None else format(e["vs_best"], ".3f")
                    return f"{side}({vs})"
                print(f"   at {fmt_t(t['interactivity'])}: " + ", ".join(one(e) for e in t["entries"]))
    for query, sp in CROSSOVER_CASES:
        if sel is None or sel.lower() in query.lower():
            res = R.crossover(sp, cache.rows(sp))
            print(f"X   {query}\n   band {res['band'][0]:.3f}-{res['band'][1]:.3f} crossings "
                  f"{[(round(x, 3), a, b) for x, a, b in res['crossings']]}")
    return 0


def self_test(cases, error_cases, cache) -> int:
    bad = 0
    for n, (query, sp) in enumerate(cases, 1):
        try:
            res = R.compare(sp, cache.rows(sp))
        except (ValueError, SystemExit) as e:
            bad += 1
            print(f"{n:2d} {query}\n   REFERENCE ERROR: {e}  <--")
            continue
        band = "none" if res["band"] is None else f"{res['band'][0]:.1f}-{res['band'][1]:.1f}"
        sides = "  ".join(
            f"{s['label']}:{s['rows']}r/{s['frontier_points']}f"
            f"[{s['range'][0]:.1f},{s['range'][1]:.1f}]" if s["range"] else f"{s['label']}:0r"
            for s in res["sides"])
        codes = {"ok": "o", "out_of_range": "-", "clamped": "c"}
        tg = " ".join(f"{fmt_t(t['interactivity'])}:" + "".join(codes[v["status"]] for v in t["values"])
                      for t in res["targets"])
        empty = [s["label"] for s in res["sides"] if s["rows"] == 0]
        flag = "  <-- NO ROWS: " + ",".join(empty) if empty else ""
        bad += bool(empty) or res["band"] is None
        data = " data=" + ",".join(os.path.relpath(p, R.data_root()) for p in sp["data"]) if sp.get("data") else ""
        print(f"{n:2d} {query}\n   band {band} | {sides} | {tg}{flag}\n"
              f"   {res['prices']['edition']} {res['prices']['tier']} {res['cost_method']} "
              f"x={res['interactivity']}{data}")
        for s in res["summary"]:
            print(f"     {s}")
    for query, sp in error_cases:
        try:
            R.compare(sp, cache.rows(sp))
        except ValueError as e:
            print(f"ERR {query}\n   reference refuses: {e}")
            continue
        bad += 1
        print(f"ERR {query}\n   REFERENCE DID NOT REFUSE  <--")
    print(f"{len(cases)} cases, {len(error_cases)} error cases, "
          f"{bad} with an empty side, an empty band or an unexpected reference outcome")
    return 1 if bad else 0


def main(argv) -> int:
    args = list(argv)
    verbose = "-v" in args
    if verbose:
        args.remove("-v")
    sel = None
    if "-k" in args:
        i = args.index("-k")
        if i + 1 >= len(args):
            print(__doc__, file=sys.stderr)
            return 2
        sel = args[i + 1]
        del args[i:i + 2]
    cases = [c for c in CASES if sel is None or sel.lower() in c[0].lower()]
    error_cases = [c for c in ERROR_CASES if sel is None or sel.lower() in c[0].lower()]
    cache = RowCache()
    if args == ["--self-test"]:
        return self_test(cases, error_cases, cache) | self_test_new(sel, cache)
    if len(args) != 1:
        print(__doc__, file=sys.stderr)
        return 2
    icq = args[0]
    failed = 0
    for n, (query, sp) in enumerate(cases, 1):
        ref = R.compare(sp, cache.rows(sp))
        got, err = run_icq(icq, query, sp.get("data"))
        diffs = [err] if err else diff_results(ref, got, sp["dimension"], required_metrics(query),
                                               shown_metrics(query))
        if diffs:
            failed += 1
            print(f"FAIL {n:2d} {query}")
            if sp.get("data"):
                print(f"     data: {' '.join(sp['data'])}")
            for x in diffs:
                print(f"     {x}")
        elif verbose:
            print(f"ok   {n:2d} {query}")
    for query, sp in error_cases:
        try:
            p = subprocess.run(icq_command(icq, query, sp.get("data")), capture_output=True,
                               text=True, timeout=120)
        except (OSError, subprocess.TimeoutExpired) as e:
            failed += 1
            print(f"FAIL ERR {query}\n     could not run icq: {e}")
            continue
        if p.returncode == 0:
            failed += 1
            print(f"FAIL ERR {query}\n     icq exit 0, expected an error (the reference refuses it)")
        elif verbose:
            print(f"ok   ERR {query}: exit {p.returncode}: {p.stderr.strip()[:200]}")
    extra = run_new_statements(icq, sel, cache, verbose)
    failed += extra[0]
    total = len(cases) + len(error_cases) + extra[1]
    print(f"{total - failed}/{total} cases agree")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
