#!/usr/bin/env python3
"""Golden test runner for icq.

A case is a file with its expected result beside it (same name + ".expected"):
  golden/NAME.icq   a script; icq runs it as `icq [ARGS] NAME.icq`, where ARGS come from an
                    optional first line `-- args: --format json`
  cli/NAME.cmd      one command line of icq arguments (shell syntax), run in the parent of the
                    InferenceX data folder; `{data}` names that folder (relatively) and
                    `{case_dir}` is the folder of the case
A case that should fail says so in its own text (`-- expect exit: N` in a script, `# expect exit: N`
in a .cmd): any other case must exit 0, whatever its expected file says, so an error that cuts a
script short cannot be recorded as the expected result.
The expected file holds the exit code, stdout and stderr:
  exit: 1
  --- stdout
  ...
  --- stderr
  ...
Run with --update to (re)write the expected files from the current output; review the diff.
"""
import argparse
import difflib
import os
import shlex
import subprocess
import sys


def command_for(case, icq, data_dir):
    case_dir = os.path.dirname(os.path.abspath(case))
    if case.endswith(".icq"):
        with open(case, encoding="utf-8") as f:
            first = f.readline()
        args = []
        if first.startswith("-- args:"):
            args = shlex.split(first[len("-- args:"):].replace("{data}", data_dir))
        return [icq] + args + [os.path.basename(case)], case_dir
    with open(case, encoding="utf-8") as f:
        line = " ".join(l.strip() for l in f if l.strip() and not l.startswith("#"))
    # Run beside the data folder and name it relatively, so paths in the output (and the widths
    # of the tables that show them) are the same on every machine.
    line = line.replace("{data}", os.path.basename(data_dir)).replace("{case_dir}", case_dir)
    return [icq] + shlex.split(line), os.path.dirname(data_dir)


def declared_exit(case):
    """The exit code the case declares (`-- expect exit: N` / `# expect exit: N`), else 0."""
    marker = "-- expect exit:" if case.endswith(".icq") else "# expect exit:"
    with open(case, encoding="utf-8") as f:
        for line in f:
            if line.startswith(marker):
                return int(line[len(marker):].strip())
    return 0


def run(case, icq, data_dir):
    cmd, cwd = command_for(case, icq, data_dir)
    env = dict(os.environ, NO_COLOR="1", ICQ_HISTORY=os.devnull)
    stdin = None
    stdin_file = case.rsplit(".", 1)[0] + ".stdin"
    if os.path.exists(stdin_file):
        stdin = open(stdin_file, "rb")
    p = subprocess.run(cmd, cwd=cwd, env=env, stdin=stdin if stdin else subprocess.DEVNULL,
                       capture_output=True, timeout=120)
    out = p.stdout.decode("utf-8", "replace")
    err = p.stderr.decode("utf-8", "replace")
    # The data folder's absolute path differs between machines; expected files say {data}.
    case_dir = os.path.dirname(os.path.abspath(case))
    out = out.replace(case_dir, "{case_dir}").replace(data_dir, "{data}")
    err = err.replace(case_dir, "{case_dir}").replace(data_dir, "{data}")
    return p.returncode, f"exit: {p.returncode}\n--- stdout\n{out}--- stderr\n{err}"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--icq", required=True)
    ap.add_argument("--data-dir", required=True)
    ap.add_argument("--update", action="store_true")
    ap.add_argument("cases", nargs="+")
    a = ap.parse_args()
    failed = 0
    for case in a.cases:
        code, got = run(case, os.path.abspath(a.icq), os.path.realpath(a.data_dir))
        expected_file = case + ".expected"
        if code != declared_exit(case):
            failed += 1
            print(f"{case}: exited {code}, but the case declares exit {declared_exit(case)} "
                  f"(a failing case says `expect exit: N` in its text)")
            sys.stdout.write(got)
            continue
        if a.update:
            with open(expected_file, "w", encoding="utf-8") as f:
                f.write(got)
            print(f"updated {expected_file}")
            continue
        if not os.path.exists(expected_file):
            print(f"{case}: no {expected_file}; run with --update and review it")
            failed += 1
            continue
        with open(expected_file, encoding="utf-8") as f:
            want = f.read()
        if got != want:
            failed += 1
            print(f"{case}: output differs from {expected_file}")
            sys.stdout.writelines(difflib.unified_diff(want.splitlines(True), got.splitlines(True), "expected", "got"))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
