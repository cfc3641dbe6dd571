# Starting and stopping the bench host and the product server (cold start). Sourced by bench/run.sh.

host_pid=""
cold_pid=""

# start_host DATA_DIR: the bench host (product + raw baseline + metrics) on 127.0.0.1:$PORT, ready when /health/ready is 200.
# It accepts DevJwt tokens signed with this run's key (lib/tokens.sh): the write scenarios' rater and editor.
start_host() {
  local data="$1" jwt
  port_free "$PORT"
  host_log="$work/host.log"
  mapfile -t jwt < <(dev_jwt_settings)
  dotnet "$host_dll" --urls "http://127.0.0.1:$PORT" --environment Development --contentRoot "$api_dir" \
    --Database:DataDirectory "$data" --RateLimiting:Enabled false \
    --Logging:LogLevel:Default Warning --Logging:LogLevel:Microsoft.AspNetCore Warning "${jwt[@]}" >"$host_log" 2>&1 &
  host_pid=$!
  local deadline=$(( $(now_ms) + 180000 ))
  until curl -fsS -o /dev/null --max-time 10 "http://127.0.0.1:$PORT/health/ready" 2>/dev/null; do
    if ! kill -0 "$host_pid" 2>/dev/null; then
      tail -40 "$host_log" >&2; fail "the bench host exited before it was ready"
    fi
    [ "$(now_ms)" -lt "$deadline" ] || fail "the bench host was not ready after 180 s"
    sleep 0.2
  done
  say "bench host $host_pid ready on http://127.0.0.1:$PORT"
  # Writing 5 to clear_refs resets VmHWM to the current RSS: then each segment of the run gets its own peak.
  if echo 5 2>/dev/null >"/proc/$host_pid/clear_refs"; then peak_resets=true; else peak_resets=false; fi
  : >"$work/peaks.jsonl"
}

# record_peak LABEL [SIDE]: appends the host's peak resident set (VmHWM) since the previous call to peaks.jsonl (in
# last_peak too) and resets it. The peak of the whole run is the highest of them. Without resets (clear_refs refused)
# every figure is the peak since the start.
record_peak() {
  local kb
  kb=$(awk '/^VmHWM:/ { print $2 }' "/proc/$host_pid/status")
  last_peak=$(( kb * 1024 ))
  if [ "$peak_resets" = true ]; then echo 5 >"/proc/$host_pid/clear_refs"; fi
  jq -nc --arg step "$1" --arg side "${2:-}" --argjson bytes "$last_peak" '{step: $step, side: $side, bytes: $bytes}' \
    >>"$work/peaks.jsonl"
}

stop_pid() {
  local pid="$1"
  if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then
    kill "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
  fi
}

stop_host() { stop_pid "$host_pid"; host_pid=""; }

stop_all() {
  stop_pid "$cold_pid"
  stop_pid "$host_pid"
}

# cold_start_once DATA_DIR BODY_FILE: starts the product server itself (src/ProcurementGraph.Api, published: Release, ReadyToRun) on the existing
# database, polls BODY_FILE every 20 ms and sets two figures in milliseconds from spawning the process: cold_open_ms until
# the first answer of any kind (the port is open), cold_answer_ms until the first successful answer (HTTP 200, data, no
# errors). Stops the server. Runs in the calling shell (not in $(...)), so the exit trap can stop the server.
cold_start_once() {
  local data="$1" body="$2" started polled code elapsed listening=""
  port_free "$COLD_PORT"
  started=$(now_ms)
  dotnet "$published_dll" --urls "http://127.0.0.1:$COLD_PORT" --environment Development --contentRoot "$api_dir" \
    --Database:DataDirectory "$data" --Logging:LogLevel:Default Warning >"$work/cold.log" 2>&1 &
  cold_pid=$!
  while :; do
    polled=$(now_ms)
    code=$(curl -s --max-time 30 -o "$work/cold.json" -w '%{http_code}' -H 'content-type: application/json' \
      --data-binary @"$body" "http://127.0.0.1:$COLD_PORT/graphql" 2>/dev/null) || true
    if [ "$code" != 000 ] && [ -z "$listening" ]; then listening=$(( polled - started )); fi
    if [ "$code" = 200 ] && jq -e '(.errors | not) and .data != null' "$work/cold.json" >/dev/null 2>&1; then
      break
    fi
    if ! kill -0 "$cold_pid" 2>/dev/null; then
      tail -40 "$work/cold.log" >&2; fail "the product server exited during the cold start"
    fi
    elapsed=$(( $(now_ms) - started ))
    [ "$elapsed" -lt 120000 ] || fail "the product server did not answer within 120 s"
    sleep 0.02
  done
  cold_answer_ms=$(( $(now_ms) - started ))
  cold_open_ms="$listening"
  stop_pid "$cold_pid"; cold_pid=""
}
