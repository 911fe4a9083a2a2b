"""Unit tests of the reference implementation on small hand-computed cases.

Run:  python3 -m unittest discover -s /work/main/tests/reference -p 'test_*.py'
"""

import json
import math
import os
import sys
import tempfile
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import icq_ref as R  # noqa: E402


class SplineTest(unittest.TestCase):
    def test_two_knots_end_slopes(self):
        # s = (6-10)/2 = -2; m0 = 1.5*s = -3, then m1 = (3s - m0)/2 = 0.75*s = -1.5
        self.assertEqual(R.spline_slopes([0.0, 2.0], [10.0, 6.0]), [-3.0, -1.5])

    def test_two_knots_is_not_a_straight_line(self):
        # u = 0.5, h = 2: 0.5*10 + 0.125*2*(-3) + 0.5*6 - 0.125*2*(-1.5) = 7.625 (linear: 8)
        self.assertAlmostEqual(R.spline_eval([0.0, 2.0], [10.0, 6.0], 1.0), 7.625, places=12)

    def test_three_knots_slopes_and_value(self):
        # h = [1, 2], s = [-2, -1.5], p = (-2*2 + -1.5*1)/3 = -11/6
        # m1 = (-1-1)*min(2, 1.5, 11/12) = -11/6; m0 = (3*-2 + 11/6)/2 = -25/12;
        # m2 = (3*-1.5 + 11/6)/2 = -4/3
        m = R.spline_slopes([0.0, 1.0, 3.0], [6.0, 4.0, 1.0])
        for got, want in zip(m, [-25 / 12, -11 / 6, -4 / 3]):
            self.assertAlmostEqual(got, want, places=12)
        # t = 2: segment 1, u = 0.5, h = 2: 2 - 11/24 + 0.5 + 1/3 = 2.375
        self.assertAlmostEqual(R.spline_eval([0.0, 1.0, 3.0], [6.0, 4.0, 1.0], 2.0), 2.375, places=12)

    def test_knots_are_reproduced(self):
        xs, ys = [1.0, 2.0, 4.0, 7.0], [9.0, 5.0, 4.0, 1.0]
        for x, y in zip(xs, ys):
            self.assertEqual(R.spline_eval(xs, ys, x), y)

    def test_local_extremum_has_zero_slope(self):
        # non-monotone data (concurrency can be): sign(s0) + sign(s1) = 0 -> m1 = 0
        self.assertEqual(R.spline_slopes([0.0, 1.0, 3.0], [0.0, 1.0, 0.0])[1], 0.0)

    def test_one_knot(self):
        self.assertEqual(R.spline_eval([5.0], [7.0], 5.0), 7.0)
        self.assertIsNone(R.spline_eval([5.0], [7.0], 4.0))
        self.assertIsNone(R.spline_eval([5.0], [7.0], 6.0))

    def test_out_of_range_is_none(self):
        self.assertIsNone(R.spline_eval([1.0, 2.0], [5.0, 3.0], 0.999))
        self.assertIsNone(R.spline_eval([1.0, 2.0], [5.0, 3.0], 2.001))
        self.assertIsNone(R.spline_eval([], [], 1.0))

    def test_clamp_into_knot_range_and_nonnegative(self):
        # forced overshooting slopes: 0.125*10 + 0.5 = 1.75 -> clamped to max 1
        self.assertEqual(R.spline_eval([0.0, 1.0], [0.0, 1.0], 0.5, slopes=[10.0, 0.0]), 1.0)
        # 0.5 - 0.125*10 = -0.75 -> clamped to min 0
        self.assertEqual(R.spline_eval([0.0, 1.0], [1.0, 0.0], 0.5, slopes=[0.0, 10.0]), 0.0)
        # >= 0 even when a knot value is negative
        self.assertEqual(R.spline_eval([0.0, 1.0], [-1.0, 1.0], 0.0), 0.0)


def P(x, y, key=("a",), conc=1):
    return {"x": x, "y": y, "key": key, "conc": conc, "hardware": "b200"}


class FrontierTest(unittest.TestCase):
    def test_upper_left(self):
        pts = [P(1, 10), P(2, 8), P(2, 9), P(2.5, 9), P(3, 5), P(0.5, 10), P(4, 1)]
        got = [(p["x"], p["y"]) for p in R.frontier(pts)]
        # (2,8),(2,9) dominated by (2.5,9); (0.5,10) dominated by (1,10)
        self.assertEqual(got, [(1, 10), (2.5, 9), (3, 5), (4, 1)])

    def test_identical_points_keep_first_in_key_then_conc_order(self):
        pts = [P(3, 5, key=("b",), conc=1), P(3, 5, key=("a",), conc=9), P(3, 5, key=("a",), conc=2),
               P(1, 7)]
        fr = R.frontier(pts)
        self.assertEqual([(p["x"], p["y"]) for p in fr], [(1, 7), (3, 5)])
        self.assertEqual((fr[1]["key"], fr[1]["conc"]), (("a",), 2))

    def test_same_x_higher_y_wins_and_same_y_higher_x_wins(self):
        fr = R.frontier([P(2, 5), P(2, 6), P(3, 6)])
        self.assertEqual([(p["x"], p["y"]) for p in fr], [(3, 6)])

    def test_bad_points_never_enter(self):
        fr = R.frontier([P(0, 100), P(-1, 100), P(float("nan"), 1), P(float("inf"), 1), P(1, 2)])
        self.assertEqual([(p["x"], p["y"]) for p in fr], [(1, 2)])


class BandTest(unittest.TestCase):
    def test_band_and_half_up_targets(self):
        self.assertEqual(R.band_of([[10, 50], [5, 20]]), [10, 20])
        # 12.5 -> 13 and 17.5 -> 18 (half up, not banker's 12 / 18)
        self.assertEqual(R.default_targets([10, 20]), [13, 15, 18])

    def test_empty_band(self):
        self.assertIsNone(R.band_of([[10, 20], [30, 40]]))
        self.assertEqual(R.default_targets(None), [])
        self.assertIsNone(R.band_of([[10, 20], None]))

    def test_single_point_band(self):
        self.assertEqual(R.band_of([[10, 20], [20, 30]]), [20, 20])
        self.assertEqual(R.default_targets([20, 20]), [20, 20, 20])


def row(hw, prec, x, y, conc, date, tp=8, **metrics):
    r = {"hardware": hw, "framework": "sglang", "model": "dsr1", "precision": prec,
         "spec_method": "none", "disagg": False, "is_multinode": False,
         "prefill_tp": tp, "prefill_ep": 1, "prefill_dp_attention": False, "prefill_num_workers": 0,
         "decode_tp": tp, "decode_ep": 1, "decode_dp_attention": False, "decode_num_workers": 0,
         "num_prefill_gpu": tp, "num_decode_gpu": tp, "isl": 1024, "osl": 1024, "conc": conc,
         "date": date, "metrics": {"median_intvty": x, "tput_per_gpu": y, **metrics}}
    return r


class CompareTest(unittest.TestCase):
    """A synthetic two-file data set with every selection rule exercised, values by hand."""

    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.TemporaryDirectory()
        a = [
            row("mi355x", "fp4", 10.0, 999.0, 64, "2026-02-01"),  # duplicate, overridden by b.json
            row("mi355x", "fp4", 50.0, 1000.0, 4, "2026-01-01"),  # older run of the line: ignored
            row("mi355x", "fp8", 20.0, 50.0, 32, "2026-03-01", tp=4),
            row("mi355x", "fp8", 40.0, 30.0, 8, "2026-03-01", tp=4),
            row("mi355x", "fp8", 15.0, 40.0, 40, "2026-03-01", tp=4),  # dominated
            row("mi355x", "fp8", 0.0, 40.0, 40, "2026-03-01", tp=2),  # unusable: x <= 0
            {"framework": "sglang", "conc": 1, "date": "2026-03-01"},  # unusable: no hardware
        ]
        b = [
            row("MI355X-amds_0", "MXFP4", 10.0, 100.0, 64, "2026-02-01", output_tput_per_gpu=50.0),
            row("mi355x", "fp4", 30.0, 60.0, 16, "2026-02-01"),
        ]
        for name, data in (("a.json", a), ("b.json", b)):
            with open(os.path.join(cls.tmp.name, name), "w") as fh:
                json.dump(data, fh)
        cls.rows, cls.report = R.load([os.path.join(cls.tmp.name, n) for n in ("b.json", "a.json")])

    @classmethod
    def tearDownClass(cls):
        cls.tmp.cleanup()

    def run_spec(self, **kw):
        spec = {"dimension": "precision", "sides": ["fp4", "fp8"], "filters": {"gpu": "mi355x"}}
        spec.update(kw)
        return R.compare(spec, self.rows)

    def test_load_report(self):
        self.assertEqual(self.report["duplicates"], 1)
        self.assertEqual(self.report["disagreements"], 1)
        self.assertEqual(sum(self.report["unusable"].values()), 2)
        merged = [r for r in self.rows if r["conc"] == 64][0]
        self.assertEqual(merged["metrics"]["tput_per_gpu"], 100.0)  # b.json sorts last and wins
        self.assertEqual(merged["metrics"]["output_tput_per_gpu"], 50.0)  # union of metrics
        self.assertEqual((merged["hardware"], merged["precision"]), ("mi355x", "fp4"))

    def test_sides_and_band(self):
        res = self.run_spec()
        self.assertEqual([(s["rows"], s["frontier_points"], s["range"]) for s in res["sides"]],
                         [(2, 2, [10.0, 30.0]), (3, 2, [15.0, 40.0])])
        self.assertEqual(res["band"], [15.0, 30.0])
        # 18.75 -> 19, 22.5 -> 23 (half up), 26.25 -> 26
        self.assertEqual([t["interactivity"] for t in res["targets"]], [19, 23, 26])

    def test_values(self):
        res = self.run_spec(targets=[20, 35, 5])
        t20, t35, t5 = res["targets"]
        fp4, fp8 = t20["values"]
        # fp4: knots (10,100),(30,60): 50 - 7.5 + 30 + 3.75; conc (64,16): 40 - 9 + 4.5 = 35.5 -> 36
        self.assertEqual((fp4["status"], fp4["throughput"], fp4["concurrency"]), ("ok", 76.25, 36))
        self.assertAlmostEqual(fp4["cost"], 1.50 / (76.25 * 3600 / 1e6), places=12)
        self.assertAlmostEqual(fp4["tokens_per_mw"], 76.25 * 1000 / 2.09, places=6)
        # fp8: t is exactly the first knot
        self.assertEqual((fp8["status"], fp8["throughput"], fp8["concurrency"]), ("ok", 50.0, 32))
        # t=35: fp4 out of range; fp8 u=0.75 on (20,50)-(40,30): 33.828125, conc 12.59375 -> 13
        self.assertEqual(t35["values"][0]["status"], "out_of_range")
        self.assertIsNone(t35["values"][0]["throughput"])
        self.assertIsNone(t35["values"][0]["cost"])
        self.assertAlmostEqual(t35["values"][1]["throughput"], 33.828125, places=12)
        self.assertEqual(t35["values"][1]["concurrency"], 13)
        self.assertEqual([v["status"] for v in t5["values"]], ["out_of_range", "out_of_range"])
        # throughput ratio 76.25/50 = 1.525 -> 52.5 -> 53 (half up)
        self.assertEqual(res["summary_clauses"][0]["clauses"][1], "FP4 delivers 53% more tok/s/GPU")
        # same price, so cost r = 76.25/50 = 1.525 too, computed on the 50-digit decimal costs
        self.assertEqual(res["summary_clauses"][0]["clauses"][0], "FP4 is 53% cheaper per token")
        self.assertEqual(len(res["summary"]), 1)  # only t=20 has every side ok

    def test_clamp_uses_edge_knot(self):
        res = self.run_spec(targets=[5, 45], clamp=True)
        lo, hi = res["targets"]
        self.assertEqual([(v["status"], v["throughput"], v["concurrency"]) for v in lo["values"]],
                         [("clamped", 100.0, 64), ("clamped", 50.0, 32)])
        self.assertEqual([(v["status"], v["throughput"], v["concurrency"]) for v in hi["values"]],
                         [("clamped", 60.0, 16), ("clamped", 30.0, 8)])
        self.assertEqual(res["summary"], [])

    def test_prices(self):
        res = self.run_spec(targets=[20], prices="2026-04", tier="neocloud")
        self.assertAlmostEqual(res["targets"][0]["values"][1]["cost"], 1.90 / (50 * 0.0036), places=12)
        self.assertAlmostEqual(res["targets"][0]["values"][1]["tokens_per_mw"], 50 * 1000 / 2.65, places=6)

    def test_tie_and_three_sides(self):
        vals = [{"throughput": 100.0, "_cost_dec": R.cost_per_mtok(R.Decimal("1.5"), 100.0)},
                {"throughput": 100.5, "_cost_dec": R.cost_per_mtok(R.Decimal("1.5"), 100.5)}]
        self.assertEqual(R.verdict_clauses("gpu", ["b200", "h200"], vals),
                         ["B200 and H200 are essentially tied on cost per token",
                          "B200 and H200 are essentially tied on tok/s/GPU"])
        vals.append({"throughput": 150.0, "_cost_dec": R.cost_per_mtok(R.Decimal("3"), 150.0)})
        self.assertEqual(R.verdict_clauses("gpu", ["b200", "h200", "mi355x"], vals),
                         ["B200 and H200 are essentially tied on cost per token",
                          "MI355X delivers 49% more tok/s/GPU than H200"])
        vals[1] = {"throughput": 110.0, "_cost_dec": R.cost_per_mtok(R.Decimal("1.5"), 110.0)}
        # costs: h200 < b200 < mi355x -> best h200 vs runner-up b200, r = 1.1
        self.assertEqual(R.verdict_clauses("gpu", ["b200", "h200", "mi355x"], vals),
                         ["H200 is 10% cheaper per token than B200",
                          "MI355X delivers 36% more tok/s/GPU than H200"])


