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

// The headers editor accepts JSON with comments: it shows how to pass a bearer token without sending one.
const defaultHeaders = `{
  // To call with a bearer token, remove the // of the
  // "Authorization" line and paste the token after "Bearer ".
  // In Development make one with (see the README):
  //   dotnet user-jwts create --scheme DevJwt --role Procurement.Reader -o token
  // "Authorization": "Bearer <token>"
}`;

const defaultQuery = `# GraphiQL for this endpoint. Type a query, then press Ctrl-Enter (or the run button).
# Pass a bearer token in the Headers tab below.
query Suppliers {
  suppliers(first: 5, order: [{ name: ASC }]) {
    totalCount
    nodes { id name country }
  }
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
