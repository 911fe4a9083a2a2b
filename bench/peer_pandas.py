#!/usr/bin/python3
"""pandas peer: the benchmark's compare and trend over the same API JSON files, the way a Python
analyst would write them: DataFrames for loading, de-duplication, latest-run-per-line, the as-of
run of each line and the upper-left frontier (sort + cumulative max); the monotone spline, band,
targets and cost from tests/reference/icq_ref.py (the independent implementation of SEMANTICS.md)
on the few frontier knots. Prints one JSON object of timings and answers.

usage: peer_pandas.py [--repeat N] [--no-trend] FILE...
(Debian's python3-pandas: run it with /usr/bin/python3.)
"""
import argparse
import json
import os
import sys
import time

import pandas as pd

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "tests", "reference"))
import icq_ref  # noqa: E402

LINE = ["hardware", "framework", "model", "precision", "spec_method", "disagg", "is_multinode", "prefill_tp",
        "prefill_ep", "prefill_dp_attention", "prefill_num_workers", "decode_tp", "decode_ep",
        "decode_dp_attention", "decode_num_workers", "num_prefill_gpu", "num_decode_gpu", "isl", "osl",
        "benchmark_type", "offload_mode"]
EDITION, TIER = icq_ref.DEFAULT_EDITION, icq_ref.DEFAULT_TIER


def load(files):
    frames = []
    for order, path in enumerate(sorted(files)):
        with open(path, encoding="utf-8") as fh:
            records = json.load(fh)
        df = pd.DataFrame.from_records(records)
        m = pd.DataFrame.from_records(df["metrics"].tolist())
        df = df.drop(columns=["metrics"])
        df["x"], df["y"], df["_file"] = m.get("median_intvty"), m.get("tput_per_gpu"), order
        frames.append(df)
    df = pd.concat(frames, ignore_index=True)
    for col in LINE:
        if col not in df:
            df[col] = None
    df["benchmark_type"] = df["benchmark_type"].fillna(
        pd.Series(["agentic_traces" if i == 0 and o == 0 else "single_turn" for i, o in zip(df["isl"], df["osl"])], index=df.index))
    df["offload_mode"] = df["offload_mode"].fillna("")
    df = df[df["y"].notna()]
    # A (line, date, conc) repeated across files is one row: the file whose name sorts last wins.
    return df.sort_values("_file").drop_duplicates(LINE + ["date", "conc"], keep="last").reset_index(drop=True)


def frontier(pts):
    """Upper-left frontier: scanning from the right, a point stays when it beats every y so far."""
    pts = pts[pts["x"].notna() & (pts["x"] > 0)].sort_values(["x", "y", "conc"], ascending=[False, False, True])
    better = pts["y"].cummax().shift(1)
    return pts[better.isna() | (pts["y"] > better)].sort_values("x")


def selection(df):
    return df[(df["model"] == "dsr1") & (df["hardware"] == "mi355x") & (df["isl"] == 1024) & (df["osl"] == 1024)
              & (df["benchmark_type"] == "single_turn")]


def compare(df):
    sel = selection(df)
    sel = sel[sel["precision"].isin(["fp4", "fp8"])]
    latest = sel[sel["date"] == sel.groupby(LINE, dropna=False)["date"].transform("max")]
    sides, ranges = {}, []
    for side in ("fp4", "fp8"):
        pts = latest[(latest["precision"] == side) & latest["x"].notna()]
        knots = frontier(pts)
        sides[side] = [{"x": float(x), "y": float(y), "conc": int(c), "hardware": "mi355x"}
                       for x, y, c in zip(knots["x"], knots["y"], knots["conc"])]
        ranges.append([float(pts["x"].min()), float(pts["x"].max())])
    band = icq_ref.band_of(ranges)
    targets = icq_ref.default_targets(band)
    values = [[dict(side=s, **{k: v for k, v in icq_ref.side_values(sides[s], float(t), False, EDITION, TIER).items()
                                if not k.startswith("_")}) for s in sides] for t in targets]
    return {"band": band, "targets": targets, "values": values}


def trend(df):
    sel = selection(df)
    sel = sel[sel["precision"] == "fp4"]
    runs = sel[LINE + ["date"]].drop_duplicates()
    out = []
    for d in sorted(sel["date"].unique()):
        # as of d: each line's newest run up to d
        upto = runs[runs["date"] <= d].groupby(LINE, dropna=False)["date"].max().reset_index()
        pts = sel.merge(upto, on=LINE + ["date"])
        knots = frontier(pts)
        xs, ys = knots["x"].astype(float).tolist(), knots["y"].astype(float).tolist()
        out.append({"date": d, "throughput": icq_ref.spline_eval(xs, ys, 50.0)})
    return out


def main(argv=None):
    ap = argparse.ArgumentParser()
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--no-trend", action="store_true")
    ap.add_argument("files", nargs="+")
    a = ap.parse_args(argv)
    t0 = time.perf_counter()
    df = load(a.files)
    load_s = time.perf_counter() - t0
    timings, answers = {}, {}
    for name, fn in [("compare", compare)] + ([] if a.no_trend else [("trend", trend)]):
        times = []
        for _ in range(a.repeat):
            q0 = time.perf_counter()
            answers[name] = fn(df)
            times.append(time.perf_counter() - q0)
        timings[name] = {"runs": len(times), "median_s": sorted(times)[len(times) // 2], "min_s": min(times)}
    print(json.dumps({"peer": "pandas", "rows": len(df), "load_s": load_s, "queries": timings, "answers": answers}))


if __name__ == "__main__":
    main()
