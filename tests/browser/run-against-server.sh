#!/usr/bin/env bash
# Starts the server on 127.0.0.1 (Development, a fresh embedded database, CORS allowing one page origin, a DevJwt
# signing key made for this run), waits for it, and runs the headless-Chromium tests (*.test.mjs) against it:
# GraphiQL at /graphql and CORS from two other loopback origins. Loopback only; each failure fails the run.
# Screenshots go to tests/browser/artifacts/ (ARTIFACTS_DIR).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
port="${BROWSER_API_PORT:-5082}"
allowed_port="${BROWSER_ALLOWED_ORIGIN_PORT:-5083}"
other_port="${BROWSER_OTHER_ORIGIN_PORT:-5084}"
bash "$here/ensure-chromium.sh"
(cd "$here" && npm ci --no-audit --no-fund --silent)
export ALLOWED_ORIGIN="http://127.0.0.1:$allowed_port"
export OTHER_ORIGIN="http://127.0.0.1:$other_port"

# shellcheck source=../lib/dev-server.sh
source "$here/../lib/dev-server.sh"
start_dev_server "$port" --Cors:AllowedOrigins:0 "$ALLOWED_ORIGIN"

cd "$here"
if ! node --test --test-concurrency=1 --test-reporter=spec *.test.mjs; then
  echo "--- server log"; tail -n 50 "$dev_server_log"; exit 1
fi
