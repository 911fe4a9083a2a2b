#!/usr/bin/env python3
"""icq opens simdjson when it first reads a data file (stdlib/data/json_library.hpp), not at start:
with a broken libsimdjson found first on LD_LIBRARY_PATH, a compare on the built-in data still
answers, while loading a JSON or CSV file, by `load` or by --data, is an error (exit 2) that says
why and names the package; with the real library the same loads succeed. A cache of `icq fetch`
is JSON too: the first run reads it and leaves a snapshot of its data and a copy of capture.json
(icq.manifest), and the runs after it read no JSON, until capture.json changes.
Usage: json_library_test.py ICQ WORK_DIR SONAME"""
import json
import os
import shutil
import subprocess
import sys

from checks import check, finish

ICQ, WORK, SONAME = sys.argv[1], sys.argv[2], sys.argv[3]
DATA = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "data", "inferencex")
JSON = os.path.join(DATA, "api", "2026-06-14", "benchmarks-history.json")
CSV = os.path.join(DATA, "csv-export", "gpt-oss-120b.csv")
COMPARE = "compare precision fp4 vs fp8 on mi355x model dsr1 seq 1k/1k"


def run(*args, broken, cache=None):
    env = dict(os.environ, NO_COLOR="1")
    if broken:
        env["LD_LIBRARY_PATH"] = lib_dir
    where = ["--cache", cache] if cache else ["--no-cache"]
    return subprocess.run([ICQ, *where, *args], capture_output=True, text=True, env=env, timeout=120)


shutil.rmtree(WORK, ignore_errors=True)
lib_dir = os.path.join(WORK, "lib")
os.makedirs(lib_dir)
with open(os.path.join(lib_dir, SONAME), "w") as f:
    f.write("not a library\n")

r = run("-c", COMPARE, broken=True)
check("a compare on the built-in data never opens simdjson", r.returncode == 0 and "throughput" in r.stdout, f"exit {r.returncode}\n{r.stderr}")
for what, args in [("load of a JSON file", ["-c", f'load "{JSON}"']), ("--data with a JSON file", ["--data", JSON, "-c", "list gpus"]),
                   ("load of a CSV export", ["-c", f'load "{CSV}"'])]:
    r = run(*args, broken=True)
    check(f"{what} without the library: exit 2, why, and the package",
          r.returncode == 2 and "icq reads them with simdjson, which cannot be opened" in r.stderr and SONAME in r.stderr
          and "apt install libsimdjson14" in r.stderr, f"exit {r.returncode}\n{r.stderr}")
    r = run(*args, broken=False)
    check(f"{what} with the library: exit 0", r.returncode == 0 and "simdjson" not in r.stderr, f"exit {r.returncode}\n{r.stderr}")

# A cache with one capture: a real API file under the name icq fetch gives it.
cache = os.path.join(WORK, "cache")
capture = os.path.join(cache, "captures", "2026-06-14")
os.makedirs(capture)
shutil.copy(JSON, os.path.join(capture, "benchmarks-history-dsr1-1024x1024.json"))
with open(os.path.join(capture, "capture.json"), "w") as f:
    json.dump({"api": "https://example.invalid", "fetched_at": "2026-06-14T00:00:00Z", "complete": True, "models": ["DeepSeek-R1-0528"],
               "endpoints": [{"file": "benchmarks-history-dsr1-1024x1024.json", "path": "/api/v1/benchmarks/history", "rows": 1}]}, f)
r = run("-c", COMPARE, broken=True, cache=cache)
check("a cache's first run needs the library: exit 2, naming the package", r.returncode == 2 and "apt install libsimdjson14" in r.stderr,
      f"exit {r.returncode}\n{r.stderr}")
first = run("-c", COMPARE, broken=False, cache=cache)
check("a cache's first run with the library: exit 0, reading the capture", first.returncode == 0 and "capture 2026-06-14" in first.stderr + first.stdout,
      f"exit {first.returncode}\n{first.stderr}")
check("… and it leaves the manifest's copy and the snapshot", all(os.path.exists(os.path.join(capture, n)) for n in ("icq.manifest", "icq.snapshot")),
      str(os.listdir(capture)))
r = run("-c", COMPARE, broken=True, cache=cache)
check("the runs after it read no JSON: the same answer without the library", r.returncode == 0 and r.stdout == first.stdout,
      f"exit {r.returncode}\n{r.stderr}")
os.utime(os.path.join(capture, "capture.json"), ns=(0, 0))
r = run("-c", COMPARE, broken=True, cache=cache)
check("a changed capture.json is read again (its copy no longer stands for it)", r.returncode == 2 and "apt install libsimdjson14" in r.stderr,
      f"exit {r.returncode}\n{r.stderr}")

finish()
