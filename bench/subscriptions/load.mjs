// Bounded subscription load on one replica (loopback only; run through ../subscriptions.sh, which starts the server).
// Opens SUBSCRIBERS graphql-ws (graphql-transport-ws) subscribers — category managers and readers on onRatingSubmitted
// (most unfiltered, some by supplierId or categoryId), partners on onContractStatusChanged for their own supplier (a few
// asking for another supplier's, which their row rule must answer with nothing) — each with its own DevJwt token, measures
// the server's resident set before and after connecting them, then submits RATE ratings per second for DURATION seconds
// (submitRatings as raters of several business units) plus CONTRACT_RATE contract status changes per second (half of
// partners' suppliers), and reports fan-out latency (the event's changedAt — the commit — to the subscriber's receipt),
// lost, duplicate and foreign events. Exit code 1 on any lost, duplicate, foreign or unexpected event or error.
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import { devJwt } from '../../tests/subscriptions/devjwt.mjs';

const env = (name, fallback) => process.env[name] ?? fallback;
const server = env('SERVER_URL', 'http://127.0.0.1:5650');
const key = env('DEV_JWT_KEY');
const serverPid = Number(env('SERVER_PID', '0'));
const subscribers = Number(env('SUBSCRIBERS', '1000'));
const rate = Number(env('RATE', '100')); // ratings per second
const duration = Number(env('DURATION', '30')); // seconds
const batch = Number(env('BATCH', '10')); // ratings per submitRatings
const contractRate = Number(env('CONTRACT_RATE', '2')); // status changes per second
const settleSeconds = Number(env('SETTLE', '5'));
const drainSeconds = Number(env('DRAIN', '15'));
const report = env('REPORT', '');
const mode = env('MODE', 'full');
const connectConcurrency = 50;

if (!key) throw new Error('DEV_JWT_KEY is not set');
const now = () => performance.timeOrigin + performance.now(); // wall clock in ms, sub-millisecond resolution
const id = (type, k) => Buffer.from(`${type}:${k}`).toString('base64');
const keyOf = (globalId) => Buffer.from(globalId, 'base64').toString().split(':')[1];
const token = (name, role, claims = {}) => devJwt({ key, audience: server, name, role, claims, lifetimeSeconds: 3600 });
const log = (...args) => console.error(`[${new Date().toISOString().slice(11, 19)}]`, ...args);

// A deterministic generator (mulberry32): the same run picks the same subscribers and ratings.
function random(seed) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const rnd = random(15);
const pick = (list) => list[Math.floor(rnd() * list.length)];

const editor = token('Load Editor', 'Procurement.Editor');
async function gql(bearer, query, variables) {
  const response = await fetch(`${server}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${bearer}` },
    body: JSON.stringify({ query, variables }),
  });
  const text = await response.text();
  let body;
  try { body = JSON.parse(text); } catch { throw new Error(`HTTP ${response.status}: ${text.slice(0, 300)}`); }
  if (body.errors) throw new Error(`HTTP ${response.status}: ${JSON.stringify(body.errors).slice(0, 500)}`);
  return body.data;
}

