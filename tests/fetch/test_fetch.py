#!/usr/bin/env python3
"""`icq fetch` end to end against tests/fetch/server.py, a local stand-in for the InferenceX API
serving real captures: a fresh cache fills, runs see it, an unchanged API adds nothing, and every
misbehaviour, a kill half-way, a read-only or full cache leaves the cache byte-identical (exit 2,
a message naming the endpoint). Usage: test_fetch.py ICQ DATA_DIR [TEST_NAME ...]"""
import datetime
import gzip
import hashlib
import json
import os
import re
import resource
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import urllib.request

ICQ = os.path.abspath(sys.argv[1])
DATA = os.path.abspath(sys.argv[2])
ONLY = sys.argv[3:]
HERE = os.path.dirname(os.path.abspath(__file__))
SERVED = [os.path.join(DATA, "api", "2026-06-14"), os.path.join(DATA, "api-partial", "2026-08-13")]
EXPECTED_FILES = {
    "availability.json", "evaluations.json", "reliability.json", "capture.json",
    "benchmarks-dsr1.json", "benchmarks-history-dsr1-1024x1024.json", "benchmarks-history-dsr1-1024x8192.json",
    "benchmarks-history-dsr1-8192x1024.json", "benchmarks-qwen3.5.json", "benchmarks-history-qwen3.5-1024x1024.json",
    "benchmarks-history-qwen3.5-1024x8192.json", "benchmarks-history-qwen3.5-8192x1024.json",
    "benchmarks-history-qwen3.5-agentic.json", "icq.snapshot", "icq.manifest",
}

passed, failed = 0, 0


def check(name, ok, detail=""):
    global passed, failed
    if ok:
        passed += 1
        print(f"ok    {name}")
    else:
        failed += 1
        print(f"FAIL  {name}" + (f"\n      {detail}" if detail else ""))


class Server:
    def __init__(self):
        self.p = subprocess.Popen([sys.executable, os.path.join(HERE, "server.py"), "--time-limit", "150"] + SERVED,
                                  stdout=subprocess.PIPE, text=True)
        self.port = int(self.p.stdout.readline())
        self.url = f"http://127.0.0.1:{self.port}"

    def admin(self, **params):
        q = "&".join(f"{k}={urllib.request.quote(str(v), safe='')}" for k, v in params.items())
        urllib.request.urlopen(f"{self.url}/__admin?{q}", timeout=10).read()

    def log(self):
        return json.loads(urllib.request.urlopen(f"{self.url}/__admin/log", timeout=10).read())

    def get(self, path):
        with urllib.request.urlopen(self.url + path, timeout=10) as r:
            body = r.read()
            return gzip.decompress(body) if r.headers.get("Content-Encoding") == "gzip" else body

    def stop(self):
        self.p.kill()
        self.p.wait()


def env_for(**extra):
    env = {k: v for k, v in os.environ.items() if k not in ("ICQ_CACHE", "ICQ_API", "XDG_CACHE_HOME")}
    env.update(NO_COLOR="1", ICQ_HISTORY=os.devnull)
    env.update(extra)
    return env


AGE = re.compile(r"fetched (just now|\d+ (s|min|h|days) ago)")


def icq(*args, env=None, timeout=90, **kw):
    return subprocess.run([ICQ, *args], capture_output=True, text=True, timeout=timeout, env=env or env_for(), **kw)


def tree(root):
    """Every path of the tree with its type, mode and content hash: equal trees, equal caches."""
    h = hashlib.sha256()
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames.sort()
        for name in sorted(dirnames) + sorted(filenames):
            p = os.path.join(dirpath, name)
            st = os.lstat(p)
            h.update(f"{os.path.relpath(p, root)}\0{st.st_mode}\0".encode())
            if os.path.isfile(p):
                with open(p, "rb") as f:
                    h.update(hashlib.sha256(f.read()).digest())
    return h.hexdigest()


