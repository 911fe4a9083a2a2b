#!/usr/bin/env python3
"""A bounded load test of icq serve: 8 clients, each on its own keep-alive connection, make 200
requests each (a mix of pages, JSON, CSV and SVG of several queries, /data.json), twice. Every
answer must be the right one (the command line's bytes for /query.*, the first answer's bytes for
the rest) or the documented 503 (Retry-After: 1, "the server is busy"), which the client retries
after a pause; nothing else. The server's memory (VmRSS of its PID) must stay flat: the first round
may grow it by the allocator's per-thread arenas, a second round of the same work by little
(bounds below, generous for a shared machine). Prints throughput and latency percentiles.

usage: test_load.py ICQ
"""
import http.client
import os
import sys
import threading
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from serve_util import Checks, Server, cli, target  # noqa: E402

ICQ = os.path.abspath(sys.argv[1])
CLIENTS = 8
REQUESTS = 200
# Memory bounds (KiB). A first round of 1,600 requests may grow the server by up to this much (a
# malloc arena per thread that ran a query, caches warmed); the same work again by at most this.
# Measured in a plain build: +4 MB, then +0.2 MB.
FIRST_ROUND_GROWTH_KIB = 96 * 1024
SECOND_ROUND_GROWTH_KIB = 16 * 1024
# Under AddressSanitizer, RSS says little about leaks: freed memory waits in a quarantine (256 MiB)
# and the allocator reuses it late, so a second round grew by 8-20 MB there. LeakSanitizer checks
# leaks instead, when the server exits (abort_on_error makes "exit 0" below fail on a leak).
ASAN_QUARANTINE_KIB = int(os.environ.get("ICQ_ASAN_QUARANTINE_KIB", "0"))
if ASAN_QUARANTINE_KIB:
    FIRST_ROUND_GROWTH_KIB += ASAN_QUARANTINE_KIB
    SECOND_ROUND_GROWTH_KIB = 64 * 1024
BUDGET_SECONDS = 400

COMPARE = "compare precision fp4 vs fp8 on mi355x model dsr1 seq 1k/1k"
RANK = "rank gpu by cost at interactivity 50 model dsr1 precision fp8 seq 8k/1k"
TREND = "trend throughput model dsr1 precision fp8 seq 1k/1k at 50 by gpu"
check = Checks()


def work():
    """(path, params, expected bytes or None: the first answer's) of the mix."""
    mix = []
    for fmt, q in (("json", COMPARE), ("csv", COMPARE), ("svg", COMPARE), ("json", RANK), ("csv", RANK), ("json", TREND),
                   ("csv", "list gpus; list models")):
        code, out, err = cli(ICQ, "--format", fmt, "-c", q)
        assert code == 0, err
        mix.append(("/query." + fmt, {"q": q}, out))
    mix.append(("/", {"q": COMPARE}, None))
    mix.append(("/data.json", {}, None))
    mix.append(("/complete.json", {"q": "compare precision fp4 vs fp8 on mi3"}, None))
    return mix


def run_round(s, mix, requests):
    lock = threading.Lock()
    stats = {"ok": 0, "busy": 0, "wrong": [], "latency": []}

    def client(n):
        conn = s.connect(timeout=60)
        i = 0
        while i < requests:
            path, params, want = mix[(n * 7 + i) % len(mix)]
            start = time.monotonic()
            try:
                conn.request("GET", target(path, **params))
                r = conn.getresponse()
                body = r.read()
            except (http.client.HTTPException, OSError) as e:
                with lock:
                    stats["wrong"].append("%s: %r" % (path, e))
                conn.close()
                conn = s.connect(timeout=60)
                i += 1
                continue
            took = time.monotonic() - start
            with lock:
                if r.status == 503 and r.getheader("Retry-After") == "1" and b"the server is busy" in body:
                    stats["busy"] += 1
                elif r.status == 200 and body == want:
                    stats["ok"] += 1
                    stats["latency"].append(took)
                    i += 1
                else:
                    stats["wrong"].append("%s %s: %d %r" % (path, params, r.status, body[:120]))
                    i += 1
            if r.status == 503:
                time.sleep(0.02)
        conn.close()

    threads = [threading.Thread(target=client, args=(n,)) for n in range(CLIENTS)]
    start = time.monotonic()
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=BUDGET_SECONDS)
    stats["seconds"] = time.monotonic() - start
    stats["hung"] = sum(t.is_alive() for t in threads)
    return stats


def percentile(values, p):
    values = sorted(values)
    return values[min(len(values) - 1, int(p / 100 * len(values)))] * 1000 if values else float("nan")


def report(name, st):
    lat = st["latency"]
    print("%s: %d answers in %.1f s (%.0f/s), %d documented 503 retried; latency ms p50 %.1f p95 %.1f p99 %.1f max %.1f" %
          (name, st["ok"], st["seconds"], st["ok"] / st["seconds"], st["busy"], percentile(lat, 50), percentile(lat, 95),
           percentile(lat, 99), percentile(lat, 100)))
    check("%s: %d clients x %d requests, every answer right, no error but the documented 503" % (name, CLIENTS, REQUESTS),
          st["ok"] == CLIENTS * REQUESTS and not st["wrong"] and not st["hung"], st["wrong"][:5] or "%d hung" % st["hung"])


def main():
    mix = work()
    with Server(ICQ) as s:
        # The answers not given by the command line: the first one's bytes, every time after.
        for k, (path, params, want) in enumerate(mix):
            if want is None:
                status, _, body = s.get(path, **params)
                check("%s answers 200 (%d bytes)" % (path, len(body)), status == 200)
                mix[k] = (path, params, body)
        warm = run_round(s, mix, 20)
        check("warm-up: every answer right", not warm["wrong"], warm["wrong"][:3])
        rss0 = s.rss_kib()
        first = run_round(s, mix, REQUESTS)
        rss1 = s.rss_kib()
        second = run_round(s, mix, REQUESTS)
        rss2 = s.rss_kib()
        report("round 1", first)
        report("round 2", second)
        print("server VmRSS: %d KiB after warm-up, %d after round 1 (%+d), %d after round 2 (%+d)" %
              (rss0, rss1, rss1 - rss0, rss2, rss2 - rss1))
        check("memory flat: round 1 grows VmRSS by %d KiB (at most %d)" % (rss1 - rss0, FIRST_ROUND_GROWTH_KIB),
              rss1 - rss0 <= FIRST_ROUND_GROWTH_KIB)
        check("memory flat: the same work again grows it by %d KiB (at most %d)" % (rss2 - rss1, SECOND_ROUND_GROWTH_KIB),
              rss2 - rss1 <= SECOND_ROUND_GROWTH_KIB)
        status, _, _ = s.get("/data.json")
        check("the server answers after the load", status == 200)
        code = s.stop()
        check("stopped by its PID, exit 0", code == 0, code)
        logged = len(s.request_lines())
        made = sum(st["ok"] + st["busy"] + len(st["wrong"]) for st in (warm, first, second)) + s.requests
        check("one log line per request (%d of %d)" % (logged, made), logged == made)
    return check.done()


if __name__ == "__main__":
    sys.exit(main())
