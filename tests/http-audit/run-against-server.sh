#!/usr/bin/env bash
# Starts the server on 127.0.0.1 over a fresh embedded database (tests/lib/dev-server.sh), runs the graphql-http audit
# (tests/http-audit/audit.mjs) against it, and stops it. Loopback only.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
# shellcheck source=../lib/dev-server.sh
source "$root/tests/lib/dev-server.sh"

(cd "$root/tests/http-audit" && npm ci --no-audit --no-fund --silent)

start_dev_server "${AUDIT_PORT:-5081}"
node "$root/tests/http-audit/audit.mjs" "$SERVER_URL/graphql"
