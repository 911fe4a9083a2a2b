#!/usr/bin/env python3
"""The core links only what every query needs: `ldd` of the icq program and of libicq lists no raster
or network library (librsvg's graphics stack, libcurl's network stack, cpp-httplib and PostgreSQL's
libpq live in the helpers icq-png, icq-fetch, icq-serve and icq-pg) nor the line editor (the REPL
opens libedit when a session is interactive), and no more than MAX libraries in all. With
--self-contained FILE (the icq program built by cmake/IcqFastStart.cmake), FILE loads no C++ library
at start either: libstdc++ and libgcc are inside, simdjson is opened at the first file read.
Usage: lean_core.py MAX [--self-contained FILE] FILE... (each FILE an executable or shared library)"""
import re
import subprocess
import sys

# Libraries of the PNG path (librsvg, cairo, pango, fonts, X11, ICU, GLib's I/O) and of the network
# path (libcurl, TLS, HTTP/2, SSH, Kerberos, LDAP, IDN, the HTTP server of icq serve, libpq), and the
# line editor with what it needs (libedit, libtinfo, libbsd, libmd).
HEAVY = re.compile(r"^(librsvg|libcairo|libpango|libgdk|libgio|libgobject|libglib|libharfbuzz|libfreetype|libfontconfig|libpixman"
                   r"|libpng|libX|libxcb|libicu|libxml2|libcurl|libssl|libcrypto|libgnutls|libnghttp|libssh|libgssapi|libkrb5"
                   r"|libk5crypto|libldap|liblber|libsasl|libidn|libpsl|librtmp|libbrotli|libzstd|libnettle|libhogweed|libcpp-httplib|libpq"
                   r"|libedit|libtinfo|libbsd|libmd\.)")

# What a self-contained icq must not load at start: the C++ runtime, and the C++ libraries that would
# bring it (libicq, fmt, simdjson).
CXX = re.compile(r"^(libstdc\+\+|libgcc_s|libsimdjson|libfmt|libicq)")

limit = int(sys.argv[1])
files = sys.argv[2:]
self_contained = []
if files[:1] == ["--self-contained"]:
    self_contained, files = [files[1]], files[1:]
failed = False
for path in files:
    out = subprocess.run(["ldd", path], capture_output=True, text=True, check=True).stdout
    libs = [line.split()[0] for line in out.splitlines() if line.strip()]
    heavy = [lib for lib in libs if HEAVY.match(lib)]
    print(f"{path}: {len(libs)} libraries: {' '.join(libs)}")
    if heavy:
        failed = True
        print(f"FAIL  {path} links raster, network or line-editing libraries: {' '.join(heavy)}")
    cxx = [lib for lib in libs if CXX.match(lib)]
    if path in self_contained and cxx:
        failed = True
        print(f"FAIL  {path} loads C++ libraries at start, which icq_fast_start links in or opens at first use: {' '.join(cxx)}")
    if len(libs) > limit:
        failed = True
        print(f"FAIL  {path} links {len(libs)} libraries, more than {limit}")
sys.exit(1 if failed else 0)
