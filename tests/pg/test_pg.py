#!/usr/bin/env python3
"""icq over the dashboard's own PostgreSQL database (issue 25), against a real server.

A private PostgreSQL (tests/pg/pg_server.py: initdb in a temporary folder, a Unix socket there, as
nobody when run as root, stopped by its PID) gets the schema of tests/pg/schema.sql and the real
captures of data/inferencex (tests/pg/load_captures.py). Then:
  1. every statement of STATEMENTS gives the same --format json over the database as over the same
     JSON files, byte for byte once the one note naming the database is set aside (that note is
     checked on its own: the database without its password, the newest date);
  2. the database given by $ICQ_DATABASE_URL and by `load "postgresql://…"` gives the same;
  3. a second run reads the snapshot (no new read), a change to the database makes a new one;
  4. later migrations' extra columns change nothing; a wrong schema, a refused connection, a bad
     password and a database that disappears mid-read are each a clear error, exit 2, with
     nothing half-loaded and no password shown;
  5. the README's dump section: pg_dump -Fc of the test database, pg_restore of the five tables
     into a fresh database, and icq over it gives the same answers.
usage: test_pg.py ICQ DATA_DIR   (exit 77 when PostgreSQL's server programs are not installed)"""
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import pg_server  # noqa: E402

ICQ, DATA = sys.argv[1], os.path.abspath(sys.argv[2])
FILES = sorted(
    [os.path.join(DATA, "api", d, f) for d in ("2026-05-05", "2026-06-14")
     for f in ("benchmarks.json", "benchmarks-history.json", "evaluations.json", "availability.json")] +
    [os.path.join(DATA, "api-partial", "2026-08-13", "benchmarks-qwen3.5-partial.json")])
STATEMENTS = [
    "list models",
    "list hardware model dsr1",
    "compare gpu b200 vs h200 model dsr1 precision fp8",
    "compare gpu mi355x vs b200 model dsr1 precision fp8 seq 8k/1k show throughput, cost, concurrency",
    "compare precision fp4 vs fp8 on b200 model dsr1 seq 1k/1k",
    "compare framework sglang vs trt on b200 model dsr1 precision fp8 seq 8k/1k",
    "compare deployment disagg vs single-node on b200 model dsr1 precision fp4 show throughput, cost, ttft p99, concurrency",
    "compare gpu h200 vs b200 model dsr1 precision fp8 as of 2025-12-01",
    "compare gpu b200 vs mi355x model dsr1 precision fp8 as of 2026-03-01",
    "compare (as of 2026-01-14) vs (as of 2026-06-11) on b200 model dsr1 precision fp4 seq 8k/1k at 50, 80",
    "trend throughput on b200 model dsr1 precision fp4 seq 8k/1k at interactivity 50 since 2026-01-01",
    "trend throughput on mi355x model dsr1 precision fp8 seq 1k/1k at interactivity 40",
    "frontier on mi355x model dsr1 precision fp8 as of 2026-03-01 show interactivity, throughput, framework, conc, date",
    "accuracy model dsr1 on b200 as of 2026-04-01",
    "accuracy model dsr1",
]
failures = []


def check(ok, what):
    print(("ok    " if ok else "FAIL  ") + what)
    if not ok:
        failures.append(what)


def icq(args, env=None, stdin=None):
    e = dict(os.environ, ICQ_CACHE=CACHE)
    e.pop("ICQ_DATABASE_URL", None)
    e.update(env or {})
    return subprocess.run([ICQ, *args], capture_output=True, text=True, env=e, input=stdin, timeout=300)


def files_args():
    return [a for f in FILES for a in ("--data", f)]


def answer(args, statement, env=None):
    r = icq([*args, "--format", "json", "-c", statement], env)
    return r


def split_note(out):
    """The JSON of each result with the database's note taken out, and the notes taken out."""
    notes = []
    kept = []
    for line in out.splitlines(keepends=True):
        if line.strip().startswith('"data: PostgreSQL database '):
            notes.append(line.strip().rstrip(","))
            continue
        kept.append(line)
    # A note taken from the end of a list leaves the note before it with a comma: the files' answer
    # has the same notes but that one, so compare the parsed JSON too and the text without commas.
    return "".join(kept), notes


