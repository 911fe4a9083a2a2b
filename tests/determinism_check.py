#!/usr/bin/env python3
"""The same script gives byte-identical output whatever order the data files are given in.
Usage: determinism_check.py ICQ DATA_DIR"""
import os
import subprocess
import sys

icq, data = sys.argv[1], sys.argv[2]
files = [os.path.join(data, "api", d, f) for d in ("2026-05-05", "2026-06-14") for f in ("benchmarks.json", "benchmarks-history.json")]
files += [os.path.join(data, "csv-export"), os.path.join(data, "blog-tables")]
script = ("list sources; compare precision fp4 vs fp8 on mi355x model dsr1; "
          "points on h200 model gptoss120b show framework, tp, conc, throughput, source; "
          "compare (gpu h200 precision fp8) vs (gpu b200 precision fp4) model glm5 seq 8k/1k show cost")
outputs = []
for order in (files, list(reversed(files)), files[2:] + files[:2]):
    args = [a for f in order for a in ("--data", f)]
    p = subprocess.run([icq] + args + ["-c", script], capture_output=True, env=dict(os.environ, NO_COLOR="1"))
    outputs.append((p.returncode, p.stdout, p.stderr))
if any(o != outputs[0] for o in outputs[1:]):
    for i, o in enumerate(outputs):
        print(f"--- order {i}: exit {o[0]}\n{o[1].decode()[:2000]}\n{o[2].decode()[:1000]}")
    sys.exit("outputs differ with the order of the data files")
print(f"identical output for {len(outputs)} orders of {len(files)} data paths ({len(outputs[0][1])} bytes)")
