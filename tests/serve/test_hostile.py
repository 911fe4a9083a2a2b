#!/usr/bin/env python3
"""icq serve against hostile and malformed requests, written by hand on raw sockets: huge and
malformed queries, broken HTTP, path tricks, many ranges, header and log injection, slow clients (silent,
stopping mid-request, never reading), many connections and queries at once, keep-alive abuse.
Each case expects the status it deserves (or a closed connection), and after every case a
query must still be answered right, so a case that kills or wedges the server fails where it
happens. The server runs with short timeouts (--read-timeout 1) and few threads, to make the
slow-client cases quick; it is stopped by its PID.

usage: test_hostile.py ICQ
"""
import os
import re
import shutil
import socket
import sys
import tempfile
import threading
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from serve_util import LOG_LINE, Checks, Server, cli, wait_until  # noqa: E402

ICQ = os.path.abspath(sys.argv[1])
check = Checks()
THREADS = 8
READ_TIMEOUT = 1


def raw(s, data, read_seconds=10):
    """Sends `data` on a connection of its own; the bytes that come back until the server closes it
    (or `read_seconds` pass)."""
    with socket.create_connection(("127.0.0.1", s.port), timeout=read_seconds) as c:
        try:
            c.sendall(data)
        except OSError:
            pass  # the server may close before reading everything
        out = b""
        end = time.monotonic() + read_seconds
        while time.monotonic() < end:
            try:
                chunk = c.recv(65536)
            except socket.timeout:
                break
            except OSError:
                break
            if not chunk:
                break
            out += chunk
        return out


def status_of(reply):
    m = re.match(rb"HTTP/1\.[01] (\d{3}) ", reply)
    return int(m.group(1)) if m else None


class Hostile:
    def __init__(self, s, expected):
        self.s, self.expected = s, expected

    def still_answers(self):
        status, _, body = self.s.get("/query.csv", timeout=30, q="list gpus")
        return status == 200 and body == self.expected

    def case(self, name, data, statuses, read_seconds=10):
        """Sends `data`; the first reply's status must be one of `statuses` (None: the connection closed without one)."""
        try:
            reply = raw(self.s, data, read_seconds)
            got = status_of(reply)
            ok = got in statuses and b"root:" not in reply
            ok = check("%s: %s" % (name, got), ok, reply[:300]) and ok
        except Exception as e:  # noqa: BLE001 - every failure is reported with its case
            check(name, False, e)
        check("  … then a query is answered", self.still_answers())


def main():
    _, expected, _ = cli(ICQ, "--format", "csv", "-c", "list gpus")
    # A scripts folder with links out of it: to a file and to a folder.
    scripts = tempfile.mkdtemp(prefix="icq-serve-hostile-")
    with open(os.path.join(scripts, "ok.icq"), "w") as f:
        f.write("list gpus\n")
    os.symlink("/etc/passwd", os.path.join(scripts, "passwd.icq"))
    os.symlink("/etc", os.path.join(scripts, "etc"))
    try:
        return hostile(expected, scripts)
    finally:
        shutil.rmtree(scripts, ignore_errors=True)


def hostile(expected, scripts):
    with Server(ICQ, "--scripts", scripts, "--threads", str(THREADS), "--read-timeout", str(READ_TIMEOUT), "--max-running", "2", "--timeout", "5") as s:
        h = Hostile(s, expected)
        check("the server answers at the start", h.still_answers())
        malformed(h)
        path_tricks(h)
        ranges(h, s)
        injections(h, s)
        slow_clients(h, s)
        many_at_once(h, s, expected)
        log_lines_stay_lines(s)
        code = s.stop()
        check("stopped by its PID after all of it, exit 0", code == 0, code)
    return check.done()


