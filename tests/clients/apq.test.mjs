// Apollo Client 4's persisted-query link (`new PersistedQueryLink({ sha256, useGETForHashedQueries: true })`) against
// the server in its normal mode, automatic persisted queries on: the first run of an operation is a GET with the hash
// alone that misses (PersistedQueryNotFound), then the link POSTs the text with the hash and the server registers it;
// a second run, by a new client, is one GET that hits and carries an ETag.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { SUPPLIER_CONTRACTS } from './apollo/operations.mjs';
import { SUPPLIER_ID, assertEtag, codes, hashOfGet, readmeOperation, runOnce, sha256, trace } from './persisted-link.mjs';

const operations = [
  // A README operation: its trusted file is keyed by its bytes, Apollo hashes its own print with __typename added,
  // so the hash misses until APQ registers Apollo's text.
  {
    name: 'SuppliersPage', query: readmeOperation('SuppliersPage'), variables: { first: 2 },
    check: (data) => assert.equal(data.suppliers.nodes.length, 2),
  },
  // One of the app's operations, a fragment above the query.
  {
    name: 'SupplierContracts', query: SUPPLIER_CONTRACTS, variables: { id: SUPPLIER_ID },
    check: (data) => {
      assert.equal(data.supplier.id, SUPPLIER_ID);
      assert.ok(data.supplier.contracts.nodes.length > 0);
      assert.equal(data.supplier.contracts.nodes[0].__typename, 'Contract');
    },
  },
];

for (const { name, query, variables, check } of operations) {
  test(`APQ: ${name} misses with GET, registers with POST, then is one GET that hits with an ETag`, { timeout: 30_000 }, async () => {
    const first = await runOnce({ sha256 }, query, variables);

    assert.deepEqual(trace(first.requests), ['GET 400', 'POST 200'], 'first run: the hash misses, the text registers');
    const [miss, register] = first.requests;
    const hash = hashOfGet(miss);
    assert.equal(miss.body.errors[0].message, 'PersistedQueryNotFound');
    assert.deepEqual(codes(miss), ['HC0020']);
    assert.equal(register.sent.extensions.persistedQuery.sha256Hash, hash, 'the POST carries the same hash');
    assert.equal(sha256(register.sent.query), hash, "the hash is the SHA-256 of the text Apollo sends");
    assert.match(register.sent.query, /__typename/, "Apollo's cache added __typename to the text it hashed");
    assert.equal(register.body.errors, undefined, JSON.stringify(register.body.errors));

    const second = await runOnce({ sha256 }, query, variables);

    assert.deepEqual(trace(second.requests), ['GET 200'], 'second run: one GET by hash');
    const [hit] = second.requests;
    assert.equal(hashOfGet(hit), hash);
    assert.equal(hit.body.errors, undefined, JSON.stringify(hit.body.errors));
    assertEtag(hit);
    check(second.result.data);
    assert.deepEqual(second.result.data, first.result.data);
  });
}
