#!/usr/bin/env bash
# Starts the server on 127.0.0.1 over a fresh embedded database (Development), waits for it, and runs the client
# tools front-end teams use against it: the schema from introspection, GraphQL Code Generator (typescript-operations)
# for the README's operations and `tsc --noEmit` over a small app using the types, Apollo Client 4 paging with
# relayStylePagination and fetchMore, relay-compiler and the operations it generates, Apollo's persisted-query link
# against automatic persisted queries. Then Apollo's generate-persisted-query-manifest and relay-compiler's
# persistConfig write the app's persisted operations, the server starts again over them in trusted-documents-only
# mode, and Apollo's and Relay's clients run them by id (anything else refused). Each failure fails the run.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
port="${CLIENTS_PORT:-5085}"
data="$(mktemp -d)"
server=""
starts=0

(cd "$here" && npm ci --no-audit --no-fund --silent)

export SERVER_URL="http://127.0.0.1:$port"

# start_server [SETTING VALUE]...: the server on $SERVER_URL over $data with these extra settings, once it is ready.
# The first start builds; later ones run what it built.
start_server() {
  starts=$((starts + 1))
  local log="$data/server-$starts.log" build=()
  if [ "$starts" -gt 1 ]; then build=(--no-build); fi
  dotnet run "${build[@]}" --project "$root/src/ProcurementGraph.Api" --no-launch-profile -- \
    --urls "$SERVER_URL" --environment Development --Database:DataDirectory "$data" "$@" >"$log" 2>&1 &
  server=$!
  for _ in $(seq 1 120); do
    if curl -fs -o /dev/null "$SERVER_URL/health/ready"; then
      return 0
    fi
    if ! kill -0 "$server" 2>/dev/null; then
      cat "$log"; echo "server exited before answering"; exit 1
    fi
    sleep 1
  done
  cat "$log"; echo "server not ready after 120 s"; exit 1
}

stop_server() {
  if [ -n "$server" ]; then
    kill "$server" 2>/dev/null || true
    wait "$server" 2>/dev/null || true
    server=""
  fi
}
trap 'stop_server; rm -rf "$data"' EXIT

start_server

cd "$here"
rm -rf .generated
echo "-- schema (introspection of the running server)"
node fetch-schema.mjs "$SERVER_URL/graphql" .generated/schema.graphql
echo "-- GraphQL Code Generator (typescript-operations) for the README's operations, then tsc --noEmit over app/"
npx --no-install graphql-codegen --config codegen.yml --silent
npx --no-install tsc -p tsconfig.json
echo "   types generated and the app compiles"
echo "-- persisted operations: Apollo's generate-persisted-query-manifest (the README's operations and apollo/), relay-compiler's persistConfig (relay/)"
mkdir -p .generated/trusted .generated/relay-persisted
echo '{}' >.generated/trusted/persisted_queries.json # relay-compiler adds to this file and wants it to exist
npx --no-install generate-persisted-query-manifest --config persisted-query-manifest.config.json
npx --no-install relay-compiler relay.persisted.config.json
echo "-- Apollo Client 4, relay-compiler, Apollo's persisted-query link against automatic persisted queries"
node --test --test-concurrency=1 --test-reporter=spec apollo.test.mjs relay.test.mjs apq.test.mjs

echo "-- trusted documents only, from the manifests the tools wrote: Apollo's and Relay's clients by id"
stop_server
start_server --GraphQL:TrustedDocuments:Path "$here/.generated/trusted" --GraphQL:TrustedDocuments:OnlyTrusted true
node --test --test-concurrency=1 --test-reporter=spec trusted-only.test.mjs
