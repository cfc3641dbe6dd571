#!/usr/bin/env bash
# Starts the server on 127.0.0.1 over a fresh embedded database (Development), waits for it, and runs the client
# tools front-end teams use against it: the schema from introspection, GraphQL Code Generator (typescript-operations)
# for the README's operations and `tsc --noEmit` over a small app using the types, Apollo Client 4 paging with
# relayStylePagination and fetchMore, relay-compiler and the operations it generates. Each failure fails the run.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
port="${CLIENTS_PORT:-5085}"
data="$(mktemp -d)"
log="$data/server.log"

(cd "$here" && npm ci --no-audit --no-fund --silent)

export SERVER_URL="http://127.0.0.1:$port"
dotnet run --project "$root/src/ProcurementGraph.Api" --no-launch-profile -- \
  --urls "$SERVER_URL" --environment Development --Database:DataDirectory "$data" >"$log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null || true; wait $server 2>/dev/null || true; rm -rf "$data"' EXIT

for _ in $(seq 1 120); do
  if curl -fs -o /dev/null -H 'content-type: application/json' -d '{"query":"{ __typename }"}' "$SERVER_URL/graphql"; then
    break
  fi
  if ! kill -0 $server 2>/dev/null; then
    cat "$log"; echo "server exited before answering"; exit 1
  fi
  sleep 1
done

cd "$here"
rm -rf .generated
echo "-- schema (introspection of the running server)"
node fetch-schema.mjs "$SERVER_URL/graphql" .generated/schema.graphql
echo "-- GraphQL Code Generator (typescript-operations) for the README's operations, then tsc --noEmit over app/"
npx --no-install graphql-codegen --config codegen.yml --silent
npx --no-install tsc -p tsconfig.json
echo "   types generated and the app compiles"
echo "-- Apollo Client 4 and relay-compiler"
node --test --test-concurrency=1 --test-reporter=spec apollo.test.mjs relay.test.mjs
