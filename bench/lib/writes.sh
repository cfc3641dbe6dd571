# The write scenarios (issue 13): their tokens, request bodies, verification, and the single large submitRatings.
#   submitRatings   batches of $RATING_BATCH new ratings, as a rater of one business unit (a DevJwt token with the
#                   Stakeholder.Rater role and a business_unit claim), rotating over $RATING_BODIES bodies. Ratings have
#                   no uniqueness rule (a unit may rate a supplier again, e.g. for another period), so bodies can repeat.
#   updateContract  the title of one of $CONTRACT_IDS contracts the bench owns, at its current version, as an editor.
#                   Each wrk thread owns its share of the contracts and reads the next version from each answer
#                   (lib/versioned.lua); before every window the versions are read again, so every request is a valid
#                   write, not a conflict.
# The run works on its own copy of the database (bench/run.sh), so the writes never reach the cached seed.
# Sourced by bench/run.sh, after lib/workload.sh.

is_write() { case "$1" in submitRatings | updateContract) return 0 ;; *) return 1 ;; esac; }

# The Authorization header value a scenario sends; empty for the reads (the development identity answers them).
authorization_of() {
  case "$1" in
    submitRatings) echo "Bearer $rater_token" ;;
    updateContract) echo "Bearer $editor_token" ;;
    *) echo "" ;;
  esac
}

# post_as TOKEN PATH BODY_FILE OUT_FILE: POSTs a body with the token; prints "<status> <seconds>".
post_as() {
  curl -sS --max-time 120 -o "$4" -w '%{http_code} %{time_total}\n' -H 'content-type: application/json' \
    -H "Authorization: Bearer $1" --data-binary @"$3" "http://127.0.0.1:$PORT$2"
}

median_of() { sort -g | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }

prepare_writes() {
  say "workload: writes: a rater of one business unit and an editor (DevJwt tokens signed with this run's key)"
  local unit
  unit=$(graph_query '{ businessUnits(first: 1) { nodes { code } } }' '{}' | jq -r '.businessUnits.nodes[0].code // empty')
  [ -n "$unit" ] || fail "no business unit to rate for"
  rater_token=$(mint_token "Bench Rater" Stakeholder.Rater "$(jq -nc --arg u "$unit" '{business_unit: $u, email: "bench.rater@example.com"}')")
  editor_token=$(mint_token "Bench Editor" Procurement.Editor)
  fact raterUnit "$(jq -n --arg u "$unit" '$u')"

  # What the ratings rate: contracts spread over the key range, each with its supplier and category.
  local contracts want ids chunk
  contracts=$(facts | jq '.counts.contracts')
  want=$(( RATING_BODIES * RATING_BATCH > BATCH_SIZE ? RATING_BODIES * RATING_BATCH : BATCH_SIZE ))
  [ "$want" -le "$contracts" ] || want="$contracts"
  say "workload: submitRatings over $want contracts (supplier, contract, category) spread over the key range"
  ids=$(jq -nc --argjson n "$contracts" --argjson want "$want" \
    '[range(0; $want) | (1 + (. * $n / $want | floor))] | unique | map("Contract:\(.)" | @base64)')
  : >"$work/vars/ratingPool.jsonl"
  for chunk in $(seq 0 500 $(( $(jq length <<<"$ids") - 1 ))); do # a `where` holds at most 1,000 values
    graph_query 'query($ids: [ID!]) { contracts(first: 500, where: { id: { in: $ids } }) { nodes { id supplier { id } category { id } } } }' \
      "$(jq -c --argjson from "$chunk" '{ids: .[$from:$from + 500]}' <<<"$ids")" \
      | jq -c '.contracts.nodes[] | {contractId: .id, supplierId: .supplier.id, categoryId: .category.id}' >>"$work/vars/ratingPool.jsonl"
  done
  fact ratingPool "$(wc -l <"$work/vars/ratingPool.jsonl")"
  [ "$(wc -l <"$work/vars/ratingPool.jsonl")" -gt 0 ] || fail "no contracts to rate"

  # Item g of the rotation: a pool entry, a quarter and scores that vary with g.
  local items='def item($g): $pool[$g % ($pool | length)] as $p
    | $p + {period: "2026-Q\($g % 4 + 1)", quality: ($g % 5 + 1), delivery: (($g / 5 | floor) % 5 + 1),
            responsiveness: (($g + 2) % 5 + 1), innovation: (($g / 3 | floor) % 5 + 1), costValue: (($g / 7 | floor) % 5 + 1),
            overall: (($g * 3 + 1) % 5 + 1)};'
  jq -nc --slurpfile pool "$work/vars/ratingPool.jsonl" --argjson bodies "$RATING_BODIES" --argjson batch "$RATING_BATCH" \
    "$items"' range(0; $bodies) as $b | {input: {ratings: [range(0; $batch) | item($b * $batch + .)]}}' \
    >"$work/vars/submitRatings.jsonl"
  jq -nc --slurpfile pool "$work/vars/ratingPool.jsonl" --argjson runs "$BATCH_RUNS" --argjson size "$BATCH_SIZE" \
    "$items"' range(0; $runs) as $r | {input: {ratings: [range(0; $size) | item($r * $size + . + 7)]}}' \
    >"$work/vars/batch.jsonl"
  jq -c --rawfile q "$lib_dir/queries/submitRatings.graphql" '{query: $q, variables: .}' "$work/vars/submitRatings.jsonl" \
    >"$work/bodies/submitRatings.graph"
  cp "$work/vars/submitRatings.jsonl" "$work/bodies/submitRatings.raw"
  fact ratingBatch "$RATING_BATCH"
  fact ratingBodies "$RATING_BODIES"

  # The contracts the bench updates: spread over the key range, id / version / template lines (lib/versioned.lua).
  say "workload: updateContract over $CONTRACT_IDS contracts the bench owns"
  ids=$(jq -nc --argjson n "$contracts" --argjson want "$CONTRACT_IDS" \
    '[range(0; $want) | (1 + ((. + 0.5) * $n / $want | floor))] | unique | map("Contract:\(.)" | @base64)')
  local owned
  owned=$(graph_query 'query($ids: [ID!], $first: Int) { contracts(first: $first, where: { id: { in: $ids } }) { nodes { id version } } }' \
    "$(jq -c '{ids: ., first: length}' <<<"$ids")")
  [ "$(jq '.contracts.nodes | length' <<<"$owned")" -ge $(( 2 * CONCURRENCY )) ] || fail "too few contracts to own: $owned"
  jq -r --rawfile q "$lib_dir/queries/updateContract.graphql" '.contracts.nodes[]
    | "\(.id)\t\(.version)\t\({query: $q, variables: {input: {id: .id, expectedVersion: "@version@", title: "@title@"}}} | tojson)"' \
    <<<"$owned" >"$work/bodies/updateContract.graph"
  jq -r '.contracts.nodes[] | "\(.id)\t\(.version)\t\({input: {id: .id, expectedVersion: "@version@", title: "@title@"}} | tojson)"' \
    <<<"$owned" >"$work/bodies/updateContract.raw"
  fact contractIds "$(jq '.contracts.nodes | length' <<<"$owned")"
}

# refresh_versions: the current version of every contract the bench owns, into both body files (before each window: a
# request cut off at the end of the previous window may have written after wrk stopped reading).
refresh_versions() {
  local ids versions side file
  ids=$(cut -f1 "$work/bodies/updateContract.graph" | jq -R . | jq -sc .)
  versions=$(graph_query 'query($ids: [ID!], $first: Int) { contracts(first: $first, where: { id: { in: $ids } }) { nodes { id version } } }' \
    "$(jq -c '{ids: ., first: length}' <<<"$ids")" | jq -c '[.contracts.nodes[] | {(.id): .version}] | add')
  for side in graph raw; do
    file="$work/bodies/updateContract.$side"
    jq -Rr --argjson v "$versions" 'split("\t") | "\(.[0])\t\($v[.[0]] // error("no version for \(.[0])"))\t\(.[2:] | join("\t"))"' \
      "$file" >"$file.new"
    mv "$file.new" "$file"
  done
}