def temp_folders(cache):
    return [n for n in os.listdir(cache) if n.startswith("tmp-")] if os.path.isdir(cache) else []


def captures(cache):
    d = os.path.join(cache, "captures")
    return sorted(os.listdir(d)) if os.path.isdir(d) else []


TODAY = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d")


def fetch(server, cache, *more, **kw):
    return icq("fetch", "--api", server.url, "--cache", cache, *more, **kw)


def test_fresh_cache(server, tmp):
    cache = os.path.join(tmp, "fresh")
    r = fetch(server, cache)
    check("fresh: exit 0", r.returncode == 0, r.stderr)
    check("fresh: says what it fetched", f"fetched capture {TODAY}" in r.stdout and "2 models" in r.stdout and "the first capture" in r.stdout, r.stdout)
    d = os.path.join(cache, "captures", TODAY)
    files = set(os.listdir(d)) if os.path.isdir(d) else set()
    check("fresh: one capture in the API's file layout", captures(cache) == [TODAY] and files == EXPECTED_FILES, sorted(files ^ EXPECTED_FILES))
    check("fresh: no temporary folder left", temp_folders(cache) == [])
    manifest = json.load(open(os.path.join(d, "capture.json")))
    check("fresh: capture.json names the API, the time and the models",
          manifest["api"] == server.url and manifest["fetched_at"].startswith(TODAY) and manifest["complete"] is True
          and manifest["models"] == ["DeepSeek-R1-0528", "Qwen-3.5-397B-A17B"] and manifest["model_list"] == "openapi", manifest)
    good = True
    for e in manifest["endpoints"]:
        body = open(os.path.join(d, e["file"]), "rb").read()
        served = server.get(e["path"])
        rows = len(json.loads(body))
        if body != served or e["bytes"] != len(body) or e["sha256"] != hashlib.sha256(body).hexdigest() or e["rows"] != rows:
            good = False
            print(f"      {e['file']}: bytes {e['bytes']}/{len(body)} rows {e['rows']}/{rows} identical {body == served}")
    check("fresh: every file is the server's body byte for byte, with its size, sha256 and rows", good and len(manifest["endpoints"]) == 12)
    paths = [x["path"] for x in server.log()]
    check("fresh: history per sequence and the agentic history requested",
          "/api/v1/benchmarks/history?model=DeepSeek-R1-0528&isl=8192&osl=1024" in paths
          and "/api/v1/benchmarks/history?model=Qwen-3.5-397B-A17B&benchmarkType=agentic_traces" in paths
          and "/api/v1/benchmarks?model=Qwen-3.5-397B-A17B" in paths, paths)

    r = icq("--cache", cache, "-c", "list models")
    check("run: list models shows the fetched models and the capture", r.returncode == 0 and "dsr1" in r.stdout and "qwen3.5" in r.stdout
          and f"data: built-in snapshot + capture {TODAY} (fetched just now, {cache})" in r.stdout, r.stdout + r.stderr)
    check("run: loading the cache prints nothing on stderr", r.stderr == "", r.stderr)
    r = icq("--cache", cache, "-c", "list sources")
    check("run: list sources shows the capture's files", f"cache:{d}/benchmarks-dsr1.json" in r.stdout
          and f"cache:{d}/benchmarks-history-qwen3.5-agentic.json" in r.stdout and f"cache:{d}/evaluations.json" in r.stdout, r.stdout)
    r = icq("--cache", cache, "--format", "json", "-c", "compare precision fp4 vs fp8 on mi355x model dsr1")
    notes = json.loads(r.stdout)[0].get("notes", []) if r.returncode == 0 else []  # one array per run
    check("run: a comparison's notes name the capture (json too)", any(n.startswith(f"data: built-in snapshot + capture {TODAY}") for n in notes), r.stdout[-600:])
    r = icq("--cache", cache, "-c", "points on mi355x model dsr1 show source limit 1")
    check("run: the capture's rows win the duplicate merge over the built-in ones", f"cache:{d}/" in r.stdout, r.stdout)
    r = icq("-c", "list models", env=env_for(ICQ_CACHE=cache))
    check("run: ICQ_CACHE selects the cache", f"capture {TODAY}" in r.stdout, r.stdout)
    r = icq("--cache", cache, "--no-cache", "-c", "list sources")
    check("run: --no-cache leaves the cache out", "cache:" not in r.stdout and "capture" not in r.stdout, r.stdout)
    r = icq("--cache", cache, "--data", SERVED[0], "-c", "list sources")
    check("run: --data replaces everything, the cache too", r.returncode == 0 and "cache:" not in r.stdout and "capture " not in r.stdout, r.stdout)
    r = icq("--cache", cache, "-c", ".data")
    check("run: .data names the capture", f"capture {TODAY}" in r.stdout, r.stdout)

    before = tree(cache)
    r = fetch(server, cache)
    check("again: an unchanged API adds no capture", r.returncode == 0 and f"unchanged since capture {TODAY}" in r.stdout
          and tree(cache) == before, r.stdout + r.stderr)
    return cache


