// 60 s (LOAD_SECONDS) of mixed queries at a fixed concurrency (LOAD_CONNECTIONS) with autocannon, against a server
// on loopback. Counts transport errors, non-2xx answers and GraphQL errors in 200 answers; prints p50/p99 and a JSON
// summary line; exits 1 unless all three are 0.
import autocannon from 'autocannon';
import { queries } from './queries.mjs';

const url = process.argv[2];
if (!url || !/^http:\/\/(127\.0\.0\.1|localhost)[:/]/.test(url)) {
  console.error('usage: node load.mjs http://127.0.0.1:PORT/graphql   (loopback only)');
  process.exit(2);
}

const duration = Number(process.env.LOAD_SECONDS ?? 60);
const connections = Number(process.env.LOAD_CONNECTIONS ?? 16);
const perQuery = Object.fromEntries(queries.map(q => [q.name, { count: 0, graphqlErrors: 0 }]));
let graphqlErrors = 0;

const requests = queries.map(({ name, query }) => ({
  method: 'POST',
  headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json' },
  body: JSON.stringify({ query }),
  onResponse: (status, body) => {
    perQuery[name].count++;
    if (status === 200 && body.includes('"errors"')) {
      perQuery[name].graphqlErrors++;
      graphqlErrors++;
    }
  },
}));

const result = await autocannon({ url, connections, duration, requests, timeout: 35 });
const summary = {
  durationSeconds: duration,
  connections,
  requests: result.requests.total,
  requestsPerSecond: Math.round(result.requests.average),
  latencyMs: { p50: result.latency.p50, p90: result.latency.p90, p99: result.latency.p99, max: result.latency.max, mean: result.latency.mean },
  errors: result.errors,
  timeouts: result.timeouts,
  non2xx: result.non2xx,
  graphqlErrors,
  perQuery,
};
console.log(`requests ${summary.requests} in ${duration} s at ${connections} connections: ${summary.requestsPerSecond} req/s`);
console.log(`latency p50 ${summary.latencyMs.p50} ms, p90 ${summary.latencyMs.p90} ms, p99 ${summary.latencyMs.p99} ms, max ${summary.latencyMs.max} ms`);
console.log(`errors ${summary.errors}, timeouts ${summary.timeouts}, non-2xx ${summary.non2xx}, GraphQL errors ${graphqlErrors}`);
console.log('SUMMARY ' + JSON.stringify(summary));
process.exit(summary.errors + summary.timeouts + summary.non2xx + graphqlErrors === 0 && summary.requests > 0 ? 0 : 1);
