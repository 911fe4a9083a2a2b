#!/usr/bin/env python3
"""icq serve with a real client (http.client) on 127.0.0.1: every address, its status and content
type; /query.json, .csv, .svg and .html byte for byte what `icq --format F -c QUERY` prints (errors
too: the JSON value with its error objects, the caret text of stderr); a saved script with its
parameters from the URL byte for byte `icq -D P=V NAME.icq`; refusals, limits (time, output,
query length, URI length, 503 beyond --max-running); one log line per request. Each server is
stopped by its PID.

usage: test_routes.py ICQ
"""
import json
import os
import re
import shutil
import sys
import tempfile
import threading
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from serve_util import Checks, Server, cli, wait_until  # noqa: E402

ICQ = os.path.abspath(sys.argv[1])
check = Checks()

COMPARE = "compare precision fp4 vs fp8 on mi355x model dsr1 seq 1k/1k"
QUERIES = [
    COMPARE,
    "rank gpu by cost at interactivity 50 model dsr1 precision fp8 seq 8k/1k",
    "frontier on b200 model dsr1 precision fp8",
    "list gpus; list models",
    "crossover gpu mi355x vs b200 model dsr1 precision fp8 seq 1k/1k by throughput",
    "compare gpu b200 vs mi355x model dsr1 precision fp8 seq 8k/1k at 50 show cost\n-- a comment line\nlist precisions",
    "compare precision fp9 vs fp8 on mi355x",  # a query error
    "list gpus; compare precision fp4 vs fp8 on mi355x model dsr1 at 50; expect cost(fp4) > cost(fp8)",  # a failed expectation
]
FORMATS = {"json": "application/json", "csv": "text/csv; charset=utf-8", "svg": "image/svg+xml", "html": "text/html; charset=utf-8"}
SLOW = "compare precision fp4 vs fp8 on mi355x model dsr1 at 1..200 step 0.02"
REPORT = "param gpu = mi355x\nparam target = 50\ncompare precision fp4 vs fp8 on $gpu model dsr1 at $target show cost\n"


def main():
    scripts = tempfile.mkdtemp(prefix="icq-serve-scripts-")
    try:
        with open(os.path.join(scripts, "report.icq"), "w") as f:
            f.write(REPORT)
        os.symlink("/etc/passwd", os.path.join(scripts, "passwd.icq"))
        with Server(ICQ, "--scripts", scripts) as s:
            formats_equal_the_command_line(s)
            the_other_addresses(s)
            refusals_and_request_errors(s)
            the_scripts(s, scripts)
            made = s.requests
            code = s.stop()
            check("SIGTERM to the server's PID stops it, exit 0", code == 0, code)
            logged, sent = sorted(s.logged()), sorted(s.sent)
            check("one log line per request (%d requests, %d lines)" % (made, len(logged)), logged == sent,
                  "logged, not sent: %s\nsent, not logged: %s" % ([s.log[i - 1:i + 1] for i, l in enumerate(s.log) if " - - - " in l], [x for x in sent if x not in logged]))
            check("the log ends with the stop", s.log and s.log[-1] == "icq serve: stopped by signal 15\n", s.log[-3:])
        limits()
    finally:
        shutil.rmtree(scripts, ignore_errors=True)
    return check.done()


def formats_equal_the_command_line(s):
    for q in QUERIES:
        for fmt, ctype in FORMATS.items():
            code, want, err = cli(ICQ, "--format", fmt, "-c", q)
            status, headers, body = s.get("/query." + fmt, q=q)
            name = "/query.%s?q=%s" % (fmt, q.replace("\n", "\\n")[:60])
            if code == 0:
                check(name + ": 200 " + ctype + ", the command line's bytes",
                      status == 200 and headers["content-type"] == ctype and body == want,
                      "status %s %s, %d vs %d bytes" % (status, headers.get("content-type"), len(body), len(want)))
            elif fmt == "json":
                check(name + ": 400, the command line's JSON with its error objects (exit %d)" % code,
                      status == 400 and headers["content-type"] == ctype and body == want and b'"kind": "error"' in body,
                      "status %s, %r" % (status, body[:300]))
            elif fmt == "html":
                check(name + ": 400, the page with the caret", status == 400 and b'<pre class="diagnostic">' in body, status)
            else:
                check(name + ": 400, the caret text of the command line's stderr",
                      status == 400 and headers["content-type"] == "text/plain; charset=utf-8" and body == err,
                      "status %s, %r vs %r" % (status, body[:300], err[:300]))


