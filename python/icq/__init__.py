"""icq — inference comparison queries over InferenceX benchmark results, from Python.

    import icq
    print(icq.Session().run("compare precision fp4 vs fp8 on mi355x model dsr1")[0].df())

A ``Session`` runs icq text and gives ``Result`` objects: typed tables and comparisons, verdicts
as data, DataFrames (when pandas is installed), and the HTML and SVG a notebook shows. In
IPython or Jupyter, ``%load_ext icq`` adds the ``%icq`` and ``%%icq`` magics.
"""
from ._session import (
    Cancelled,
    QueryError,
    Result,
    Results,
    Session,
    Table,
    Verdict,
    attribution,
    render_html,
    version,
)

__version__ = version

__all__ = [
    "Cancelled",
    "QueryError",
    "Result",
    "Results",
    "Session",
    "Table",
    "Verdict",
    "attribution",
    "render_html",
    "version",
    "load_ipython_extension",
    "unload_ipython_extension",
]


def load_ipython_extension(ipython):
    """``%load_ext icq``: registers the ``%icq`` line magic and the ``%%icq`` cell magic."""
    from ._magic import load

    load(ipython)


def unload_ipython_extension(ipython):
    from ._magic import unload

    unload(ipython)
