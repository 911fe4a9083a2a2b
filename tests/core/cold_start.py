#!/usr/bin/env python3
"""A cold `icq -c "compare …"` on the built-in data costs at most RATIO times the start of a trivial
program built like it (tests/core/trivial.cpp), in CPU time: a ratio of CPU times holds on a loaded
machine (wall times there grow by the wait for a core, the same for both, and the ratio shrinks),
while a heavy link (every shared library the loader brings in costs every query) fails it. The two
run alternately, RUNS times each; the medians are compared.
Usage: cold_start.py ICQ TRIVIAL RATIO [RUNS] (exit 77, skipped, when ICQ_SANITIZED is set)"""
import os
import statistics
import sys

ICQ, TRIVIAL, RATIO = sys.argv[1], sys.argv[2], float(sys.argv[3])
RUNS = int(sys.argv[4]) if len(sys.argv) > 4 else 41
COMPARE = "compare precision fp4 vs fp8 on mi355x model dsr1 seq 1k/1k"

if os.environ.get("ICQ_SANITIZED"):
    print("skipped: a sanitizer build starts slowly by design; the ci and dev builds run this check")
    sys.exit(77)

devnull = os.open(os.devnull, os.O_WRONLY)
actions = [(os.POSIX_SPAWN_DUP2, devnull, 1), (os.POSIX_SPAWN_DUP2, devnull, 2)]


def seconds(argv):
    """The CPU time (user + system) of one run: unlike its wall time, it does not grow with the
    time the process waits for a core on a busy machine."""
    pid = os.posix_spawn(argv[0], argv, os.environ, file_actions=actions)
    _, status, usage = os.wait4(pid, 0)
    if os.waitstatus_to_exitcode(status) != 0:
        sys.exit(f"{' '.join(argv)} exited {os.waitstatus_to_exitcode(status)}")
    return usage.ru_utime + usage.ru_stime


icq = [ICQ, "--no-cache", "-c", COMPARE]
for _ in range(3):  # warm the page cache
    seconds([TRIVIAL]), seconds(icq)
trivial_times, icq_times = [], []
for _ in range(RUNS):
    trivial_times.append(seconds([TRIVIAL]))
    icq_times.append(seconds(icq))
t, c = statistics.median(trivial_times), statistics.median(icq_times)
ratio = c / t
print(f"cold compare {c * 1e3:.2f} ms, trivial program {t * 1e3:.2f} ms (medians of {RUNS}): {ratio:.1f}x, limit {RATIO:g}x")
if ratio > RATIO:
    print(f"FAIL  a cold compare costs {ratio:.1f} starts of a trivial program, more than {RATIO:g}: "
          f"has a heavy library come back into icq or libicq? (ldd {ICQ})")
    sys.exit(1)
