"""Unit tests of the reference implementation on small hand-computed cases.

Run:  python3 -m unittest discover -s /work/main/tests/reference -p 'test_*.py'
"""

import json
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


if __name__ == "__main__":
    unittest.main()
