#!/usr/bin/env python3
"""A stand-in for the InferenceX public API (DASHBOARD.md §1) for the `icq fetch` tests.

Serves real captures (folders like data/inferencex/api/2026-06-14/) in the API's shapes, always
gzip-compressed like the real API, on 127.0.0.1 only, and misbehaves on demand.

usage: server.py [--time-limit SECONDS] DATA_DIR [DATA_DIR ...]
Prints the port on stdout once it listens. Stops by itself after the time limit (default 120 s),
or when its parent (the test) goes away.

Endpoints: /api/openapi.json (a model enum built from the data's models), /api/v1/benchmarks?model=
(rows of that display name), /api/v1/benchmarks/history?model=&isl=&osl= (or &benchmarkType=
agentic_traces), /api/v1/availability (the capture's, plus what the served rows add),
/api/v1/evaluations, /api/v1/reliability.

Control: GET /__admin?mode=MODE[&match=TEXT][&count=N][&delay=S][&validators=0|1] sets how the
requests whose path+query contains TEXT are answered, N times (default: always); any other
request is answered normally. Modes: normal, slow (sleep S seconds first, default 30), error500,
429 (then the normal answer), truncate (the connection closes half-way through the body),
truncate-json (a complete transfer of half the JSON), html (an HTML page with status 200),
notfound (404 {"error":"Unknown model"}), older (rows of the newest run date left out, on every
data endpoint). validators=1 sends ETag and Last-Modified and answers 304 when they match.
GET /__admin/log returns the requests since the last /__admin call: [{path, status, conditional}].
"""
import gzip
import hashlib
import json
import os
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

# DASHBOARD.md §1: DB_MODEL_TO_DISPLAY as of 18c21fb (several keys share a display name).
DB_TO_DISPLAY = {
    "dsr1": "DeepSeek-R1-0528", "gptoss120b": "gpt-oss-120b", "llama70b": "Llama-3.3-70B-Instruct-FP8",
    "qwen3.5": "Qwen-3.5-397B-A17B", "qwen3.8next": "Qwen3.8-Flash-Next", "kimik2.5": "Kimi-K2.5",
    "kimik2.6": "Kimi-K2.5", "kimik2.7-code": "Kimi-K2.5", "kimik3": "Kimi-K3", "minimaxm2.5": "MiniMax-M2.5",
    "minimaxm2.7": "MiniMax-M2.5", "minimaxm3": "MiniMax-M3", "glm5": "GLM-5", "glm5.1": "GLM-5", "glm5.2": "GLM-5.2",
    "dsv4": "DeepSeek-V4-Pro", "dsv2lite": "DeepSeek-Coder-V2-Lite-Instruct", "gemma4": "Gemma-4-31B",
}
LAST_MODIFIED = "Mon, 14 Jun 2026 12:00:00 GMT"
HTML = b"<!DOCTYPE html><html><head><title>502 Bad Gateway</title></head><body><h1>Bad Gateway</h1></body></html>\n"


def load(path):
    with open(path, encoding="utf-8") as f:
        return json.load(f)