def same_answer(db_out, files_out):
    body, notes = split_note(db_out)
    try:
        db_json = json.loads(db_out)
    except json.JSONDecodeError:
        return False, notes
    for doc in (db_json if isinstance(db_json, list) else [db_json]):
        doc["notes"] = [n for n in doc.get("notes", []) if not n.startswith("data: PostgreSQL database ")]
    rendered = json.dumps(db_json, indent=2, ensure_ascii=False) + "\n"
    files_rendered = json.dumps(json.loads(files_out), indent=2, ensure_ascii=False) + "\n"
    return rendered == files_rendered and body.replace(",\n", "\n") == files_out.replace(",\n", "\n"), notes


def main():
    global CACHE
    if not pg_server.binaries():
        print("test_pg: PostgreSQL's server programs are not installed (Debian: apt-get install postgresql); skipped")
        return 77
    work = tempfile.mkdtemp(prefix="icq-pg-test-")
    CACHE = os.path.join(work, "cache")
    try:
        with pg_server.Server() as s:
            run(s, work)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    if failures:
        print(f"test_pg: {len(failures)} failed")
        return 1
    print("test_pg: all passed")
    return 0


def load(s, db, schema=os.path.join(HERE, "schema.sql")):
    s.psql("postgres", f"CREATE DATABASE {db}")
    s.psql(db, file=schema)
    sql = subprocess.run([sys.executable, os.path.join(HERE, "load_captures.py"), *FILES], capture_output=True, text=True, check=True)
    path = os.path.join(s.root, db + ".sql")
    with open(path, "w") as fh:
        fh.write(sql.stdout)
    s.psql(db, file=path)


