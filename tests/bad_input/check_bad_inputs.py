#!/usr/bin/env python3
"""Bad input, file by file and query by query: each case must give its clear message (with a
position where there is one), the right exit code (1 query error, 2 usage/I/O or a file that gave no rows; a partly bad file exits 0 with its warnings, 2 under --strict),
keep the good rows of a partly bad file, and finish in bounded time and memory.
The files are generated here (clearly synthetic test inputs, never benchmark data) from a
template row. Usage: check_bad_inputs.py ICQ"""
import json
import os
import resource
import subprocess
import sys
import tempfile
import time

ICQ = sys.argv[1]
TIME_LIMIT_S = 60
MEMORY_LIMIT_MB = 2048

ROW = {"hardware": "mi355x", "framework": "sglang", "model": "dsr1", "precision": "fp8", "spec_method": "none",
       "disagg": False, "is_multinode": False, "prefill_tp": 8, "prefill_ep": 1, "prefill_dp_attention": False,
       "prefill_num_workers": 0, "decode_tp": 8, "decode_ep": 1, "decode_dp_attention": False, "decode_num_workers": 0,
       "num_prefill_gpu": 8, "num_decode_gpu": 8, "isl": 1024, "osl": 1024, "conc": 4, "date": "2026-01-01",
       "metrics": {"tput_per_gpu": 100.0, "median_intvty": 50.0, "output_tput_per_gpu": 50.0, "input_tput_per_gpu": 50.0}}


def row(conc, tput=None, x=None, **changes):
    r = json.loads(json.dumps(ROW))
    r["conc"] = conc
    r["metrics"]["tput_per_gpu"] = tput if tput is not None else 1000.0 / conc
    r["metrics"]["median_intvty"] = x if x is not None else 10.0 * conc ** 0.5
    for k, v in changes.items():
        if k.startswith("m_"):
            r["metrics"][k[2:]] = v
        else:
            r[k] = v
    return r


def good_rows():
    return [row(c) for c in (1, 2, 4, 8, 16)]


def jtext(rows):
    return "[\n" + ",\n".join(json.dumps(r) for r in rows) + "\n]\n"


CSV_HEADER = ("Model,ISL,OSL,Hardware,Hardware Key,Framework,Precision,TP,Concurrency,Date,Throughput/GPU (tok/s),"
              "Median TPOT (ms),Median Interactivity (tok/s/user)")


def csv_line(conc, tput="100", x="50"):
    return f"DeepSeek-R1-0528,1024,1024,mi355x,mi355x_sglang,sglang,fp8,8,{conc},2026-01-01,{tput},{1 / float(x) if x not in ('nan', 'x') else 0.02},{x}"


