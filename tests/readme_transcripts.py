#!/usr/bin/env python3
"""Every transcript of icq in the documentation is what icq prints. A transcript is a fenced block
whose lines starting with `$ icq ` are commands, each followed by its output (stdout, then stderr):
every shown line must be a line of the real output, in order; a line `…` stands for lines left out,
a shown line ending in ` …` for a line cut short (the real line starts with the text before it).
A command whose output has no `…` must be shown whole. Commands run in ROOT on the built-in data,
with no cache and no colour. Usage: readme_transcripts.py ICQ ROOT FILE..."""
import os
import re
import shlex
import subprocess
import sys
import tempfile

ELIDED = "…"


def transcripts(text):
    """(line number, command, [shown output lines]) for each `$ icq` command in fenced blocks."""
    out = []
    for block in re.finditer(r"^```[a-z]*\n(.*?)^```", text, re.S | re.M):
        first_line = text.count("\n", 0, block.start()) + 2
        lines = block.group(1).splitlines()
        if not lines or not lines[0].startswith("$ icq "):
            continue
        for i, line in enumerate(lines):
            if line.startswith("$ "):
                out.append([first_line + i, line[2:], []])
            elif out:
                out[-1][2].append(line)
    return out


def matches(shown, real):
    """Whether the shown lines are the real ones (with elisions); the first line that is not, else None."""
    elided = any(s == ELIDED for s in shown)
    i = 0
    for s in shown:
        if s == ELIDED:
            continue
        cut = s.endswith(" " + ELIDED)
        want = s[: -len(ELIDED)].rstrip() if cut else s.rstrip()
        def same(r):
            return r == want or (cut and r.startswith(want + " "))
        while i < len(real) and not same(real[i]):
            if not elided:
                return s  # a whole transcript: no line may be skipped
            i += 1
        if i == len(real):
            return s
        i += 1
    if not elided and i != len(real):
        return f"(the output goes on: {real[i]!r}; end the transcript with `{ELIDED}`)"
    return None


def main():
    icq, root, files = os.path.abspath(sys.argv[1]), sys.argv[2], sys.argv[3:]
    env = dict(os.environ, NO_COLOR="1", ICQ_HISTORY=os.devnull)
    env.pop("COLUMNS", None)
    failures, checked = [], 0
    with tempfile.TemporaryDirectory() as empty:
        env["ICQ_CACHE"] = os.path.join(empty, "no-cache")
        for name in files:
            text = open(os.path.join(root, name), encoding="utf-8").read()
            found = transcripts(text)
            if not found:
                failures.append(f"{name}: no `$ icq` transcript found")
            for line_no, command, shown in found:
                words = shlex.split(command)
                if any(w in ("|", ">", "<", "&&", ";") for w in words):
                    failures.append(f"{name}:{line_no}: a transcript runs icq alone, without shell operators: {command}")
                    continue
                p = subprocess.run([icq] + words[1:], cwd=root, env=env, capture_output=True, timeout=120)
                real = (p.stdout.decode() + p.stderr.decode()).rstrip("\n").split("\n")
                while shown and not shown[-1].strip():
                    shown.pop()
                bad = matches(shown, [r.rstrip() for r in real])
                checked += 1
                if bad is not None:
                    failures.append(f"{name}:{line_no}: `{command}` does not print\n    {bad}\n  it prints:\n" +
                                    "\n".join("    " + r for r in real))
    for f in failures:
        print("FAIL", f)
    print(f"{checked} transcripts checked against icq")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
