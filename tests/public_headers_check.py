#!/usr/bin/env python3
"""No public header includes a third-party header: include/icq/*.hpp include only the C++ standard
library and each other. Usage: public_headers_check.py INCLUDE_DIR"""
import glob
import os
import re
import sys

STD = {"algorithm", "array", "chrono", "cstddef", "cstdint", "exception", "functional", "map", "memory", "mutex", "optional",
       "set", "span", "stdexcept", "string", "string_view", "unordered_map", "utility", "variant", "vector"}

bad = []
headers = sorted(glob.glob(os.path.join(sys.argv[1], "icq", "*.hpp")))
for path in headers:
    for n, line in enumerate(open(path, encoding="utf-8"), 1):
        m = re.match(r'\s*#\s*include\s*([<"])([^>"]+)[>"]', line)
        if not m:
            continue
        kind, name = m.groups()
        if (kind == '"' and name.startswith("icq/")) or (kind == "<" and name in STD):
            continue
        bad.append(f"{path}:{n}: {line.strip()}")
print(f"{len(headers)} public headers checked")
for b in bad:
    print("third-party or unexpected include:", b)
sys.exit(1 if bad or not headers else 0)
