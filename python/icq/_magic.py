"""The IPython / Jupyter magics of icq (``%load_ext icq``).

    %icq compare precision fp4 vs fp8 on mi355x model dsr1
    %%icq -o cmp -D target=50
    compare precision fp4 vs fp8 on mi355x model dsr1 at $target show cost

The result renders inline (its table, chart, verdicts and notes); ``-o NAME`` binds it to a Python
name (one Result, or a list of them for several statements). ``$name`` in the query is an icq
parameter: ``-D name=value`` sets it, else the Python variable ``name`` of the notebook does
(one value: a word or a number). ``-s NAME`` runs in the Session held by the Python variable NAME instead of
the notebook's own (one icq.Session() over the default data, made at the first use).
"""
from __future__ import annotations

import re

from ._session import QueryError, Results, Session, param_text

_PARAM = re.compile(r"\$([A-Za-z_][A-Za-z0-9_]*)")

USAGE = "usage: %icq [-o NAME] [-D NAME=VALUE]... [-s SESSION] QUERY   or   %%icq [-o NAME] [-D NAME=VALUE]... [-s SESSION] + the query below"


class MagicUsageError(ValueError):
    def _render_traceback_(self):
        return [str(self)]


_OPTIONS = {"-o": "o", "--output": "o", "-D": "D", "--define": "D", "-s": "s", "--session": "s"}


def parse_options(line: str, cell: bool):
    """The options at the start of the line, and the rest of it (a line magic's query)."""
    out = {"o": None, "D": {}, "s": None}
    rest = line.strip()
    while rest.startswith("-"):
        parts = rest.split(None, 2)
        flag = parts[0]
        if flag not in _OPTIONS:
            raise MagicUsageError(f"unknown option {flag!r}\n{USAGE}")
        if len(parts) < 2:
            raise MagicUsageError(f"option {flag} needs a value\n{USAGE}")
        key, value = _OPTIONS[flag], parts[1]
        rest = parts[2].strip() if len(parts) > 2 else ""
        if key == "D":
            name, eq, v = value.partition("=")
            if not eq or not name:
                raise MagicUsageError(f"-D takes NAME=VALUE, not {value!r}\n{USAGE}")
            out["D"][name] = v
        else:
            out[key] = value
    if cell and rest:
        raise MagicUsageError(f"%%icq takes its query in the cell, not on its line: {rest!r}\n{USAGE}")
    return out, rest


def _magics_class():
    from IPython.core.magic import Magics, line_cell_magic, magics_class, no_var_expand  # noqa: PLC0415

    @magics_class
    class IcqMagics(Magics):
        def __init__(self, shell):
            super().__init__(shell)
            self.session = None  # the notebook's own, made at the first use

        def _session(self, name):
            if name:
                s = self.shell.user_ns.get(name)
                if not isinstance(s, Session):
                    raise MagicUsageError(f"-s {name}: the notebook has no icq.Session named {name!r}")
                return s
            if self.session is None:
                self.session = Session()
            return self.session

        @no_var_expand
        @line_cell_magic
        def icq(self, line, cell=None):
            """Runs icq text and shows the result inline; see ``icq._magic`` for the options."""
            opts, rest = parse_options(line, cell is not None)
            text = cell if cell is not None else rest
            if not text.strip():
                raise MagicUsageError(f"no query\n{USAGE}")
            session = self._session(opts["s"])
            # $name: -D first, else the notebook's variable of that name.
            for name in dict.fromkeys(_PARAM.findall(text)):
                if name in opts["D"]:
                    session.set_param(name, opts["D"][name])
                elif name in self.shell.user_ns:
                    session.set_param(name, param_text(self.shell.user_ns[name]))
            for name, value in opts["D"].items():
                session.set_param(name, value)
            results = session.run(text, source="cell" if cell is not None else "query")
            value = results[0] if len(results) == 1 else Results(results)
            if opts["o"]:
                self.shell.user_ns[opts["o"]] = value
            return value

    return IcqMagics


_registered = {}


def load(ipython):
    magics = _magics_class()(ipython)
    ipython.register_magics(magics)
    _registered[id(ipython)] = magics


def unload(ipython):
    magics = _registered.pop(id(ipython), None)
    if magics is not None:
        ipython.magics_manager.registry.pop(type(magics).__name__, None)


__all__ = ["QueryError", "load", "unload", "parse_options"]
