// GraphiQL 5 for the GraphQL endpoint that serves this page. Bundled offline by build.mjs; no CDN.
import { createGraphiQLFetcher } from '@graphiql/toolkit';
import { GraphiQL } from 'graphiql';
import 'graphiql/style.css';
import './page.css';
import { createRoot } from 'react-dom/client';

// Monaco's workers are bundled beside this file (build.mjs); resolve them relative to it.
globalThis.MonacoEnvironment = {
  getWorker(_workerId, label) {
    const name = label === 'graphql' ? 'graphql' : label === 'json' ? 'json' : 'editor';
    return new Worker(new URL(`./${name}.worker.js`, import.meta.url));
  },
};

const root = document.getElementById('graphiql');
const endpoint = root.dataset.endpoint || window.location.pathname;

// The host may give the editors' first contents (data-default-query, data-default-headers); these are the fallbacks.
// The headers editor accepts JSON with comments: the hint shows how to pass a bearer token without sending one.
const defaultHeaders = root.dataset.defaultHeaders || `{
  // To call with a bearer token, remove the // of the
  // "Authorization" line and paste the token after "Bearer ".
  // "Authorization": "Bearer <token>"
}`;

const defaultQuery = root.dataset.defaultQuery || `# GraphiQL for this endpoint. Type a query, then press Ctrl-Enter (or the run button).
# Pass a bearer token in the Headers tab below.
{
  __typename
}
`;

const fetcher = createGraphiQLFetcher({ url: endpoint });

createRoot(root).render(
  <GraphiQL
    fetcher={fetcher}
    defaultHeaders={defaultHeaders}
    defaultQuery={defaultQuery}
    defaultEditorToolsVisibility="headers"
    isHeadersEditorEnabled
  />,
);
