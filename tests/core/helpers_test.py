#!/usr/bin/env python3
"""How icq runs its helper programs (repl/common/helpers.cpp), with icq alone in a folder (hard-linked
from the build) and stand-in helpers beside it: a missing helper is an error that names the helper,
the Debian package it needs and how to build it; a helper that cannot start (exit 127, a library
missing) names the package to install; the PNG helper gets the path and the chart's SVG on stdin;
a SIGTERM sent to icq reaches the helper, whose exit code icq returns.
Usage: helpers_test.py ICQ WORK_DIR"""
import os
import shutil
import signal
import subprocess
import sys
import time

from checks import check, finish

ICQ, WORK = sys.argv[1], sys.argv[2]
COMPARE = "compare precision fp4 vs fp8 on mi355x model dsr1 seq 1k/1k"


def run(*args, **kw):
    env = dict(os.environ, NO_COLOR="1")
    return subprocess.run([icq, *args], capture_output=True, text=True, env=env, timeout=120, **kw)


def helper(name, script):
    path = os.path.join(bin_dir, name)
    with open(path, "w") as f:
        f.write("#!/bin/sh\n" + script)
    os.chmod(path, 0o755)
    return path


shutil.rmtree(WORK, ignore_errors=True)
bin_dir = os.path.join(WORK, "bin")
os.makedirs(bin_dir)
icq = os.path.join(bin_dir, "icq")
try:
    os.link(ICQ, icq)
except OSError:
    shutil.copy2(ICQ, icq)

r = run("fetch", "--help")
check("no icq-fetch: exit 2, naming the helper, libcurl4 and how to build it",
      r.returncode == 2 and "needs the helper program icq-fetch" in r.stderr and "apt-get install libcurl4-openssl-dev" in r.stderr
      and "--target icq-fetch" in r.stderr and "Debian package libcurl4" in r.stderr and bin_dir in r.stderr, r.stderr)
r = run("mcp")
check("no icq-mcp: exit 2, naming it and its build target",
      r.returncode == 2 and "needs the helper program icq-mcp" in r.stderr and "--target icq-mcp" in r.stderr, r.stderr)
r = run("--no-cache", "serve", "--port", "0")
check("no icq-serve: exit 2, naming it, libcpp-httplib-dev and its build target",
      r.returncode == 2 and "`icq serve` needs the helper program icq-serve" in r.stderr and "apt-get install libcpp-httplib-dev" in r.stderr
      and "--target icq-serve" in r.stderr and "Debian package libcpp-httplib0.11" in r.stderr, r.stderr)
png = os.path.join(WORK, "c.png")
r = run("--no-cache", "--output", png, "-c", COMPARE)
check("no icq-png: the results still print, exit 2, naming librsvg2-2 and librsvg2-dev",
      r.returncode == 2 and "Throughput (tok/s/GPU)" in r.stdout and "needs the helper program icq-png" in r.stderr
      and "librsvg2-dev" in r.stderr and "librsvg2-2" in r.stderr and not os.path.exists(png), r.stderr)

helper("icq-png", "exit 127\n")
r = run("--no-cache", "--output", png, "-c", COMPARE)
check("icq-png that cannot start (127): exit 2, install librsvg2-2",
      r.returncode == 2 and "icq-png could not start" in r.stderr and "apt-get install librsvg2-2" in r.stderr, r.stderr)

got = os.path.join(WORK, "got")
helper("icq-png", f'echo "$0 $#: $1" > {got}.args\ncat > {got}.svg\n')
r = run("--no-cache", "--output", png, "-c", COMPARE)
args = open(got + ".args").read() if os.path.exists(got + ".args") else ""
svg = open(got + ".svg").read() if os.path.exists(got + ".svg") else ""
check("icq-png gets the PNG's path and the chart's SVG on stdin",
      r.returncode == 0 and args.strip() == f"{bin_dir}/icq-png 1: {png}" and svg.startswith("<svg") and svg.rstrip().endswith("</svg>"),
      f"{r.returncode} {r.stderr} {args!r} {svg[:80]!r}")

helper("icq-fetch", f'echo "$@" > {got}.fetch\nexit 3\n')
r = run("--cache", "/tmp/x", "fetch", "model", "dsr1")
check("icq fetch: the helper gets every argument but the word, and icq exits with its code",
      r.returncode == 3 and open(got + ".fetch").read().strip() == "--cache /tmp/x model dsr1", f"{r.returncode} {r.stderr}")

helper("icq-serve", f'echo "$@" > {got}.serve\nexit 4\n')
r = run("--no-cache", "serve", "--port", "0")
check("icq serve: the helper gets every argument but the word, and icq exits with its code",
      r.returncode == 4 and open(got + ".serve").read().strip() == "--no-cache --port 0", f"{r.returncode} {r.stderr}")

helper("icq-fetch", "trap 'kill $!; echo helper got TERM >&2; exit 2' TERM\necho ready >&2\nsleep 30 >/dev/null 2>&1 &\nwait\n")
p = subprocess.Popen([icq, "fetch"], stderr=subprocess.PIPE, text=True)
ready = p.stderr.readline()
start = time.monotonic()
p.send_signal(signal.SIGTERM)
try:
    _, err = p.communicate(timeout=10)
except subprocess.TimeoutExpired:
    p.kill()
    _, err = p.communicate()
check("a SIGTERM sent to icq reaches the helper, and icq ends with its exit code",
      ready.strip() == "ready" and p.returncode == 2 and "helper got TERM" in err and time.monotonic() - start < 5, f"{p.returncode} {err}")

shutil.rmtree(WORK, ignore_errors=True)
finish()
