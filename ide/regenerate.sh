#!/usr/bin/env bash
# Rebuilds GraphiQL's bundle into src/ProcurementGraph.Toolkit/Ide/Assets from the committed lock file.
# Run after changing ide/package.json (then `npm install` to update the lock file) or ide/src; commit the result.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
cd "$here"
npm ci --no-audit --no-fund --silent
node build.mjs
echo "GraphiQL bundle rebuilt in src/ProcurementGraph.Toolkit/Ide/Assets; commit it."
