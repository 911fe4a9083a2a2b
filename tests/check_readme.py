#!/usr/bin/env python3
"""The README opens with two commands (set up + run; set up + test) and .ci/run runs the second."""
import re
import sys

root = sys.argv[1]
readme = open(f"{root}/README.md", encoding="utf-8").read()
block = re.search(r"```sh\n(.*?)```", readme, re.S)
if not block:
    sys.exit("README has no ```sh block")
commands = [l for l in block.group(1).splitlines() if l.strip() and not l.startswith("#")]
if len(commands) != 2:
    sys.exit(f"README's quick start should hold exactly two commands, found {len(commands)}")
if readme.find("```sh") > readme.find("\n## "):
    sys.exit("the quick start block must open the README, before the first section")
ci = [l for l in open(f"{root}/.ci/run", encoding="utf-8").read().splitlines() if l.strip() and not l.startswith("#")]
if commands[1] not in ci:
    sys.exit(f".ci/run does not run the README's test command: {commands[1]!r}")
if "icq -c" not in commands[0]:
    sys.exit("the first command should run icq on the built-in data")
gate = open(f"{root}/examples/embed/gate.cpp", encoding="utf-8").read().rstrip("\n")
if gate not in readme:
    sys.exit("README's Embedding section does not show examples/embed/gate.cpp as it is")
print("README quick start and .ci/run agree; the embedding program is the one the tests build")
