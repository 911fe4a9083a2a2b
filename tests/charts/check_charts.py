#!/usr/bin/env python3
"""Charts of icq, checked by parsing: golden SVGs of compare, frontier, trend and points
(tests/charts/golden/*.svg, byte for byte, and their structure through xml.etree); for compare,
each frontier path evaluated from the SVG's own coordinates (its Bézier segments, the panel's axis
transforms inverted) meets the values of `--format json` of the same query at every target;
out-of-range targets are drawn absent; value labels overlap no tick label, title or other label (the
text boxes measured from font size and character count, as the writer measures them), in the goldens
and in crowded charts; `--format svg` of a run with several charts writes the last one and says so,
of a run without a chart is an error; `--output FILE.svg` writes the SVG (no file without a chart); `--output FILE.png` writes a PNG of the chart's size
(signature and IHDR), and no file when no result has a chart.

usage: check_charts.py ICQ [--update]
"""
import json
import os
import re
import struct
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

HERE = os.path.dirname(os.path.abspath(__file__))
GOLDEN = os.path.join(HERE, "golden")
NS = "{http://www.w3.org/2000/svg}"

COMPARE = "compare precision fp4 vs fp8 on mi355x model dsr1 seq 1k/1k"
CASES = {
    "compare": COMPARE,
    "compare_out_of_range": COMPARE + " at interactivity 12, 90, 200 show throughput, cost",
    "compare_three_gpus": "compare gpu b200 vs mi355x vs h200 model dsr1 precision fp8 seq 8k/1k show throughput, cost",
    "frontier": "frontier on b200 model dsr1 precision fp4 seq 1k/1k",
    "trend": "trend throughput, cost on mi355x model dsr1 precision fp8 at 40 since 2026-02-01 by framework",
    "points": "points on b200 model dsr1 precision fp4 show framework, tp, conc, interactivity, throughput order by throughput desc limit 40",
}

CROWDED = {
    "five_gpus": "compare gpu b200 vs mi355x vs h200 vs b300 vs gb200 model dsr1 precision fp8 seq 1k/1k at 40, 50, 60 show throughput, cost",
    "close_targets": COMPARE + " at interactivity 30, 32, 34, 36, 38 show throughput, cost",
    "every_gpu": "compare gpu * model dsr1 precision fp8 seq 1k/1k at 30, 45, 60 show throughput",
}

failures = []


def check(cond, what):
    if not cond:
        failures.append(what)
    return cond


def run_status(icq, *args):
    env = dict(os.environ, NO_COLOR="1")
    p = subprocess.run([icq, "--no-cache", *args], capture_output=True, env=env, timeout=120)
    return p.returncode, p.stdout.decode("utf-8"), p.stderr.decode("utf-8")


def run(icq, *args):
    code, out, err = run_status(icq, *args)
    if code != 0:
        raise SystemExit(f"icq {' '.join(args)} exited {code}: {err}")
    return out, err


def axis(panel, name):
    lo, hi = (float(v) for v in panel.get(f"data-{name}-domain").split())
    a, b = (float(v) for v in panel.get(f"data-{name}-range").split())
    log = panel.get(f"data-{name}-scale") == "log"
    import math

    def fwd(v):
        u = (math.log10(v) - math.log10(lo)) / (math.log10(hi) - math.log10(lo)) if log else (v - lo) / (hi - lo)
        return a + u * (b - a)

    def inv(px):
        u = (px - a) / (b - a)
        return 10 ** (math.log10(lo) + u * (math.log10(hi) - math.log10(lo))) if log else lo + u * (hi - lo)

    per_px = abs(hi - lo) / abs(b - a)
    return fwd, inv, per_px


def segments(d):
    """The path as ('L', p0, p1) and ('C', p0, c1, c2, p3) segments in pixels."""
    tokens = re.findall(r"[MLCHVZ]|-?[0-9.]+", d)
    segs, i, cur = [], 0, None
    while i < len(tokens):
        cmd = tokens[i]
        i += 1
        if cmd == "M":
            cur = (float(tokens[i]), float(tokens[i + 1]))
            i += 2
        elif cmd == "L":
            p = (float(tokens[i]), float(tokens[i + 1]))
            segs.append(("L", cur, p))
            cur = p
            i += 2
        elif cmd == "C":
            pts = [(float(tokens[i + k]), float(tokens[i + k + 1])) for k in (0, 2, 4)]
            segs.append(("C", cur, *pts))
            cur = pts[2]
            i += 6
        else:
            raise ValueError(f"unexpected path command {cmd}")
    return segs


