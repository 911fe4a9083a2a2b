#!/usr/bin/env python3
"""What libpq costs a process that starts (docs/DECISIONS.md, "A lean core"): the CPU time (user +
system) of tiny C programs, built here with cc, that (1) only start, (2) are linked with libpq,
(3) dlopen() libpq.so.5 at start, (4) spawn a helper linked with libpq and wait for it, (5) spawn an
empty helper. Medians of RUNS alternating runs, after a warm-up; the loader's work is what differs.
Usage: bench/libpq_start.py [RUNS]  (needs cc and libpq-dev)"""
import os
import statistics
import subprocess
import sys
import tempfile

RUNS = int(sys.argv[1]) if len(sys.argv) > 1 else 41
SOURCES = {
    "trivial": ("int main(void) { return 0; }", []),
    "linked": ("#include <libpq-fe.h>\nint main(void) { return PQlibVersion() > 0 ? 0 : 1; }", ["-lpq"]),
    "dlopen": ("#include <dlfcn.h>\nint main(void) { return dlopen(\"libpq.so.5\", RTLD_NOW) ? 0 : 1; }", ["-ldl"]),
    "spawn_linked": (None, []),
    "spawn_empty": (None, []),
}
SPAWN = """#include <spawn.h>
#include <sys/wait.h>
extern char** environ;
int main(void) {
  char* argv[] = {"%s", 0};
  pid_t pid;
  int status;
  if (posix_spawn(&pid, "%s", 0, 0, argv, environ)) return 1;
  waitpid(pid, &status, 0);
  return WEXITSTATUS(status);
}
"""


def build(tmp, name, source, libs):
    c = os.path.join(tmp, name + ".c")
    with open(c, "w") as f:
        f.write(source)
    exe = os.path.join(tmp, name)
    cflags = subprocess.run(["pkg-config", "--cflags", "libpq"], capture_output=True, text=True, check=True).stdout.split()
    subprocess.run(["cc", "-O2", *cflags, "-o", exe, c, *libs], check=True)
    return exe


def cpu(argv):
    pid = os.posix_spawn(argv[0], argv, os.environ)
    _, status, usage = os.wait4(pid, 0)
    if os.waitstatus_to_exitcode(status) != 0:
        sys.exit(f"{argv[0]} failed")
    # A spawner's usage includes the helper it waited for (Linux adds reaped children's time).
    return usage.ru_utime + usage.ru_stime


with tempfile.TemporaryDirectory() as tmp:
    exe = {n: build(tmp, n, s, l) for n, (s, l) in SOURCES.items() if s}
    exe["spawn_linked"] = build(tmp, "spawn_linked", SPAWN % (exe["linked"], exe["linked"]), [])
    exe["spawn_empty"] = build(tmp, "spawn_empty", SPAWN % (exe["trivial"], exe["trivial"]), [])
    times = {n: [] for n in exe}
    for _ in range(3):
        for n in exe:
            cpu([exe[n]])
    for _ in range(RUNS):
        for n in exe:
            times[n].append(cpu([exe[n]]))
    libs = len(subprocess.run(["ldd", exe["linked"]], capture_output=True, text=True).stdout.splitlines())
    print(f"CPU time (user + system), medians of {RUNS} runs; a program linked with libpq loads {libs} libraries")
    for n in exe:
        print(f"  {n:13} {statistics.median(times[n]) * 1e3:6.2f} ms")
