#!/usr/bin/env python3
"""Turns one bench/run.sh result folder into bench/RESULTS.md (stdout): every target of issues 6 and
22 with its measured value, the ratio against the peer run beside it, and whether it is met; the
scale curve; a check that icq and its peers gave the same answers; and the history of the figures
(bench/HISTORY.md, kept by hand).  usage: report.py RESULTS_DIR"""
import json
import math
import os
import sys


def load(d, name):
    p = os.path.join(d, name)
    if not os.path.exists(p):
        return None
    with open(p, encoding="utf-8") as fh:
        return json.load(fh)


def hf(doc, name):
    for r in doc["results"]:
        if r["command"] == name:
            return r
    raise KeyError(name)


def ms(s):
    return f"{s * 1e3:.1f} ms" if s >= 1e-3 else f"{s * 1e6:.0f} µs"


def secs(s):
    return f"{s:.3f} s" if s >= 0.1 else ms(s)


def icq_compare_values(result):
    return [[{k: v.get(k) for k in ("status", "throughput", "cost", "concurrency")} for v in t["values"]]
            for t in result["targets"]]


def icq_trend_values(result):
    rows = result["tables"][0]["rows"]
    cols = [c["name"] for c in result["tables"][0]["columns"]]
    di, ti = cols.index("date"), cols.index("throughput")
    return {r[di]: r[ti] for r in rows}


def rel(a, b):
    if a is None or b is None:
        return 0.0 if a is None and b is None else math.inf
    return abs(a - b) / max(abs(a), abs(b), 1e-300)


def agreement(icq, peer):
    """Largest relative difference over every compared number, and the count of numbers."""
    worst, n = 0.0, 0
    mine = icq_compare_values(icq["queries"]["compare"]["result"])
    theirs = peer["answers"]["compare"]["values"]
    for a_t, b_t in zip(mine, theirs, strict=True):
        for a, b in zip(a_t, b_t, strict=True):
            for k in ("throughput", "cost", "concurrency"):
                worst, n = max(worst, rel(a.get(k), b.get(k))), n + 1
    if "trend" in peer["answers"]:
        mine_t = icq_trend_values(icq["queries"]["trend"]["result"])
        theirs_t = {t["date"]: t["throughput"] for t in peer["answers"]["trend"]}
        if set(mine_t) != set(theirs_t):
            return math.inf, n
        for d, v in mine_t.items():
            worst, n = max(worst, rel(v, theirs_t[d])), n + 1
    return worst, n


