"""Sessions, results, tables and errors: the Python face of icq's C++ library (icq._icq)."""
from __future__ import annotations

import os
import shutil
import subprocess
from dataclasses import dataclass
from typing import Any, Dict, Iterable, List, Mapping, Optional, Sequence, Union

from . import _icq

version: str = _icq.version

PathLike = Union[str, "os.PathLike[str]"]


def attribution() -> str:
    """The attribution InferenceX's licence asks for wherever its numbers are shown."""
    return _icq.attribution()


def _pandas():
    """pandas when it can be imported, else None: icq does not depend on it."""
    try:
        import pandas  # noqa: PLC0415
    except ImportError:
        return None
    return pandas


# ----------------------------------------------------------------------------------------------
# Errors


class QueryError(Exception):
    """A statement icq could not run: the error's message, where it is and what to do.

    ``line`` and ``column`` are 1-based (0 when the error has no position), ``caret`` is the
    source line with a caret under the problem, as icq prints it; ``help`` one line of advice and
    ``suggestions`` the "did you mean" candidates. ``kind`` is "query" (the query is wrong),
    "usage" (unreadable data, a refused statement), "expect" (a failed `expect`) or "cancelled".
    ``results`` holds the results of the statements that ran before it.
    """

    def __init__(self, diagnostic, results: Sequence["Result"] = (), diagnostics: Sequence[Any] = ()):
        self.diagnostic = diagnostic
        self.message: str = diagnostic.message
        self.kind: str = diagnostic.kind
        self.source: str = diagnostic.source
        self.line: int = diagnostic.line
        self.column: int = diagnostic.column
        self.line_text: str = diagnostic.line_text
        self.caret: str = diagnostic.caret
        self.help: str = diagnostic.help
        self.suggestions: List[str] = list(diagnostic.suggestions)
        self.results: List[Result] = list(results)
        self.diagnostics = list(diagnostics) or [diagnostic]
        super().__init__(diagnostic.format().rstrip("\n"))

    def _render_traceback_(self):  # IPython shows this instead of a Python traceback
        return str(self).splitlines()


class Cancelled(QueryError):
    """The run was cancelled (Session.cancel() from another thread) before it finished."""


def _raise_for(diagnostics, results):
    errors = [d for d in diagnostics if d.severity == "error"]
    if not errors:
        return
    first = errors[0]
    cls = Cancelled if first.kind == "cancelled" else QueryError
    raise cls(first, results, diagnostics)


# ----------------------------------------------------------------------------------------------
# Tables


class Table:
    """A typed table of a result: ``title``, ``columns`` (name, unit, type: "number", "integer"
    or "text") and ``rows`` (lists of float, int, str or None)."""

    def __init__(self, table, result: Optional["Result"] = None):
        self._t = table
        self._result = result
        self.title: str = table.title
        self.columns = list(table.columns)

    @property
    def rows(self) -> List[list]:
        return self._t.rows

    @property
    def names(self) -> List[str]:
        return [c.name for c in self.columns]

    @property
    def units(self) -> Dict[str, str]:
        """Each column's unit ("tok/s/GPU", "$/M tok"; "" for text and counts)."""
        return {c.name: c.unit for c in self.columns}

    @property
    def types(self) -> Dict[str, str]:
        return {c.name: c.type for c in self.columns}

    def __len__(self) -> int:
        return len(self._t)

    def __repr__(self) -> str:
        return f"<icq.Table {self.title!r}: {len(self)} rows, columns {', '.join(self.names)}>"

    def column(self, name: str) -> list:
        """The values of one column, in row order."""
        i = self._t.column_index(name)
        if i is None:
            raise KeyError(f"no column {name!r} in table {self.title!r}; columns: {', '.join(self.names)}")
        return [row[i] for row in self.rows]

    def records(self) -> List[Dict[str, Any]]:
        """The rows as dicts, column name to value."""
        names = self.names
        return [dict(zip(names, row)) for row in self.rows]

    def df(self):
        """A pandas DataFrame: number columns float64 (NaN where empty), integer columns Int64,
        text columns string; ``attrs`` holds the units, types, title, query and kind. Without
        pandas, the rows as a list of dicts."""
        return _frame([self], self._result)