# The answer checks of the write scenarios and what must match between graph and raw once ids, versions and the new
# titles are set aside.
write_check() {
  case "$1" in
    submitRatings) echo "(.errors | not) and .data.submitRatings.errors == null and (.data.submitRatings.stakeholderRatings | length) == $2 and all(.data.submitRatings.stakeholderRatings[]; .id != null and .version != null)" ;;
    updateContract) echo "(.errors | not) and .data.updateContract.errors == null and .data.updateContract.contract.title == \"$2\" and .data.updateContract.contract.version != \"$3\"" ;;
  esac
}
write_shape='walk(if type == "object" and has("version") then .id = "" | .version = "" | (if has("title") then .title = "" else . end) else . end)'

ratings_count() { graph_query '{ stakeholderRatings { totalCount } }' '{}' | jq '.stakeholderRatings.totalCount'; }

# verify_writes: the first $VERIFY bodies of each write scenario, graph then raw; records the single-request latencies.
verify_writes() {
  mkdir -p "$work/verify"
  local n i status seconds times raw_times before after line id version template title
  # submitRatings: every answer has the batch's ratings; both sides wrote them (the count grew by both).
  n=$(wc -l <"$work/bodies/submitRatings.graph")
  [ "$n" -le "$VERIFY" ] || n="$VERIFY"
  times=() raw_times=()
  before=$(ratings_count)
  for i in $(seq 1 "$n") 1; do
    sed -n "${i}p" "$work/bodies/submitRatings.graph" >"$work/verify/body.json"
    read -r status seconds < <(post_as "$rater_token" /graphql "$work/verify/body.json" "$work/verify/graph.json")
    [ "$status" = 200 ] || fail "submitRatings #$i: HTTP $status from /graphql: $(head -c 600 "$work/verify/graph.json")"
    jq -e "$(write_check submitRatings "$RATING_BATCH")" "$work/verify/graph.json" >/dev/null \
      || fail "submitRatings #$i: the graph answer has errors or not $RATING_BATCH ratings: $(head -c 600 "$work/verify/graph.json")"
    times+=("$seconds")
    sed -n "${i}p" "$work/bodies/submitRatings.raw" >"$work/verify/body.json"
    read -r status seconds < <(post_as "$rater_token" /raw/submitRatings "$work/verify/body.json" "$work/verify/raw.json")
    [ "$status" = 200 ] || fail "submitRatings #$i: HTTP $status from /raw/submitRatings: $(head -c 600 "$work/verify/raw.json")"
    raw_times+=("$seconds")
    if ! diff <(jq -S "$write_shape" "$work/verify/graph.json") <(jq -S "$write_shape" "$work/verify/raw.json") >"$work/verify/diff.txt"; then
      head -40 "$work/verify/diff.txt" >&2
      fail "submitRatings #$i: the graph answer differs from the raw answer in shape"
    fi
  done
  after=$(ratings_count)
  [ "$after" = $(( before + 2 * (n + 1) * RATING_BATCH )) ] \
    || fail "submitRatings: $(( after - before )) ratings written by $(( 2 * (n + 1) )) batches of $RATING_BATCH"
  fact "verified.submitRatings" "$n"
  fact "single.submitRatings" "$(printf '%s\n' "${times[@]}" | median_of)"
  fact "singleRaw.submitRatings" "$(printf '%s\n' "${raw_times[@]}" | median_of)"
  say "verified submitRatings: $n bodies, graph and raw alike, $(( after - before )) ratings written"

  # updateContract: each side's write is the stored row (title and version as the graph reads them back).
  n=$(wc -l <"$work/bodies/updateContract.graph")
  [ "$n" -le "$VERIFY" ] || n="$VERIFY"
  times=() raw_times=()
  local side path stored out
  for i in $(seq 1 "$n") 1; do
    for side in graph raw; do
      refresh_versions
      IFS=$'\t' read -r id version template < <(sed -n "${i}p" "$work/bodies/updateContract.$side")
      title="Bench verification $side $i $(now_ms)"
      jq -c --arg v "$version" --arg t "$title" 'walk(if . == "@version@" then $v elif . == "@title@" then $t else . end)' \
        <<<"$template" >"$work/verify/body.json"
      if [ "$side" = graph ]; then path=/graphql; else path=/raw/updateContract; fi
      out="$work/verify/$side.json"
      read -r status seconds < <(post_as "$editor_token" "$path" "$work/verify/body.json" "$out")
      [ "$status" = 200 ] || fail "updateContract #$i: HTTP $status from $path: $(head -c 600 "$out")"
      jq -e "$(write_check updateContract "$title" "$version")" "$out" >/dev/null \
        || fail "updateContract #$i: the $side answer is not the write: $(head -c 600 "$out")"
      stored=$(graph_query 'query($id: ID!) { node(id: $id) { ... on Contract { id version title } } }' "$(jq -nc --arg id "$id" '{id: $id}')")
      [ "$(jq -c '.node' <<<"$stored")" = "$(jq -c '.data.updateContract.contract' "$out")" ] \
        || fail "updateContract #$i: the $side answer $(jq -c '.data.updateContract.contract' "$out") is not the stored row $stored"
      if [ "$side" = graph ]; then times+=("$seconds"); else raw_times+=("$seconds"); fi
    done
    if ! diff <(jq -S "$write_shape" "$work/verify/graph.json") <(jq -S "$write_shape" "$work/verify/raw.json") >"$work/verify/diff.txt"; then
      head -40 "$work/verify/diff.txt" >&2
      fail "updateContract #$i: the graph answer differs from the raw answer in shape"
    fi
  done
  fact "verified.updateContract" "$n"
  fact "single.updateContract" "$(printf '%s\n' "${times[@]}" | median_of)"
  fact "singleRaw.updateContract" "$(printf '%s\n' "${raw_times[@]}" | median_of)"
  say "verified updateContract: $n contracts, graph and raw, each answer the stored row"
}

