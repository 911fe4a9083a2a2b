// DuckDB peer (npm @duckdb/node-api, in-memory): the benchmark's compare and trend over the same
// API JSON files, with SQL window functions for latest-run-per-line, the as-of run of each line,
// and the upper-left frontier; the monotone (Steffen) spline and the cost run in JS on the few
// frontier knots. Prints one JSON object of timings and answers (bench/run.sh compares them to icq).
// usage: node peer_duckdb.mjs [--repeat N] FILE...
import { DuckDBInstance } from '@duckdb/node-api';

const args = process.argv.slice(2);
let repeat = 5;
const files = [];
for (let i = 0; i < args.length; ++i) {
  if (args[i] === '--repeat') repeat = Number(args[++i]);
  else files.push(args[i]);
}
if (!files.length) { console.error('usage: node peer_duckdb.mjs [--repeat N] FILE...'); process.exit(2); }

// The benchmark's question (icq: compare precision fp4 vs fp8 on mi355x model dsr1 seq 1k/1k;
// trend throughput on mi355x model dsr1 precision fp4 seq 1k/1k at interactivity 50).
const PRICE = 1.50, KW = 2.09;  // MI355X, 2026-07 edition, hyperscaler tier (SEMANTICS §7)
const LINE = `hardware, framework, model, precision, spec_method, disagg, is_multinode, prefill_tp, prefill_ep,
  prefill_dp_attention, prefill_num_workers, decode_tp, decode_ep, decode_dp_attention, decode_num_workers,
  num_prefill_gpu, num_decode_gpu, isl, osl, benchmark_type, offload_mode`;
const LINE_KEYS = LINE.split(',').map((k) => k.trim());
const FILTER = `model = 'dsr1' AND hardware = 'mi355x' AND isl = 1024 AND osl = 1024 AND benchmark_type = 'single_turn'`;

function slopes(xs, ys) {  // SEMANTICS §3, as tests/reference/icq_ref.py
  const n = xs.length, m = new Array(n).fill(0);
  if (n < 2) return m;
  const h = [], s = [];
  for (let i = 0; i < n - 1; ++i) { h.push(xs[i + 1] - xs[i]); s.push((ys[i + 1] - ys[i]) / h[i]); }
  for (let i = 1; i < n - 1; ++i) {
    const p = (s[i - 1] * h[i] + s[i] * h[i - 1]) / (h[i - 1] + h[i]);
    const v = (Math.sign(s[i - 1]) + Math.sign(s[i])) * Math.min(Math.abs(s[i - 1]), Math.abs(s[i]), 0.5 * Math.abs(p));
    m[i] = Number.isNaN(v) ? 0 : v;
  }
  m[0] = (3 * s[0] - m[1]) / 2;
  m[n - 1] = (3 * s[n - 2] - m[n - 2]) / 2;
  return m;
}
function spline(xs, ys, t) {
  const n = xs.length;
  if (!n || t < xs[0] || t > xs[n - 1]) return null;
  let v;
  if (n === 1) v = ys[0];
  else {
    const m = slopes(xs, ys);
    let i = 0;
    while (i < n - 2 && t > xs[i + 1]) ++i;
    const hs = xs[i + 1] - xs[i], u = (t - xs[i]) / hs, u2 = u * u, u3 = u2 * u;
    v = (2 * u3 - 3 * u2 + 1) * ys[i] + (u3 - 2 * u2 + u) * hs * m[i] + (-2 * u3 + 3 * u2) * ys[i + 1] + (u3 - u2) * hs * m[i + 1];
  }
  v = Math.min(Math.max(v, Math.min(...ys)), Math.max(...ys));
  return Math.max(v, 0);
}
const roundHalfUp = (v) => Math.floor(v + 0.5);
const median = (a) => [...a].sort((x, y) => x - y)[Math.floor(a.length / 2)];

const instance = await DuckDBInstance.create(':memory:');
const db = await instance.connect();
const list = files.map((f) => `'${f.replaceAll("'", "''")}'`).join(', ');
const t0 = performance.now();
await db.run(`CREATE TABLE rows AS
  SELECT ${LINE.replace('benchmark_type', `coalesce(benchmark_type, CASE WHEN isl = 0 AND osl = 0 THEN 'agentic_traces' ELSE 'single_turn' END) AS benchmark_type`)
              .replace('offload_mode', `coalesce(offload_mode, '') AS offload_mode`)},
         conc, CAST(date AS DATE) AS date, metrics.median_intvty AS x, metrics.tput_per_gpu AS y
  FROM read_json([${list}], format = 'array', filename = true, columns = {
    hardware: 'VARCHAR', framework: 'VARCHAR', model: 'VARCHAR', precision: 'VARCHAR', spec_method: 'VARCHAR',
    disagg: 'BOOLEAN', is_multinode: 'BOOLEAN', prefill_tp: 'INTEGER', prefill_ep: 'INTEGER',
    prefill_dp_attention: 'BOOLEAN', prefill_num_workers: 'INTEGER', decode_tp: 'INTEGER', decode_ep: 'INTEGER',
    decode_dp_attention: 'BOOLEAN', decode_num_workers: 'INTEGER', num_prefill_gpu: 'INTEGER', num_decode_gpu: 'INTEGER',
    isl: 'INTEGER', osl: 'INTEGER', benchmark_type: 'VARCHAR', offload_mode: 'VARCHAR', conc: 'INTEGER', date: 'VARCHAR',
    metrics: 'STRUCT(median_intvty DOUBLE, tput_per_gpu DOUBLE)'})
  WHERE metrics.tput_per_gpu IS NOT NULL
  -- a (line, date, conc) repeated across files is one row: the file whose name sorts last wins
  QUALIFY row_number() OVER (PARTITION BY ${LINE}, date, conc ORDER BY filename DESC) = 1`);
