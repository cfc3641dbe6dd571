// Two server processes (A and B) sharing one SQLite file and one Redis, as replicas behind a load balancer (issue 15):
// events, rate limits and APQ documents hold across them, and Redis stopped and restarted mid-run. Started by
// run-against-server.sh. Every wait is for a condition, with a generous limit; nothing measures time.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { createHash, randomUUID } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { devJwt } from './devjwt.mjs';

const A = process.env.REPLICA_A_URL;
const B = process.env.REPLICA_B_URL;
const key = process.env.DEV_JWT_KEY;
const limit = Number(process.env.RATE_LIMIT);
const patienceMs = 60_000;

// Each request is its own caller unless named: the rate limit (per caller, shared through Redis) is the test's subject only once.
const token = (role, name = `${role} ${randomUUID()}`) => devJwt({ key, audience: 'http://replicas.test', name, role });
const id = (type, k) => Buffer.from(`${type}:${k}`).toString('base64');

async function post(server, body, { role = 'Procurement.Reader', name } = {}) {
  const response = await fetch(`${server}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token(role, name)}` },
    body: JSON.stringify(body),
  });
  return { status: response.status, headers: response.headers, body: await response.json() };
}

async function graphql(server, role, query, variables) {
  const { body } = await post(server, { query, variables }, { role });
  assert.equal(body.errors, undefined, JSON.stringify(body.errors));
  return body.data;
}

async function updateCity(server, supplier, city) {
  const { node } = await graphql(server, 'Procurement.Editor',
    'query($id: ID!) { node(id: $id) { ... on Supplier { version } } }', { id: id('Supplier', supplier) });
  const data = await graphql(server, 'Procurement.Editor',
    'mutation($input: UpdateSupplierInput!) { updateSupplier(input: $input) { supplier { city } errors { __typename } } }',
    { input: { id: id('Supplier', supplier), expectedVersion: node.version, city } });
  assert.equal(data.updateSupplier.errors, null);
  assert.equal(data.updateSupplier.supplier.city, city);
}

async function ready(server) {
  const response = await fetch(`${server}/health/ready`);
  return { status: response.status, body: await response.json() };
}

async function until(what, check) {
  const deadline = Date.now() + patienceMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(100);
  }
}

/** A graphql-ws subscriber to supplier changes that records every result (data or errors) it receives. */
function subscriber(server) {
  const ws = createClient({
    url: server.replace('http', 'ws') + '/graphql',
    webSocketImpl: WebSocket,
    connectionParams: { Authorization: `Bearer ${token('Procurement.Reader')}` },
    retryAttempts: 0,
  });
  const results = [];
  let failure;
  const dispose = ws.subscribe(
    { query: 'subscription { onSupplierChanged { supplier { id city } action } }' },
    { next: (value) => results.push(value), error: (error) => { failure = error; }, complete: () => {} });
  return {
    results,
    cities: () => results.filter((r) => r.data).map((r) => r.data.onSupplierChanged.supplier.city),
    errorCodes: () => results.filter((r) => r.errors).map((r) => r.errors[0].extensions?.code),
    async close() { dispose(); await ws.dispose(); },
    get failure() { return failure; },
  };
}

/** Makes an event on A until the subscriber has a city of one of those events (once the replicas listen again). */
async function eventuallyReceives(sub, server, supplier, prefix) {
  let attempt = 0;
  return until(`an event "${prefix}" to reach the subscriber`, async () => {
    attempt += 1;
    await updateCity(server, supplier, `${prefix} ${attempt}`);
    const deadline = Date.now() + 2_000;
    while (Date.now() < deadline) {
      const city = sub.cities().find((c) => c.startsWith(prefix));
      if (city) return city;
      await sleep(50);
    }
    return undefined;
  });
}

function stopRedis() {
  const pid = Number(readFileSync(process.env.REDIS_PID_FILE, 'utf8'));
  process.kill(pid, 'SIGTERM');
  return until('redis-server to exit', async () => { try { process.kill(pid, 0); return false; } catch { return true; } });
}

