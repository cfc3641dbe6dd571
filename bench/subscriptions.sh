#!/usr/bin/env bash
# Subscription load on one replica (issue 15), loopback only, bounded in count and time.
#   bench/subscriptions.sh          1,000 graphql-ws subscribers, 100 ratings/s for 30 s (about 1.5 minutes);
#                                   writes bench/results/subscriptions.md
#   bench/subscriptions.sh --smoke  CI: 40 subscribers, 20 ratings/s for 3 s; fails on lost, duplicate or foreign
#                                   events and on errors (no latency target)
# Starts the product server (Release, Development, a fresh demo database, in-process event bus, a DevJwt key made for
# this run) on 127.0.0.1:SUBSCRIPTIONS_PORT (5394) and runs bench/subscriptions/load.mjs (Node 20, graphql-ws 6.4.2, ws)
# against it. Settings: SUBSCRIBERS, RATE, DURATION, BATCH, CONTRACT_RATE (see load.mjs); SKIP_BUILD=1 uses the last
# Release build. Fails when any event is lost, duplicated or foreign, or on any error; the latency target is reported only.
set -euo pipefail

mode=full
case "${1:-}" in
  "") ;;
  --smoke) mode=smoke ;;
  -h | --help) sed -n '2,10p' "$0"; exit 0 ;;
  *) echo "usage: bench/subscriptions.sh [--smoke]" >&2; exit 2 ;;
esac

source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"
apply_runtime_environment
port="${SUBSCRIPTIONS_PORT:-5394}"
port_free "$port"
if [ "$mode" = smoke ]; then
  export SUBSCRIBERS="${SUBSCRIBERS:-40}" RATE="${RATE:-20}" DURATION="${DURATION:-3}" SETTLE="${SETTLE:-1}" DRAIN="${DRAIN:-15}"
fi
export MODE="$mode"
work="$(mktemp -d "${TMPDIR:-/tmp}/pg-subscriptions.XXXXXX")"
server_pid=""
cleanup() {
  if [ -n "$server_pid" ] && kill -0 "$server_pid" 2>/dev/null; then kill "$server_pid"; wait "$server_pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

(cd "$bench_dir/subscriptions" && npm ci --no-audit --no-fund --silent)
if [ "${SKIP_BUILD:-0}" != 1 ]; then
  say "build (Release): the product server"
  dotnet build "$api_dir" -c Release --nologo -v quiet -p:TreatWarningsAsErrors=true >"$work/build.log" 2>&1 \
    || { tail -40 "$work/build.log"; fail "the Release build failed"; }
fi

# One caller is one user: every subscriber has a token of its own, so the per-caller connection limit
# (GraphQL:Subscriptions:MaxConnectionsPerCaller, 50) stays as deployed. Rate limiting stays on (4 raters, 10 requests/s).
DEV_JWT_KEY="$(openssl rand -base64 32)"
export DEV_JWT_KEY SERVER_URL="http://127.0.0.1:$port"
dotnet "$api_dll" --urls "$SERVER_URL" --environment Development --contentRoot "$api_dir" \
  --Database:DataDirectory "$work/data" --Logging:LogLevel:Default Warning \
  --Authentication:Schemes:DevJwt:ValidIssuer dotnet-user-jwts \
  --Authentication:Schemes:DevJwt:ValidAudiences:0 "$SERVER_URL" \
  --Authentication:Schemes:DevJwt:SigningKeys:0:Issuer dotnet-user-jwts \
  --Authentication:Schemes:DevJwt:SigningKeys:0:Value "$DEV_JWT_KEY" \
  --Authentication:Schemes:DevJwt:SigningKeys:0:Length 32 >"$work/server.log" 2>&1 &
server_pid=$!
deadline=$(( $(now_ms) + 120000 ))
until curl -fsS -o /dev/null --max-time 10 "$SERVER_URL/health/ready" 2>/dev/null; do
  kill -0 "$server_pid" 2>/dev/null || { tail -40 "$work/server.log" >&2; fail "the server exited before it was ready"; }
  [ "$(now_ms)" -lt "$deadline" ] || fail "the server was not ready after 120 s"
  sleep 0.2
done
say "server $server_pid ready on $SERVER_URL ($mode)"

export SERVER_PID="$server_pid" REPORT="$work/report.md"
set +e
node "$bench_dir/subscriptions/load.mjs"
status=$?
set -e
if [ "$mode" = full ] && [ -f "$work/report.md" ]; then
  mkdir -p "$bench_dir/results"
  cp "$work/report.md" "$bench_dir/results/subscriptions.md"
  say "report: bench/results/subscriptions.md"
fi
if grep -qE ' (error|fail)' "$work/server.log"; then
  say "server log (errors):"; grep -E ' (error|fail)' "$work/server.log" | head -20 >&2
fi
[ "$status" = 0 ] || fail "lost, duplicate or foreign events, or errors (see above)"
