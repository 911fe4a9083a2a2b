#!/usr/bin/env python3
"""examples/README.md shows every script of examples/ with the output icq gives for it. This runs
each script with the icq under test (as the golden tests run it) and checks that the page's marked
section is exactly the scripts and their output, or rewrites the section (--update).
Usage: readme_examples.py ROOT --icq ICQ --data-dir DATA_DIR [--update]"""
import argparse
import difflib
import glob
import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import run_golden  # noqa: E402  (the golden runner: same command line, environment and {data} paths)

START, END = "<!-- examples:start -->", "<!-- examples:end -->"
PAGE = os.path.join("examples", "README.md")


def section(root, icq, data_dir):
    parts = [START, ""]
    for path in sorted(glob.glob(os.path.join(root, "examples", "*.icq"))):
        name = os.path.basename(path)
        script = open(path, encoding="utf-8").read()
        got = run_golden.run(path, icq, data_dir)  # "exit: N\n--- stdout\n…--- stderr\n…" (after the exit code)
        got = got[-1] if isinstance(got, tuple) else got
        stdout = got.split("--- stdout\n", 1)[1].rsplit("--- stderr\n", 1)[0]
        parts += [f"## `{name}`", "", "```", script.rstrip("\n"), "```", "", "```", stdout.rstrip("\n"), "```", ""]
    parts.append(END)
    return "\n".join(parts)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("root")
    ap.add_argument("--icq", required=True)
    ap.add_argument("--data-dir", required=True)
    ap.add_argument("--update", action="store_true")
    a = ap.parse_args()
    page_path = os.path.join(a.root, PAGE)
    page = open(page_path, encoding="utf-8").read()
    m = re.search(re.escape(START) + ".*?" + re.escape(END), page, re.S)
    if not m:
        sys.exit(f"{PAGE} has no examples section markers")
    want = section(a.root, os.path.abspath(a.icq), os.path.realpath(a.data_dir))
    if a.update:
        open(page_path, "w", encoding="utf-8").write(page[: m.start()] + want + page[m.end():])
        print(f"{PAGE}: examples section rewritten")
        return 0
    if m.group(0) != want:
        print(f"{PAGE} does not show examples/ and their output as icq gives it now; review, then run")
        print(f"  tests/readme_examples.py . --icq ICQ --data-dir data/inferencex --update")
        sys.stdout.writelines(difflib.unified_diff(m.group(0).splitlines(True), want.splitlines(True), PAGE, "icq now"))
        return 1
    print(f"{PAGE} shows every example and the output icq gives for it")
    return 0


if __name__ == "__main__":
    sys.exit(main())
