#!/usr/bin/env python3
"""The per-concurrency tables of the official InferenceX blog posts, compared the way the posts
compare them: each table (one configuration on one run date) is a filter-set side, and icq reads
every side at the interactivities the post prints. At a table's frontier rows icq must return
exactly the throughput the post prints (an interpolation through its knots), at its other
rows at least that much (those rows are dominated), or no value where such a row lies outside the
frontier's span. Run: check_blog_tables.py ICQ DATA_DIR.
"""
import collections
import glob
import json
import os
import subprocess
import sys


def frontier(points):
    """Upper-left frontier (SEMANTICS.md §2) of (x, y) pairs."""
    best, out = -1.0, []
    for x, y in sorted(points, key=lambda p: (-p[0], -p[1])):
        if y > best:
            out.append((x, y))
            best = y
    return set(out)


def side_of(rows):
    r = rows[0]
    parts = [f"gpu {r['hardware']}", f"framework {r['framework']}", f"precision {r['precision']}",
             f"spec {r['spec_method']}", f"deployment {'disagg' if r['disagg'] else 'agg'}", f"on date {r['date']}"]
    tps = sorted({x['decode_tp'] for x in rows if x.get('decode_tp') is not None})
    if tps:
        parts.append("where tp in (" + ", ".join(str(t) for t in tps) + ")")
    return "(" + " ".join(parts) + ")"


def main():
    icq, data = sys.argv[1], sys.argv[2]
    failures, checked = [], 0
    for path in sorted(glob.glob(os.path.join(data, "blog-tables", "*.json"))):
        rows = json.load(open(path))
        tables = collections.OrderedDict()
        for r in rows:
            tables.setdefault(r["source"], []).append(r)
        sides = {}
        for source, rs in tables.items():
            sides.setdefault(side_of(rs), []).extend(rs)
        first = rows[0]
        xs = sorted({r["metrics"]["median_intvty"] for r in rows})
        query = ("compare " + " vs ".join(sides) + f" model {first['model']} seq {first['isl']}/{first['osl']}"
                 + " at interactivity " + ", ".join(repr(x) for x in xs) + " show throughput")
        out = subprocess.run([icq, "--data", path, "--format", "json", "-c", query], capture_output=True, text=True)
        if out.returncode != 0:
            failures.append(f"{os.path.basename(path)}: icq exited {out.returncode}: {out.stderr.strip()}")
            continue
        result = json.loads(out.stdout)[0]  # one array per run
        labels = [s["label"] for s in result["sides"]]
        by_x = {t["interactivity"]: t["values"] for t in result["targets"]}
        for label, rs in zip(labels, sides.values()):
            front = frontier([(r["metrics"]["median_intvty"], r["metrics"]["tput_per_gpu"]) for r in rs])
            for r in rs:
                x, y = r["metrics"]["median_intvty"], r["metrics"]["tput_per_gpu"]
                value = next(v for v in by_x[x] if v["side"] == label)
                checked += 1
                where = f"{os.path.basename(path)} {label} conc {r['conc']} at {x} tok/s/user"
                lo, hi = min(p[0] for p in front), max(p[0] for p in front)
                if not lo <= x <= hi:
                    # A dominated row outside its frontier's span: no value, by SEMANTICS §3.
                    if value["status"] != "out_of_range":
                        failures.append(f"{where}: outside the frontier {lo}..{hi} but status {value['status']}")
                elif value["status"] != "ok" or value["throughput"] is None:
                    failures.append(f"{where}: status {value['status']}")
                elif (x, y) in front and abs(value["throughput"] - y) > 1e-9 * y:
                    failures.append(f"{where}: icq {value['throughput']} vs printed {y}")
                elif (x, y) not in front and value["throughput"] < y * (1 - 1e-9):
                    failures.append(f"{where}: icq {value['throughput']} below the printed (dominated) {y}")
        print(f"{os.path.basename(path)}: {len(sides)} sides, {len(rows)} printed rows")
    for f in failures:
        print("FAIL", f)
    print(f"{checked} printed rows checked, {len(failures)} disagree")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