def test_new_rows_same_day(server, tmp):
    cache = os.path.join(tmp, "sameday")
    server.admin(mode="older")
    r1 = fetch(server, cache)
    server.admin(mode="normal")
    r2 = fetch(server, cache)
    check("same day: a second capture is -2", r1.returncode == 0 and r2.returncode == 0 and captures(cache) == [TODAY, TODAY + "-2"],
          r1.stdout + r2.stdout + r2.stderr)
    m = re.search(r"([\d,]+) new since capture " + re.escape(TODAY) + r"\)", r2.stdout)
    check("same day: the summary counts the new rows", m is not None and int(m.group(1).replace(",", "")) > 0, r2.stdout)
    r = icq("--cache", cache, "-c", "list models")
    check("same day: a run reads the newest capture", f"capture {TODAY}-2 (fetched" in r.stdout, r.stdout)


def test_misbehaviour(server, tmp, cache):
    cases = [
        ("500", dict(mode="error500", match="history?model=DeepSeek"), ["--retries", "1"],
         ["GET /api/v1/benchmarks/history?model=DeepSeek-R1-0528&isl=1024&osl=1024 failed", "HTTP 500: Internal server error", "after 2 attempts"]),
        ("truncated transfer", dict(mode="truncate", match="benchmarks?model=Qwen"), ["--retries", "0"],
         ["GET /api/v1/benchmarks?model=Qwen-3.5-397B-A17B failed", "truncated body"]),
        ("truncated JSON", dict(mode="truncate-json", match="evaluations"), [], ["GET /api/v1/evaluations failed", "truncated body"]),
        ("HTML instead of JSON", dict(mode="html", match="reliability"), [], ["GET /api/v1/reliability failed", "not JSON: <!DOCTYPE html>"]),
        ("404 for one model", dict(mode="notfound", match="model=Qwen"), [],
         ["GET /api/v1/benchmarks?model=Qwen-3.5-397B-A17B failed", "HTTP 404: Unknown model"]),
        ("slow past the timeout", dict(mode="slow", match="availability", delay=5), ["--timeout", "1", "--retries", "0"],
         ["GET /api/v1/availability failed", "timeout"]),
    ]
    for name, mode, args, words in cases:
        before = tree(cache)
        server.admin(**mode)
        start = time.monotonic()
        r = fetch(server, cache, *args)
        took = time.monotonic() - start
        server.admin(mode="normal")
        ok = r.returncode == 2 and all(w in r.stderr for w in words) and "nothing was changed" in r.stderr
        check(f"{name}: exit 2 naming the endpoint and why", ok, f"exit {r.returncode} in {took:.1f} s: {r.stderr}")
        check(f"{name}: the cache is byte-identical, no temporary folder", tree(cache) == before and temp_folders(cache) == [])

    before = tree(cache)
    server.admin(mode="429", match="evaluations", count=1)
    r = fetch(server, cache)
    statuses = [x["status"] for x in server.log() if x["path"] == "/api/v1/evaluations"]
    check("429 then 200: retried after Retry-After, then unchanged", r.returncode == 0 and statuses == [429, 200]
          and "unchanged since" in r.stdout and tree(cache) == before, f"{statuses} {r.stdout} {r.stderr}")
    server.admin(mode="normal")


