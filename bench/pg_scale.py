#!/usr/bin/env python3
"""A dashboard database of 10^5 SYNTHETIC results: read it once into icq's snapshot, or select
in SQL what a statement needs? (issue 25; docs/DECISIONS.md, "A database as data").

bench/gen_history.py writes ROWS synthetic rows (real configurations on dates from 2031, metrics
jittered, each marked "synthetic": true); they go into a private PostgreSQL (tests/pg/pg_server.py,
tests/pg/schema.sql) of their own, never beside real results: one workflow run per date
(html_url synthetic://gen_history/DATE), the mark kept in each result's metrics. Then, medians of
RUNS wall-clock times:
  snapshot, first read   icq --data URL -c STATEMENT with an empty cache (icq-pg reads every
                         result, writes the snapshot; icq maps it)
  snapshot, unchanged    the same again (icq-pg checks the database's state, icq maps the snapshot)
  SQL select + icq       the statement's rows selected in SQL (the latest run per line of one
                         model and sequence as of a date, 009's rule) as API JSON, then icq over
                         that file: the least a select-per-statement design costs
usage: bench/pg_scale.py ICQ [ROWS] [RUNS]"""
import json
import os
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "tests", "pg"))
import pg_server  # noqa: E402
from load_captures import CONFIG, lit  # noqa: E402  (the columns and literals the test database is loaded with)

ICQ = os.path.abspath(sys.argv[1])
ROWS = int(sys.argv[2]) if len(sys.argv) > 2 else 100_000
RUNS = int(sys.argv[3]) if len(sys.argv) > 3 else 5
STATEMENT = "compare gpu b200 vs h200 model dsr1 precision fp8 seq 1k/1k as of 2031-03-01"
SQL_SELECT = """
WITH winners AS (
  SELECT DISTINCT ON (br.config_id, br.benchmark_type, br.isl, br.osl, br.offload_mode)
         br.config_id, br.benchmark_type, br.isl, br.osl, br.offload_mode, br.workflow_run_id
  FROM benchmark_results br JOIN configs c ON c.id = br.config_id
  JOIN latest_workflow_runs wr ON wr.id = br.workflow_run_id
  WHERE br.error IS NULL AND c.model = 'dsr1' AND br.isl = 1024 AND br.osl = 1024 AND br.date <= '2031-03-01'
  ORDER BY br.config_id, br.benchmark_type, br.isl, br.osl, br.offload_mode, br.date DESC,
           wr.run_started_at DESC NULLS LAST, br.workflow_run_id DESC)
SELECT coalesce(json_agg(json_build_object('hardware', c.hardware, 'framework', c.framework, 'model', c.model,
  'precision', c.precision, 'spec_method', c.spec_method, 'disagg', c.disagg, 'is_multinode', c.is_multinode,
  'prefill_tp', c.prefill_tp, 'prefill_ep', c.prefill_ep, 'prefill_dp_attention', c.prefill_dp_attention,
  'prefill_num_workers', c.prefill_num_workers, 'decode_tp', c.decode_tp, 'decode_ep', c.decode_ep,
  'decode_dp_attention', c.decode_dp_attention, 'decode_num_workers', c.decode_num_workers,
  'num_prefill_gpu', c.num_prefill_gpu, 'num_decode_gpu', c.num_decode_gpu, 'benchmark_type', br.benchmark_type,
  'offload_mode', br.offload_mode, 'isl', br.isl, 'osl', br.osl, 'conc', br.conc, 'image', br.image,
  'metrics', br.metrics - 'synthetic', 'synthetic', true, 'date', br.date,
  'run_url', wr.html_url || '/attempts/' || wr.run_attempt)), '[]')
FROM winners w JOIN benchmark_results br ON br.config_id = w.config_id AND br.workflow_run_id = w.workflow_run_id
  AND br.benchmark_type = w.benchmark_type AND br.isl IS NOT DISTINCT FROM w.isl AND br.osl IS NOT DISTINCT FROM w.osl
  AND br.offload_mode = w.offload_mode AND br.error IS NULL
JOIN configs c ON c.id = br.config_id JOIN latest_workflow_runs wr ON wr.id = br.workflow_run_id
"""


