// The server in trusted-documents-only mode (GraphQL:TrustedDocuments:OnlyTrusted=true), its trusted documents the
// manifests the tools wrote (GraphQL:TrustedDocuments:Path=.generated/trusted): Apollo's persisted-query-manifest.json
// from generate-persisted-query-manifest and Relay's persisted_queries.json from relay-compiler's persistConfig.
// Every operation in them is answered by its id with one GET; an operation in neither is refused with HC0067.
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { CombinedGraphQLErrors, gql } from '@apollo/client';
import { generatePersistedQueryIdsAtRuntime, generatePersistedQueryIdsFromManifest } from '@apollo/persisted-query-lists';
import { SUPPLIER_CONTRACTS, SUPPLIER_PAGES } from './apollo/operations.mjs';
import {
  SUPPLIER_ID, assertEtag, codes, endpoint, hashOfGet, persistedClient, readmeOperation, runOnce, sha256, trace,
} from './persisted-link.mjs';

const here = import.meta.dirname;
const manifest = JSON.parse(readFileSync(join(here, '.generated', 'trusted', 'persisted-query-manifest.json'), 'utf8'));
const manifestId = (name) => manifest.operations.find((o) => o.name === name)?.id;

// The app's documents by operation name, as its components import them, with the variables each needs.
const documents = {
  ExpiringContracts: { query: readmeOperation('ExpiringContracts') },
  GoalDashboard: { query: readmeOperation('GoalDashboard') },
  Me: { query: readmeOperation('Me') },
  SupplierScorecard: { query: readmeOperation('SupplierScorecard') },
  SuppliersPage: { query: readmeOperation('SuppliersPage'), variables: { first: 2 } },
  SupplierPages: { query: SUPPLIER_PAGES, variables: { first: 2 } },
  SupplierContracts: { query: SUPPLIER_CONTRACTS, variables: { id: SUPPLIER_ID } },
};

// Not in the manifest: written in this test file, which the generator does not read.
const NOT_PERSISTED = gql`
  query SupplierCount {
    suppliers { totalCount }
  }
`;

/** One GET by `expectedId` that hits: 200, data without errors, an ETag. */
function assertSingleHit(name, requests, result, expectedId) {
  assert.deepEqual(trace(requests), ['GET 200'], `${name}: one GET that hits (${JSON.stringify(requests.map((r) => r.body))})`);
  assert.equal(hashOfGet(requests[0]), expectedId, `${name}: the id Apollo's generator wrote`);
  assert.equal(requests[0].body.errors, undefined, JSON.stringify(requests[0].body.errors));
  assertEtag(requests[0]);
  assert.ok(result.data && Object.keys(result.data).length > 0, name);
}

test("Apollo's generator wrote every operation of the app, each id the SHA-256 of its body", () => {
  assert.equal(manifest.format, 'apollo-persisted-query-manifest');
  assert.deepEqual(manifest.operations.map((o) => o.name).sort(), Object.keys(documents).sort());
  for (const operation of manifest.operations) assert.equal(operation.id, sha256(operation.body), operation.name);
});

test('generatePersistedQueryIdsFromManifest: every manifest operation is one GET by its id that hits', { timeout: 60_000 }, async () => {
  const options = generatePersistedQueryIdsFromManifest({ loadManifest: () => manifest });
  for (const { name, id } of manifest.operations) {
    const { query, variables } = documents[name];
    const { requests, result } = await runOnce(options, query, variables);
    assertSingleHit(name, requests, result, id);
  }
});

test("generatePersistedQueryIdsAtRuntime({ sha256 }) computes the manifest's ids: one GET each that hits", { timeout: 60_000 }, async () => {
  const options = generatePersistedQueryIdsAtRuntime({ sha256 });
  for (const { name, id } of manifest.operations) {
    const { query, variables } = documents[name];
    const { requests, result } = await runOnce(options, query, variables);
    assertSingleHit(name, requests, result, id);
  }
});

test('the plain { sha256 } link finds the manifest operations of one definition by the hash it computes', { timeout: 60_000 }, async () => {
  for (const name of ['ExpiringContracts', 'GoalDashboard', 'Me', 'SupplierScorecard', 'SuppliersPage', 'SupplierPages']) {
    const { query, variables } = documents[name];
    const { requests, result } = await runOnce({ sha256 }, query, variables);
    assertSingleHit(name, requests, result, manifestId(name));
  }
});

