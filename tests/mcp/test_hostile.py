#!/usr/bin/env python3
"""icq mcp against malformed and hostile messages, written by hand.

Each case sends one line and expects the JSON-RPC error it deserves (or no answer at all, for
notifications and responses); after every case a ping must still be answered, so a case that
kills or wedges the server fails where it happens. Then: the time limit, the output limit, and
EOF on stdin ending the server with exit code 0.

usage: test_hostile.py ICQ
"""
import json
import queue
import subprocess
import sys
import threading
import time

ICQ = sys.argv[1]
TIMEOUT = 60  # seconds to wait for one answer (generous: sanitizer builds are slow)

failures = []


class Server:
    def __init__(self, *args):
        self.p = subprocess.Popen([ICQ, "mcp", "--no-cache", *args], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                  stderr=subprocess.PIPE)
        self.lines = queue.Queue()
        threading.Thread(target=self._read, daemon=True).start()
        self.err = []
        threading.Thread(target=lambda: self.err.extend(self.p.stderr), daemon=True).start()
        self.pings = 0

    def _read(self):
        for line in self.p.stdout:
            self.lines.put(line)
        self.lines.put(None)

    def send(self, data: bytes):
        self.p.stdin.write(data if data.endswith(b"\n") else data + b"\n")
        self.p.stdin.flush()

    def answer(self):
        line = self.lines.get(timeout=TIMEOUT)
        if line is None:
            raise RuntimeError("the server closed stdout (exit %s): %s" % (self.p.poll(), b"".join(self.err)[-2000:]))
        return json.loads(line)  # every line on stdout is one JSON value

    def request(self, method, params=None, id_=None):
        msg = {"jsonrpc": "2.0", "id": id_ if id_ is not None else method, "method": method}
        if params is not None:
            msg["params"] = params
        self.send(json.dumps(msg).encode())
        return self.answer()

    def still_answers(self):
        self.pings += 1
        a = self.request("ping", id_="ping-%d" % self.pings)
        return a == {"jsonrpc": "2.0", "id": "ping-%d" % self.pings, "result": {}}

    def close(self):
        self.p.stdin.close()
        start = time.monotonic()
        code = self.p.wait(timeout=TIMEOUT)
        return code, time.monotonic() - start


def case(server, name, line, code=None, id_=None, text=None):
    """Sends `line`; expects error `code` (answering `id_`), or no answer when code is None."""
    try:
        server.send(line if isinstance(line, bytes) else line.encode())
        if code is not None:
            a = server.answer()
            err = a.get("error") or {}
            ok = a.get("jsonrpc") == "2.0" and err.get("code") == code and a.get("id") == id_ and "result" not in a
            ok = ok and isinstance(err.get("message"), str) and (text is None or text in err["message"])
            if not ok:
                failures.append("%s: expected error %s (id %r%s), got %s" % (name, code, id_, ", '%s'" % text if text else "",
                                                                            json.dumps(a)[:300]))
        if not server.still_answers():
            failures.append("%s: the ping after it was not answered right" % name)
    except Exception as e:  # noqa: BLE001 - any failure of a case is reported with its name
        failures.append("%s: %s" % (name, e))
    print("ok  " if not failures or not failures[-1].startswith(name + ":") else "FAIL", name)


def tool_error(server, name, params, text):
    """A tools/call that must come back as a tool result with isError (not a protocol error)."""
    a = server.request("tools/call", params, id_=name)
    res = a.get("result") or {}
    content = res.get("content") or [{}]
    ok = res.get("isError") is True and text in content[0].get("text", "")
    if not ok:
        failures.append("%s: expected an isError result saying '%s', got %s" % (name, text, json.dumps(a)[:300]))
    if not server.still_answers():
        failures.append("%s: the ping after it was not answered right" % name)
    print("ok  " if ok else "FAIL", name)


