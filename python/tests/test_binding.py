"""The icq package over the real library and the built-in data: for compare (several sides), rank,
crossover, trend and points the DataFrame's numbers equal `icq --format json` for the same query;
typed comparisons and verdicts; errors with their caret; cancellation; one session from two
threads; completion, data, HTML, SVG and PNG."""
import json
import math
import os
import threading
import time

import pandas as pd
import pytest

import icq

COMPARE_3 = "compare gpu b200 vs mi355x vs h200 model dsr1 precision fp8 seq 8k/1k show throughput, cost, power, concurrency"
DONE_WHEN = "compare precision fp4 vs fp8 on mi355x model dsr1"
RANK = "rank gpu by cost at interactivity 50 model dsr1 precision fp8 seq 8k/1k"
RANK_2 = "rank framework by throughput on b200 at 40, 80 model dsr1"
CROSSOVER = "crossover gpu mi355x vs b200 model dsr1 precision fp8 seq 1k/1k by throughput"
TREND = "trend throughput, cost on gb200 model dsr1 precision fp8 at interactivity 51 tokens output"
POINTS = ("points on b200 model dsr1 precision fp4 show framework, tp, conc, interactivity, throughput, ttft p99 "
          "order by throughput desc limit 5")


def same(a, b):
    """JSON's value and the DataFrame's cell: equal numbers (NaN and null are the same absence)."""
    if b is None or (isinstance(b, float) and math.isnan(b)) or b is pd.NA:
        return a is None
    if a is None:
        return False
    if isinstance(a, (int, float)) and not isinstance(a, bool):
        return float(a) == float(b)
    return a == b


def cell(frame, row, col):
    v = frame[col].iloc[row]
    return None if v is pd.NA or (isinstance(v, float) and math.isnan(v)) else v


def check_table_against_json(frame, table_json):
    """Every cell of a JSON table equals the DataFrame's, by column name."""
    names = [c["name"] for c in table_json["columns"]]
    assert list(frame.columns) == names
    assert len(frame) == len(table_json["rows"])
    for r, row in enumerate(table_json["rows"]):
        for c, name in enumerate(names):
            assert same(row[c], cell(frame, r, name)), (table_json["title"], r, name, row[c], cell(frame, r, name))
    for c in table_json["columns"]:
        assert frame.attrs["units"][c["name"]] == c["unit"]
        assert frame.attrs["types"][c["name"]] == c["type"]


@pytest.mark.parametrize("query", [DONE_WHEN, COMPARE_3, "compare precision fp4 vs fp8 on b200 model dsr1 seq 1k/1k at 50 show throughput, cost with noise"])
def test_compare_frame_equals_cli_json(session, cli, query):
    [r] = session.run(query)
    [doc] = cli(query)
    assert r.kind == "compare" and doc["kind"] == "compare"
    assert r.query == doc["query"]
    # Byte for byte the element of the array the command prints for its run (nested lines indented).
    assert cli(query, raw=True) == "[\n  " + r.to_json().rstrip("\n").replace("\n", "\n  ") + "\n]\n"
    frame = r.df()
    assert isinstance(frame, pd.DataFrame)
    metrics = [m.key for m in r.comparison.metrics]
    assert list(frame.columns) == ["interactivity", "side", "status", "evidence", *metrics]
    rows = [(t["interactivity"], v) for t in doc["targets"] for v in t["values"]]
    assert len(frame) == len(rows)
    for i, (x, v) in enumerate(rows):
        assert cell(frame, i, "interactivity") == x
        assert cell(frame, i, "side") == v["side"]
        assert cell(frame, i, "status") == v["status"]
        assert cell(frame, i, "evidence") == (v["evidence"]["kind"] if "evidence" in v else "")
        for m in metrics:
            assert same(v[m], cell(frame, i, m)), (i, m)
    # Typed columns and units.
    assert frame["interactivity"].dtype == "float64"
    assert str(frame["side"].dtype) == "string"
    for m in r.comparison.metrics:
        assert frame.attrs["units"][m.key] == m.unit
        assert str(frame[m.key].dtype) == ("Int64" if m.key == "concurrency" else "float64")
    assert frame.attrs["query"] == r.query
    assert frame.attrs["kind"] == "compare"
    assert r.summary == doc["summary"]
    assert r.notes + [icq.attribution()] == doc["notes"]


def test_to_json_is_the_command_lines_json(session):
    [r] = session.run(DONE_WHEN)
    out = json.loads(r.to_json())
    assert out["kind"] == "compare"
    assert r.to_dict() == out