class RowsWithoutInteractivityTest(unittest.TestCase):
    """DECISIONS.md: rows without median_intvty are kept and counted, but never enter a range or
    a frontier; a median_intvty that is present must be a finite number > 0."""

    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.TemporaryDirectory()
        no_x = row("mi355x", "fp8", None, 500.0, 16, "2026-03-01")  # would dominate if plotted
        del no_x["metrics"]["median_intvty"]
        null_x = row("mi355x", "fp8", None, 600.0, 2, "2026-03-01", tp=4)  # null = absent
        newest_no_x = row("mi355x", "fp8", None, 700.0, 4, "2026-04-01", tp=2)
        del newest_no_x["metrics"]["median_intvty"]
        data = [
            row("mi355x", "fp8", 20.0, 100.0, 4, "2026-03-01"),
            row("mi355x", "fp8", 10.0, 150.0, 8, "2026-03-01"),
            no_x,
            null_x,
            # line TP2: an older plottable run, then a newer run without interactivity -> the
            # newer run is the line's latest, and it has nothing to plot
            row("mi355x", "fp8", 5.0, 900.0, 4, "2026-02-01", tp=2),
            newest_no_x,
            row("mi355x", "fp8", 0.0, 100.0, 32, "2026-03-01"),  # present but <= 0: unusable
            row("mi355x", "fp8", "fast", 100.0, 64, "2026-03-01"),  # not a number: unusable
            row("mi355x", "fp4", 15.0, 80.0, 4, "2026-03-01"),
            row("mi355x", "fp4", 25.0, 60.0, 8, "2026-03-01"),
        ]
        path = os.path.join(cls.tmp.name, "rows.json")
        with open(path, "w") as fh:
            json.dump(data, fh)
        cls.rows, cls.report = R.load([path])

    @classmethod
    def tearDownClass(cls):
        cls.tmp.cleanup()

    def test_kept_and_counted(self):
        self.assertEqual(self.report["usable_rows"], 8)
        self.assertEqual(self.report["rows_without_x"], 3)
        self.assertEqual(self.report["unusable"], {"median_intvty not finite and > 0": 2})

    def test_left_out_of_range_and_frontier(self):
        res = R.compare({"dimension": "precision", "sides": ["fp8", "fp4"], "targets": [15]}, self.rows)
        fp8 = res["sides"][0]
        self.assertEqual((fp8["rows"], fp8["rows_without_x"], fp8["frontier_points"], fp8["range"]),
                         (2, 3, 2, [10.0, 20.0]))
        # (10,150)-(20,100) at 15: 0.40625*150 + 0.59375*100; the 500/600/700 rows never count
        self.assertEqual(res["targets"][0]["values"][0]["throughput"], 0.40625 * 150 + 0.59375 * 100)
        self.assertEqual(res["band"], [15.0, 20.0])

    def test_newest_run_without_interactivity_is_still_the_latest_run(self):
        latest = R.latest_runs(self.rows)
        tp2 = [r for r in latest if r["decode_tp"] == 2]
        self.assertEqual([(r["date"], R.has_x(r)) for r in tp2], [("2026-04-01", False)])

    def test_lines_overview_tolerates_lines_without_interactivity(self):
        out = R.lines_overview(self.rows, {"precision": "fp8"})
        self.assertTrue(any("rows=  5" in line and "without_x=3" in line for line in out), out)


# ============================================================================================
# Second round: cost method, tokens per $, dashboard editions, price editions, AgentX, model
# groups, band percentages, data lists, and the seed page "B200: FP4 vs FP8".
# ============================================================================================
def K(x, y, conc=1, hw="b200"):
    return {"x": x, "y": y, "conc": conc, "hardware": hw, "key": ("k", x), "row": None}


def write_json(tmpdir, name, data):
    path = os.path.join(tmpdir, name)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w") as fh:
        json.dump(data, fh)
    return path


class CostMethodTest(unittest.TestCase):
    """SEMANTICS §3: derived (cost from the interpolated throughput) vs splined (knot costs
    splined on the same knots)."""

    TWO = [K(10.0, 200.0, 64), K(20.0, 100.0, 8)]
    THREE = [K(10.0, 300.0, 64), K(20.0, 200.0, 16), K(40.0, 50.0, 2)]

    def sv(self, knots, t, method, edition="2026-09", tier="hyperscaler", clamp=False):
        return R.side_values(knots, float(t), clamp, edition, tier, method)

    def test_two_knot_case_by_hand(self):
        price = 1.73  # b200, 2026-09 hyperscaler
        c0, c1 = price / (200 * 0.0036), price / (100 * 0.0036)
        # throughput at 15: u = 0.5, h = 10, s = -10, m0 = -15, m1 = -7.5:
        # 100 + 0.125*10*(-15) + 50 - 0.125*10*(-7.5) = 140.625
        d = self.sv(self.TWO, 15, "derived")
        self.assertEqual(d["throughput"], 140.625)
        self.assertAlmostEqual(d["cost"], price / (140.625 * 0.0036), places=12)
        # splined: the same two-knot spline on (c0, c1): s = (c1-c0)/10, m0 = 1.5 s, m1 = 0.75 s
        # -> 0.5*(c0+c1) + 0.125*10*(1.5 s) - 0.125*10*(0.75 s) = 0.5*(c0+c1) + 0.09375*(c1-c0)
        sp = self.sv(self.TWO, 15, "splined")
        self.assertAlmostEqual(sp["cost"], 0.5 * (c0 + c1) + 0.09375 * (c1 - c0), places=12)
        self.assertGreater(sp["cost"], d["cost"])  # 3.829 vs 3.417: the methods differ
        self.assertEqual(sp["throughput"], d["throughput"])

    def test_agree_at_knots_differ_between(self):
        for t in (10, 20, 40):
            d, sp = self.sv(self.THREE, t, "derived"), self.sv(self.THREE, t, "splined")
            self.assertEqual(sp["cost"], d["cost"], t)
            self.assertEqual(sp["joules_per_token"], d["joules_per_token"], t)
            self.assertAlmostEqual(sp["tokens_per_dollar"], d["tokens_per_dollar"], delta=1e-6)
        for t in (12, 15, 30, 35):
            d, sp = self.sv(self.THREE, t, "derived"), self.sv(self.THREE, t, "splined")
            self.assertNotAlmostEqual(sp["cost"], d["cost"], places=6, msg=t)
            self.assertNotAlmostEqual(sp["joules_per_token"], d["joules_per_token"], places=6, msg=t)
            # tok/s/MW, throughput and concurrency are the same in both methods
            for k in ("throughput", "tokens_per_mw", "concurrency"):
                self.assertEqual(sp[k], d[k], (t, k))

    def test_splined_cost_clamped_into_knot_costs(self):
        costs = [1.73 / (k["y"] * 0.0036) for k in self.THREE]
        for t in range(10, 41):
            c = self.sv(self.THREE, t, "splined")["cost"]
            self.assertTrue(min(costs) <= c <= max(costs), t)

    def test_splined_joules_by_hand(self):
        kw = 1.71  # b200, 2026-09 (as 2026-07)
        j0, j1 = kw * 1000 / 200, kw * 1000 / 100
        sp = self.sv(self.TWO, 15, "splined")
        self.assertAlmostEqual(sp["joules_per_token"], 0.5 * (j0 + j1) + 0.09375 * (j1 - j0), places=10)
        self.assertAlmostEqual(self.sv(self.TWO, 15, "derived")["joules_per_token"],
                               kw * 1000 / 140.625, places=10)

    def test_splined_null_when_a_knot_is_unpriced_or_has_no_throughput(self):
        mixed = [K(10.0, 300.0, 4, "b200"), K(20.0, 200.0, 2, "rtx5090")]  # not in the catalog
        self.assertIsNone(self.sv(mixed, 15, "splined")["cost"])
        self.assertIsNone(self.sv(mixed, 15, "splined")["tokens_per_dollar"])
        zero = [K(10.0, 300.0, 4), K(20.0, 0.0, 2)]
        self.assertIsNone(self.sv(zero, 15, "splined")["cost"])
        self.assertIsNone(self.sv(zero, 15, "splined")["joules_per_token"])
        self.assertIsNotNone(self.sv(zero, 15, "derived")["cost"])

    def test_splined_prices_every_knot_with_its_own_gpu(self):
        mixed = [K(10.0, 300.0, 4, "b200"), K(20.0, 200.0, 2, "mi355x")]
        c0, c1 = 1.73 / (300 * 0.0036), 1.50 / (200 * 0.0036)
        self.assertAlmostEqual(self.sv(mixed, 15, "splined")["cost"],
                               0.5 * (c0 + c1) + 0.09375 * (c1 - c0), places=12)
        self.assertIsNone(self.sv(mixed, 15, "derived")["cost"])  # bracket knots: mixed GPUs

    def test_one_knot_and_clamp(self):
        one = [K(10.0, 300.0, 4)]
        self.assertEqual(self.sv(one, 10, "splined")["cost"], self.sv(one, 10, "derived")["cost"])
        c = self.sv(self.THREE, 5, "splined", clamp=True)
        self.assertEqual((c["status"], c["cost"]), ("clamped", self.sv(self.THREE, 10, "derived")["cost"]))

    def test_verdict_uses_the_costs_shown(self):
        # same-price sides: derived cost ratio = throughput ratio; splined is different
        a, b = self.THREE, [K(10.0, 150.0, 8), K(40.0, 100.0, 2)]
        for method in ("derived", "splined"):
            va, vb = self.sv(a, 15, method), self.sv(b, 15, method)
            r = R.Decimal(vb["cost"]) / R.Decimal(va["cost"])
            want = f"FP4 is {R.pct(r)}% cheaper per token"
            self.assertEqual(R.verdict_clauses("precision", ["fp4", "fp8"], [va, vb])[0], want)
        self.assertNotEqual(R.verdict_clauses("precision", ["fp4", "fp8"],
                                              [self.sv(a, 15, "derived"), self.sv(b, 15, "derived")])[0],
                            R.verdict_clauses("precision", ["fp4", "fp8"],
                                              [self.sv(a, 15, "splined"), self.sv(b, 15, "splined")])[0])


