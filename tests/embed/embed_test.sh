#!/usr/bin/env bash
# Installs icq into a temporary prefix, builds examples/embed against it with find_package, and
# runs the gate on the built-in data: it passes at a 25% threshold and fails at 50%.
# Usage: embed_test.sh BUILD_DIR SOURCE_DIR CXX_FLAGS LINKER_FLAGS
set -euo pipefail
build=$1 source=$2 cxxflags=${3:-} ldflags=${4:-}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cmake --install "$build" --prefix "$work/prefix" > "$work/install.log"
# The package carries no private dependency: consumers link libicq and nothing else.
if grep -q "INTERFACE_LINK_LIBRARIES" "$work"/prefix/lib*/cmake/icq/icqTargets.cmake; then
  echo "icqTargets.cmake exports link dependencies:"; grep -A3 INTERFACE_LINK_LIBRARIES "$work"/prefix/lib*/cmake/icq/icqTargets.cmake; exit 1
fi
cmake -S "$source/examples/embed" -B "$work/build" -G Ninja -DCMAKE_PREFIX_PATH="$work/prefix" \
      -DCMAKE_CXX_FLAGS="$cxxflags" -DCMAKE_EXE_LINKER_FLAGS="$ldflags" > "$work/configure.log"
cmake --build "$work/build" > "$work/build.log"
cd "$work"  # not the source tree: the data is built into the library
out=$("$work/build/icq_gate" 25)
echo "$out"
grep -q "^FP4 \$0.29.* vs FP8 \$0.46.* per M tokens: FP4 is 36.3.*% cheaper (need 25%)$" <<<"$out"
if "$work/build/icq_gate" 50 > /dev/null; then echo "the gate passed at 50% but FP4 is only 36% cheaper"; exit 1; fi
"$work/prefix/bin/icq" -c "list models" | grep -q "DeepSeek-R1-0528"
# The helpers install in libexec/icq/, where the installed icq finds them (those the build made).
"$work/prefix/bin/icq" mcp --help | grep -q "^usage: icq mcp"
if [ -e "$build/bin/icq-fetch" ]; then "$work/prefix/bin/icq" fetch --help | grep -q "^usage: icq fetch"; fi
if [ -e "$build/bin/icq-png" ]; then
  # (librsvg's own leaks, under the asan preset: the suppressions of the charts test)
  LSAN_OPTIONS="suppressions=$source/tests/charts/lsan.supp" \
    "$work/prefix/bin/icq" --no-cache --output "$work/c.png" -c "compare precision fp4 vs fp8 on mi355x model dsr1" > /dev/null
  head -c 4 "$work/c.png" | grep -q "PNG"
fi
echo "installed package: find_package(icq 0.1) works, the gate runs, icq finds its helpers"
