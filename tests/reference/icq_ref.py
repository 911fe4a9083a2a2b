#!/usr/bin/env python3
"""Independent reference implementation of the icq `compare` computation.

Written from ../shared/docs/SEMANTICS.md (the contract), docs/DECISIONS.md (the project's
resolution of what the contract leaves open), ../shared/docs/LANGUAGE.md (JSON shape of
`compare`), ../shared/docs/DASHBOARD.md (model slugs, catalog, dated editions) and
../shared/data/inferencex/README.md (data formats) only -- deliberately
without reading any of the C++ sources, so that it can serve as a test oracle.

Standard library only (Python 3.11).

Data: API row files (`benchmarks*.json`, also agentic_traces rows with null isl/osl) and runner
aggregate files (agentic/*.json: flat keys hw, tp, ep, conc, ..., no date -- undated rows, one run
per line, always the latest).  Folders mean every *.json under them.

Usage:
    icq_ref.py --spec '{"dimension": "precision", "sides": ["fp4", "fp8"],
                        "filters": {"gpu": "mi355x", "model": "dsr1"}}'
    icq_ref.py --data FILE [--data FILE ...] --spec '...'
    icq_ref.py --lines [--spec '{"filters": {...}}']     # overview of the selected data

Also rank(spec) (spec "metric" and "targets"; dimension "config" = one side per line),
crossover(spec) (spec "metric", no targets; dense sampling of the splines every 0.001) and
compare with "sides": "*" (every value present under the shared filters).

Spec keys (all optional except dimension and sides):
    dimension  precision | spec | gpu | framework | deployment | vendor
    sides      list of side values of that dimension (canonical keys; aliases accepted)
    filters    {"gpu", "model", "precision", "spec", "framework", "family", "deployment",
                "vendor", "isl", "osl", "seq"}; isl/osl default to 1024/1024 (benchmark_type
                single_turn); "seq": "1k/1k" | "1k/8k" | "8k/1k" | "agentic" (agentic_traces rows,
                no isl/osl).  "model" may be a DB key, a display name, or a compare-page slug /
                slug alias that pools several DB keys (kimi = kimik2.5 + kimik2.6 + kimik2.7-code)
    targets    list of interactivities, or null for the band quartiles (error on a degenerate band)
    band_pct   list of band percentages 0..100 instead of targets (kept inside ceil(lo)..floor(hi))
    interactivity  "p50" | "p90" | "p99"; default p90 for agentic rows, p50 (median) otherwise
    prices     "2026-09" (default) | "2026-07" | "2026-04"
    tier       "hyperscaler" (default) | "neocloud" (not in 2026-09) | "rental"
    cost_method  "derived" (default) | "splined"
    dashboard  "YYYY-MM-DD": the price edition and cost method the dashboard had on that date
               (explicit prices / cost_method win)
    tokens     "total" (default) | "output" | "input": the token type cost, tok/s/MW, J/token and
               tokens per $1 are per (SEMANTICS §4); with "output" / "input" the values also carry
               "output_throughput" / "input_throughput", the rate they are computed from.  A
               disaggregated row's output (input) rate counts every GPU of the deployment, unless
               "dashboard" is given: the dashboard divides by the API's per-decode (per-prefill)
               GPU figure (token_rate)
    clamp      false (default) | true
    as_of      "YYYY-MM-DD": the newest run of every line up to that date (`as of`)
    noise_runs N (2..100): `with noise last N` -- each value's spread from reruns of the
               configuration of the frontier knots it is read from, at the knots' concurrency
               (side_noise); JSON values get "noise", targets "within_noise"
    data       list of data files / folders (a folder = every *.json under it); default built-in
"""

from __future__ import annotations

import argparse
import datetime
import glob
import json
import math
import os
import re
import sys
from decimal import Decimal, ROUND_HALF_UP, localcontext

# --------------------------------------------------------------------------------------------
# Catalog -- SEMANTICS.md section 7, typed in by hand.  Kept as strings so that the decimal
# cost arithmetic starts from the exact published decimal prices (DECISIONS.md, Computation).
#   edition -> gpu -> (kW per GPU, {tier: $ per GPU-hour})
# --------------------------------------------------------------------------------------------
CATALOG = {
    "2026-04": {
        "h100":   ("1.73", {"hyperscaler": "1.30",  "neocloud": "1.69",  "rental": "1.30"}),
        "h200":   ("1.73", {"hyperscaler": "1.41",  "neocloud": "1.74",  "rental": "1.60"}),
        "b200":   ("2.17", {"hyperscaler": "1.95",  "neocloud": "2.34",  "rental": "2.90"}),
        "b300":   ("2.17", {"hyperscaler": "2.34",  "neocloud": "2.808", "rental": "3.48"}),
        "gb200":  ("2.10", {"hyperscaler": "2.21",  "neocloud": "2.75",  "rental": "3.30"}),
        "gb300":  ("2.10", {"hyperscaler": "2.652", "neocloud": "3.30",  "rental": "3.96"}),
        "mi300x": ("1.79", {"hyperscaler": "1.12",  "neocloud": "1.40",  "rental": "1.55"}),
        "mi325x": ("2.18", {"hyperscaler": "1.28",  "neocloud": "1.59",  "rental": "1.80"}),
        "mi355x": ("2.65", {"hyperscaler": "1.48",  "neocloud": "1.90",  "rental": "2.10"}),
    },
    "2026-07": {
        "h100":   ("1.37", {"hyperscaler": "1.17",  "neocloud": "1.55",  "rental": "1.78"}),
        "h200":   ("1.37", {"hyperscaler": "1.22",  "neocloud": "1.59",  "rental": "2.05"}),
        "b200":   ("1.71", {"hyperscaler": "1.73",  "neocloud": "2.07",  "rental": "2.60"}),
        "b300":   ("1.90", {"hyperscaler": "2.26",  "neocloud": "2.52",  "rental": "3.00"}),
        "gb200":  ("1.87", {"hyperscaler": "1.86",  "neocloud": "2.26",  "rental": "2.60"}),
        "gb300":  ("2.12", {"hyperscaler": "2.31",  "neocloud": "2.79",  "rental": "3.30"}),
        "mi300x": ("1.39", {"hyperscaler": "0.95",  "neocloud": "1.16",  "rental": "1.30"}),
        "mi325x": ("1.69", {"hyperscaler": "1.10",  "neocloud": "1.32",  "rental": "1.60"}),
        "mi355x": ("2.09", {"hyperscaler": "1.50",  "neocloud": "2.09",  "rental": "2.10"}),
        # SEMANTICS §10: rtx6000pro is also in the 2026-07 edition, with neocloud 0.75
        "rtx6000pro": ("0.975", {"hyperscaler": "0.68", "neocloud": "0.75", "rental": "0.52"}),
    },
    # SEMANTICS §10 (#1056, #1071, from 2026-09-07): no neocloud tier; kW as 2026-07; rental corrected
    "2026-09": {
        "h100":   ("1.37", {"hyperscaler": "1.17",  "rental": "2.00"}),
        "h200":   ("1.37", {"hyperscaler": "1.22",  "rental": "2.90"}),
        "b200":   ("1.71", {"hyperscaler": "1.73",  "rental": "3.70"}),
        "b300":   ("1.90", {"hyperscaler": "2.26",  "rental": "4.25"}),
        "gb200":  ("1.87", {"hyperscaler": "1.86",  "rental": "4.00"}),
        "gb300":  ("2.12", {"hyperscaler": "2.31",  "rental": "5.00"}),
        "mi300x": ("1.39", {"hyperscaler": "0.95",  "rental": "1.30"}),
        "mi325x": ("1.69", {"hyperscaler": "1.10",  "rental": "1.60"}),
        "mi355x": ("2.09", {"hyperscaler": "1.50",  "rental": "2.90"}),
        "rtx6000pro": ("0.975", {"hyperscaler": "0.68", "rental": "0.52"}),
        "tpuv7":  ("1.207", {"hyperscaler": "1.21",  "rental": "2.00"}),
        "vr200":  ("3.3",   {"hyperscaler": "3.61",  "rental": "8.50"}),
    },
}
DEFAULT_EDITION = "2026-09"   # the newest edition is the default (SEMANTICS §7, §10)
DEFAULT_TIER = "hyperscaler"
TIERS = ("hyperscaler", "neocloud", "rental")
COST_METHODS = ("derived", "splined")
DEFAULT_COST_METHOD = "derived"

# SEMANTICS §10: what the dashboard had in force from a date on (the first entry is "the start").
#   (from date, price edition, cost method); a page of date D uses the last entry with from <= D.
DASHBOARD_EDITIONS = (
    ("0000-01-01", "2026-04", "splined"),
    ("2026-07-31", "2026-07", "splined"),   # #659
    ("2026-08-12", "2026-07", "derived"),   # #726
    ("2026-09-07", "2026-09", "derived"),   # #1056, #1071
)

# How a side whose frontier mixes several GPUs is priced (SEMANTICS/DECISIONS are silent; only
# vendor comparisons or comparisons without a GPU filter are affected):
#   "bracket": price/power of the GPU of the knot(s) the value at t comes from (the two knots
#              bracketing t, the knot itself when t hits it, the edge knot when clamped); null when
#              those knots are different GPUs.
#   "side":    price/power only when every frontier knot of the side is the same GPU, else null.
MIXED_GPU_POLICY = "bracket"

# --------------------------------------------------------------------------------------------
# Keys and aliases (DECISIONS.md, Data / Selection; README "Keys")
# --------------------------------------------------------------------------------------------
PRECISION_ALIASES = {"nvfp4": "fp4", "mxfp4": "fp4"}
FRAMEWORK_ALIASES = {"trtllm": "trt"}
SPEC_ALIASES = {"off": "none", "stp": "none"}
MODEL_ALIASES = {
    "deepseek-r1-0528": "dsr1", "deepseek-r1": "dsr1",
    "gpt-oss-120b": "gptoss120b",
    "qwen-3.5-397b-a17b": "qwen3.5", "qwen3.5-397b": "qwen3.5",
    "kimi-k2.5": "kimik2.5", "glm-5": "glm5", "minimax-m2.5": "minimaxm2.5",
    "deepseek-v4-pro": "dsv4", "llama-3.3-70b": "llama70b",
}
# Compare-page model slugs (DASHBOARD.md §7): a slug or slug alias pools several DB keys into one
# set of rows.  A DB key (or a display name resolved by MODEL_ALIASES) stays one key.  Slugs and
# slug aliases take precedence over MODEL_ALIASES (only "glm-5" is in both: slug alias of glm-5-1).
MODEL_SLUGS = {
    "deepseek-v4": ("dsv4",),
    "deepseek-r1": ("dsr1",),
    "kimi-k3": ("kimik3",),
    "kimi-k26": ("kimik2.5", "kimik2.6", "kimik2.7-code"),
    "glm-5-1": ("glm5", "glm5.1"),
    "glm-5-2": ("glm5.2",),
    "minimax-m3": ("minimaxm3",),
    "minimax-m27": ("minimaxm2.5", "minimaxm2.7"),
    "qwen-3-8-flash-next": ("qwen3.8next",),
    "qwen-3-5": ("qwen3.5",),
    "gptoss-120b": ("gptoss120b",),
    "llama-3-3-70b": ("llama70b",),
}
MODEL_SLUG_ALIASES = {
    "deepseek": "deepseek-r1", "kimi": "kimi-k26", "kimi-k25": "kimi-k26", "qwen": "qwen-3-5",
    "glm": "glm-5-1", "glm-5": "glm-5-1", "minimax": "minimax-m27", "minimax-m25": "minimax-m27",
    "llama": "llama-3-3-70b", "gptoss": "gptoss-120b",
}


def model_keys(value) -> frozenset:
    """The DB model keys a model filter value selects: a slug / slug alias -> its pooled keys,
    anything else -> the one key canon("model", value)."""
    v = str(value).strip().lower()
    slug = MODEL_SLUG_ALIASES.get(v, v)
    if slug in MODEL_SLUGS:
        return frozenset(MODEL_SLUGS[slug])
    return frozenset({canon("model", v)})


