#!/usr/bin/env bash
# CI: proves the committed GraphiQL bundle is what the committed lock file builds. Installs from
# ide/package-lock.json (npm ci), builds into a temporary folder and compares it byte for byte with
# src/ProcurementGraph.Toolkit/Ide/Assets. The build is deterministic (esbuild, no timestamps, content-hashed
# asset names), so any difference means the bundle or the sources changed without a rebuild.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
committed="$here/../src/ProcurementGraph.Toolkit/Ide/Assets"
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
cd "$here"
npm ci --no-audit --no-fund --silent
node build.mjs "$out"
if ! diff -r "$committed" "$out" >/dev/null; then
  diff -rq "$committed" "$out" || true
  echo "The committed GraphiQL bundle differs from what ide/package-lock.json builds: run bash ide/regenerate.sh and commit." >&2
  exit 1
fi
echo "GraphiQL bundle: the committed files are what the lock file builds ($(ls "$committed" | wc -l) files)."