@pytest.mark.parametrize("query", [RANK, RANK_2])
def test_rank_frame_equals_cli_json(session, cli, query):
    [r] = session.run(query)
    [doc] = cli(query)
    frame = r.df()
    # One frame of every target's ranking, in the order of the JSON's tables.
    rows = [row for t in doc["tables"] for row in t["rows"]]
    names = [c["name"] for c in doc["tables"][0]["columns"]]
    assert list(frame.columns) == names
    assert len(frame) == len(rows)
    for i, row in enumerate(rows):
        for c, name in enumerate(names):
            assert same(row[c], cell(frame, i, name)), (i, name)
    assert frame.attrs["title"] == "rank"
    assert str(frame["rank"].dtype) == "Int64"
    # Each table on its own, too.
    for t, tj in zip(r.tables, doc["tables"]):
        assert t.title == tj["title"]
        check_table_against_json(t.df(), tj)


def test_crossover_tables_equal_cli_json(session, cli):
    [r] = session.run(CROSSOVER)
    [doc] = cli(CROSSOVER)
    assert [t.title for t in r.tables] == [t["title"] for t in doc["tables"]] == ["crossings", "leaders"]
    check_table_against_json(r.df(), doc["tables"][0])
    check_table_against_json(r.table("leaders").df(), doc["tables"][1])
    assert len(r.df()) >= 1, "the query is chosen to have a crossing"


@pytest.mark.parametrize("query", [TREND, POINTS])
def test_trend_and_points_frames_equal_cli_json(session, cli, query):
    [r] = session.run(query)
    [doc] = cli(query)
    [table] = doc["tables"]
    check_table_against_json(r.df(), table)
    assert len(r.df()) > 0


def test_typed_comparison_and_verdicts(session):
    [r] = session.run(COMPARE_3)
    c = r.comparison
    assert [s.label for s in c.sides] == ["b200", "mi355x", "h200"]
    t0 = c.targets[0]
    x = t0.interactivity
    # Lookups by side and metric agree with positions.
    assert c.value("mi355x", "cost", x) == t0.values[1].values[1]
    assert c.value("MI355X", "throughput", x) == t0.values[1].values[0]
    assert c.value("nothing", "cost", x) is None
    assert c.at("h200", x).side == "h200"
    verdicts = r.verdicts
    assert len(verdicts) == len(c.targets) * len(c.metrics)
    by = {(v.interactivity, v.metric): v for v in verdicts}
    for t in c.targets:
        cost = by[(t.interactivity, "cost")]
        conc = by[(t.interactivity, "concurrency")]
        assert conc.outcome == "none"  # no better direction
        if cost.outcome == "winner":
            values = {s.label: c.value(s.label, "cost", t.interactivity) for s in c.sides}
            assert cost.winner == min(values, key=values.get)
            assert cost.ratio == pytest.approx(sorted(values.values())[1] / min(values.values()), rel=1e-9)
            assert cost.phrased
            display = c.sides[c.side_index(cost.winner)].display
            assert f"{display} is {cost.percent}% cheaper per token than" in cost.sentence
        assert cost.sentence == t.sentence
    frame = r.verdicts_df()
    assert len(frame) == len(verdicts)
    assert set(frame["outcome"]) <= {"winner", "tie", "noise", "none"}


def test_query_error_has_line_column_caret_and_suggestions(session):
    with pytest.raises(icq.QueryError) as e:
        session.run("compare precision fp4 vs fp9 on mi355x")
    err = e.value
    assert err.kind == "query"
    assert err.line == 1
    assert err.column == len("compare precision fp4 vs ") + 1
    assert "fp9" in err.message
    assert "fp8" in err.suggestions
    assert err.caret.splitlines()[0].strip() == "compare precision fp4 vs fp9 on mi355x"
    assert err.caret.splitlines()[1].strip().startswith("^")
    assert "query:1:26" in str(err)
    # A script: the statements before the error keep their results.
    with pytest.raises(icq.QueryError) as e:
        session.run("list models\ncompare precision fp4 vs fp9 on mi355x")
    assert e.value.line == 2
    assert [r.kind for r in e.value.results] == ["list"]
    # Syntax errors too.
    with pytest.raises(icq.QueryError) as e:
        session.run("compare precision fp4 vs")
    assert e.value.column > 0