function rss() {
  if (!serverPid) return null;
  const status = readFileSync(`/proc/${serverPid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+) kB/.exec(status)[1]) * 1024;
}
function cpuSeconds() {
  if (!serverPid) return null;
  const fields = readFileSync(`/proc/${serverPid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100; // utime + stime, in clock ticks of 1/100 s
}

// ---- the data: contracts (with supplier, category, status, version) and business units
log(`loading the demo data from ${server}`);
const contracts = [];
for (let after = null; ;) {
  const data = await gql(editor, `query($after: String) { contracts(first: 500, after: $after, order: [{ id: ASC }]) {
      nodes { id status version supplier { id } category { id } } pageInfo { hasNextPage endCursor } } }`, { after });
  contracts.push(...data.contracts.nodes);
  if (!data.contracts.pageInfo.hasNextPage) break;
  after = data.contracts.pageInfo.endCursor;
}
const units = (await gql(editor, '{ businessUnits(first: 50) { nodes { code } } }')).businessUnits.nodes.map((u) => u.code);
if (contracts.length === 0 || units.length === 0) throw new Error('no contracts or business units to work with');

const bySupplier = new Map();
for (const c of contracts) {
  if (!bySupplier.has(c.supplier.id)) bySupplier.set(c.supplier.id, []);
  bySupplier.get(c.supplier.id).push(c);
}
const categoryCounts = new Map();
for (const c of contracts) categoryCounts.set(c.category.id, (categoryCounts.get(c.category.id) ?? 0) + 1);

// Partners' suppliers: those with the most ACTIVE contracts (their status changes are the partners' events).
const activeOf = (s) => bySupplier.get(s).filter((c) => c.status === 'ACTIVE');
const partnerSuppliers = [...bySupplier.keys()].sort((a, b) => activeOf(b).length - activeOf(a).length || a.localeCompare(b))
  .slice(0, Math.max(2, Math.min(10, Math.ceil(subscribers / 100))));
const otherActive = contracts.filter((c) => c.status === 'ACTIVE' && !partnerSuppliers.includes(c.supplier.id));
// The suppliers and categories that filtered subscribers watch; a third of the ratings go to the watched suppliers.
const watchedSuppliers = [...bySupplier.keys()].filter((s) => !partnerSuppliers.includes(s)).sort().slice(0, 20);
const watchedCategories = [...categoryCounts.keys()].sort((a, b) => categoryCounts.get(b) - categoryCounts.get(a)).slice(0, 10);
const watchedContracts = contracts.filter((c) => watchedSuppliers.includes(c.supplier.id));

// ---- the subscribers
const ratingDocument = `subscription OnRating($supplierId: ID, $categoryId: ID) {
  onRatingSubmitted(supplierId: $supplierId, categoryId: $categoryId) {
    stakeholderRating { id overall period supplier { id name } category { id } }
    action changedAt
  }
}`;
const contractDocument = `subscription OnContract($supplierId: ID) {
  onContractStatusChanged(supplierId: $supplierId) { contract { id version status supplier { id } } previousStatus changedAt }
}`;

function plan(n) {
  // The mix: 45 % unfiltered internal (25 % readers, 20 % category managers = editors), 15 % by supplier, 10 % by
  // category, 30 % partners (of which one in ten asks for another supplier's contracts).
  const list = [];
  for (let i = 0; i < n; i++) {
    const share = (i + 0.5) / n;
    if (share < 0.25) list.push({ kind: 'reader', role: 'Procurement.Reader', variables: {} });
    else if (share < 0.45) list.push({ kind: 'manager', role: 'Procurement.Editor', variables: {} });
    else if (share < 0.60) list.push({ kind: 'bySupplier', role: pick(['Procurement.Editor', 'Procurement.Reader']), variables: { supplierId: pick(watchedSuppliers) } });
    else if (share < 0.70) list.push({ kind: 'byCategory', role: 'Procurement.Editor', variables: { categoryId: pick(watchedCategories) } });
    else {
      const supplier = partnerSuppliers[i % partnerSuppliers.length];
      const curious = i % 10 === 0;
      const other = partnerSuppliers[(i + 1) % partnerSuppliers.length];
      list.push({
        kind: curious ? 'partnerOther' : 'partner', role: 'Partner', supplier,
        claims: { supplier_id: keyOf(supplier) },
        variables: curious ? { supplierId: other } : i % 2 === 0 ? { supplierId: supplier } : {},
      });
    }
  }
  return list;
}

const clients = [];
const errors = [];
let latencies = new Float64Array(1 << 16);
let latencyCount = 0;
const record = (ms) => {
  if (latencyCount === latencies.length) {
    const bigger = new Float64Array(latencies.length * 2);
    bigger.set(latencies);
    latencies = bigger;
  }
  latencies[latencyCount++] = ms;
};

async function connect(index, spec) {
  const name = `load-${spec.kind}-${index}`;
  const bearer = token(name, spec.role, spec.claims ?? {});
  const subscriber = { ...spec, index, received: new Map(), foreign: 0, closed: null };
  const ws = createClient({
    url: server.replace('http', 'ws') + '/graphql',
    webSocketImpl: WebSocket,
    connectionParams: { Authorization: `Bearer ${bearer}` },
    retryAttempts: 0,
    lazy: false,
    keepAlive: 0,
    on: { closed: (event) => { if (!stopping && !subscriber.disposed) subscriber.closed = `${event?.code} ${event?.reason ?? ''}`; } },
  });
  subscriber.client = ws;
  const isPartner = spec.role === 'Partner';
  ws.subscribe({ query: isPartner ? contractDocument : ratingDocument, variables: spec.variables }, {
    next: (result) => {
      const at = now();
      if (result.errors) { errors.push(`${name}: ${JSON.stringify(result.errors).slice(0, 300)}`); return; }
      if (isPartner) {
        const event = result.data.onContractStatusChanged;
        const k = `${event.contract.id}@${event.contract.version}`;
        subscriber.received.set(k, (subscriber.received.get(k) ?? 0) + 1);
        if (event.contract.supplier?.id !== spec.supplier) subscriber.foreign++;
        record(at - Date.parse(event.changedAt));
      } else {
        const event = result.data.onRatingSubmitted;
        const k = event.stakeholderRating.id;
        subscriber.received.set(k, (subscriber.received.get(k) ?? 0) + 1);
        record(at - Date.parse(event.changedAt));
      }
    },
    error: (error) => { if (!subscriber.disposed) errors.push(`${name}: ${error instanceof Error ? error.message : error?.code ? `closed ${error.code} ${error.reason ?? ''}` : JSON.stringify(error).slice(0, 300)}`); },
    complete: () => { if (!stopping && !subscriber.disposed) errors.push(`${name}: completed by the server`); },
  });
  // Operations on one socket start in order and a subscription listens before the next message is read: once this
  // query has answered, the subscription above is listening.
  clients.push(subscriber);
  await new Promise((resolve) => ws.subscribe({ query: '{ __typename }' }, {
    next: () => {},
    error: (error) => { errors.push(`${name}: subscribing failed: ${error?.code ? `closed ${error.code} ${error.reason ?? ''}` : String(error?.message ?? error)}`); resolve(); },
    complete: resolve,
  }));
}

let stopping = false;
// Warm up (JIT, pools, the read of an event) with a few subscribers and writes, outside the measured window.
const raters = units.slice(0, Math.min(4, units.length)).map((code) => ({ code, bearer: token(`Load Rater ${code}`, 'Stakeholder.Rater', { business_unit: code }) }));
const submitted = []; // { id, supplierId, categoryId }
const submission = `mutation Submit($input: SubmitRatingsInput!) { submitRatings(input: $input) { stakeholderRatings { id supplier { id } category { id } } errors { __typename ... on Error { message } } } }`;
let itemIndex = 0;
function ratingItem() {
  const g = itemIndex++;
  const c = g % 3 === 0 && watchedContracts.length > 0 ? pick(watchedContracts) : pick(contracts);
  return {
    supplierId: c.supplier.id, contractId: c.id, categoryId: c.category.id, period: `2026-Q${(g % 4) + 1}`,
    quality: (g % 5) + 1, delivery: (Math.floor(g / 5) % 5) + 1, responsiveness: ((g + 2) % 5) + 1,
    innovation: (Math.floor(g / 3) % 5) + 1, costValue: (Math.floor(g / 7) % 5) + 1, overall: ((g * 3 + 1) % 5) + 1,
  };
}
const mutationLatencies = [];
async function submitBatch(size, rater, measured) {
  const started = now();
  const data = await gql(rater.bearer, submission, { input: { ratings: Array.from({ length: size }, ratingItem) } });
  const payload = data.submitRatings;
  if (payload.errors) throw new Error(`submitRatings: ${JSON.stringify(payload.errors).slice(0, 300)}`);
  for (const r of payload.stakeholderRatings) submitted.push({ id: r.id, supplierId: r.supplier.id, categoryId: r.category.id, measured });
  if (measured) mutationLatencies.push(now() - started);
}

const contractChanges = []; // { key: id@version, supplierId }
const contractState = new Map(); // id -> { version, status }
// Status changes: partners' suppliers' ACTIVE contracts and as many of other suppliers' (foreign for every partner),
// alternating; each contract goes ACTIVE → EXPIRED (changeContractStatus) → ACTIVE (renewContract) → ...
const ownActive = partnerSuppliers.flatMap(activeOf);
const cycle = [];
for (let i = 0; i < Math.max(ownActive.length, 1); i++) {
  if (ownActive[i]) cycle.push(ownActive[i]);
  if (otherActive[i]) cycle.push(otherActive[i]);
}
for (const c of cycle) contractState.set(c.id, { version: c.version, status: c.status });
let cycleIndex = 0;
async function changeContract(measured) {
  const c = cycle[cycleIndex++ % cycle.length];
  const state = contractState.get(c.id);
  const expire = state.status === 'ACTIVE';
  const data = expire
    ? await gql(editor, `mutation($input: ChangeContractStatusInput!) { changeContractStatus(input: $input) { contract { id version status } errors { __typename ... on Error { message } } } }`,
      { input: { id: c.id, expectedVersion: state.version, status: 'EXPIRED' } })
    : await gql(editor, `mutation($input: RenewContractInput!) { renewContract(input: $input) { contract { id version status } errors { __typename ... on Error { message } } } }`,
      { input: { id: c.id, expectedVersion: state.version } });
  const payload = expire ? data.changeContractStatus : data.renewContract;
  if (payload.errors) throw new Error(`${expire ? 'changeContractStatus' : 'renewContract'}: ${JSON.stringify(payload.errors).slice(0, 300)}`);
  contractState.set(c.id, { version: payload.contract.version, status: payload.contract.status });
  contractChanges.push({ key: `${c.id}@${payload.contract.version}`, supplierId: c.supplier.id, measured });
}

log(`warm-up: ${Math.min(20, subscribers)} subscribers, a few writes`);
const warmSpecs = plan(Math.min(20, subscribers));
for (const [i, spec] of warmSpecs.entries()) await connect(-1 - i, spec);
for (let i = 0; i < 5; i++) { await submitBatch(batch, raters[i % raters.length], false); await changeContract(false); }
await new Promise((r) => setTimeout(r, 1500));
stopping = true;
for (const c of clients.splice(0)) { c.disposed = true; await c.client.dispose(); }
latencyCount = 0;
errors.length = 0;
stopping = false;
await new Promise((r) => setTimeout(r, 2000));

// ---- connect, measure memory
const rssBefore = rss();
log(`connecting ${subscribers} subscribers (server RSS ${(rssBefore / 2 ** 20).toFixed(1)} MiB)`);
const specs = plan(subscribers);
const connectStarted = now();
for (let i = 0; i < specs.length; i += connectConcurrency) {
  await Promise.all(specs.slice(i, i + connectConcurrency).map((spec, j) => connect(i + j, spec)));
}
const connectSeconds = (now() - connectStarted) / 1000;
await new Promise((r) => setTimeout(r, settleSeconds * 1000));
const rssAfter = rss();
const perSubscription = rssBefore && rssAfter ? (rssAfter - rssBefore) / subscribers : null;
log(`connected in ${connectSeconds.toFixed(1)} s; server RSS ${(rssAfter / 2 ** 20).toFixed(1)} MiB, ${(perSubscription / 1024).toFixed(1)} KiB per subscription`);

// ---- the load: RATE ratings per second in batches, CONTRACT_RATE status changes per second, for DURATION seconds
const ticks = Math.round((rate * duration) / batch);
const tickMs = (1000 * batch) / rate;
const contractTicks = Math.round(contractRate * duration);
const contractMs = contractRate > 0 ? 1000 / contractRate : 0;
log(`load: ${ticks} × submitRatings(${batch}) every ${tickMs} ms and ${contractTicks} status changes for ${duration} s`);
const loadStart = now();
const cpuStart = cpuSeconds();
const clientCpuStart = process.cpuUsage();
const load1Start = os.loadavg()[0];
const pending = [];
const failures = [];
const schedule = async (count, everyMs, action) => {
  for (let i = 0; i < count; i++) {
    const wait = loadStart + i * everyMs - now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    pending.push(action(i).catch((e) => failures.push(e.message)));
  }
};
await Promise.all([
  schedule(ticks, tickMs, (i) => submitBatch(batch, raters[i % raters.length], true)),
  contractTicks > 0 ? schedule(contractTicks, contractMs, () => changeContract(true)) : Promise.resolve(),
]);
await Promise.all(pending);
const loadSeconds = (now() - loadStart) / 1000;
const cpuLoad = cpuStart === null ? null : cpuSeconds() - cpuStart;
const clientCpu = process.cpuUsage(clientCpuStart);

// ---- the expectation, per subscriber
const measured = submitted.filter((r) => r.measured);
const expectedOf = (s) => {
  if (s.kind === 'partner') return contractChanges.filter((c) => c.measured && c.supplierId === s.supplier).map((c) => c.key);
  if (s.kind === 'partnerOther') return [];
  return measured.filter((r) => (!s.variables.supplierId || r.supplierId === s.variables.supplierId)
    && (!s.variables.categoryId || r.categoryId === s.variables.categoryId)).map((r) => r.id);
};
const expectations = clients.map((s) => new Set(expectedOf(s)));
const expectedTotal = expectations.reduce((sum, e) => sum + e.size, 0);
const deliveredTotal = () => clients.reduce((sum, s) => { for (const n of s.received.values()) sum += n; return sum; }, 0);
const drainStart = now();
while (deliveredTotal() < expectedTotal && now() - drainStart < drainSeconds * 1000) await new Promise((r) => setTimeout(r, 100));
await new Promise((r) => setTimeout(r, 500)); // late duplicates would arrive now
const drainMs = now() - drainStart;
const rssLoaded = rss();

let lost = 0;
let duplicates = 0;
let foreign = 0;
let unexpected = 0;
let closed = 0;
const byKind = {};
for (const [i, s] of clients.entries()) {
  const expected = expectations[i];
  const kind = (byKind[s.kind] ??= { subscribers: 0, expected: 0, delivered: 0, lost: 0 });
  kind.subscribers++;
  kind.expected += expected.size;
  for (const k of expected) if (!s.received.has(k)) { lost++; kind.lost++; }
  for (const [k, n] of s.received) {
    kind.delivered += n;
    if (n > 1) duplicates += n - 1;
    if (!expected.has(k)) unexpected++;
  }
  foreign += s.foreign;
  if (s.closed) { closed++; errors.push(`${s.kind}-${s.index}: closed ${s.closed}`); }
}
stopping = true;
await Promise.all(clients.map((s) => { s.disposed = true; return s.client.dispose(); }));

const sorted = latencies.slice(0, latencyCount).sort();
const quantile = (q) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] : NaN);
const mutationSorted = mutationLatencies.sort((a, b) => a - b);
const mq = (q) => (mutationSorted.length ? mutationSorted[Math.min(mutationSorted.length - 1, Math.ceil(q * mutationSorted.length) - 1)] : NaN);
const p50 = quantile(0.5);
const p99 = quantile(0.99);
const ok = lost === 0 && duplicates === 0 && foreign === 0 && unexpected === 0 && errors.length === 0 && failures.length === 0 && closed === 0;
const fmt = (x, d = 1) => (x === null || Number.isNaN(x) ? 'n/a' : x.toFixed(d));
const load = os.loadavg();
const cpus = os.cpus();