def path_y_at(segs, px):
    """The path's y at pixel x (None outside it). Cubic segments are solved for t by bisection on x(t)."""
    for s in segs:
        if s[0] == "L":
            (x0, y0), (x1, y1) = s[1], s[2]
            if min(x0, x1) - 0.006 <= px <= max(x0, x1) + 0.006:  # coordinates carry two decimals
                return y0 if x1 == x0 else y0 + (y1 - y0) * (px - x0) / (x1 - x0)
        else:
            p0, c1, c2, p3 = s[1:]
            if not (p0[0] - 0.006 <= px <= p3[0] + 0.006):
                continue
            bez = lambda t, k: (1 - t) ** 3 * p0[k] + 3 * (1 - t) ** 2 * t * c1[k] + 3 * (1 - t) * t * t * c2[k] + t ** 3 * p3[k]
            lo, hi = 0.0, 1.0
            for _ in range(60):
                mid = (lo + hi) / 2
                if bez(mid, 0) < px:
                    lo = mid
                else:
                    hi = mid
            return bez((lo + hi) / 2, 1)
    return None


# Keys of a compared value that are not metrics: what stands behind it, its spread.
NOT_METRICS = ("side", "status", "evidence", "deployable", "noise")


# Text boxes as the SVG writer measures them (render/svg.cpp): 0.62 em per character, from 0.8 em
# above the baseline to 0.25 em below.
EM_WIDTH, ASCENT, DESCENT = 0.62, 0.8, 0.25


def text_box(text, size, x, baseline, anchor):
    w = len(text) * EM_WIDTH * size
    left = x if anchor == "start" else x - w / 2 if anchor == "middle" else x - w
    return (left, baseline - ASCENT * size, left + w, baseline + DESCENT * size)


def overlap(a, b):
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def check_labels(name, svg_text):
    """Value labels never overlap a tick label, a panel title, an absent marker's label or each
    other, and stay inside the plot: read from the SVG's own geometry."""
    root = ET.fromstring(svg_text)
    labels = 0
    for panel in root.findall(f"{NS}g[@class='panel']"):
        area = panel.find(f"{NS}rect[@class='plot-area']")
        top, bottom = float(area.get("y")), float(area.get("y")) + float(area.get("height"))
        fixed = []  # (what, box)
        for g in panel.findall(f"{NS}g"):
            cls = g.get("class") or ""
            if not cls.startswith("axis"):
                continue
            anchor = g.get("text-anchor")
            for t in g.findall(f"{NS}text"):
                if t.get("class") == "axis-label":
                    continue
                fixed.append((f"tick '{t.text}'", text_box(t.text, float(g.get("font-size")), float(t.get("x")), float(t.get("y")), anchor)))
        title = panel.find(f"{NS}text[@class='panel-title']")
        fixed.append(("the panel title", text_box(title.text, float(title.get("font-size")), float(title.get("x")), float(title.get("y")), "start")))
        values = []
        for g in panel.iter(NS + "g"):
            if g.get("class") != "targets":
                continue
            size = float(g.get("font-size"))
            for t in g.findall(f"{NS}text"):
                if t.get("class") == "absent-label":
                    m = re.match(r"translate\(([-\d.]+) ([-\d.]+)\) rotate\(-90\)", t.get("transform"))
                    x, y = float(m.group(1)), float(m.group(2))
                    w = len(t.text) * EM_WIDTH * size
                    fixed.append((f"'{t.text}'", (x - ASCENT * size, y - w, x + DESCENT * size, y)))
                elif t.get("class") == "value-label":
                    box = text_box(t.text, size, float(t.get("x")), float(t.get("y")), t.get("text-anchor") or "start")
                    values.append((f"label '{t.text}'", box))
        title_text = panel.get("data-title")
        for i, (what, box) in enumerate(values):
            labels += 1
            check(top <= box[1] and box[3] <= bottom, f"{name} {title_text}: {what} leaves the plot ({box[1]:.1f}..{box[3]:.1f} of {top}..{bottom})")
            for other, obox in fixed + values[:i]:
                check(not overlap(box, obox), f"{name} {title_text}: {what} overlaps {other}")
    return labels


