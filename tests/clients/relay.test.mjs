// relay-compiler (relay.config.json) accepts relay/SupplierList.ts against the running server's schema, and the
// operations it generates — the @connection pagination query and the @refetchable node query — run on the server.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';

const here = import.meta.dirname;
const endpoint = `${process.env.SERVER_URL ?? 'http://127.0.0.1:5085'}/graphql`;
const artifacts = join(here, '.generated', 'relay');

/** The operation text relay-compiler wrote into an artifact (`params.text`). */
function operationText(name) {
  const source = readFileSync(join(artifacts, `${name}.graphql.ts`), 'utf8');
  const match = source.match(/"text": ("(?:[^"\\]|\\.)*")/);
  assert.ok(match, `${name}: no operation text`);
  return JSON.parse(match[1]);
}

async function run(query, variables) {
  const response = await fetch(endpoint, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json' },
    body: JSON.stringify({ query, variables }),
  });
  const body = await response.json();
  assert.equal(response.status, 200, JSON.stringify(body));
  assert.equal(body.errors, undefined, JSON.stringify(body.errors));
  return body.data;
}

test('relay-compiler accepts @connection, a @refetchable node fragment and a node query', () => {
  rmSync(artifacts, { recursive: true, force: true });
  mkdirSync(artifacts, { recursive: true }); // relay-compiler 21 needs its artifact directory to exist
  const compiled = spawnSync(join(here, 'node_modules', '.bin', 'relay-compiler'), [], { cwd: here, encoding: 'utf8' });
  assert.equal(compiled.status, 0, `${compiled.stdout}\n${compiled.stderr}`);
  for (const name of ['SupplierListPaginationQuery', 'SupplierCardRefetchQuery', 'SupplierByNodeQuery', 'SupplierListQuery']) {
    assert.ok(operationText(name).includes(name), name);
  }
});

test("Relay's generated pagination query pages the connection", async () => {
  const text = operationText('SupplierListPaginationQuery');
  const first = await run(text, { first: 2 });
  const second = await run(text, { first: 2, after: first.suppliers.pageInfo.endCursor });

  assert.equal(first.suppliers.edges.length, 2);
  assert.equal(second.suppliers.edges.length, 2);
  assert.notEqual(first.suppliers.edges[1].node.id, second.suppliers.edges[0].node.id);
  assert.equal(second.suppliers.edges[0].node.__typename, 'Supplier');
});

test("Relay's generated refetch query reads a supplier through node(id:)", async () => {
  const { suppliers } = await run('{ suppliers(first: 1) { nodes { id name } } }');
  const supplier = suppliers.nodes[0];

  const data = await run(operationText('SupplierCardRefetchQuery'), { id: supplier.id });

  assert.equal(data.node.__typename, 'Supplier');
  assert.equal(data.node.id, supplier.id);
  assert.equal(data.node.name, supplier.name);
});