VENDORS = {
    "nvidia": {"h100", "h200", "b200", "b300", "gb200", "gb300", "rtx6000pro"},
    "amd": {"mi300x", "mi325x", "mi355x"},
}
FAMILIES = {
    "sglang": {"sglang", "dynamo-sglang", "mori-sglang"},
    "trt": {"trt", "dynamo-trt"},
    "vllm": {"vllm", "dynamo-vllm", "llmd-vllm"},
    "atom": {"atom"},
}
DEPLOYMENTS = ("disagg", "single-node", "agg", "multinode")

# The line key, in the order DECISIONS.md lists it.
LINE_KEY_FIELDS = (
    "hardware", "framework", "model", "precision", "spec_method", "disagg", "is_multinode",
    "prefill_tp", "prefill_ep", "prefill_dp_attention", "prefill_num_workers",
    "decode_tp", "decode_ep", "decode_dp_attention", "decode_num_workers",
    "num_prefill_gpu", "num_decode_gpu", "isl", "osl", "benchmark_type", "offload_mode",
)
REQUIRED_FIELDS = ("hardware", "framework", "model", "precision", "conc", "date")
# Defaults from DECISIONS.md.  (spec_method/disagg/is_multinode defaults are this
# implementation's own choice -- DECISIONS does not list them; every built-in row has them.)
FIELD_DEFAULTS = {
    "prefill_dp_attention": False, "decode_dp_attention": False,
    "prefill_num_workers": 0, "decode_num_workers": 0,
    "benchmark_type": "single_turn", "offload_mode": "off",
    "spec_method": "none", "disagg": False, "is_multinode": False,
}
THROUGHPUT_METRICS = ("tput_per_gpu", "input_tput_per_gpu", "output_tput_per_gpu")


def canon(dimension: str, value) -> str:
    """Canonical key of a side/filter value of a dimension (case-insensitive, aliases resolved)."""
    v = str(value).strip().lower()
    if dimension == "precision":
        return PRECISION_ALIASES.get(v, v)
    if dimension == "framework":
        return FRAMEWORK_ALIASES.get(v, v)
    if dimension == "spec":
        return SPEC_ALIASES.get(v, v)
    if dimension == "model":
        return MODEL_ALIASES.get(v, v)
    if dimension == "gpu":
        return v.split("-", 1)[0]
    return v


def display(dimension: str, key: str) -> str:
    """Display name of a side in the summary sentences.

    precision and gpu: upper case (FP4, MI355X); spec: MTP / Off (as the brief says).
    framework / deployment: icq's display names (README "Names"), the key when it has none;
    vendor: upper case (NVIDIA, AMD).  check_icq.py compares the clauses case-insensitively.
    """
    if dimension in ("precision", "gpu", "vendor"):
        return key.upper()
    if dimension == "spec":
        return "MTP" if key == "mtp" else ("Off" if key == "none" else key)
    if dimension == "framework":
        return FRAMEWORK_DISPLAY.get(key, key)
    if dimension == "deployment":
        return DEPLOYMENT_DISPLAY.get(key, key)
    return key


# Presentation names only (no effect on any number).
FRAMEWORK_DISPLAY = {
    "sglang": "SGLang", "vllm": "vLLM", "trt": "TRT-LLM", "atom": "ATOM", "dynamo-trt": "Dynamo TRT-LLM",
    "dynamo-sglang": "Dynamo SGLang", "dynamo-vllm": "Dynamo vLLM", "mori-sglang": "MoRI SGLang",
    "llmd-vllm": "llm-d vLLM",
}
DEPLOYMENT_DISPLAY = {"disagg": "Disagg", "single-node": "Single-node", "agg": "Aggregated", "multinode": "Multi-node"}


# --------------------------------------------------------------------------------------------
# Small numeric helpers
# --------------------------------------------------------------------------------------------
def is_number(v) -> bool:
    """A JSON number (bool is not a number here)."""
    return isinstance(v, (int, float)) and not isinstance(v, bool)


def round_half_up(v) -> int:
    """Round half up on the EXACT value (Decimal(float) is the exact binary value)."""
    d = v if isinstance(v, Decimal) else Decimal(v)
    return int(d.quantize(Decimal(1), rounding=ROUND_HALF_UP))


def sign(x: float) -> float:
    # SEMANTICS §3: sign(0) = +1
    return -1.0 if x < 0 else 1.0


# --------------------------------------------------------------------------------------------
# Loading and normalisation (DECISIONS.md, Data)
# --------------------------------------------------------------------------------------------
def data_root() -> str:
    """The InferenceX data folder: $ICQ_DATA_DIR (the build's data folder, as CTest passes it) when
    it exists, else the repository's copy data/inferencex, else ../shared/data/inferencex."""
    here = os.path.dirname(os.path.abspath(__file__))
    candidates = [os.path.join(here, "..", "..", "data", "inferencex"),
                  os.path.join(here, "..", "..", "..", "shared", "data", "inferencex")]
    if os.environ.get("ICQ_DATA_DIR"):
        candidates.insert(0, os.environ["ICQ_DATA_DIR"])
    for c in candidates:
        if os.path.isdir(c):
            return os.path.normpath(c)
    return os.path.normpath(candidates[-1])


def expand_data_paths(paths) -> list[str]:
    """Files named by a data list: a file is itself; a folder means every *.json under it,
    recursively.  The result is sorted by path (the order duplicates are resolved in)."""
    out = []
    for p in paths:
        if os.path.isdir(p):
            out.extend(glob.glob(os.path.join(p, "**", "*.json"), recursive=True))
        elif os.path.exists(p):
            out.append(p)
        else:
            raise FileNotFoundError(f"data path not found: {p}")
    return sorted(set(out))


def spec_data_files(spec: dict) -> list[str]:
    """The files of spec["data"] (list of files/folders), or the built-in data when absent."""
    paths = spec.get("data")
    if not paths:
        return default_data_files()
    if isinstance(paths, str):
        paths = [paths]
    return expand_data_paths(paths)


def default_data_files() -> list[str]:
    """icq's built-in data: every real API capture (README "Data"): the benchmark rows of api/*/,
    api-partial/*/ and api-found/*/ of the data folder."""
    root = data_root()
    files = []
    for folder in ("api", "api-partial", "api-found"):
        files += [f for f in glob.glob(os.path.join(root, folder, "*", "*.json"))
                  if os.path.basename(f).startswith("benchmarks")]
    if files:
        return sorted(files)
    raise SystemExit("no built-in data found under data/inferencex/api/*/ (or ../shared/data/inferencex)")


def _norm_bool(v):
    if isinstance(v, bool):
        return v
    if is_number(v) and v in (0, 1):
        return bool(v)
    if isinstance(v, str) and v.strip().lower() in ("true", "false"):
        return v.strip().lower() == "true"
    return v


def _norm_int(v):
    if is_number(v) and float(v).is_integer():
        return int(v)
    return v


# Runner aggregate rows (agentic/*.json, the runner's agg_bmk.json shape): flat keys, no date, no
# isl/osl.  These keys are configuration; every other numeric key is a metric.
RUNNER_CONFIG_KEYS = frozenset({
    "hw", "conc", "image", "model", "infmax_model_prefix", "framework", "precision",
    "spec_decoding", "disagg", "scenario_type", "is_multinode", "tp", "ep", "dp_attention",
    "offloading", "date", "run_url", "isl", "osl",
})


def is_runner_row(raw) -> bool:
    """The runner aggregate shape: flat `hw` instead of the API's `hardware`."""
    return isinstance(raw, dict) and "hw" in raw and "hardware" not in raw


def runner_to_api(raw: dict) -> dict:
    """An API-shaped row from a runner aggregate row (brief / README "agentic/"):
    hardware = hw before the first '-' or '_', lower case; model = infmax_model_prefix;
    spec_method = spec_decoding; prefill_tp = decode_tp = tp; prefill_ep = decode_ep = ep;
    both dp_attention = dp_attention ("false"/"true" strings); num_prefill_gpu = num_decode_gpu = tp;
    benchmark_type agentic_traces when scenario_type starts with "agentic" (all the files here);
    isl/osl null; offload_mode from `offloading` in the API's spelling: "none" (or absent) ->
    "off", any offloading tier (lmcache, hicache, ...) -> "on" -- the runner files hold the same
    configuration and concurrency with and without offloading, and these are different lines.
    No date: the row is undated (all undated rows of a line are its latest run)."""
    hw = raw.get("hw")
    hardware = re.split(r"[-_]", hw.strip(), maxsplit=1)[0].lower() if isinstance(hw, str) else hw
    tp, ep, dp = raw.get("tp"), raw.get("ep"), raw.get("dp_attention")
    scen = raw.get("scenario_type")
    agentic = not isinstance(scen, str) or scen.lower().startswith("agentic")
    metrics = {k: v for k, v in raw.items()
               if k not in RUNNER_CONFIG_KEYS and is_number(v)}
    off = raw.get("offloading")
    if off is None:
        offload_mode = None  # the default ("off")
    elif isinstance(off, str) and off.strip().lower() in ("none", "off", "false", ""):
        offload_mode = "off"
    else:
        offload_mode = "on"
    return {
        "hardware": hardware, "framework": raw.get("framework"),
        "model": raw.get("infmax_model_prefix"), "precision": raw.get("precision"),
        "spec_method": raw.get("spec_decoding"), "disagg": raw.get("disagg"),
        "is_multinode": raw.get("is_multinode"),
        "prefill_tp": tp, "prefill_ep": ep, "prefill_dp_attention": dp,
        "decode_tp": tp, "decode_ep": ep, "decode_dp_attention": dp,
        "num_prefill_gpu": tp, "num_decode_gpu": tp,
        "benchmark_type": "agentic_traces" if agentic else "single_turn",
        "isl": None if agentic else raw.get("isl"), "osl": None if agentic else raw.get("osl"),
        "offload_mode": offload_mode,
        "conc": raw.get("conc"), "image": raw.get("image"), "date": raw.get("date"),
        "metrics": metrics,
    }


def normalise_row(raw: dict):
    """Return (row, None) or (None, reason).  Only config is checked here; metric usability is
    checked after duplicates are merged (their metrics are a union, see merge_duplicates).
    API rows need a date; runner aggregate rows (is_runner_row) are undated: row["date"] = None."""
    if not isinstance(raw, dict):
        return None, "not an object"
    undated_ok = is_runner_row(raw)
    if undated_ok:
        raw = runner_to_api(raw)
    for f in REQUIRED_FIELDS:
        if raw.get(f) is None and not (f == "date" and undated_ok):
            return None, f"missing {f}"
    row = {}
    for f in LINE_KEY_FIELDS:
        v = raw.get(f)
        if v is None:
            v = FIELD_DEFAULTS.get(f)
        row[f] = v
    # string keys: lower case, aliases resolved; hardware = part before the first '-'
    for f in ("hardware", "framework", "model", "precision"):
        if not isinstance(row[f], str) or not row[f].strip():
            return None, f"missing {f}"
    row["hardware"] = canon("gpu", row["hardware"])
    row["framework"] = canon("framework", row["framework"])
    row["model"] = canon("model", row["model"])
    row["precision"] = canon("precision", row["precision"])
    if isinstance(row["spec_method"], str):
        row["spec_method"] = canon("spec", row["spec_method"])
    for f in ("disagg", "is_multinode", "prefill_dp_attention", "decode_dp_attention"):
        row[f] = _norm_bool(row[f])
    for f in ("prefill_tp", "prefill_ep", "prefill_num_workers", "decode_tp", "decode_ep",
              "decode_num_workers", "num_prefill_gpu", "num_decode_gpu", "isl", "osl"):
        row[f] = _norm_int(row[f])
    conc = raw.get("conc")
    if not is_number(conc) or not math.isfinite(conc):
        return None, "non-numeric conc"
    row["conc"] = _norm_int(conc)
    date = raw.get("date")
    if date is None and undated_ok:
        row["date"] = None
    else:
        try:
            if not isinstance(date, str):
                raise ValueError
            row["date"] = datetime.date.fromisoformat(date.strip()[:10]).isoformat()
        except ValueError:
            return None, "unparseable date"
    metrics = raw.get("metrics")
    row["metrics"] = dict(metrics) if isinstance(metrics, dict) else {}
    row["key"] = tuple(row[f] for f in LINE_KEY_FIELDS)
    run, why = read_run(raw)
    if why:
        return None, why
    row["run"] = run
    return row, None


