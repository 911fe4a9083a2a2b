#!/usr/bin/env python3
"""examples/: every script piped twice gives byte-identical output, and `explain` of every
statement in it shows row counts that add up. Usage: examples_check.py ICQ EXAMPLES_DIR"""
import glob
import json
import re
import os
import shlex
import subprocess
import sys

EXPLAINABLE = ("compare", "rank", "crossover", "frontier", "points", "trend", "accuracy")


def run(icq, args, stdin=None):
    return subprocess.run([icq] + args, input=stdin, capture_output=True, env=dict(os.environ, NO_COLOR="1"))


def check_counts(statement, plan):
    """Each count includes the next: loaded >= on matching lines >= run date >= where = used + no-x >= frontier."""
    problems = []
    steps = {row[0].strip(): row[1:] for row in plan["rows"]}
    for i, column in enumerate(plan["columns"][1:]):
        get = lambda name: steps[name][i]
        loaded, lines_loaded = get("1. rows loaded"), get("lines loaded")
        lines, on_lines = get("2. lines matching the filters"), get("rows on those lines")
        dated, passing = get("3. rows of the chosen run date per line"), get("4. rows passing where")
        no_x, used = get("of which without interactivity"), get("5. rows used")
        ok = loaded >= on_lines >= dated >= passing and passing == used + no_x and lines_loaded >= lines
        if "6. frontier points" in steps:
            ok = ok and 0 <= get("6. frontier points") <= used and (used == 0 or get("6. frontier points") >= 1)
        if not ok:
            problems.append(f"{statement!r} [{column['name']}]: counts do not add up: {[steps[k][i] for k in steps]}")
    return problems


def main():
    icq, folder = sys.argv[1], sys.argv[2]
    problems = []
    for path in sorted(glob.glob(os.path.join(folder, "*.icq"))):
        text = open(path, "rb").read()
        # A first line `-- args: --data {data}/api-partial …` names the data the script reads.
        head = text.decode().splitlines()[0] if text else ""
        data_args = []
        if head.startswith("-- args:"):
            words = shlex.split(head[len("-- args:"):].replace("{data}", os.environ.get("ICQ_DATA_DIR", "")))
            data_args = [a for i, w in enumerate(words) if w == "--data" for a in ("--data", words[i + 1])]
        first, second = run(icq, data_args + ["-"], text), run(icq, data_args + ["-"], text)
        if first.stdout != second.stdout or first.stderr != second.stderr or first.returncode != second.returncode:
            problems.append(f"{path}: two runs differ")
        lines = [l.strip() for l in text.decode().splitlines()]
        params = {}
        for line in lines:
            if line.startswith("param "):
                name, value = line[len("param "):].split("=", 1)
                params[name.strip()] = value.strip()
        explained = 0
        for line in lines:
            if not line.startswith(EXPLAINABLE):
                continue
            # Only the parameters the line uses: -D of one a run neither declares nor uses is an error.
            args = data_args + [a for k, v in params.items() if re.search(r"\$" + re.escape(k) + r"\b", line) for a in ("-D", f"{k}={v}")]
            out = run(icq, args + ["--format", "json", "-c", "explain " + line])
            if out.returncode != 0:
                problems.append(f"{path}: explain {line!r} failed: {out.stderr.decode()}")
                continue
            plan = json.loads(out.stdout)[0]["tables"][0]  # one array per run
            problems += check_counts(line, plan)
            explained += 1
        print(f"{os.path.basename(path)}: identical twice, {explained} statements explained")
    for p in problems:
        print("FAIL", p)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
