"""The check lines of tests/core's scripts: `ok    NAME`, or `FAIL  NAME` with the detail indented
under it, and the tally at the end, whose exit code is 1 when any check failed."""
import sys

passed = failed = 0


def check(name, ok, detail=""):
    global passed, failed
    passed, failed = passed + bool(ok), failed + (not ok)
    print(("ok    " if ok else "FAIL  ") + name + ("" if ok or not detail else "\n      " + detail.replace("\n", "\n      ")))


def finish():
    print(f"{passed} passed, {failed} failed")
    sys.exit(1 if failed else 0)
