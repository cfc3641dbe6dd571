// CORS in a real browser: a page served from another loopback origin calls /graphql with fetch and a bearer token.
// The server allows exactly ALLOWED_ORIGIN (Cors:AllowedOrigins:0, set by run-against-server.sh): from there the
// query answers as the token's user; from OTHER_ORIGIN the browser blocks it.
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { after, before, test } from 'node:test';
import { launchChromium } from './chromium.mjs';
import { devJwt } from './devjwt.mjs';

const server = process.env.SERVER_URL ?? 'http://127.0.0.1:5082';
const allowedOrigin = process.env.ALLOWED_ORIGIN ?? 'http://127.0.0.1:5083';
const otherOrigin = process.env.OTHER_ORIGIN ?? 'http://127.0.0.1:5084';
const key = process.env.DEV_JWT_KEY;

const page = `<!doctype html><html><head><meta charset="utf-8"><title>front-end</title></head><body>
<script>
  // What a single-page app does: fetch the API with the user's token.
  window.runQuery = async (endpoint, token, query) => {
    try {
      const response = await fetch(endpoint, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json', authorization: 'Bearer ' + token },
        body: JSON.stringify({ query }),
      });
      return { status: response.status, body: await response.json() };
    } catch (error) {
      return { error: String(error) };
    }
  };
</script></body></html>`;

const origins = [];
let browser;

function serve(origin) {
  const { hostname, port } = new URL(origin);
  const http = createServer((_, response) => response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(page));
  origins.push(http);
  return new Promise((resolve, reject) => http.once('error', reject).listen(Number(port), hostname, resolve));
}

before(async () => {
  assert.ok(key, 'DEV_JWT_KEY (the DevJwt signing key given to the server) is set');
  await Promise.all([serve(allowedOrigin), serve(otherOrigin)]);
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  await Promise.all(origins.map((http) => new Promise((resolve) => http.close(resolve))));
});

async function queryFrom(origin, name) {
  const tab = await browser.newPage();
  const console = [];
  tab.on('console', (message) => console.push(message.text()));
  await tab.goto(`${origin}/`);
  const token = devJwt({ key, audience: server, name, role: 'Procurement.Reader' });
  const result = await tab.evaluate(
    ([endpoint, bearer]) => window.runQuery(endpoint, bearer, '{ me { name roles isDevelopmentIdentity } suppliers(first: 1) { nodes { name } } }'),
    [`${server}/graphql`, token]);
  await tab.close();
  return { result, console };
}

test('a page on the allowed origin runs a query with its bearer token', async () => {
  const { result } = await queryFrom(allowedOrigin, 'Browser Test');

  assert.equal(result.error, undefined, JSON.stringify(result));
  assert.equal(result.status, 200);
  assert.equal(result.body.errors, undefined, JSON.stringify(result.body));
  assert.deepEqual(result.body.data.me, { name: 'Browser Test', roles: ['Procurement.Reader'], isDevelopmentIdentity: false });
  assert.equal(result.body.data.suppliers.nodes.length, 1);
});

test('a page on another origin is blocked by the browser', async () => {
  const { result, console } = await queryFrom(otherOrigin, 'Other Origin');

  assert.match(result.error ?? '', /TypeError: Failed to fetch/, JSON.stringify(result));
  assert.ok(console.some((line) => line.includes('blocked by CORS policy')), console.join('\n'));
});
