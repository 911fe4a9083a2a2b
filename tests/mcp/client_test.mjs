// The official MCP TypeScript SDK's client against `icq mcp`: it spawns the server over stdio, lists
// the tools and resources, reads the resources, calls every tool, and checks that what each call
// returns is exactly what `icq --format json` prints for the same icq text (the numbers included).
// usage: node client_test.mjs ICQ
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StdioClientTransport } from "@modelcontextprotocol/sdk/client/stdio.js";

const icq = process.argv[2];
if (!icq) throw new Error("usage: node client_test.mjs ICQ");

const cli = (text) => execFileSync(icq, ["--no-cache", "--format", "json", "-c", text], { encoding: "utf8" }).replace(/\n$/, "");
let checks = 0;
const ok = (what) => {
  checks += 1;
  console.log(`ok   ${what}`);
};

const transport = new StdioClientTransport({ command: icq, args: ["mcp", "--no-cache"], stderr: "inherit" });
const client = new Client({ name: "icq-mcp-test", version: "1.0.0" });
await client.connect(transport);

const info = client.getServerVersion();
assert.equal(info.name, "icq");
assert.match(info.version, /^\d+\.\d+\.\d+$/);
assert.ok(client.getServerCapabilities().tools && client.getServerCapabilities().resources);
ok(`initialize: ${info.name} ${info.version}, tools and resources`);

const { tools } = await client.listTools();
const names = tools.map((t) => t.name);
for (const t of ["query", "compare", "rank", "crossover", "list", "describe", "frontier", "trend", "points"]) assert.ok(names.includes(t), `tool ${t} listed`);
for (const t of tools) {
  assert.equal(t.inputSchema.type, "object", `${t.name} has an object schema`);
  assert.ok(t.description.length > 80, `${t.name} has a description an assistant can act on`);
}
ok(`tools/list: ${names.join(", ")}`);

const { resources } = await client.listResources();
const uris = resources.map((r) => r.uri);
assert.deepEqual(uris, ["icq://help", "icq://data", "icq://catalog"]);
for (const uri of uris) {
  const { contents } = await client.readResource({ uri });
  assert.equal(contents.length, 1);
  assert.equal(contents[0].mimeType, "text/markdown");
  assert.ok(contents[0].text.length > 200, `${uri} has text`);
}
const help = (await client.readResource({ uri: "icq://help" })).contents[0].text;
assert.ok(help.includes("help compare") && help.includes("compare precision fp4 vs fp8"), "the help resource shows each statement");
const data = (await client.readResource({ uri: "icq://data" })).contents[0].text;
assert.ok(data.includes("dsr1") && data.includes("mi355x"), "the data resource names the models and gpus");
ok("resources/list and resources/read: icq://help, icq://data, icq://catalog");

// One tool call: its first content item is the JSON, exactly the command line's for the same text:
// one array per run, one object per statement, whatever their number.
async function call(name, args) {
  const r = await client.callTool({ name, arguments: args });
  assert.equal(r.isError, false, `${name} ${JSON.stringify(args)}: ${r.content?.[0]?.text}`);
  const ran = name === "query" ? args.query : r.content.at(-1).text.replace(/^icq text run: /, "");
  assert.equal(r.content[0].text, cli(ran), `${name}: the JSON equals icq --format json -c "${ran}"`);
  assert.ok(r.content[1].text.includes("|"), `${name}: the second item is the markdown rendering`);
  const all = JSON.parse(r.content[0].text);
  assert.ok(Array.isArray(all) && all.length >= 1, `${name}: the JSON is an array of the results`);
  return { json: all[0], all, ran, result: r };
}

// compare, structured: the statement it ran, and every number at every target equal to the CLI's.
const cmp = await call("compare", {
  dimension: "precision",
  sides: ["fp4", "fp8"],
  filters: { gpu: "mi355x", model: "dsr1", seq: "1k/1k" },
  targets: [50, 100],
  metrics: ["cost", "throughput"],
});
assert.equal(cmp.ran, "compare precision fp4 vs fp8 gpu mi355x model dsr1 seq 1k/1k at interactivity 50, 100 show cost, throughput");
const reference = JSON.parse(cli(cmp.ran))[0];
assert.equal(cmp.json.kind, "compare");
assert.equal(cmp.json.targets.length, 2);
let numbers = 0;
for (const [i, target] of cmp.json.targets.entries()) {
  assert.equal(target.interactivity, reference.targets[i].interactivity);
  for (const [j, side] of target.values.entries()) {
    for (const metric of ["cost", "throughput"]) {
      assert.equal(typeof side[metric], "number", `${side.side} ${metric} at ${target.interactivity} is a number`);
      assert.equal(side[metric], reference.targets[i].values[j][metric]);
      numbers += 1;
    }
  }
}
ok(`compare: "${cmp.ran}" — ${numbers} numbers equal to icq --format json`);

