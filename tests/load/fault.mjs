// Fault injection under load, against a server on loopback reading the SQLite file DB_PATH:
//   0-10 s normal · 10-20 s the database file is moved away · 20-30 s back · 30-45 s an exclusive lock is held by a
//   sqlite3 process · 45-60 s released. Fixed concurrency of mixed queries throughout; /health/ready and /health/live are
//   polled every 250 ms. Checks: every answer is data or a coded error (DATABASE_UNAVAILABLE, HC0045), never a 500 or a
//   stack trace; no request takes longer than the execution timeout + 2 s; live stays 200; ready goes 503 during each fault
//   and 200 after; the server answers again by itself. Prints a summary and exits 1 when a check fails.
import { spawn } from 'node:child_process';
import { renameSync, existsSync } from 'node:fs';
import { queries } from './queries.mjs';

const [url, dbPath] = process.argv.slice(2);
if (!url || !dbPath || !/^http:\/\/(127\.0\.0\.1|localhost)[:/]/.test(url)) {
  console.error('usage: node fault.mjs http://127.0.0.1:PORT/graphql /path/to/procurement.db   (loopback only)');
  process.exit(2);
}

const base = url.replace(/\/graphql$/, '');
const connections = Number(process.env.FAULT_CONNECTIONS ?? 8);
const timeoutSeconds = Number(process.env.FAULT_TIMEOUT_SECONDS ?? 5);
const phases = [
  { name: 'normal', from: 0, to: 10 },
  { name: 'file moved away', from: 10, to: 20 },
  { name: 'file back', from: 20, to: 30 },
  { name: 'locked', from: 30, to: 45 },
  { name: 'released', from: 45, to: 60 },
];
const end = phases.at(-1).to;
const start = performance.now();
const now = () => (performance.now() - start) / 1000;
const phaseAt = (t) => phases.find(p => t >= p.from && t < p.to)?.name ?? phases.at(-1).name;
const sleep = (ms) => new Promise(resolve => setTimeout(resolve, ms));
const requests = [];
const health = [];
const events = [];
const stackLike = /\s+at [\w.<>`]+\(|Exception:|"details"/;

async function worker(index) {
  let i = index;
  while (now() < end) {
    const { name, query } = queries[i++ % queries.length];
    const sent = now();
    const record = { t: sent, phase: phaseAt(sent), name, status: 0, codes: [], data: false, stack: false, latency: 0 };
    try {
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json' },
        body: JSON.stringify({ query }),
        signal: AbortSignal.timeout((timeoutSeconds + 30) * 1000),
      });
      const text = await response.text();
      record.status = response.status;
      record.stack = stackLike.test(text);
      const body = JSON.parse(text);
      record.data = body.data != null && Object.values(body.data).some(v => v != null);
      record.codes = (body.errors ?? []).map(e => e.extensions?.code ?? `(no code) ${e.message}`);
    } catch (e) {
      record.status = -1;
      record.codes = [`transport: ${e.name}`];
    }
    record.latency = now() - sent;
    record.phase = phaseAt(now()); // the phase the answer came back in
    requests.push(record);
  }
}

async function pollHealth() {
  while (now() < end) {
    const t = now();
    const [ready, live] = await Promise.all(['ready', 'live'].map(async path => {
      try {
        const r = await fetch(`${base}/health/${path}`, { signal: AbortSignal.timeout(10_000) });
        await r.text();
        return r.status;
      } catch {
        return -1;
      }
    }));
    health.push({ t, phase: phaseAt(now()), ready, live, latency: now() - t });
    await sleep(250);
  }
}

const until = (seconds) => sleep(Math.max(0, seconds * 1000 - (performance.now() - start)));

async function faults() {
  await until(10);
  renameSync(dbPath, `${dbPath}.away`);
  events.push({ t: now(), event: 'database file moved away' });
  await until(20);
  renameSync(`${dbPath}.away`, dbPath);
  events.push({ t: now(), event: 'database file back' });
  await until(30);
  const locker = spawn('sqlite3', [dbPath], { stdio: ['pipe', 'pipe', 'pipe'] });
  let acquired = null;
  locker.stdout.on('data', chunk => {
    if (acquired === null && /^\d+/m.test(chunk.toString())) {
      acquired = now();
      events.push({ t: acquired, event: 'exclusive lock acquired' });
    }
  });
  locker.stderr.on('data', chunk => events.push({ t: now(), event: `sqlite3: ${chunk.toString().trim()}` }));
  events.push({ t: now(), event: 'locking' });
  locker.stdin.write('.timeout 10000\nPRAGMA locking_mode=EXCLUSIVE;\nBEGIN EXCLUSIVE;\nSELECT count(*) FROM Suppliers;\n');
  await until(45);
  locker.stdin.end('COMMIT;\n.quit\n');
  await new Promise(resolve => locker.on('exit', resolve));
  events.push({ t: now(), event: 'lock released' });
}

await Promise.all([...Array.from({ length: connections }, (_, i) => worker(i)), pollHealth(), faults()]);
if (existsSync(`${dbPath}.away`)) renameSync(`${dbPath}.away`, dbPath);

const percentile = (values, p) => {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return Math.round(sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] * 1000);
};
const allowedCodes = new Set(['DATABASE_UNAVAILABLE', 'HC0045']);
const failures = [];
const byPhase = phases.map(({ name }) => {
  const rs = requests.filter(r => r.phase === name);
  const hs = health.filter(h => h.phase === name);
  const codes = {};
  for (const r of rs) for (const c of r.codes) codes[c] = (codes[c] ?? 0) + 1;
  const statuses = {};
  for (const r of rs) statuses[r.status] = (statuses[r.status] ?? 0) + 1;
  return {
    phase: name,
    requests: rs.length,
    withData: rs.filter(r => r.data && r.codes.length === 0).length,
    statuses,
    codes,
    latencyMs: { p50: percentile(rs.map(r => r.latency), 50), p99: percentile(rs.map(r => r.latency), 99), max: percentile(rs.map(r => r.latency), 100) },
    ready: { 200: hs.filter(h => h.ready === 200).length, 503: hs.filter(h => h.ready === 503).length, other: hs.filter(h => ![200, 503].includes(h.ready)).length },
    liveNot200: hs.filter(h => h.live !== 200).length,
  };
});

for (const r of requests) {
  if (r.stack) failures.push(`stack trace in an answer (${r.phase}, ${r.name})`);
  if (r.status === -1 || (r.status >= 500 && !(r.status === 503 && r.codes.every(c => c === 'HC0045')))) {
    failures.push(`status ${r.status} ${r.codes.join(',')} (${r.phase}, ${r.name})`);
  }
  for (const c of r.codes) if (!allowedCodes.has(c)) failures.push(`unexpected error ${c} (${r.phase}, ${r.name})`);
  if (r.latency > timeoutSeconds + 2) failures.push(`request took ${r.latency.toFixed(1)} s (${r.phase}, ${r.name})`);
}
const phase = (name) => byPhase.find(p => p.phase === name);
if (phase('normal').ready[503] + phase('normal').ready.other > 0 || phase('normal').withData !== phase('normal').requests) failures.push('not healthy before the faults');
for (const name of ['file moved away', 'locked']) {
  if (phase(name).ready[503] === 0) failures.push(`/health/ready never 503 while ${name}`);
}
for (const h of health) if (h.live !== 200) failures.push(`/health/live ${h.live} at ${h.t.toFixed(1)} s`);

const recovery = (restoredEvent) => {
  const restored = events.find(e => e.event === restoredEvent)?.t;
  if (restored === undefined) return null;
  const firstOk = requests.filter(r => r.t >= restored && r.data && r.codes.length === 0).map(r => r.t + r.latency).sort((a, b) => a - b)[0];
  const firstReady = health.filter(h => h.t >= restored && h.ready === 200).map(h => h.t + h.latency).sort((a, b) => a - b)[0];
  return {
    firstAnswerWithDataAfterSeconds: firstOk === undefined ? null : +(firstOk - restored).toFixed(2),
    readyAgainAfterSeconds: firstReady === undefined ? null : +(firstReady - restored).toFixed(2),
  };
};
const recovered = { afterFileBack: recovery('database file back'), afterLockReleased: recovery('lock released') };
const tail = requests.filter(r => r.t >= end - 5);
if (tail.length === 0 || tail.some(r => !r.data || r.codes.length > 0)) failures.push('not recovered in the last 5 s');
if (recovered.afterFileBack?.firstAnswerWithDataAfterSeconds == null) failures.push('no answer with data after the file came back');
if (recovered.afterLockReleased?.firstAnswerWithDataAfterSeconds == null) failures.push('no answer with data after the lock was released');
if (!events.some(e => e.event === 'exclusive lock acquired')) failures.push('the sqlite3 process could not take the exclusive lock');

for (const p of byPhase) {
  console.log(`${p.phase.padEnd(16)} ${String(p.requests).padStart(5)} requests, ${String(p.withData).padStart(5)} with data, codes ${JSON.stringify(p.codes)}, statuses ${JSON.stringify(p.statuses)}, latency p50/p99/max ${p.latencyMs.p50}/${p.latencyMs.p99}/${p.latencyMs.max} ms, ready 200×${p.ready[200]} 503×${p.ready[503]}`);
}
for (const e of events) console.log(`  ${e.t.toFixed(2).padStart(6)} s  ${e.event}`);
console.log(`recovery: ${JSON.stringify(recovered)}`);
console.log('SUMMARY ' + JSON.stringify({ connections, timeoutSeconds, phases: byPhase, events, recovered, failures: [...new Set(failures)].slice(0, 20) }));
if (failures.length > 0) {
  console.log(`FAILED: ${failures.length} check(s); first: ${[...new Set(failures)].slice(0, 5).join(' | ')}`);
  process.exit(1);
}
console.log('fault checks passed: clean coded errors, nothing past the timeout, ready 503 then 200, recovered without restart');