class Data:
    def __init__(self, dirs):
        self.latest, self.history, self.availability, self.evaluations, self.reliability = [], [], None, None, None
        for d in dirs:
            for name in sorted(os.listdir(d)):
                p = os.path.join(d, name)
                if not name.endswith(".json"):
                    continue
                if name.startswith("benchmarks-history"):
                    self.history += load(p)
                elif name.startswith("benchmarks"):
                    self.latest += load(p)
                elif name == "availability.json" and self.availability is None:
                    self.availability = load(p)
                elif name == "evaluations.json" and self.evaluations is None:
                    self.evaluations = load(p)
                elif name == "reliability.json" and self.reliability is None:
                    self.reliability = load(p)
        self.availability = self.availability or []
        self.evaluations = self.evaluations or []
        self.reliability = self.reliability or []
        # The availability lists every sequence the served rows have, as the real one does.
        listed = {(a["model"], a.get("isl"), a.get("osl"), a.get("benchmark_type", "single_turn")) for a in self.availability}
        for r in self.latest + self.history:
            t = r.get("benchmark_type", "single_turn")
            key = (r["model"], r.get("isl"), r.get("osl"), t)
            if key not in listed:
                listed.add(key)
                self.availability.append({"model": r["model"], "isl": r.get("isl"), "osl": r.get("osl"),
                                          "precision": r["precision"], "hardware": r["hardware"], "framework": r["framework"],
                                          "spec_method": r.get("spec_method", "none"), "disagg": r.get("disagg", False),
                                          "benchmark_type": t, "date": r["date"]})
        self.models = sorted({DB_TO_DISPLAY.get(r["model"], r["model"]) for r in self.latest})
        self.newest_date = max(r["date"] for r in self.latest + self.history)
        self.cache, self.cache_lock = {}, threading.Lock()

    def body(self, path, query, older):
        """(status, body, gzipped body) of an API request; computed once (the data never changes)."""
        key = (path, query, older)
        with self.cache_lock:
            if key not in self.cache:
                status, value = self.answer(path, parse_qs(query), older)
                body = json.dumps(value).encode()
                self.cache[key] = (status, body, gzip.compress(body, mtime=0))
            return self.cache[key]

    def rows(self, rows, older):
        return [r for r in rows if not older or r["date"] != self.newest_date]

    def openapi(self):
        return {"openapi": "3.1.0", "info": {"title": "InferenceX API (test stand-in)", "version": "1"},
                "paths": {"/api/v1/benchmarks": {"get": {"parameters": [
                    {"name": "model", "in": "query", "required": True, "schema": {"type": "string", "enum": self.models}},
                    {"name": "date", "in": "query", "required": False, "schema": {"type": "string"}}]}}}}

    def answer(self, path, q, older):
        """(status, JSON value) of an API request, as the real handlers answer it."""
        if path == "/api/openapi.json":
            return 200, self.openapi()
        if path == "/api/v1/availability":
            return 200, self.availability
        if path == "/api/v1/evaluations":
            return 200, self.evaluations
        if path == "/api/v1/reliability":
            return 200, self.reliability
        if path in ("/api/v1/benchmarks", "/api/v1/benchmarks/history"):
            model = q.get("model", [None])[0]
            if not model:
                return 400, {"error": "model is required"}
            keys = {k for k, v in DB_TO_DISPLAY.items() if v == model}
            if not keys:
                return 404, {"error": "Unknown model"}
            if path == "/api/v1/benchmarks":
                return 200, [r for r in self.rows(self.latest, older) if r["model"] in keys]
            agentic = q.get("benchmarkType", [""])[0] == "agentic_traces"
            if agentic:
                want = lambda r: r.get("benchmark_type") == "agentic_traces"
            else:
                try:
                    isl, osl = int(q["isl"][0]), int(q["osl"][0])
                except (KeyError, ValueError):
                    return 400, {"error": "model, isl, and osl are required"}
                want = lambda r: r.get("benchmark_type", "single_turn") != "agentic_traces" and r.get("isl") == isl and r.get("osl") == osl
            seen, out = set(), []
            for r in self.rows(self.history + self.latest, older):
                ident = json.dumps(r, sort_keys=True)
                if r["model"] in keys and want(r) and ident not in seen:
                    seen.add(ident)
                    out.append(r)
            return 200, out
        return 404, {"error": "Not found"}


class State:
    def __init__(self):
        self.lock = threading.Lock()
        self.mode, self.match, self.count, self.delay, self.validators = "normal", "", -1, 30.0, False
        self.log = []

    def take(self, target):
        """The misbehaviour for this request, or 'normal'."""
        with self.lock:
            if self.mode == "older":
                return "older"
            if self.mode == "normal" or self.match not in target or self.count == 0:
                return "normal"
            if self.count > 0:
                self.count -= 1
            return self.mode