class TokensPerDollarTest(unittest.TestCase):
    def test_is_one_million_over_cost(self):
        knots = CostMethodTest.THREE
        for method in ("derived", "splined"):
            for t in (10, 13, 27, 40):
                v = R.side_values(knots, float(t), False, "2026-04", "rental", method)
                self.assertAlmostEqual(v["tokens_per_dollar"], 1e6 / v["cost"], delta=1e-6 * v["tokens_per_dollar"])
        v = R.side_values(knots, 10.0, False, "2026-09", "hyperscaler", "derived")
        self.assertAlmostEqual(v["tokens_per_dollar"], 300 * 3600 / 1.73, places=6)  # tput*3600/price

    def test_null_without_cost(self):
        v = R.side_values([K(10.0, 300.0, 4, "rtx5090")], 10.0, False, "2026-09", "hyperscaler", "derived")
        self.assertIsNone(v["cost"])
        self.assertIsNone(v["tokens_per_dollar"])
        v = R.side_values([K(10.0, 300.0, 4)], 20.0, False, "2026-09", "hyperscaler", "derived")
        self.assertEqual(v["status"], "out_of_range")
        self.assertIsNone(v["tokens_per_dollar"])


class DashboardEditionTest(unittest.TestCase):
    def test_boundaries(self):
        self.assertEqual(R.dashboard_settings("2026-01-01"), ("2026-04", "splined"))
        self.assertEqual(R.dashboard_settings("2026-07-30"), ("2026-04", "splined"))
        self.assertEqual(R.dashboard_settings("2026-07-31"), ("2026-07", "splined"))
        self.assertEqual(R.dashboard_settings("2026-08-11"), ("2026-07", "splined"))
        self.assertEqual(R.dashboard_settings("2026-08-12"), ("2026-07", "derived"))
        self.assertEqual(R.dashboard_settings("2026-09-06"), ("2026-07", "derived"))
        self.assertEqual(R.dashboard_settings("2026-09-07"), ("2026-09", "derived"))
        self.assertEqual(R.dashboard_settings("2027-01-01"), ("2026-09", "derived"))

    def test_defaults_and_overrides(self):
        self.assertEqual(R.resolve_pricing({}), ("2026-09", "hyperscaler", "derived"))
        self.assertEqual(R.resolve_pricing({"dashboard": "2026-07-15"}), ("2026-04", "hyperscaler", "splined"))
        self.assertEqual(R.resolve_pricing({"dashboard": "2026-07-15", "prices": "2026-07"}),
                         ("2026-07", "hyperscaler", "splined"))
        self.assertEqual(R.resolve_pricing({"dashboard": "2026-07-15", "cost_method": "derived"}),
                         ("2026-04", "hyperscaler", "derived"))
        self.assertEqual(R.resolve_pricing({"dashboard": "2026-09-07", "cost_method": "splined",
                                            "tier": "rental"}), ("2026-09", "rental", "splined"))
        self.assertEqual(R.resolve_pricing({"cost_method": "splined"}), ("2026-09", "hyperscaler", "splined"))
        with self.assertRaises(ValueError):
            R.resolve_pricing({"cost_method": "linear"})
        with self.assertRaises(ValueError):
            R.resolve_pricing({"prices": "2025-01"})


class PriceEditionTest(unittest.TestCase):
    def test_2026_09_is_default_and_has_no_neocloud(self):
        self.assertEqual(R.DEFAULT_EDITION, "2026-09")
        self.assertEqual(R.edition_tiers("2026-09"), {"hyperscaler", "rental"})
        self.assertEqual(R.CATALOG["2026-09"]["b200"], ("1.71", {"hyperscaler": "1.73", "rental": "3.70"}))
        self.assertEqual(R.CATALOG["2026-09"]["mi355x"], ("2.09", {"hyperscaler": "1.50", "rental": "2.90"}))
        self.assertEqual(R.CATALOG["2026-09"]["rtx6000pro"], ("0.975", {"hyperscaler": "0.68", "rental": "0.52"}))
        self.assertEqual(R.CATALOG["2026-09"]["tpuv7"], ("1.207", {"hyperscaler": "1.21", "rental": "2.00"}))
        self.assertEqual(R.CATALOG["2026-09"]["vr200"], ("3.3", {"hyperscaler": "3.61", "rental": "8.50"}))
        # kW as 2026-07 for every GPU the two editions share
        for gpu, (kw, _) in R.CATALOG["2026-07"].items():
            self.assertEqual(R.CATALOG["2026-09"][gpu][0], kw, gpu)

    def test_rtx6000pro_in_2026_07(self):
        self.assertEqual(R.CATALOG["2026-07"]["rtx6000pro"],
                         ("0.975", {"hyperscaler": "0.68", "neocloud": "0.75", "rental": "0.52"}))
        self.assertNotIn("rtx6000pro", R.CATALOG["2026-04"])

    def test_neocloud_on_2026_09_is_an_error(self):
        for spec in ({"tier": "neocloud"}, {"tier": "neocloud", "prices": "2026-09"},
                     {"tier": "neocloud", "dashboard": "2026-09-07"}):
            with self.assertRaises(ValueError) as cm:
                R.resolve_pricing(spec)
            self.assertIn("2026-04, 2026-07", str(cm.exception))
        self.assertEqual(R.resolve_pricing({"tier": "neocloud", "dashboard": "2026-09-06"}),
                         ("2026-07", "neocloud", "derived"))
        rows = [R.normalise_row(row("b200", "fp4", 10.0, 100.0, 1, "2026-03-01"))[0],
                R.normalise_row(row("b200", "fp8", 10.0, 100.0, 1, "2026-03-01"))[0]]
        with self.assertRaises(ValueError):
            R.compare({"dimension": "precision", "sides": ["fp4", "fp8"], "tier": "neocloud",
                       "targets": [10]}, rows)


def arow(hw, prec, y, conc, date="2026-08-01", tp=8, model="qwen3.5", **metrics):
    """An API agentic_traces row (isl/osl null)."""
    r = row(hw, prec, None, y, conc, date, tp=tp)
    r.update({"benchmark_type": "agentic_traces", "isl": None, "osl": None, "model": model})
    r["metrics"] = {"tput_per_gpu": y, **metrics}
    return r


def runner_row(hw="b200-dgxc", prec="fp4", conc=4, tp=4, model="kimik2.5", y=1000.0, **metrics):
    return {"hw": hw, "conc": conc, "image": "img", "model": "/path/Kimi-K2.5-NVFP4",
            "infmax_model_prefix": model, "framework": "vllm", "precision": prec,
            "spec_decoding": "none", "disagg": False, "scenario_type": "agentic-coding",
            "is_multinode": False, "tp": tp, "ep": 1, "dp_attention": "false",
            "offloading": "lmcache", "tput_per_gpu": y, **metrics}