RUN_URL = re.compile(r"/actions/runs/(\d{1,18})/attempts/(\d{1,9})")


def read_run(raw: dict):
    """(run, None) or (None, reason).  A run is (url, started, workflow_run_id): the API's run_url,
    run_started_at as microseconds since 1970 UTC (None = not given) and the database's
    workflow_runs.id (None = not given).  Runner rows name no run: ("", None, None)."""
    url = raw.get("run_url") if isinstance(raw.get("run_url"), str) else ""
    wid = raw.get("workflow_run_id")
    if wid is not None:
        if isinstance(wid, str) and wid.isdigit() and len(wid) <= 18:
            wid = int(wid)
        if isinstance(wid, bool) or not isinstance(wid, int) or wid <= 0:
            return None, "workflow_run_id is not a run id"
    started = raw.get("run_started_at")
    if started is not None:
        if not isinstance(started, str):
            return None, "run_started_at is not a timestamp"
        text = started.strip()
        if text.endswith("Z"):
            text = text[:-1] + "+00:00"
        elif re.search(r"[+-]\d\d$", text):
            text += ":00"
        try:
            t = datetime.datetime.fromisoformat(text)
        except ValueError:
            return None, "unreadable run_started_at"
        if t.tzinfo is None:
            t = t.replace(tzinfo=datetime.timezone.utc)
        delta = t - datetime.datetime(1970, 1, 1, tzinfo=datetime.timezone.utc)
        started = (delta.days * 86400 + delta.seconds) * 1000000 + delta.microseconds
    return (url, started, wid), None


def run_identity(run) -> str:
    """What makes two rows' runs the same run: the URL, else the database id; "" = none named."""
    url, _, wid = run
    return url or (f"#{wid}" if wid else "")


def github_run(url: str):
    """(GitHub run id, attempt) of a run_url, or (0, 0)."""
    m = RUN_URL.search(url or "")
    return (int(m.group(1)), int(m.group(2))) if m and int(m.group(2)) > 0 else (0, 0)


def run_order(run):
    """SEMANTICS §1: among runs of one line and date the last in this order is the line's run --
    the database's `run_started_at desc nulls last, workflow_run_id desc`, read ascending (unknown
    lowest), then the GitHub run id and attempt of the URL, then the URL itself."""
    url, started, wid = run
    gid, attempt = github_run(url)
    return (-math.inf if started is None else started, wid or 0, gid, attempt, url)


def metric_problem(metrics: dict):
    """Reason why a (merged) row is unusable, or None.

    A row WITHOUT median_intvty (absent or null) is usable: DECISIONS.md keeps such rows (the
    agentic runner aggregates carry only mean/p75/p90/p95 interactivity) -- they are counted, but
    never enter a range or a frontier (see has_x).  A median_intvty that is present but not a
    finite number > 0 makes the row unusable."""
    t = metrics.get("tput_per_gpu")
    if t is None:
        return "missing tput_per_gpu"
    if not is_number(t):
        return "non-numeric tput_per_gpu"
    x = metrics.get("median_intvty")
    if x is not None and (not is_number(x) or not math.isfinite(x) or x <= 0):
        return "median_intvty not finite and > 0"
    # "negative or non-finite throughput": applied to every throughput metric that is present
    for m in THROUGHPUT_METRICS:
        v = metrics.get(m)
        if v is not None and is_number(v) and (not math.isfinite(v) or v < 0):
            return f"negative or non-finite {m}"
    return None


INTERACTIVITY_PERCENTILES = {"p50": ("median_itl", "median_intvty"),
                             "p90": ("p90_itl", "p90_intvty"),
                             "p99": ("p99_itl", "p99_intvty")}
INTERACTIVITY_ALIASES = {"median": "p50", "p50": "p50", "p90": "p90", "p99": "p99"}


def is_agentic(row: dict) -> bool:
    return row.get("benchmark_type") == "agentic_traces"


def canon_interactivity(value):
    """None (the per-row default) or one of p50 / p90 / p99."""
    if value is None:
        return None
    v = str(value).strip().lower()
    if v not in INTERACTIVITY_ALIASES:
        raise ValueError(f"unknown interactivity {value!r}; use p50, p90 or p99")
    return INTERACTIVITY_ALIASES[v]


def default_interactivity(row: dict) -> str:
    """SEMANTICS §9: the dashboard's default -- p90 for agentic rows, the median for fixed sequences."""
    return "p90" if is_agentic(row) else "p50"


def _usable_x(v) -> bool:
    return is_number(v) and math.isfinite(v) and v > 0


def x_value(row: dict, pctl=None):
    """The x (interactivity, tok/s/user) of a row for percentile pctl (None = the row's default),
    or None when the row has no usable x (absent, non-finite or <= 0).

    Agentic rows (SEMANTICS §9): 1 / pNN_itl when pNN_itl is present and > 0, else the row's own
    pNN_intvty (p50: median_itl / median_intvty).  Fixed-sequence rows: the row's own
    median_intvty / p90_intvty / p99_intvty, never recomputed."""
    pctl = canon_interactivity(pctl) or default_interactivity(row)
    itl_key, intvty_key = INTERACTIVITY_PERCENTILES[pctl]
    m = row["metrics"]
    if is_agentic(row):
        itl = m.get(itl_key)
        if _usable_x(itl):
            x = 1.0 / float(itl)
            return x if _usable_x(x) else None
    x = m.get(intvty_key)
    return float(x) if _usable_x(x) else None


def has_x(row: dict) -> bool:
    """The row has a median interactivity, so it can enter a range and a frontier.  (Usable rows
    that carry median_intvty at all carry a finite one > 0: see metric_problem.)"""
    return row["metrics"].get("median_intvty") is not None


def load(paths: list[str]):
    """Load API JSON row files and runner aggregate files (folders: every *.json under them).
    Returns (usable rows, report dict).

    Duplicates (same line key, date, run, conc) are one row; metrics = union; on disagreement the
    file whose path sorts last wins (within one file: the later row wins).  Rows of an earlier
    attempt of a GitHub run the data holds a later attempt of are left out (report["superseded"]);
    a row naming no run belongs to the one run its line has on its date, when there is one.  Usable rows without
    median_intvty are returned too (and counted in report["rows_without_x"]): they belong to
    their line's runs, but has_x() keeps them out of every range and frontier."""
    report = {"files": [], "raw_rows": 0, "unusable": {}, "duplicates": 0, "disagreements": 0, "superseded": 0}
    merged: dict = {}
    pending: list = []
    for path in expand_data_paths(paths):
        with open(path, encoding="utf-8") as fh:
            data = json.load(fh)
        if isinstance(data, dict):  # tolerate {"rows": [...]} / {"data": [...]} wrappers
            data = data.get("rows") or data.get("data") or []
        report["files"].append(path)
        for raw in data:
            report["raw_rows"] += 1
            row, why = normalise_row(raw)
            if row is None:
                report["unusable"][why] = report["unusable"].get(why, 0) + 1
                continue
            pending.append(row)
    # Runs: what any source knows of a run counts (the larger value on a disagreement), every
    # row of a run gets the same run tuple.
    known: dict = {}
    for row in pending:
        ident = run_identity(row["run"])
        if not ident:
            continue
        url, started, wid = row["run"]
        if ident in known:
            _, s0, w0 = known[ident]
            started = s0 if started is None else (started if s0 is None else max(started, s0))
            wid = w0 if wid is None else (wid if w0 is None else max(wid, w0))
        known[ident] = (url, started, wid)
    for row in pending:
        ident = run_identity(row["run"])
        row["run"] = known[ident] if ident else ("", None, None)
    # Only the latest attempt of a GitHub run (the database's latest_workflow_runs).
    latest: dict = {}
    for row in pending:
        gid, attempt = github_run(row["run"][0])
        if gid:
            latest[gid] = max(latest.get(gid, 0), attempt)
    kept = []
    for row in pending:
        gid, attempt = github_run(row["run"][0])
        if gid and attempt < latest[gid]:
            report["superseded"] += 1
        else:
            kept.append(row)
    # A row naming no run joins the one run its line has on its date, if exactly one.
    runs_of: dict = {}
    for row in kept:
        if run_identity(row["run"]):
            runs_of.setdefault((row["key"], row["date"]), {})[run_identity(row["run"])] = row["run"]
    for row in kept:
        if not run_identity(row["run"]):
            named = runs_of.get((row["key"], row["date"]), {})
            if len(named) == 1:
                row["run"] = next(iter(named.values()))
    for row in kept:
        ident = (row["key"], row["date"], run_identity(row["run"]), row["conc"])
        old = merged.get(ident)
        if old is None:
            merged[ident] = row
            continue
        report["duplicates"] += 1
        for k, v in row["metrics"].items():  # later (sorted) file wins
            if k in old["metrics"] and old["metrics"][k] != v:
                report["disagreements"] += 1
            old["metrics"][k] = v
    rows = []
    for row in merged.values():
        why = metric_problem(row["metrics"])
        if why:
            report["unusable"][why] = report["unusable"].get(why, 0) + 1
        else:
            rows.append(row)
    report["usable_rows"] = len(rows)
    report["rows_without_x"] = sum(1 for r in rows if not has_x(r))
    return rows, report


def latest_runs(rows: list[dict]) -> list[dict]:
    """Latest run of each line (SEMANTICS §1): the newest date of the line and, among its runs of
    that date, the last in run_order(); all that run's concurrencies and nothing of another run.
    Every usable row counts for the choice, those without median_intvty included (they are rows
    of that run); they are only left out of ranges and frontiers later.
    Undated rows (runner aggregates, date None) are one run, and it is the latest of its line:
    a line with any undated row keeps exactly its undated rows."""
    newest: dict = {}
    for r in rows:
        k = r["key"]
        if k in newest and newest[k][0] is None:
            continue
        mine = (r["date"], run_order(r["run"]))
        if r["date"] is None or k not in newest or mine > newest[k]:
            newest[k] = mine
    return [r for r in rows if (r["date"], run_order(r["run"])) == newest[r["key"]]]


# --------------------------------------------------------------------------------------------
# Filters (DECISIONS.md, Selection)
# --------------------------------------------------------------------------------------------
SEQ_NAMES = {"1k/1k": (1024, 1024), "1k/8k": (1024, 8192), "8k/1k": (8192, 1024)}


def canon_seq(value):
    """"agentic" (also agentic-traces / agentic_traces) or an (isl, osl) pair."""
    v = str(value).strip().lower()
    if v in ("agentic", "agentic-traces", "agentic_traces", "agentx"):
        return "agentic"
    if v in SEQ_NAMES:
        return SEQ_NAMES[v]
    raise ValueError(f"unknown seq {value!r}; use 1k/1k, 1k/8k, 8k/1k or agentic")


