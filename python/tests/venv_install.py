#!/usr/bin/env python3
"""The package as a user installs it, offline: a fresh venv (--system-site-packages: Debian's
setuptools, wheel, pybind11 and pandas), `pip install ./python` from the repository with the
package index switched off, then the issue's one-liner from another folder, its numbers checked
against `icq --format json`; then a wheel built the same way and installed into a second venv.

Usage: venv_install.py REPOSITORY WORK_DIR ICQ_COMMAND
WORK_DIR keeps the CMake build (WORK_DIR/build, through ICQ_PYTHON_BUILD_DIR) between runs, so
only the first run compiles the library; the venvs are made afresh each time. With
ICQ_PYTHON_CMAKE_TREE set (ctest sets it to its own build tree), setup.py builds the module in that
tree instead, so CI compiles the library once; without it, the build is the user's, from scratch."""
import json
import os
import shutil
import subprocess
import sys
import time
import zipfile
from pathlib import Path

QUERY = "compare precision fp4 vs fp8 on mi355x model dsr1"
ONE_LINER = f"import icq; print(icq.Session().run('{QUERY}')[0].df())"
CHECK = f"""
import json, math, icq
frame = icq.Session().run({QUERY!r})[0].df()
rows = [[None if (isinstance(v, float) and math.isnan(v)) or v is None or str(v) == '<NA>' else v for v in r]
        for r in frame.astype(object).itertuples(index=False)]
print(json.dumps({{"file": icq.__file__, "columns": list(frame.columns), "rows": rows}}))
"""


def run(cmd, **kw):
    print("$", " ".join(str(c) for c in cmd), flush=True)
    start = time.monotonic()
    done = subprocess.run([str(c) for c in cmd], **kw)
    print(f"  ({time.monotonic() - start:.0f} s, exit {done.returncode})", flush=True)
    return done


def fresh_venv(path: Path):
    shutil.rmtree(path, ignore_errors=True)
    done = run([sys.executable, "-m", "venv", "--system-site-packages", path])
    assert done.returncode == 0, "python3 -m venv failed (Debian: python3-venv)"
    return path / "bin" / "python"


def check_numbers(python: Path, venv: Path, cli: str, env, cwd):
    done = run([python, "-c", CHECK], capture_output=True, text=True, env=env, cwd=cwd)
    assert done.returncode == 0, done.stderr
    got = json.loads(done.stdout)
    assert Path(got["file"]).resolve().is_relative_to(venv.resolve()), f"icq imported from {got['file']}, not the venv"
    cli_out = subprocess.run([cli, "--format", "json", "-c", QUERY], capture_output=True, text=True, env=env)
    assert cli_out.returncode == 0, cli_out.stderr
    [doc] = json.loads(cli_out.stdout)  # an array per run
    metrics = got["columns"][4:]
    expected = [[t["interactivity"], v["side"], v["status"], v.get("evidence", {}).get("kind", ""), *[v[m] for m in metrics]]
                for t in doc["targets"] for v in t["values"]]
    assert got["rows"] == expected, f"the DataFrame's numbers differ from icq --format json:\n{got['rows']}\n{expected}"
    print(f"  the DataFrame equals icq --format json: {len(expected)} rows x {len(metrics)} metrics")


def main():
    repo, work, cli = Path(sys.argv[1]).resolve(), Path(sys.argv[2]).resolve(), sys.argv[3]
    work.mkdir(parents=True, exist_ok=True)
    env = dict(os.environ)
    env.pop("PYTHONPATH", None)  # only what the venv holds
    env.update(ICQ_PYTHON_BUILD_DIR=str(work / "build"), PIP_NO_INDEX="1", PIP_DISABLE_PIP_VERSION_CHECK="1",
               PIP_NO_CACHE_DIR="1", PYTHONNOUSERSITE="1")
    elsewhere = work / "elsewhere"  # not the repository: `import icq` must find the installed one
    elsewhere.mkdir(exist_ok=True)

    # 1. pip install ./python, as the README says.
    venv = work / "venv"
    python = fresh_venv(venv)
    before = {p.name for p in (repo / "python").iterdir()}
    done = run([venv / "bin" / "pip", "install", "./python"], cwd=repo, env=env)
    assert done.returncode == 0, "pip install ./python failed"
    added = {p.name for p in (repo / "python").iterdir()} - before
    assert not added, f"the build wrote into the source tree: python/{', python/'.join(sorted(added))}"
    done = run([python, "-c", ONE_LINER], capture_output=True, text=True, env=env, cwd=elsewhere)
    print(done.stdout, done.stderr, sep="")
    assert done.returncode == 0, "the one-liner failed"
    assert "fp4" in done.stdout and "fp8" in done.stdout and "interactivity" in done.stdout and "cost" in done.stdout
    check_numbers(python, venv, cli, env, elsewhere)

    # 2. A wheel, built the same way, into a second venv.
    dist = work / "dist"
    shutil.rmtree(dist, ignore_errors=True)
    done = run([venv / "bin" / "pip", "wheel", "--no-build-isolation", "--no-deps", "-w", dist, "./python"], cwd=repo, env=env)
    assert done.returncode == 0, "pip wheel failed"
    [wheel] = list(dist.glob("icq-*.whl"))
    names = zipfile.ZipFile(wheel).namelist()
    assert any(n.startswith("icq/_icq") and n.endswith(".so") for n in names), names
    print(f"  {wheel.name}: {len(names)} files")
    venv2 = work / "venv-wheel"
    python2 = fresh_venv(venv2)
    done = run([venv2 / "bin" / "pip", "install", wheel], env=env)
    assert done.returncode == 0, "installing the wheel failed"
    check_numbers(python2, venv2, cli, env, elsewhere)
    print("ok")
    return 0


if __name__ == "__main__":
    sys.exit(main())
