#!/usr/bin/env python3
"""README's CLI section says how to split a run's CSV into one file per result (the results follow
each other, each opened by `#` comment lines). This runs that very command line on a run of
several statements of every shape (with and without data, with verdicts and notes, a session
statement) and checks one file per result, each opened by its own statement.
Usage: csv_split_check.py ICQ ROOT"""
import os
import re
import subprocess
import sys
import tempfile

STATEMENTS = [
    "list vendors",
    "set price mi355x 1.80",
    "compare precision fp4 vs fp8 on mi355x model dsr1 seq 1k/1k at 50 show cost",
    "help rank",
    "rank gpu by cost at 50 model dsr1 precision fp8 seq 8k/1k",
]


def main():
    icq, root = os.path.abspath(sys.argv[1]), sys.argv[2]
    readme = open(os.path.join(root, "README.md"), encoding="utf-8").read()
    lines = [l for b in re.findall(r"```sh\n(.*?)```", readme, re.S) for l in b.splitlines() if "--format csv" in l and "awk" in l]
    if len(lines) != 1:
        sys.exit(f"README should show one command that splits a run's CSV, found {len(lines)}")
    command = lines[0].replace("icq ", icq + " --no-cache ", 1)
    with tempfile.TemporaryDirectory() as tmp:
        with open(os.path.join(tmp, "report.icq"), "w", encoding="utf-8") as f:
            f.write("\n".join(STATEMENTS) + "\n")
        subprocess.run(command, shell=True, cwd=tmp, check=True, env=dict(os.environ, NO_COLOR="1"))
        files = sorted((f for f in os.listdir(tmp) if f.endswith(".csv")), key=lambda n: int(re.sub(r"\D", "", n) or 0))
        problems = []
        if len(files) != len(STATEMENTS):
            problems.append(f"{len(files)} files for {len(STATEMENTS)} results: {files}")
        for name, statement in zip(files, STATEMENTS):
            text = open(os.path.join(tmp, name), encoding="utf-8").read()
            heads = [l for l in text.splitlines() if l.startswith("# ") and not l.startswith(("# data: ", "# verdict: ", "# note: "))]
            if not heads or not heads[0].startswith("# " + statement.split()[0]):
                problems.append(f"{name} does not open with `{statement}`: {text[:200]!r}")
    if problems:
        sys.exit("\n".join(problems))
    print(f"README's CSV split: {len(STATEMENTS)} results, one file each")


if __name__ == "__main__":
    main()
