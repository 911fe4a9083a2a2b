"""Shared fixtures of the icq package's tests: the icq command (ICQ_CLI) whose JSON the DataFrames
must equal, and one Session over the built-in data. The tests import the package from PYTHONPATH
(the build tree's python/ folder; ctest sets it) and run without the user's `icq fetch` cache
(ICQ_CACHE points at a folder that does not exist), as the command they compare with does."""
import json
import os
import subprocess

import pytest

import icq


def pytest_report_header(config):
    return f"icq {icq.version} from {os.path.dirname(icq.__file__)}; icq command: {os.environ.get('ICQ_CLI', '(ICQ_CLI not set)')}"


@pytest.fixture(scope="session")
def cli():
    path = os.environ.get("ICQ_CLI")
    if not path or not os.access(path, os.X_OK):
        pytest.fail("ICQ_CLI must name the icq command built beside the module (ctest sets it)")

    def run_json(query, *args, raw=False):
        """The results of `icq --format json -c QUERY` (a list), or its stdout with raw=True."""
        done = subprocess.run([path, "--format", "json", *args, "-c", query], capture_output=True, text=True, timeout=300)
        assert done.returncode == 0, done.stderr
        if raw:
            return done.stdout
        doc = json.loads(done.stdout)
        return doc if isinstance(doc, list) else [doc]

    return run_json


@pytest.fixture(scope="session")
def session():
    return icq.Session()
