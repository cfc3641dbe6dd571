#!/usr/bin/env bash
# Sourced by the Node test suites' run-against-server.sh: start_dev_server PORT [extra server arguments...] starts the
# server on 127.0.0.1:PORT (Development, a fresh embedded database, a DevJwt signing key made for this run), stops it and
# removes its data on exit, and returns once it answers. It exports SERVER_URL and DEV_JWT_KEY and sets dev_server_log.
# Loopback only.
start_dev_server() {
  local port="$1"
  shift
  local root
  root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
  dev_server_data="$(mktemp -d)"
  dev_server_log="$dev_server_data/server.log"
  DEV_JWT_KEY="$(node -e "process.stdout.write(require('node:crypto').randomBytes(32).toString('base64'))")"
  export DEV_JWT_KEY
  export SERVER_URL="http://127.0.0.1:$port"

  dotnet run --project "$root/src/ProcurementGraph.Api" --no-launch-profile -- \
    --urls "$SERVER_URL" --environment Development \
    --Database:DataDirectory "$dev_server_data" \
    "$@" \
    --Authentication:Schemes:DevJwt:ValidIssuer dotnet-user-jwts \
    --Authentication:Schemes:DevJwt:ValidAudiences:0 "$SERVER_URL" \
    --Authentication:Schemes:DevJwt:SigningKeys:0:Issuer dotnet-user-jwts \
    --Authentication:Schemes:DevJwt:SigningKeys:0:Value "$DEV_JWT_KEY" \
    --Authentication:Schemes:DevJwt:SigningKeys:0:Length 32 >"$dev_server_log" 2>&1 &
  dev_server_pid=$!
  trap 'kill $dev_server_pid 2>/dev/null || true; wait $dev_server_pid 2>/dev/null || true; rm -rf "$dev_server_data"' EXIT

  for _ in $(seq 1 120); do
    if curl -fs -o /dev/null -H 'content-type: application/json' -d '{"query":"{ __typename }"}' "$SERVER_URL/graphql"; then
      return 0
    fi
    if ! kill -0 "$dev_server_pid" 2>/dev/null; then
      cat "$dev_server_log"; echo "server exited before answering"; exit 1
    fi
    sleep 1
  done
}