const loadS = (performance.now() - t0) / 1000;
const rowCount = Number((await (await db.runAndReadAll('SELECT count(*) FROM rows')).getRows())[0][0]);

async function compare() {
  const r = await db.runAndReadAll(`
    WITH sel AS (SELECT *, max(date) OVER (PARTITION BY ${LINE}) AS latest FROM rows
                 WHERE ${FILTER} AND precision IN ('fp4', 'fp8')),
         pts AS (SELECT precision AS side, x, y, conc FROM sel WHERE date = latest AND x IS NOT NULL AND x > 0),
         ranked AS (SELECT *, max(y) OVER (PARTITION BY side ORDER BY x DESC, y DESC, conc
                                           ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS better_y,
                           min(x) OVER (PARTITION BY side) AS lo, max(x) OVER (PARTITION BY side) AS hi,
                           count(*) OVER (PARTITION BY side) AS n FROM pts)
    SELECT side, x, y, conc, lo, hi, n FROM ranked WHERE better_y IS NULL OR y > better_y ORDER BY side, x`);
  const sides = {};
  for (const [side, x, y, conc, lo, hi, n] of r.getRows()) {
    const s = (sides[side] ??= { xs: [], ys: [], cs: [], lo, hi, rows: Number(n) });
    s.xs.push(x); s.ys.push(y); s.cs.push(Number(conc));
  }
  const names = ['fp4', 'fp8'];
  const lo = Math.max(...names.map((k) => sides[k].lo)), hi = Math.min(...names.map((k) => sides[k].hi));
  const targets = [0.25, 0.5, 0.75].map((q) => roundHalfUp(lo + q * (hi - lo)));
  return {
    band: [lo, hi], targets,
    values: targets.map((t) => names.map((k) => {
      const s = sides[k], tput = spline(s.xs, s.ys, t);
      return tput === null ? { side: k, status: 'out_of_range' }
        : { side: k, status: 'ok', throughput: tput, cost: PRICE / (tput * 3600 / 1e6), tokens_per_mw: tput * 1000 / KW,
            concurrency: roundHalfUp(spline(s.xs, s.cs, t)) };
    })),
  };
}

async function trend() {
  const r = await db.runAndReadAll(`
    WITH sel AS (SELECT * FROM rows WHERE ${FILTER} AND precision = 'fp4'),
         runs AS (SELECT DISTINCT ${LINE}, date FROM sel),
         grid AS (SELECT d.date AS d, l.* FROM (SELECT DISTINCT date FROM sel) d, (SELECT DISTINCT ${LINE} FROM sel) l),
         as_of AS (SELECT g.d, r.* FROM grid g ASOF JOIN runs r ON ${LINE_KEYS.map((k) => `g.${k} = r.${k}`).join(' AND ')} AND g.d >= r.date),
         pts AS (SELECT a.d, s.x, s.y FROM as_of a JOIN sel s USING (${LINE}, date) WHERE s.x IS NOT NULL AND s.x > 0),
         ranked AS (SELECT *, max(y) OVER (PARTITION BY d ORDER BY x DESC, y DESC
                                           ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS better_y FROM pts)
    SELECT d, x, y FROM ranked WHERE better_y IS NULL OR y > better_y ORDER BY d, x`);
  const out = [];
  let cur = null;
  for (const [d, x, y] of r.getRows()) {
    const key = String(d);
    if (!cur || cur.date !== key) out.push((cur = { date: key, xs: [], ys: [] }));
    cur.xs.push(x); cur.ys.push(y);
  }
  return out.map((c) => ({ date: c.date, throughput: spline(c.xs, c.ys, 50) }));
}

const timings = {};
const answers = {};
for (const [name, fn] of [['compare', compare], ['trend', trend]]) {
  const times = [];
  for (let i = 0; i < repeat; ++i) {
    const q0 = performance.now();
    answers[name] = await fn();
    times.push((performance.now() - q0) / 1000);
  }
  timings[name] = { runs: times.length, median_s: median(times), min_s: Math.min(...times) };
}
console.log(JSON.stringify({ peer: 'duckdb', rows: rowCount, load_s: loadS, queries: timings, answers }));