def _frame(tables: Sequence[Table], result: Optional["Result"], title: Optional[str] = None):
    """One DataFrame of tables with the same columns (a ranking's tables, one per target)."""
    pd = _pandas()
    rows = [row for t in tables for row in t.rows]
    first = tables[0]
    if pd is None:
        names = first.names
        return [dict(zip(names, row)) for row in rows]
    data = {}
    for i, c in enumerate(first.columns):
        values = [row[i] if i < len(row) else None for row in rows]
        if c.type == "number":
            data[c.name] = pd.array([float("nan") if v is None else float(v) for v in values], dtype="float64")
        elif c.type == "integer":
            data[c.name] = pd.array(values, dtype="Int64")
        else:
            data[c.name] = pd.array(values, dtype="string")
    frame = pd.DataFrame(data, columns=[c.name for c in first.columns])
    frame.attrs["title"] = title if title is not None else first.title
    frame.attrs["units"] = {c.name: c.unit for c in first.columns}
    frame.attrs["types"] = {c.name: c.type for c in first.columns}
    if result is not None:
        frame.attrs["query"] = result.query
        frame.attrs["kind"] = result.kind
        frame.attrs["attribution"] = attribution()
    return frame


# ----------------------------------------------------------------------------------------------
# Verdicts


@dataclass(frozen=True)
class Verdict:
    """The verdict on one metric at one target of a comparison (docs/SEMANTICS.md §6).

    ``outcome`` is "winner" (``winner`` is better than ``runner_up`` by ``ratio``), "tie"
    (essentially tied: ratio below 1.01), "noise" (within run-to-run noise, `with noise`) or
    "none" (no verdict: no better direction, a side out of range or without a value). ``percent``
    is the N the sentence says ("N% cheaper", "N% more", "N% lower"); ``saving`` the better
    side's saving (1 − 1/ratio) × 100 for lower-is-better metrics. ``solid`` says both values rest
    on measurements or one configuration's spline; the evidence fields name what they rest on.
    """

    interactivity: float
    metric: str
    outcome: str
    winner: Optional[str]
    runner_up: Optional[str]
    ratio: Optional[float]
    percent: Optional[int]
    saving: Optional[float]
    winner_evidence: Optional[str]
    runner_up_evidence: Optional[str]
    solid: bool
    phrased: bool
    sentence: str


# ----------------------------------------------------------------------------------------------
# Results

_MAIN_TABLE = {"crossover": "crossings", "trend": "trend", "points": "points", "frontier": "frontier", "compare": "values"}


