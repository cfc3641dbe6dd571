// GraphiQL at GET /graphql in a real browser: the page loads from the server alone, a query typed into the editor
// runs, and the result pane shows the supplier names the API returns for it. Saves a screenshot.
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { launchChromium, watch } from './chromium.mjs';

const server = process.env.SERVER_URL ?? 'http://127.0.0.1:5082';
const artifacts = process.env.ARTIFACTS_DIR ?? join(import.meta.dirname, 'artifacts');
const query = 'query FirstSuppliers { suppliers(first: 3, order: [{ name: DESC }]) { nodes { name country } } }';

async function namesFromTheApi() {
  const response = await fetch(`${server}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json' },
    body: JSON.stringify({ query }),
  });
  assert.equal(response.status, 200);
  const body = await response.json();
  assert.equal(body.errors, undefined);
  return body.data.suppliers.nodes.map((n) => n.name);
}

/** The text Monaco renders for an editor (its visible lines), with its non-breaking spaces as spaces. */
async function editorText(locator) {
  return (await locator.locator('.view-lines').innerText()).replace(/\u00a0/g, ' ');
}

test('GraphiQL loads offline, runs a typed query and shows a supplier in the result pane', async () => {
  const names = await namesFromTheApi();
  assert.equal(names.length, 3);

  mkdirSync(artifacts, { recursive: true });
  const browser = await launchChromium();
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  const problems = watch(page, [new URL(server).origin]);
  try {

    const response = await page.goto(`${server}/graphql`);
    assert.equal(response.status(), 200);
    assert.match(response.headers()['content-type'], /^text\/html/);

    const operations = page.locator('.graphiql-query-editor .monaco-editor');
    await operations.waitFor({ timeout: 30_000 });
    // The headers editor shows how to pass a bearer token (it is open by default).
    const headers = page.locator('.graphiql-editor-tool .monaco-editor[data-uri*="headers"]');
    await headers.waitFor();
    const hint = await editorText(headers);
    assert.match(hint, /\/\/ "Authorization": "Bearer <token>"/);
    assert.match(hint, /dotnet user-jwts create --scheme DevJwt/);

    // Type the query into the operations editor, replacing the default one. Monaco closes brackets itself
    // and types over its own closing ones, so the typed text ends up as written.
    await operations.click();
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.press('Delete');
    await page.keyboard.type(query, { delay: 5 });
    await page.keyboard.press('Escape'); // close a completion list, if one is open
    assert.equal((await editorText(operations)).trim(), query);

    // GraphiQL reads the operation's name a moment after the typing (the tab is named after it); run once it has.
    await page.locator('.graphiql-tab', { hasText: 'FirstSuppliers' }).waitFor();
    await page.locator('.graphiql-execute-button').click();
    const result = page.locator('.graphiql-response');
    await result.getByText(names[0]).waitFor({ timeout: 30_000 });
    const shown = await editorText(result);
    for (const name of names) assert.ok(shown.includes(JSON.stringify(name)), `result pane shows ${name}:\n${shown}`);
    assert.ok(!shown.includes('"errors"'), shown);

    await page.screenshot({ path: join(artifacts, 'graphiql.png') });
    assert.deepEqual(problems, []);
  } catch (error) {
    await page.screenshot({ path: join(artifacts, 'graphiql-failed.png') }).catch(() => {});
    error.message += `\nbrowser problems: ${JSON.stringify(problems, null, 2)}\nscreenshot: ${join(artifacts, 'graphiql-failed.png')}`;
    throw error;
  } finally {
    await browser.close();
  }
});