def check_compare(name, svg_text, result):
    root = ET.fromstring(svg_text)
    check(root.tag == NS + "svg" and root.get("data-kind") == "compare", f"{name}: not a compare SVG")
    check(root.find(NS + "title").text == result["query"], f"{name}: the title is not the resolved query")
    sides = [s["label"] for s in result["sides"]]
    metrics = [k for k in result["targets"][0]["values"][0].keys() if k not in NOT_METRICS]
    panels = root.findall(f"{NS}g[@class='panel']")
    check(len(panels) == len(metrics), f"{name}: {len(panels)} panels for {len(metrics)} metrics")
    legend = [g.get("data-side") for g in root.iter(NS + "g") if g.get("class") == "legend-item"]
    # The JSON names sides by label (fp4), the chart by display (FP4): the legend is in side order.
    check([d.lower() for d in legend] == [l.lower() for l in sides], f"{name}: legend {legend} is not the sides {sides}")
    displays = legend
    footer = " ".join(t.text for t in root.find(f"{NS}g[@class='footer']"))
    check("attribution required" in footer and "prices" in footer and "run dates" in footer, f"{name}: footer lacks dates, prices or attribution")
    checked = 0
    for panel, key in zip(panels, metrics):
        check(panel.get("data-metric") == key, f"{name}: panel {panel.get('data-metric')} where {key} was expected")
        fx, _, _ = axis(panel, "x")
        fy, iy, per_px = axis(panel, "y")
        for si, (label, display) in enumerate(zip(sides, displays)):
            series = [g for g in panel.findall(f"{NS}g[@class='series']") if g.get("data-side") == display]
            if not check(len(series) == 1, f"{name} {key}: {len(series)} series for {display}"):
                continue
            g = series[0]
            # The curve: one frontier path, and one dashed path of the segments across a wide gap
            # (SEMANTICS.md §12) when it has any; together they are the whole curve.
            paths = [p for p in g.iter(NS + "path") if p.get("class") == "frontier"]
            gaps = [p for p in g.iter(NS + "path") if p.get("class") == "gap"]
            check(len(paths) <= 1 and len(gaps) <= 1 and paths + gaps, f"{name} {key} {display}: {len(paths)} frontier and {len(gaps)} gap paths")
            for gp in gaps:
                check(gp.get("stroke-dasharray"), f"{name} {key} {display}: the gap path is not dashed")
            markers = [e for e in g.iter() if e.get("class") == "target-marker"]
            absent = [e for e in g.iter() if e.get("class") == "target-absent"]
            vals = [t["values"][si] for t in result["targets"]]
            reachable = [(t["interactivity"], v[key]) for t, v in zip(result["targets"], vals) if v["status"] != "out_of_range" and v[key] is not None]
            out = [t["interactivity"] for t, v in zip(result["targets"], vals) if v["status"] == "out_of_range"]
            check(len(markers) == len(reachable), f"{name} {key} {display}: {len(markers)} markers for {len(reachable)} reachable targets")
            check(len(absent) == len(out), f"{name} {key} {display}: {len(absent)} absent markers for {len(out)} out-of-range targets")
            if not paths + gaps:
                continue
            segs = [seg for p in paths + gaps for seg in segments(p.get("d"))]
            for x, want in reachable:
                y_px = path_y_at(segs, fx(x))
                if not check(y_px is not None, f"{name} {key} {display}: the path does not reach {x}"):
                    continue
                got = iy(y_px)
                tol = per_px * 0.05 + (0.5 if key == "concurrency" else 0) + abs(want) * 1e-9
                check(abs(got - want) <= tol, f"{name} {key} {display} at {x}: the path reads {got:.6g}, the table {want:.6g} (tolerance {tol:.3g})")
                checked += 1
            for m in markers:
                mx, my = float(m.get("data-x")), float(m.get("data-y"))
                check(any(abs(mx - x) < 1e-9 and abs(my - v) <= abs(v) * 1e-12 for x, v in reachable), f"{name} {key} {display}: marker at {mx}, {my} is no table value")
    return checked


