// Runs the graphql-http server audits (GraphQL-over-HTTP spec conformance) against a running endpoint.
// Usage: node audit.mjs <url>        e.g. node audit.mjs http://127.0.0.1:5000/graphql
// Starts nothing itself. Exit code 1 on any MUST error or SHOULD warning; MAY results are only printed.
import { serverAudits } from 'graphql-http';

const url = process.argv[2];
if (!url) {
  console.error('usage: node audit.mjs <url>');
  process.exit(2);
}

const audits = serverAudits({ url, fetchFn: fetch });
const results = [];
for (const audit of audits) {
  // Sequentially, so the output order is stable and the server is not flooded.
  results.push(await audit.fn());
}

const levels = ['MUST', 'SHOULD', 'MAY'];
const statuses = ['ok', 'warn', 'error', 'notice'];
const summary = Object.fromEntries(levels.map((level) => [level, Object.fromEntries(statuses.map((s) => [s, 0]))]));

for (const result of results) {
  const level = result.name.split(' ', 1)[0];
  summary[level][result.status] += 1;
  let line = `${level.padEnd(6)} ${result.status.padEnd(6)} ${result.id} ${result.name}`;
  if (result.status !== 'ok') {
    let body = '';
    try {
      body = (await result.response.text()).slice(0, 300);
    } catch {
      body = '<body unavailable>';
    }
    line += `\n       reason: ${result.reason}; got ${result.response.status} ${result.response.headers.get('content-type') ?? ''} ${body}`;
  }
  console.log(line);
}

const format = (level) =>
  `${level} ${statuses
    .filter((s) => summary[level][s] > 0 || s === 'ok')
    .map((s) => `${summary[level][s]} ${s}`)
    .join(', ')}`;
console.log(`\nSummary (${results.length} audits): ${levels.map(format).join(' | ')}`);

const failed = summary.MUST.error + summary.SHOULD.warn;
process.exit(failed > 0 ? 1 : 0);