def test_kill(server, tmp, cache):
    # A signal's exit code is 128 + its number, as a shell reports it: 130 for Ctrl-C (README's exit codes).
    for sig, words in ((signal.SIGTERM, "terminated (SIGTERM)"), (signal.SIGINT, "interrupted (SIGINT")):
        before = tree(cache)
        server.admin(mode="slow", match="history?model=Qwen", delay=60)
        p = subprocess.Popen([ICQ, "fetch", "--api", server.url, "--cache", cache], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                             text=True, env=env_for())
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline and not any(x["status"] == "slow" for x in server.log()):
            time.sleep(0.05)
        mid_fetch = bool(temp_folders(cache))
        start = time.monotonic()
        p.send_signal(sig)
        try:
            out, err = p.communicate(timeout=10)
        except subprocess.TimeoutExpired:
            p.kill()
            out, err = p.communicate()
        took = time.monotonic() - start
        server.admin(mode="normal")
        check(f"{sig.name} half-way: exit {128 + sig} within 3 s, saying so", mid_fetch and p.returncode == 128 + sig and words in err and took < 3,
              f"mid-fetch {mid_fetch}, exit {p.returncode} after {took:.1f} s: {err}")
        check(f"{sig.name} half-way: the cache is byte-identical, no temporary folder", tree(cache) == before and temp_folders(cache) == [])


def test_unwritable(server, tmp, cache):
    ro = os.path.join(tmp, "readonly")
    shutil.copytree(cache, ro)
    as_root = os.geteuid() == 0
    for dirpath, dirnames, filenames in os.walk(ro, topdown=False):
        for n in filenames:
            os.chmod(os.path.join(dirpath, n), 0o444)
        os.chmod(dirpath, 0o555)
    os.chmod(tmp, 0o755)
    before = tree(ro)
    # root writes anywhere: the read-only cache is tried as an unprivileged user instead.
    r = fetch(server, ro, user=65534, group=65534, extra_groups=[]) if as_root else fetch(server, ro)
    check("read-only cache: exit 2 with a clear message", r.returncode == 2 and "Permission denied" in r.stderr
          and "must be writable" in r.stderr and "--cache" in r.stderr, r.stderr)
    check("read-only cache: unchanged", tree(ro) == before)

    full = os.path.join(tmp, "full")
    shutil.copytree(cache, full)
    server.admin(mode="older")  # something new to write
    before = tree(full)

    def small_files():
        resource.setrlimit(resource.RLIMIT_FSIZE, (64 * 1024, 64 * 1024))

    r = fetch(server, full, preexec_fn=small_files)
    server.admin(mode="normal")
    check("full cache (file size limit): exit 2 saying the folder is full", r.returncode == 2 and "is full" in r.stderr and "writing " in r.stderr, r.stderr)
    check("full cache: byte-identical, no temporary folder", tree(full) == before and temp_folders(full) == [])