def matches(row: dict, dimension: str, value) -> bool:
    if dimension == "gpu":
        return row["hardware"] == canon("gpu", value)
    if dimension == "model":
        return row["model"] in model_keys(value)
    if dimension == "seq":
        seq = canon_seq(value)
        if seq == "agentic":
            return row["benchmark_type"] == "agentic_traces"
        return (row["benchmark_type"] == "single_turn" and row["isl"] == seq[0]
                and row["osl"] == seq[1])
    if dimension == "precision":
        return row["precision"] == canon("precision", value)
    if dimension == "spec":
        return row["spec_method"] == canon("spec", value)
    if dimension == "framework":
        return row["framework"] == canon("framework", value)
    if dimension == "family":
        return row["framework"] in FAMILIES[canon("framework", value)]
    if dimension == "deployment":
        v = canon("deployment", value)
        if v == "disagg":
            return row["disagg"] is True
        if v == "single-node":
            return row["disagg"] is False and row["is_multinode"] is False
        if v == "agg":
            return row["disagg"] is False
        if v == "multinode":
            return row["is_multinode"] is True
        raise ValueError(f"unknown deployment {value!r}")
    if dimension == "vendor":
        return row["hardware"] in VENDORS[canon("vendor", value)]
    if dimension in ("isl", "osl"):
        return row[dimension] == int(value)
    if dimension == "benchmark_type":
        return row["benchmark_type"] == value
    raise ValueError(f"unknown filter {dimension!r}")


# --------------------------------------------------------------------------------------------
# Frontier (SEMANTICS §2, tie rule from DECISIONS.md)
# --------------------------------------------------------------------------------------------
def _orderable(v):
    """Sort key for a line-key value: booleans, numbers, strings and None never compared raw."""
    if v is None:
        return (0, 0)
    if isinstance(v, bool):
        return (1, int(v))
    if is_number(v):
        return (2, v)
    return (3, str(v))


def frontier_order_key(p: dict):
    """x ascending, y descending, then line key, then conc (DECISIONS: frontier ties)."""
    return (p["x"], -p["y"], tuple(_orderable(v) for v in p.get("key", ())), p.get("conc", 0))


def frontier(points: list[dict]) -> list[dict]:
    """Upper-left Pareto frontier of points {"x", "y", ...}.

    A point survives iff no OTHER point has both >= x and >= y.  Points with identical (x, y)
    would eliminate each other under that rule; DECISIONS keeps the first of them in
    frontier_order_key order.  Non-finite or x <= 0 points never enter.  O(n^2), on purpose:
    it is the definition, literally.  Result: x strictly ascending, y strictly descending."""
    pts = [p for p in points
           if math.isfinite(p["x"]) and math.isfinite(p["y"]) and p["x"] > 0]
    pts.sort(key=frontier_order_key)
    out = []
    seen_xy = set()
    for i, p in enumerate(pts):
        if (p["x"], p["y"]) in seen_xy:
            continue  # an identical point earlier in order was already considered (kept or not)
        seen_xy.add((p["x"], p["y"]))
        dominated = any(q["x"] >= p["x"] and q["y"] >= p["y"] and (q["x"], q["y"]) != (p["x"], p["y"])
                        for q in pts)
        if not dominated:
            out.append(p)
    for a, b in zip(out, out[1:]):
        assert a["x"] < b["x"] and a["y"] > b["y"], "frontier must be strictly monotone"
    return out


# --------------------------------------------------------------------------------------------
# Steffen / Fritsch-Carlson monotone cubic Hermite spline (SEMANTICS §3)
# --------------------------------------------------------------------------------------------
def spline_slopes(xs: list[float], ys: list[float]) -> list[float]:
    """Tangents m_i as SEMANTICS §3 prescribes (the d3.curveMonotoneX slopes, with the end-slope
    rule applied in the stated order, so that two knots give 1.5*s and 0.75*s)."""
    n = len(xs)
    if n < 2:
        return [0.0] * n
    h = [xs[i + 1] - xs[i] for i in range(n - 1)]
    s = [(ys[i + 1] - ys[i]) / h[i] for i in range(n - 1)]
    m = [0.0] * n
    for i in range(1, n - 1):  # interior knots
        p = (s[i - 1] * h[i] + s[i] * h[i - 1]) / (h[i - 1] + h[i])
        v = (sign(s[i - 1]) + sign(s[i])) * min(abs(s[i - 1]), abs(s[i]), 0.5 * abs(p))
        m[i] = 0.0 if math.isnan(v) else v
    # First m_0 (uses m_1, which is still 0 when n == 2), THEN m_{n-1} (uses the new m_0 when
    # n == 2): two knots -> m_0 = 1.5*s, m_1 = (3s - 1.5s)/2 = 0.75*s.  Not a straight line.
    m[0] = (3 * s[0] - m[1]) / 2
    m[n - 1] = (3 * s[n - 2] - m[n - 2]) / 2
    return m


def spline_eval(xs: list[float], ys: list[float], t: float, slopes=None):
    """Value at t of the monotone spline through (xs, ys), or None when t is outside
    [xs[0], xs[-1]] (out of range -- the caller decides about clamping).
    The result is clamped into [min(ys), max(ys)] and to >= 0."""
    n = len(xs)
    if n == 0 or t < xs[0] or t > xs[-1]:
        return None
    if n == 1:
        v = ys[0]
    else:
        m = slopes if slopes is not None else spline_slopes(xs, ys)
        # bracketing segment [x_i, x_{i+1}] (the last one for t == xs[-1])
        i = 0
        while i < n - 2 and t > xs[i + 1]:
            i += 1
        hseg = xs[i + 1] - xs[i]
        u = (t - xs[i]) / hseg  # linear in x, not log
        u2, u3 = u * u, u * u * u
        h00 = 2 * u3 - 3 * u2 + 1
        h10 = u3 - 2 * u2 + u
        h01 = -2 * u3 + 3 * u2
        h11 = u3 - u2
        v = h00 * ys[i] + h10 * hseg * m[i] + h01 * ys[i + 1] + h11 * hseg * m[i + 1]
    v = min(max(v, min(ys)), max(ys))
    return max(v, 0.0)


def bracketing_knots(xs: list[float], t: float) -> list[int]:
    """Indices of the knots the value at t (inside the range) comes from."""
    if len(xs) == 1:
        return [0]
    for i, x in enumerate(xs):
        if t == x:
            return [i]
    i = 0
    while i < len(xs) - 2 and t > xs[i + 1]:
        i += 1
    return [i, i + 1]


# --------------------------------------------------------------------------------------------
# Band and default targets (SEMANTICS §5)
# --------------------------------------------------------------------------------------------
def band_of(ranges: list) -> list | None:
    """[max of the mins, min of the maxes]; None when a side has no rows or they never overlap."""
    if not ranges or any(r is None for r in ranges):
        return None
    lo = max(r[0] for r in ranges)
    hi = min(r[1] for r in ranges)
    if lo > hi:
        return None
    return [lo, hi]


def default_targets(band) -> list[int]:
    if band is None:
        return []
    lo, hi = band
    return [round_half_up(lo + q * (hi - lo)) for q in (0.25, 0.50, 0.75)]


def displayed_band(band):
    """[ceil(lo), floor(hi)] (SEMANTICS §5), or None when there is no band or it holds no integer."""
    if band is None:
        return None
    dlo, dhi = math.ceil(band[0]), math.floor(band[1])
    return [dlo, dhi] if dlo <= dhi else None


def band_is_degenerate(band) -> bool:
    """No band, lo >= hi (the sides touch at one point), or no integer inside it."""
    return band is None or band[0] >= band[1] or displayed_band(band) is None


def band_pct_targets(band, pcts) -> list[int]:
    """`at band p%`: round_half_up(lo + p/100*(hi-lo)), then kept inside the displayed band
    [ceil(lo), floor(hi)] so that 0 % and 100 % are measurable on every side (SEMANTICS §5)."""
    shown = displayed_band(band)
    if shown is None:
        raise ValueError(f"band percentages need a band holding an integer; band is {band}")
    lo, hi = band
    out = []
    for p in pcts:
        if not is_number(p) or not 0 <= p <= 100:
            raise ValueError(f"band percentage {p!r} is not within 0..100")
        t = round_half_up(lo + p / 100 * (hi - lo))
        out.append(min(max(t, shown[0]), shown[1]))
    return out


def _fmt_range(r) -> str:
    return "no rows" if r is None else f"[{r[0]:g}, {r[1]:g}]"


def degenerate_band_error(band, sides) -> ValueError:
    what = "no common band" if band is None or band[0] > band[1] else f"a degenerate band {band}"
    ranges = "; ".join(f"{s['label']} range {_fmt_range(s['range'])}" for s in sides)
    return ValueError(f"the sides have {what}, so there are no default targets "
                      f"(give explicit targets): {ranges}")


# --------------------------------------------------------------------------------------------
# The comparison
# --------------------------------------------------------------------------------------------
def edition_tiers(edition: str) -> set:
    return {t for _, prices in CATALOG[edition].values() for t in prices}


def check_pricing(edition: str, tier: str) -> None:
    """A known edition, and a tier that edition has (2026-09 has no neocloud tier)."""
    if edition not in CATALOG:
        raise ValueError(f"unknown price edition {edition!r}; editions: {', '.join(sorted(CATALOG))}")
    if tier not in TIERS:
        raise ValueError(f"unknown price tier {tier!r}; tiers: {', '.join(TIERS)}")
    if tier not in edition_tiers(edition):
        having = [e for e in sorted(CATALOG) if tier in edition_tiers(e)]
        raise ValueError(f"the {edition} price edition has no {tier} tier; editions with it: "
                         f"{', '.join(having)}")


def dashboard_settings(date) -> tuple:
    """(price edition, cost method) the dashboard had in force on date "YYYY-MM-DD" (SEMANTICS §10)."""
    d = datetime.date.fromisoformat(str(date).strip()).isoformat()
    edition, method = None, None
    for start, ed, m in DASHBOARD_EDITIONS:
        if start <= d:
            edition, method = ed, m
    return edition, method


def resolve_pricing(spec: dict) -> tuple:
    """(edition, tier, cost method): explicit `prices` / `cost_method` keys win over `dashboard`,
    which wins over the defaults (newest edition, derived)."""
    dash_edition, dash_method = (dashboard_settings(spec["dashboard"]) if spec.get("dashboard")
                                 else (None, None))
    edition = spec.get("prices") or dash_edition or DEFAULT_EDITION
    tier = spec.get("tier") or DEFAULT_TIER
    method = spec.get("cost_method") or dash_method or DEFAULT_COST_METHOD
    if method not in COST_METHODS:
        raise ValueError(f"unknown cost method {method!r}; use derived or splined")
    check_pricing(edition, tier)
    return edition, tier, method


def gpu_price_power(gpu: str, edition: str, tier: str):
    """(price Decimal, kW Decimal) of one GPU, or (None, None) when it is not in the catalog."""
    entry = CATALOG[edition].get(gpu)
    if entry is None:
        return None, None
    kw, prices = entry
    price = prices.get(tier)
    return (Decimal(price) if price is not None else None), Decimal(kw)


# SEMANTICS §4 (changed 2026-12): a disaggregated row's output_tput_per_gpu is per decode GPU and
# input_tput_per_gpu per prefill GPU, while its tput_per_gpu is total tokens over every GPU.  The
# deployment pays for all its GPUs, so the output (input) rate per GPU is output_tput_per_gpu x
# num_decode_gpu / (num_prefill_gpu + num_decode_gpu) (input likewise with num_prefill_gpu).  The
# counts are trusted only when the two scaled rates add up to tput_per_gpu within RATE_TOLERANCE;
# otherwise (or without positive counts) the rate is unknown (None), never a wrong figure.  Rows
# that are not disaggregated carry prefill/decode counts that are no GPU counts: their rates are the
# fields as given.
TOKEN_TYPES = ("total", "output", "input")
RATE_TOLERANCE = 0.01