class InteractivityTest(unittest.TestCase):
    """SEMANTICS §9: the x of a row per percentile."""

    def nr(self, raw):
        r, why = R.normalise_row(raw)
        self.assertIsNone(why)
        return r

    def test_agentic_p90_from_itl_overrides_p90_intvty(self):
        r = self.nr(arow("b200", "fp8", 100.0, 4, p90_itl=0.05, p90_intvty=30.0, median_itl=0.01,
                         median_intvty=90.0))
        self.assertEqual(R.x_value(r, "p90"), 1 / 0.05)
        self.assertEqual(R.x_value(r), 1 / 0.05)  # default for agentic rows is p90
        self.assertEqual(R.x_value(r, "p50"), 1 / 0.01)  # median_itl wins over median_intvty

    def test_agentic_falls_back_to_own_intvty(self):
        self.assertEqual(R.x_value(self.nr(arow("b200", "fp8", 100.0, 4, p90_intvty=30.0))), 30.0)
        self.assertEqual(R.x_value(self.nr(arow("b200", "fp8", 100.0, 4, p90_itl=0.0, p90_intvty=30.0))), 30.0)
        self.assertEqual(R.x_value(self.nr(arow("b200", "fp8", 100.0, 4, p90_itl=-1.0, p90_intvty=30.0))), 30.0)
        self.assertEqual(R.x_value(self.nr(arow("b200", "fp8", 100.0, 4, p99_itl=0.1)), "p99"), 10.0)
        self.assertIsNone(R.x_value(self.nr(arow("b200", "fp8", 100.0, 4, median_intvty=50.0))))
        self.assertIsNone(R.x_value(self.nr(arow("b200", "fp8", 100.0, 4, p90_intvty=0.0))))

    def test_single_turn_uses_its_own_values(self):
        r = self.nr(row("b200", "fp8", 40.0, 100.0, 4, "2026-03-01", p90_itl=0.05, p90_intvty=30.0,
                        p99_intvty=20.0, median_itl=0.01))
        self.assertEqual(R.x_value(r), 40.0)           # default p50 = median_intvty
        self.assertEqual(R.x_value(r, "p50"), 40.0)    # not 1/median_itl
        self.assertEqual(R.x_value(r, "p90"), 30.0)    # not 1/p90_itl
        self.assertEqual(R.x_value(r, "p99"), 20.0)
        self.assertIsNone(R.x_value(self.nr(row("b200", "fp8", 40.0, 100.0, 4, "2026-03-01")), "p90"))
        with self.assertRaises(ValueError):
            R.x_value(r, "p75")

    def test_compare_agentic_x_drives_range_frontier_and_targets(self):
        rows = [self.nr(r) for r in (
            arow("b300", "fp8", 300.0, 32, p90_itl=0.1, p90_intvty=99.0),   # x = 10
            arow("b300", "fp8", 200.0, 8, p90_itl=0.05, p90_intvty=99.0),   # x = 20
            arow("b300", "fp8", 999.0, 64, p90_intvty=0.0),                 # no x: left out
            arow("b200", "fp8", 150.0, 16, p90_intvty=12.0),                # x = 12 (no itl)
            arow("b200", "fp8", 90.0, 4, p90_intvty=30.0),                  # x = 30
            row("b200", "fp8", 15.0, 5000.0, 4, "2026-08-01"),              # single_turn: not agentic
        )]
        res = R.compare({"dimension": "gpu", "sides": ["b300", "b200"],
                         "filters": {"model": "qwen3.5", "seq": "agentic"}}, rows)
        self.assertEqual(res["interactivity"], "p90")
        self.assertEqual([(s["rows"], s["rows_without_x"], s["range"]) for s in res["sides"]],
                         [(2, 1, [10.0, 20.0]), (2, 0, [12.0, 30.0])])
        self.assertEqual(res["band"], [12.0, 20.0])
        self.assertEqual([t["interactivity"] for t in res["targets"]], [14, 16, 18])
        t16 = res["targets"][1]["values"][0]
        # b300 knots (10,300),(20,200): u = 0.6, h = 10, s = -10, m0 = -15, m1 = -7.5
        u = 0.6
        want = ((2*u**3 - 3*u**2 + 1) * 300 + (u**3 - 2*u**2 + u) * 10 * -15
                + (-2*u**3 + 3*u**2) * 200 + (u**3 - u**2) * 10 * -7.5)
        self.assertAlmostEqual(t16["throughput"], want, places=9)
        # the same rows with p50: agentic rows without median ITL/interactivity have no x
        res50 = R.compare({"dimension": "gpu", "sides": ["b300", "b200"], "interactivity": "p50",
                           "filters": {"model": "qwen3.5", "seq": "agentic"}, "targets": [15]}, rows)
        self.assertEqual([s["rows"] for s in res50["sides"]], [0, 0])

    def test_fixed_sequence_p90_choice(self):
        rows = [self.nr(r) for r in (
            row("b200", "fp4", 40.0, 100.0, 4, "2026-03-01", p90_intvty=30.0, p90_itl=1.0),
            row("b200", "fp4", 20.0, 200.0, 16, "2026-03-01", p90_intvty=15.0),
            row("b200", "fp8", 35.0, 80.0, 4, "2026-03-01", p90_intvty=25.0),
            row("b200", "fp8", 18.0, 150.0, 16, "2026-03-01"),  # no p90_intvty: left out under p90
        )]
        spec = {"dimension": "precision", "sides": ["fp4", "fp8"], "targets": [25]}
        res = R.compare(dict(spec, interactivity="p90"), rows)
        self.assertEqual([(s["rows"], s["range"]) for s in res["sides"]],
                         [(2, [15.0, 30.0]), (1, [25.0, 25.0])])
        res = R.compare(spec, rows)
        self.assertEqual(res["interactivity"], "p50")
        self.assertEqual([(s["rows"], s["range"]) for s in res["sides"]],
                         [(2, [20.0, 40.0]), (2, [18.0, 35.0])])


class RunnerRowTest(unittest.TestCase):
    def test_normalise(self):
        r, why = R.normalise_row(runner_row(hw="B200-dgxc_slurm", tp=8, p90_itl=0.02, p90_intvty=70.0,
                                            mean_intvty=60.0, theoretical_cache_hit_rate=None))
        self.assertIsNone(why)
        self.assertEqual((r["hardware"], r["model"], r["framework"], r["precision"], r["spec_method"]),
                         ("b200", "kimik2.5", "vllm", "fp4", "none"))
        self.assertEqual((r["prefill_tp"], r["decode_tp"], r["decode_ep"], r["num_prefill_gpu"],
                          r["num_decode_gpu"]), (8, 8, 1, 8, 8))
        self.assertIs(r["decode_dp_attention"], False)
        self.assertIs(r["prefill_dp_attention"], False)
        self.assertEqual((r["benchmark_type"], r["isl"], r["osl"], r["date"]),
                         ("agentic_traces", None, None, None))
        self.assertEqual(r["metrics"], {"tput_per_gpu": 1000.0, "p90_itl": 0.02, "p90_intvty": 70.0,
                                        "mean_intvty": 60.0})
        self.assertEqual(R.x_value(r), 50.0)  # 1/p90_itl, not the runner's p90_intvty
        # offloading in the API's offload_mode spelling: none -> off, any tier -> on (two lines)
        self.assertEqual(r["offload_mode"], "on")
        r_none = R.normalise_row(dict(runner_row(hw="B200-dgxc_slurm", tp=8), offloading="none"))[0]
        self.assertEqual(r_none["offload_mode"], "off")
        self.assertNotEqual(r_none["key"], r["key"])
        self.assertEqual(R.normalise_row({k: v for k, v in runner_row().items()
                                          if k != "offloading"})[0]["offload_mode"], "off")
        self.assertEqual(R.normalise_row(runner_row(hw="mi355x_amds"))[0]["hardware"], "mi355x")
        self.assertTrue(R.normalise_row(dict(runner_row(), dp_attention="true"))[0]["decode_dp_attention"])
        r, why = R.normalise_row({k: v for k, v in runner_row().items() if k != "infmax_model_prefix"})
        self.assertEqual(why, "missing model")

    def test_undated_rows_are_the_latest_run(self):
        tmp = tempfile.TemporaryDirectory()
        self.addCleanup(tmp.cleanup)
        dated = {"hardware": "b200", "framework": "vllm", "model": "kimik2.5", "precision": "fp4",
                 "spec_method": "none", "disagg": False, "is_multinode": False, "prefill_tp": 4,
                 "prefill_ep": 1, "prefill_dp_attention": False, "prefill_num_workers": 0,
                 "decode_tp": 4, "decode_ep": 1, "decode_dp_attention": False, "decode_num_workers": 0,
                 "num_prefill_gpu": 4, "num_decode_gpu": 4, "benchmark_type": "agentic_traces",
                 "offload_mode": "on", "isl": None, "osl": None, "conc": 2, "date": "2026-09-01",
                 "metrics": {"tput_per_gpu": 5.0, "p90_intvty": 10.0}}
        a = write_json(tmp.name, "a/runner1.json", [runner_row(conc=4, p90_itl=0.1),
                                                    runner_row(conc=8, p90_itl=0.2)])
        b = write_json(tmp.name, "b/runner2.json", [runner_row(conc=16, p90_itl=0.4)])
        c = write_json(tmp.name, "api.json", [dated])
        rows, rep = R.load([tmp.name])  # a folder: every *.json under it
        self.assertEqual(rep["files"], sorted([a, b, c]))
        self.assertEqual(rep["usable_rows"], 4)
        latest = R.latest_runs(rows)
        # both runner files are one (undated) run of the line, and it beats the dated run
        self.assertEqual(sorted(r["conc"] for r in latest), [4, 8, 16])
        self.assertTrue(all(r["date"] is None for r in latest))
        out = R.lines_overview(rows, {})
        self.assertTrue(any("dates=undated" in line for line in out), out)

    def test_runner_without_throughput_is_unusable(self):
        tmp = tempfile.TemporaryDirectory()
        self.addCleanup(tmp.cleanup)
        bad = runner_row(conc=2)
        del bad["tput_per_gpu"]
        path = write_json(tmp.name, "r.json", [runner_row(conc=1), bad])
        rows, rep = R.load([path])
        self.assertEqual((rep["usable_rows"], rep["unusable"]), (1, {"missing tput_per_gpu": 1}))


class ModelGroupTest(unittest.TestCase):
    def test_keys(self):
        kimi = frozenset({"kimik2.5", "kimik2.6", "kimik2.7-code"})
        for v in ("kimi", "kimi-k26", "kimi-k25", "KIMI"):
            self.assertEqual(R.model_keys(v), kimi, v)
        for v in ("glm", "glm-5", "glm-5-1"):
            self.assertEqual(R.model_keys(v), frozenset({"glm5", "glm5.1"}), v)
        for v in ("minimax", "minimax-m25", "minimax-m27"):
            self.assertEqual(R.model_keys(v), frozenset({"minimaxm2.5", "minimaxm2.7"}), v)
        for v, k in (("deepseek", "dsr1"), ("deepseek-r1", "dsr1"), ("qwen", "qwen3.5"),
                     ("qwen-3-5", "qwen3.5"), ("deepseek-v4", "dsv4"), ("kimi-k3", "kimik3"),
                     ("glm-5-2", "glm5.2"), ("minimax-m3", "minimaxm3"),
                     ("qwen-3-8-flash-next", "qwen3.8next"), ("gptoss", "gptoss120b"),
                     ("gptoss-120b", "gptoss120b"), ("llama", "llama70b"), ("llama-3-3-70b", "llama70b"),
                     ("kimik2.5", "kimik2.5"), ("kimik2.6", "kimik2.6"), ("glm5", "glm5"),
                     ("DeepSeek-R1-0528", "dsr1"), ("Qwen-3.5-397B-A17B", "qwen3.5")):
            self.assertEqual(R.model_keys(v), frozenset({k}), v)

    def test_pooled_rows_form_one_side(self):
        def mk(model, x, y, conc, prec="fp4", hw="b200"):
            r = row(hw, prec, x, y, conc, "2026-03-01")
            r["model"] = model
            return R.normalise_row(r)[0]
        rows = [mk("kimik2.5", 10.0, 300.0, 64), mk("kimik2.6", 20.0, 250.0, 16),
                mk("kimik2.7-code", 30.0, 100.0, 4), mk("kimik2.5", 15.0, 100.0, 8),  # dominated
                mk("kimik2.5", 12.0, 200.0, 32, "fp8"), mk("kimik2.6", 28.0, 90.0, 4, "fp8"),
                mk("glm5", 20.0, 9999.0, 4)]
        spec = {"dimension": "precision", "sides": ["fp4", "fp8"], "targets": [13, 20, 25]}
        pooled = R.compare(dict(spec, filters={"model": "kimi"}), rows)
        self.assertEqual([(s["rows"], s["frontier_points"]) for s in pooled["sides"]], [(4, 3), (2, 2)])
        # the same rows relabelled as one model give the same numbers
        one = [dict(r, model="kimik2.5") for r in rows if r["model"] != "glm5"]
        single = R.compare(dict(spec, filters={"model": "kimik2.5"}), one)
        self.assertEqual(pooled["targets"], single["targets"])
        self.assertEqual(pooled["band"], single["band"])
        # a DB key stays one key
        k25 = R.compare(dict(spec, filters={"model": "kimik2.5"}), rows)
        self.assertEqual([s["rows"] for s in k25["sides"]], [2, 1])