const lines = [
  `# Subscription load (${mode})`,
  '',
  `${new Date().toISOString()} · ${cpus.length} × ${cpus[0]?.model ?? 'cpu'} · ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB · Node ${process.version} · one replica, in-process bus, Release, demo data`,
  `load average ${load.map((l) => l.toFixed(2)).join(' / ')} (1 / 5 / 15 min) at the end; ${load1Start.toFixed(2)} (1 min) when the load began`,
  '',
  `| Measure | Value |`,
  `|---|---|`,
  `| subscribers (sockets, one subscription each) | ${clients.length}: ${Object.entries(byKind).map(([k, v]) => `${v.subscribers} ${k}`).join(', ')} |`,
  `| connect + subscribe (${connectConcurrency} at a time) | ${fmt(connectSeconds)} s |`,
  `| server RSS before → after connecting, settled ${settleSeconds} s | ${fmt(rssBefore / 2 ** 20)} → ${fmt(rssAfter / 2 ** 20)} MiB |`,
  `| **memory per idle subscription** | **${fmt(perSubscription / 1024)} KiB** (socket + subscription) |`,
  `| ratings submitted | ${measured.length} in ${ticks} submitRatings of ${batch} over ${fmt(loadSeconds)} s (${fmt(measured.length / loadSeconds)}/s), ${raters.length} business units' raters |`,
  `| contract status changes | ${contractChanges.filter((c) => c.measured).length} (${contractRate}/s; half on partners' suppliers) |`,
  `| submitRatings answer time p50 / p99 | ${fmt(mq(0.5))} / ${fmt(mq(0.99))} ms |`,
  `| events delivered / expected | ${deliveredTotal()} / ${expectedTotal} (drained ${fmt(drainMs / 1000)} s after the last write) |`,
  `| **fan-out latency p50 / p99** (commit → receipt) | **${fmt(p50)} / ${fmt(p99)} ms** (max ${fmt(sorted[sorted.length - 1])} ms, ${sorted.length} events; target p99 ≤ 100 ms: ${p99 <= 100 ? 'met' : 'missed'}) |`,
  `| lost / duplicate / foreign / unexpected events | ${lost} / ${duplicates} / ${foreign} / ${unexpected} |`,
  `| errors / closed sockets / failed writes | ${errors.length} / ${closed} / ${failures.length} |`,
  `| server CPU during the load | ${fmt(cpuLoad)} s of ${fmt(loadSeconds)} s (${fmt((100 * cpuLoad) / loadSeconds, 0)} % of one core); RSS under load ${fmt(rssLoaded / 2 ** 20)} MiB |`,
  `| load client CPU | ${fmt((clientCpu.user + clientCpu.system) / 1e6)} s |`,
  '',
  'Per kind: ' + Object.entries(byKind).map(([k, v]) => `${k} ${v.delivered}/${v.expected} delivered (${v.lost} lost)`).join('; ') + '.',
  '',
  'Latency: from the event\'s `changedAt` (taken by the server right after the mutation\'s transaction committed) to the',
  'moment the subscriber\'s `next` callback ran in the load client (same machine, same clock), for every delivered event.',
  'The client runs on the same 2 cores as the server: its own parsing is part of the figure.',
];
if (errors.length || failures.length) lines.push('', 'First errors:', ...[...failures, ...errors].slice(0, 10).map((e) => `- ${e}`));
lines.push('', ok ? 'RESULT: ok (0 lost, 0 duplicate, 0 foreign events, no errors)' : 'RESULT: FAILED');
const text = lines.join('\n') + '\n';
if (report) writeFileSync(report, text);
process.stdout.write(text);
process.exit(ok ? 0 : 1);