def run(s, work):
    load(s, "dash")
    url = s.url("dash")
    shown = s.url("dash", password=False)

    # 1. The test set: the database and the files give the same answers.
    for st in STATEMENTS:
        db, files = answer(["--data", url], st), answer(files_args(), st)
        same, notes = same_answer(db.stdout, files.stdout)
        check(db.returncode == files.returncode == 0 and same, f"same JSON over the database and the files: {st}")
        if not same:
            print(db.stderr[-2000:], files.stderr[-2000:])
        if json.loads(db.stdout)[0].get("kind") not in ("list",) or "models" in st:
            check(len(notes) == 1 and shown in notes[0] and s.password.replace(" ", "%20") not in db.stdout + db.stderr
                  and "to 2026-08-12" in notes[0], f"the note names the database without its password and the newest date: {st}")

    # 2. The environment variable and `load` read the same database.
    st = STATEMENTS[2]
    direct = answer(["--data", url], st).stdout
    via_env = answer([], st, env={"ICQ_DATABASE_URL": url}).stdout
    check(via_env == direct, "ICQ_DATABASE_URL gives what --data gives")
    loaded = icq(["--data", FILES[0], "--format", "json", "-c", f'load "{url}"\n{st}'])
    check(loaded.returncode == 0 and s.password.replace(" ", "%20") not in loaded.stdout + loaded.stderr and
          '"load \\"' + shown + '\\""' in loaded.stdout, "load \"postgresql://…\" adds the database, its query shown without the password")

    # 3. The snapshot: kept while the database is unchanged, read anew when it changes.
    snaps = lambda: sorted(os.listdir(os.path.join(CACHE, "postgresql")))  # noqa: E731
    before = snaps()
    mtime = os.path.getmtime(os.path.join(CACHE, "postgresql", before[0]))
    answer(["--data", url], st)
    check(snaps() == before and os.path.getmtime(os.path.join(CACHE, "postgresql", before[0])) == mtime,
          "an unchanged database is read from its snapshot")
    s.psql("dash", "UPDATE benchmark_results SET error = 'test: withdrawn' WHERE id = (SELECT min(id) FROM benchmark_results WHERE error IS NULL)")
    changed = answer(["--data", url], "list models")
    check(os.path.getmtime(os.path.join(CACHE, "postgresql", before[0])) != mtime and '"data: PostgreSQL database' in changed.stdout
          and "2375 results" in changed.stdout, "a changed database is read again (one result fewer)")
    s.psql("dash", "UPDATE benchmark_results SET error = NULL WHERE error = 'test: withdrawn'")

    # 4a. Later migrations' columns are neither needed nor in the way.
    s.psql("dash", "ALTER TABLE benchmark_results ADD COLUMN recipe_fingerprint text, ADD COLUMN append_only boolean DEFAULT false;"
                   "ALTER TABLE workflow_runs ADD COLUMN power_source text; INSERT INTO schema_migrations VALUES ('015_power.sql')")
    later = answer(["--data", url], st)
    check(later.stdout == direct, "extra columns of later migrations change nothing")

    # 4b. Errors: each clear, exit 2, nothing loaded, no password.
    def error_case(what, args, env=None, needles=()):
        r = icq([*args, "-c", "list models"], env)
        text = r.stdout + r.stderr
        ok = r.returncode == 2 and "error" in text and s.password not in text and s.password.replace(" ", "%20") not in text
        ok = ok and all(n in text for n in needles) and "rows" not in r.stdout
        check(ok, what)
        if not ok:
            print(text[-1500:])

    s.psql("postgres", "CREATE DATABASE wrong")
    s.psql("wrong", "CREATE TABLE schema_migrations (filename text); CREATE TABLE configs (id int, hardware text)")
    error_case("a database of another schema names what is missing", ["--data", s.url("wrong")],
               needles=("column configs.framework", "table benchmark_results", "view latest_workflow_runs"))
    error_case("a refused connection says so", ["--data", f"postgresql://icq:x@/dash?host={work}"],
               needles=("cannot read the database", "is PostgreSQL running"))
    bad = s.url("dash").replace(s.password.replace(" ", "%20"), "wrong%20pw")
    r = icq(["--data", bad, "-c", "list models"])
    check(r.returncode == 2 and "password authentication failed" in r.stderr and "wrong%20pw" not in r.stderr + r.stdout
          and "wrong pw" not in r.stderr, "a bad password is named as such, and not shown")
    error_case("a database that does not exist", ["--data", s.url("nosuch")], needles=("nosuch",))

    # 4c. The server goes away mid-read: a slow view, the server stopped while icq reads it.
    s.psql("dash", "ALTER VIEW latest_workflow_runs RENAME TO latest_workflow_runs_fast;"
                   "CREATE VIEW latest_workflow_runs AS SELECT * FROM latest_workflow_runs_fast WHERE pg_sleep(0.01) IS NOT NULL")
    shutil.rmtree(os.path.join(CACHE, "postgresql"), ignore_errors=True)
    proc = subprocess.Popen([ICQ, "--data", url, "-c", "list models"], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            env=dict(os.environ, ICQ_CACHE=CACHE))
    # Stopped while icq's query runs (seen in pg_stat_activity), however slowly a loaded machine starts it.
    reading = "SELECT count(*) FROM pg_stat_activity WHERE datname = 'dash' AND state = 'active' AND pid <> pg_backend_pid()"
    deadline = time.monotonic() + 60
    def icq_reads():
        words = s.psql("dash", reading, check=False).stdout.split()  # count ------- N (1 row)
        return len(words) > 2 and words[2].isdigit() and int(words[2]) > 0
    while time.monotonic() < deadline and proc.poll() is None and not icq_reads():
        time.sleep(0.1)
    time.sleep(0.3)
    s.stop()
    out, err = proc.communicate(timeout=120)
    pg_cache = os.path.join(CACHE, "postgresql")
    check(proc.returncode == 2 and "cannot read the database" in err and "rows" not in out
          and not [f for f in (os.listdir(pg_cache) if os.path.isdir(pg_cache) else []) if f.endswith(".snapshot")],
          "a database that disappears mid-read is an error, and no snapshot is left")
    if proc.returncode != 2:
        print(out[-1000:], err[-1000:])
    s.start()
    s.psql("dash", "DROP VIEW latest_workflow_runs; ALTER VIEW latest_workflow_runs_fast RENAME TO latest_workflow_runs")

    # 5. The README's dump section on this server: pg_dump -Fc, then pg_restore of the tables icq
    # reads (and the view of latest attempts, and schema_migrations) into a new database.
    dump = os.path.join(s.root, "x.dump")
    s.tool("pg_dump", "-Fc", "-d", "dash", "-f", dump)
    s.psql("postgres", "CREATE DATABASE restored")
    s.tool("pg_restore", "--no-owner", "-d", "restored", "-t", "schema_migrations", "-t", "configs", "-t", "workflow_runs",
           "-t", "latest_workflow_runs", "-t", "benchmark_results", "-t", "eval_results", "-t", "availability", dump)
    for st in (STATEMENTS[2], STATEMENTS[9], STATEMENTS[10]):
        a, b = answer(["--data", url], st).stdout, answer(["--data", s.url("restored")], st).stdout
        check(a.replace("/dash?", "/restored?") == b, f"the restored dump answers as the database: {st}")


if __name__ == "__main__":
    # A SIGTERM (ctest's timeout) unwinds like an exception, so the server is stopped by its PID.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    sys.exit(main())
