#!/usr/bin/env python3
"""Lays out a cache of `icq fetch` over generated files, for the benchmark of a run that reads a large
cache through its snapshot: CACHE/captures/2031-01-01/ holds each FILE (symlinked, named as a history
endpoint) and a capture.json that lists them with their row counts. The first icq run over it
writes the snapshot (icq.snapshot); later runs read it. Nothing here touches the network.
usage: make_cache.py CACHE FILE..."""
import datetime
import json
import os
import shutil
import sys

cache, files = sys.argv[1], sys.argv[2:]
capture = os.path.join(cache, "captures", "2031-01-01")
shutil.rmtree(cache, ignore_errors=True)
os.makedirs(capture)
endpoints = []
for i, path in enumerate(files, 1):
    name = f"benchmarks-history-synthetic-{i:04d}.json"
    os.symlink(os.path.abspath(path), os.path.join(capture, name))
    with open(path, "rb") as fh:  # one record per line between "[" and "]" (bench/gen_history.py)
        rows = sum(chunk.count(b"\n") for chunk in iter(lambda: fh.read(1 << 24), b"")) - 1
    endpoints.append({"file": name, "path": f"synthetic://gen_history/{i}", "bytes": os.path.getsize(path), "sha256": "", "rows": rows})
manifest = {"api": "synthetic://gen_history", "fetched_at": datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ"),
            "icq": "bench", "model_list": "availability", "complete": True, "models": [], "endpoints": endpoints}
with open(os.path.join(capture, "capture.json"), "w", encoding="utf-8") as fh:
    json.dump(manifest, fh, indent=2)
print(json.dumps({"cache": cache, "rows": sum(e["rows"] for e in endpoints), "files": len(endpoints)}))
