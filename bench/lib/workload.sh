# The scenarios of docs/PERFORMANCE.md: their request bodies (prepared once against the running host) and
# their verification (every graph answer has data and no errors; where a raw endpoint exists, the graph answer equals the
# raw answer once both are normalised with `jq -S`). Sourced by bench/run.sh.

# The reads first, on the database as seeded; then the writes (lib/writes.sh).
scenarios=(supplierList deepPage supplierScorecard biExtract nodeLookup typename categoryTree valueGapByCategory contractsByCategoryQuarter submitRatings updateContract)
# SCENARIOS="supplierList categoryTree ...": only these (in the order above; supplierList is kept, the cold starts use its body).
if [ -n "${SCENARIOS:-}" ]; then
  only=" supplierList ${SCENARIOS} "
  for i in "${!scenarios[@]}"; do [[ "$only" == *" ${scenarios[$i]} "* ]] || unset 'scenarios[i]'; done
  scenarios=("${scenarios[@]}")
fi

# The GraphQL document of each scenario (bench/lib/queries/<name>.graphql).
query_of() { case "$1" in deepPage) echo supplierList ;; *) echo "$1" ;; esac; }

# The raw endpoint answering the same variables, if any (deepPage is verified against it, not loaded).
raw_of() {
  case "$1" in
    supplierList | deepPage) echo /raw/supplierList ;;
    supplierScorecard) echo /raw/supplierScorecard ;;
    biExtract) echo /raw/biExtract ;;
    nodeLookup) echo /raw/nodeLookup ;;
    typename) echo /raw/typename ;; # the minimal ASP.NET Core endpoint (no database, no GraphQL)
    contractsByCategoryQuarter) echo /raw/contractsByCategoryQuarter ;; # the SQL oracle: verified, not loaded
    submitRatings) echo /raw/submitRatings ;;
    updateContract) echo /raw/updateContract ;;
    *) echo "" ;;
  esac
}

# Whether the raw side is loaded too (the scenarios with a docs/PERFORMANCE.md ratio, and the writes).
raw_loaded() { case "$1" in supplierList | supplierScorecard | biExtract | nodeLookup | typename | submitRatings | updateContract) return 0 ;; *) return 1 ;; esac; }

# SQL statements a request may take: 1 per root field (lists and lookups alike), +1 when totalCount is selected; a
# single write at most 3 besides the audit insert (issue 13); a batch has no fixed figure (it grows with the batch).
# contractsByCategoryQuarter: the page of groups, +1 for the categories of the page (the object key `category`).
expected_statements() { case "$1" in supplierList | deepPage | valueGapByCategory | contractsByCategoryQuarter) echo 2 ;; updateContract) echo 4 ;; typename) echo 0 ;; submitRatings) echo "" ;; *) echo 1 ;; esac; }

# What a real answer of the scenario must hold besides data without errors.
answer_check() {
  case "$1" in
    supplierList | deepPage) echo '(.data.suppliers.nodes | length) > 0' ;;
    supplierScorecard) echo '.data.supplier != null and (.data.supplier.contracts.nodes | length) > 0' ;;
    biExtract) echo '(.data.contracts.nodes | length) > 0' ;;
    nodeLookup) echo '.data.node.id != null' ;;
    typename) echo '.data.__typename == "Query"' ;;
    categoryTree) echo '(.data.categories.nodes | length) > 0' ;;
    valueGapByCategory) echo '(.data.categoryPerformance.nodes | length) > 0' ;;
    contractsByCategoryQuarter) echo '(.data.contractsAggregate.nodes | length) > 0' ;;
  esac
}

# fact KEY JSON: records a figure for the report.
fact() { jq -nc --arg k "$1" --argjson v "$2" '{($k): $v}' >>"$work/facts.jsonl"; }
facts() { jq -s 'add // {}' "$work/facts.jsonl"; }