def malformed(h):
    g = lambda target: b"GET " + target + b" HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"  # noqa: E731
    h.case("a query of 100 KB (URI over 8192 bytes)", g(b"/query.json?q=" + b"x" * 100_000), {414})
    h.case("a query of 5000 bytes (over --max-query 4096)", g(b"/query.json?q=" + b"x" * 5000), {400})
    h.case("an invalid percent escape", g(b"/query.json?q=list%zzgpus%"), {400})
    h.case("a percent-encoded NUL", g(b"/query.json?q=list%00gpus"), {400})
    h.case("bytes that are not UTF-8", g(b"/query.json?q=%ff%fe%c3"), {400})
    h.case("a truncated UTF-8 sequence in a quoted string", g(b"/query.json?q=list%20gpus%20where%20gpu%20%3D%20%22%e2%82%22"), {400})
    h.case("raw bytes above 127 in the target", g(b"/query.json?q=list\xff\xfegpus"), {400})
    h.case("a deeply nested query", g(b"/query.json?q=" + b"(" * 3000 + b")" * 1000), {400})
    h.case("ten thousand statements", g(b"/query.json?q=" + b"%3B" * 2700), {200, 400})
    h.case("garbage instead of HTTP", b"GARBAGE\r\n\r\n", {400, None})
    h.case("binary junk", bytes(range(256)) * 4, {400, None})
    h.case("a request line without a version", b"GET /\r\n\r\n", {400, None})
    h.case("HTTP/9.9", b"GET / HTTP/9.9\r\nHost: x\r\nConnection: close\r\n\r\n", {200, 400, 505, None})
    h.case("a header without a colon", b"GET / HTTP/1.1\r\nHost x\r\nConnection: close\r\n\r\n", {200, 400, None})
    h.case("a header line of 100 KB", b"GET / HTTP/1.1\r\nX: " + b"a" * 100_000 + b"\r\n\r\n", {400, 431, None})
    h.case("2000 headers", b"GET /data.json HTTP/1.1\r\n" + b"".join(b"X-%d: y\r\n" % i for i in range(2000)) +
           b"Connection: close\r\n\r\n", {200, 400, 431, None})
    h.case("an absolute-form target", b"GET http://evil.example/data.json HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n", {200, 400, 404})
    h.case("a POST of 1 MB", b"POST /query.json HTTP/1.1\r\nContent-Length: 1048576\r\nConnection: close\r\n\r\n" + b"a" * 1048576,
           {405, 413, None})
    h.case("a chunked POST that never ends", b"POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\nffffffff\r\nabc",
           {400, 405, 413, None}, read_seconds=READ_TIMEOUT + 5)
    h.case("an unknown method", b"BREW /pot HTTP/1.1\r\nConnection: close\r\n\r\n", {400, 405, None})
    h.case("TRACE", b"TRACE / HTTP/1.1\r\nConnection: close\r\n\r\n", {400, 405, None})
    h.case("a GET with a body that is another request", b"GET /data.json HTTP/1.1\r\nContent-Length: 28\r\n\r\nGET /page.js HTTP/1.1\r\n\r\n",
           {200})


def ranges(h, s):
    # cpp-httplib 0.11 would answer "bytes=0-,0-,…" with one copy of the body per range: the server
    # ignores Range, so 2,000 ranges of a 300 KB answer are one copy, and its memory stays small.
    _, _, want = s.get("/query.json", q="points")
    rss = s.rss_kib()
    reply = raw(s, b"GET /query.json?q=points HTTP/1.1\r\nRange: bytes=" + b",".join([b"0-"] * 2000) + b"\r\nConnection: close\r\n\r\n",
                read_seconds=30)
    head, _, body = reply.partition(b"\r\n\r\n")
    check("2,000 ranges: 200 with the body once (%d bytes), the server's memory %+d KiB" % (len(body), s.rss_kib() - rss),
          status_of(reply) == 200 and body == want and b"Accept-Ranges: none" in head and s.rss_kib() - rss < 64 * 1024, head)
    reply = raw(s, b"GET /query.json?q=points HTTP/1.1\r\nRange: bytes=0-9\r\nConnection: close\r\n\r\n")
    check("one range: the whole answer", status_of(reply) == 200 and reply.partition(b"\r\n\r\n")[2] == want)
    check("  … then a query is answered", h.still_answers())


def path_tricks(h):
    g = lambda target: b"GET " + target + b" HTTP/1.1\r\nConnection: close\r\n\r\n"  # noqa: E731
    for target in (b"/scripts/../../../../etc/passwd", b"/scripts/%2e%2e/%2e%2e/etc/passwd", b"/scripts/..%2f..%2fetc%2fpasswd",
                   b"/..%2f..%2fetc/passwd", b"//etc/passwd", b"/query.json/../../etc/passwd", b"/./data.json/..",
                   b"/page.js%00.html", b"/scripts/%2fetc%2fpasswd", b"/scripts/passwd", b"/scripts/passwd.json", b"/scripts/etc/passwd",
                   b"/scripts/etc%2fpasswd", b"/scripts/ok%2f..%2fpasswd", b"/scripts/ok.icq", b"/%5c..%5c..%5cetc%5cpasswd"):
        h.case("path %s" % target.decode(), g(target), {404})


def injections(h, s):
    # A query holding CR LF: text of the query, never a header of the answer.
    reply = raw(s, b"GET /query.csv?q=list%20gpus%0d%0aSet-Cookie:%20x=1 HTTP/1.1\r\nConnection: close\r\n\r\n")
    head = reply.split(b"\r\n\r\n")[0]
    check("CR LF in the query: 400, no header injected", status_of(reply) == 400 and b"Set-Cookie" not in head, reply[:400])
    status, _, body = s.get("/", q='</textarea><script>alert(1)</script>')
    check("markup in the query: escaped in the page", b"<script>alert(1)" not in body and b"&lt;/textarea&gt;&lt;script&gt;" in body,
          body[:200])
    check("  … then a query is answered", h.still_answers())