class BandPctTest(unittest.TestCase):
    def test_rounding_and_clamping(self):
        band = [10.4, 20.6]  # displayed 11..20
        # 0% -> round(10.4) = 10 -> 11; 100% -> round(20.6) = 21 -> 20; 50% -> 15.5 -> 16 (half up)
        self.assertEqual(R.band_pct_targets(band, [0, 50, 100]), [11, 16, 20])
        self.assertEqual(R.band_pct_targets(band, [25, 75]), [13, 18])  # 12.95 -> 13, 18.05 -> 18
        self.assertEqual(R.band_pct_targets([10.0, 20.0], [0, 100]), [10, 20])
        self.assertEqual(R.band_pct_targets(band, [25, 50, 75]),
                         [t for t in R.default_targets(band)])  # like the defaults inside the band
        with self.assertRaises(ValueError):
            R.band_pct_targets(band, [101])
        with self.assertRaises(ValueError):
            R.band_pct_targets([10.2, 10.8], [50])  # no integer inside the band

    def mk(self):
        rows = [row("b200", "fp4", 10.4, 300.0, 16, "2026-03-01"), row("b200", "fp4", 30.0, 100.0, 2, "2026-03-01"),
                row("b200", "fp8", 5.0, 200.0, 16, "2026-03-01"), row("b200", "fp8", 20.6, 50.0, 2, "2026-03-01")]
        return [R.normalise_row(r)[0] for r in rows]

    def test_compare_band_pct_measurable_on_every_side(self):
        res = R.compare({"dimension": "precision", "sides": ["fp4", "fp8"], "band_pct": [0, 100]}, self.mk())
        self.assertEqual([t["interactivity"] for t in res["targets"]], [11, 20])
        self.assertTrue(all(v["status"] == "ok" for t in res["targets"] for v in t["values"]))
        with self.assertRaises(ValueError):
            R.compare({"dimension": "precision", "sides": ["fp4", "fp8"], "band_pct": [0],
                       "targets": [12]}, self.mk())

    def test_degenerate_band_with_default_targets_is_an_error(self):
        def rows_with(fp8_lo, fp8_hi):
            rs = [row("b200", "fp4", 10.0, 300.0, 16, "2026-03-01"), row("b200", "fp4", 20.0, 100.0, 2, "2026-03-01"),
                  row("b200", "fp8", fp8_lo, 200.0, 16, "2026-03-01"), row("b200", "fp8", fp8_hi, 50.0, 2, "2026-03-01")]
            return [R.normalise_row(r)[0] for r in rs]
        spec = {"dimension": "precision", "sides": ["fp4", "fp8"]}
        for lo, hi in ((20.0, 30.0),    # touch at one point: lo == hi
                       (20.5, 30.0),    # disjoint
                       (5.0, 10.0),     # touch at the low end
                       ):
            with self.assertRaises(ValueError) as cm:
                R.compare(spec, rows_with(lo, hi))
            msg = str(cm.exception)
            self.assertIn("fp4 range [10, 20]", msg)
            self.assertIn(f"fp8 range [{lo:g}, {hi:g}]", msg)
        # no integer inside: [10.2, 10.8]
        rs = [row("b200", "fp4", 10.2, 300.0, 16, "2026-03-01"), row("b200", "fp4", 10.8, 100.0, 2, "2026-03-01"),
              row("b200", "fp8", 10.0, 200.0, 16, "2026-03-01"), row("b200", "fp8", 11.0, 50.0, 2, "2026-03-01")]
        with self.assertRaises(ValueError):
            R.compare(spec, [R.normalise_row(r)[0] for r in rs])
        # explicit targets are fine: each side says out of range where it is
        res = R.compare(dict(spec, targets=[25]), rows_with(20.5, 30.0))
        self.assertEqual([v["status"] for v in res["targets"][0]["values"]], ["out_of_range", "ok"])


class DataListTest(unittest.TestCase):
    def test_folders_files_and_spec_key(self):
        tmp = tempfile.TemporaryDirectory()
        self.addCleanup(tmp.cleanup)
        a = write_json(tmp.name, "d/x/a.json", [row("b200", "fp4", 10.0, 100.0, 1, "2026-03-01"),
                                                 row("b200", "fp4", 20.0, 50.0, 2, "2026-03-01")])
        b = write_json(tmp.name, "d/b.json", [row("b200", "fp8", 10.0, 80.0, 1, "2026-03-01"),
                                              row("b200", "fp8", 20.0, 40.0, 2, "2026-03-01")])
        write_json(tmp.name, "other.json", [])
        with open(os.path.join(tmp.name, "d", "notes.txt"), "w") as fh:
            fh.write("not json")
        d = os.path.join(tmp.name, "d")
        self.assertEqual(R.expand_data_paths([d]), sorted([a, b]))
        self.assertEqual(R.expand_data_paths([b, d]), sorted([a, b]))
        self.assertEqual(R.spec_data_files({"data": [a]}), [a])
        self.assertEqual(R.spec_data_files({}), R.default_data_files())
        res = R.run_spec({"dimension": "precision", "sides": ["fp4", "fp8"], "data": [d], "targets": [15]})
        self.assertEqual([s["rows"] for s in res["sides"]], [2, 2])
        with self.assertRaises(FileNotFoundError):
            R.expand_data_paths([os.path.join(tmp.name, "missing")])


SEED_DATA = os.path.join(R.data_root(), "api-partial", "2026-08-13", "benchmarks-qwen3.5-partial.json")


def money(v):
    return f"${R.Decimal(v).quantize(R.Decimal('0.001'), rounding=R.ROUND_HALF_UP)}"


def one(v):
    return str(R.Decimal(v).quantize(R.Decimal("0.1"), rounding=R.ROUND_HALF_UP))


@unittest.skipUnless(os.path.exists(SEED_DATA), "api-partial capture not present")
class SeedB200Fp4VsFp8Test(unittest.TestCase):
    """Seed page "B200: FP4 vs FP8" (seeds/004): Qwen 3.5 on B200, 1k/1k, at 95 and 159 tok/s/user,
    as the dashboard had it on 2026-07-15 (2026-04 prices, splined costs), from api-partial."""

    PAGE = {  # throughput, cost, tok/s/MW, concurrency: FP4 then FP8
        95: (("5844.9", "$0.093", "2693503", 286), ("1930.9", "$0.283", "889821", 45)),
        159: (("2192.5", "$0.245", "1010391", 73), ("875.7", "$0.610", "403569", 12)),
    }
    SENTENCES = {95: "FP4 is 206% cheaper per token; FP4 delivers 203% more tok/s/GPU",
                 159: "FP4 is 149% cheaper per token; FP4 delivers 150% more tok/s/GPU"}
    SPEC = {"dimension": "precision", "sides": ["fp4", "fp8"], "data": [SEED_DATA],
            "filters": {"model": "qwen3.5", "gpu": "b200", "seq": "1k/1k"},
            "targets": [95, 159], "dashboard": "2026-07-15"}

    @classmethod
    def setUpClass(cls):
        cls.res = R.run_spec(cls.SPEC)

    def test_settings(self):
        self.assertEqual((self.res["prices"], self.res["cost_method"]),
                         ({"edition": "2026-04", "tier": "hyperscaler"}, "splined"))

    def test_table(self):
        for t in self.res["targets"]:
            got = tuple((one(v["throughput"]), money(v["cost"]),
                         str(R.round_half_up(v["tokens_per_mw"])), v["concurrency"]) for v in t["values"])
            self.assertEqual(got, self.PAGE[t["interactivity"]], t["interactivity"])

    def test_sentences(self):
        self.assertEqual(self.res["summary"], [self.SENTENCES[95], self.SENTENCES[159]])

    def test_derived_costs_do_not_reproduce_the_page(self):
        res = R.run_spec(dict(self.SPEC, cost_method="derived"))
        fp8_159 = res["targets"][1]["values"][1]
        self.assertEqual(money(fp8_159["cost"]), "$0.619")  # SEMANTICS §3: splined $0.610
        self.assertEqual(res["summary"][0], "FP4 is 203% cheaper per token; FP4 delivers 203% more tok/s/GPU")
        # throughput, tok/s/MW and concurrency do not depend on the cost method
        for a, b in zip(res["targets"], self.res["targets"]):
            for va, vb in zip(a["values"], b["values"]):
                for k in ("throughput", "tokens_per_mw", "concurrency"):
                    self.assertEqual(va[k], vb[k])


AGENTIC_DIR = os.path.join(R.data_root(), "agentic")


@unittest.skipUnless(os.path.isdir(AGENTIC_DIR), "agentic runner aggregates not present")
class RealAgenticFilesTest(unittest.TestCase):
    def test_load_and_kimi_pool(self):
        rows, rep = R.load([AGENTIC_DIR])
        self.assertEqual(rep["unusable"], {"missing tput_per_gpu": 1})  # one kimik2.5 b200 row
        self.assertTrue(all(r["date"] is None and r["benchmark_type"] == "agentic_traces" for r in rows))
        self.assertEqual({r["hardware"] for r in rows}, {"b200", "mi355x"})
        res = R.compare({"dimension": "gpu", "sides": ["b200", "mi355x"],
                         "filters": {"model": "kimi", "seq": "agentic"}, "targets": [20]}, rows)
        self.assertEqual([s["rows"] for s in res["sides"]], [22, 20])



def line_rows(hw, prec, pts, date="2026-03-01", tp=8, framework="sglang", **fields):
    """Normalised rows of one line per (x, y, conc) point (each point its own concurrency)."""
    out = []
    for x, y, conc in pts:
        r = row(hw, prec, x, y, conc, date, tp=tp)
        r["framework"] = framework
        r.update(fields)
        out.append(R.normalise_row(r)[0])
    return out