# measure_batch: $BATCH_RUNS single submitRatings of $BATCH_SIZE ratings each, graph and raw alternating, nothing else
# running: the time of each request end to end (curl's time_total), the statements it took, and that all were written.
measure_batch() {
  say "batch: $BATCH_RUNS × submitRatings of $BATCH_SIZE ratings, graph and raw alternating"
  local r side path status seconds before after graph=() raw=() statements=()
  for r in $(seq 1 "$BATCH_RUNS"); do
    for side in graph raw; do
      if [ "$side" = graph ]; then
        path=/graphql
        sed -n "${r}p" "$work/vars/batch.jsonl" | jq -c --rawfile q "$lib_dir/queries/submitRatings.graphql" '{query: $q, variables: .}' \
          >"$work/verify/batch.json"
      else
        path=/raw/submitRatings
        sed -n "${r}p" "$work/vars/batch.jsonl" >"$work/verify/batch.json"
      fi
      wait_idle
      before=$(metrics | jq '.requestSqlStatements')
      read -r status seconds < <(post_as "$rater_token" "$path" "$work/verify/batch.json" "$work/verify/batch.out.json")
      wait_idle
      after=$(metrics | jq '.requestSqlStatements')
      [ "$status" = 200 ] || fail "batch #$r: HTTP $status from $path: $(head -c 600 "$work/verify/batch.out.json")"
      jq -e "$(write_check submitRatings "$BATCH_SIZE")" "$work/verify/batch.out.json" >/dev/null \
        || fail "batch #$r: the $side answer has errors or not $BATCH_SIZE ratings: $(head -c 600 "$work/verify/batch.out.json")"
      if [ "$side" = graph ]; then graph+=("$seconds") statements+=("$(( after - before ))"); else raw+=("$seconds"); fi
      say "batch #$r $side: $seconds s, $(( after - before )) SQL statements"
    done
  done
  fact batchSize "$BATCH_SIZE"
  fact batchGraph "$(printf '%s\n' "${graph[@]}" | jq -sc .)"
  fact batchRaw "$(printf '%s\n' "${raw[@]}" | jq -sc .)"
  fact batchStatements "$(printf '%s\n' "${statements[@]}" | jq -sc .)"
}