def the_other_addresses(s):
    status, headers, body = s.get("/")
    check("/: 200, the query box and the data summary", status == 200 and headers["content-type"] == "text/html; charset=utf-8"
          and b'<textarea id="q" name="q"' in body and b"rows on" in body and b'<script src="page.js" defer>' in body, body[:300])
    check("pages carry a content security policy and nosniff",
          "script-src 'self'" in headers.get("content-security-policy", "") and headers.get("x-content-type-options") == "nosniff",
          headers)
    status, headers, body = s.get("/", q=COMPARE)
    text = body.decode()
    check("/?q=QUERY: 200, the box holds the query, the chart, verdicts and notes are the HTML report's",
          status == 200 and ('>%s</textarea>' % COMPARE) in text and text.count('class="icq-chart"') == 1 and
          "<h3>Verdicts</h3>" in text and "<h3>Notes</h3>" in text, text[:500])
    _, _, report = s.get("/query.html", q=COMPARE)
    tail = lambda page: page[page.index(b'<section class="result"'):]  # noqa: E731
    check("the page's results are the HTML report's, byte for byte", tail(body) == tail(report))
    check("the page links its permalink and formats", 'href="./?q=compare%20precision%20fp4' in text and
          'href="query.json?q=compare%20precision' in text and 'href="query.svg?q=' in text, text[:1500])
    status, headers, body = s.get("/data.json")
    d = json.loads(body) if status == 200 else {}
    _, models, _ = cli(ICQ, "--format", "json", "-c", "list models")
    check("/data.json: 200 JSON, rows, lines, models, GPUs, dates, attribution",
          headers["content-type"] == "application/json" and d.get("rows", 0) > 1000 and d.get("lines", 0) > 100 and
          "mi355x" in d.get("gpus", []) and re.match(r"\d{4}-\d\d-\d\d$", d.get("first_date", "")) and
          "InferenceX" in d.get("attribution", "") and len(d.get("models", [])) == len(json.loads(models)[0]["tables"][0]["rows"]),
          body[:300])
    status, headers, body = s.get("/complete.json", q="compare precision fp4 vs fp8 on mi3")
    check("/complete.json: the REPL's completion of the last word", status == 200 and json.loads(body) == ["mi355x"],
          body)
    status, _, body = s.get("/complete.json", q="compare precision fp4 vs fp8 on mi355x model dsr1 seq 1k/1k at 50 show co")
    check("/complete.json narrows by the line's filters", status == 200 and json.loads(body) == ["concurrency", "config", "cost"], body)
    status, _, body = s.get("/complete.json", q="")
    check("/complete.json of nothing: the statements", status == 200 and "compare" in json.loads(body), body[:200])
    status, headers, body = s.get("/page.js")
    check("/page.js: the page's script", status == 200 and headers["content-type"] == "text/javascript; charset=utf-8" and
          b"complete.json?q=" in body)
    status, headers, body = s.request("HEAD", "/query.json", q="list gpus")
    check("HEAD: the headers of GET, no body", status == 200 and body == b"" and int(headers["content-length"]) > 100, headers)
    for method in ("POST", "PUT", "DELETE", "PATCH", "OPTIONS"):
        # (cpp-httplib 0.11 reads a body only with POST, PUT, PATCH and DELETE: OPTIONS goes without)
        status, headers, body = s.request(method, "/query.json", body=None if method == "OPTIONS" else b"q=list gpus", q="list gpus")
        check(method + ": 405, Allow: GET, HEAD", status == 405 and headers.get("allow") == "GET, HEAD" and b"is not served" in body,
              (status, headers, body[:200]))
    for path, ctype in (("/nothing", "text/html; charset=utf-8"), ("/nothing.json", "application/json"), ("/x.csv", "text/plain; charset=utf-8"),
                        ("/query.md", "text/html; charset=utf-8"), ("/query.json/../data.json", "application/json")):
        status, headers, body = s.get(path)
        check("%s: 404 as %s" % (path, ctype), status == 404 and headers["content-type"] == ctype and b"nothing at" in body, (status, body[:200]))


def refusals_and_request_errors(s):
    status, _, body = s.get("/query.json", q='load "/etc"')
    check("load: 400, refused at its statement", status == 400 and b"load is not allowed here" in body and b'"column": 1' in body, body)
    status, _, body = s.get("/query.csv", q="list gpus; set format json")
    check("set format: 400, refused", status == 400 and b"query:1:12: error: set format is not allowed here" in body, body)
    for params, why in (({}, b"no query"), ({"q": "   "}, b"no query"), ({"q": "list gpus", "x": "1"}, b"unknown parameter 'x'")):
        status, headers, body = s.get("/query.json", **params)
        check("/query.json?%s: 400 %s" % (params, why.decode()), status == 400 and why in body and
              headers["content-type"] == "application/json" and json.loads(body)["kind"] == "error", body)
    status, _, body = s.get("/query.json?q=list%20gpus&q=list%20models")
    check("q twice: 400", status == 400 and b"given twice" in body, body)
    status, _, body = s.get("/query.csv?q=list%20gpus%20where%20gpu%20%3D%20%22%FF%22")
    check("a query that is not UTF-8: 400", status == 400 and b"not UTF-8" in body, body)


