#!/usr/bin/env bash
# Sourced by the Node test suites' run-against-server.sh: start_dev_server PORT [extra server arguments...] starts the
# server on 127.0.0.1:PORT (Development, a fresh embedded database, a DevJwt signing key made for this run), stops it and
# removes its data on exit, and returns once /health/ready answers. It exports SERVER_URL and DEV_JWT_KEY and sets dev_server_log
# and dev_server_pid. Loopback only.
#
# Several instances (replicas): call it once per port. A DEV_JWT_KEY already set is reused; DEV_JWT_AUDIENCE (default the
# instance's URL) is the token audience every instance accepts; DEV_SERVER_DATA names a data folder the caller owns (shared by
# the instances, not removed here); DEV_SERVER_NO_BUILD=1 runs without building. Every instance is stopped on exit;
# stop_dev_server PID stops one before that (e.g. to start it again with other settings).
dev_server_pids=()
dev_server_owned=()

_stop_dev_servers() {
  local pid folder
  for pid in "${dev_server_pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${dev_server_pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  for folder in "${dev_server_owned[@]}"; do rm -rf "$folder"; done
  if declare -F dev_server_on_exit >/dev/null; then dev_server_on_exit; fi
}

stop_dev_server() {
  local pid="$1" kept=() other
  kill "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  for other in "${dev_server_pids[@]}"; do
    if [ "$other" != "$pid" ]; then kept+=("$other"); fi
  done
  dev_server_pids=("${kept[@]}")
}

start_dev_server() {
  local port="$1"
  shift
  local root data url audience
  root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
  url="http://127.0.0.1:$port"
  if [ -n "${DEV_SERVER_DATA:-}" ]; then
    data="$DEV_SERVER_DATA"
    dev_server_log="$data/server-$port.log"
  else
    data="$(mktemp -d)"
    dev_server_owned+=("$data")
    dev_server_log="$data/server.log"
  fi
  if [ -z "${DEV_JWT_KEY:-}" ]; then
    DEV_JWT_KEY="$(node -e "process.stdout.write(require('node:crypto').randomBytes(32).toString('base64'))")"
  fi
  export DEV_JWT_KEY
  export SERVER_URL="$url"
  audience="${DEV_JWT_AUDIENCE:-$url}"
  local build=()
  if [ "${DEV_SERVER_NO_BUILD:-}" = "1" ]; then build=(--no-build); fi

  dotnet run --project "$root/src/ProcurementGraph.Api" --no-launch-profile "${build[@]}" -- \
    --urls "$url" --environment Development \
    --Database:DataDirectory "$data" \
    "$@" \
    --Authentication:Schemes:DevJwt:ValidIssuer dotnet-user-jwts \
    --Authentication:Schemes:DevJwt:ValidAudiences:0 "$audience" \
    --Authentication:Schemes:DevJwt:SigningKeys:0:Issuer dotnet-user-jwts \
    --Authentication:Schemes:DevJwt:SigningKeys:0:Value "$DEV_JWT_KEY" \
    --Authentication:Schemes:DevJwt:SigningKeys:0:Length 32 >"$dev_server_log" 2>&1 &
  dev_server_pid=$!
  dev_server_pids+=("$dev_server_pid")
  trap _stop_dev_servers EXIT

  for _ in $(seq 1 300); do
    if curl -fs -o /dev/null "$url/health/ready"; then # ready in every mode (trusted-documents-only refuses a text)
      return 0
    fi
    if ! kill -0 "$dev_server_pid" 2>/dev/null; then
      cat "$dev_server_log"; echo "server exited before answering"; exit 1
    fi
    sleep 1
  done
  cat "$dev_server_log"; echo "server on $url did not answer within 300 s"; exit 1
}