def check_frontier(name, svg_text, result):
    root = ET.fromstring(svg_text)
    check(root.get("data-kind") == "frontier", f"{name}: not a frontier SVG")
    paths = [p for p in root.iter(NS + "path") if p.get("class") == "frontier"]
    knots = [e for e in root.iter() if e.get("class") == "knot"]
    rows = table_rows(result)
    check(len(paths) == 1, f"{name}: {len(paths)} frontier paths")
    check(len(knots) == len(rows), f"{name}: {len(knots)} knots for {len(rows)} frontier points")
    titles = [k.find(NS + "title") for k in knots]
    check(all(t is not None and "framework" in t.text and "tok/s/user" in t.text for t in titles), f"{name}: a knot lacks its configuration title")
    xs = [float(k.get("data-x")) for k in knots]
    check(xs == sorted(xs), f"{name}: knots not in interactivity order")
    # The path passes through every knot.
    panel = root.find(f"{NS}g[@class='panel']")
    fx, iy, per_px = axis(panel, "x")[0], axis(panel, "y")[1], axis(panel, "y")[2]
    segs = segments(paths[0].get("d"))
    for k in knots:
        y = path_y_at(segs, fx(float(k.get("data-x"))))
        check(y is not None and abs(iy(y) - float(k.get("data-y"))) <= per_px * 0.05, f"{name}: the path misses the knot at {k.get('data-x')}")


def table_rows(result):
    t = result["tables"][0]
    names = [c["name"] for c in t["columns"]]
    return [dict(zip(names, r)) if isinstance(r, list) else r for r in t["rows"]]


def check_trend(name, svg_text, result):
    root = ET.fromstring(svg_text)
    check(root.get("data-kind") == "trend", f"{name}: not a trend SVG")
    panels = root.findall(f"{NS}g[@class='panel']")
    check(len(panels) == 2, f"{name}: {len(panels)} panels for throughput and cost")
    rows = table_rows(result)
    ok = [r for r in rows if r.get("status") == "ok"]
    groups = {r["framework"] for r in rows}
    for p in panels:
        series = p.findall(f"{NS}g[@class='series']")
        check(len(series) == len(groups), f"{name}: {len(series)} series for {len(groups)} frameworks")
        knots = [e for e in p.iter() if e.get("class") == "knot"]
        check(len(knots) == len(ok), f"{name}: {len(knots)} points for {len(ok)} run dates with a value")
        absent = [e for e in p.iter() if e.get("class") == "target-absent"]
        check(len(absent) == len(rows) - len(ok), f"{name}: {len(absent)} absent for {len(rows) - len(ok)} out-of-range dates")


def check_points(name, svg_text, result):
    root = ET.fromstring(svg_text)
    check(root.get("data-kind") == "points", f"{name}: not a points SVG")
    rows = table_rows(result)
    knots = [e for e in root.iter() if e.get("class") == "knot"]
    check(len(knots) == len(rows), f"{name}: {len(knots)} points for {len(rows)} rows")
    frameworks = {r["framework"] for r in rows}
    series = [g for g in root.iter(NS + "g") if g.get("class") == "series"]
    check(len(series) == len(frameworks), f"{name}: {len(series)} series for {len(frameworks)} frameworks")
    panel = root.find(f"{NS}g[@class='panel']")
    fx, _, px_x = axis(panel, "x")
    fy, _, _ = axis(panel, "y")
    for k in knots:
        x, y = float(k.get("data-x")), float(k.get("data-y"))
        check(any(abs(r["interactivity"] - x) < 1e-9 and abs(r["throughput"] - y) < 1e-9 for r in rows), f"{name}: point {x}, {y} is no row")


def png_size(path):
    with open(path, "rb") as f:
        head = f.read(33)
    check(head[:8] == b"\x89PNG\r\n\x1a\n", f"{path}: no PNG signature")
    length, kind = struct.unpack(">I4s", head[8:16])
    check(kind == b"IHDR" and length == 13, f"{path}: no IHDR first")
    return struct.unpack(">II", head[16:24])