class Result:
    """What one statement gave: its ``kind`` ("compare", "rank", "crossover", "trend",
    "points", …), the resolved ``query``, typed ``tables``, the typed ``comparison`` (compare),
    ``verdicts`` as data, the verdict sentences (``summary``) and ``notes``."""

    def __init__(self, result, session: Optional["Session"] = None):
        self._r = result
        self._session = session
        self.kind: str = result.kind
        self.query: str = result.query

    # -- data ------------------------------------------------------------------------------
    @property
    def notes(self) -> List[str]:
        """What was computed, from what, and every caveat (the attribution line is ``attribution()``)."""
        return list(self._r.notes)

    @property
    def summary(self) -> List[str]:
        """The verdict sentences, as the table format prints them under "Verdicts"."""
        return list(self._r.summary)

    @property
    def warnings(self) -> list:
        return list(self._r.warnings)

    @property
    def comparison(self):
        """The typed comparison (a compare; None otherwise): ``sides``, ``metrics``, ``targets``
        (each side's values, evidence and the verdicts there) and lookups by name:
        ``value(side, metric, interactivity)``, ``verdict(metric, interactivity)``, ``at(side, interactivity)``."""
        return self._r.comparison

    @property
    def verdicts(self) -> List[Verdict]:
        """Every verdict of a comparison, per target and metric (in the order of the targets,
        then of the shown metrics); empty for other kinds of result."""
        c = self._r.comparison
        if c is None:
            return []
        out = []
        for t in c.targets:
            for v in t.verdicts:
                named = v.outcome != "none"
                out.append(
                    Verdict(
                        interactivity=t.interactivity,
                        metric=v.metric,
                        outcome=v.outcome,
                        winner=v.winner if named else None,
                        runner_up=v.runner_up if named else None,
                        ratio=v.ratio,
                        percent=v.percent,
                        saving=v.saving,
                        winner_evidence=v.winner_evidence,
                        runner_up_evidence=v.runner_up_evidence,
                        solid=v.solid,
                        phrased=v.phrased,
                        sentence=t.sentence,
                    )
                )
        return out

    @property
    def tables(self) -> List[Table]:
        return [Table(t, self) for t in self._r.tables]

    def table(self, title: str) -> Table:
        for t in self._r.tables:
            if t.title == title:
                return Table(t, self)
        raise KeyError(f"no table {title!r}; tables: {', '.join(repr(t.title) for t in self._r.tables)}")

    @property
    def has_chart(self) -> bool:
        return self._r.has_chart

    def df(self):
        """The result's main table as a pandas DataFrame (a plain list of dicts without pandas):
        compare: "values", one row per target and side; rank: every target's ranking in one
        frame; crossover: "crossings"; trend: "trend"; points and frontier: their rows; other
        kinds: their first table. Units are in ``attrs["units"]``."""
        tables = self.tables
        if self.kind == "rank" and tables:
            return _frame(tables, self, title="rank")
        main = _MAIN_TABLE.get(self.kind)
        for t in tables:
            if main is None or t.title == main:
                return t.df()
        pd = _pandas()
        if pd is None:
            return []
        frame = pd.DataFrame()
        frame.attrs.update({"query": self.query, "kind": self.kind, "units": {}, "types": {}})
        return frame

    def verdicts_df(self):
        """``verdicts`` as a DataFrame (a list of dicts without pandas)."""
        rows = [v.__dict__ for v in self.verdicts]
        pd = _pandas()
        if pd is None:
            return rows
        cols = list(Verdict.__dataclass_fields__)
        frame = pd.DataFrame(rows, columns=cols)
        frame["percent"] = frame["percent"].astype("Int64")
        frame.attrs.update({"query": self.query, "kind": self.kind, "title": "verdicts"})
        return frame

    # -- text ------------------------------------------------------------------------------
    def render(self, format: str = "table", **options) -> str:
        """The result in one of icq's output formats: table, markdown, csv, json, jsonl, page,
        svg, html (options: unicode, color, columns, log_x, log_y)."""
        return self._r.render(format, **options)

    def to_json(self) -> str:
        """The JSON object of ``icq --format json`` for this result."""
        return self._r.render("json")

    def to_dict(self) -> dict:
        import json  # noqa: PLC0415

        return json.loads(self.to_json())

    def to_svg(self) -> Optional[str]:
        """The chart as an SVG document, or None when the result has none."""
        return self._r.render("svg") if self._r.has_chart else None

    def to_png(self, path: PathLike) -> None:
        """Writes the chart as a PNG (twice the SVG's size) with icq's helper program icq-png."""
        if not self._r.has_chart:
            raise ValueError(f"a {self.kind} result has no chart (compare, frontier, trend and points do)")
        helper = png_helper()
        if helper is None:
            raise RuntimeError(
                "PNG output needs the helper program icq-png, built with icq when librsvg2-dev is installed "
                "(it was not found in the icq package; set ICQ_PNG to its path)"
            )
        done = subprocess.run([helper, os.fspath(path)], input=self._r.render("svg").encode(), capture_output=True)
        if done.returncode != 0:
            raise RuntimeError(done.stderr.decode(errors="replace").strip() or f"icq-png exited with {done.returncode}")

    def plot(self, columns: int = 80, rows: int = 24) -> str:
        """The chart in Unicode braille cells, for a terminal; "" without a chart."""
        return self._r.plot(columns, rows)

    def _repr_html_(self) -> str:
        return _icq.render_html([self._r], fragment=True)

    def _repr_svg_(self) -> Optional[str]:
        return self.to_svg()

    def __str__(self) -> str:
        return self._r.render("table")

    def __repr__(self) -> str:
        return f"<icq.Result {self.kind}: {self.query}>"


class Results(list):
    """The results of a run, displayed together in a notebook (one HTML fragment)."""

    def _repr_html_(self) -> str:
        return render_html(self, fragment=True)

    def __str__(self) -> str:
        return "\n".join(str(r) for r in self)


def render_html(results: Iterable[Result], fragment: bool = False) -> str:
    """Results as one self-contained HTML page (tables, charts, verdicts, notes), or as a
    fragment to put inside another page."""
    return _icq.render_html([r._r for r in results], fragment=fragment)


def png_helper() -> Optional[str]:
    """The icq-png program: $ICQ_PNG, else the one installed with the package."""
    env = os.environ.get("ICQ_PNG")
    if env:
        return env if os.access(env, os.X_OK) else None
    here = os.path.join(os.path.dirname(os.path.abspath(__file__)), "bin", "icq-png")
    return here if os.access(here, os.X_OK) else None


# ----------------------------------------------------------------------------------------------
# Sessions


def _paths(data) -> Optional[List[str]]:
    if data is None:
        return None
    if isinstance(data, (str, bytes, os.PathLike)):
        data = [data]
    return [os.fsdecode(os.fspath(p)) for p in data]