prepare_workload() {
  mkdir -p "$work/vars" "$work/bodies"
  say "workload: database counts"
  local counts suppliers
  counts=$(graph_query '{ suppliers { totalCount } contracts { totalCount } stakeholderRatings { totalCount } }' '{}')
  fact counts "$(jq -c '{suppliers: .suppliers.totalCount, contracts: .contracts.totalCount, ratings: .stakeholderRatings.totalCount}' <<<"$counts")"
  suppliers=$(jq '.suppliers.totalCount' <<<"$counts")

  say "workload: $SCORECARD_IDS suppliers with contracts, spread over the key range"
  local candidates ids
  candidates=$(jq -nc --argjson n "$suppliers" --argjson want "$((SCORECARD_IDS * 3 / 2))" \
    '[range(0; $want) | (1 + (. * $n / $want | floor))] | unique | map("Supplier:\(.)" | @base64)')
  ids=$(graph_query 'query($ids: [ID!]) { suppliers(first: 1000, where: { id: { in: $ids }, contracts: { any: true } }) { nodes { id } } }' \
    "{\"ids\": $candidates}" | jq -c --argjson max "$SCORECARD_IDS" '[.suppliers.nodes[].id][:$max]')
  [ "$(jq length <<<"$ids")" -gt 0 ] || fail "no supplier with contracts"
  fact scorecardIds "$(jq length <<<"$ids")"
  jq -c '.[] | {id: .}' <<<"$ids" >"$work/vars/supplierScorecard.jsonl"
  cp "$work/vars/supplierScorecard.jsonl" "$work/vars/nodeLookup.jsonl"

  local position=$(( DEEP_POSITION < suppliers ? DEEP_POSITION : suppliers - 1 ))
  say "workload: deepPage cursor after supplier #$position in (name, id) order"
  local after=null walked=0 size data
  while [ "$walked" -lt "$position" ]; do
    size=$(( position - walked < 1000 ? position - walked : 1000 ))
    data=$(graph_query 'query($after: String, $first: Int) { suppliers(first: $first, after: $after, order: [{ name: ASC }]) { pageInfo { endCursor } } }' \
      "{\"after\": $after, \"first\": $size}")
    after=$(jq -c '.suppliers.pageInfo.endCursor' <<<"$data")
    walked=$(( walked + size ))
  done
  fact deepPosition "$position"
  fact deepCursor "$after"
  fact deepCursorKey "$(jq -c '@base64d | fromjson' <<<"$after")"
  jq -nc --argjson a "$after" '{after: $a}' >"$work/vars/deepPage.jsonl"
  echo '{}' >"$work/vars/supplierList.jsonl"
  echo '{}' >"$work/vars/categoryTree.jsonl"
  echo '{}' >"$work/vars/typename.jsonl"

  # The CPO's question is about the latest quarter with ratings.
  local period
  period=$(graph_query '{ categoryPerformance(first: 1, order: [{ period: DESC }]) { nodes { period } } }' '{}' | jq -r '.categoryPerformance.nodes[0].period')
  [ -n "$period" ] && [ "$period" != null ] || fail "no rated quarter for valueGapByCategory"
  fact valueGapPeriod "\"$period\""
  jq -nc --arg p "$period" '{period: $p}' >"$work/vars/valueGapByCategory.jsonl"

  say "workload: biExtract cursors of the first $BI_PAGES pages"
  after=null
  : >"$work/vars/biExtract.jsonl"
  local page
  for page in $(seq 1 "$BI_PAGES"); do
    jq -nc --argjson a "$after" 'if $a == null then {} else {after: $a} end' >>"$work/vars/biExtract.jsonl"
    [ "$page" -lt "$BI_PAGES" ] || break
    data=$(graph_query 'query($after: String) { contracts(first: 1000, after: $after) { pageInfo { hasNextPage endCursor } } }' "{\"after\": $after}")
    [ "$(jq '.contracts.pageInfo.hasNextPage' <<<"$data")" = true ] || break
    after=$(jq -c '.contracts.pageInfo.endCursor' <<<"$data")
  done
  fact biPages "$(wc -l <"$work/vars/biExtract.jsonl")"

  say "workload: contractsByCategoryQuarter cursors of every page of groups (1,000 groups a page)"
  after=null
  : >"$work/vars/contractsByCategoryQuarter.jsonl"
  local groups=0
  while :; do
    jq -nc --argjson a "$after" 'if $a == null then {} else {after: $a} end' >>"$work/vars/contractsByCategoryQuarter.jsonl"
    data=$(graph_query 'query($after: String) { contractsAggregate(groupBy: [CATEGORY, START_QUARTER], first: 1000, after: $after) { nodes { count } pageInfo { hasNextPage endCursor } } }' "{\"after\": $after}")
    groups=$(( groups + $(jq '.contractsAggregate.nodes | length' <<<"$data") ))
    [ "$(jq '.contractsAggregate.pageInfo.hasNextPage' <<<"$data")" = true ] || break
    after=$(jq -c '.contractsAggregate.pageInfo.endCursor' <<<"$data")
  done
  fact quarterPages "$(wc -l <"$work/vars/contractsByCategoryQuarter.jsonl")"
  fact quarterGroups "$groups"

  local scenario raw
  for scenario in "${scenarios[@]}"; do
    if is_write "$scenario"; then continue; fi
    jq -c --rawfile q "$lib_dir/queries/$(query_of "$scenario").graphql" '{query: $q, variables: .}' \
      "$work/vars/$scenario.jsonl" >"$work/bodies/$scenario.graph"
    raw=$(raw_of "$scenario")
    if [ -n "$raw" ]; then cp "$work/vars/$scenario.jsonl" "$work/bodies/$scenario.raw"; fi
  done
  # The cold start answers supplierList's body: prepared even when SCENARIOS leaves the scenario out.
  if [ ! -f "$work/bodies/supplierList.graph" ]; then
    jq -c --rawfile q "$lib_dir/queries/supplierList.graphql" '{query: $q, variables: .}' "$work/vars/supplierList.jsonl" >"$work/bodies/supplierList.graph"
  fi
  prepare_writes
}

