// Bundles GraphiQL (src/main.jsx) and Monaco's workers with esbuild into a folder (default: the toolkit's
// Ide/Assets, which is committed and served by the app). The build is deterministic: the same lock file gives
// the same bytes, which verify.sh checks. Usage: node build.mjs [outdir]
import { build } from 'esbuild';
import { rmSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const outdir = resolve(process.argv[2] ?? resolve(here, '../src/ProcurementGraph.Toolkit/Ide/Assets'));
rmSync(outdir, { recursive: true, force: true });

const common = {
  absWorkingDir: here,
  bundle: true,
  minify: true,
  outdir,
  target: 'es2022',
  charset: 'utf8',
  legalComments: 'none',
  logLevel: 'warning',
  define: { 'process.env.NODE_ENV': '"production"' },
};

await build({
  ...common,
  entryPoints: { graphiql: 'src/main.jsx' },
  format: 'esm',
  jsx: 'automatic',
  loader: { '.ttf': 'file', '.woff': 'file', '.woff2': 'file', '.svg': 'dataurl' },
  assetNames: '[name]-[hash]',
});

await build({
  ...common,
  entryPoints: {
    'editor.worker': 'src/editor.worker.js',
    'json.worker': 'src/json.worker.js',
    'graphql.worker': 'src/graphql.worker.js',
  },
  format: 'iife',
});