class AllValuesAndRankTest(unittest.TestCase):
    """compare DIMENSION * and rank on hand-made lines: b200 and mi355x straight lines (collinear
    knots: the spline is the line itself), an h200 line that does not reach 40."""

    @classmethod
    def setUpClass(cls):
        cls.rows = (line_rows("b200", "fp8", [(10.0, 300.0, 64), (20.0, 200.0, 16), (30.0, 100.0, 4)])   # 400-10t
                    + line_rows("mi355x", "fp8", [(10.0, 250.0, 64), (20.0, 200.0, 16), (30.0, 150.0, 4)])  # 300-5t
                    + line_rows("h200", "fp8", [(10.0, 100.0, 32), (25.0, 40.0, 4)])
                    + line_rows("h200", "fp8", [(15.0, 90.0, 8)], tp=4)  # a second h200 line, dominated
                    + line_rows("b200", "fp8", [(12.0, 1.0, 8)], date="2026-01-01", tp=2,
                                disagg=True)                          # old run... its only run: present
                    + line_rows("mi355x", "fp8", [(14.0, 1.0, 8)], tp=2, is_multinode=True))  # multinode agg
        cls.base = {"filters": {"model": "dsr1"}}

    def test_present_values(self):
        self.assertEqual(R.present_values(self.base, self.rows, "gpu"), ["b200", "h200", "mi355x"])
        self.assertEqual(R.present_values(self.base, self.rows, "vendor"), ["amd", "nvidia"])
        # multinode aggregated rows are neither disagg nor single-node
        self.assertEqual(R.present_values(self.base, self.rows, "deployment"), ["disagg", "single-node"])
        self.assertEqual(R.present_values({"filters": {"model": "dsr1", "gpu": "h200"}}, self.rows, "gpu"),
                         ["h200"])
        self.assertEqual(len(R.present_lines(self.base, self.rows)), 6)
        with self.assertRaises(ValueError):
            R.present_values(self.base, self.rows, "date")

    def test_star_equals_explicit_sides(self):
        star = R.compare(dict(self.base, dimension="gpu", sides="*", targets=[15, 22]), self.rows)
        named = R.compare(dict(self.base, dimension="gpu", sides=["b200", "h200", "mi355x"],
                               targets=[15, 22]), self.rows)
        self.assertEqual([s["label"] for s in star["sides"]], ["b200", "h200", "mi355x"])
        self.assertEqual(star["targets"], named["targets"])
        with self.assertRaises(ValueError):  # one value present: nothing to compare
            R.compare({"filters": {"model": "dsr1", "gpu": "h200"}, "dimension": "gpu", "sides": "*",
                       "targets": [15]}, self.rows)

    def test_rank_throughput(self):
        res = R.rank(dict(self.base, dimension="gpu", metric="throughput", targets=[15, 28]), self.rows)
        at15, at28 = res["targets"]
        # at 15: b200 250, mi355x 225, h200 80 (one segment of a 2-knot spline: by hand below)
        self.assertEqual([e["side"] for e in at15["entries"]], ["b200", "mi355x", "h200"])
        self.assertAlmostEqual(at15["entries"][0]["value"], 250.0, places=9)
        self.assertAlmostEqual(at15["entries"][1]["vs_best"], 225.0 / 250.0, places=12)
        self.assertEqual([e["rank"] for e in at15["entries"]], [1, 2, 3])
        # at 28: mi355x 160 > b200 120; h200 does not reach 28 -> listed last, no rank
        self.assertEqual([(e["side"], e["rank"], e["status"]) for e in at28["entries"]],
                         [("mi355x", 1, "ok"), ("b200", 2, "ok"), ("h200", None, "out_of_range")])
        self.assertAlmostEqual(at28["entries"][1]["vs_best"], 120.0 / 160.0, places=12)
        self.assertIsNone(at28["entries"][2]["vs_best"])

    def test_rank_cost_lower_is_better(self):
        res = R.rank(dict(self.base, dimension="gpu", metric="cost", targets=[15]), self.rows)
        e = res["targets"][0]["entries"]
        cost = {x["side"]: x["value"] for x in e}
        self.assertAlmostEqual(cost["b200"], 1.73 / (250 * 0.0036), places=9)
        self.assertAlmostEqual(cost["mi355x"], 1.50 / (225 * 0.0036), places=9)
        self.assertEqual([x["side"] for x in e], sorted(cost, key=cost.get))
        self.assertEqual(e[0]["vs_best"], 1.0)
        self.assertTrue(all(x["vs_best"] >= 1 for x in e))

    def test_rank_config_and_errors(self):
        res = R.rank(dict(self.base, dimension="config", metric="throughput", targets=[15]), self.rows)
        self.assertEqual(len(res["targets"][0]["entries"]), 6)
        top = res["targets"][0]["entries"][0]
        self.assertEqual((top["side"][0], top["rank"]), ("b200", 1))
        with self.assertRaises(ValueError):
            R.rank(dict(self.base, dimension="gpu", metric="concurrency", targets=[15]), self.rows)
        with self.assertRaises(ValueError):
            R.rank(dict(self.base, dimension="gpu", metric="cost"), self.rows)
        with self.assertRaises(ValueError):
            R.rank({"filters": {"model": "dsr1", "gpu": "gb300"}, "dimension": "gpu", "metric": "cost",
                    "targets": [15]}, self.rows)


HALF_STEP = 0.0005 + 1e-9  # a change of leader is located at the midpoint of two 0.001 samples


class CrossoverTest(unittest.TestCase):
    LINE_A = [K(10.0, 300.0, 64), K(20.0, 200.0, 16), K(30.0, 100.0, 4)]   # 400 - 10t
    LINE_B = [K(10.0, 250.0, 64), K(20.0, 200.0, 16), K(30.0, 150.0, 4)]   # 300 - 5t

    def curve(self, knots, key="throughput", method="derived", hw=None):
        if hw:
            knots = [dict(k, hardware=hw) for k in knots]
        return R.metric_curve(knots, key, "2026-09", "hyperscaler", method)

    def test_collinear_knots_give_the_line(self):
        f = self.curve(self.LINE_A)
        for t in (10.0, 12.5, 17.3, 20.0, 29.99, 30.0):
            self.assertAlmostEqual(f(t), 400 - 10 * t, places=9)
        self.assertIsNone(f(9.999))
        self.assertIsNone(f(30.001))

    def test_curve_equals_side_values(self):
        knots = [dict(k, hardware=h) for k, h in zip(
            [K(10.0, 300.0, 64), K(20.0, 200.0, 16), K(40.0, 50.0, 2)], ("b200", "b200", "mi355x"))]
        for method in ("derived", "splined"):
            for key in ("throughput", "cost", "tokens_per_mw", "joules_per_token"):
                f = R.metric_curve(knots, key, "2026-09", "hyperscaler", method)
                for t in (5.0, 10.0, 13.7, 20.0, 21.0, 33.3, 40.0, 41.0):
                    want = R.side_values(knots, t, False, "2026-09", "hyperscaler", method)[key]
                    got = f(t)
                    if want is None:
                        self.assertIsNone(got, (method, key, t))
                    else:
                        self.assertAlmostEqual(got, want, delta=1e-9 * abs(want), msg=(method, key, t))

    def test_two_lines_cross_at_20(self):
        a, b = self.curve(self.LINE_A), self.curve(self.LINE_B)
        scan = R.scan_leaders([a, b], +1, 10.0, 30.0)
        self.assertEqual(len(scan["crossings"]), 1)
        x, i, j = scan["crossings"][0]
        self.assertEqual((i, j), (0, 1))
        self.assertLessEqual(abs(x - 20.0), HALF_STEP)
        self.assertEqual([s[2] for s in scan["segments"]], [0, 1])
        # the same on a grid that hits 20 exactly (a tie sample): still one crossing at 20
        scan = R.scan_leaders([a, b], +1, 10.0, 30.0, step=0.25)
        self.assertEqual([(round(x, 9), i, j) for x, i, j in scan["crossings"]], [(20.0, 0, 1)])
        # lower is better: the same point, the other way round
        scan = R.scan_leaders([a, b], -1, 10.0, 30.0)
        self.assertEqual([(i, j) for _, i, j in scan["crossings"]], [(1, 0)])

    def test_three_sides_two_crossings(self):
        a, b = self.curve(self.LINE_A), self.curve(self.LINE_B)
        c = self.curve([K(10.0, 180.0, 8), K(30.0, 179.0, 2)])  # ~flat near 180
        scan = R.scan_leaders([a, b, c], +1, 10.0, 30.0)
        # a leads until a = b = 200 at 20? no: c ~180 < 200 there; b leads until b meets c near 24
        self.assertEqual([(i, j) for _, i, j in scan["crossings"]], [(0, 1), (1, 2)])
        x2 = scan["crossings"][1][0]
        lo, hi = 20.0, 30.0  # bisection on the reference's own curves, independently
        for _ in range(60):
            mid = (lo + hi) / 2
            lo, hi = (mid, hi) if b(mid) > c(mid) else (lo, mid)
        self.assertLessEqual(abs(x2 - lo), HALF_STEP)

    def test_no_crossover_and_gaps(self):
        a = self.curve(self.LINE_A)
        shifted = self.curve([dict(k, y=k["y"] - 50) for k in self.LINE_A])
        scan = R.scan_leaders([a, shifted], +1, 10.0, 30.0)
        self.assertEqual(scan["crossings"], [])
        self.assertEqual(scan["segments"], [(10.0, 30.0, 0, (0, 1))])
        # b has no value below 15: nobody leads there (a alone has one), and a -> nobody is not a crossing
        late = self.curve([K(15.0, 500.0, 8), K(30.0, 400.0, 2)])
        scan = R.scan_leaders([a, late], +1, 10.0, 30.0)
        self.assertEqual(scan["crossings"], [])
        self.assertEqual([(s[2], s[3]) for s in scan["segments"]], [(None, (0,)), (1, (0, 1))])
        self.assertLessEqual(abs(scan["segments"][0][1] - 15.0), HALF_STEP)

    def test_stretches_split_where_the_sides_with_a_value_change(self):
        # the band 10..30; a from 12, b from 18 to 26: nobody, a alone, both (a leads), a alone
        a = self.curve([K(12.0, 300.0, 64), K(30.0, 100.0, 4)])
        b = self.curve([K(18.0, 100.0, 64), K(26.0, 50.0, 4)])
        scan = R.scan_leaders([a, b], +1, 10.0, 30.0)
        self.assertEqual([(s[2], s[3]) for s in scan["segments"]],
                         [(None, ()), (None, (0,)), (0, (0, 1)), (None, (0,))])
        for (lo, hi, _, _), want in zip(scan["segments"][1:], (12.0, 18.0, 26.0)):
            self.assertLessEqual(abs(lo - want), HALF_STEP)
        self.assertEqual(scan["crossings"], [])
        labels = ["mi355x", "b200"]
        self.assertEqual([R.stretch_label("gpu", labels, s[2], s[3]) for s in scan["segments"]],
                         ["none measured here", "MI355X alone; B200 not measured here", "MI355X",
                          "MI355X alone; B200 not measured here"])
        self.assertEqual(R.stretch_label("gpu", ["b200", "mi355x", "h200"], None, (1, 2)),
                         "MI355X, H200; B200 not measured here")

    def test_crossover_on_rows_cost_known_x(self):
        rows = (line_rows("b200", "fp8", [(10.0, 300.0, 64), (20.0, 200.0, 16), (30.0, 100.0, 4)])
                + line_rows("mi355x", "fp8", [(10.0, 250.0, 64), (20.0, 200.0, 16), (30.0, 150.0, 4)]))
        sp = {"dimension": "gpu", "sides": ["b200", "mi355x"], "filters": {"model": "dsr1"}}
        tput = R.crossover(dict(sp, metric="throughput"), rows)
        self.assertEqual(tput["band"], [10.0, 30.0])
        self.assertEqual([(a, b) for _, a, b in tput["crossings"]], [("b200", "mi355x")])
        self.assertLessEqual(abs(tput["crossings"][0][0] - 20.0), HALF_STEP)
        # derived cost: 1.73/(400-10t) = 1.50/(300-5t)  <=>  t = 81/6.35 = 12.7559...
        cost = R.crossover(dict(sp, metric="cost"), rows)
        (x, frm, to), = cost["crossings"]
        self.assertEqual((frm, to), ("b200", "mi355x"))  # b200 cheaper below 12.76
        self.assertLessEqual(abs(x - 81 / 6.35), HALF_STEP)
        # splined cost: where the reference's own splined knot costs are equal (bisection)
        spl = R.crossover(dict(sp, metric="cost", cost_method="splined"), rows)
        fa, fb = spl["_curves"]
        lo, hi = 10.0, 20.0
        self.assertLess(fa(lo), fb(lo))
        for _ in range(60):
            mid = (lo + hi) / 2
            lo, hi = (mid, hi) if fa(mid) < fb(mid) else (lo, mid)
        self.assertEqual(len(spl["crossings"]), 1)
        self.assertLessEqual(abs(spl["crossings"][0][0] - lo), HALF_STEP)
        self.assertGreater(abs(lo - 81 / 6.35), 0.01)  # the two cost methods cross elsewhere
        with self.assertRaises(ValueError):
            R.crossover(dict(sp, metric="throughput", targets=[15]), rows)
        with self.assertRaises(ValueError):
            R.crossover(dict(sp, metric="concurrency"), rows)