def load_sql(rows):
    configs, runs, out = {}, {}, ["BEGIN;"]
    values = []
    for r in rows:
        key = tuple(r.get(k) for k in CONFIG)
        if key not in configs:
            configs[key] = len(configs) + 1
            out.append(f"INSERT INTO configs (id, {', '.join(CONFIG)}) VALUES ({configs[key]}, {', '.join(lit(v) for v in key)});")
        if r["date"] not in runs:
            runs[r["date"]] = n = len(runs) + 1
            out.append("INSERT INTO workflow_runs (id, github_run_id, run_attempt, name, html_url, created_at, date) VALUES "
                       f"({n}, {n}, 1, 'SYNTHETIC gen_history', 'synthetic://gen_history/{r['date']}', '{r['date']}T00:00:00Z', '{r['date']}');")
        metrics = dict(r["metrics"], synthetic=True)
        values.append(f"({runs[r['date']]}, {configs[key]}, {lit(r.get('benchmark_type') or 'single_turn')}, '{r['date']}', "
                      f"{lit(r.get('isl'))}, {lit(r.get('osl'))}, {r['conc']}, {lit(r.get('image'))}, {lit(metrics)}, "
                      f"{lit(r.get('offload_mode') or 'off')})")
    for i in range(0, len(values), 1000):
        out.append("INSERT INTO benchmark_results (workflow_run_id, config_id, benchmark_type, date, isl, osl, conc, image, metrics, "
                   "offload_mode) VALUES\n" + ",\n".join(values[i:i + 1000]) + ";")
    out += ["REFRESH MATERIALIZED VIEW latest_benchmarks;", "COMMIT;", "ANALYZE;"]
    return "\n".join(out) + "\n"


def timed(fn):
    t = time.perf_counter()
    fn()
    return time.perf_counter() - t


def main():
    work = tempfile.mkdtemp(prefix="icq-pg-bench-")
    try:
        gen = os.path.join(work, "gen")
        subprocess.run([sys.executable, os.path.join(HERE, "gen_history.py"), str(ROWS), gen], check=True, capture_output=True)
        rows = []
        for root, _, files in os.walk(gen):
            for f in sorted(files):
                with open(os.path.join(root, f)) as fh:
                    rows += json.load(fh)
        with pg_server.Server() as s:
            s.psql("postgres", "CREATE DATABASE synthetic_history")
            s.psql("synthetic_history", file=os.path.join(HERE, "..", "tests", "pg", "schema.sql"))
            sql = os.path.join(s.root, "load.sql")
            with open(sql, "w") as fh:
                fh.write(load_sql(rows))
            s.psql("synthetic_history", file=sql)
            url = s.url("synthetic_history")
            cache = os.path.join(work, "cache")
            env = dict(os.environ, ICQ_CACHE=cache)
            env.pop("ICQ_DATABASE_URL", None)

            def icq(*args):
                r = subprocess.run([ICQ, *args, "--format", "json", "-c", STATEMENT], capture_output=True, text=True, env=env)
                if r.returncode != 0:
                    sys.exit(f"icq failed: {r.stderr}")
                return r.stdout

            def first():
                shutil.rmtree(cache, ignore_errors=True)
                icq("--data", url)

            sel = os.path.join(work, "selected.json")

            def select():
                r = s.psql("synthetic_history", "COPY (" + SQL_SELECT + ") TO STDOUT")
                with open(sel, "w") as fh:
                    fh.write(r.stdout.replace("\\\\", "\\"))
                icq("--data", sel)

            times = {"snapshot, first read": [], "snapshot, unchanged": [], "SQL select + icq": []}
            for _ in range(RUNS):
                times["snapshot, first read"].append(timed(first))
                times["snapshot, unchanged"].append(timed(lambda: icq("--data", url)))
                times["SQL select + icq"].append(timed(select))
            snap = [f for f in os.listdir(os.path.join(cache, "postgresql")) if f.endswith(".snapshot")][0]
            size = os.path.getsize(os.path.join(cache, "postgresql", snap))
            selected = len(json.load(open(sel)))
            print(f"{len(rows)} synthetic results on {s.psql('synthetic_history', 'SELECT count(*) FROM configs').stdout.split()[2]} "
                  f"configurations; statement: {STATEMENT}")
            print(f"snapshot {size / 1e6:.1f} MB; the SQL select returns {selected} rows; medians of {RUNS} runs (wall clock):")
            for k, v in times.items():
                print(f"  {k:22} {statistics.median(v) * 1e3:8.1f} ms   (min {min(v) * 1e3:.1f})")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    # A SIGTERM (ctest's timeout) unwinds like an exception, so the server is stopped by its PID.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    main()
