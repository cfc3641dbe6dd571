#!/usr/bin/env bash
# The load benchmark of docs/PERFORMANCE.md, in one command.
#
#   bench/run.sh           the `large` database (seeded once into bench/.cache/large, copied for each run: the writes change
#                          it), wrk -t2 -c8, graph and raw side by side, reads then writes; writes bench/results/latest.md.
#                          About 8-10 minutes on 2 cores (seeding excluded).
#   bench/run.sh --smoke   seconds, for CI: a fresh demo database, 1 connection, ~1 s per scenario, the same verification;
#                          prints its report (written to a temporary file) and fails on any error.
#
# Settings (environment): PORT, COLD_PORT, THREADS, CONCURRENCY, WARMUP, WINDOW, WINDOW_CAP, ROUNDS, COLD_STARTS,
# VERIFY, DEEP_POSITION, SCORECARD_IDS, BI_PAGES, RATING_BATCH, RATING_BODIES, CONTRACT_IDS, BATCH_SIZE, BATCH_RUNS,
# SKIP_BUILD=1, SCENARIOS="categoryTree ..." (a subset; its report goes to bench/.cache/partial.md). See bench/README.md.
set -euo pipefail

mode=full
case "${1:-}" in
  "") ;;
  --smoke) mode=smoke ;;
  -h | --help) sed -n '2,13p' "$0"; exit 0 ;;
  *) echo "usage: bench/run.sh [--smoke]" >&2; exit 2 ;;
esac

source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"
source "$lib_dir/servers.sh"
source "$lib_dir/tokens.sh"
source "$lib_dir/workload.sh"
source "$lib_dir/writes.sh"
source "$lib_dir/measure.sh"
configure "$mode"
apply_runtime_environment

