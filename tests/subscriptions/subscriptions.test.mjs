// The graphql-ws library's own client (graphql-transport-ws) and GraphQL over SSE against the running server.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { devJwt } from './devjwt.mjs';

const server = process.env.SERVER_URL ?? 'http://127.0.0.1:5086';
const key = process.env.DEV_JWT_KEY;
const token = (role, claims = {}, lifetimeSeconds = 3600) =>
  devJwt({ key, audience: server, name: `${role} client`, role, claims, lifetimeSeconds });
const id = (type, k) => Buffer.from(`${type}:${k}`).toString('base64');

async function graphql(role, query, variables, claims) {
  const response = await fetch(`${server}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token(role, claims)}` },
    body: JSON.stringify({ query, variables }),
  });
  const body = await response.json();
  assert.equal(body.errors, undefined, JSON.stringify(body.errors));
  return body.data;
}

const version = async (type, k) =>
  (await graphql('Procurement.Editor', `query($id: ID!) { node(id: $id) { ... on ${type} { version } } }`, { id: id(type, k) })).node.version;

async function updateCity(supplier, city) {
  const v = await version('Supplier', supplier);
  const data = await graphql('Procurement.Editor',
    'mutation($input: UpdateSupplierInput!) { updateSupplier(input: $input) { supplier { city } errors { __typename } } }',
    { input: { id: id('Supplier', supplier), expectedVersion: v, city } });
  assert.equal(data.updateSupplier.errors, null);
}

/** A graphql-ws client that does not retry, so a close code reaches the test. */
function client(connectionParams, closed = () => {}) {
  return createClient({
    url: server.replace('http', 'ws') + '/graphql',
    webSocketImpl: WebSocket,
    connectionParams,
    retryAttempts: 0,
    lazy: false,
    on: { closed },
  });
}

/** Subscribes and resolves with the first `count` results. */
function collect(ws, query, variables, count) {
  const results = [];
  let finish;
  const done = new Promise((resolve, reject) => {
    finish = resolve;
    ws.subscribe({ query, variables }, {
      next: (value) => { results.push(value); if (results.length === count) resolve(results); },
      error: reject,
      complete: () => resolve(results),
    });
  });
  return { done, finish: () => finish(results) };
}

/**
 * Resolves once every subscription sent before on this socket listens: the server starts a socket's operations in order,
 * so the answer to a query sent after them proves it (no waiting on a clock).
 */
async function listening(ws) {
  for await (const result of ws.iterate({ query: '{ __typename }' })) {
    assert.equal(result.data.__typename, 'Query');
  }
}

test('graphql-ws receives a contract status change with its previous status', async () => {
  const ws = client({ Authorization: `Bearer ${token('Procurement.Reader')}` });
  const events = collect(ws, 'subscription { onContractStatusChanged { contract { id status } previousStatus changedAt } }', {}, 1);
  await listening(ws);
  const v = await version('Contract', 3);
  await graphql('Procurement.Editor',
    'mutation($input: ChangeContractStatusInput!) { changeContractStatus(input: $input) { contract { status } } }',
    { input: { id: id('Contract', 3), expectedVersion: v, status: 'ACTIVE' } });
  const [event] = await events.done;
  assert.deepEqual(
    [event.data.onContractStatusChanged.contract.id, event.data.onContractStatusChanged.contract.status, event.data.onContractStatusChanged.previousStatus],
    [id('Contract', 3), 'ACTIVE', 'DRAFT']);
  await ws.dispose();
});

