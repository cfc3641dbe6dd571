// What the persisted-query tests share: an Apollo Client 4 with Apollo's PersistedQueryLink over an HttpLink whose
// fetch records every request it makes (method, URL, status, ETag, bodies), the hash function Apollo documents, and
// the README's operations as gql documents.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ApolloClient, ApolloLink, HttpLink, InMemoryCache, gql } from '@apollo/client';
import { PersistedQueryLink } from '@apollo/client/link/persisted-queries';

export const endpoint = `${process.env.SERVER_URL ?? 'http://127.0.0.1:5085'}/graphql`;

/** SHA-256 hex of a string, as `crypto-hash`'s `sha256` computes it (Apollo's example), from node:crypto. */
export const sha256 = (text) => createHash('sha256').update(text).digest('hex');

/** The README's operations: the server's shipped trusted documents, as an app would import its .graphql files. */
export function readmeOperation(name) {
  const file = join(import.meta.dirname, '..', '..', 'src', 'ProcurementGraph.Api', 'trusted-documents', `${name}.graphql`);
  return gql(readFileSync(file, 'utf8'));
}

/** Supplier:1, the supplier the README's scorecard reads. */
export const SUPPLIER_ID = 'U3VwcGxpZXI6MQ==';

/**
 * An Apollo Client whose link is `new PersistedQueryLink({ useGETForHashedQueries: true, ...options })` over an HttpLink
 * with a recording fetch; `requests` lists what was sent, in order.
 */
export function persistedClient(options) {
  const requests = [];
  async function recordingFetch(input, init = {}) {
    const response = await fetch(input, init);
    const text = await response.clone().text();
    let body;
    try { body = JSON.parse(text); } catch { body = text; }
    requests.push({
      method: init.method ?? 'GET',
      url: new URL(String(input)),
      sent: typeof init.body === 'string' ? JSON.parse(init.body) : undefined,
      status: response.status,
      etag: response.headers.get('etag'),
      body,
    });
    return response;
  }
  const client = new ApolloClient({
    link: ApolloLink.from([
      new PersistedQueryLink({ useGETForHashedQueries: true, ...options }),
      new HttpLink({ uri: endpoint, fetch: recordingFetch }),
    ]),
    cache: new InMemoryCache(),
  });
  return { client, requests };
}

/** Runs `query` once through a new client with a new link (nothing cached on the client side). */
export async function runOnce(options, query, variables) {
  const { client, requests } = persistedClient(options);
  try {
    const result = await client.query({ query, variables, fetchPolicy: 'network-only' });
    return { result, requests };
  } finally {
    client.stop();
  }
}

/** The hash a GET carried in `extensions.persistedQuery`; the GET must carry no document text. */
export function hashOfGet(request) {
  assert.equal(request.method, 'GET');
  assert.equal(request.url.searchParams.get('query'), null, 'a hashed GET sends no text');
  const { persistedQuery } = JSON.parse(request.url.searchParams.get('extensions'));
  assert.equal(persistedQuery.version, 1);
  assert.match(persistedQuery.sha256Hash, /^[0-9a-f]{64}$/);
  return persistedQuery.sha256Hash;
}

/** `[METHOD STATUS, ...]`: what the link did, for messages and shape assertions. */
export const trace = (requests) => requests.map((r) => `${r.method} ${r.status}`);

/** The error codes of a recorded answer. */
export const codes = (request) => (request.body?.errors ?? []).map((e) => e.extensions?.code);

/** A strong ETag, as the server sends for a successful GET. */
export function assertEtag(request) {
  assert.match(request.etag ?? '', /^"[^"]+"$/, `a successful GET carries a strong ETag (got ${request.etag})`);
}
