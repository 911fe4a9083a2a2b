#!/usr/bin/env python3
"""Smoke run of the benchmark harness at tiny sizes (never timed): the synthetic generator, icq_scale
on its output (the SYNTHETIC note included), Google Benchmark's icq_bench for one iteration, and a
peer's answers against icq's with bench/report.py's checker.

usage: bench_smoke.py ROOT ICQ_SCALE ICQ_BENCH|- pandas|duckdb
The duckdb peer needs `npm ci` in bench/ (bench/README.md); without it the test reports skipped (77)."""
import json
import os
import shutil
import subprocess
import sys
import tempfile

root, scale, micro, peer = sys.argv[1:5]
sys.path.insert(0, os.path.join(root, "bench"))
import report  # noqa: E402

COMPARE = "compare precision fp4 vs fp8 on mi355x model dsr1 seq 1k/1k"
TREND = "trend throughput on mi355x model dsr1 precision fp4 seq 1k/1k at interactivity 50"


def run(cmd, **kw):
    p = subprocess.run(cmd, capture_output=True, text=True, timeout=600, **kw)
    if p.returncode != 0:
        sys.exit(f"FAIL: {' '.join(cmd)} exited {p.returncode}\n{p.stderr}")
    return p.stdout


if peer == "duckdb" and not os.path.isdir(os.path.join(root, "bench", "node_modules", "@duckdb", "node-api")):
    print("skipped: bench/node_modules is missing (cd bench && npm ci)")
    sys.exit(77)
if peer == "duckdb" and not shutil.which("node"):
    print("skipped: node is not installed")
    sys.exit(77)

with tempfile.TemporaryDirectory() as tmp:
    gen = json.loads(run([sys.executable, os.path.join(root, "bench", "gen_history.py"), "3000", tmp, "--rows-per-file", "1000"]))
    assert gen["rows"] == 3000 and len(gen["files"]) == 3, gen
    for f in gen["files"]:
        assert "synthetic" in os.path.basename(os.path.dirname(f)), f
        with open(f, encoding="utf-8") as fh:
            rows = json.load(fh)
        assert all(r["synthetic"] is True and r["date"] >= "2031-01-01" for r in rows), f

    icq = json.loads(run([scale, "--repeat", "2", "--query", f"compare={COMPARE}", "--query", f"trend={TREND}", *gen["files"]]))
    assert icq["rows"] == 3000, icq["rows"]
    for q in ("compare", "trend"):
        notes = icq["queries"][q]["result"].get("notes", [])
        assert any(n.startswith("SYNTHETIC DATA: the loaded data holds 3000 generated rows") for n in notes), notes

    if peer == "pandas":
        theirs = json.loads(run(["/usr/bin/python3", os.path.join(root, "bench", "peer_pandas.py"), "--repeat", "1", *gen["files"]]))
        if micro != "-":
            out = json.loads(run([micro, "--benchmark_filter=BM_(Parse|WarmFrontier)", "--benchmark_min_time=0.001",
                                  "--benchmark_format=json"]))
            assert {b["name"] for b in out["benchmarks"]} == {"BM_Parse", "BM_WarmFrontier"}, out["benchmarks"]
    else:
        theirs = json.loads(run(["node", os.path.join(root, "bench", "peer_duckdb.mjs"), "--repeat", "1", *gen["files"]],
                                cwd=os.path.join(root, "bench")))
    assert theirs["rows"] == 3000, theirs["rows"]
    worst, count = report.agreement(icq, theirs)
    print(f"{peer}: {count} numbers, largest relative difference {worst:.1e}")
    if not worst <= 1e-9:
        sys.exit(f"FAIL: the {peer} peer disagrees with icq (largest relative difference {worst})")
print("ok")