def token_rate(row: dict, tokens: str = "total", per_role: bool = False):
    """tok/s per GPU of one token type for one row (a float, or None when unknown / absent).
    per_role: the API's own per-decode (per-prefill) figure, which the dashboard divides by."""
    m = row["metrics"]
    if tokens == "total":
        return m.get("tput_per_gpu")
    given = m.get(f"{tokens}_tput_per_gpu")
    if given is None or per_role or row["disagg"] is not True:
        return given
    n_pre, n_dec = row["num_prefill_gpu"], row["num_decode_gpu"]
    if not is_number(n_pre) or not is_number(n_dec) or n_pre <= 0 or n_dec <= 0:
        return None
    out, inp, total = m.get("output_tput_per_gpu"), m.get("input_tput_per_gpu"), m.get("tput_per_gpu")
    if out is None or inp is None or total is None or total <= 0:
        return None
    everyone = n_pre + n_dec
    out_share, in_share = out * n_dec / everyone, inp * n_pre / everyone
    if abs(out_share + in_share - total) > RATE_TOLERANCE * total:
        return None
    return out_share if tokens == "output" else in_share


def price_power(gpus: set, edition: str, tier: str):
    """(price Decimal, kW Decimal) for one GPU, or (None, None) when unpriced / mixed."""
    if len(gpus) != 1:
        return None, None
    (gpu,) = gpus
    return gpu_price_power(gpu, edition, tier)


def cost_per_mtok(price: Decimal, tput: float):
    """$ per million tokens = price / (tput * 3600 / 1e6), in 50-digit decimal arithmetic from the
    exact decimal price and the exact binary value of tput.  Returns a Decimal or None."""
    if price is None or tput is None or tput <= 0:
        return None
    with localcontext() as ctx:
        ctx.prec = 50
        return price / (Decimal(tput) * 3600 / Decimal(1000000))


def tokens_per_mw(kw: Decimal, tput: float):
    if kw is None or tput is None:
        return None
    with localcontext() as ctx:
        ctx.prec = 50
        return Decimal(tput) * 1000 / kw


def joules_per_token(kw: Decimal, tput: float):
    """J per token = kW * 1000 / tput (SEMANTICS §4); None without power or with tput <= 0."""
    if kw is None or tput is None or tput <= 0:
        return None
    with localcontext() as ctx:
        ctx.prec = 50
        return kw * 1000 / Decimal(tput)


def tokens_per_dollar(cost: Decimal):
    """Tokens per $1 = 1e6 / (cost per million tokens) (SEMANTICS §4); None without a cost."""
    if cost is None or cost <= 0:
        return None
    with localcontext() as ctx:
        ctx.prec = 50
        return Decimal(1000000) / cost


def _f(d):
    return float(d) if d is not None else None


def splined_knot_metric(knots: list[dict], per_knot, t: float):
    """SEMANTICS §3, cost method "splined": every knot gets its own value per_knot(knot) (a Decimal
    or None), and those values are splined on the same knots (same clamp into [min, max] of the
    knot values, >= 0).  None when any knot has no value.  Returns the Decimal of the float result."""
    vals = [per_knot(k) for k in knots]
    if not vals or any(v is None for v in vals):
        return None
    ys = [float(v) for v in vals]
    v = spline_eval([k["x"] for k in knots], ys, t)
    return None if v is None else Decimal(v)


def side_values(knots: list[dict], t: float, clamp: bool, edition: str, tier: str,
                cost_method: str = DEFAULT_COST_METHOD, tokens: str = "total",
                per_role: bool = False) -> dict:
    """Status and metrics of one side at target t.

    derived: cost, tokens per $ and joules come from the interpolated throughput and the price /
    power of the GPU the value comes from (MIXED_GPU_POLICY).  splined: each knot gets its own
    cost (its GPU's price / its throughput) and joules (its GPU's kW * 1000 / its throughput), and
    those are splined; tokens per $ = 1e6 / the splined cost.  tok/s/MW is derived in both.
    tokens "output" / "input": the money and energy figures use that token rate (token_rate) of
    each knot, splined like the throughput, and out["<tokens>_throughput"] carries it."""
    out = {"status": "out_of_range", "throughput": None, "cost": None, "tokens_per_mw": None,
           "concurrency": None, "tokens_per_dollar": None, "joules_per_token": None}
    rate_key = None if tokens == "total" else f"{tokens}_throughput"
    if rate_key:
        out[rate_key] = None
    if not knots:
        out["_cost_dec"] = None
        return out
    xs = [k["x"] for k in knots]
    edge = None
    if t < xs[0] or t > xs[-1]:
        if not clamp:
            out["_cost_dec"] = None
            return out
        # clamp (opt-in): the edge knot's values
        edge = 0 if t < xs[0] else len(knots) - 1
        out["status"] = "clamped"
        tput = knots[edge]["y"]
        conc = knots[edge]["conc"]
        used = [edge]
    else:
        out["status"] = "ok"
        tput = spline_eval(xs, [k["y"] for k in knots], t)
        conc = spline_eval(xs, [float(k["conc"]) for k in knots], t)
        used = bracketing_knots(xs, t)
    if MIXED_GPU_POLICY == "side":
        gpus = {k["hardware"] for k in knots}
    else:
        gpus = {knots[i]["hardware"] for i in used}
    price, kw = price_power(gpus, edition, tier)
    # the token rate every money and energy figure is per: total throughput, or each knot's output
    # (input) rate splined on the same knots (None when a knot's rate is unknown)
    if tokens == "total":
        rates, rate = [k["y"] for k in knots], tput
    else:
        rates = [token_rate(k["row"], tokens, per_role) for k in knots]
        if any(r is None for r in rates):
            rates, rate = None, None
        elif edge is not None:
            rate = rates[edge]
        else:
            rate = spline_eval(xs, rates, t)
    knot_rate = {id(k): r for k, r in zip(knots, rates or [None] * len(knots))}
    tpm = tokens_per_mw(kw, rate)
    if cost_method == "splined":
        if edge is not None:  # clamped: the edge knot's own cost and joules
            k = knots[edge]
            p_k, kw_k = gpu_price_power(k["hardware"], edition, tier)
            cost = cost_per_mtok(p_k, knot_rate[id(k)])
            joules = joules_per_token(kw_k, knot_rate[id(k)])
        else:
            cost = splined_knot_metric(
                knots, lambda k: cost_per_mtok(gpu_price_power(k["hardware"], edition, tier)[0],
                                               knot_rate[id(k)]), t)
            joules = splined_knot_metric(
                knots, lambda k: joules_per_token(gpu_price_power(k["hardware"], edition, tier)[1],
                                                  knot_rate[id(k)]), t)
        if cost is not None:
            cost = Decimal(float(cost))  # the float shown is the one the verdicts use
    else:
        cost = cost_per_mtok(price, rate)
        joules = joules_per_token(kw, rate)
    if rate_key:
        out[rate_key] = None if rate is None else float(rate)
    out["throughput"] = float(tput)
    out["cost"] = _f(cost)
    out["_cost_dec"] = cost
    out["tokens_per_mw"] = _f(tpm)
    out["concurrency"] = round_half_up(conc)
    out["tokens_per_dollar"] = _f(tokens_per_dollar(cost))
    out["joules_per_token"] = _f(joules)
    return out


# --------------------------------------------------------------------------------------------
# Evidence behind a value (SEMANTICS §12): measured, along one configuration, between two
# configurations, across a wide gap; the best single configuration at a target.
# --------------------------------------------------------------------------------------------
MEASURED_TOLERANCE = 0.01   # a target within 1% of a knot's interactivity sits on that knot
GAP_INTERACTIVITY = 2.0     # a segment is a wide gap when its upper end is over 2x as interactive
GAP_THROUGHPUT = 3.0        # ... or its throughput falls more than threefold across it


def config_label(key: tuple) -> str:
    """A configuration line as icq names it in `rank config` and evidence: "b200 sglang fp8 mtp
    disagg 1P×tp8 + 2D×tp8 ep8 dpa (24 GPUs)" (model and sequence left out)."""
    f = dict(zip(LINE_KEY_FIELDS, key))

    def shape(tp, ep, dpa):
        return f"tp{tp}" + (f" ep{ep}" if ep and ep > 1 else "") + (" dpa" if dpa else "")

    s = f"{f['hardware']} {f['framework']} {f['precision']}"
    if f["spec_method"] != "none":
        s += f" {f['spec_method']}"
    if f["disagg"]:
        gpus = (f["num_prefill_gpu"] or 0) + (f["num_decode_gpu"] or 0)
        s += (f" disagg {f['prefill_num_workers']}P×{shape(f['prefill_tp'], f['prefill_ep'], f['prefill_dp_attention'])}"
              f" + {f['decode_num_workers']}D×{shape(f['decode_tp'], f['decode_ep'], f['decode_dp_attention'])} ({gpus} GPUs)")
    else:
        s += " " + shape(f["decode_tp"], f["decode_ep"], f["decode_dp_attention"]) + (" multinode" if f["is_multinode"] else "")
    if f["offload_mode"] != "off":
        s += f" offload {f['offload_mode']}"
    return s


def is_wide_gap(lo: dict, hi: dict) -> bool:
    return hi["x"] > GAP_INTERACTIVITY * lo["x"] or hi["y"] <= 0 or lo["y"] > GAP_THROUGHPUT * hi["y"]


def evidence(knots: list[dict], t: float, status: str):
    """What stands behind a side's value at t: {"kind", "same_config", "knots": [{interactivity,
    throughput, concurrency, config}]}; None when out of range."""
    if status == "out_of_range" or not knots:
        return None

    def knot(k):
        return {"interactivity": k["x"], "throughput": k["y"], "concurrency": k["conc"],
                "config": config_label(k["key"])}

    if status == "clamped":
        edge = knots[0] if t < knots[0]["x"] else knots[-1]
        return {"kind": "clamped", "same_config": True, "knots": [knot(edge)]}
    near = [k for k in knots if abs(t - k["x"]) <= MEASURED_TOLERANCE * k["x"]]
    if near:
        k = min(near, key=lambda k: abs(t - k["x"]))
        return {"kind": "measured", "same_config": True, "knots": [knot(k)]}
    lo = max((k for k in knots if k["x"] < t), key=lambda k: k["x"])
    hi = min((k for k in knots if k["x"] > t), key=lambda k: k["x"])
    same = lo["key"] == hi["key"]
    kind = "wide_gap" if is_wide_gap(lo, hi) else "one_config" if same else "two_configs"
    return {"kind": kind, "same_config": same, "knots": [knot(lo), knot(hi)]}


def line_knots(knots_source: list[dict]) -> dict:
    """The points of a side grouped by configuration line, each group's own frontier."""
    by_line: dict = {}
    for p in knots_source:
        by_line.setdefault(p["key"], []).append(p)
    return {key: frontier(pts) for key, pts in by_line.items()}


def best_single(points: list[dict], t: float, edition: str, tier: str, cost_method: str,
                by: str = "throughput", lower_is_better: bool = False, tokens: str = "total",
                per_role: bool = False):
    """The best single configuration line at t: every line's own frontier read at t (lines whose
    frontier does not span t are skipped); a line whose own value there is solid (measured or
    along one configuration) before one whose value is not, then the best by `by`; None when none
    spans t.  Returns (config label, side_values dict of that line, its evidence)."""
    best, best_rank = None, None
    for key, kn in line_knots(points).items():
        if not kn or t < kn[0]["x"] or t > kn[-1]["x"]:
            continue
        v = side_values(kn, t, False, edition, tier, cost_method, tokens, per_role)
        ev = evidence(kn, t, v["status"])
        val = v.get(by)
        rank = (ev is not None and ev["kind"] in ("measured", "one_config"), val is not None,
                0.0 if val is None else (-val if lower_is_better else val))
        if best is None or rank > best_rank:
            best, best_rank = (config_label(key), v, ev), rank
    return best


def caution(label: str, t, ev) -> str | None:
    """What a verdict resting on a side's value adds when the value is not solid."""
    if ev is None:
        return None
    if ev["kind"] == "wide_gap":
        a, b = ev["knots"][0]["interactivity"], ev["knots"][1]["interactivity"]
        return (f"{label}'s value is a guess across a wide gap "
                f"(nothing measured between {a:.1f} and {b:.1f} tok/s/user)")
    if ev["kind"] == "two_configs":
        return (f"{label}'s value joins two configurations "
                f"(no single deployment was measured at {fmt_num(t)} tok/s/user)")
    return None


