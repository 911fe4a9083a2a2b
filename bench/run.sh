#!/usr/bin/env bash
# Runs every benchmark of bench/README.md and writes bench/RESULTS.md from one run.
#   bench/run.sh [--sizes "10000 100000 1000000 10000000"] [--out DIR]
# Needs: .ci/install-deps (hyperfine, python3-pandas, libbenchmark-dev), Node.js + npm (DuckDB peer).
# Synthetic data goes to build/bench-data (about 12 GB at 10^7 rows); results to build/bench-results.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
sizes="10000 100000 1000000 10000000"
out="$root/build/bench-results"
while [ $# -gt 0 ]; do
  case "$1" in
    --sizes) sizes="$2"; shift 2 ;;
    --out) out="$2"; shift 2 ;;
    *) echo "usage: bench/run.sh [--sizes \"N...\"] [--out DIR]" >&2; exit 2 ;;
  esac
done
data_dir="${ICQ_DATA_DIR:-$root/data/inferencex}"
gen="$root/build/bench-data"
mkdir -p "$out" "$gen"
log() { echo "bench: $*" >&2; }

log "building the ci preset (Release)"
cmake --preset ci >/dev/null
cmake --build --preset ci >/dev/null
icq="$root/build/ci/bin/icq"
scale="$root/build/ci/bench/icq_scale"
micro="$root/build/ci/bench/icq_bench"
[ -d bench/node_modules/@duckdb/node-api ] || (cd bench && npm ci --no-audit --no-fund >/dev/null)
py=/usr/bin/python3   # Debian's python3 with python3-pandas

compare='compare precision fp4 vs fp8 on mi355x model dsr1 seq 1k/1k'
trend='trend throughput on mi355x model dsr1 precision fp4 seq 1k/1k at interactivity 50'
builtin=("$data_dir"/api/2026-05-05/benchmarks-history.json "$data_dir"/api/2026-05-05/benchmarks.json
         "$data_dir"/api/2026-06-14/benchmarks-history.json "$data_dir"/api/2026-06-14/benchmarks.json)

{
  echo "{\"date\": \"$(date -u +%Y-%m-%dT%H:%MZ)\", \"commit\": \"$(git rev-parse --short HEAD)\","
  echo " \"cpu\": \"$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)\", \"cores\": $(nproc),"
  echo " \"icq\": \"$($icq --version)\", \"python\": \"$($py --version 2>&1)\", \"pandas\": \"$($py -c 'import pandas; print(pandas.__version__)')\","
  echo " \"node\": \"$(node --version)\", \"duckdb\": \"$(node -e 'console.log(require("./bench/node_modules/@duckdb/node-api/package.json").version)')\","
  echo " \"hyperfine\": \"$(hyperfine --version)\", \"compare\": \"$compare\", \"trend\": \"$trend\","
  echo " \"icq_libraries\": $(ldd "$icq" | wc -l), \"libicq_libraries\": $(ldd "$root/build/ci/interpreter/libicq.so" | wc -l)}"
} > "$out/machine.json"

log "cold process: icq -c vs the peers' whole process on the built-in data (and a trivial program)"
cc -O2 -x c -o "$gen/trivial" - <<<'int main(void) { return 0; }'
# icq and the trivial program take milliseconds: 300 runs each (two seconds), so a burst of the
# shared machine's noise moves their medians less; the peers take half a second: 40 runs each.
hyperfine -N --warmup 10 --runs 300 --export-json "$out/cold.json" \
  -n icq "$icq --no-cache -c '$compare'" \
  -n trivial "$gen/trivial" >&2
hyperfine -N --warmup 5 --runs 40 --export-json "$out/cold-peers.json" \
  -n pandas "$py bench/peer_pandas.py --repeat 1 --no-trend ${builtin[*]}" \
  -n duckdb "node bench/peer_duckdb.mjs --repeat 1 ${builtin[*]}" >&2

log "warm: 1,000 compares in one session (icq_scale) and as a script through the CLI"
"$scale" --repeat 1000 --query "compare=$compare" --query "trend=$trend" > "$out/warm.json"
script="$gen/compare-1000.icq"
for i in $(seq 1000); do echo "$compare"; done > "$script"
hyperfine -N --warmup 2 --runs 10 --export-json "$out/script.json" \
  -n script-1000 "$icq -f $script --format json" -n script-1 "$icq -c '$compare' --format json" >&2

log "ingest micro-benchmarks (Google Benchmark)"
"$micro" --benchmark_format=json --benchmark_repetitions=5 --benchmark_report_aggregates_only=true > "$out/micro.json"

log "peers on the built-in data (answers are checked against icq's)"
"$scale" --repeat 20 --query "compare=$compare" --query "trend=$trend" "${builtin[@]}" > "$out/icq-builtin.json"
node bench/peer_duckdb.mjs --repeat 20 "${builtin[@]}" > "$out/duckdb-builtin.json"
"$py" bench/peer_pandas.py --repeat 5 "${builtin[@]}" > "$out/pandas-builtin.json"

for n in $sizes; do
  dir="$gen/synthetic-history-$n-rows"
  if [ ! -f "$gen/.complete-$n" ]; then
    log "generating $n synthetic rows"
    python3 bench/gen_history.py "$n" "$gen" > "$gen/gen-$n.json"
    touch "$gen/.complete-$n"
  fi
  files=("$dir"/part-*.json)
  log "scale $n: icq"
  "$scale" --repeat 5 --query "compare=$compare" --query "trend=$trend" "$dir" > "$out/icq-$n.json"
  log "scale $n: duckdb"
  node bench/peer_duckdb.mjs --repeat 5 "${files[@]}" > "$out/duckdb-$n.json"
  if [ "$n" -le 100000 ]; then
    log "scale $n: pandas"
    "$py" bench/peer_pandas.py --repeat 3 "${files[@]}" > "$out/pandas-$n.json"
  fi
  if [ "$n" -le 1000000 ]; then
    log "scale $n: the same rows as a cache of icq fetch, opened through its snapshot"
    rm -f "$gen/snapshot-$n"
    "$scale" --repeat 9 --snapshot "$gen/snapshot-$n" "${files[@]}" > "$out/icq-snapshot-$n.json"
  fi
  if [ "$n" -eq 1000000 ]; then
    cache="$gen/cache-$n"
    python3 bench/make_cache.py "$cache" "${files[@]}" >&2
    "$icq" --cache "$cache" -c ".data" > /dev/null  # the first run parses the JSON and writes the snapshot
    "$icq" --cache "$cache" -c ".data" | grep -q "parsed data read from" || { log "the cache's snapshot was not read"; exit 1; }
    hyperfine -N --warmup 3 --runs 30 --export-json "$out/cold-cache-$n.json" \
      -n icq-cache "$icq --cache $cache -c '$compare'" -n icq "$icq --no-cache -c '$compare'" >&2
  fi
done

log "writing bench/RESULTS.md"
python3 bench/report.py "$out" > bench/RESULTS.md
log "done: bench/RESULTS.md"