def cases(tmp):
    def write(name, content, mode="w"):
        path = os.path.join(tmp, name)
        with open(path, mode) as f:
            f.write(content)
        return path

    good = jtext(good_rows())
    rows = good_rows()
    truncated = good[: good.rfind("{") + 40]
    big_rows = [row(1 + i % 512, date=f"2025-{1 + (i // 512) % 12:02d}-{1 + i % 28:02d}") for i in range(3000)]
    big = jtext(big_rows)
    big_path = os.path.join(tmp, "big-100mb.json")
    with open(big_path, "w") as f:  # ~100 MB: the same 3000 records, with spaces to make the size
        f.write(big[:-2] + "," + ("\n" + " " * 1000) * 100_000 + big[1:])
    list_q = "compare precision fp4 vs fp8 on mi355x model dsr1 at interactivity " + ", ".join(str(i + 1) for i in range(1_000_000))
    L = []  # (name, args, exit code, [expected substrings in stdout+stderr], optional stdin)
    L.append(("truncated JSON keeps the whole records", ["--data", write("truncated.json", truncated), "-c", "list gpus"], 0,
              ["the file ends inside this record (truncated)): row 5 (line 6)", "invalid JSON", "|    4 |"]))
    L.append(("--strict: a partly bad file exits 2", ["--strict", "--data", write("truncated-strict.json", truncated), "-c", "list gpus"], 2,
              ["the file ends inside this record (truncated)): row 5 (line 6)", "|    4 |"]))
    L.append(("invalid JSON in one record", ["--data", write("one-bad.json", good.replace('"conc": 4,', '"conc": 4,,')), "-c", "list gpus"], 0,
              ["1 unusable record (invalid JSON", "row 3 (line 4)", "|    4 |"]))
    L.append(("invalid JSON document", ["--data", write("garbage.json", "{ this is not json"), "-c", "list gpus"], 2,
              ["skipped: invalid JSON", "the data holds no usable benchmark rows"]))
    L.append(("wrong types", ["--data", write("types.json", jtext(rows[:3] + [dict(row(32), conc="many"), row(64, m_tput_per_gpu="fast")])), "-c", "list gpus"], 0,
              ["'conc' is not a number): row 4", "non-numeric tput_per_gpu): row 5", "|    3 |"]))
    L.append(("NaN and Infinity", ["--data", write("nan.json", jtext(rows[:3]).replace("]", ",") + '{"hardware":"mi355x","framework":"sglang","model":"dsr1","precision":"fp8","conc":32,"date":"2026-01-01","isl":1024,"osl":1024,"metrics":{"tput_per_gpu":NaN,"median_intvty":Infinity}}]'), "-c", "list gpus"], 0,
              ["invalid JSON", "row 4 (line 6)", "|    3 |"]))
    L.append(("NaN in a CSV", ["--data", write("nan.csv", CSV_HEADER + "\n" + csv_line(4) + "\n" + csv_line(8, tput="nan") + "\n" + csv_line(16, x="inf") + "\n"), "-c", "list gpus"], 0,
              ["'Throughput/GPU (tok/s)' is not a finite number: 'nan'): line 3", "'Median Interactivity (tok/s/user)' is not a finite number: 'inf'): line 4", "|    1 |"]))
    L.append(("negative and zero throughput or interactivity", ["--data", write("negative.json", jtext(rows[:2] + [row(32, tput=-5), row(64, x=0), row(128, x=-3)])), "-c", "list gpus"], 0,
              ["tput_per_gpu not a finite non-negative number): row 3", "2 unusable records (median_intvty not a finite positive number): row 4, row 5"]))
    L.append(("missing metrics", ["--data", write("missing.json", jtext(rows[:2] + [{k: v for k, v in row(32).items() if k != "metrics"}, row(64, m_tput_per_gpu=None)])), "-c", "list gpus"], 0,
              ["missing metrics object): row 3", "missing tput_per_gpu): row 4"]))
    L.append(("duplicate rows merge", ["--data", write("dup.json", jtext(rows + rows[:2])), "-c", "list gpus", "-c", "points on mi355x show conc"], 0,
              ["|    5 |     1 |", "5 rows (the latest run"]))
    L.append(("unknown keys are reported, not fatal", ["--data", write("unknown.json", jtext([dict(r, flavour="vanilla") for r in rows])), "-c", "list gpus"], 0,
              ["fields not used by icq were ignored: flavour (5×)"]))
    L.append(("empty file", ["--data", write("empty.json", ""), "-c", "list gpus"], 2,
              ["skipped: empty file", "no usable benchmark rows"]))
    L.append(("empty CSV", ["--data", write("empty.csv", "# nothing\n"), "-c", "list gpus"], 2, ["CSV without a header line"]))
    L.append(("truncated CSV", ["--data", write("trunc.csv", CSV_HEADER + "\n" + csv_line(4) + "\n" + csv_line(8)[:40]), "-c", "list gpus"], 0,
              ["fields where the header has 13): line 3", "|    1 |"]))
    L.append(("CSV with an unterminated quote", ["--data", write("quote.csv", CSV_HEADER + "\n" + csv_line(4) + '\n"DeepSeek,1024\n'), "-c", "list gpus"], 0,
              ["unterminated quoted field): line 3"]))
    L.append(("a 100 MB file loads within the bounds", ["--data", big_path, "-c", "list dates"], 0, ["2025-01-01"]))
    L.append(("deeply nested JSON", ["--data", write("deep.json", "[" * 100_000 + "]" * 100_000), "-c", "list gpus"], 2,
              ["unusable record (invalid JSON: The JSON document was too deep"]))
    L.append(("non-UTF-8 bytes in JSON", ["--data", write("latin1.json", good.replace("sglang", "sgl\xe4ng").encode("latin-1"), "wb"), "-c", "list gpus"], 2,
              ["UTF-8"]))
    L.append(("non-UTF-8 bytes in a CSV", ["--data", write("latin1.csv", (CSV_HEADER + "\n" + csv_line(4).replace("sglang,fp8", "sgl\xe4ng,fp8") + "\n" + csv_line(8) + "\n").encode("latin-1"), "wb"), "-c", "list gpus"], 0,
              ["not valid UTF-8): line 2", "|    1 |"]))
    L.append(("non-UTF-8 bytes in a query", ["-c", "compare precision fp4 vs f\xe4p8".encode("latin-1").decode("latin-1")], 1,
              ["query:1:"]))
    L.append(("a query of 1 MB", ["-"], 1, ["bytes; the limit is 262144", "split it into smaller scripts"], "list gpus; " * 100_000))
    L.append(("a target list of 10^6 values", ["-"], 1, ["the input is", "the limit is 262144"], list_q))
    L.append(("a range with step 0", ["-c", "compare precision fp4 vs fp8 on mi355x model dsr1 at 20..60 step 0"], 1,
              ["query:1:66: error: step must be positive, got 0"]))
    L.append(("a range of too many targets", ["-c", "compare precision fp4 vs fp8 on mi355x model dsr1 at 1..1000000 step 0.001"], 1,
              ["targets; the limit is 10000"]))
    L.append(("a missing data path", ["--data", os.path.join(tmp, "nope"), "-c", "list gpus"], 2, ["cannot read", "no such file or directory"]))
    return L


def main():
    failures = []
    with tempfile.TemporaryDirectory() as tmp:
        for name, args, code, wants, *stdin in cases(tmp):
            before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
            start = time.monotonic()
            p = subprocess.run([ICQ] + args, capture_output=True, timeout=TIME_LIMIT_S, env=dict(os.environ, NO_COLOR="1"),
                               input=stdin[0].encode() if stdin else None)
            elapsed = time.monotonic() - start
            rss_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
            text = p.stdout.decode("utf-8", "replace") + p.stderr.decode("utf-8", "replace")
            problems = []
            if p.returncode != code:
                problems.append(f"exit {p.returncode}, expected {code}")
            problems += [f"missing {w!r}" for w in wants if w not in text]
            if rss_mb > MEMORY_LIMIT_MB:
                problems.append(f"peak memory {rss_mb:.0f} MB")
            status = "ok  " if not problems else "FAIL"
            print(f"{status} {name} ({elapsed:.2f} s, peak {rss_mb:.0f} MB)")
            if problems:
                failures.append(name)
                print("     " + "; ".join(problems))
                print("     output: " + text[-3000:].replace("\n", "\n             "))
            del before
    print(f"{len(failures)} failing case(s)")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