def make_handler(data, state):
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, *args):
            pass

        def send(self, status, body, headers=()):
            self.send_response(status)
            for k, v in headers:
                self.send_header(k, v)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def record(self, target, status):
            with state.lock:
                state.log.append({"path": target, "status": status,
                                  "conditional": bool(self.headers.get("If-None-Match") or self.headers.get("If-Modified-Since"))})

        def do_GET(self):
            url = urlsplit(self.path)
            q = parse_qs(url.query)
            target = url.path + ("?" + url.query if url.query else "")
            if url.path == "/__admin/log":
                with state.lock:
                    body = json.dumps(state.log).encode()
                return self.send(200, body, [("Content-Type", "application/json")])
            if url.path == "/__admin":
                with state.lock:
                    state.mode = q.get("mode", ["normal"])[0]
                    state.match = q.get("match", [""])[0]
                    state.count = int(q.get("count", ["-1"])[0])
                    state.delay = float(q.get("delay", ["30"])[0])
                    if "validators" in q:
                        state.validators = q["validators"][0] == "1"
                    state.log = []
                return self.send(200, b'{"ok": true}', [("Content-Type", "application/json")])

            mode = state.take(target)
            if mode == "slow":
                self.record(target, "slow")  # arrived: a test may now interrupt the fetch
                time.sleep(state.delay)
            if mode == "error500":
                self.record(target, 500)
                return self.send(500, b'{"error":"Internal server error"}', [("Content-Type", "application/json")])
            if mode == "429":
                self.record(target, 429)
                return self.send(429, b'{"error":"Too many requests"}', [("Content-Type", "application/json"), ("Retry-After", "1")])
            if mode == "notfound":
                self.record(target, 404)
                return self.send(404, b'{"error":"Unknown model"}', [("Content-Type", "application/json")])
            if mode == "html":
                self.record(target, 200)
                return self.send(200, HTML, [("Content-Type", "text/html; charset=utf-8")])

            status, body, gz = data.body(url.path, url.query, mode == "older")
            if status != 200:
                self.record(target, status)
                return self.send(status, body, [("Content-Type", "application/json")])
            headers = [("Content-Type", "application/json"), ("Cache-Control", "public, max-age=0, s-maxage=86400")]
            if state.validators:
                etag = '"' + hashlib.sha256(body).hexdigest()[:32] + '"'
                headers += [("ETag", etag), ("Last-Modified", LAST_MODIFIED)]
                if self.headers.get("If-None-Match") == etag or (not self.headers.get("If-None-Match")
                                                                 and self.headers.get("If-Modified-Since") == LAST_MODIFIED):
                    self.record(target, 304)
                    self.send_response(304)
                    for k, v in headers:
                        self.send_header(k, v)
                    self.end_headers()
                    return
            if mode == "truncate-json":
                body = body[: len(body) // 2]
                gz = gzip.compress(body, mtime=0)
            self.record(target, 200)
            if mode == "truncate":
                self.send_response(200)
                for k, v in headers:
                    self.send_header(k, v)
                self.send_header("Content-Encoding", "gzip")
                self.send_header("Content-Length", str(len(gz)))
                self.end_headers()
                self.wfile.write(gz[: len(gz) // 2])
                self.wfile.flush()
                self.close_connection = True
                return
            self.send(200, gz, headers + [("Content-Encoding", "gzip")])

    return Handler


class Quiet(ThreadingHTTPServer):
    def handle_error(self, request, client_address):
        # A client that went away (a timeout, a killed fetch) is what the tests do on purpose.
        if not isinstance(sys.exc_info()[1], (BrokenPipeError, ConnectionResetError)):
            super().handle_error(request, client_address)


def main():
    args = sys.argv[1:]
    limit = 120.0
    if args[:1] == ["--time-limit"]:
        limit, args = float(args[1]), args[2:]
    if not args:
        sys.exit(__doc__)
    data = Data(args)
    server = Quiet(("127.0.0.1", 0), make_handler(data, State()))
    server.daemon_threads = True
    parent = os.getppid()

    def watchdog():
        end = time.monotonic() + limit
        while time.monotonic() < end and os.getppid() == parent:
            time.sleep(0.2)
        os._exit(0)

    threading.Thread(target=watchdog, daemon=True).start()
    print(server.server_address[1], flush=True)
    server.serve_forever()


if __name__ == "__main__":
    main()