def test_models_and_fallback(server, tmp):
    cache = os.path.join(tmp, "models")
    r = fetch(server, cache, "model", "dsr1")
    d = os.path.join(cache, "captures", TODAY)
    files = set(os.listdir(d)) if os.path.isdir(d) else set()
    check("model dsr1: only that model's files", r.returncode == 0 and "benchmarks-dsr1.json" in files
          and not any("qwen" in f for f in files) and json.load(open(os.path.join(d, "capture.json")))["complete"] is False, r.stdout + r.stderr)
    r = fetch(server, cache, "model", "qwen")
    check("model qwen (a dashboard slug alias): a second, limited capture", r.returncode == 0 and "Qwen-3.5-397B-A17B" in r.stdout
          and captures(cache) == [TODAY, TODAY + "-2"], r.stdout + r.stderr)
    r = icq("--cache", cache, "-c", "list sources")
    check("limited captures overlay: a run sees both models' files", "benchmarks-dsr1.json" in r.stdout and "benchmarks-qwen3.5.json" in r.stdout
          and f"captures {TODAY}-2 (Qwen-3.5-397B-A17B; fetched just now) over {TODAY}" in r.stdout, r.stdout)
    before = tree(cache)
    r = fetch(server, cache, "model", "llama")
    check("model not listed by the API: exit 2 listing what it lists", r.returncode == 2 and "model 'llama'" in r.stderr
          and "the API lists: DeepSeek-R1-0528, Qwen-3.5-397B-A17B" in r.stderr and tree(cache) == before, r.stderr)

    cache = os.path.join(tmp, "fallback")
    server.admin(mode="html", match="openapi.json")
    r = fetch(server, cache)
    server.admin(mode="normal")
    d = os.path.join(cache, "captures", TODAY)
    manifest = json.load(open(os.path.join(d, "capture.json"))) if os.path.isdir(d) else {}
    check("no openapi.json: the models come from the availability", r.returncode == 0 and "using the models /api/v1/availability lists" in r.stderr
          and manifest.get("model_list") == "availability" and "DeepSeek-R1-0528" in manifest.get("models", [])
          and os.path.exists(os.path.join(d, "benchmarks-history-qwen3.5-agentic.json")), r.stdout + r.stderr)


def test_validators(server, tmp):
    cache = os.path.join(tmp, "validators")
    server.admin(mode="older", validators=1)
    fetch(server, cache)
    server.admin(mode="normal", validators=1)
    r1 = fetch(server, cache)
    server.admin(mode="normal", validators=1)
    before = tree(cache)
    r2 = fetch(server, cache)
    log = [x for x in server.log() if x["path"] != "/api/openapi.json"]
    server.admin(mode="normal", validators=0)
    check("validators: stored from the server's ETag/Last-Modified", r1.returncode == 0
          and all("etag" in e for e in json.load(open(os.path.join(cache, "captures", TODAY + "-2", "capture.json")))["endpoints"]), r1.stdout)
    check("validators: the next fetch asks conditionally, gets 304s and adds nothing",
          r2.returncode == 0 and "12 answered 304 Not Modified" in r2.stdout and log and all(x["conditional"] and x["status"] == 304 for x in log)
          and tree(cache) == before, r2.stdout + r2.stderr + json.dumps(log)[:300])


