#!/usr/bin/env python3
"""The core links only what every query needs: `ldd` of the icq program and of libicq lists no raster
or network library (librsvg's graphics stack, libcurl's network stack, cpp-httplib and PostgreSQL's
libpq live in the helpers icq-png, icq-fetch, icq-serve and icq-pg) nor the line editor (the REPL
opens libedit when a session is interactive), and no more than MAX libraries in all.
Usage: lean_core.py MAX FILE... (each FILE an executable or shared library)"""
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

limit = int(sys.argv[1])
failed = False
for path in sys.argv[2:]:
    out = subprocess.run(["ldd", path], capture_output=True, text=True, check=True).stdout
    libs = [line.split()[0] for line in out.splitlines() if line.strip()]
    heavy = [lib for lib in libs if HEAVY.match(lib)]
    print(f"{path}: {len(libs)} libraries: {' '.join(libs)}")
    if heavy:
        failed = True
        print(f"FAIL  {path} links raster, network or line-editing libraries: {' '.join(heavy)}")
    if len(libs) > limit:
        failed = True
        print(f"FAIL  {path} links {len(libs)} libraries, more than {limit}")
sys.exit(1 if failed else 0)