async function startRedis() {
  const redis = spawn('redis-server', ['--port', process.env.REDIS_PORT, '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
    { stdio: 'ignore', detached: true });
  redis.unref(); // run-against-server.sh stops it on exit (its pid is in the file)
  writeFileSync(process.env.REDIS_PID_FILE, String(redis.pid));
}

test('both replicas are ready and report Redis healthy', async () => {
  for (const server of [A, B]) {
    const { status, body } = await ready(server);
    assert.equal(status, 200);
    assert.equal(body.status, 'Healthy');
    assert.equal(body.checks.redis.status, 'Healthy');
    assert.equal(body.checks.database.status, 'Healthy');
  }
});

test('a mutation through one replica reaches subscribers on both, once each', async () => {
  const onA = subscriber(A);
  const onB = subscriber(B);
  try {
    // both subscribes handled (they are asynchronous): each has received an event by then
    await eventuallyReceives(onA, A, 51, 'Warm-up A');
    await eventuallyReceives(onB, A, 51, 'Warm-up B');

    const run = randomUUID().slice(0, 8);
    await updateCity(A, 52, `Through A ${run}`);
    await updateCity(B, 53, `Through B ${run}`);
    await until('both subscribers to have both writes', async () =>
      [onA, onB].every((s) => s.cities().includes(`Through B ${run}`) && s.cities().includes(`Through A ${run}`)));

    const mine = (s) => s.cities().filter((c) => c.endsWith(run));
    assert.deepEqual(mine(onA), [`Through A ${run}`, `Through B ${run}`]); // in order, none twice (A's own write: no copy from Redis)
    assert.deepEqual(mine(onB), [`Through A ${run}`, `Through B ${run}`]);
    assert.equal(onA.failure, undefined);
    assert.equal(onB.failure, undefined);
  } finally {
    await onA.close();
    await onB.close();
  }
});

test(`one caller's limit of ${limit} requests holds across both replicas: request ${limit + 1} is refused with 429`, async () => {
  const name = `limited ${randomUUID()}`;
  const statuses = [];
  for (let i = 0; i < limit; i += 1) {
    statuses.push((await post(i % 2 === 0 ? A : B, { query: '{ __typename }' }, { name })).status);
  }
  const refused = await post(B, { query: '{ __typename }' }, { name });
  const refusedOnA = await post(A, { query: '{ __typename }' }, { name });
  const someoneElse = await post(B, { query: '{ __typename }' });

  assert.deepEqual(statuses, Array(limit).fill(200));
  assert.equal(refused.status, 429);
  assert.equal(refused.body.errors[0].extensions.code, 'RATE_LIMITED');
  const retryAfter = Number(refused.headers.get('retry-after'));
  assert.ok(retryAfter >= 1 && retryAfter <= 600, `Retry-After ${retryAfter}`);
  assert.equal(refused.body.errors[0].extensions.retryAfter, retryAfter);
  assert.equal(refusedOnA.status, 429);
  assert.equal(someoneElse.status, 200);
});

test('an APQ hash registered on one replica is served by the other', async () => {
  const query = `query Replicated { suppliers(first: 1, where: { name: { contains: "${randomUUID().slice(0, 4)}" } }) { totalCount } }`;
  const sha256Hash = createHash('sha256').update(query).digest('hex');
  const extensions = { persistedQuery: { version: 1, sha256Hash } };

  const missOnB = await post(B, { extensions });
  const registerOnA = await post(A, { query, extensions });
  const hitOnB = await post(B, { extensions });

  assert.equal(missOnB.body.errors[0].message, 'PersistedQueryNotFound');
  assert.equal(registerOnA.status, 200);
  assert.equal(hitOnB.status, 200);
  assert.equal(hitOnB.body.errors, undefined);
  assert.equal(typeof hitOnB.body.data.suppliers.totalCount, 'number');
});

test('Redis stopped and restarted mid-run: reads and writes go on, subscribers get an error and resume, /health/ready says so', async () => {
  const onB = subscriber(B);
  try {
    await eventuallyReceives(onB, A, 61, 'Before');

    await stopRedis();
    await until('B\'s subscriber to be told', async () => onB.errorCodes().includes('SUBSCRIPTION_EVENTS_INTERRUPTED'));
    const degraded = await until('both replicas to report Redis Degraded', async () => {
      const states = await Promise.all([ready(A), ready(B)]);
      return states.every((s) => s.body.checks.redis?.status === 'Degraded') && states;
    });
    await updateCity(A, 62, 'During'); // the write commits; only the event to B is lost
    const read = await graphql(B, 'Procurement.Reader', '{ suppliers(first: 1) { nodes { id } } }');
    const limited = await post(A, { query: '{ __typename }' });

    await startRedis();
    const healthy = await until('both replicas to report Redis healthy again', async () => {
      const states = await Promise.all([ready(A), ready(B)]);
      return states.every((s) => s.body.status === 'Healthy') && states;
    });
    const resumed = await eventuallyReceives(onB, A, 63, 'After');

    for (const { status, body } of degraded) {
      assert.equal(status, 200); // Degraded is still served: a load balancer keeps the replica
      assert.equal(body.status, 'Degraded');
      assert.equal(body.checks.database.status, 'Healthy');
      assert.match(body.checks.redis.description, /Redis is unreachable/);
    }
    assert.equal(read.suppliers.nodes.length, 1);
    assert.equal(limited.status, 200); // the in-process limiter decides meanwhile
    for (const { status, body } of healthy) {
      assert.equal(status, 200);
      assert.equal(body.checks.redis.status, 'Healthy');
    }
    assert.ok(resumed.startsWith('After '));
    assert.ok(!onB.cities().includes('During')); // lost while Redis was away: that is what the error said
    assert.equal(onB.failure, undefined); // the subscription stayed open throughout
  } finally {
    await onB.close();
  }
});
