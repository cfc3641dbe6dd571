// Apollo Client 4 in Node against the running server: InMemoryCache with relayStylePagination on Query.suppliers,
// two fetchMore calls, one merged list — the same suppliers, in the same order, as one page of all of them.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ApolloClient, HttpLink, InMemoryCache } from '@apollo/client';
import { relayStylePagination } from '@apollo/client/utilities';
import { SUPPLIER_PAGES as SUPPLIERS } from './apollo/operations.mjs';

const endpoint = `${process.env.SERVER_URL ?? 'http://127.0.0.1:5085'}/graphql`;

function client() {
  return new ApolloClient({
    link: new HttpLink({ uri: endpoint, headers: { accept: 'application/graphql-response+json' } }),
    cache: new InMemoryCache({
      typePolicies: { Query: { fields: { suppliers: relayStylePagination(['where', 'order']) } } },
    }),
  });
}

test('Apollo pages suppliers twice with fetchMore into one merged list', { timeout: 30_000 }, async () => {
  const pageSize = 4;
  const apollo = client();
  const query = apollo.watchQuery({ query: SUPPLIERS, variables: { first: pageSize } });
  // What a component sees: the watched query's results, as the cache broadcasts them.
  const waiting = [];
  const subscription = query.subscribe({
    next(result) {
      for (const w of [...waiting]) {
        if (result.data?.suppliers?.edges?.length === w.length) {
          waiting.splice(waiting.indexOf(w), 1);
          w.resolve(result);
        }
      }
    },
    error(error) { for (const w of waiting.splice(0)) w.reject(error); },
  });
  const withEdges = (length) => new Promise((resolve, reject) => {
    const current = query.getCurrentResult();
    if (current.data?.suppliers?.edges?.length === length) resolve(current);
    else waiting.push({ length, resolve, reject });
  });
  try {
    await withEdges(pageSize);

    for (let page = 2; page <= 3; page++) {
      const { endCursor, hasNextPage } = query.getCurrentResult().data.suppliers.pageInfo;
      assert.ok(hasNextPage);
      const merging = withEdges(page * pageSize);
      const more = await query.fetchMore({ variables: { after: endCursor } });
      assert.equal(more.data.suppliers.edges.length, pageSize, `page ${page} has ${pageSize} edges`);
      await merging; // the watched list now holds every page so far
    }

    const merged = query.getCurrentResult().data.suppliers;
    const expected = await client().query({ query: SUPPLIERS, variables: { first: 3 * pageSize }, fetchPolicy: 'network-only' });
    assert.deepEqual(
      merged.edges.map((e) => e.node.id),
      expected.data.suppliers.edges.map((e) => e.node.id),
      'the merged list is the first three pages in order, without duplicates');
    assert.equal(new Set(merged.edges.map((e) => e.node.id)).size, 3 * pageSize);
    assert.equal(merged.pageInfo.endCursor, expected.data.suppliers.pageInfo.endCursor);
    assert.equal(merged.totalCount, expected.data.suppliers.totalCount);
    // Normalised: each supplier is one cache entry under its global ID.
    const cache = apollo.cache.extract();
    for (const edge of merged.edges) assert.equal(cache[`Supplier:${edge.node.id}`]?.name, edge.node.name);
  } finally {
    subscription.unsubscribe();
    apollo.stop();
  }
});
