# Shared settings and helpers of bench/run.sh. Sourced, never run.
# Every setting can be overridden from the environment, e.g. `WINDOW=10 ROUNDS=5 bench/run.sh`.

bench_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
root="$(cd "$bench_dir/.." && pwd)"
lib_dir="$bench_dir/lib"
api_dir="$root/src/ProcurementGraph.Api"
api_dll="$api_dir/bin/Release/net10.0/ProcurementGraph.Api.dll"
host_project="$bench_dir/ProcurementGraph.Bench.Host"
host_dll="$host_project/bin/Release/net10.0/ProcurementGraph.Bench.Host.dll"
# Cold start is measured on the product as it is deployed: `dotnet publish -c Release -r <rid>` (ReadyToRun, see the Api project).
publish_dir="$bench_dir/.cache/publish"
published_dll="$publish_dir/ProcurementGraph.Api.dll"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

configure() {
  local mode="$1"
  PORT="${PORT:-5391}"            # the bench host
  COLD_PORT="${COLD_PORT:-5392}"  # the product server during cold-start measurements
  WRK_TIMEOUT="${WRK_TIMEOUT:-60}" # seconds; above the server's 30 s execution timeout, so the server's answer is what counts
  if [ "$mode" = smoke ]; then
    THREADS="${THREADS:-1}" CONCURRENCY="${CONCURRENCY:-1}"
    WARMUP="${WARMUP:-0}" WINDOW="${WINDOW:-1}" WINDOW_CAP="${WINDOW_CAP:-${WINDOW}}" ROUNDS="${ROUNDS:-1}"
    COLD_STARTS="${COLD_STARTS:-1}" VERIFY="${VERIFY:-5}" DEEP_POSITION="${DEEP_POSITION:-250}"
    SCORECARD_IDS="${SCORECARD_IDS:-20}" BI_PAGES="${BI_PAGES:-2}"
  else
    THREADS="${THREADS:-2}" CONCURRENCY="${CONCURRENCY:-8}"
    WARMUP="${WARMUP:-2}" WINDOW="${WINDOW:-5}" WINDOW_CAP="${WINDOW_CAP:-30}" ROUNDS="${ROUNDS:-3}"
    COLD_STARTS="${COLD_STARTS:-3}" VERIFY="${VERIFY:-5}" DEEP_POSITION="${DEEP_POSITION:-50000}"
  fi
  SCORECARD_IDS="${SCORECARD_IDS:-100}" BI_PAGES="${BI_PAGES:-20}"
  # Writes: submitRatings bodies of RATING_BATCH ratings (RATING_BODIES of them, rotated); updateContract over
  # CONTRACT_IDS contracts the bench owns (each wrk thread its share); BATCH_RUNS single submitRatings of BATCH_SIZE.
  RATING_BATCH="${RATING_BATCH:-100}" BATCH_SIZE="${BATCH_SIZE:-1000}"
  if [ "$mode" = smoke ]; then
    RATING_BODIES="${RATING_BODIES:-3}" CONTRACT_IDS="${CONTRACT_IDS:-40}" BATCH_RUNS="${BATCH_RUNS:-1}"
  else
    RATING_BODIES="${RATING_BODIES:-20}" CONTRACT_IDS="${CONTRACT_IDS:-200}" BATCH_RUNS="${BATCH_RUNS:-5}"
  fi
  [ "$CONTRACT_IDS" -ge $(( 2 * CONCURRENCY )) ] || fail "CONTRACT_IDS ($CONTRACT_IDS) must be at least 2 × CONCURRENCY ($CONCURRENCY): each connection needs rows of its own"
}

# apply_runtime_environment: exports the product's runtime environment (src/ProcurementGraph.Api/runtime.env), so the
# bench host and the cold-start server run as the product is deployed. A variable already set in the environment wins
# (to try another value: `DOTNET_GCgen0size=0x1000000 bench/run.sh`). Sets runtime_environment to what applies.
apply_runtime_environment() {
  local name value
  runtime_environment=""
  while IFS='=' read -r name value; do
    [[ "$name" =~ ^[A-Za-z_][A-Za-z0-9_]*$ ]] || continue
    if [ -z "${!name+set}" ]; then export "$name=$value"; fi
    runtime_environment+="${runtime_environment:+ }$name=${!name}"
  done <"$api_dir/runtime.env"
}