// rank and crossover, structured: the statement each ran, and its JSON equal to the CLI's (in call).
const r = await call("rank", { dimension: "gpu", metric: "cost", targets: [50], filters: { model: "dsr1", precision: "fp8", seq: "8k/1k" } });
assert.equal(r.ran, "rank gpu by cost model dsr1 precision fp8 seq 8k/1k at interactivity 50");
assert.equal(r.json.kind, "rank");
const badRank = await client.callTool({ name: "rank", arguments: { dimension: "gpu", metric: "cost" } });
assert.equal(badRank.isError, true);
assert.match(badRank.content[0].text, /missing argument 'targets'/);
ok(`rank: "${r.ran}" equal to icq --format json; without targets, isError saying so`);
const x = await call("crossover", { dimension: "gpu", sides: ["mi355x", "b200"], metric: "throughput", filters: { model: "dsr1", precision: "fp8", seq: "1k/1k" } });
assert.equal(x.ran, "crossover gpu mi355x vs b200 by throughput model dsr1 precision fp8 seq 1k/1k");
assert.equal(x.json.kind, "crossover");
ok(`crossover: "${x.ran}" equal to icq --format json`);

// query: the README's first comparison, and several statements at once (an array, as the CLI).
const q = await call("query", { query: "compare precision fp4 vs fp8 on mi355x model dsr1 seq 1k/1k" });
assert.equal(q.json.kind, "compare");
assert.ok(q.json.targets.length === 3 && q.json.targets.every((t) => t.values.every((v) => typeof v.throughput === "number")));
ok("query: a compare with default targets, the JSON equal to the CLI's");
const many = await call("query", { query: "list gpus; describe gpu mi355x" });
assert.ok(many.all.length === 2 && many.all[0].kind === "list" && many.all[1].kind === "describe");
assert.equal(q.all.length, 1);
ok("query: one statement and two statements alike give one JSON array, as the CLI");

// A query error is a tool result with isError and the caret diagnostic, not a protocol error.
const bad = await client.callTool({ name: "query", arguments: { query: "compare precision fp9 vs fp8 on mi355x" } });
assert.equal(bad.isError, true);
assert.match(bad.content[0].text, /^query:1:19: error: unknown precision 'fp9'\n.*\n\s+\^~~\nhelp: did you mean/s);
ok("query error: isError with the caret diagnostic");
const badArgs = await client.callTool({ name: "compare", arguments: { sides: ["fp4"] } });
assert.equal(badArgs.isError, true);
assert.match(badArgs.content[0].text, /two or more/);
ok("compare with one side: isError saying what to fix");

// The other tools: each ran text equal to the CLI's output.
const l = await call("list", { what: "gpus", for: { model: "dsr1" } });
assert.equal(l.json.kind, "list");
const d = await call("describe", { kind: "gpu", name: "mi355x" });
assert.equal(d.json.kind, "describe");
const f = await call("frontier", { filters: { gpu: "b200", model: "dsr1", precision: "fp4", seq: "1k/1k" } });
assert.equal(f.json.kind, "frontier");
const t = await call("trend", { metrics: ["throughput"], filters: { gpu: "b200", model: "dsr1", precision: "fp4" }, targets: 50 });
assert.equal(t.json.kind, "trend");
const p = await call("points", { filters: { gpu: "mi355x", model: "dsr1" }, show: ["framework", "conc", "throughput"], order_by: "throughput desc", limit: 3 });
assert.equal(p.json.kind, "points");
ok(`list, describe, frontier, trend, points: "${l.ran}", "${d.ran}", "${f.ran}", "${t.ran}", "${p.ran}"`);