test('a fragment written first hashes differently with the plain link; its text is the same document and is accepted, not registered', { timeout: 30_000 }, async () => {
  for (let run = 1; run <= 2; run++) {
    const { requests, result } = await runOnce({ sha256 }, SUPPLIER_CONTRACTS, { id: SUPPLIER_ID });

    assert.deepEqual(trace(requests), ['GET 400', 'POST 200'], `run ${run}: ${JSON.stringify(requests.map((r) => r.body))}`);
    assert.notEqual(hashOfGet(requests[0]), manifestId('SupplierContracts'), 'Apollo prints the fragment where it was written');
    assert.deepEqual(codes(requests[0]), ['HC0020']);
    assert.match(requests[1].sent.query, /^fragment ContractLine/);
    assert.equal(requests[1].body.errors, undefined, JSON.stringify(requests[1].body.errors));
    assert.equal(result.data.supplier.id, SUPPLIER_ID);
  }
});

test('an operation not in the manifest: the GET misses, the text is refused with HC0067', { timeout: 30_000 }, async () => {
  const { client, requests } = persistedClient({ sha256 });
  try {
    await assert.rejects(client.query({ query: NOT_PERSISTED, fetchPolicy: 'network-only' }), (error) => {
      assert.ok(CombinedGraphQLErrors.is(error), String(error));
      assert.deepEqual(error.errors.map((e) => e.extensions?.code), ['HC0067']);
      assert.equal(error.errors[0].message, 'Only persisted operations are allowed.');
      return true;
    });
  } finally {
    client.stop();
  }

  assert.deepEqual(trace(requests), ['GET 400', 'POST 400']);
  assert.deepEqual(codes(requests[0]), ['HC0020']);
  assert.deepEqual(codes(requests[1]), ['HC0067']);
  assert.equal(requests[1].body.data, undefined);
});

test('an operation not in the manifest: the manifest link sends nothing', async () => {
  const { client, requests } = persistedClient(generatePersistedQueryIdsFromManifest({ loadManifest: () => manifest }));
  try {
    await assert.rejects(client.query({ query: NOT_PERSISTED, fetchPolicy: 'network-only' }), /SupplierCount not found in manifest/);
  } finally {
    client.stop();
  }
  assert.deepEqual(requests, []);
});

// Relay: relay-compiler (relay.persisted.config.json, persistConfig MD5) wrote persisted_queries.json and artifacts
// that carry `params.id` instead of the text; a Relay network layer sends that id as `documentId`.
const relayArtifacts = join(here, '.generated', 'relay-persisted');

function relayParams(name) {
  const source = readFileSync(join(relayArtifacts, `${name}.graphql.ts`), 'utf8');
  const id = source.match(/"id": "([0-9a-f]+)"/);
  assert.ok(id, `${name}: no persisted id in the artifact`);
  assert.match(source, /"text": null/, `${name}: a persisted artifact carries no text`);
  return id[1];
}

async function post(body) {
  const response = await fetch(endpoint, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json' },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: await response.json() };
}

test("Relay's persisted_queries.json: every operation relay-compiler persisted runs by its id", { timeout: 30_000 }, async () => {
  const persisted = JSON.parse(readFileSync(join(here, '.generated', 'trusted', 'persisted_queries.json'), 'utf8'));
  const names = readdirSync(relayArtifacts).filter((f) => /Query\.graphql\.ts$/.test(f)).map((f) => f.replace('.graphql.ts', ''));
  const variables = {
    SupplierListPaginationQuery: { first: 2 },
    SupplierCardRefetchQuery: { id: SUPPLIER_ID },
    SupplierByNodeQuery: { id: SUPPLIER_ID },
  };

  assert.deepEqual(names.sort(), ['SupplierByNodeQuery', 'SupplierCardRefetchQuery', 'SupplierListPaginationQuery', 'SupplierListQuery']);
  assert.equal(Object.keys(persisted).length, names.length);
  for (const name of names) {
    const id = relayParams(name);
    assert.ok(persisted[id], `${name}: its id is in persisted_queries.json`);

    const { status, body } = await post({ documentId: id, variables: variables[name] ?? {} });

    assert.equal(status, 200, `${name}: ${JSON.stringify(body)}`);
    assert.equal(body.errors, undefined, `${name}: ${JSON.stringify(body.errors)}`);
    assert.ok(body.data.suppliers ?? body.data.node, name);
  }
});

test("Relay's text of a persisted operation is accepted, another text is HC0067", { timeout: 30_000 }, async () => {
  const persisted = JSON.parse(readFileSync(join(here, '.generated', 'trusted', 'persisted_queries.json'), 'utf8'));
  const text = persisted[relayParams('SupplierListQuery')];

  const accepted = await post({ query: text });
  const refused = await post({ query: text.replace('totalCount', 'totalCount\n      pageInfo { hasNextPage }') });

  assert.equal(accepted.status, 200, JSON.stringify(accepted.body));
  assert.equal(accepted.body.errors, undefined);
  assert.equal(refused.status, 400);
  assert.deepEqual(refused.body.errors.map((e) => e.extensions?.code), ['HC0067']);
});