def param_text(value: Any) -> str:
    """A Python value as the text of an icq parameter, which stands for one value ("fp8", "50")."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (list, tuple, set, dict)):
        raise ValueError(f"an icq parameter is one value (a word or a number), not {type(value).__name__} {value!r}")
    return str(value)


class Session:
    """Loaded data, settings and parameters; runs icq text.

    ``data``: files or folders to load instead of the built-in data (any format icq reads).
    ``cache``: the folder of ``icq fetch``'s cache whose newest capture is loaded over the
    built-in data; None takes icq's default ($ICQ_CACHE, else ~/.cache/icq), False none.
    ``params``: parameters that win over the scripts' ``param NAME = VALUE``.
    ``sandboxed``: refuse the statements that reach past the session (``load``, ``set format``).

    A session may be used from several threads: its runs take turns. While a statement runs the
    GIL is released; Ctrl-C (a kernel interrupt) cancels it and raises KeyboardInterrupt, and
    ``cancel()`` from another thread stops it with ``icq.Cancelled``.
    """

    def __init__(
        self,
        data: Union[PathLike, Sequence[PathLike], None] = None,
        cache: Union[PathLike, bool, None] = None,
        params: Optional[Mapping[str, Any]] = None,
        *,
        sandboxed: bool = False,
        max_query_bytes: Optional[int] = None,
        max_targets: Optional[int] = None,
        max_sides: Optional[int] = None,
        _core=None,
    ):
        if _core is not None:
            self._s = _core
        else:
            no_cache = cache is False
            cache_dir = None if cache is None or isinstance(cache, bool) else os.fsdecode(os.fspath(cache))
            try:
                self._s = _icq.Session(
                    data=_paths(data),
                    cache=cache_dir,
                    no_cache=no_cache,
                    params={str(k): param_text(v) for k, v in (params or {}).items()},
                    sandboxed=sandboxed,
                    max_query_bytes=max_query_bytes,
                    max_targets=max_targets,
                    max_sides=max_sides,
                )
            except _icq.SessionError as e:
                raise QueryError(e.args[0]) from None
        self.warnings: list = list(self._s.take_warnings())  # the data's load warnings

    def run(self, text: str, *, source: str = "query", stop_at_error: bool = True) -> List[Result]:
        """Runs every statement of ``text``; one Result per statement. An error raises
        QueryError (its ``results`` hold those before it); with ``stop_at_error=False`` the
        statements after a failing one run too and the first error is raised at the end."""
        results, diagnostics, _code = self._s.run(text, source, stop_at_error)
        self.warnings.extend(self._s.take_warnings())
        wrapped = Results(Result(r, self) for r in results)
        _raise_for(diagnostics, wrapped)
        return wrapped

    def run1(self, text: str) -> Result:
        """Runs one statement and gives its Result."""
        results = self.run(text)
        if len(results) != 1:
            raise ValueError(f"run1 expects one statement; the text has {len(results)}")
        return results[0]

    def cancel(self) -> None:
        """Stops the run in progress (from another thread) at its next check point; it raises
        icq.Cancelled. Sent while nothing runs, it stops the next run at its start."""
        self._s.cancel()

    def complete(self, line: str) -> List[str]:
        """Words that may complete the last word of ``line``: keywords, and values present in
        the data narrowed by the filters already on the line."""
        return list(self._s.complete(line))

    def check(self, text: str) -> list:
        """Parses without running: the syntax diagnostics."""
        return list(self._s.check(text))

    def data(self) -> Dict[str, Any]:
        """What the session's data holds: files, rows, lines, models, GPUs, run dates, sources."""
        d = self._s.data()
        return {
            "files": d.files,
            "rows": d.rows,
            "lines": d.lines,
            "unusable_rows": d.unusable_rows,
            "duplicates_merged": d.duplicates_merged,
            "models": list(d.models),
            "gpus": list(d.gpus),
            "first_date": d.first_date,
            "last_date": d.last_date,
            "sources": list(d.sources),
            "note": d.note,
            "snapshot": d.snapshot,
        }

    def set_param(self, name: str, value: Any) -> None:
        """Sets a parameter ($NAME) that wins over the scripts' ``param NAME = VALUE``."""
        self._s.set_param(str(name), param_text(value))

    @property
    def format(self) -> Optional[str]:
        """The output format a script asked for with ``set format``, if any."""
        return self._s.format()

    def fresh(self) -> "Session":
        """A new Session over this one's data (shared, not loaded again), with nothing its runs
        changed."""
        return Session(_core=self._s.fresh())

    def __repr__(self) -> str:
        d = self._s.data()
        return f"<icq.Session: {d.rows} rows, {d.lines} lines, {d.files} files>"
