// Prints the schema the running server introspects to (standard introspection, as every client tool reads it) into
// the file given, for the tools that read SDL (codegen, relay-compiler). Usage: node fetch-schema.mjs URL FILE
import { writeFileSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { buildClientSchema, getIntrospectionQuery, printSchema } from 'graphql';

const [endpoint, file] = process.argv.slice(2);
const response = await fetch(endpoint, {
  method: 'POST',
  headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json' },
  body: JSON.stringify({ query: getIntrospectionQuery({ descriptions: true }) }),
});
const body = await response.json();
if (response.status !== 200 || body.errors) {
  console.error(`introspection failed: HTTP ${response.status} ${JSON.stringify(body.errors)}`);
  process.exit(1);
}
mkdirSync(dirname(file), { recursive: true });
writeFileSync(file, printSchema(buildClientSchema(body.data)) + '\n');
console.log(`schema of ${endpoint}: ${Object.keys(body.data.__schema.types).length} types -> ${file}`);
