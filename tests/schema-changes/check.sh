#!/usr/bin/env bash
# The breaking-change gate (CI): prints the schema the server builds (`schema export`, no database or server needed)
# and compares it with the release baseline schema/baseline.graphql with @graphql-inspector/cli. A breaking change
# fails unless docs/SCHEMA-CHANGES.md lists it with its reason (listed-changes-rule.mjs). Usage: check.sh [new-schema]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
(cd "$here" && npm ci --no-audit --no-fund --silent)
new="${1:-}"
if [ -z "$new" ]; then
  tmp="$(mktemp -d)"
  trap 'rm -rf "$tmp"' EXIT
  new="$tmp/schema.graphql"
  dotnet run --project "$root/src/ProcurementGraph.Api" --no-launch-profile -- schema export --output "$new" >/dev/null
fi
cd "$here"
node --test --test-reporter=dot gate.test.mjs   # the gate's own tests (small schemas)
npx --no-install graphql-inspector diff "$root/schema/baseline.graphql" "$new" --rule "$here/listed-changes-rule.mjs"
