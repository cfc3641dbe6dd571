#!/usr/bin/env bash
# Starts the server on 127.0.0.1 (Development, a fresh embedded database, a DevJwt signing key made for this run), waits
# for it, and runs the graphql-ws (graphql-transport-ws) and SSE client tests against it. Loopback only.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
port="${SUBSCRIPTIONS_PORT:-5086}"
(cd "$here" && npm ci --no-audit --no-fund --silent)

# shellcheck source=../lib/dev-server.sh
source "$here/../lib/dev-server.sh"
start_dev_server "$port"

cd "$here"
node --test --test-concurrency=1 --test-reporter=spec subscriptions.test.mjs