def slow_clients(h, s):
    # Fewer silent connections than threads: the others are served meanwhile; each is dropped after
    # the read timeout.
    silent = [socket.create_connection(("127.0.0.1", s.port)) for _ in range(THREADS // 2)]
    start = time.monotonic()
    check("with %d silent connections open, a query is answered at once" % len(silent), h.still_answers() and
          time.monotonic() - start < READ_TIMEOUT)
    closed = 0
    for c in silent:
        c.settimeout(READ_TIMEOUT + 10)
        try:
            closed += c.recv(1) == b""
        except OSError:
            closed += 1
        c.close()
    check("silent connections are closed by the server after --read-timeout (%.1f s)" % (time.monotonic() - start),
          closed == len(silent) and time.monotonic() - start < READ_TIMEOUT + 10)
    # A request that stops half-way.
    h.case("a request that stops mid-header", b"GET /data.json HTTP/1.1\r\nHost: x\r\nX-Slow:", {None, 400},
           read_seconds=READ_TIMEOUT + 5)
    # A client that asks for a large answer and never reads it: the write times out, the thread is free.
    stuck = []
    for _ in range(THREADS + 2):
        c = socket.create_connection(("127.0.0.1", s.port))
        c.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)
        c.sendall(b"GET /query.json?q=points HTTP/1.1\r\nHost: x\r\n\r\n")
        stuck.append(c)
    time.sleep(0.5)
    check("with clients that never read their answers (more than the threads), a query is answered within a bound",
          wait_until(h.still_answers, 30, step=0.5))
    for c in stuck:
        c.close()
    # More connections than threads, all silent: they wait their turn, and are dropped; then served.
    crowd = [socket.create_connection(("127.0.0.1", s.port)) for _ in range(THREADS * 4)]
    start = time.monotonic()
    ok = h.still_answers()
    took = time.monotonic() - start
    for c in crowd:
        c.close()
    check("with %d silent connections (4x the threads), a query is answered after their read timeouts (%.1f s)" % (len(crowd), took),
          ok and took < READ_TIMEOUT * 4 + 15)


def many_at_once(h, s, expected):
    # 40 clients at once, each with a query that takes a moment: every answer is the right one or
    # the documented 503 (with Retry-After), nothing else; some are 503 (--max-running 2). The
    # clients leave together (a barrier) with a thousand targets each (tens of milliseconds here,
    # about a second under AddressSanitizer, within --timeout 5), so more than two always overlap.
    q = "compare precision fp4 vs fp8 on mi355x model dsr1 at 1..100 step 0.1"
    _, want, _ = cli(ICQ, "--format", "csv", "-c", q)
    results = []
    start = threading.Barrier(40)

    def client():
        try:
            start.wait(timeout=60)
            results.append(s.get("/query.csv", timeout=60, q=q))
        except Exception as e:  # noqa: BLE001
            results.append((None, {}, repr(e).encode()))

    threads = [threading.Thread(target=client) for _ in range(40)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=120)
    ok = [r for r in results if r[0] == 200 and r[2] == want]
    busy = [r for r in results if r[0] == 503 and r[1].get("retry-after") == "1" and b"the server is busy" in r[2]]
    other = [r[:1] + (r[2][:200],) for r in results if r not in ok and r not in busy]
    check("40 queries at once: %d right answers, %d documented 503, nothing else" % (len(ok), len(busy)),
          len(results) == 40 and not other and ok and busy, other[:3])
    # Keep-alive: 150 requests pipelined on one connection are answered in order up to the server's
    # per-connection maximum (100), then the connection closes.
    # (cpp-httplib 0.11 answers what it has read and closes the connection at the keep-alive timeout.)
    reply = raw(s, b"GET /page.js HTTP/1.1\r\nHost: x\r\n\r\n" * 150, read_seconds=20)
    n = reply.count(b"HTTP/1.1 200 OK")
    check("150 pipelined requests on one connection: %d answered, at most 100, then closed" % n, 1 <= n <= 100)
    check("  … then a query is answered", h.still_answers())


def log_lines_stay_lines(s):
    lines = [line for line in s.log if not line.startswith("icq serve:")]
    bad = [line for line in lines if not LOG_LINE.match(line) or len(line) > 600]
    check("every log line is one bounded line of printable text (%d lines)" % len(lines), lines and not bad, bad[:3])


if __name__ == "__main__":
    sys.exit(main())
