#!/usr/bin/env python3
"""README's "Examples" section shows every script of examples/ with its output. This checks that
the section matches examples/*.icq and their expected output, or rewrites it (--update).
Usage: readme_examples.py ROOT [--update]"""
import glob
import os
import re
import sys

START, END = "<!-- examples:start -->", "<!-- examples:end -->"


def section(root):
    parts = [START, ""]
    for path in sorted(glob.glob(os.path.join(root, "examples", "*.icq"))):
        name = os.path.basename(path)
        script = open(path, encoding="utf-8").read()
        expected = open(path + ".expected", encoding="utf-8").read()
        stdout = expected.split("--- stdout\n", 1)[1].split("--- stderr\n", 1)[0]
        parts += [f"#### `examples/{name}`", "", "```", script.rstrip("\n"), "```", "", "```", stdout.rstrip("\n"), "```", ""]
    parts.append(END)
    return "\n".join(parts)


def main():
    root = sys.argv[1]
    readme_path = os.path.join(root, "README.md")
    readme = open(readme_path, encoding="utf-8").read()
    m = re.search(re.escape(START) + ".*?" + re.escape(END), readme, re.S)
    if not m:
        sys.exit("README.md has no examples section markers")
    want = section(root)
    if "--update" in sys.argv:
        open(readme_path, "w", encoding="utf-8").write(readme[: m.start()] + want + readme[m.end():])
        print("README examples section rewritten")
        return 0
    if m.group(0) != want:
        print("README's examples section is out of date: run tests/readme_examples.py . --update")
        return 1
    print("README examples match examples/")
    return 0


if __name__ == "__main__":
    sys.exit(main())
