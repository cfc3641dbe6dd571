#!/usr/bin/env bash
# The two-replica test (issue 15): one redis-server and TWO server processes on two ports sharing one SQLite file and that
# Redis (Redis:ConnectionString), then the graphql-ws/HTTP client test against both. Replica A starts first and migrates and
# seeds the file; B starts once A answers, with migration and seeding off. Loopback only; everything is stopped on exit.
# Ports: REPLICA_A_PORT (5090), REPLICA_B_PORT (5091), REPLICAS_REDIS_PORT (5092).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
port_a="${REPLICA_A_PORT:-5090}"
port_b="${REPLICA_B_PORT:-5091}"
redis_port="${REPLICAS_REDIS_PORT:-5092}"
(cd "$here" && npm ci --no-audit --no-fund --silent)
bash "$here/../lib/ensure-redis.sh"

shared="$(mktemp -d)"
export REDIS_PID_FILE="$shared/redis.pid"
export REDIS_PORT="$redis_port"
export REDIS_ARGS="--port $redis_port --bind 127.0.0.1 --save '' --appendonly no"
redis-server --port "$redis_port" --bind 127.0.0.1 --save '' --appendonly no >"$shared/redis.log" 2>&1 &
echo $! >"$REDIS_PID_FILE"
# Stops the Redis the test left running (its pid is in the file: the test restarts it) and removes the shared folder.
dev_server_on_exit() {
  local pid
  pid="$(cat "$REDIS_PID_FILE" 2>/dev/null || true)"
  if [ -n "$pid" ]; then kill "$pid" 2>/dev/null || true; fi
  rm -rf "$shared"
}
for _ in $(seq 1 50); do
  if (exec 3<>"/dev/tcp/127.0.0.1/$redis_port") 2>/dev/null; then break; fi
  sleep 0.1
done

# shellcheck source=../lib/dev-server.sh
source "$here/../lib/dev-server.sh"
export DEV_SERVER_DATA="$shared" DEV_JWT_AUDIENCE="http://replicas.test"
limits=(--Redis:ConnectionString "127.0.0.1:$redis_port" --RateLimiting:PermitLimit 10 --RateLimiting:WindowSeconds 600 --RateLimiting:QueueLimit 0)
start_dev_server "$port_a" "${limits[@]}"
export REPLICA_A_URL="$SERVER_URL"
DEV_SERVER_NO_BUILD=1 start_dev_server "$port_b" "${limits[@]}" --Database:MigrateOnStart false --Database:SeedOnStart false
export REPLICA_B_URL="$SERVER_URL" RATE_LIMIT=10

cd "$here"
set +e
node --test --test-concurrency=1 --test-reporter=spec replicas.test.mjs
status=$?
set -e
if [ "$status" -ne 0 ]; then
  echo "--- replica A log"; tail -n 40 "$shared/server-$port_a.log"
  echo "--- replica B log"; tail -n 40 "$shared/server-$port_b.log"
fi
exit "$status"