def test_snapshot(server, tmp, cache):
    copy = os.path.join(tmp, "snapshot")
    shutil.copytree(cache, copy)
    snap = os.path.join(copy, "captures", captures(copy)[-1], "icq.snapshot")
    r = icq("--cache", copy, "-c", ".data")
    check("snapshot: one for other paths (a copied cache) is not used", r.returncode == 0 and "parsed data read from" not in r.stdout, r.stdout)
    r = fetch(server, copy)
    check("snapshot: an unchanged fetch writes it for this cache", r.returncode == 0 and "unchanged since" in r.stdout, r.stdout + r.stderr)
    r = icq("--cache", copy, "-c", ".data")
    check("snapshot: a run reads the parsed data, not the JSON", r.returncode == 0 and f"parsed data read from {snap}" in r.stdout, r.stdout)
    queries = ["list sources", "compare precision fp4 vs fp8 on mi355x model dsr1", "points on b200 model qwen3.5 seq agentic limit 5",
               "accuracy on mi355x model dsr1", "trend throughput on mi355x model dsr1 precision fp8 at 40"]
    with_snapshot = [icq("--cache", copy, "-c", q) for q in queries]
    good = open(snap, "rb").read()
    for damage, data in (("missing", None), ("damaged", good[: len(good) // 2]), ("garbage", b"ICQCACHE1\n" + b"\xff" * 64)):
        if data is None:
            os.remove(snap)
        else:
            open(snap, "wb").write(data)
        parsed = [icq("--cache", copy, "-c", q) for q in queries]
        # The capture's age in the data note ("fetched just now", "1 min ago") moves with the clock
        # on a slow (sanitizer) run: compare everything else.
        same = lambda a, b: AGE.sub("fetched …", a) == AGE.sub("fetched …", b)
        check(f"snapshot {damage}: the JSON is parsed instead, with the same output",
              all(a.returncode == b.returncode == 0 and same(a.stdout, b.stdout) and b.stderr == "" for a, b in zip(with_snapshot, parsed)),
              "\n".join(b.stderr for b in parsed))
    r = fetch(server, copy)
    check("snapshot: the next fetch (unchanged) writes it again", r.returncode == 0 and "unchanged since" in r.stdout
          and open(snap, "rb").read() == good, r.stdout + r.stderr)


def test_housekeeping(server, tmp, cache):
    dead = subprocess.Popen(["true"])
    dead.wait()
    stale = os.path.join(cache, f"tmp-{dead.pid}-0badf00d")
    os.mkdir(stale)
    open(os.path.join(stale, "benchmarks-dsr1.json"), "w").write("[")
    r = fetch(server, cache)
    check("a killed fetch's temporary folder is removed by the next", r.returncode == 0 and not os.path.exists(stale), r.stderr)
    r = icq("fetch", "--timeout", "0")
    check("usage error: exit 2 with help", r.returncode == 2 and "--timeout" in r.stderr and "help:" in r.stderr, r.stderr)
    r = icq("fetch", "--api", "ftp://example.org", "--cache", cache)
    check("a non-HTTP API URL is refused", r.returncode == 2 and "is not an http:// or https:// URL" in r.stderr, r.stderr)
    r = icq("fetch", "--cache", cache, env=env_for(ICQ_API=server.url))
    check("ICQ_API selects the server", r.returncode == 0 and "unchanged since" in r.stdout, r.stdout + r.stderr)
    xdg = os.path.join(tmp, "xdg")
    r = icq("fetch", "--api", server.url, "model", "dsr1", env=env_for(XDG_CACHE_HOME=xdg))
    check("XDG_CACHE_HOME/icq is the default cache", r.returncode == 0 and captures(os.path.join(xdg, "icq")) == [TODAY], r.stdout + r.stderr)
    home = os.path.join(tmp, "home")
    os.mkdir(home)
    r = icq("fetch", "--api", server.url, "model", "dsr1", env=env_for(HOME=home))
    check("~/.cache/icq without XDG_CACHE_HOME", r.returncode == 0 and captures(os.path.join(home, ".cache", "icq")) == [TODAY], r.stdout + r.stderr)


def main():
    tmp = tempfile.mkdtemp(prefix="icq-fetch-test-")
    server = Server()
    try:
        wanted = lambda name: not ONLY or name in ONLY
        cache = test_fresh_cache(server, tmp)
        if wanted("sameday"):
            test_new_rows_same_day(server, tmp)
        if wanted("misbehaviour"):
            test_misbehaviour(server, tmp, cache)
        if wanted("kill"):
            test_kill(server, tmp, cache)
        if wanted("unwritable"):
            test_unwritable(server, tmp, cache)
        if wanted("models"):
            test_models_and_fallback(server, tmp)
        if wanted("validators"):
            test_validators(server, tmp)
        if wanted("snapshot"):
            test_snapshot(server, tmp, cache)
        if wanted("housekeeping"):
            test_housekeeping(server, tmp, cache)
    finally:
        server.stop()
        for dirpath, dirnames, filenames in os.walk(tmp):
            os.chmod(dirpath, 0o755)
        shutil.rmtree(tmp, ignore_errors=True)
    print(f"{passed} passed, {failed} failed")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