def main():
    icq = sys.argv[1]
    update = "--update" in sys.argv
    os.makedirs(GOLDEN, exist_ok=True)
    checked = labels_checked = 0
    for name, query in CASES.items():
        svg_text, _ = run(icq, "--format", "svg", "-c", query)
        again, _ = run(icq, "--format", "svg", "-c", query)
        check(svg_text == again, f"{name}: two runs gave different bytes")
        golden = os.path.join(GOLDEN, name + ".svg")
        if update:
            with open(golden, "w", encoding="utf-8") as f:
                f.write(svg_text)
        elif check(os.path.exists(golden), f"{name}: no golden {golden} (run with --update)"):
            with open(golden, encoding="utf-8") as f:
                check(f.read() == svg_text, f"{name}: differs from {os.path.relpath(golden)} (review, then --update)")
        labels_checked += check_labels(name, svg_text)
        result = json.loads(run(icq, "--format", "json", "-c", query)[0])[0]  # one array per run
        kind = result["kind"]
        if kind == "compare":
            checked += check_compare(name, svg_text, result)
        elif kind == "frontier":
            check_frontier(name, svg_text, result)
        elif kind == "trend":
            check_trend(name, svg_text, result)
        else:
            check_points(name, svg_text, result)
    check(checked >= 24, f"only {checked} path values checked")

    # Crowded charts (not golden): many sides, close targets; every value label still finds a place.
    for name, query in CROWDED.items():
        labels_checked += check_labels(name, run(icq, "--format", "svg", "-c", query)[0])
    check(labels_checked >= 100, f"only {labels_checked} value labels checked for overlaps")

    # Several charts in one run: svg writes the last and says so on stderr.
    out, err = run(icq, "--format", "svg", "-c", "list gpus", "-c", CASES["frontier"], "-c", CASES["compare"])
    check("writes one chart" in err, "svg of several charts: no note on stderr")
    check(ET.fromstring(out).get("data-kind") == "compare", "svg of several charts: not the last chart")
    # A chart asked for that no result can draw: an error naming the statement, nothing written, exit 2.
    code, out, err = run_status(icq, "--format", "svg", "-c", "list gpus")
    check(code == 2 and out == "" and "cannot write the SVG: `list gpus` is a list, which has no chart" in err,
          f"svg without a chart: exit {code}, {len(out)} bytes, {err}")

    # --output FILE.png: the PNG of the chart, at twice the SVG's size; the table still prints.
    with tempfile.TemporaryDirectory() as tmp:
        png = os.path.join(tmp, "c.png")
        out, _ = run(icq, "--output", png, "-c", COMPARE)
        check("Throughput (tok/s/GPU)" in out, "--output c.png: the table no longer prints")
        root = ET.fromstring(run(icq, "--format", "svg", "-c", COMPARE)[0])
        w, h = png_size(png)
        check((w, h) == (2 * round(float(root.get("width"))), 2 * round(float(root.get("height")))), f"PNG is {w}x{h}")
        check(os.path.getsize(png) > 20000, "PNG suspiciously small")
        # Several statements: the one with a chart makes the PNG; none with a chart is an error, no file.
        several = os.path.join(tmp, "several.png")
        code, out, err = run_status(icq, "--output", several, "-c", "list gpus", "-c", COMPARE, "-c", "list vendors")
        check(code == 0 and os.path.getsize(several) > 20000, f"--output of several statements, one chart: exit {code}, {err}")
        # --output FILE.svg without --format: the SVG its name says (not table text); none without a chart.
        svg_file = os.path.join(tmp, "chart.svg")
        code, out, err = run_status(icq, "--output", svg_file, "-c", COMPARE)
        check(code == 0 and out == "" and ET.parse(svg_file).getroot().get("data-kind") == "compare",
              f"--output chart.svg: exit {code}, not the compare's SVG: {err}")
        no_svg = os.path.join(tmp, "none.svg")
        code, out, err = run_status(icq, "--output", no_svg, "-c", "list gpus")
        check(code == 2 and not os.path.exists(no_svg) and "cannot write the SVG: `list gpus` is a list" in err,
              f"--output none.svg of a list: exit {code}, file {os.path.exists(no_svg)}, {err}")
        none = os.path.join(tmp, "none.png")
        code, out, err = run_status(icq, "--output", none, "-c", "list gpus", "-c", "rank gpu by cost at 50 model dsr1 precision fp8")
        check(code == 2 and not os.path.exists(none) and "none of the run's 2 results has a chart" in err,
              f"--output of statements without a chart: exit {code}, file {os.path.exists(none)}, {err}")

    if failures:
        print("\n".join(failures))
        print(f"{len(failures)} chart checks failed")
        return 1
    print(f"charts: {len(CASES)} golden SVGs parsed and checked, {checked} frontier values read back from the SVG paths, "
          f"{labels_checked} value labels clear of ticks and of each other, svg of several results, PNG")
    return 0


if __name__ == "__main__":
    sys.exit(main())
