# Shared by run-load.sh and run-fault.sh: build the server once (Release), start it on 127.0.0.1 over a fresh copy of
# the demo database, wait until /health/ready answers 200, stop it on exit. Loopback only.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
load_dir="$root/tests/load"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

install_tools() {
  (cd "$load_dir" && npm ci --no-audit --no-fund --silent)
}

build_server() {
  if [ "${SKIP_BUILD:-0}" != "1" ]; then
    echo "== build (Release)"
    dotnet build "$root/src/ProcurementGraph.Api" -c Release --nologo -v quiet -p:TreatWarningsAsErrors=true >/dev/null
  fi
  server_dll="$root/src/ProcurementGraph.Api/bin/Release/net10.0/ProcurementGraph.Api.dll"
}

# start_server PORT DATA_DIR [extra server arguments...]: seeds the demo data into DATA_DIR on first start.
start_server() {
  local port="$1" data="$2"
  shift 2
  if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
    echo "port $port is in use; set another with the script's PORT variable"; exit 1
  fi
  server_log="$data/server.log"
  dotnet "$server_dll" --urls "http://127.0.0.1:$port" --environment Development --contentRoot "$root/src/ProcurementGraph.Api" \
    --Logging:LogLevel:Default Warning --Logging:LogLevel:Microsoft.AspNetCore Warning "$@" >"$server_log" 2>&1 &
  server_pid=$!
  for _ in $(seq 1 180); do
    if curl -fsS -o /dev/null "http://127.0.0.1:$port/health/ready"; then
      echo "server $server_pid ready on http://127.0.0.1:$port"
      return 0
    fi
    if ! kill -0 "$server_pid" 2>/dev/null; then
      cat "$server_log"; echo "server exited before it was ready"; exit 1
    fi
    sleep 1
  done
  echo "server not ready after 180 s"; exit 1
}

stop_server() {
  if [ -n "${server_pid:-}" ] && kill -0 "$server_pid" 2>/dev/null; then
    kill "$server_pid" 2>/dev/null || true
    wait "$server_pid" 2>/dev/null || true
  fi
}