// Files: a server started without --allow-load reads none an assistant names, by the load tool or a
// load statement, and says how the user allows a folder.
for (const args of [{ name: "load", arguments: { path: "/etc/passwd" } }, { name: "query", arguments: { query: "load /etc/passwd" } }]) {
  const r = await client.callTool(args);
  assert.equal(r.isError, true, `${JSON.stringify(args)} is refused`);
  assert.match(r.content[0].text, /cannot load '\/etc\/passwd': this session loads no files[\s\S]*--allow-load DIR/);
}
ok("without --allow-load: load /etc/passwd (load tool, load statement) is isError, saying how to allow a folder");

// An unknown tool is a protocol error (-32602); the server goes on answering.
await assert.rejects(client.callTool({ name: "no_such_tool", arguments: {} }), (e) => e.code === -32602);
await client.ping();
ok("an unknown tool: JSON-RPC error -32602, then a ping answered");

await client.close();

// A server started with --allow-load DIR: inside DIR it loads, and says what each file gave; outside
// (by name, `..` or a symlink) it refuses; a file that gives nothing is isError with why.
const dir = mkdtempSync(join(tmpdir(), "icq-mcp-allowed-"));
const outside = mkdtempSync(join(tmpdir(), "icq-mcp-outside-"));
const apiRow = (x, y, conc) =>
  ({ hardware: "mi355x", framework: "sglang", model: "dsr1", precision: "fp8", spec_method: "none", disagg: false, is_multinode: false,
     prefill_tp: 8, prefill_ep: 1, prefill_dp_attention: false, prefill_num_workers: 0, decode_tp: 8, decode_ep: 1,
     decode_dp_attention: false, decode_num_workers: 0, num_prefill_gpu: 8, num_decode_gpu: 8, isl: 1024, osl: 1024, conc,
     image: "test-image", date: "2030-01-01", metrics: { tput_per_gpu: y, median_intvty: x } });
writeFileSync(join(dir, "partly.json"), JSON.stringify([apiRow(10, 100, 64), apiRow(-1, 100, 8), apiRow(30, 60, 16)]));
writeFileSync(join(dir, "notes.txt"), "not a benchmark\n");
writeFileSync(join(outside, "secret.json"), JSON.stringify([apiRow(10, 100, 64)]));
symlinkSync(join(outside, "secret.json"), join(dir, "link.json"));
const allowed = new Client({ name: "icq-mcp-test-allowed", version: "1.0.0" });
await allowed.connect(new StdioClientTransport({ command: icq, args: ["mcp", "--no-cache", "--allow-load", dir], stderr: "inherit" }));
const load = (path) => allowed.callTool({ name: "load", arguments: { path } });
for (const path of ["/etc/passwd", join(outside, "secret.json"), join(dir, "..", basename(outside), "secret.json"), join(dir, "link.json")]) {
  const r = await load(path);
  assert.equal(r.isError, true, `${path} is refused`);
  assert.match(r.content[0].text, /outside the folders this session may load from/, path);
}
ok("--allow-load DIR: /etc/passwd, a file outside, DIR/../outside and a symlink out of DIR are isError, nothing read");
const walked = await load(dir);
assert.equal(walked.isError, true);
assert.match(walked.content[0].text, /link\.json' leads to '.*secret\.json', outside/);
ok("--allow-load DIR: loading DIR itself is refused while a symlink in it leads out");
rmSync(join(dir, "link.json"));
const nothing = await load(join(dir, "notes.txt"));
assert.equal(nothing.isError, true);
assert.match(nothing.content[0].text, /notes\.txt' gave no usable benchmark rows \(.*not a dashboard export/);
ok("--allow-load DIR: a file that gives no rows is isError with why");
const partly = await load(join(dir, "partly.json"));
assert.equal(partly.isError, false, partly.content[0].text);
assert.match(partly.content.at(-2).text, /partly\.json': 2 rows from 1 file/);
assert.match(partly.content.at(-2).text, /partly\.json: warning: 1 unusable record \(median_intvty/);
assert.equal(partly.content.at(-1).text, `icq text run: load "${join(dir, "partly.json")}"`);
const dates = await allowed.callTool({ name: "query", arguments: { query: "list dates for gpu mi355x model dsr1 precision fp8" } });
assert.ok(dates.content[0].text.includes("2030-01-01"), "the loaded rows are in the session");
ok("--allow-load DIR: a partly bad file loads, its warning in the tool result, its rows in the session");
await allowed.close();
rmSync(dir, { recursive: true });
rmSync(outside, { recursive: true });

console.log(`\nthe official MCP SDK client: ${checks} checks passed`);