class NoiseSpreadTest(unittest.TestCase):
    """`with noise`: the spread of a value over run dates, and the within-noise rule, by hand."""

    def test_spread_min_max_sample_stddev_runs(self):
        s = R.spread([2.0, 4.0, 4.0, 4.0, 5.0, 5.0, 7.0, 9.0])
        self.assertEqual((s["min"], s["max"], s["runs"]), (2.0, 9.0, 8))
        # mean 5, sum of squares 32, sample variance 32/7 (not the population 32/8 = 4)
        self.assertAlmostEqual(s["stddev"], math.sqrt(32 / 7), places=12)

    def test_spread_two_values_and_constant(self):
        s = R.spread([110.0, 90.0])
        self.assertEqual((s["min"], s["max"], s["runs"]), (90.0, 110.0, 2))
        self.assertAlmostEqual(s["stddev"], math.sqrt(200.0), places=12)  # (100 + 100) / 1
        self.assertEqual(R.spread([3.0, 3.0, 3.0])["stddev"], 0.0)

    def test_spread_needs_two_values(self):
        # fewer than 2 runs: unknown, never a zero spread
        self.assertEqual(R.spread([]), {"unknown": True, "runs": 0})
        self.assertEqual(R.spread([1.0]), {"unknown": True, "runs": 1})

    def S(self, lo, hi):
        return {"min": lo, "max": hi, "stddev": 0.0, "runs": 2}

    def test_within_when_difference_inside_both_widths_and_overlap(self):
        self.assertTrue(R.within_noise(120.0, 125.0, self.S(100, 120), self.S(110, 125)))
        # the boundary counts: difference == the narrower width
        self.assertTrue(R.within_noise(100.0, 110.0, self.S(95, 105), self.S(100, 110)))

    def test_not_within_when_difference_exceeds_one_width(self):
        # 7 <= 20 (first) but 7 > 5 (second)
        self.assertFalse(R.within_noise(100.0, 107.0, self.S(90, 110), self.S(104, 109)))
        # a zero-width spread: any difference is beyond it
        self.assertFalse(R.within_noise(120.0, 125.0, self.S(120, 120), self.S(110, 125)))

    def test_not_within_when_intervals_do_not_overlap(self):
        # difference 5 is inside both widths (10, 10), but [90, 100] and [101, 111] are disjoint
        self.assertFalse(R.within_noise(100.0, 105.0, self.S(90, 100), self.S(101, 111)))

    def test_not_within_with_an_unknown_spread(self):
        self.assertFalse(R.within_noise(100.0, 101.0, {"unknown": True, "runs": 1}, self.S(90, 110)))
        self.assertFalse(R.within_noise(100.0, 101.0, self.S(90, 110), {"unknown": True, "runs": 0}))

    def test_carried_between_knots_linearly_and_times_the_value(self):
        fa = {"min": 0.8, "max": 1.0, "stddev": 0.1, "runs": 3}
        fb = {"min": 1.0, "max": 1.2, "stddev": 0.3, "runs": 5}
        s = R.spread_at_target([fa, fb], [10.0, 20.0], 12.5, 200.0)  # u = 0.25
        self.assertAlmostEqual(s["min"], 200 * (0.75 * 0.8 + 0.25 * 1.0), places=12)
        self.assertAlmostEqual(s["max"], 200 * (0.75 * 1.0 + 0.25 * 1.2), places=12)
        self.assertAlmostEqual(s["stddev"], 200 * (0.75 * 0.1 + 0.25 * 0.3), places=12)
        self.assertEqual(s["runs"], 3)
        # on a knot: its own factors; an unknown knot makes the target unknown with the smaller count
        self.assertEqual(R.spread_at_target([fa, fb], [10.0, 20.0], 20.0, 100.0),
                         {"min": 100.0, "max": 120.0, "stddev": 30.0, "runs": 5})
        self.assertEqual(R.spread_at_target([fa, {"unknown": True, "runs": 1}], [10.0, 20.0], 15.0, 100.0),
                         {"unknown": True, "runs": 1})
        self.assertIsNone(R.spread_at_target([fa, fb], [10.0, 20.0], 15.0, None))

    def test_not_within_without_a_spread_or_value(self):
        self.assertFalse(R.within_noise(100.0, 101.0, None, self.S(90, 110)))
        self.assertFalse(R.within_noise(100.0, 101.0, self.S(90, 110), None))
        self.assertFalse(R.within_noise(None, 101.0, self.S(90, 110), self.S(90, 110)))


class NoiseCompareTest(unittest.TestCase):
    """compare with noise end to end on hand-made runs of b200 lines (SEMANTICS §12).

      fp4 line tp8: conc 64 at x=10: 01-01 y=100, 02-01 y=110, 03-01 y=90
                    conc 4  at x=30: 01-01 y=60,  02-01 y=55,  03-01 y=50
      fp4 line tp4: 02-01 only: conc 32 at x=10 y=120, conc 2 at x=30 y=10
      fp8 line tp8: conc 64 at x=10: 02-15 y=110, 03-01 y=125; conc 4 at x=30: 02-15 y=58, 03-01 y=48

    Frontiers (latest runs): fp4 = [tp4 conc 32 at 10 (120), tp8 conc 4 at 30 (50)],
    fp8 = [conc 64 at 10 (125), conc 4 at 30 (48)].
    """

    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.TemporaryDirectory()
        data = []
        for date, y10, y30 in (("2026-01-01", 100.0, 60.0), ("2026-02-01", 110.0, 55.0), ("2026-03-01", 90.0, 50.0)):
            data += [row("b200", "fp4", 10.0, y10, 64, date), row("b200", "fp4", 30.0, y30, 4, date)]
        data += [row("b200", "fp4", 10.0, 120.0, 32, "2026-02-01", tp=4),
                 row("b200", "fp4", 30.0, 10.0, 2, "2026-02-01", tp=4)]
        for date, y10, y30 in (("2026-02-15", 110.0, 58.0), ("2026-03-01", 125.0, 48.0)):
            data += [row("b200", "fp8", 10.0, y10, 64, date), row("b200", "fp8", 30.0, y30, 4, date)]
        cls.rows, _ = R.load([write_json(cls.tmp.name, "rows.json", data)])

    @classmethod
    def tearDownClass(cls):
        cls.tmp.cleanup()

    def run_spec(self, **kw):
        spec = {"dimension": "precision", "sides": ["fp4", "fp8"],
                "filters": {"gpu": "b200", "model": "dsr1"}, "targets": [10], "noise_runs": 5}
        spec.update(kw)
        return R.compare(spec, self.rows)

    def test_a_knot_run_once_is_unknown_a_rerun_one_has_a_spread(self):
        res = self.run_spec()
        fp4, fp8 = res["targets"][0]["values"]
        self.assertEqual((fp4["throughput"], fp8["throughput"]), (120.0, 125.0))
        # fp4's knot at 10 is the tp4 line, run once: unknown (its tp8 reruns at 10 are another line)
        self.assertEqual(fp4["noise"]["throughput"], {"unknown": True, "runs": 1})
        self.assertEqual(fp4["noise"]["cost"], {"unknown": True, "runs": 1})
        # fp8's knot: runs 110 and 125 as factors 0.88 and 1 of 125
        s8 = fp8["noise"]["throughput"]
        self.assertAlmostEqual(s8["min"], 110.0, places=9)
        self.assertEqual((s8["max"], s8["runs"]), (125.0, 2))
        self.assertAlmostEqual(s8["stddev"], math.sqrt(112.5), places=9)
        # cost moves inversely: 125/110 of the knot's cost at most
        c8 = fp8["noise"]["cost"]
        self.assertAlmostEqual(c8["max"] / fp8["cost"], 125 / 110, places=9)
        self.assertAlmostEqual(c8["min"], fp8["cost"], places=12)
        self.assertIsNone(fp8["noise"]["concurrency"])  # no run-to-run spread
        self.assertEqual(res["noise_dates"], {"fp4": ["2026-02-01"], "fp8": ["2026-02-15", "2026-03-01"]})
        self.assertEqual(res["noise_thin"], {"fp4": [10], "fp8": []})
        # an unknown spread never names noise
        self.assertEqual(res["targets"][0]["within_noise"], {"cost": False, "throughput": False})

    def test_between_two_knots_the_factors_are_carried_linearly(self):
        res = self.run_spec(targets=[20])
        fp8 = res["targets"][0]["values"][1]
        # knots at 10 (factors 0.88, 1) and 30 (factors 58/48, 1); u = 0.5
        v = fp8["throughput"]
        s = fp8["noise"]["throughput"]
        self.assertAlmostEqual(s["min"], v * (0.5 * 0.88 + 0.5 * 1.0), places=9)
        self.assertAlmostEqual(s["max"], v * (0.5 * 1.0 + 0.5 * 58 / 48), places=9)
        sd10 = R.spread([110 / 125, 1.0])["stddev"]
        sd30 = R.spread([58 / 48, 1.0])["stddev"]
        self.assertAlmostEqual(s["stddev"], v * (0.5 * sd10 + 0.5 * sd30), places=9)
        self.assertEqual(s["runs"], 2)

    def test_within_noise_replaces_the_winner_clauses(self):
        # at 30: fp4 50 (runs 60, 55, 50: spread 50-60) and fp8 48 (runs 58, 48: 48-58)
        res = self.run_spec(targets=[30])
        fp4, fp8 = res["targets"][0]["values"]
        self.assertEqual((fp4["noise"]["throughput"]["min"], fp4["noise"]["throughput"]["runs"]), (50.0, 3))
        self.assertAlmostEqual(fp4["noise"]["throughput"]["max"], 60.0, places=9)
        self.assertAlmostEqual(fp4["noise"]["throughput"]["stddev"], 5.0, places=9)
        self.assertEqual(res["targets"][0]["within_noise"], {"cost": True, "throughput": True})
        self.assertEqual(res["summary_clauses"][0]["clauses"],
                         ["Cost ($/M tok): FP4 and FP8 are within run-to-run noise",
                          "Throughput (tok/s/GPU): FP4 and FP8 are within run-to-run noise"])

    def test_last_n_keeps_the_newest_runs(self):
        res = self.run_spec(targets=[30], noise_runs=2)
        s4 = res["targets"][0]["values"][0]["noise"]["throughput"]
        self.assertEqual(s4["runs"], 2)
        self.assertAlmostEqual(s4["max"], 55.0, places=9)
        self.assertAlmostEqual(s4["stddev"], 50 * math.sqrt(0.005), places=9)
        self.assertEqual(res["noise_dates"]["fp4"], ["2026-02-01", "2026-03-01"])

    def test_as_of_limits_the_runs(self):
        res = self.run_spec(targets=[30], as_of="2026-02-20")
        fp4, fp8 = res["targets"][0]["values"]
        self.assertEqual((fp4["throughput"], fp8["throughput"]), (55.0, 58.0))
        self.assertEqual(fp4["noise"]["throughput"]["runs"], 2)  # 01-01 and 02-01
        self.assertEqual(fp8["noise"]["throughput"], {"unknown": True, "runs": 1})  # 02-15 only
        self.assertEqual(res["noise_dates"], {"fp4": ["2026-01-01", "2026-02-01"], "fp8": ["2026-02-15"]})

    def test_clamped_takes_the_edge_knot(self):
        res = self.run_spec(targets=[40], clamp=True)
        s4 = res["targets"][0]["values"][0]["noise"]["throughput"]
        self.assertEqual((s4["min"], s4["runs"]), (50.0, 3))

    def test_out_of_range_has_no_spread(self):
        res = self.run_spec(targets=[35])
        self.assertEqual(res["targets"][0]["values"][0]["status"], "out_of_range")
        self.assertIsNone(res["targets"][0]["values"][0]["noise"]["throughput"])

    def test_runs_bounds(self):
        with self.assertRaises(ValueError):
            self.run_spec(noise_runs=1)


