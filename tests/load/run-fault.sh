#!/usr/bin/env bash
# Fault: starts the Release build on 127.0.0.1 over a fresh copy of the demo database and runs tests/load/fault.mjs
# (60 s of mixed queries at 8 connections; the SQLite file is moved away for 10 s, then locked by a sqlite3 process for
# 15 s). The server runs with GraphQL:ExecutionTimeoutSeconds=5 and Pooling=False (with pooled connections an open
# SQLite connection keeps reading a moved file and keeps the WAL lock, so nothing outside could take the database away).
# Not run by CI. Usage: bash tests/load/run-fault.sh
source "$(dirname "$0")/lib.sh"
port="${PORT:-5782}"
data="$(mktemp -d)"
trap 'stop_server; rm -rf "$data"' EXIT

if ! command -v sqlite3 >/dev/null; then
  echo "== installing sqlite3 (Debian package)"
  apt-get update -qq && apt-get install -y -qq sqlite3 >/dev/null
fi
install_tools
build_server
db="$data/procurement.db"
start_server "$port" "$data" --Database:ConnectionString "Data Source=$db;Pooling=False" \
  --GraphQL:ExecutionTimeoutSeconds 5 --Health:DatabaseTimeoutSeconds 2
url="http://127.0.0.1:$port/graphql"
node "$load_dir/check-queries.mjs" "$url" >/dev/null

echo "== fault run (60 s)"
FAULT_TIMEOUT_SECONDS=5 node "$load_dir/fault.mjs" "$url" "$db"