def main(d):
    m = load(d, "machine.json")
    cold, warm, script, micro = load(d, "cold.json"), load(d, "warm.json"), load(d, "script.json"), load(d, "micro.json")
    peers = load(d, "cold-peers.json") or cold  # the peers ran in the same hyperfine as icq before 2026-12-06
    out = []
    w = out.append
    w("# icq benchmark results\n")
    w(f"One run of `bench/run.sh` ({m['date']}, commit `{m['commit']}`) on {m['cpu']}, {m['cores']} cores; "
      f"{m['icq']}, {m['python']} with pandas {m['pandas']}, Node.js {m['node']} with DuckDB {m['duckdb']}, "
      f"{m['hyperfine']}. How to reproduce each figure: `bench/README.md`. The machine is shared and noisy: "
      "ratios against a peer run beside icq in the same run are the figures to trust.\n")
    w(f"- compare: `{m['compare']}` (three default targets; throughput, cost, tok/s/MW, concurrency per side)")
    w(f"- trend: `{m['trend']}` (one value per run date, each on the as-of frontier of that date)\n")

    rows = []
    icq_c, pd_c, dd_c, tr_c = hf(cold, "icq"), hf(peers, "pandas"), hf(peers, "duckdb"), hf(cold, "trivial")
    rows.append(("cold `icq -c` on the built-in data", "≤ 5 ms wall", f"{ms(icq_c['median'])} median (mean {ms(icq_c['mean'])})",
                 "met" if icq_c["median"] <= 0.005 else "missed"))
    ratio = pd_c["median"] / icq_c["median"]
    rows.append(("… vs the pandas peer's whole process", "≥ 100x faster", f"{ratio:.0f}x (pandas {ms(pd_c['median'])}; DuckDB {dd_c['median'] / icq_c['median']:.0f}x, {ms(dd_c['median'])})",
                 "met" if ratio >= 100 else "missed"))
    cpu = lambda r: r["user"] + r["system"]
    rows.append(("… vs starting a trivial C program (`int main(void) { return 0; }`)", "(context: the guard `core: a cold compare costs at most 10 starts`)",
                 f"{icq_c['median'] / tr_c['median']:.1f}x wall ({ms(tr_c['median'])}), {cpu(icq_c) / cpu(tr_c):.1f}x CPU time (means)", "—"))
    rows.append(("shared libraries the icq program loads (`ldd`)", "no raster, network or line-editing library",
                 f"{m['icq_libraries']} (libicq: {m['libicq_libraries']}); librsvg and libcurl load only in icq-png and icq-fetch", "met"))
    wc = warm["queries"]["compare"]
    rows.append(("warm compare in one session (1,000 runs)", "≤ 40 µs median (issue 22)", f"{ms(wc['median_s'])} median, {ms(wc['min_s'])} min",
                 "met" if wc["median_s"] <= 40e-6 else "missed"))
    s1000, s1 = hf(script, "script-1000"), hf(script, "script-1")
    per = (s1000["median"] - s1["median"]) / 999
    rows.append(("… the same as a 1,000-compare script through the CLI, each result rendered as JSON and written",
                 "(context)", f"{ms(per)} per query ({secs(s1000['median'])} for 1,000 vs {ms(s1['median'])} for 1)", "—"))
    bm = {b["name"]: b for b in micro["benchmarks"]}
    ingest = bm["BM_IngestApiJson_median"]["bytes_per_second"] / 1e6
    rows.append(("ingest of API JSON, one core (benchmarks-history.json, 1.9 MB)", "≥ 300 MB/s", f"{ingest:.0f} MB/s",
                 "met" if ingest >= 300 else "missed"))
    sizes = sorted(int(f[4:-5]) for f in os.listdir(d) if f.startswith("icq-") and f[4:-5].isdigit())
    scale = {n: load(d, f"icq-{n}.json") for n in sizes}
    duck = {n: load(d, f"duckdb-{n}.json") for n in sizes}
    pand = {n: load(d, f"pandas-{n}.json") for n in sizes}
    if sizes:
        big = sizes[-1]
        s = scale[big]
        rows.append((f"ingest of API JSON files at {big:,} rows (read, parse, merge, sort)", "≥ 300 MB/s",
                     f"{s['ingest_mb_s']:.0f} MB/s ({s['bytes'] / 1e9:.1f} GB in {secs(s['load_s'])}; DuckDB read_json {duck[big]['load_s']:.1f} s)",
                     "met" if s["ingest_mb_s"] >= 300 else "missed"))
        rows.append((f"memory per loaded row at {big:,} rows (resident set growth / rows)", "≤ 100 B/row",
                     f"{s['bytes_per_row']:.0f} B/row", "met" if s["bytes_per_row"] <= 100 else "missed"))
        for q in ("compare", "trend"):
            a, b = s["queries"][q]["median_s"], duck[big]["queries"][q]["median_s"]
            rows.append((f"{q} at {big:,} rows, in memory, vs DuckDB", "at least as fast", f"icq {secs(a)}, DuckDB {secs(b)}: {b / a:.1f}x",
                         "met" if a <= b else "missed"))
    snaps = {n: load(d, f"icq-snapshot-{n}.json") for n in sizes}
    cache_run = load(d, "cold-cache-1000000.json")
    if cache_run and duck.get(1000000):
        c = hf(cache_run, "icq-cache")
        peer = duck[1000000]["load_s"] + duck[1000000]["queries"]["compare"]["median_s"]
        rows.append(("cold `icq -c` over a cache of 1,000,000 fetched rows, opened through its snapshot", "≤ 50 ms",
                     f"{ms(c['median'])} median (the built-in data alone in the same run: {ms(hf(cache_run, 'icq')['median'])}); "
                     f"DuckDB loading and comparing the same rows: {secs(peer)}, {peer / c['median']:.0f}x", "met" if c["median"] <= 0.05 else "missed"))
    if snaps.get(1000000):
        rows.append(("… the snapshot's open alone, in one process (`icq_scale --snapshot`, median of 9)", "(context)",
                     f"{ms(snaps[1000000]['snapshot_open_s'])} (parsing the JSON: {secs(snaps[1000000]['load_s'])})", "—"))
    w("## Targets\n")
    w("| target | goal | measured | |")
    w("|---|---|---|---|")
    for r in rows:
        w("| " + " | ".join(r) + " |")
    w("")

    if sizes:
        w("## Scale: synthetic history from 10^4 to 10^7 rows\n")
        w("Rows are the real rows of the 2026-06-14 capture repeated on new dates from 2031-01-01 with ±5 % jitter "
          "(`bench/gen_history.py`, every row `\"synthetic\": true`). Times are medians of repeated runs in one warm process; "
          "load is the whole ingest; the open via snapshot reads the same rows over the built-in data as a cache of "
          "`icq fetch` would be read (`icq_scale --snapshot`). icq's per-row cost stays flat when the time grows linearly with the rows.\n")
        w("| rows | JSON | icq load | icq open via snapshot | icq compare | icq trend | icq B/row | DuckDB load | DuckDB compare | DuckDB trend | pandas compare | pandas trend | icq µs per 1k rows (compare / trend) |")
        w("|---|---|---|---|---|---|---|---|---|---|---|---|---|")
        for n in sizes:
            s, dd, pp = scale[n], duck[n], pand[n]
            pc = secs(pp["queries"]["compare"]["median_s"]) if pp else "—"
            pt = secs(pp["queries"]["trend"]["median_s"]) if pp and "trend" in pp["queries"] else "—"
            c, t = s["queries"]["compare"]["median_s"], s["queries"]["trend"]["median_s"]
            so = secs(snaps[n]["snapshot_open_s"]) if snaps.get(n) else "—"
            w(f"| {n:,} | {s['bytes'] / 1e6:,.0f} MB | {secs(s['load_s'])} | {so} | {secs(c)} | {secs(t)} | {s['bytes_per_row']:.0f} | "
              f"{secs(dd['load_s'])} | {secs(dd['queries']['compare']['median_s'])} | {secs(dd['queries']['trend']['median_s'])} | {pc} | {pt} | "
              f"{c / n * 1e9:.1f} / {t / n * 1e9:.1f} |")
        w("")

    if sizes:
        first, last = sizes[0], sizes[-1]
        f_load = scale[first]["load_s"] / first
        l_load = scale[last]["load_s"] / last
        l_tr = scale[last]["queries"]["trend"]["median_s"]
        w("### Reading the curve\n")
        w(f"- **Load** grows with the bytes: {scale[last]['load_s'] / scale[first]['load_s']:.0f}x the time for {last // first:,}x the rows "
          f"({f_load * 1e6:.1f} µs per row at {first:,}, {l_load * 1e6:.1f} µs at {last:,}; the smallest size pays fixed costs).")
        w(f"- **Compare** reads the latest run of each matching line, found by binary search, so it barely grows: "
          f"{ms(scale[first]['queries']['compare']['median_s'])} at {first:,} rows, {ms(scale[last]['queries']['compare']['median_s'])} at {last:,}.")
        per_date = []
        for n in sizes:
            q = scale[n]["queries"]["trend"]
            dates = len(q["result"]["tables"][0]["rows"])
            per_date.append(f"{q['median_s'] / dates * 1e6:.1f} µs × {dates:,} dates at {n:,} rows")
        w("- **Trend** reads one as-of frontier per run date, and the synthetic history adds run dates as it grows, so its time "
          "follows the number of dates: " + "; ".join(per_date) + ". The cost per date creeps up at the largest sizes "
          "(longer binary searches within a line, metrics spread over a working set far larger than the caches); "
          f"from {sizes[1] if len(sizes) > 1 else first:,} to {last:,} rows the time grows "
          f"{l_tr / scale[sizes[1] if len(sizes) > 1 else first]['queries']['trend']['median_s']:,.0f}x for "
          f"{last // (sizes[1] if len(sizes) > 1 else first):,}x the rows.")
        w("- **Memory** is the stored metrics: the synthetic mix carries 19.5 metrics per row on average (13 to 36, "
          "like the real captures), 156 bytes as doubles, plus a 40-byte row. The ≤ 100 B/row target cannot be met "
          "without dropping precision or keeping metrics out of memory (see docs/DECISIONS.md, Performance and storage).\n")

    w("## Same answers\n")
    w("Each peer's numbers against icq's JSON (throughput, cost and concurrency at every target of the compare; "
      "the trend value on every date): the largest relative difference.\n")
    w("| data | peer | numbers | largest relative difference |")
    w("|---|---|---|---|")
    pairs = [("built-in", load(d, "icq-builtin.json"), "duckdb", load(d, "duckdb-builtin.json")),
             ("built-in", load(d, "icq-builtin.json"), "pandas", load(d, "pandas-builtin.json"))]
    for n in sizes:
        pairs.append((f"{n:,} synthetic rows", scale[n], "duckdb", duck[n]))
        if pand[n]:
            pairs.append((f"{n:,} synthetic rows", scale[n], "pandas", pand[n]))
    bad = False
    for label, a, peer, b in pairs:
        if a is None or b is None:
            continue
        worst, count = agreement(a, b)
        bad |= worst > 1e-9
        w(f"| {label} | {peer} | {count} | {worst:.1e} |")
    w("")
    w("Micro-benchmarks (Google Benchmark, `build/ci/bench/icq_bench`, medians of 5 repetitions):\n")
    w("| benchmark | time | throughput |")
    w("|---|---|---|")
    for name, b in bm.items():
        if not name.endswith("_median"):
            continue
        t = b["real_time"] * {"ns": 1e-9, "us": 1e-6, "ms": 1e-3}[b["time_unit"]]
        bps = f"{b['bytes_per_second'] / 1e6:.0f} MB/s" if "bytes_per_second" in b else ""
        w(f"| {name[:-7]} | {ms(t) if t >= 1e-6 else f'{t * 1e9:.0f} ns'} | {bps} |")
    history = os.path.join(os.path.dirname(os.path.abspath(__file__)), "HISTORY.md")
    if os.path.exists(history):
        w("")
        w(open(history, encoding="utf-8").read().rstrip("\n"))
    print("\n".join(out))
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
