#!/usr/bin/env bash
# Load: 60 s (LOAD_SECONDS) of mixed realistic queries at LOAD_CONNECTIONS (16) concurrent connections with autocannon,
# against the Release build on 127.0.0.1 over a fresh demo database, with the default limits (rate limiting on).
# Prints p50/p99 and fails unless there were 0 errors. Not run by CI. Usage: bash tests/load/run-load.sh
source "$(dirname "$0")/lib.sh"
port="${PORT:-5781}"
data="$(mktemp -d)"
trap 'stop_server; rm -rf "$data"' EXIT

install_tools
build_server
start_server "$port" "$data" --Database:DataDirectory "$data"
url="http://127.0.0.1:$port/graphql"

echo "== queries answer without errors"
node "$load_dir/check-queries.mjs" "$url"
echo "== warm-up (10 s, not measured)"
LOAD_SECONDS=10 node "$load_dir/load.mjs" "$url" >/dev/null
echo "== load"
node "$load_dir/load.mjs" "$url"
