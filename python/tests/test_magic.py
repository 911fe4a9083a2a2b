"""%load_ext icq in a real IPython shell: %icq and %%icq run, render, bind with -o, take -D and the
notebook's variables as $parameters, and show an error as its caret."""
import pytest

IPython = pytest.importorskip("IPython")

import icq  # noqa: E402
from icq._magic import MagicUsageError, parse_options  # noqa: E402

QUERY = "compare precision fp4 vs fp8 on mi355x model dsr1 at $target show cost"


@pytest.fixture(scope="module")
def shell():
    from IPython.core.interactiveshell import InteractiveShell  # noqa: PLC0415

    sh = InteractiveShell.instance()
    sh.run_line_magic("load_ext", "icq")
    return sh


def test_cell_magic_binds_and_takes_d_parameters(shell):
    out = shell.run_cell_magic("icq", "-o cmp -D target=50", QUERY)
    assert isinstance(out, icq.Result)
    assert shell.user_ns["cmp"] is out
    assert [t.interactivity for t in out.comparison.targets] == [50]
    assert "<svg" in out._repr_html_()


def test_python_variables_are_parameters(shell):
    shell.user_ns["target"] = 60
    out = shell.run_cell_magic("icq", "", QUERY)
    assert [t.interactivity for t in out.comparison.targets] == [60]
    # -D wins over the variable.
    out = shell.run_cell_magic("icq", "-D target=45", QUERY)
    assert [t.interactivity for t in out.comparison.targets] == [45]


def test_line_magic_and_several_statements(shell):
    shell.user_ns["target"] = 40
    out = shell.run_line_magic("icq", "-o x " + QUERY)
    assert shell.user_ns["x"] is out and out.comparison.targets[0].interactivity == 40
    many = shell.run_cell_magic("icq", "-o both", "list models\nlist gpus")
    assert isinstance(many, icq.Results) and [r.kind for r in many] == ["list", "list"]
    assert many._repr_html_().count("<section") == 2


def test_a_session_of_the_notebook(shell, tmp_path):
    shell.user_ns["mine"] = icq.Session(cache=False)
    out = shell.run_cell_magic("icq", "-s mine", "list gpus")
    assert out.kind == "list"
    with pytest.raises(MagicUsageError):
        shell.run_cell_magic("icq", "-s nothing", "list gpus")


def test_errors_show_the_caret(shell):
    with pytest.raises(icq.QueryError) as e:
        shell.run_cell_magic("icq", "", "compare precision fp4 vs fp9 on mi355x")
    lines = e.value._render_traceback_()
    assert any("^" in line for line in lines)
    assert any("fp8" in line for line in lines)  # did you mean


def test_options():
    assert parse_options("-o a -D x=1 -D y=a b", cell=False) == ({"o": "a", "D": {"x": "1", "y": "a"}, "s": None}, "b")
    assert parse_options("--output a --define x=1", cell=True) == ({"o": "a", "D": {"x": "1"}, "s": None}, "")
    with pytest.raises(MagicUsageError):
        parse_options("-q", cell=True)
    with pytest.raises(MagicUsageError):
        parse_options("-D x", cell=True)
    with pytest.raises(MagicUsageError):
        parse_options("-o a list models", cell=True)
