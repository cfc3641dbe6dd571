# Load: wrk windows over the prepared bodies (lib/rotate.lua; lib/versioned.lua for updateContract), with the host's
# counters read before and after each window.
# Sourced by bench/run.sh; appends one JSON line per window to $work/windows.jsonl.

# run_window SCENARIO SIDE SECONDS ROUND PHASE
run_window() {
  local scenario="$1" side="$2" seconds="$3" round="$4" phase="$5" path before after out result script args
  if [ "$side" = graph ]; then path=/graphql; else path=$(raw_of "$scenario"); fi
  args=("$work/bodies/$scenario.$side" "$path" "$(authorization_of "$scenario")")
  script="$lib_dir/rotate.lua"
  wait_idle
  if [ "$scenario" = updateContract ]; then
    # Writes at a version: the rows' current versions (lib/writes.sh), each thread its own rows (lib/versioned.lua).
    refresh_versions
    script="$lib_dir/versioned.lua" args+=("$THREADS" "$(now_ms)")
  fi
  before=$(metrics)
  record_peak between
  out=$(wrk -t"$THREADS" -c"$CONCURRENCY" -d"${seconds}s" --timeout "${WRK_TIMEOUT}s" -s "$script" \
    "http://127.0.0.1:$PORT" -- "${args[@]}" 2>&1) || { echo "$out" >&2; fail "wrk failed"; }
  wait_idle
  record_peak "$scenario" "$side"
  after=$(metrics)
  result=$(grep '^RESULT ' <<<"$out" | sed 's/^RESULT //') || { echo "$out" >&2; fail "wrk printed no RESULT line"; }
  local line
  line=$(jq -nc --arg scenario "$scenario" --arg side "$side" --argjson seconds "$seconds" --argjson round "$round" --arg phase "$phase" \
    --arg result "$result" --argjson before "$before" --argjson after "$after" --argjson peak "$last_peak" '
    ($result | split(" ") | map(split("=") | {(.[0]): (.[1] | tonumber)}) | add) as $wrk
    | {scenario: $scenario, side: $side, seconds: $seconds, round: $round, phase: $phase} + $wrk
      + {serverRequests: ($after.requests - $before.requests),
         serverAborted: ($after.aborted - $before.aborted),
         sqlStatements: ($after.requestSqlStatements - $before.requestSqlStatements),
         allSqlStatements: ($after.sqlStatements - $before.sqlStatements),
         allocatedBytes: ($after.allocatedBytes - $before.allocatedBytes),
         allocationCounterDrops: ($after.allocationCounterDrops - $before.allocationCounterDrops),
         peakBytes: $peak}')
  echo "$line" >>"$work/windows.jsonl"
  say "$(jq -r '"\(.scenario) \(.side) \(.phase) \(.seconds) s: \(.requests) requests, p50 \(.p50_us / 1000) ms, p99 \(.p99_us / 1000) ms, \(.errors) errors, \(if .serverRequests > 0 then .sqlStatements / .serverRequests else 0 end) statements/request"' <<<"$line")"
}

# window_for SCENARIO: $WINDOW seconds, longer (up to $WINDOW_CAP) when one request alone takes long, so that every
# connection completes a few requests per window: 2.5 × single latency × concurrency / cores.
window_for() {
  local single cores
  single=$(facts | jq -r --arg s "$1" '.["single." + $s] // 0')
  cores=$(nproc)
  awk -v w="$WINDOW" -v cap="$WINDOW_CAP" -v l="$single" -v c="$CONCURRENCY" -v n="$cores" \
    'BEGIN { need = 2.5 * l * c / n; need = (need == int(need)) ? need : int(need) + 1; if (need > cap) need = cap; print (need > w ? need : w) }'
}

# run_scenario SCENARIO: warm-up, then $ROUNDS rounds; with a raw side the sides alternate (graph raw, raw graph, ...)
# so that drift and noise hit both.
run_scenario() {
  local scenario="$1" seconds
  seconds=$(window_for "$scenario")
  fact "window.$scenario" "$seconds"
  if [ "$WARMUP" != 0 ]; then
    run_window "$scenario" graph "$WARMUP" 0 warmup
    if raw_loaded "$scenario"; then run_window "$scenario" raw "$WARMUP" 0 warmup; fi
  fi
  local round
  for round in $(seq 1 "$ROUNDS"); do
    if raw_loaded "$scenario" && [ $((round % 2)) = 0 ]; then
      run_window "$scenario" raw "$seconds" "$round" measured
      run_window "$scenario" graph "$seconds" "$round" measured
    elif raw_loaded "$scenario"; then
      run_window "$scenario" graph "$seconds" "$round" measured
      run_window "$scenario" raw "$seconds" "$round" measured
    else
      run_window "$scenario" graph "$seconds" "$round" measured
    fi
  done
}