def fmt_num(v) -> str:
    """A target as a person writes it: 56, 56.5."""
    f = float(v)
    return str(int(f)) if f == int(f) else repr(f)


def pct(r: Decimal) -> int:
    with localcontext() as ctx:
        ctx.prec = 50
        return round_half_up((r - 1) * 100)


def verdict_clauses(dimension: str, labels: list[str], values: list[dict],
                    tokens: str = "total") -> list[str]:
    """Cost clause then throughput clause (SEMANTICS §6, DECISIONS: verdict percentages).

    Two sides: "{cheaper} is N% cheaper per token"; "{higher} delivers N% more tok/s/GPU".
    More sides: best vs runner-up, with " than {runner-up}" appended.
    r < 1.01: "{a} and {b} are essentially tied on cost per token" / "... on tok/s/GPU", with a, b
    in the order the sides were given."""
    clauses = []
    many = len(labels) > 2
    idx = list(range(len(labels)))
    # ---- cost: only when every side has a cost
    if all(v["_cost_dec"] is not None for v in values):
        order = sorted(idx, key=lambda i: values[i]["_cost_dec"])  # stable: ties keep side order
        best, second = order[0], order[1]
        with localcontext() as ctx:
            ctx.prec = 50
            r = values[second]["_cost_dec"] / values[best]["_cost_dec"]
        if r < Decimal("1.01"):
            a, b = sorted((best, second))
            clauses.append(f"{display(dimension, labels[a])} and {display(dimension, labels[b])} "
                           f"are essentially tied on cost per token")
        else:
            c = f"{display(dimension, labels[best])} is {pct(r)}% cheaper per token"
            if many:
                c += f" than {display(dimension, labels[second])}"
            clauses.append(c)
    # ---- throughput (of the token type: an unqualified throughput reads it, SEMANTICS §4)
    key = "throughput" if tokens == "total" else f"{tokens}_throughput"
    unit = "tok/s/GPU" if tokens == "total" else f"{tokens} tok/s/GPU"
    if not all(v[key] is not None and v[key] > 0 for v in values):
        return clauses
    order = sorted(idx, key=lambda i: -values[i][key])
    best, second = order[0], order[1]
    tb, ts = Decimal(values[best][key]), Decimal(values[second][key])
    if ts == 0:
        r = Decimal("Infinity") if tb > 0 else Decimal(1)
    else:
        with localcontext() as ctx:
            ctx.prec = 50
            r = tb / ts
    if r < Decimal("1.01"):
        a, b = sorted((best, second))
        clauses.append(f"{display(dimension, labels[a])} and {display(dimension, labels[b])} "
                       f"are essentially tied on {unit}")
    elif r.is_finite():
        c = f"{display(dimension, labels[best])} delivers {pct(r)}% more {unit}"
        if many:
            c += f" than {display(dimension, labels[second])}"
        clauses.append(c)
    return clauses


DIMENSIONS = ("precision", "spec", "gpu", "framework", "deployment", "vendor")


def resolve_filters(spec: dict, rows: list[dict]) -> dict:
    """Shared filters with defaults filled in: isl/osl 1024/1024 + single_turn, or `seq`
    ("1k/1k", "1k/8k", "8k/1k", or "agentic" = benchmark_type agentic_traces, no isl/osl);
    model = the only model present when none is given (error listing the models otherwise)."""
    filters = dict(spec.get("filters") or {})
    seq = filters.pop("seq", None)
    if seq is not None:
        seq = canon_seq(seq)
        if seq == "agentic":
            filters.pop("isl", None)
            filters.pop("osl", None)
            filters["benchmark_type"] = "agentic_traces"
        else:
            filters["isl"], filters["osl"] = seq
    filters.setdefault("benchmark_type", "single_turn")
    if filters["benchmark_type"] == "single_turn":
        filters.setdefault("isl", 1024)
        filters.setdefault("osl", 1024)
    if filters.get("model") is None:
        models = sorted({r["model"] for r in rows})
        if len(models) != 1:
            raise SystemExit(f"model is required; models present: {', '.join(models)}")
        filters["model"] = models[0]
    return {k: v for k, v in filters.items() if v is not None}


def up_to(rows: list[dict], as_of) -> list[dict]:
    """The rows of runs on or before the date as_of ("YYYY-MM-DD"; None = every row).  `as of D`
    (LANGUAGE, date selection): latest_runs() of these is the newest run of every line up to D.
    Undated rows (runner aggregates) have no date to compare: they are left out under a date."""
    if as_of is None:
        return rows
    d = datetime.date.fromisoformat(str(as_of)).isoformat()
    return [r for r in rows if r["date"] is not None and r["date"] <= d]


def side_rows(rows: list[dict], filters: dict, dimension: str, label) -> list[dict]:
    """The rows (every run) of the lines of one side: the shared filters and the side's value
    (dimension "config": the side is a line key).  The filters are line attributes, so filtering
    before or after latest_runs() selects the same rows."""
    config = dimension == "config"
    return [r for r in rows if all(matches(r, k, v) for k, v in filters.items())
            and (r["key"] == label if config else matches(r, dimension, label))]


def side_curve(rows: list[dict], filters: dict, dimension: str, label, pctl, as_of=None) -> dict:
    """One side of a compare: the newest run of each of its lines (up to as_of), its plottable
    rows, range and frontier knots."""
    selected = side_rows(latest_runs(up_to(rows, as_of)), filters, dimension, label)
    # Rows without a usable x are kept but never plotted: "rows" counts the plottable
    # rows (as icq's JSON does), rows_without_x the others (icq names them in a note).
    with_x = [(r, x_value(r, pctl)) for r in selected]
    with_x = [(r, x) for r, x in with_x if x is not None]
    pts = [{"x": x, "y": float(r["metrics"]["tput_per_gpu"]),
            "key": r["key"], "conc": r["conc"], "hardware": r["hardware"], "row": r}
           for r, x in with_x]
    knots = frontier(pts)
    xs = [x for _, x in with_x]
    rng = [min(xs), max(xs)] if xs else None
    return {"label": label, "rows": len(with_x), "rows_without_x": len(selected) - len(with_x),
            "frontier_points": len(knots), "range": rng, "_knots": knots, "_points": pts}


# --------------------------------------------------------------------------------------------
# `compare ... with noise [last N]`: run-to-run spread of each value (SEMANTICS §12, §6)
#
# A frontier knot's runs are the rows of its configuration line at its concurrency, one per run
# date up to the knot's own (the newest run of its line up to the date choice), the last N of them,
# the knot's own included.  Per metric, each run's value on its own row alone (throughput: the
# field; cost, tok/s/MW, tokens per $1, J/token: from that row's token rate and its GPU's price and
# power) is a factor of the knot's own value; the knot's spread is the min, max and sample standard
# deviation of those factors and the number of runs.  At a target between knots a and b, with
# u = (t - x_a) / (x_b - x_a), each factor is (1 - u) a + u b and runs the smaller count; at one knot
# (or clamped to an edge) that knot's.  The spread at the target is the value times the factors.
# A knot with fewer than 2 runs makes it unknown ({"unknown": True, "runs": n}), never zero.
# Concurrency has no run-to-run spread (None).
# --------------------------------------------------------------------------------------------
NOISE_METRICS = ("throughput", "cost", "tokens_per_mw", "concurrency", "tokens_per_dollar",
                 "joules_per_token", "output_throughput", "input_throughput")
NO_SPREAD = ("concurrency",)
NOISE_DEFAULT_RUNS = 5


def spread(values: list[float]):
    """{"min", "max", "stddev" (sample, n - 1), "runs"} of the values; unknown below 2."""
    v = [float(x) for x in values]
    if len(v) < 2:
        return {"unknown": True, "runs": len(v)}
    mean = math.fsum(v) / len(v)
    var = math.fsum((x - mean) ** 2 for x in v) / (len(v) - 1)
    return {"min": min(v), "max": max(v), "stddev": math.sqrt(var), "runs": len(v)}


def within_noise(a: float, b: float, sa, sb) -> bool:
    """The two best values a, b (with spreads sa, sb) are within run-to-run noise: both spreads
    are known, their [min, max] intervals overlap, and |a - b| is no more than either width."""
    if a is None or b is None or sa is None or sb is None or sa.get("unknown") or sb.get("unknown"):
        return False
    diff = abs(a - b)
    overlap = sa["min"] <= sb["max"] and sb["min"] <= sa["max"]
    return overlap and diff <= sa["max"] - sa["min"] and diff <= sb["max"] - sb["min"]


def row_metrics(row: dict, edition: str, tier: str, tokens: str, per_role: bool) -> dict:
    """Every noise metric of one measured row alone (None where it has none)."""
    rate = token_rate(row, tokens, per_role)
    price, kw = gpu_price_power(row["hardware"], edition, tier)
    cost = cost_per_mtok(price, rate)
    out = {"throughput": row["metrics"].get("tput_per_gpu"), "cost": _f(cost),
           "tokens_per_mw": _f(tokens_per_mw(kw, rate)), "tokens_per_dollar": _f(tokens_per_dollar(cost)),
           "joules_per_token": _f(joules_per_token(kw, rate)), "concurrency": None}
    for t in ("output", "input"):
        out[f"{t}_throughput"] = token_rate(row, t, per_role)
    return out


def knot_runs(by_conc: dict, knot_row: dict, n: int) -> list[dict]:
    """The knot's runs, oldest first: rows of its line at its conc up to its own run (by date,
    then run_order: two runs of one date are two runs), the last n."""
    same = by_conc.get((knot_row["key"], knot_row["conc"]), [])
    if knot_row["date"] is None:
        return [knot_row]
    order = lambda r: (r["date"], run_order(r["run"]))  # noqa: E731
    runs = sorted((r for r in same if r["date"] is not None and order(r) <= order(knot_row)), key=order)
    return runs[-n:]


def knot_factors(runs: list[dict], knot_row: dict, edition, tier, tokens, per_role) -> dict:
    """Per metric: spread() of the runs' values as factors of the knot's own (None: no spread)."""
    own = row_metrics(knot_row, edition, tier, tokens, per_role)
    each = [row_metrics(r, edition, tier, tokens, per_role) for r in runs]
    out = {}
    for m in NOISE_METRICS:
        if m in NO_SPREAD:
            out[m] = None
            continue
        base = own[m]
        factors = ([e[m] / base for e in each if e[m] is not None]
                   if base is not None and base > 0 else [])
        out[m] = spread(factors)
    return out


def spread_at_target(factors: list[dict], xs: list[float], x: float, value) -> dict | None:
    """The spread of one metric at x (inside the knots) from its knots' factor spreads."""
    if value is None:
        return None
    idx = bracketing_knots(xs, x)
    fa, fb = factors[idx[0]], factors[idx[-1]]
    if fa is None or fb is None:
        return None
    runs = min(fa["runs"], fb["runs"])
    if fa.get("unknown") or fb.get("unknown"):
        return {"unknown": True, "runs": runs}
    u = 0.0 if len(idx) == 1 else (x - xs[idx[0]]) / (xs[idx[1]] - xs[idx[0]])
    carry = lambda k: value * ((1 - u) * fa[k] + u * fb[k])  # noqa: E731
    return {"min": carry("min"), "max": carry("max"), "stddev": carry("stddev"), "runs": runs}