def the_scripts(s, folder):
    code, want, _ = cli(ICQ, "--format", "csv", "-D", "target=60", "-D", "gpu=b200", "report.icq", cwd=folder)
    status, headers, body = s.get("/scripts/report.csv", target="60", gpu="b200")
    check("/scripts/report.csv?target=60&gpu=b200: `icq -D target=60 -D gpu=b200 report.icq`, byte for byte",
          code == 0 and status == 200 and headers["content-type"] == "text/csv; charset=utf-8" and body == want and b"at interactivity 60" in body,
          (status, body[:300], want[:300]))
    code, want, _ = cli(ICQ, "--format", "json", "report.icq", cwd=folder)
    status, _, body = s.get("/scripts/report.json")
    check("/scripts/report.json: the script's own parameters", status == 200 and body == want, body[:200])
    status, headers, body = s.get("/scripts/report", target="70")
    check("/scripts/report: the page, a field per parameter with the value used", status == 200 and
          b'<input name="target" value="70"' in body and b'<input name="gpu" value="mi355x"' in body and b'class="icq-chart"' in body,
          body[:400])
    status, _, body = s.get("/scripts/report.json", tagret="70")
    check("a parameter the script does not declare: 400 naming its parameters", status == 400 and
          b"has no parameter tagret" in body and b"gpu, target" in body, body)
    status, _, body = s.get("/scripts/")
    check("/scripts/: the scripts, no link out of the folder", status == 200 and b'href="report"' in body and b"passwd" not in body, body[-600:])
    for path in ("/scripts/passwd", "/scripts/passwd.csv", "/scripts/../../etc/passwd", "/scripts/%2e%2e%2f%2e%2e%2fetc%2fpasswd",
                 "/scripts/..%2Freport", "/scripts/report.icq", "/scripts/nothing.json"):
        status, _, body = s.get(path)
        check(path + ": 404", status == 404 and b"root:" not in body, (status, body[:200]))


def limits():
    with Server(ICQ, "--timeout", "0.05") as s:
        status, _, body = s.get("/query.json", q=SLOW)
        check("past the time limit: 400 saying so", status == 400 and b"ran past this server's time limit of 0.05 s" in body, body[:300])
    # The other limits on a server of its own: on a loaded machine (or under a sanitizer) `points`
    # could pass a 0.05 s time limit before it passed the output limit.
    with Server(ICQ, "--max-output", "4096", "--max-query", "100") as s:
        status, _, body = s.get("/query.json", q="points")
        check("past the output limit: 400 saying so", status == 400 and b"more than this server sends (4096)" in body, body[:300])
        status, _, body = s.get("/query.csv", q="list gpus " + "x" * 100)
        check("past the query length limit: 400 saying so", status == 400 and b"this server takes at most 100" in body, body[:300])
        status, _, body = s.get("/query.csv", q="list gpus " + "x" * 9000)
        check("a request line past 8192 bytes: 414 saying so", status == 414 and b"longer than 8192 bytes" in body, (status, body[:300]))
        status, _, body = s.get("/query.csv", q="list gpus")
        check("after them: answered", status == 200 and b"\ngpu," in body, body[:100])
    with Server(ICQ, "--max-running", "1", "--timeout", "30") as s:
        # The slow query takes about a third of a second here (more under a sanitizer); asked 50 ms
        # into it, a quick one finds the one slot taken. (If the quick one was first, the slow one is
        # the 503: then again.)
        for attempt in range(5):
            slow = {}
            t = threading.Thread(target=lambda: slow.setdefault("answer", s.get("/query.csv", q=SLOW)))
            t.start()
            time.sleep(0.05)
            busy = []

            def refused():
                a = s.get("/query.csv", q="list gpus")
                if a[0] == 503:
                    busy.append(a)
                return bool(busy) or "answer" in slow

            wait_until(refused, 60, step=0.01)
            t.join(timeout=120)
            if slow.get("answer", [0])[0] != 503:
                break
        status, headers, body = busy[0] if busy else (None, {}, b"")
        check("a query beyond --max-running 1: 503 with Retry-After: 1, the first still answered 200",
              status == 503 and headers.get("retry-after") == "1" and b"the server is busy" in body and slow.get("answer", [0])[0] == 200,
              (status, body[:200], slow.get("answer", [0])[0]))
        check("the slot is free again after it", s.get("/query.csv", q="list gpus")[0] == 200)


if __name__ == "__main__":
    sys.exit(main())
