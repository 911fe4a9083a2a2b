#!/usr/bin/env python3
"""Writes SQL (to stdout, for psql) that fills a database of tests/pg/schema.sql with the real API
captures named on the command line, the way the dashboard's ingest holds them: one configs row per
configuration, one workflow_runs row per GitHub run attempt of a run_url, one benchmark_results row
per (run, configuration, benchmark type, isl, osl, conc, offload mode), eval_results and
availability. Rows repeated across captures are one row; where captures disagree on a metric the
file whose path sorts last wins, as icq merges duplicates of files (docs/DECISIONS.md).

Runs carry no run_started_at (the captures do not give it) and their database ids grow with
(GitHub run id, attempt), so the database's tie-break and the one icq applies to files agree.
Each run also gets one failed result (error set, empty metrics: no number is made up), which no
reader may show.

usage: load_captures.py FILE.json...   (benchmarks*.json, evaluations.json, availability.json)"""
import json
import re
import sys

CONFIG = ("hardware", "framework", "model", "precision", "spec_method", "disagg", "is_multinode",
          "prefill_tp", "prefill_ep", "prefill_dp_attention", "prefill_num_workers", "decode_tp",
          "decode_ep", "decode_dp_attention", "decode_num_workers", "num_prefill_gpu", "num_decode_gpu")
AVAILABILITY = ("model", "isl", "osl", "precision", "hardware", "framework", "spec_method", "disagg", "date")
RUN_URL = re.compile(r"^(https://github\.com/[^/]+/[^/]+/actions/runs/(\d+))(?:/attempts/(\d+))?$")


def lit(v):
    """A SQL literal."""
    if v is None:
        return "NULL"
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, (int, float)):
        return repr(v)
    if isinstance(v, (dict, list)):
        v = json.dumps(v, separators=(",", ":"))
    return "'" + str(v).replace("'", "''") + "'"


def main(paths):
    configs, runs, results, evals, avail = {}, {}, {}, {}, set()

    def config_of(row):
        key = tuple(row.get(k) for k in CONFIG)
        return configs.setdefault(key, len(configs) + 1)

    def run_of(url, date):
        m = RUN_URL.match(url or "")
        if not m:
            raise SystemExit(f"load_captures: not a run URL: {url!r}")
        key = (int(m.group(2)), int(m.group(3) or 1))
        run = runs.setdefault(key, {"html_url": m.group(1), "date": date})
        run["date"] = min(run["date"], date)
        return key

    for path in sorted(paths):
        with open(path, encoding="utf-8") as fh:
            doc = json.load(fh)
        for row in doc:
            if "task" in row:  # an evaluation: its run_url names the GitHub run, not an attempt
                run = run_of(row["run_url"], row["date"])[0]
                e = evals.setdefault(int(row["id"]), {})
                e.update(config=config_of(row), run=run, task=row["task"], date=row["date"], conc=row.get("conc"))
                e.setdefault("metrics", {}).update(row["metrics"])
            elif "metrics" in row:
                run = run_of(row["run_url"], row["date"])
                key = (config_of(row), row.get("benchmark_type") or "single_turn", row.get("isl"), row.get("osl"),
                       row["conc"], row.get("offload_mode") or "off", run)
                r = results.setdefault(key, {"date": row["date"], "image": None, "workers": None, "metrics": {}})
                r["metrics"].update(row["metrics"])
                if row.get("image") is not None:
                    r["image"] = row["image"]
                if row.get("workers") is not None:
                    r["workers"] = row["workers"]
            else:
                avail.add(tuple(row[k] for k in AVAILABILITY))

    out = ["BEGIN;"]
    for key, cid in configs.items():
        out.append(f"INSERT INTO configs (id, {', '.join(CONFIG)}) VALUES ({cid}, {', '.join(lit(v) for v in key)});")
    run_ids = {}
    for n, key in enumerate(sorted(runs), start=1):
        run_ids[key] = n
        r = runs[key]
        out.append("INSERT INTO workflow_runs (id, github_run_id, run_attempt, name, status, conclusion, html_url, created_at, date) "
                   f"VALUES ({n}, {key[0]}, {key[1]}, 'captured run', 'completed', 'success', {lit(r['html_url'])}, "
                   f"{lit(r['date'] + 'T00:00:00Z')}, {lit(r['date'])});")
    rows = []
    for (cid, btype, isl, osl, conc, offload, run), r in results.items():
        rows.append(f"({run_ids[run]}, {cid}, {lit(btype)}, {lit(r['date'])}, {lit(isl)}, {lit(osl)}, {conc}, {lit(r['image'])}, "
                    f"{lit(r['metrics'])}, NULL, {lit(r['workers'])}, {lit(offload)})")
    # One failed result per run, on a concurrency no capture has.
    one_config = {run: cid for (cid, _b, _i, _o, _c, _f, run) in results}
    for run, cid in sorted(one_config.items()):
        rows.append(f"({run_ids[run]}, {cid}, 'single_turn', {lit(runs[run]['date'])}, 1024, 1024, 99991, NULL, '{{}}', "
                    "'test fixture: the server crashed', NULL, 'off')")
    for i in range(0, len(rows), 500):
        out.append("INSERT INTO benchmark_results (workflow_run_id, config_id, benchmark_type, date, isl, osl, conc, image, metrics, "
                   "error, workers, offload_mode) VALUES\n" + ",\n".join(rows[i:i + 500]) + ";")
    latest_attempt = {}
    for gh, attempt in runs:
        latest_attempt[gh] = max(attempt, latest_attempt.get(gh, 0))
    for eid, e in sorted(evals.items()):
        e["run"] = (e["run"], latest_attempt[e["run"]])
        out.append("INSERT INTO eval_results (id, workflow_run_id, config_id, task, date, conc, metrics) VALUES "
                   f"({eid}, {run_ids[e['run']]}, {e['config']}, {lit(e['task'])}, {lit(e['date'])}, {lit(e['conc'])}, {lit(e['metrics'])});")
    for a in sorted(avail, key=lambda t: tuple(str(v) for v in t)):
        out.append(f"INSERT INTO availability ({', '.join(AVAILABILITY)}) VALUES ({', '.join(lit(v) for v in a)});")
    out.append("SELECT setval('configs_id_seq', (SELECT max(id) FROM configs));")
    out.append("SELECT setval('workflow_runs_id_seq', (SELECT max(id) FROM workflow_runs));")
    out.append("REFRESH MATERIALIZED VIEW latest_benchmarks;")
    out.append("COMMIT;")
    sys.stdout.write("\n".join(out) + "\n")
    print(f"load_captures: {len(configs)} configs, {len(runs)} runs, {len(results)} results, {len(evals)} evaluations, "
          f"{len(avail)} availability rows", file=sys.stderr)


if __name__ == "__main__":
    main(sys.argv[1:])
