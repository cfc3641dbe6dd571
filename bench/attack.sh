#!/usr/bin/env bash
# The attack benchmark: documents built to cost CPU before execution (one selection repeated, thousands of fragments,
# fragment bombs, long literal lists, ...) at sizes up to the 1 MB body limit, sent to the product server (Release build,
# demo database), with the CPU each costs the server, its resident set and /health/ready.
#
#   bench/attack.sh           writes bench/results/attack.md; fails when a document costs > 100 ms of CPU, the resident
#                             set grows > 50 MB, /health/ready fails or an answer is a 5xx. About a minute.
#   bench/attack.sh --smoke   for CI: fewer sizes, one send each; fails on a 5xx or an unhealthy server only.
# Settings (environment): ATTACK_PORT (5393), SKIP_BUILD=1.
set -euo pipefail

mode=full
case "${1:-}" in
  "") ;;
  --smoke) mode=smoke ;;
  -h | --help) sed -n '2,10p' "$0"; exit 0 ;;
  *) echo "usage: bench/attack.sh [--smoke]" >&2; exit 2 ;;
esac

source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"
apply_runtime_environment
port="${ATTACK_PORT:-5393}"
port_free "$port"
work="$(mktemp -d "${TMPDIR:-/tmp}/pg-attack.XXXXXX")"
server_pid=""
cleanup() {
  if [ -n "$server_pid" ] && kill -0 "$server_pid" 2>/dev/null; then kill "$server_pid"; wait "$server_pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

if [ "${SKIP_BUILD:-0}" != 1 ]; then
  say "build (Release): the product server"
  dotnet build "$api_dir" -c Release --nologo -v quiet -p:TreatWarningsAsErrors=true >"$work/build.log" 2>&1 \
    || { tail -40 "$work/build.log"; fail "the Release build failed"; }
fi

dotnet "$api_dll" --urls "http://127.0.0.1:$port" --environment Development --contentRoot "$api_dir" \
  --Database:DataDirectory "$work/data" --RateLimiting:Enabled false --Logging:LogLevel:Default Warning >"$work/server.log" 2>&1 &
server_pid=$!
deadline=$(( $(now_ms) + 120000 ))
until curl -fsS -o /dev/null --max-time 10 "http://127.0.0.1:$port/health/ready" 2>/dev/null; do
  kill -0 "$server_pid" 2>/dev/null || { tail -40 "$work/server.log" >&2; fail "the server exited before it was ready"; }
  [ "$(now_ms)" -lt "$deadline" ] || fail "the server was not ready after 120 s"
  sleep 0.2
done
say "server $server_pid ready on http://127.0.0.1:$port"

args=("$port" "$server_pid")
if [ "$mode" = smoke ]; then args+=(--smoke); fi
set +e
node "$bench_dir/attack/attack.mjs" "${args[@]}" >"$work/report.md"
status=$?
set -e
if [ "$mode" = full ]; then
  mkdir -p "$bench_dir/results"
  cp "$work/report.md" "$bench_dir/results/attack.md"
  say "report: bench/results/attack.md"
fi
cat "$work/report.md"
[ "$status" = 0 ] || fail "attack targets missed (see above)"
