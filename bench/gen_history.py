#!/usr/bin/env python3
"""Writes SYNTHETIC InferenceX history for scale benchmarks, in the API JSON row format.

The rows are the real rows of one API capture (every configuration and concurrency of its
benchmarks-history.json and benchmarks.json), repeated on new nightly dates starting 2031-01-01 —
after any real run — with each row's metrics jittered by up to +/-5 %. Every row carries
"synthetic": true and a run_url of synthetic://gen_history, every file name starts with
"synthetic-", and icq notes synthetic rows wherever it describes the data, so generated numbers
can never pass for measurements.  Deterministic: the same arguments write the same bytes.

usage: gen_history.py ROWS OUT_DIR [--capture DIR] [--rows-per-file N] [--seed S]
writes OUT_DIR/synthetic-history-ROWS-rows/part-NNNN.json (files of at most N rows, default
500000: icq's default file-size limit is 1 GiB) and prints the file list and byte count.
"""
import argparse
import datetime
import json
import os
import random
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_CAPTURE = os.path.join(HERE, "..", "data", "inferencex", "api", "2026-06-14")
CONFIG_KEYS = ("hardware", "framework", "model", "precision", "spec_method", "disagg", "is_multinode",
               "prefill_tp", "prefill_ep", "prefill_dp_attention", "prefill_num_workers", "decode_tp",
               "decode_ep", "decode_dp_attention", "decode_num_workers", "num_prefill_gpu", "num_decode_gpu",
               "isl", "osl", "benchmark_type", "offload_mode", "conc")
# Higher is better for these; every other metric is a latency and moves the other way.
THROUGHPUT_LIKE = ("tput", "intvty")
START = datetime.date(2031, 1, 1)


def templates(capture: str) -> list[dict]:
    """One row per (configuration, concurrency): its newest row in the capture."""
    newest: dict = {}
    for name in ("benchmarks-history.json", "benchmarks.json"):
        path = os.path.join(capture, name)
        if not os.path.exists(path):
            continue
        with open(path, encoding="utf-8") as fh:
            for row in json.load(fh):
                if not isinstance(row, dict) or not isinstance(row.get("metrics"), dict):
                    continue
                key = tuple(json.dumps(row.get(k)) for k in CONFIG_KEYS)
                if key not in newest or str(row.get("date")) > str(newest[key].get("date")):
                    newest[key] = row
    return [newest[k] for k in sorted(newest)]


def compile_template(row: dict):
    """(text before the date, text between date and metrics, metric names, values, up-flags)."""
    head = {k: row[k] for k in CONFIG_KEYS if k in row}
    if row.get("image") is not None:
        head["image"] = row["image"]
    before = json.dumps(head)[:-1] + ', "date": "'
    between = '", "run_url": "synthetic://gen_history", "synthetic": true, "metrics": {'
    names, values, up = [], [], []
    for k, v in row["metrics"].items():
        if isinstance(v, (int, float)) and not isinstance(v, bool):
            names.append(json.dumps(k) + ": ")
            values.append(float(v))
            up.append(any(t in k for t in THROUGHPUT_LIKE))
    return before, between, names, values, up


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("rows", type=int)
    ap.add_argument("out_dir")
    ap.add_argument("--capture", default=DEFAULT_CAPTURE)
    ap.add_argument("--rows-per-file", type=int, default=500_000)
    ap.add_argument("--seed", type=int, default=20261130)
    args = ap.parse_args(argv)

    rows = templates(args.capture)
    if not rows:
        print(f"gen_history: no API rows under {args.capture}", file=sys.stderr)
        return 2
    compiled = [compile_template(r) for r in rows]
    rng = random.Random(args.seed)
    out = os.path.join(args.out_dir, f"synthetic-history-{args.rows}-rows")
    os.makedirs(out, exist_ok=True)
    for old in os.listdir(out):
        if old.startswith("part-") and old.endswith(".json"):
            os.remove(os.path.join(out, old))

    written, part, total_bytes, files = 0, 0, 0, []
    while written < args.rows:
        part += 1
        path = os.path.join(out, f"part-{part:04d}.json")
        n = min(args.rows_per_file, args.rows - written)
        chunks = []
        for i in range(written, written + n):
            before, between, names, values, up = compiled[i % len(compiled)]
            day = (START + datetime.timedelta(days=i // len(compiled))).isoformat()
            f = 1.0 + rng.uniform(-0.05, 0.05)
            metrics = ", ".join(f"{name}{(v * f if u else v / f)!r}" for name, v, u in zip(names, values, up))
            chunks.append(f"{before}{day}{between}{metrics}}}}}")
        text = "[\n" + ",\n".join(chunks) + "\n]\n"
        with open(path, "w", encoding="utf-8") as fh:
            fh.write(text)
        written += n
        total_bytes += len(text)
        files.append(path)
    print(json.dumps({"rows": written, "files": files, "bytes": total_bytes, "templates": len(compiled),
                      "dates": -(-written // len(compiled))}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