work="$(mktemp -d "${TMPDIR:-/tmp}/pg-bench.XXXXXX")"
cleanup() {
  stop_all
  if [ "${KEEP_WORK:-0}" != 1 ]; then rm -rf "$work"; fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM
: >"$work/facts.jsonl"
: >"$work/windows.jsonl"
started_ms=$(now_ms)
started=$(date -u +'%Y-%m-%d %H:%M UTC')
load_start=$(cut -d' ' -f1-3 /proc/loadavg)
say "bench ($mode), work files in $work"

ensure_wrk
if [ "${SKIP_BUILD:-0}" != 1 ]; then build_release; fi

# The database: large, seeded once and cached (a stamp marks a finished seed), and copied for this run: the write
# scenarios change it, and the next run (and every read scenario) must start from the seed as it was. Smoke: a fresh
# demo database.
if [ "$mode" = full ]; then
  seed="$bench_dir/.cache/large"
  if [ ! -f "$seed/.seeded" ] || [ ! -f "$seed/procurement.db" ]; then
    say "seeding the large database into $seed (once; about a minute)"
    mkdir -p "$seed"
    rm -f "$seed"/procurement.db*
    Database__DataDirectory="$seed" dotnet "$api_dll" seed --size large --reset --contentRoot "$api_dir" >"$work/seed.log" 2>&1 \
      || { tail -20 "$work/seed.log"; fail "seeding failed"; }
    touch "$seed/.seeded"
  fi
  data="$work/data"
  mkdir -p "$data"
  say "copying the seed into $data (the run's own database)"
  cp "$seed"/procurement.db* "$data"/
  database="bench/.cache/large/procurement.db"
else
  data="$work/data"
  mkdir -p "$data"
  database="a fresh demo database (seeded by the first start)"
fi

new_signing_key
start_host "$data"
record_peak start
prepare_workload
verify_workload
record_peak prepare

for scenario in "${scenarios[@]}"; do
  # The single large batch after the reads (its allocations must not raise the reads' memory figures), before the writes.
  if is_write "$scenario" && [ "${batch_measured:-}" != 1 ]; then
    wait_idle
    record_peak between
    measure_batch
    record_peak batch
    batch_measured=1
  fi
  run_scenario "$scenario"
done

record_peak end
fact ratingsAtEnd "$(ratings_count)"
fact endWorkingSet "$(metrics | jq '.workingSet')"
fact peakResets "$peak_resets"
fact peaks "$(jq -sc . "$work/peaks.jsonl")"
stop_host

# Cold start of the product server itself on the same database (the host is stopped: nothing else runs).
cold=() listening=()
for i in $(seq 1 "$COLD_STARTS"); do
  cold_start_once "$data" "$work/bodies/supplierList.graph"
  cold+=("$cold_answer_ms") listening+=("$cold_open_ms")
  say "cold start $i: first answer after $cold_answer_ms ms (port open after $cold_open_ms ms)"
done
fact coldStarts "$(printf '%s\n' "${cold[@]}" | jq -sc .)"
fact coldListening "$(printf '%s\n' "${listening[@]}" | jq -sc .)"

# The report.
commit=$(git -C "$root" rev-parse --short HEAD 2>/dev/null || echo unknown)
dirty=false
if [ -n "$(git -C "$root" status --porcelain -- src 2>/dev/null)" ]; then dirty=true; fi
machine=$(jq -n \
  --arg mode "$mode" --arg started "$started" --arg took "$(( ($(now_ms) - started_ms) / 1000 ))" \
  --arg commit "$commit" --argjson dirty "$dirty" \
  --arg cpu "$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')" \
  --arg cores "$(nproc) (of $(grep -c ^processor /proc/cpuinfo) online)" \
  --arg memory "$(awk '/MemTotal/ { printf "%.1f GiB", $2 / 1048576 }' /proc/meminfo)" \
  --arg os "$( (. /etc/os-release && echo "$PRETTY_NAME") ), kernel $(uname -r)" \
  --arg sdk "$(dotnet --version)" \
  --arg runtime "$(dotnet --list-runtimes | awk '/Microsoft.AspNetCore.App 10\./ { v = $2 } END { print "Microsoft.AspNetCore.App " v }')" \
  --arg wrk "$(wrk -v 2>&1 | head -1 | cut -d' ' -f1-2)" \
  --arg loadStart "$load_start" --arg loadEnd "$(cut -d' ' -f1-3 /proc/loadavg)" \
  --arg database "$database" \
  --arg runtimeEnvironment "$runtime_environment" \
  --argjson threads "$THREADS" --argjson concurrency "$CONCURRENCY" --argjson wrkTimeout "$WRK_TIMEOUT" \
  --argjson warmup "$WARMUP" --argjson rounds "$ROUNDS" --argjson window "$WINDOW" --argjson windowCap "$WINDOW_CAP" \
  --argjson verify "$VERIFY" \
  '$ARGS.named')
changes=""
if [ -f "$bench_dir/results/changes.md" ]; then changes=$(cat "$bench_dir/results/changes.md"); fi
report_args=(-nr --slurpfile windows "$work/windows.jsonl" --argjson facts "$(facts)" --argjson machine "$machine" --arg changes "$changes")

if [ "$mode" = full ] && [ -n "${SCENARIOS:-}" ]; then
  report="$bench_dir/.cache/partial.md" # a partial run never replaces results/latest.md
elif [ "$mode" = full ]; then
  report="$bench_dir/results/latest.md"
  mkdir -p "$(dirname "$report")"
else
  report="$work/smoke.md"
fi
jq "${report_args[@]}" --argjson targetsOnly false -f "$lib_dir/report.jq" >"$report"

if [ "$mode" = smoke ]; then
  cat "$report"
  errors=$(jq -s 'map(.errors) | add // 0' "$work/windows.jsonl")
  [ "$errors" = 0 ] || fail "$errors requests failed under load (see the tables above)"
  zero=$(jq -rs 'map(select(.phase == "measured" and .requests == 0) | "\(.scenario)/\(.side)") | join(", ")' "$work/windows.jsonl")
  [ -z "$zero" ] || fail "no request completed in: $zero"
  say "smoke passed in $(( ($(now_ms) - started_ms) / 1000 )) s"
else
  say "report: $report"
  tail -1 "$report"
fi
