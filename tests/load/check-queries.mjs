// Sends each query once and fails when one answers with an error: the load must measure successful reads.
import { queries } from './queries.mjs';
const url = process.argv[2];
let failed = 0;
for (const { name, query } of queries) {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json' }, body: JSON.stringify({ query }) });
  const body = await response.json();
  const ok = response.status === 200 && !body.errors && body.data;
  if (!ok) failed++;
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${name} ${response.status} ${ok ? JSON.stringify(body).length + ' bytes' : JSON.stringify(body).slice(0, 400)}`);
}
process.exit(failed ? 1 : 0);