def side_noise(rows: list[dict], knots: list[dict], values: list[dict], targets, n: int,
               edition: str, tier: str, tokens: str, per_role: bool) -> dict:
    """{"spreads": [{metric: spread or None} per target], "dates": the run dates of the knots read
    at the targets, "thin": [targets where a knot read has fewer than 2 runs]} for one side whose
    frontier knots are `knots` and whose values at the targets are `values` (side_values)."""
    by_conc: dict = {}
    for r in rows:
        by_conc.setdefault((r["key"], r["conc"]), []).append(r)
    runs = [knot_runs(by_conc, k["row"], n) for k in knots]
    factors = [knot_factors(rs, k["row"], edition, tier, tokens, per_role) for rs, k in zip(runs, knots)]
    xs = [k["x"] for k in knots]
    spreads, dates, thin = [], set(), []
    for t, v in zip(targets, values):
        if v["status"] == "out_of_range":
            spreads.append({m: None for m in NOISE_METRICS})
            continue
        x = min(max(float(t), xs[0]), xs[-1])  # clamped: the edge knot
        used = bracketing_knots(xs, x)
        for i in used:
            dates.update(r["date"] for r in runs[i] if r["date"] is not None)
        if any(len(runs[i]) < 2 for i in used):
            thin.append(t)
        spreads.append({m: spread_at_target([f[m] for f in factors], xs, x, v.get(m))
                        for m in NOISE_METRICS})
    return {"spreads": spreads, "dates": sorted(dates), "thin": thin}


def noise_verdicts(dimension: str, labels: list[str], values: list[dict], spreads: list[dict]) -> dict:
    """Per verdict metric ("cost", "throughput"): (best, runner-up) side indexes when the two best
    values (cost lowest, throughput highest; ties keep side order) are within run-to-run noise,
    else None.  Only when every side has a value > 0 of the metric (a verdict is possible)."""
    out = {}
    for m, polarity in (("cost", -1), ("throughput", +1)):
        if not all(v[m] is not None and v[m] > 0 for v in values):
            out[m] = None
            continue
        order = sorted(range(len(labels)), key=lambda i: -polarity * values[i][m])
        a, b = order[0], order[1]
        out[m] = (a, b) if within_noise(values[a][m], values[b][m], spreads[a][m], spreads[b][m]) else None
    return out


NOISE_METRIC_DISPLAY = {"cost": "Cost ($/M tok)", "throughput": "Throughput (tok/s/GPU)"}


def noise_clause(dimension: str, labels: list[str], metric: str, pair) -> str:
    a, b = pair
    return (f"{NOISE_METRIC_DISPLAY[metric]}: {display(dimension, labels[a])} and "
            f"{display(dimension, labels[b])} are within run-to-run noise")


def compare(spec: dict, rows: list[dict]) -> dict:
    """The comparison described by spec over the usable rows `rows` (all dates)."""
    dimension = spec["dimension"]
    config = dimension == "config"
    if dimension not in DIMENSIONS and not config:
        raise SystemExit(f"unknown dimension {dimension!r}")
    if config:  # rank config: one side per line (latest run) under the shared filters
        labels = present_lines(spec, rows)
    elif spec["sides"] == "*":  # compare DIMENSION *: every value present under the shared filters
        labels = present_values(spec, rows, dimension)
    else:
        labels = [canon(dimension, s) for s in spec["sides"]]
    if len(labels) < (1 if spec.get("_allow_one_side") else 2):
        raise ValueError(f"a comparison needs two or more sides; {dimension} has {len(labels)}: "
                         f"{', '.join(map(str, labels))}")
    edition, tier, cost_method = resolve_pricing(spec)
    tokens = spec.get("tokens") or "total"
    if tokens not in TOKEN_TYPES:
        raise ValueError(f"tokens takes total, output or input, not {tokens!r}")
    per_role = bool(spec.get("dashboard"))  # the dashboard divides by the API's per-role rates
    clamp = bool(spec.get("clamp", False))
    pctl = canon_interactivity(spec.get("interactivity"))

    # Line-level selection first (latest run of each line, up to the as-of date), then the filters.
    as_of = spec.get("as_of")
    filters = resolve_filters(spec, rows)
    if dimension in filters:
        raise SystemExit(f"{dimension} is both the compared dimension and a filter")
    shown_pctl = pctl or ("p90" if filters.get("benchmark_type") == "agentic_traces" else "p50")

    sides = [side_curve(rows, filters, dimension, label, pctl, as_of) for label in labels]

    band = band_of([s["range"] for s in sides])
    targets = spec.get("targets")
    band_pct = spec.get("band_pct")
    if targets is not None and band_pct is not None:
        raise ValueError("give either targets or band_pct, not both")
    if targets is None and band_pct is not None:
        targets = band_pct_targets(band, band_pct)
    elif targets is None:
        if band_is_degenerate(band):
            raise degenerate_band_error(band, sides)
        targets = default_targets(band)

    noise_runs = spec.get("noise_runs")
    if noise_runs is not None and not 2 <= noise_runs <= 100:
        raise ValueError(f"with noise takes 2 to 100 run dates, not {noise_runs}")

    all_vals = [[side_values(s["_knots"], float(t), clamp, edition, tier, cost_method, tokens, per_role)
                 for s in sides] for t in targets]
    noise = None
    if noise_runs is not None:
        dated = up_to(rows, as_of)
        noise = [side_noise(dated, s["_knots"], [tv[si] for tv in all_vals], targets, noise_runs,
                            edition, tier, tokens, per_role) for si, s in enumerate(sides)]

    deployable_by = spec.get("deployable_by")  # "throughput" | "cost": `show deployable`
    out_targets, summary, clause_sets = [], [], []
    for ti, t in enumerate(targets):
        vals = all_vals[ti]
        evs = [evidence(s["_knots"], float(t), v["status"]) for s, v in zip(sides, vals)]
        out_targets.append({"interactivity": t,
                            "values": [dict({"side": s["label"]}, evidence=ev,
                                            **{k: v for k, v in val.items() if not k.startswith("_")})
                                       for s, val, ev in zip(sides, vals, evs)]})
        if deployable_by:
            for s, ov in zip(sides, out_targets[-1]["values"]):
                if ov["status"] == "out_of_range":
                    continue
                at = float(t) if ov["status"] == "ok" else (
                    s["_knots"][0]["x"] if float(t) < s["_knots"][0]["x"] else s["_knots"][-1]["x"])
                b = best_single(s["_points"], at, edition, tier, cost_method, deployable_by,
                                lower_is_better=deployable_by == "cost", tokens=tokens, per_role=per_role)
                ov["deployable"] = None if b is None else {"config": b[0], "evidence": b[2], **{
                    k: v for k, v in b[1].items() if not k.startswith("_") and k != "status"}}
        if noise is not None:
            for ov, nz in zip(out_targets[-1]["values"], noise):
                ov["noise"] = nz["spreads"][ti]
        if not config and all(v["status"] == "ok" for v in vals):
            clauses = verdict_clauses(dimension, labels, vals, tokens)
            if noise is not None:
                # a within-noise metric names no winner: its clause replaces the winner clause
                nv = noise_verdicts(dimension, labels, vals, [nz["spreads"][ti] for nz in noise])
                out_targets[-1]["within_noise"] = {m: p is not None for m, p in nv.items()}
                # (verdict_clauses: a cost clause only when every side has a cost, which
                # noise_verdicts requires too; the throughput clause names tok/s/GPU)
                clauses = [noise_clause(dimension, labels, m, nv[m]) if nv[m] else c
                           for c, m in ((c, "throughput" if "tok/s/GPU" in c else "cost")
                                        for c in clauses)]
            # A verdict resting on a value that is not solid says so (SEMANTICS §12): the sides a
            # clause names are the best and the runner-up of its metric.
            cautions = []
            if all(v["_cost_dec"] is not None for v in vals):
                order = sorted(range(len(vals)), key=lambda i: vals[i]["_cost_dec"])
                cautions += [("cost", i) for i in order[:2]]
            order = sorted(range(len(vals)), key=lambda i: -vals[i]["throughput"])
            cautions += [("throughput", i) for i in order[:2]]
            caution_texts = [(m, caution(display(dimension, labels[i]), t, evs[i]))
                             for m, i in cautions]
            caution_texts = [(m, c) for m, c in caution_texts if c]
            if clauses:
                summary.append("; ".join(clauses))
                clause_sets.append({"interactivity": t, "clauses": clauses, "cautions": caution_texts})

    return {
        "kind": "compare",
        "dimension": dimension,
        "filters": filters,
        "interactivity": shown_pctl,
        "prices": {"edition": edition, "tier": tier},
        "cost_method": cost_method,
        "band": band,
        "sides": [{k: v for k, v in s.items() if not k.startswith("_")} for s in sides],
        "targets": out_targets,
        "summary": summary,
        # not part of icq's JSON: the bare clauses per target, for the cross-check
        "summary_clauses": clause_sets,
        "tokens": tokens,
        # not part of icq's JSON: each side's run dates of `with noise` (None without it), and the
        # targets where a knot read has fewer than 2 runs (its spreads are unknown)
        "noise_dates": None if noise is None else {str(l): nz["dates"] for l, nz in zip(labels, noise)},
        "noise_thin": None if noise is None else {str(l): nz["thin"] for l, nz in zip(labels, noise)},
    }


def run_spec(spec: dict) -> dict:
    """compare() on the data the spec names (spec["data"]) or the built-in data."""
    rows, _ = load(spec_data_files(spec))
    return compare(spec, rows)


# --------------------------------------------------------------------------------------------
# compare DIMENSION *, rank, crossover (LANGUAGE: every value present as a side; best first at
# each target; changes of leader across the band).  Built on compare() above, nothing else.
# --------------------------------------------------------------------------------------------
def _shared_rows(spec: dict, rows: list[dict]) -> list[dict]:
    """The latest-run rows that pass the spec's shared filters (the selection compare() uses)."""
    filters = resolve_filters(spec, rows)
    return [r for r in latest_runs(rows) if all(matches(r, k, v) for k, v in filters.items())]


def row_value(row: dict, dimension: str):
    """The value of dimension a row has, as a side key (None: the row has none of the values).
    deployment: only the two keys that partition the lines, disagg and single-node (a multinode
    aggregated row is neither)."""
    if dimension == "gpu":
        return row["hardware"]
    if dimension == "precision":
        return row["precision"]
    if dimension == "spec":
        return row["spec_method"]
    if dimension == "framework":
        return row["framework"]
    if dimension == "vendor":
        return next((v for v, gpus in VENDORS.items() if row["hardware"] in gpus), None)
    if dimension == "deployment":
        if row["disagg"] is True:
            return "disagg"
        return "single-node" if row["is_multinode"] is False else None
    raise ValueError(f"`*` takes a dimension of the configuration, not {dimension!r}")


def present_values(spec: dict, rows: list[dict], dimension: str) -> list[str]:
    """Sorted keys of dimension present among the latest-run rows under the shared filters."""
    if dimension not in DIMENSIONS:
        raise ValueError(f"`*` takes a dimension of the configuration, not {dimension!r}")
    vals = {row_value(r, dimension) for r in _shared_rows(spec, rows)}
    return sorted(v for v in vals if v is not None)


def present_lines(spec: dict, rows: list[dict]) -> list[tuple]:
    """Line keys (one per configuration) under the shared filters, in line-key order."""
    keys = {r["key"] for r in _shared_rows(spec, rows)}
    return sorted(keys, key=lambda k: tuple(_orderable(v) for v in k))


# metric name -> (key of side_values, polarity: +1 higher is better, -1 lower is better, 0 neutral)
RANK_METRICS = {
    "throughput": ("throughput", +1), "cost": ("cost", -1), "power": ("tokens_per_mw", +1),
    "tokens_per_mw": ("tokens_per_mw", +1), "joules": ("joules_per_token", -1),
    "joules_per_token": ("joules_per_token", -1), "tokens_per_dollar": ("tokens_per_dollar", +1),
    "concurrency": ("concurrency", 0),
}


def rank_metric(name: str) -> tuple:
    if name not in RANK_METRICS:
        raise ValueError(f"unknown metric {name!r}")
    key, polarity = RANK_METRICS[name]
    if polarity == 0:
        raise ValueError(f"{name} has no better direction to rank by")
    return key, polarity