def main():
    s = Server()
    P, I, M, N = -32700, -32600, -32601, -32602
    # Before initialize: only ping and initialize are served.
    case(s, "tools/list before initialize", '{"jsonrpc":"2.0","id":1,"method":"tools/list"}', I, 1, "not initialized")
    case(s, "initialize without protocolVersion", '{"jsonrpc":"2.0","id":2,"method":"initialize","params":{}}', N, 2)
    case(s, "initialize with params of the wrong type", '{"jsonrpc":"2.0","id":3,"method":"initialize","params":7}', N, 3)
    a = s.request("initialize", {"protocolVersion": "2025-06-18", "capabilities": {}, "clientInfo": {"name": "hostile", "version": "0"}})
    if a.get("result", {}).get("protocolVersion") != "2025-06-18":
        failures.append("initialize: %s" % a)
    case(s, "notifications/initialized", '{"jsonrpc":"2.0","method":"notifications/initialized"}')
    case(s, "a second initialize", '{"jsonrpc":"2.0","id":4,"method":"initialize","params":{"protocolVersion":"2025-06-18"}}', I, 4,
         "already initialized")

    case(s, "invalid JSON", "{not json", P, None)
    case(s, "truncated JSON", '{"jsonrpc":"2.0","id":5,"method":"pi', P, None)
    case(s, "trailing garbage", '{"jsonrpc":"2.0","id":6,"method":"ping"} xyz', P, None)
    case(s, "binary garbage", bytes(range(256)).replace(b"\n", b""), P, None)
    case(s, "invalid UTF-8 in a string", b'{"jsonrpc":"2.0","id":7,"method":"\xff\xfe"}', P, None)
    case(s, "NUL bytes", b'{"jsonrpc":"2.0",\x00"id":8}', P, None)
    case(s, "deeply nested JSON", "[" * 100000 + "]" * 100000, P, None, "deeper")
    case(s, "deeply nested params", '{"jsonrpc":"2.0","id":9,"method":"ping","params":{"a":' + "[" * 500 + "]" * 500 + "}}", P, None)
    case(s, "wrong jsonrpc version", '{"jsonrpc":"1.0","id":10,"method":"ping"}', I, 10)
    case(s, "jsonrpc as a number", '{"jsonrpc":2.0,"id":11,"method":"ping"}', I, 11)
    case(s, "missing jsonrpc", '{"id":12,"method":"ping"}', I, 12)
    case(s, "missing method", '{"jsonrpc":"2.0","id":13}', I, 13)
    case(s, "method of the wrong type", '{"jsonrpc":"2.0","id":14,"method":["ping"]}', I, 14)
    case(s, "params of the wrong type", '{"jsonrpc":"2.0","id":15,"method":"ping","params":"x"}', N, 15)
    case(s, "a batch array", '[{"jsonrpc":"2.0","id":16,"method":"ping"},{"jsonrpc":"2.0","id":17,"method":"ping"}]', I, None, "batch")
    case(s, "an empty batch", "[]", I, None)
    case(s, "a number", "42", I, None)
    case(s, "a string", '"ping"', I, None)
    case(s, "null", "null", I, None)
    case(s, "id null", '{"jsonrpc":"2.0","id":null,"method":"ping"}', I, None)
    case(s, "id an object", '{"jsonrpc":"2.0","id":{"x":1},"method":"ping"}', I, None)
    case(s, "id a fraction", '{"jsonrpc":"2.0","id":1.5,"method":"ping"}', I, None)
    case(s, "id a boolean", '{"jsonrpc":"2.0","id":true,"method":"ping"}', I, None)
    case(s, "unknown method", '{"jsonrpc":"2.0","id":"u","method":"tools/destroy"}', M, "u")
    case(s, "unknown method, big integer id", '{"jsonrpc":"2.0","id":9007199254740993,"method":"x"}', M, 9007199254740993)
    case(s, "unknown method, unicode string id", '{"jsonrpc":"2.0","id":"\\u00e9t\\u00e9 \\"q\\"","method":"x"}', M, 'été "q"')
    case(s, "tools/call without name", '{"jsonrpc":"2.0","id":18,"method":"tools/call","params":{"arguments":{}}}', N, 18)
    case(s, "tools/call without params", '{"jsonrpc":"2.0","id":19,"method":"tools/call"}', N, 19)
    case(s, "tools/call with a name of the wrong type", '{"jsonrpc":"2.0","id":20,"method":"tools/call","params":{"name":3}}', N, 20)
    case(s, "tools/call of an unknown tool", '{"jsonrpc":"2.0","id":21,"method":"tools/call","params":{"name":"rm"}}', N, 21, "unknown tool")
    case(s, "tools/call with arguments not an object", '{"jsonrpc":"2.0","id":22,"method":"tools/call","params":{"name":"query","arguments":"list gpus"}}', N, 22)
    case(s, "resources/read without uri", '{"jsonrpc":"2.0","id":23,"method":"resources/read","params":{}}', N, 23)
    case(s, "resources/read of an unknown uri", '{"jsonrpc":"2.0","id":24,"method":"resources/read","params":{"uri":"file:///etc/passwd"}}', -32002, 24)
    case(s, "a notification of an unknown method", '{"jsonrpc":"2.0","method":"notifications/whatever","params":{"x":1}}')
    case(s, "a notification with params of the wrong type", '{"jsonrpc":"2.0","method":"notifications/cancelled","params":5}')
    case(s, "a response from the client", '{"jsonrpc":"2.0","id":99,"result":{}}')
    case(s, "a blank line", "   ")
    case(s, "a CRLF line", b'{"jsonrpc":"2.0","id":"crlf","method":"tools/destroy"}\r\n', M, "crlf")
    case(s, "a line over the size limit", b'{"jsonrpc":"2.0","id":25,"method":"ping","params":{"x":"' + b"x" * (5 << 20) + b'"}}', I, None,
         "over the limit")
    tool_error(s, "query: an argument of the wrong type", {"name": "query", "arguments": {"query": 5}}, "invalid arguments")
    tool_error(s, "compare: a side that would end the statement", {"name": "compare", "arguments": {"dimension": "precision",
               "sides": ["fp4; load \"/etc\"", "fp8"]}}, "not a name")
    tool_error(s, "compare: filters that would comment out the rest", {"name": "compare", "arguments": {"sides": ["a", "b"],
               "filters": "model dsr1 -- show"}}, "one line")
    tool_error(s, "query: a query error comes back with its caret", {"name": "query", "arguments": {"query": "compare precision fp9 vs fp8"}},
               "query:1:19: error: unknown precision 'fp9'")

    code, took = s.close()
    if code != 0:
        failures.append("EOF on stdin: exit code %s, expected 0" % code)
    print("ok  " if code == 0 else "FAIL", "EOF on stdin ends the server with exit 0 (%.2fs)" % took)

    # The time limit: a call past it is an error result, and the server goes on serving.
    # (10,000 targets take seconds, 0.05 s never suffices; EOF then ends the server without waiting for it.)
    t = Server("--timeout", "0.05")
    t.request("initialize", {"protocolVersion": "2025-06-18"})
    a = t.request("tools/call", {"name": "query", "arguments": {"query": "compare precision fp4 vs fp8 on mi355x model dsr1 at 1..200 step 0.02"}},
                  id_="slow")
    res = a.get("result", {})
    ok = res.get("isError") is True and "time limit" in res["content"][0]["text"] and t.still_answers()
    print("ok  " if ok else "FAIL", "a call past the time limit: an error result, then a ping answered")
    if not ok:
        failures.append("time limit: %s" % json.dumps(a)[:300])
    code, _ = t.close()
    if code != 0:
        failures.append("EOF after an abandoned call: exit code %s" % code)

    # The output limit: long results are cut with a note saying so.
    o = Server("--max-output", "300")
    o.request("initialize", {"protocolVersion": "2025-06-18"})
    a = o.request("tools/call", {"name": "query", "arguments": {"query": "list gpus"}})
    items = a.get("result", {}).get("content", [])
    ok = len(items) >= 2 and all("output cut at" in i["text"] and len(i["text"].encode()) < 300 + 200 for i in items)
    print("ok  " if ok else "FAIL", "results past the output limit are cut, with a note")
    if not ok:
        failures.append("output limit: %s" % json.dumps(a)[:500])
    o.close()

    if failures:
        print("\n%d failure(s):" % len(failures))
        for f in failures:
            print("  " + f)
        return 1
    print("\nall %d hostile messages answered as they should, the server answering after each" % s.pings)
    return 0


if __name__ == "__main__":
    sys.exit(main())