say() { printf '%s %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
fail() { printf 'bench: FAILED: %s\n' "$*" >&2; exit 1; }
now_ms() { echo $(( $(date +%s%N) / 1000000 )); }

# port_free PORT: fails when something already listens there.
port_free() {
  if (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; then
    fail "port $1 is in use; set another with PORT / COLD_PORT"
  fi
}

ensure_wrk() {
  if ! command -v wrk >/dev/null; then
    say "installing wrk (apt-get)"
    apt-get update -qq >/dev/null
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null
  fi
  command -v jq >/dev/null || fail "jq is required"
  command -v curl >/dev/null || fail "curl is required"
  command -v openssl >/dev/null || fail "openssl is required (the write scenarios' tokens)"
}

build_release() {
  say "build (Release): product and bench host"
  dotnet build "$host_project" -c Release --nologo -v quiet -p:TreatWarningsAsErrors=true >"$work/build.log" 2>&1 \
    || { tail -40 "$work/build.log"; fail "the Release build failed (src/ being edited? wait a minute and retry)"; }
  [ -f "$api_dll" ] || fail "missing $api_dll after the build"
  local rid; rid="linux-$(case "$(uname -m)" in aarch64|arm64) echo arm64 ;; *) echo x64 ;; esac)"
  say "publish (Release, $rid, ReadyToRun): the product server for the cold start"
  dotnet publish "$api_dir" -c Release -r "$rid" --self-contained false -o "$publish_dir" --nologo -v quiet \
    -p:TreatWarningsAsErrors=true >"$work/publish.log" 2>&1 || { tail -40 "$work/publish.log"; fail "the publish failed"; }
  [ -f "$published_dll" ] || fail "missing $published_dll after the publish"
  [ -f "$host_dll" ] || fail "missing $host_dll after the build"
  # The host must run with the product's runtime settings (GC mode, thread pool, ...): they live in each executable's
  # runtimeconfig.json, so a setting added to src/ProcurementGraph.Api's project must be mirrored in the host's.
  if ! diff <(jq -S '.runtimeOptions.configProperties' "${api_dll%.dll}.runtimeconfig.json") \
      <(jq -S '.runtimeOptions.configProperties' "${host_dll%.dll}.runtimeconfig.json") >"$work/runtimeconfig.diff"; then
    cat "$work/runtimeconfig.diff" >&2
    fail "the bench host's runtime settings differ from the product's: mirror them in $host_project/*.csproj"
  fi
}

# graph_post BODY_FILE [PORT]: POST a GraphQL request body to /graphql; prints the answer.
graph_post() {
  curl -sS --max-time 120 -H 'content-type: application/json' --data-binary @"$1" "http://127.0.0.1:${2:-$PORT}/graphql"
}

# graph_query QUERY VARIABLES_JSON [TOKEN]: a one-off GraphQL request (as the development identity, or with a bearer
# token); prints .data, fails on errors.
graph_query() {
  local answer auth=()
  if [ -n "${3:-}" ]; then auth=(-H "Authorization: Bearer $3"); fi
  answer=$(jq -nc --arg q "$1" --argjson v "$2" '{query: $q, variables: $v}' \
    | curl -sS --max-time 120 -H 'content-type: application/json' "${auth[@]}" --data-binary @- "http://127.0.0.1:$PORT/graphql")
  if ! jq -e '(.errors | not) and (.data != null)' <<<"$answer" >/dev/null 2>&1; then
    fail "query failed: $1 -> $(head -c 600 <<<"$answer")"
  fi
  jq -c '.data' <<<"$answer"
}

metrics() { curl -sS --max-time 10 "http://127.0.0.1:$PORT/bench/metrics"; }

# wait_idle: waits until the host has no request in flight (a window's aborted requests included), at most 60 s.
wait_idle() {
  local deadline=$(( $(now_ms) + 60000 ))
  while [ "$(metrics | jq '.inFlight')" != 0 ]; do
    [ "$(now_ms)" -lt "$deadline" ] || fail "the host still has requests in flight after 60 s"
    sleep 0.1
  done
}
