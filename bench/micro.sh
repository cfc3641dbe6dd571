#!/usr/bin/env bash
# Micro-benchmarks of the querying toolkit (BenchmarkDotNet, bench/ProcurementGraph.Bench.Micro), built and run in Release.
#
#   bench/micro.sh             full run (about 5 minutes on 2 cores): each benchmark in its own process, 3 warm-up and
#                              10 measured iterations; BenchmarkDotNet's GitHub-markdown reports are copied to
#                              bench/results/micro/<Class>.md and joined into bench/results/micro/summary.md
#   bench/micro.sh --smoke     CI: every benchmark once, in-process (Dry job), results thrown away; exits non-zero when a
#                              benchmark or its set-up throws (well under a minute after the build)
#   bench/micro.sh [--smoke] <BenchmarkDotNet arguments>, e.g. --filter '*Cursor*' (then only those reports are replaced)
set -euo pipefail
cd "$(dirname "$0")/.."

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

project=bench/ProcurementGraph.Bench.Micro
results=bench/results/micro
smoke=false
args=()
for arg in "$@"; do
  case "$arg" in
    --smoke) smoke=true ;;
    *) args+=("$arg") ;;
  esac
done

filtered=false
for arg in "${args[@]+"${args[@]}"}"; do
  case "$arg" in --filter|-f|--filter=*) filtered=true ;; esac
done
if [ "$filtered" = false ]; then
  args=(--filter '*' "${args[@]+"${args[@]}"}")
fi

echo "== build ($project, Release)"
dotnet build "$project" -c Release -p:TreatWarningsAsErrors=true --nologo -v quiet
runner=(dotnet "$project/bin/Release/net10.0/ProcurementGraph.Bench.Micro.dll")

if [ "$smoke" = true ]; then
  artifacts="$(mktemp -d)"
  trap 'rm -rf "$artifacts"' EXIT
  echo "== smoke: every benchmark once, in-process"
  start=$SECONDS
  "${runner[@]}" --job Dry --inProcess --artifacts "$artifacts" "${args[@]}" > "$artifacts/run.log" 2>&1 || {
    status=$?
    tail -n 80 "$artifacts/run.log"
    grep -E '^BENCHMARK FAILED' "$artifacts/run.log" || true
    echo "micro-benchmark smoke FAILED (exit $status)"
    exit "$status"
  }
  executed=$(grep -oE 'Global total time: .*executed benchmarks: [0-9]+' "$artifacts/run.log" | grep -oE '[0-9]+$' || echo 0)
  echo "micro-benchmark smoke: $executed benchmarks ran without errors in $((SECONDS - start)) s"
  exit 0
fi

# Full run: BenchmarkDotNet's working files stay under the ignored bench/.cache/.
artifacts=bench/.cache/micro
rm -rf "$artifacts"
mkdir -p "$artifacts" "$results"
echo "== full run (artifacts in $artifacts, reports to $results)"
status=0
"${runner[@]}" --launchCount 1 --warmupCount 3 --iterationCount 10 --artifacts "$artifacts" "${args[@]}" || status=$?

shopt -s nullglob
reports=("$artifacts"/results/*-report-github.md)
if [ "${#reports[@]}" -gt 0 ] && [ "$filtered" = false ]; then
  rm -f "$results"/*.md
fi
for report in "${reports[@]}"; do
  name="$(basename "$report" -report-github.md)"
  cp "$report" "$results/${name##*.}.md"
done

{
  echo "# Micro-benchmarks"
  echo
  echo "Written by \`bench/micro.sh\` (BenchmarkDotNet, Release, 1 launch, 3 warm-up and 10 measured iterations per benchmark)"
  echo "on $(date -u +%Y-%m-%d) at commit $(git rev-parse --short HEAD 2>/dev/null || echo unknown)$(git diff --quiet HEAD -- src 2>/dev/null || echo ' with uncommitted changes in src/')."
  echo "Each benchmark class's own report (with its environment block) is beside this file."
  for report in "$results"/*.md; do
    [ "$(basename "$report")" = summary.md ] && continue
    echo
    echo "## $(basename "$report" .md)"
    echo
    # The table only: BenchmarkDotNet's report is the environment block, then the table.
    sed -n '/^| /,$p' "$report"
  done
} > "$results/summary.md.tmp"
mv "$results/summary.md.tmp" "$results/summary.md"

if [ "$status" -ne 0 ]; then
  echo "micro-benchmarks FAILED (exit $status)"
fi
exit "$status"
