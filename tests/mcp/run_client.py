#!/usr/bin/env python3
"""Runs client_test.mjs (the official MCP TypeScript SDK's client) against icq mcp.

Skips (exit 77, CTest's SKIP_RETURN_CODE) only when node or the SDK is missing: .ci/install-deps
installs nodejs and npm and runs `npm ci` in tests/mcp (the versions pinned in package-lock.json).

usage: run_client.py ICQ
"""
import os
import shutil
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))


def main():
    icq = os.path.abspath(sys.argv[1])
    node = shutil.which("node")
    if not node:
        print("SKIP: node is not installed (.ci/install-deps installs nodejs and npm)")
        return 77
    if not os.path.isdir(os.path.join(HERE, "node_modules", "@modelcontextprotocol", "sdk")):
        print("SKIP: the MCP SDK is not installed in tests/mcp/node_modules: run `npm ci` in tests/mcp (.ci/install-deps does)")
        return 77
    try:
        return subprocess.run([node, os.path.join(HERE, "client_test.mjs"), icq], cwd=HERE, timeout=150).returncode
    except subprocess.TimeoutExpired:
        print("FAIL: the SDK client test did not finish in 150 s")
        return 1


if __name__ == "__main__":
    sys.exit(main())