test('graphql-ws receives ratings, supplier changes and goal progress', async () => {
  const ws = client(async () => ({ Authorization: `Bearer ${token('Procurement.Admin')}` }));
  const ratings = collect(ws, 'subscription($s: ID) { onRatingSubmitted(supplierId: $s) { stakeholderRating { overall supplier { id } } action } }', { s: id('Supplier', 9) }, 1);
  const suppliers = collect(ws, 'subscription($s: ID) { onSupplierChanged(supplierId: $s) { supplier { city } changedFields } }', { s: id('Supplier', 9) }, 1);
  const goals = collect(ws, 'subscription { onGoalProgressRecorded { strategicGoal { id current } previousCurrent } }', {}, 1);
  await listening(ws);
  await graphql('Stakeholder.Rater',
    'mutation($input: SubmitRatingInput!) { submitRating(input: $input) { stakeholderRating { id } } }',
    { input: { supplierId: id('Supplier', 9), period: '2026-Q2', quality: 4, delivery: 4, responsiveness: 4, innovation: 4, costValue: 4, overall: 2 } },
    { business_unit: 'MFG-EU' });
  await updateCity(9, 'Node City');
  const gv = await version('StrategicGoal', 1);
  await graphql('Procurement.Editor',
    'mutation($input: RecordGoalProgressInput!) { recordGoalProgress(input: $input) { strategicGoal { current } } }',
    { input: { id: id('StrategicGoal', 1), expectedVersion: gv, current: 4242 } });
  const [[rating], [supplier], [goal]] = await Promise.all([ratings.done, suppliers.done, goals.done]);
  assert.deepEqual([rating.data.onRatingSubmitted.stakeholderRating.overall, rating.data.onRatingSubmitted.action], [2, 'CREATED']);
  assert.deepEqual([supplier.data.onSupplierChanged.supplier.city, supplier.data.onSupplierChanged.changedFields], ['Node City', ['city']]);
  assert.equal(goal.data.onGoalProgressRecorded.strategicGoal.current, 4242);
  await ws.dispose();
});

test('a partner receives its own supplier\'s events and no other', async () => {
  const ws = client({ Authorization: `Bearer ${token('Partner', { supplier_id: '5' })}` });
  const events = collect(ws, 'subscription { onSupplierChanged { supplier { id city registrationNumber } } }', {}, 2);
  await listening(ws);
  for (const [supplier, city] of [[6, 'Foreign A'], [5, 'Own 1'], [7, 'Foreign B'], [5, 'Own 2']]) {
    await updateCity(supplier, city);
  }
  const received = await events.done;
  assert.deepEqual(received.map((e) => [e.data.onSupplierChanged.supplier.id, e.data.onSupplierChanged.supplier.city]),
    [[id('Supplier', 5), 'Own 1'], [id('Supplier', 5), 'Own 2']]);
  assert.ok(received.every((e) => e.data.onSupplierChanged.supplier.registrationNumber === null && e.errors[0].extensions.code === 'AUTH_NOT_AUTHORIZED'));
  await ws.dispose();
});

test('a refused token at connection_init closes with 4403', async () => {
  const closed = new Promise((resolve) => {
    const ws = client({ Authorization: 'Bearer not-a-token' }, (event) => resolve(event.code));
    ws.subscribe({ query: 'subscription { onSupplierChanged { supplier { id } } }' }, { next() {}, error() {}, complete() {} });
  });
  assert.equal(await closed, 4403);
});

test('the token\'s expiry closes the socket with 4403', async () => {
  let code;
  const closed = new Promise((resolve) => {
    const ws = client({ Authorization: `Bearer ${token('Procurement.Reader', {}, 2)}` }, (event) => { code = event.code; resolve(); });
    ws.subscribe({ query: 'subscription { onSupplierChanged { supplier { id } } }' }, { next() {}, error() {}, complete() {} });
  });
  await closed;
  assert.equal(code, 4403);
});

test('GraphQL over SSE streams next events', async () => {
  const controller = new AbortController();
  const response = await fetch(`${server}/graphql`, {
    method: 'POST',
    signal: controller.signal,
    headers: { 'content-type': 'application/json', accept: 'text/event-stream', authorization: `Bearer ${token('Procurement.Reader')}` },
    body: JSON.stringify({ query: `subscription { onSupplierChanged(supplierId: "${id('Supplier', 10)}") { supplier { city } } }` }),
  });
  assert.match(response.headers.get('content-type'), /^text\/event-stream/);
  await updateCity(10, 'Over SSE');
  const reader = response.body.getReader();
  let text = '';
  while (!text.includes('\n\n')) {
    const { value } = await reader.read();
    text += new TextDecoder().decode(value);
  }
  controller.abort();
  const [event, data] = text.trim().split('\n');
  assert.equal(event, 'event: next');
  assert.equal(JSON.parse(data.slice('data: '.length)).data.onSupplierChanged.supplier.city, 'Over SSE');
});
