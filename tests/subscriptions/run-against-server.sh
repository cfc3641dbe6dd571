#!/usr/bin/env bash
# Starts the server on 127.0.0.1 (Development, a fresh embedded database, a DevJwt signing key made for this run), waits
# for it, and runs the graphql-ws (graphql-transport-ws) and SSE client tests against it. Loopback only.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
port="${SUBSCRIPTIONS_PORT:-5086}"
data="$(mktemp -d)"
log="$data/server.log"

(cd "$here" && npm ci --no-audit --no-fund --silent)

key="$(node -e "process.stdout.write(require('node:crypto').randomBytes(32).toString('base64'))")"
export SERVER_URL="http://127.0.0.1:$port"
export DEV_JWT_KEY="$key"

dotnet run --project "$root/src/ProcurementGraph.Api" --no-launch-profile -- \
  --urls "$SERVER_URL" --environment Development \
  --Database:DataDirectory "$data" \
  --Authentication:Schemes:DevJwt:ValidIssuer dotnet-user-jwts \
  --Authentication:Schemes:DevJwt:ValidAudiences:0 "$SERVER_URL" \
  --Authentication:Schemes:DevJwt:SigningKeys:0:Issuer dotnet-user-jwts \
  --Authentication:Schemes:DevJwt:SigningKeys:0:Value "$key" \
  --Authentication:Schemes:DevJwt:SigningKeys:0:Length 32 >"$log" 2>&1 &
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
node --test --test-concurrency=1 --test-reporter=spec subscriptions.test.mjs
