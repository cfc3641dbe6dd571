#!/usr/bin/env bash
# Starts the server on 127.0.0.1 over a fresh embedded database, waits for it, runs the
# graphql-http audit (tests/http-audit/audit.mjs) against it, and stops it. Loopback only.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
port="${AUDIT_PORT:-5081}"
data="$(mktemp -d)"
log="$data/server.log"

(cd "$root/tests/http-audit" && npm ci --no-audit --no-fund --silent)

dotnet run --project "$root/src/ProcurementGraph.Api" --no-launch-profile -- \
  --urls "http://127.0.0.1:$port" --environment Development \
  --Database:DataDirectory "$data" >"$log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null || true; wait $server 2>/dev/null || true; rm -rf "$data"' EXIT

for _ in $(seq 1 120); do
  if curl -fsS -o /dev/null -H 'content-type: application/json' \
      -d '{"query":"{ __typename }"}' "http://127.0.0.1:$port/graphql"; then
    break
  fi
  if ! kill -0 $server 2>/dev/null; then
    cat "$log"; echo "server exited before answering"; exit 1
  fi
  sleep 1
done

node "$root/tests/http-audit/audit.mjs" "http://127.0.0.1:$port/graphql"