def rank(spec: dict, rows: list[dict]) -> dict:
    """`rank DIMENSION by METRIC at T...` (spec: dimension -- or "config", one side per line --,
    metric, targets, filters and the compare keys): one compare over every value present, then per
    target the sides with a value best first by the metric's polarity (ties keep side order),
    vs_best = value / best value; the sides without a value (out_of_range) after them, in side
    order, with no rank.  Returns {"sides": [labels], "targets": [{"interactivity", "entries":
    [{"rank", "side", "value", "vs_best", "status"}]}]}."""
    key, polarity = rank_metric(spec.get("metric", "throughput"))
    if not spec.get("targets"):
        raise ValueError("rank needs the interactivity to rank at")
    cspec = dict(spec, sides="*", _allow_one_side=True)
    if spec["dimension"] != "config" and not present_values(spec, rows, spec["dimension"]):
        raise ValueError(f"nothing to rank: no {spec['dimension']} under the shared filters")
    res = compare(cspec, rows)
    out = []
    for t in res["targets"]:
        valued = [v for v in t["values"] if v["status"] != "out_of_range" and v[key] is not None]
        rest = [v for v in t["values"] if not (v["status"] != "out_of_range" and v[key] is not None)]
        valued.sort(key=lambda v: -polarity * v[key])  # stable: ties keep side order
        best = valued[0][key] if valued else None
        entries = [{"rank": i + 1, "side": v["side"], "value": v[key],
                    "vs_best": (v[key] / best) if best else None, "status": v["status"]}
                   for i, v in enumerate(valued)]
        entries += [{"rank": None, "side": v["side"], "value": None, "vs_best": None,
                     "status": v["status"]} for v in rest]
        out.append({"interactivity": t["interactivity"], "entries": entries})
    return {"kind": "rank", "metric": key, "sides": [s["label"] for s in res["sides"]],
            "compare": res, "targets": out}


def metric_curve(knots: list[dict], key: str, edition: str, tier: str,
                 cost_method: str = DEFAULT_COST_METHOD):
    """f(t) -> the value side_values(knots, t, clamp=False, ...)[key] (float or None), with the
    spline slopes computed once (crossover samples a curve at ~1e5 points).  Same formulas as
    side_values, in floats: a crossing is located to 1e-3, far coarser than the float/Decimal
    difference.  test_ref_unit checks it against side_values point by point."""
    if not knots:
        return lambda t: None
    xs = [k["x"] for k in knots]
    ys = [k["y"] for k in knots]
    m_y = spline_slopes(xs, ys)
    lo, hi = xs[0], xs[-1]
    pp = [gpu_price_power(k["hardware"], edition, tier) for k in knots]

    def gpu_of(t):
        gpus = ({k["hardware"] for k in knots} if MIXED_GPU_POLICY == "side"
                else {knots[i]["hardware"] for i in bracketing_knots(xs, t)})
        return price_power(gpus, edition, tier)

    def tput(t):
        return spline_eval(xs, ys, t, m_y)

    if key == "throughput":
        return lambda t: None if t < lo or t > hi else tput(t)
    if key == "tokens_per_mw":
        def f(t):
            if t < lo or t > hi:
                return None
            kw = gpu_of(t)[1]
            return None if kw is None else tput(t) * 1000 / float(kw)
        return f
    if key in ("cost", "joules_per_token") and cost_method == "splined":
        if key == "cost":
            kv = [cost_per_mtok(p, k["y"]) for (p, _), k in zip(pp, knots)]
        else:
            kv = [joules_per_token(kw, k["y"]) for (_, kw), k in zip(pp, knots)]
        if any(v is None for v in kv):
            return lambda t: None
        kys = [float(v) for v in kv]
        m_k = spline_slopes(xs, kys)
        return lambda t: None if t < lo or t > hi else spline_eval(xs, kys, t, m_k)
    if key == "cost":
        def f(t):
            if t < lo or t > hi:
                return None
            price = gpu_of(t)[0]
            y = tput(t)
            return None if price is None or y <= 0 else float(price) / (y * 3600 / 1e6)
        return f
    if key == "joules_per_token":
        def f(t):
            if t < lo or t > hi:
                return None
            kw = gpu_of(t)[1]
            y = tput(t)
            return None if kw is None or y <= 0 else float(kw) * 1000 / y
        return f
    raise ValueError(f"no curve for {key!r}")


TIE = -1


def leader_at(vals: list, polarity: int):
    """Index of the side strictly better than every other; None when a side has no value; TIE
    when every side has one and two share the best value (the curves touch or cross there)."""
    if any(v is None for v in vals):
        return None
    best = max(range(len(vals)), key=lambda i: polarity * vals[i])
    if sum(1 for v in vals if v == vals[best]) > 1:
        return TIE
    return best


def coverage_at(vals: list) -> tuple:
    """The indices of the sides that have a value."""
    return tuple(i for i, v in enumerate(vals) if v is not None)


def scan_leaders(curves: list, polarity: int, lo: float, hi: float, step: float = 0.001) -> dict:
    """Dense sampling of [lo, hi] every `step` (and hi itself).  A stretch is a run of samples
    with the same state: the sides that have a value, and the leader where every side has one.
    A change of state between two consecutive samples is located at their midpoint (within
    step/2).  Returns {"segments": [(from, to, leader index or None, covered indices)],
    "crossings": [(x, from index, to index)]} -- crossings only where one real leader is followed
    directly by another."""
    n = int(math.floor((hi - lo) / step + 1e-9))
    xs = [lo + i * step for i in range(n + 1)]
    if xs[-1] < hi:
        xs.append(hi)

    def state(x):
        vals = [c(x) for c in curves]
        return leader_at(vals, polarity), coverage_at(vals)

    segments, crossings = [], []
    # A sample where the best is tied (a crossing that lands exactly on a sample, or the band's
    # edge) changes nothing: the state before and the one after decide.
    i0 = 0
    while i0 < len(xs) - 1 and state(xs[i0])[0] == TIE:
        i0 += 1
    prev_x, (prev, prev_cov) = xs[i0], state(xs[i0])
    prev = None if prev == TIE else prev
    seg_start = xs[0]
    for x in xs[i0 + 1:]:
        cur, cov = state(x)
        if cur == TIE:
            continue
        if cur != prev or cov != prev_cov:
            at = (prev_x + x) / 2
            segments.append((seg_start, at, prev, prev_cov))
            if prev is not None and cur is not None:
                crossings.append((at, prev, cur))
            seg_start, prev, prev_cov = at, cur, cov
        prev_x = x
    segments.append((seg_start, hi, prev, prev_cov))
    return {"segments": segments, "crossings": crossings}


def stretch_label(dimension: str, labels: list, leader, covered: tuple) -> str:
    """A stretch's leader, or who has a value there and who has none (LANGUAGE: crossover):
    "MI355X alone; B200 not measured here", "A, B; C not measured here", "none measured here"."""
    if leader is not None:
        return display(dimension, labels[leader])
    if not covered:
        return "none measured here"
    have = [display(dimension, labels[i]) for i in covered]
    lack = [display(dimension, labels[i]) for i in range(len(labels)) if i not in covered]
    return f"{', '.join(have)}{' alone' if len(have) == 1 else ''}; {', '.join(lack)} not measured here"


def crossover(spec: dict, rows: list[dict], step: float = 0.001) -> dict:
    """`crossover DIMENSION a vs b [vs ...] by METRIC` (spec: dimension, sides, metric, filters,
    compare keys; no targets): the band = intersection of the sides' measured ranges (compare's
    band); each side's metric evaluated as compare does (no clamping: no value outside the
    frontier knots' span), sampled every `step`.  Returns labels, band, segments and crossings
    (side labels instead of indices)."""
    if spec.get("targets") is not None or spec.get("band_pct") is not None:
        raise ValueError("crossover scans the whole band; it takes no targets")
    key, polarity = rank_metric(spec.get("metric", "throughput"))
    res = compare(dict(spec, targets=[]), rows)
    band = res["band"]
    if band is None or band[0] >= band[1]:
        ranges = "; ".join(f"{s['label']} {_fmt_range(s['range'])}" for s in res["sides"])
        raise ValueError(f"the sides have no common band: {ranges}")
    edition, tier = res["prices"]["edition"], res["prices"]["tier"]
    filters = resolve_filters(spec, rows)
    shared = [r for r in latest_runs(rows) if all(matches(r, k, v) for k, v in filters.items())]
    pctl = canon_interactivity(spec.get("interactivity"))
    curves = []
    for label in [s["label"] for s in res["sides"]]:
        pts = [{"x": x, "y": float(r["metrics"]["tput_per_gpu"]), "key": r["key"], "conc": r["conc"],
                "hardware": r["hardware"]}
               for r in shared if matches(r, spec["dimension"], label)
               for x in [x_value(r, pctl)] if x is not None]
        curves.append(metric_curve(frontier(pts), key, edition, tier, res["cost_method"]))
    scan = scan_leaders(curves, polarity, band[0], band[1], step)
    labels = [s["label"] for s in res["sides"]]
    name = lambda i: None if i is None else labels[i]  # noqa: E731
    return {"kind": "crossover", "metric": key, "sides": labels, "band": band, "compare": res,
            "_curves": curves,
            "segments": [(a, b, name(i)) for a, b, i, _ in scan["segments"]],
            "stretches": [(a, b, stretch_label(spec["dimension"], labels, i, cov))
                          for a, b, i, cov in scan["segments"]],
            "crossings": [(x, name(i), name(j)) for x, i, j in scan["crossings"]]}


# --------------------------------------------------------------------------------------------
# CLI
# --------------------------------------------------------------------------------------------
def lines_overview(rows: list[dict], filters: dict) -> list[str]:
    """One line per (gpu, precision, spec, framework, deployment, seq) group of the latest runs;
    x = each row's default interactivity (median, p90 for agentic rows)."""
    sel = [r for r in latest_runs(rows) if all(matches(r, k, v) for k, v in filters.items())]
    groups: dict = {}
    for r in sel:
        dep = "disagg" if r["disagg"] else ("multinode" if r["is_multinode"] else "single-node")
        seq = "agentic" if is_agentic(r) else f'{r["isl"]}/{r["osl"]}'
        g = (r["hardware"], r["precision"], r["spec_method"], r["framework"], dep, seq, r["model"])
        groups.setdefault(g, []).append(r)
    out = []
    for g in sorted(groups, key=lambda g: tuple(str(x) for x in g)):
        rs = groups[g]
        xs = [x for x in (x_value(r) for r in rs) if x is not None]  # the rows' default x
        dates = sorted({r["date"] or "undated" for r in rs})
        span = f"x=[{min(xs):7.2f},{max(xs):7.2f}]" if xs else "x=[   none      ]"
        out.append(f"{' '.join(str(x) for x in g):60s} rows={len(rs):3d} {span} "
                   f"without_x={len(rs) - len(xs)} dates={','.join(dates)}")
    return out


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--data", action="append", help="API JSON row file or runner aggregate file, "
                    "or a folder of them (repeatable); replaces the built-in data and the spec's "
                    "\"data\" key")
    ap.add_argument("--spec", help="comparison spec as JSON")
    ap.add_argument("--lines", action="store_true", help="print an overview of the latest-run "
                    "lines (the spec's filters apply, if given)")
    ap.add_argument("--report", action="store_true", help="print the load report to stderr")
    args = ap.parse_args(argv)

    spec = json.loads(args.spec) if args.spec else {}
    rows, report = load(args.data or spec_data_files(spec))
    if args.report:
        print(json.dumps(report, indent=1), file=sys.stderr)
    if args.lines:
        print("\n".join(lines_overview(rows, dict(spec.get("filters") or {}))))
        return 0
    if not spec:
        ap.error("--spec is required")
    try:
        print(json.dumps(compare(spec, rows), indent=1))
    except ValueError as e:
        print(f"error: {e}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
