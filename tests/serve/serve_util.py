"""`icq serve` for the tests: started on 127.0.0.1 with --port 0 (the kernel picks a free port, the
first line on stdout names it and the server's PID), asked with Python's http.client, and stopped
by that PID (SIGTERM, then SIGKILL after a bound) whatever happens in the test.

    with Server(icq, "--max-running", "2") as s:
        status, headers, body = s.get("/query.json", q="list gpus")
"""
import http.client
import os
import queue
import re
import signal
import subprocess
import threading
import time
import urllib.parse

START_SECONDS = 60  # a sanitizer build loads slowly
STOP_SECONDS = 30


class Server:
    def __init__(self, icq, *args, cwd=None):
        env = dict(os.environ, NO_COLOR="1")
        self.proc = subprocess.Popen([icq, "serve", "--no-cache", "--port", "0", *args], stdout=subprocess.PIPE,
                                     stderr=subprocess.PIPE, env=env, cwd=cwd)
        self.log = []  # stderr lines: one per request, then the last word
        self.sent = []  # (method, target) of every request answered
        self._err = threading.Thread(target=self._read_stderr, daemon=True)
        self._err.start()
        first = queue.Queue()
        threading.Thread(target=lambda: first.put(self.proc.stdout.readline()), daemon=True).start()
        self.pid = None
        try:
            line = first.get(timeout=START_SECONDS).decode()
        except queue.Empty:
            line = ""
        m = re.match(r"icq serve: listening on http://127\.0\.0\.1:(\d+)/ \(pid (\d+)\)\n", line)
        if not m:
            self.proc.kill()
            self.proc.wait(timeout=STOP_SECONDS)
            self._err.join(timeout=5)
            raise RuntimeError("icq serve did not start: %r\n%s" % (line, "".join(self.log)[-3000:]))
        self.port, self.pid = int(m.group(1)), int(m.group(2))

    def _read_stderr(self):
        for line in self.proc.stderr:
            self.log.append(line.decode("utf-8", "replace"))

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.stop()

    def url(self, path, **params):
        return "http://127.0.0.1:%d%s" % (self.port, target(path, **params))

    def connect(self, timeout=60):
        return http.client.HTTPConnection("127.0.0.1", self.port, timeout=timeout)

    def request(self, method, path, body=None, headers=None, timeout=60, **params):
        """(status, headers as a dict of lower-case names, body bytes) of one request on a connection of its own."""
        conn = self.connect(timeout)
        try:
            conn.request(method, target(path, **params), body=body, headers=headers or {})
            r = conn.getresponse()
            data = r.read()
            self.sent.append((method, target(path, **params)))
            return r.status, {k.lower(): v for k, v in r.getheaders()}, data
        finally:
            conn.close()

    def get(self, path, timeout=60, **params):
        return self.request("GET", path, timeout=timeout, **params)

    def rss_kib(self):
        with open("/proc/%d/status" % self.pid) as f:
            for line in f:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1])
        raise RuntimeError("no VmRSS")

    def stop(self):
        """SIGTERM to the server's PID; its exit code (icq exits with its helper's). SIGKILL past the bound."""
        if self.proc.poll() is None and self.pid:
            try:
                os.kill(self.pid, signal.SIGTERM)
            except ProcessLookupError:
                pass
        try:
            code = self.proc.wait(timeout=STOP_SECONDS)
        except subprocess.TimeoutExpired:
            for pid in (self.pid, self.proc.pid):
                try:
                    os.kill(pid, signal.SIGKILL)
                except (ProcessLookupError, TypeError):
                    pass
            self.proc.wait(timeout=STOP_SECONDS)
            code = "killed after %d s" % STOP_SECONDS
        self._err.join(timeout=10)
        return code

    @property
    def requests(self):
        return len(self.sent)

    def request_lines(self):
        """The log's request lines."""
        return [line for line in self.log if LOG_LINE.match(line)]

    def logged(self):
        """(method, target) of each request line of the log, in the log's order."""
        return [(line.split(" ")[2], line.split(" ")[3]) for line in self.request_lines()]


LOG_LINE = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ \S+ \S+ \S+ \d{3} \d+ (\d+\.\dms|-)\n$")


def target(path, **params):
    return path + ("?" + urllib.parse.urlencode(params, quote_via=urllib.parse.quote) if params else "")


def cli(icq, *args, cwd=None):
    """(exit code, stdout bytes, stderr bytes) of the icq command line on the built-in data."""
    r = subprocess.run([icq, "--no-cache", *args], capture_output=True, env=dict(os.environ, NO_COLOR="1"), cwd=cwd, timeout=300)
    return r.returncode, r.stdout, r.stderr


class Checks:
    """Named checks, printed as they pass or fail; exit code 1 when any failed."""

    def __init__(self):
        self.failed = []
        self.passed = 0

    def __call__(self, name, ok, detail=""):
        if ok:
            self.passed += 1
            print("ok    " + name)
        else:
            self.failed.append(name)
            print("FAIL  " + name + ("\n      " + str(detail)[:1500].replace("\n", "\n      ") if detail else ""))
        return ok

    def done(self):
        # The failures again at the end, where a truncated log still shows them.
        for name in self.failed:
            print("FAILED: " + name)
        print("%d passed, %d failed" % (self.passed, len(self.failed)))
        return 1 if self.failed else 0


def wait_until(predicate, seconds, step=0.05):
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        if predicate():
            return True
        time.sleep(step)
    return predicate()
