// The gate itself: graphql-inspector's CLI with listed-changes-rule.mjs on small schemas and lists.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';

const here = import.meta.dirname;
const old = `scalar DecimalScalar
type Supplier { id: ID! name: String! value: DecimalScalar! }
type Query { supplier(id: ID!): Supplier suppliers(first: Int): [Supplier!]! }
`;

function gate(newSchema, listedRows) {
  const dir = mkdtempSync(join(tmpdir(), 'schema-gate-'));
  writeFileSync(join(dir, 'old.graphql'), old);
  writeFileSync(join(dir, 'new.graphql'), newSchema);
  writeFileSync(join(dir, 'SCHEMA-CHANGES.md'),
    `# Schema changes\n\n## Breaking changes since the baseline\n\n| Coordinate | Change | Reason |\n|---|---|---|\n${listedRows.join('\n')}\n`);
  const result = spawnSync(join(here, 'node_modules', '.bin', 'graphql-inspector'),
    ['diff', join(dir, 'old.graphql'), join(dir, 'new.graphql'), '--rule', join(here, 'listed-changes-rule.mjs')],
    { encoding: 'utf8', env: { ...process.env, SCHEMA_CHANGES_FILE: join(dir, 'SCHEMA-CHANGES.md') } });
  return { status: result.status, output: `${result.stdout}\n${result.stderr}` };
}

const withoutName = old.replace(' name: String!', '');
const renamedScalar = old.replaceAll('DecimalScalar', 'Decimal');

test('an unlisted breaking change fails', () => {
  const { status, output } = gate(withoutName, []);
  assert.equal(status, 1, output);
  assert.match(output, /Field name was removed from object type Supplier/);
});

test('a breaking change listed with its reason passes, reported as listed', () => {
  const { status, output } = gate(withoutName, ['| `Supplier.name` | removed | replaced by legalName |']);
  assert.equal(status, 0, output);
  assert.match(output, /listed in docs\/SCHEMA-CHANGES.md \(Supplier.name\)/);
});

test('a row without a reason fails', () => {
  const { status, output } = gate(withoutName, ['| `Supplier.name` | removed | |']);
  assert.notEqual(status, 0, output);
  assert.match(output, /the entry for Supplier.name gives no reason/);
});

test('a type entry covers the type and every field whose type changed from it', () => {
  const { status, output } = gate(renamedScalar, ['| `DecimalScalar` | renamed Decimal | HotChocolate name |']);
  assert.equal(status, 0, output);
  assert.match(output, /Type DecimalScalar was removed — listed/);
  assert.match(output, /Field Supplier.value changed type from DecimalScalar! to Decimal! — listed/);
});

test('an entry covers only what it names', () => {
  const { status, output } = gate(withoutName.replace('suppliers(first: Int)', 'suppliers'), ['| `Supplier.name` | removed | replaced |']);
  assert.equal(status, 1, output);
  assert.match(output, /Argument first: Int was removed from field Query.suppliers/);
});

test('additions never fail', () => {
  const { status, output } = gate(old.replace('name: String!', 'name: String! country: String'), []);
  assert.equal(status, 0, output);
});
