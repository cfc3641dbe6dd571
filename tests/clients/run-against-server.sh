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
# shellcheck source=../lib/dev-server.sh
source "$root/tests/lib/dev-server.sh"
port="${CLIENTS_PORT:-5085}"
DEV_SERVER_DATA="$(mktemp -d)" # both starts use one data folder, removed on exit
export DEV_SERVER_DATA
dev_server_on_exit() { rm -rf "$DEV_SERVER_DATA"; }

(cd "$here" && npm ci --no-audit --no-fund --silent)

start_dev_server "$port"

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
stop_dev_server "$dev_server_pid"
DEV_SERVER_NO_BUILD=1 start_dev_server "$port" --GraphQL:TrustedDocuments:Path "$here/.generated/trusted" --GraphQL:TrustedDocuments:OnlyTrusted true
node --test --test-concurrency=1 --test-reporter=spec trusted-only.test.mjs