# verify_workload: the first $VERIFY bodies of every scenario, one at a time. Records each scenario's single-request
# latency (median, seconds) and, for the lists, the rows per page.
verify_workload() {
  mkdir -p "$work/verify"
  local scenario raw check n i line status seconds times rows
  for scenario in "${scenarios[@]}"; do
    if is_write "$scenario"; then continue; fi
    raw=$(raw_of "$scenario")
    check=$(answer_check "$scenario")
    n=$(wc -l <"$work/bodies/$scenario.graph")
    [ "$n" -le "$VERIFY" ] || n="$VERIFY"
    times=() rows=() raw_times=()
    for i in $(seq 1 "$n"); do
      line=$(sed -n "${i}p" "$work/bodies/$scenario.graph")
      read -r status seconds < <(curl -sS --max-time 120 -o "$work/verify/graph.json" -w '%{http_code} %{time_total}\n' \
        -H 'content-type: application/json' --data-binary "$line" "http://127.0.0.1:$PORT/graphql")
      [ "$status" = 200 ] || fail "$scenario #$i: HTTP $status from /graphql: $(head -c 600 "$work/verify/graph.json")"
      jq -e "(.errors | not) and (.data != null) and ($check)" "$work/verify/graph.json" >/dev/null \
        || fail "$scenario #$i: the graph answer has errors or no data: $(head -c 600 "$work/verify/graph.json")"
      times+=("$seconds")
      case "$scenario" in
        biExtract) rows+=("$(jq '.data.contracts.nodes | length' "$work/verify/graph.json")") ;;
        supplierList | deepPage) rows+=("$(jq '.data.suppliers.nodes | length' "$work/verify/graph.json")") ;;
      esac
      if [ -n "$raw" ]; then
        line=$(sed -n "${i}p" "$work/bodies/$scenario.raw")
        read -r status seconds < <(curl -sS --max-time 120 -o "$work/verify/raw.json" -w '%{http_code} %{time_total}\n' \
          -H 'content-type: application/json' --data-binary "$line" "http://127.0.0.1:$PORT$raw")
        raw_times+=("$seconds")
        [ "$status" = 200 ] || fail "$scenario #$i: HTTP $status from $raw: $(head -c 600 "$work/verify/raw.json")"
        if ! diff <(jq -S . "$work/verify/graph.json") <(jq -S . "$work/verify/raw.json") >"$work/verify/diff.txt"; then
          head -40 "$work/verify/diff.txt" >&2
          fail "$scenario #$i: the graph answer differs from the raw answer ($raw, body $line)"
        fi
      fi
    done
    # The first body once more, warm: a scenario with one body would otherwise time only its first (JIT-compiling) run.
    times+=("$(curl -sS --max-time 120 -o /dev/null -w '%{time_total}' -H 'content-type: application/json' \
      --data-binary "$(sed -n 1p "$work/bodies/$scenario.graph")" "http://127.0.0.1:$PORT/graphql")")
    if [ -n "$raw" ]; then
      raw_times+=("$(curl -sS --max-time 120 -o /dev/null -w '%{time_total}' -H 'content-type: application/json' \
        --data-binary "$(sed -n 1p "$work/bodies/$scenario.raw")" "http://127.0.0.1:$PORT$raw")")
      fact "singleRaw.$scenario" "$(printf '%s\n' "${raw_times[@]}" | sort -g | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }')"
    fi
    fact "verified.$scenario" "$n"
    fact "single.$scenario" "$(printf '%s\n' "${times[@]}" | sort -g | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }')"
    if [ "${#rows[@]}" -gt 0 ]; then
      fact "rows.$scenario" "$(printf '%s\n' "${rows[@]}" | awk '{ s += $1 } END { print s / NR }')"
    fi
    if [ "$scenario" = valueGapByCategory ]; then verify_value_gap; fi
    say "verified $scenario: $n bodies$([ -n "$raw" ] && echo ", graph == raw")$([ "$scenario" = valueGapByCategory ] && echo ", figures == the raw SQL oracle")"
  done
  verify_writes
}

# verify_value_gap: the valueGapByCategory answer (the last verified one) against lib/valueGapOracle.sql, which computes the
# same figures from the base tables with sqlite3 on the run's database: the same categories in the same order, the same
# counts, scores and shares to 1e-9 (relative), savings to the cent.
verify_value_gap() {
  command -v sqlite3 >/dev/null || fail "sqlite3 is required (the valueGapByCategory oracle)"
  local period year q previous first last month oracle
  period=$(jq -r '.period' "$work/vars/valueGapByCategory.jsonl")
  year=${period:0:4} q=${period:6:1}
  if [ "$q" = 1 ]; then previous="$((year - 1))-Q4"; else previous="$year-Q$((q - 1))"; fi
  month=$(printf '%02d' $(( (q - 1) * 3 + 1 )))
  first="$year-$month-01"
  last=$(date -u -d "$first +3 months -1 day" +%F)
  oracle=$(sqlite3 -json -readonly "$data/procurement.db" \
    ".parameter set @period \"'$period'\"" ".parameter set @previous \"'$previous'\"" ".parameter set @first \"'$first'\"" ".parameter set @last \"'$last'\"" \
    ".read $lib_dir/valueGapOracle.sql")
  jq -e --argjson oracle "${oracle:-[]}" '
    def close($a; $b; $tol): if $a == null or $b == null then $a == $b else (($a - $b) | fabs) <= $tol * ([1, ($a | fabs)] | max) end;
    .data.categoryPerformance.nodes as $nodes
    | ($nodes | length) == ($oracle | length) and ($nodes | length) > 0
      and ([range(0; $nodes | length) | . as $i | $nodes[$i] as $n | $oracle[$i] as $o
            | $n.category.code == $o.code and $n.ratingCount == $o.ratingCount
              and close($n.valueWeightedScore; $o.score; 1e-9) and close($n.scoreTrend; $o.trend; 1e-9)
              and close($n.annualSavings; $o.savings; 1e-12) and close($n.savingsPercent; $o.percent; 1e-9) and close($n.valueGap; $o.gap; 1e-9)]
           | all)' "$work/verify/graph.json" >/dev/null \
    || fail "valueGapByCategory: the answer differs from the raw SQL oracle: $(head -c 600 "$work/verify/graph.json") vs $(head -c 600 <<<"$oracle")"
  fact valueGapOracleRows "$(jq length <<<"$oracle")"
}
