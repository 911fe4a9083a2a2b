#!/usr/bin/env python3
"""Runs an example notebook headless in a real Jupyter kernel (nbclient, ipykernel's python3
kernel of this interpreter, importing icq from PYTHONPATH) and checks what it shows: no errors,
the `%%icq` cell's inline HTML with its SVG chart, a DataFrame, and the pandas pivot.

Usage: run_notebook.py NOTEBOOK [--update]
--update writes the fresh outputs into the notebook (review the diff before committing it)."""
import argparse
import os
import sys
import tempfile

import nbclient
import nbformat


def html_of(cell):
    return "".join(
        "".join(o.get("data", {}).get("text/html", "")) for o in cell.get("outputs", []) if o.get("output_type") in ("execute_result", "display_data")
    )


def text_of(cell):
    out = []
    for o in cell.get("outputs", []):
        if o.get("output_type") == "stream":
            out.append("".join(o.get("text", "")))
        out.append("".join(o.get("data", {}).get("text/plain", "")))
    return "".join(out)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("notebook")
    ap.add_argument("--update", action="store_true")
    args = ap.parse_args()
    nb = nbformat.read(args.notebook, as_version=4)
    with tempfile.TemporaryDirectory() as work:
        client = nbclient.NotebookClient(nb, timeout=600, kernel_name="python3", resources={"metadata": {"path": work}})
        client.execute()

    failures = []
    code = [c for c in nb.cells if c.cell_type == "code"]
    for i, c in enumerate(code):
        for o in c.get("outputs", []):
            if o.get("output_type") == "error" or (o.get("output_type") == "stream" and o.get("name") == "stderr"):
                failures.append(f"cell {i}: {o.get('ename', 'stderr')}: {o.get('evalue', o.get('text', ''))}")

    magic = [c for c in code if c.source.lstrip().startswith("%%icq")]
    if not magic:
        failures.append("no %%icq cell")
    for c in magic:
        h = html_of(c)
        if 'class="icq-report"' not in h or "<svg" not in h:
            failures.append(f"the %%icq cell {c.source.splitlines()[0]!r} shows no inline report with its SVG chart")
        if "attribution required" not in h:
            failures.append("the inline report lacks the InferenceX attribution")
    frames = [c for c in code if 'class="dataframe' in html_of(c)]
    if not frames:
        failures.append("no cell shows a DataFrame")
    pivots = [c for c in code if ".pivot" in c.source]
    if not pivots:
        failures.append("no pivot cell")
    for c in pivots:
        if 'class="dataframe' not in html_of(c):
            failures.append("the pivot cell shows no DataFrame")
    checks = [c for c in code if "assert " in c.source]
    if not checks:
        failures.append("the notebook checks nothing of its own numbers")

    print(f"{args.notebook}: {len(code)} code cells ran; {len(magic)} %%icq, {len(frames)} showing a DataFrame, {len(pivots)} pivots")
    for f in failures:
        print("FAIL:", f)
    if args.update and not failures:
        for c in code:  # stable outputs: no execution counts' run-to-run noise
            c.execution_count = None
            for o in c.get("outputs", []):
                if "execution_count" in o:
                    o["execution_count"] = None
        nb.metadata.pop("widgets", None)
        nbformat.write(nb, args.notebook)
        print("updated", args.notebook)
    return 1 if failures else 0


if __name__ == "__main__":
    os.environ.setdefault("PYDEVD_DISABLE_FILE_VALIDATION", "1")
    sys.exit(main())
