#!/usr/bin/env python3
"""The HTML report in a real browser: `icq SCRIPT --format html` opened in headless Chromium.
Through the DOM (a probe script added to a copy of the page; the page itself has none), each chart
of each compare has one frontier path per side and panel (and one dashed path of its wide gaps), with a length (it was laid out as SVG),
and one visible marker per reachable target, as `--format json` of the same script says; a
screenshot of the page is a PNG with the palette's colours in it, not a blank page.

usage: chromium_test.py ICQ SCRIPT.icq     (exit 77: skipped, no chromium)
"""
import html
import json
import os
import re
import shutil
import struct
import subprocess
import sys
import tempfile
import zlib

SKIP = 77


def browser():
    for name in ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable"):
        if shutil.which(name):
            return shutil.which(name)
    return None


PROBE = """<script>
const out = [];
document.querySelectorAll('svg.icq-chart').forEach((svg, chart) => {
  svg.querySelectorAll('g.panel').forEach((panel) => {
    panel.querySelectorAll('g.series').forEach((g) => {
      const paths = [...g.querySelectorAll('path.frontier, path.gap')];  // a wide gap's segments are dashed apart
      const markers = [...g.querySelectorAll('.target-marker')];
      out.push({chart, metric: panel.getAttribute('data-metric'), side: g.getAttribute('data-side'), paths: paths.length,
                length: paths.length ? Math.min(...paths.map((p) => p.getTotalLength())) : 0,
                markers: markers.length,
                visible: markers.filter((m) => { const b = m.getBBox(); return b.width > 0 && b.height > 0; }).length});
    });
  });
});
const pre = document.createElement('pre');
pre.id = 'probe';
pre.textContent = JSON.stringify(out);
document.body.appendChild(pre);
</script>
"""


def chromium(exe, profile, *args):
    cmd = [exe, "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run", "--hide-scrollbars",
           f"--user-data-dir={profile}", *args]
    return subprocess.run(cmd, capture_output=True, timeout=120)


def png_pixels(path):
    """(width, height, set of RGB colours) of an 8-bit RGB/RGBA PNG, decoded with zlib."""
    with open(path, "rb") as f:
        data = f.read()
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    pos, idat, ihdr = 8, b"", None
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + length]
        if kind == b"IHDR":
            ihdr = struct.unpack(">IIBBBBB", body)
        elif kind == b"IDAT":
            idat += body
        pos += 12 + length
    w, h, depth, ctype = ihdr[:4]
    assert depth == 8 and ctype in (2, 6), f"PNG depth {depth} colour type {ctype}"
    bpp = 3 if ctype == 2 else 4
    raw = zlib.decompress(idat)
    stride = w * bpp
    prev = bytearray(stride)
    colours, non_white = set(), 0
    for y in range(h):
        ft = raw[y * (stride + 1)]
        line = bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
        for i in range(stride):
            a = line[i - bpp] if i >= bpp else 0
            b = prev[i]
            c = prev[i - bpp] if i >= bpp else 0
            if ft == 1:
                line[i] = (line[i] + a) & 255
            elif ft == 2:
                line[i] = (line[i] + b) & 255
            elif ft == 3:
                line[i] = (line[i] + (a + b) // 2) & 255
            elif ft == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[i] = (line[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
        for x in range(0, stride, bpp):
            rgb = bytes(line[x:x + 3])
            colours.add(rgb)
            non_white += rgb != b"\xff\xff\xff"
        prev = line
    return w, h, colours, non_white


def main():
    icq, script = sys.argv[1], sys.argv[2]
    exe = browser()
    if not exe:
        print("SKIP: no chromium (Debian package `chromium`, installed by .ci/install-deps)")
        return SKIP
    env = dict(os.environ, NO_COLOR="1")
    page = subprocess.run([icq, "--no-cache", script, "--format", "html"], capture_output=True, env=env, check=True).stdout.decode()
    results = json.loads(subprocess.run([icq, "--no-cache", script, "--format", "json"], capture_output=True, env=env, check=True).stdout)
    expected = []  # (chart, metric, side display, reachable targets) in page order
    chart = 0
    for r in results:
        if r.get("kind") != "compare":
            continue
        metrics = [k for k in r["targets"][0]["values"][0] if k not in ("side", "status", "evidence", "deployable", "noise")]
        for key in metrics:
            for si, side in enumerate(r["sides"]):
                reach = sum(1 for t in r["targets"] if t["values"][si]["status"] != "out_of_range" and t["values"][si][key] is not None)
                expected.append((chart, key, side["label"].lower(), reach))
        chart += 1
    failures = []
    with tempfile.TemporaryDirectory() as tmp:
        report = os.path.join(tmp, "r.html")
        with open(report, "w", encoding="utf-8") as f:
            f.write(page)
        probe = os.path.join(tmp, "probe.html")
        with open(probe, "w", encoding="utf-8") as f:
            f.write(page.replace("</body>", PROBE + "</body>"))
        dom = chromium(exe, os.path.join(tmp, "profile1"), "--dump-dom", "file://" + probe)
        m = re.search(r'<pre id="probe">(.*?)</pre>', dom.stdout.decode("utf-8", "replace"), re.S)
        if not m:
            print("chromium gave no probe output:", dom.stderr.decode()[-2000:])
            return 1
        seen = json.loads(html.unescape(m.group(1)))
        got = [(s["chart"], s["metric"], s["side"].lower(), s["markers"]) for s in seen]
        if got != expected:
            failures.append(f"series in the DOM {got}\n  expected {expected}")
        for s in seen:
            if not 1 <= s["paths"] <= 2 or not s["length"] > 0:
                failures.append(f"chart {s['chart']} {s['metric']} {s['side']}: {s['paths']} frontier and gap paths, length {s['length']}")
            if s["visible"] != s["markers"]:
                failures.append(f"chart {s['chart']} {s['metric']} {s['side']}: {s['visible']} of {s['markers']} markers laid out")
        shot = os.path.join(tmp, "shot.png")
        chromium(exe, os.path.join(tmp, "profile2"), f"--screenshot={shot}", "--window-size=1100,1400", "file://" + report)
        if not os.path.exists(shot):
            print("chromium wrote no screenshot")
            return 1
        w, h, colours, non_white = png_pixels(shot)
        palette = {bytes.fromhex("0072B2"): "blue", bytes.fromhex("E69F00"): "orange"}
        missing = [n for c, n in palette.items() if c not in colours]
        if len(colours) < 16 or non_white < w * h // 50 or missing:
            failures.append(f"screenshot {w}x{h}: {len(colours)} colours, {non_white} non-white pixels, palette colours missing: {missing}")
    if failures:
        print("\n".join(failures))
        return 1
    print(f"chromium: {len(seen)} series (one frontier path each, {sum(s['markers'] for s in seen)} target markers laid out), "
          f"screenshot {w}x{h} with {len(colours)} colours")
    return 0


if __name__ == "__main__":
    sys.exit(main())
