// Sends documents built to cost CPU before execution (PERFORMANCE of issue "one request must never occupy the server")
// to a running server, at sizes up to the body limit, one at a time, and measures what each costs the server process:
// CPU (utime + stime from /proc/PID/stat, median of TRIES sends), the answer (status, first error code), the peak
// resident set while they run, and /health/ready after each. Prints a markdown report; exits 1 when a target is missed.
//
//   node attack.mjs PORT PID [--smoke]
//
// Targets: every document refused or answered with <= 100 ms of CPU, resident set growth <= 50 MB, /health/ready 200
// throughout, never a 5xx. In --smoke mode the CPU and memory figures are reported, not enforced (a loaded CI machine
// compiles and collects on the same process), the rest is.
import { readFileSync } from 'node:fs';

const [port, pid, mode] = [process.argv[2], Number(process.argv[3]), process.argv[4]];
const smoke = mode === '--smoke';
const url = `http://127.0.0.1:${port}`;
const bodyLimit = 1_048_576;
const sizes = smoke ? [1_000, 100_000, bodyLimit - 100] : [1_000, 3_000, 10_000, 100_000, 400_000, bodyLimit - 100];
const tries = smoke ? 1 : 3;
const ticksPerSecond = 100; // CLK_TCK on Linux

/** Each shape: [unit repeated n times] wrapped in a prefix/suffix, optionally with n-dependent definitions. */
const shapes = {
  'one selection repeated': n => `{ me { ${'name '.repeat(n)}} }`,
  'distinct fragments, same field': n => `{ me { ${range(n).map(i => `...F${i} `).join('')}} } ${range(n).map(i => `fragment F${i} on Me { name } `).join('')}`,
  'root field repeated': n => `{ ${'me { name } '.repeat(n)}}`,
  'root field aliased': n => `{ ${range(n).map(i => `a${i}: me { name } `).join('')}}`,
  'inline fragments': n => `{ me { ${'... on Me { name } '.repeat(n)}} }`,
  'one fragment spread n times': n => `{ me { ${'...F '.repeat(n)}} } fragment F on Me { name }`,
  'fragment bomb': n => `{ ...B${Math.min(n, 40)} } fragment B0 on Query { me { name } } ${range(Math.min(n, 40)).map(i => `fragment B${i + 1} on Query { ...B${i} ...B${i} } `).join('')}`,
  'one large fragment under many aliases': n => `{ ${range(Math.min(n, 45)).map(i => `a${i}: me { ...F } `).join('')}} fragment F on Me { ${'name '.repeat(480)}}`,
  'operations': n => range(n).map(i => `query Q${i} { me { name } } `).join(''),
  'directives on one field': n => `{ me { name${' @include(if: true)'.repeat(n)} } }`,
  'long literal list': n => `{ suppliers(where: { name: { in: [${'"a" '.repeat(n)}] } }) { totalCount } }`,
};

function range(n) { return Array.from({ length: n }, (_, i) => i); }

/** The largest n whose document (as a JSON body) stays within `bytes`. */
function sized(shape, bytes) {
  let low = 1, high = 1;
  while (body(shape(high)).length <= bytes && high < 1 << 22) high *= 2;
  while (low < high - 1) {
    const mid = (low + high) >> 1;
    if (body(shape(mid)).length <= bytes) low = mid; else high = mid;
  }
  return body(shape(low));
}

function body(query) { return JSON.stringify({ query, operationName: query.startsWith('query Q0') ? 'Q0' : undefined }); }

function cpuTicks() {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return Number(fields[11]) + Number(fields[12]); // utime, stime (fields 14 and 15 of the whole line)
}

function residentBytes() {
  const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return Number(match[1]) * 1024;
}

async function send(text) {
  const started = performance.now();
  const before = cpuTicks();
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json' },
    body: text,
  });
  const answer = await response.text();
  const cpuMs = (cpuTicks() - before) * 1000 / ticksPerSecond;
  let code = null, data = false;
  try {
    const json = JSON.parse(answer);
    code = json.errors?.[0]?.extensions?.code ?? null;
    data = json.data != null;
  } catch { code = 'NOT_JSON'; }
  return { status: response.status, code, data, cpuMs, wallMs: performance.now() - started };
}

async function ready() {
  const response = await fetch(`${url}/health/ready`);
  await response.text();
  return response.status;
}

const median = values => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

// Warm-up: every shape once at a small size, so that compiling the code paths is not counted as their cost.
for (const shape of Object.values(shapes)) await send(sized(shape, 500));
await send(body('{ me { name } }'));
await new Promise(resolve => setTimeout(resolve, 500));

const baseline = residentBytes();
let peak = baseline;
const sampler = setInterval(() => { peak = Math.max(peak, residentBytes()); }, 10);
const rows = [];
const failures = [];
const reference = [];
for (let i = 0; i < 5; i++) reference.push((await send(body('{ me { name } }'))).cpuMs);

for (const [name, shape] of Object.entries(shapes)) {
  for (const size of sizes) {
    const text = sized(shape, size);
    const results = [];
    for (let i = 0; i < tries; i++) results.push(await send(text));
    const health = await ready();
    const cpu = median(results.map(r => r.cpuMs));
    const last = results[results.length - 1];
    const outcome = last.code ? `refused ${last.code}` : last.data ? 'answered' : 'no data';
    rows.push(`| ${name} | ${(text.length / 1024).toFixed(0)} KB | ${last.status} | ${outcome} | ${cpu.toFixed(0)} | ${median(results.map(r => r.wallMs)).toFixed(0)} | ${health} |`);
    if (results.some(r => r.status >= 500 || r.code === 'NOT_JSON')) failures.push(`${name} at ${size} B: HTTP ${last.status} ${last.code}`);
    if (health !== 200) failures.push(`${name} at ${size} B: /health/ready answered ${health}`);
    if (!smoke && cpu > 100) failures.push(`${name} at ${size} B: ${cpu} ms of CPU (target 100)`);
  }
}
clearInterval(sampler);
peak = Math.max(peak, residentBytes());
const growthMb = (peak - baseline) / 1048576;
if (!smoke && growthMb > 50) failures.push(`resident set grew ${growthMb.toFixed(1)} MB (target 50)`);

console.log(`# Attack documents (${smoke ? 'smoke' : 'full'} run, ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC)

Each document is sent ${tries} time(s) in a row to the server alone on the machine; CPU is the server process's utime + stime
for one request (median; the kernel counts in 10 ms ticks), wall the client's time. A plain \`{ me { name } }\` costs
${median(reference).toFixed(0)} ms of CPU by the same measure. Targets: <= 100 ms CPU each, resident set growth <= 50 MB,
/health/ready 200 throughout, no 5xx.

| Shape | Body | HTTP | Outcome | CPU ms | Wall ms | /health/ready |
|---|---|---|---|---|---|---|
${rows.join('\n')}

Resident set: ${(baseline / 1048576).toFixed(0)} MB after the warm-up, peak ${(peak / 1048576).toFixed(0)} MB while attacked (growth ${growthMb.toFixed(1)} MB).

${failures.length ? `targets missed: ${failures.length}\n\n${failures.map(f => `- ${f}`).join('\n')}` : 'targets: all met'}`);
process.exit(failures.length ? 1 : 0);