def test_unreadable_data_is_a_query_error_of_kind_usage(tmp_path):
    with pytest.raises(icq.QueryError) as e:
        icq.Session(data=tmp_path / "missing.json")
    assert e.value.kind == "usage"


def test_complete_data_params_and_fresh(session):
    words = session.complete("compare precision fp4 vs fp")
    assert "fp8" in words
    d = session.data()
    assert d["rows"] > 1000 and "mi355x" in [g.lower() for g in d["gpus"]]
    s = icq.Session(params={"gpu": "mi355x", "t": 50})
    [r] = s.run("compare precision fp4 vs fp8 on $gpu model dsr1 at $t show cost")
    assert r.comparison.targets[0].interactivity == 50
    s.set_param("t", 60)
    [r] = s.run("compare precision fp4 vs fp8 on $gpu model dsr1 at $t show cost")
    assert [t.interactivity for t in r.comparison.targets] == [60]
    with pytest.raises(ValueError, match="one value"):
        s.set_param("t", [30, 60])
    f = s.fresh()
    assert f.data()["rows"] == s.data()["rows"]


# About 190,000 targets: seconds of work, past the default limit of 10,000 targets.
SLOW = "compare precision fp4 vs fp8 on mi355x model dsr1 seq 1k/1k at interactivity 10..200 step 0.001 show cost, throughput"


def test_cancel_from_another_thread():
    s = icq.Session(max_targets=1_000_000)
    slow = SLOW
    timer = threading.Timer(0.5, s.cancel)
    timer.start()
    start = time.monotonic()
    with pytest.raises(icq.Cancelled) as e:
        s.run(slow)
    assert e.value.kind == "cancelled"
    assert time.monotonic() - start < 30
    timer.join()
    # The session runs on afterwards.
    assert s.run("list models")[0].kind == "list"


def test_keyboard_interrupt_cancels_the_statement():
    """Ctrl-C / a kernel's interrupt (SIGINT) while a statement runs: KeyboardInterrupt, soon."""
    import signal  # noqa: PLC0415

    s = icq.Session(max_targets=1_000_000)
    slow = SLOW
    timer = threading.Timer(0.5, os.kill, (os.getpid(), signal.SIGINT))
    timer.start()
    start = time.monotonic()
    with pytest.raises(KeyboardInterrupt):
        s.run(slow)
    elapsed = time.monotonic() - start
    timer.join()
    assert elapsed < 30
    assert s.run("list models")[0].kind == "list"  # and the next run is not cancelled


def test_one_session_from_two_threads(session, cli):
    queries = [DONE_WHEN, RANK, CROSSOVER, TREND] * 2
    expected = {q: session.run(q)[0].to_json() for q in set(queries)}
    shared = icq.Session()
    got, errors = {}, []

    def work(i, q):
        try:
            got[i] = shared.run(q)[0].to_json()
        except Exception as e:  # noqa: BLE001
            errors.append(e)

    threads = [threading.Thread(target=work, args=(i, q)) for i, q in enumerate(queries)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors
    for i, q in enumerate(queries):
        assert got[i] == expected[q]


def test_html_svg_and_png(session, tmp_path):
    [r] = session.run(DONE_WHEN)
    html = r._repr_html_()
    assert html.startswith('<div class="icq-report">')
    assert "<svg" in html and "<table" in html and icq.attribution() in html
    assert html.count("<section") == 1 and "<html" not in html  # a fragment of the notebook's page
    svg = r._repr_svg_()
    assert svg.lstrip().startswith("<svg") or svg.lstrip().startswith("<?xml")
    [listing] = session.run("list models")
    assert listing._repr_svg_() is None
    page = icq.render_html([r, listing])
    assert page.startswith("<!DOCTYPE html>")
    from icq._session import png_helper  # noqa: PLC0415

    if png_helper() is None:
        with pytest.raises(RuntimeError, match="icq-png"):
            r.to_png(tmp_path / "c.png")
    else:
        r.to_png(tmp_path / "c.png")
        assert (tmp_path / "c.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_frames_without_pandas(session, monkeypatch):
    """No hard pandas dependency: without it, df() gives the rows as dicts."""
    import icq._session as s  # noqa: PLC0415

    monkeypatch.setattr(s, "_pandas", lambda: None)
    [r] = session.run(DONE_WHEN)
    rows = r.df()
    assert isinstance(rows, list) and isinstance(rows[0], dict)
    assert rows[0]["side"] == "fp4"
    assert set(rows[0]) >= {"interactivity", "side", "status", "evidence", "cost"}
