#!/usr/bin/env python3
"""The page of a query in a real browser: headless Chromium loads http://127.0.0.1:PORT/?q=QUERY from
icq serve. The DOM it builds holds the query in the box, the chart (as many frontier paths and
target markers as the query's own SVG), verdicts and notes, and the completion buttons the page's
script asked /complete.json for; the server's log shows the browser asking for the script and
the completions. A screenshot is a PNG with the chart's palette colours in it. A query error's
page shows the caret. The server is stopped by its PID.

usage: test_chromium.py ICQ     (exit 77: skipped, no chromium)
"""
import html
import importlib.util
import os
import re
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from serve_util import Checks, Server  # noqa: E402

# The PNG decoder of the charts' browser test.
_spec = importlib.util.spec_from_file_location("chart_chromium", os.path.join(HERE, "..", "charts", "chromium_test.py"))
chart_chromium = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(chart_chromium)

ICQ = os.path.abspath(sys.argv[1])
SKIP = 77
COMPARE = "compare precision fp4 vs fp8 on mi355x model dsr1 seq 1k/1k"
check = Checks()


def chromium(exe, profile, *args):
    cmd = [exe, "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run", "--hide-scrollbars",
           "--disable-background-networking", "--virtual-time-budget=10000", f"--user-data-dir={profile}", *args]
    return subprocess.run(cmd, capture_output=True, timeout=120)


def main():
    exe = chart_chromium.browser()
    if not exe:
        print("SKIP: no chromium (Debian package `chromium`, installed by .ci/install-deps)")
        return SKIP
    with Server(ICQ) as s, tempfile.TemporaryDirectory() as tmp:
        _, _, svg = s.get("/query.svg", q=COMPARE)
        want_paths, want_markers = svg.count(b'class="frontier"'), svg.count(b"target-marker")
        dom = chromium(exe, os.path.join(tmp, "p1"), "--dump-dom", s.url("/", q=COMPARE)).stdout.decode("utf-8", "replace")
        box = re.search(r'<textarea id="q"[^>]*>(.*?)</textarea>', dom, re.S)
        check("the box holds the query", box and html.unescape(box.group(1)) == COMPARE, dom[:500])
        check("one chart, with the query's %d frontier paths and %d target markers" % (want_paths, want_markers),
              dom.count('class="icq-chart"') == 1 and dom.count('class="frontier"') == want_paths and
              dom.count("target-marker") == want_markers and want_paths >= 2, (dom.count('class="frontier"'), dom.count("target-marker")))
        check("verdicts and notes", "<h3>Verdicts</h3>" in dom and "<h3>Notes</h3>" in dom)
        words = re.findall(r'<button type="button">([^<]*)</button>', dom.split('id="completions"', 1)[-1].split("</form>")[0])
        check("completion buttons from /complete.json: %s" % words[:5], words == ["1k/1k"], dom[dom.find("completions") - 100:][:400])
        shot = os.path.join(tmp, "shot.png")
        chromium(exe, os.path.join(tmp, "p2"), f"--screenshot={shot}", "--window-size=1100,1400", s.url("/", q=COMPARE))
        if check("a screenshot", os.path.exists(shot)):
            w, h, colours, non_white = chart_chromium.png_pixels(shot)
            palette = {bytes.fromhex("0072B2"): "blue", bytes.fromhex("E69F00"): "orange"}
            missing = [n for c, n in palette.items() if c not in colours]
            check("the screenshot (%dx%d) shows the chart: %d colours, the sides' blue and orange" % (w, h, len(colours)),
                  len(colours) >= 16 and non_white >= w * h // 50 and not missing, "missing %s" % missing)
        dom = chromium(exe, os.path.join(tmp, "p3"), "--dump-dom", s.url("/", q="compare precision fp9 vs fp8")).stdout.decode("utf-8", "replace")
        err = re.search(r'<pre class="diagnostic">(.*?)</pre>', dom, re.S)
        check("a query error: the page shows the caret", err and "query:1:19: error: unknown precision 'fp9'" in html.unescape(err.group(1))
              and "^~~" in err.group(1), dom[:600])
        s.stop()
        asked = [line.split(" ")[3] for line in s.request_lines()]
        check("the browser asked for the page, its script and the completions",
              any(a.startswith("/?q=compare") for a in asked) and "/page.js" in asked and
              any(a.startswith("/complete.json?q=compare") for a in asked), asked)
    return check.done()


if __name__ == "__main__":
    sys.exit(main())