def disagg_row(n_pre, n_dec, out, inp, total, x=10.0, conc=64, date="2026-03-01", hw="gb200"):
    r = row(hw, "fp8", x, total, conc, date, output_tput_per_gpu=out, input_tput_per_gpu=inp)
    r.update(disagg=True, framework="dynamo-trt", num_prefill_gpu=n_pre, num_decode_gpu=n_dec)
    return R.normalise_row(r)[0]


class TokenRateTest(unittest.TestCase):
    """SEMANTICS §4 (changed 2026-12): disaggregated output (input) tokens per GPU of the deployment."""

    def test_output_and_input_over_every_gpu(self):
        r = disagg_row(8, 32, 1500.0, 6000.0, 2400.0)
        self.assertEqual(R.token_rate(r, "output"), 1500.0 * 32 / 40)   # 1200
        self.assertEqual(R.token_rate(r, "input"), 6000.0 * 8 / 40)     # 1200
        self.assertEqual(R.token_rate(r, "total"), 2400.0)
        # the dashboard's figure: per decode (prefill) GPU, as the API gives it
        self.assertEqual(R.token_rate(r, "output", per_role=True), 1500.0)
        self.assertEqual(R.token_rate(r, "input", per_role=True), 6000.0)

    def test_counts_must_add_up_to_the_total_within_one_percent(self):
        self.assertIsNotNone(R.token_rate(disagg_row(8, 32, 1500.0, 6000.0, 2400.0 * 1.0099), "output"))
        self.assertIsNone(R.token_rate(disagg_row(8, 32, 1500.0, 6000.0, 2400.0 * 1.02), "output"))
        self.assertIsNone(R.token_rate(disagg_row(0, 32, 1500.0, 6000.0, 2400.0), "output"))
        # per role nothing is scaled, so nothing is checked
        self.assertEqual(R.token_rate(disagg_row(8, 32, 1500.0, 6000.0, 9999.0), "output", per_role=True), 1500.0)

    def test_single_node_rows_are_as_given(self):
        r = R.normalise_row(row("b200", "fp8", 10.0, 700.0, 32, "2026-03-01",
                                output_tput_per_gpu=350.0, input_tput_per_gpu=350.0))[0]
        self.assertEqual(R.token_rate(r, "output"), 350.0)

    def test_side_values_of_output_tokens(self):
        price = 1.86  # gb200, 2026-09 hyperscaler
        knots = [dict(K(10.0, 2400.0, 64, hw="gb200"), row=disagg_row(8, 32, 1500.0, 6000.0, 2400.0)),
                 dict(K(20.0, 1200.0, 8, hw="gb200"), row=disagg_row(8, 8, 1200.0, 1200.0, 1200.0, x=20.0, conc=8))]
        v = R.side_values(knots, 10.0, False, "2026-09", "hyperscaler", "derived", "output")
        self.assertEqual(v["output_throughput"], 1200.0)
        self.assertAlmostEqual(v["cost"], price / (1200.0 * 0.0036), places=12)
        d = R.side_values(knots, 10.0, False, "2026-09", "hyperscaler", "derived", "output", per_role=True)
        self.assertEqual(d["output_throughput"], 1500.0)
        self.assertAlmostEqual(v["cost"] / d["cost"], 1.25, places=12)
        # between the knots the rate is splined: knot rates 1200 and 600 on the same knots
        mid = R.side_values(knots, 15.0, False, "2026-09", "hyperscaler", "derived", "output")
        self.assertAlmostEqual(mid["output_throughput"], R.spline_eval([10.0, 20.0], [1200.0, 600.0], 15.0), places=12)
        # splined: each knot's cost from its own rate, splined
        sp = R.side_values(knots, 15.0, False, "2026-09", "hyperscaler", "splined", "output")
        want = R.spline_eval([10.0, 20.0], [price / (1200 * 0.0036), price / (600 * 0.0036)], 15.0)
        self.assertAlmostEqual(sp["cost"], want, places=9)

    def test_an_unknown_knot_rate_leaves_the_cost_empty(self):
        knots = [dict(K(10.0, 2400.0, 64, hw="gb200"), row=disagg_row(8, 32, 1500.0, 6000.0, 3000.0)),
                 dict(K(20.0, 1200.0, 8, hw="gb200"), row=disagg_row(8, 8, 1200.0, 1200.0, 1200.0, x=20.0, conc=8))]
        v = R.side_values(knots, 15.0, False, "2026-09", "hyperscaler", "derived", "output")
        self.assertIsNone(v["output_throughput"])
        self.assertIsNone(v["cost"])
        self.assertEqual(v["throughput"], R.spline_eval([10.0, 20.0], [2400.0, 1200.0], 15.0))


class RunTest(unittest.TestCase):
    """SEMANTICS §1, the run of a line: the database's tie-break between runs of one date, the
    latest attempt only, and rows that name no run."""

    def load(self, rows):
        with tempfile.TemporaryDirectory() as tmp:
            with open(os.path.join(tmp, "a.json"), "w") as fh:
                json.dump(rows, fh)
            return R.load([tmp])

    @staticmethod
    def in_run(r, gid, attempt=1, started=None, wid=None):
        r["run_url"] = f"https://github.com/x/actions/runs/{gid}/attempts/{attempt}"
        if started:
            r["run_started_at"] = started
        if wid:
            r["workflow_run_id"] = wid
        return r

    def picked(self, rows):
        return sorted((r["conc"], R.github_run(r["run"][0])[0]) for r in R.latest_runs(rows))

    def test_later_start_wins_with_its_own_concurrencies(self):
        rows, _ = self.load([self.in_run(row("mi355x", "fp8", 60, 50, 4, "2026-05-01"), 11, started="2026-05-01 01:00:00+00"),
                             self.in_run(row("mi355x", "fp8", 40, 90, 8, "2026-05-01"), 11, started="2026-05-01 01:00:00+00"),
                             self.in_run(row("mi355x", "fp8", 61, 52, 4, "2026-05-01"), 12, started="2026-05-01T09:00:00Z")])
        self.assertEqual(self.picked(rows), [(4, 12)])

    def test_unknown_start_loses_then_database_id_then_github_id(self):
        rows, _ = self.load([self.in_run(row("mi355x", "fp8", 60, 50, 4, "2026-05-01"), 20, started="2026-05-01 03:00:00+00"),
                             self.in_run(row("mi355x", "fp8", 61, 52, 4, "2026-05-01"), 30, wid=9)])
        self.assertEqual(self.picked(rows), [(4, 20)])
        rows, _ = self.load([self.in_run(row("mi355x", "fp8", 60, 50, 4, "2026-05-01"), 21, started="2026-05-01 03:00:00+00", wid=8),
                             self.in_run(row("mi355x", "fp8", 61, 52, 4, "2026-05-01"), 20, started="2026-05-01 03:00:00+00", wid=9)])
        self.assertEqual(self.picked(rows), [(4, 20)])
        rows, _ = self.load([self.in_run(row("mi355x", "fp8", 60, 50, 4, "2026-05-01"), 21),
                             self.in_run(row("mi355x", "fp8", 61, 52, 4, "2026-05-01"), 20)])
        self.assertEqual(self.picked(rows), [(4, 21)])

    def test_superseded_attempt_and_rows_naming_no_run(self):
        rows, report = self.load([self.in_run(row("mi355x", "fp8", 60, 50, 4, "2026-05-02"), 50, 1),
                                  self.in_run(row("mi355x", "fp8", 62, 51, 4, "2026-05-03"), 50, 2),
                                  row("mi355x", "fp8", 30, 100, 16, "2026-05-03")])
        self.assertEqual(report["superseded"], 1)
        self.assertEqual(self.picked(rows), [(4, 50), (16, 50)])


if __name__ == "__main__":
    unittest.main()
