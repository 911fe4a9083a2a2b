#!/usr/bin/env python3
"""Fidelity: icq reproduces a published dashboard page, number for number and word for word.

    check_seeds.py PATH/TO/icq DATA_DIR SEEDS_DIR

The seed page "B200: FP4 vs FP8" (Qwen 3.5 397B-A17B, 1k/1k; SEEDS_DIR/004_*.txt, a copy of
../shared/seeds) predates
2026-08-12, so it is reproduced with the method of its date (`using dashboard 2026-07-15`: 2026-04
prices, splined costs, "tok/s/GPU") on the real rows of DATA_DIR/api-partial/.
Checked at 95 and 159 tok/s/user (the page's third target, 223, lies where that partial capture
misses rows): every cell of the page's table in the page's roundings, both verdict percentages in
icq's own sentences, the page's paragraph at 95 verbatim in `--format page`, and the URL of the page.
The other four seeds are not reproducible from the built-in data (docs/SEMANTICS.md §8).

Exit 0 when everything agrees, 1 otherwise (every difference printed).
"""
from __future__ import annotations

import glob
import json
import os
import subprocess
import sys

QUERY = ("compare precision fp4 vs fp8 on b200 model qwen3.5 seq 1k/1k at interactivity 95, 159 "
         "using dashboard 2026-07-15")
TARGETS = [95, 159]


def run(icq: str, data: str, fmt: str) -> str:
    p = subprocess.run([icq, "--data", data, "--format", fmt, "-c", QUERY], capture_output=True, text=True, timeout=60)
    if p.returncode != 0:
        raise SystemExit(f"icq exit {p.returncode}: {p.stderr}")
    return p.stdout


def seed_text(seeds: str) -> str:
    (path,) = glob.glob(os.path.join(seeds, "004_*.txt"))
    with open(path, encoding="utf-8") as f:
        return f.read()


def seed_table(text: str) -> dict[str, list[str]]:
    """Row label -> cells of the page's table ("FP4:5844.9FP8:1930.9"), one per target."""
    rows = {}
    for line in text.splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) >= 2 and cells[1].startswith("FP4:"):
            rows[cells[0]] = cells[1:]
    return rows


def js_fixed(v: float, digits: int) -> str:
    """Number.prototype.toFixed for the magnitudes on the page (exact binary value, ties up)."""
    from decimal import Decimal, ROUND_HALF_UP
    return str(Decimal(v).quantize(Decimal(1).scaleb(-digits), rounding=ROUND_HALF_UP))


def main(argv: list[str]) -> int:
    if len(argv) != 4:
        print(__doc__)
        return 2
    icq, data_dir, seeds = argv[1], argv[2], argv[3]
    data = os.path.join(data_dir, "api-partial")
    seed = seed_text(seeds)
    table = seed_table(seed)
    problems: list[str] = []

    # 1. icq's own numbers (JSON, full precision) in the page's roundings, cell by cell.
    j = json.loads(run(icq, data, "json"))[0]  # one array per run
    by_target = {t["interactivity"]: {v["side"]: v for v in t["values"]} for t in j["targets"]}
    fmt = {
        "Throughput (tok/s/gpu)": lambda v: js_fixed(v["throughput"], 1),
        "Cost ($/M tok)": lambda v: "$" + js_fixed(v["cost"], 3),
        "tok/s/MW": lambda v: js_fixed(v["tokens_per_mw"], 0),
        "Concurrency": lambda v: "~" + str(v["concurrency"]),
    }
    for label, cell_of in fmt.items():
        for k, t in enumerate(TARGETS):
            sides = by_target.get(t)
            if not sides:
                problems.append(f"no values at {t}")
                continue
            got = f"FP4:{cell_of(sides['fp4'])}FP8:{cell_of(sides['fp8'])}"
            want = table[label][k]
            if got != want:
                problems.append(f"{label} at {t}: icq {got}, page {want}")

    # 2. Both verdict percentages at each target, in icq's own sentences.
    want_verdicts = {95: "FP4 is 206% cheaper per token; FP4 delivers 203% more tok/s/GPU",
                     159: "FP4 is 149% cheaper per token; FP4 delivers 150% more tok/s/GPU"}
    for t, v in want_verdicts.items():
        if v not in seed:
            problems.append(f"the seed itself lacks '{v}' (wrong seed file?)")
        sentence = next((s for s in j["summary"] if f"at {t} tok/s/user" in s), "")
        if v not in sentence:
            problems.append(f"verdict at {t}: icq says {sentence!r}, the page {v!r}")

    # 3. The page's paragraph at 95, verbatim, and its table and URL, in --format page.
    page = run(icq, data, "page")
    paragraph = ("Throughput at 95 tok/s/user on Qwen 3.5 397B-A17B (B200): FP4 hits 5845 tok/s/GPU, FP8 hits 1931. "
                 "Per-million costs land at $0.09 and $0.28 respectively. FP4 is 206% cheaper per token; FP4 delivers "
                 "203% more tok/s/GPU. The cost-throughput tradeoff from lower precision is only part of the picture — "
                 "see the evaluation page for accuracy data.")
    if paragraph not in seed:
        problems.append("the seed itself lacks the paragraph at 95 (wrong seed file?)")
    if paragraph + "\n" not in page.split("\n\n", 2)[1] + "\n":
        problems.append(f"paragraph at 95 differs:\n  icq:  {page.split(chr(10) + chr(10))[1]!r}\n  page: {paragraph!r}")
    for label in fmt:
        row = f"| {label} | {' | '.join(table[label][:2])} |"
        if row not in page:
            problems.append(f"--format page lacks the table row {row!r}")
    url = "https://inferencex.semianalysis.com/compare-precision/qwen-3-5-b200-fp4-vs-fp8?i_seq=1k%2F1k"
    if url not in page or not any(url in n for n in j["notes"]):
        problems.append(f"the page's URL {url} is missing from --format page or the notes")

    for p in problems:
        print("FAIL", p)
    checks = len(fmt) * len(TARGETS) + len(want_verdicts) + 2 + len(fmt)
    print(f"{checks - len(problems)} passed, {len(problems)} failed")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
