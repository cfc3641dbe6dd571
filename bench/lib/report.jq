# Writes bench/results/latest.md (or the smoke report) from the run's figures.
# Input: null. Arguments: $windows (every wrk window), $facts, $machine, $changes (text or ""), $targetsOnly (bool).

def round_to($d): if . == null then null else (. * pow(10; $d) | round) / pow(10; $d) end;
def grouped: tostring | explode | reverse | [_nwise(3)] | map(reverse | implode) | reverse | join(",");
def num($d): if . == null then "n/a" elif $d == 0 then (round | grouped) else (round_to($d) | tostring) end;
def median: map(select(. != null)) | sort | if length == 0 then null else .[(length - 1) / 2 | floor] end;
def ratio($a; $b): if $a == null or $b == null or $b == 0 then null else $a / $b end;
def mib: if . == null then null else . / 1048576 end;

def stats:
  (map(.requests) | add) as $requests
  | (map(.duration_us) | add / 1e6) as $seconds
  | (map(.serverRequests) | add) as $served
  | (map(.serverAborted // 0) | add) as $aborted
  | {
      requests: $requests,
      rps: (if $requests > 0 then $requests / $seconds else null end),
      p50: (map(select(.requests > 0) | .p50_us / 1000) | median),
      p99: (map(select(.requests > 0) | .p99_us / 1000) | median),
      errors: (map(.errors) | add),
      statements: (if $served > 0 then (map(.sqlStatements) | add) / $served else null end),
      alloc: (if $served + $aborted > 0 then (map(.allocatedBytes) | add) / ($served + $aborted) else null end),
      aborted: $aborted,
      drops: (map(.allocationCounterDrops // 0) | add),
      peak: (map(.peakBytes // null) | max),
      served: $served,
      window: .[0].seconds,
      rounds: length
    };

($windows | map(select(.phase == "measured")) | group_by(.scenario + "/" + .side)
  | map({key: (.[0].scenario + "/" + .[0].side), value: stats}) | from_entries) as $s
| ["supplierList", "deepPage", "supplierScorecard", "biExtract", "nodeLookup", "typename", "categoryTree", "valueGapByCategory", "contractsByCategoryQuarter"] as $reads
| ["submitRatings", "updateContract"] as $writes
| ($reads + $writes) as $scenarios
| ($facts.peaks // []) as $peaks
| ($peaks | map(.bytes) | max) as $peakAll
| ($peaks | map(select(.bytes >= 0.99 * $peakAll)) | .[0]) as $peakWhere
| ($windows | any(.phase == "measured" and (.allocationCounterDrops // 0) > 0)) as $anyDrops
| {supplierList: 2, deepPage: 2, supplierScorecard: 1, biExtract: 1, nodeLookup: 1, typename: 0, categoryTree: 1, valueGapByCategory: 2, contractsByCategoryQuarter: 2, updateContract: 4} as $expected
| ($facts["rows.biExtract"] // 0) as $biRows
| {biExtract: "Rows/s", submitRatings: "Ratings/s"} as $rowsLabel
| def rows_of($name): if $name == "biExtract" then $biRows elif $name == "submitRatings" then ($facts.ratingBatch // 0) else null end;
  def rows_per_s($key): ($key | split("/")[0]) as $name
    | if rows_of($name) != null and $s[$key].rps != null then $s[$key].rps * rows_of($name) else null end;
  def clean($key): ($s[$key].errors // 0) == 0;
  def throughput_target($name; $scenario; $min; $rows):
    ($scenario + "/graph") as $g | ($scenario + "/raw") as $r
    | (if $rows then ratio(rows_per_s($g); rows_per_s($r)) else ratio($s[$g].rps; $s[$r].rps) end) as $value
    | {figure: $name, target: "≥ \($min)",
       measured: (if $value == null then "no completed request"
         else "\($value | num(2)) (\(if $rows then rows_per_s($g) | num(0) else $s[$g].rps | num(1) end) / \(if $rows then rows_per_s($r) | num(0) else $s[$r].rps | num(1) end)\(if $rows then " rows/s" else " req/s" end))"
           + (if clean($g) then "" else ", \($s[$g].errors) graph errors" end) end),
       met: ($value != null and $value >= $min and clean($g))};
  [
    throughput_target("`supplierList` throughput, graph / raw"; "supplierList"; 0.9; false),
    throughput_target("`biExtract` rows/s, graph / raw"; "biExtract"; 0.9; true),
    throughput_target("`supplierScorecard` throughput, graph / raw"; "supplierScorecard"; 0.9; false),
    throughput_target("`nodeLookup` throughput, graph / raw"; "nodeLookup"; 0.8; false),
    throughput_target("`{ __typename }` throughput, graph / minimal endpoint"; "typename"; 0.7; false),
    ($reads | map({name: ., measured: $s[. + "/graph"].statements, expected: $expected[.]})) as $st
    | {figure: "SQL statements per request (graph)", target: "1 per root field, +1 for `totalCount`",
       measured: ($st | map("\(.name) \(.measured | num(2))/\(.expected)") | join(", ")),
       met: ($st | all(.measured != null and .measured <= .expected + 0.001))},
    ($s["updateContract/graph"].statements) as $v
    | {figure: "SQL statements per `updateContract` (graph)", target: "≤ 4 (at most 3 besides the audit insert, issue 13)",
       measured: (if $v == null then "no completed request" else "\($v | num(2)) (load, read back; the raw side \($s["updateContract/raw"].statements | num(2)))" end),
       met: ($v != null and $v <= 4.001)},
    ($facts.batchGraph // [] | median) as $v
    | {figure: "one `submitRatings` of \($facts.batchSize // 1000 | num(0)) ratings, end to end (curl `time_total`, nothing else running)", target: "≤ 1 s",
       measured: (if $v == null then "not measured" else "\($v | num(2)) s (median of \($facts.batchGraph | map(num(2) + " s") | join(", ")); \($facts.batchStatements | median) SQL statements; the raw EF Core side \($facts.batchRaw | median | num(2)) s, graph / raw \(ratio($v; $facts.batchRaw | median) | num(2)))" end),
       met: ($v != null and $v <= 1)},
    ($s["valueGapByCategory/graph"].p50) as $v
    | {figure: "`valueGapByCategory` p50 (issue 16: the latest quarter's categories by valueGap, figures equal to the raw SQL oracle)", target: "≤ 250 ms",
       measured: (if $v == null then "no completed request" else "\($v | num(1)) ms (\($facts.valueGapOracleRows // 0) rows checked against `lib/valueGapOracle.sql`, quarter \($facts.valueGapPeriod // "?"))" end),
       met: ($v != null and $v <= 250 and clean("valueGapByCategory/graph"))},
    ($s["contractsByCategoryQuarter/graph"].p50) as $v
    | {figure: "`contractsByCategoryQuarter` p50 (group-by over all contracts, CATEGORY × START_QUARTER; figures equal the raw SQL oracle)", target: "≤ 250 ms",
       measured: (if $v == null then "no completed request" else "\($v | num(1)) ms (single request \(($facts["single.contractsByCategoryQuarter"] // null) | if . == null then "n/a" else (. * 1000 | num(0)) + " ms" end))" + (if clean("contractsByCategoryQuarter/graph") then "" else ", \($s["contractsByCategoryQuarter/graph"].errors) errors" end) end),
       met: ($v != null and $v <= 250 and clean("contractsByCategoryQuarter/graph"))},
    (ratio($s["deepPage/graph"].p50; $s["supplierList/graph"].p50)) as $v
    | {figure: "`deepPage` p50 / `supplierList` p50", target: "≤ 1.5",
       measured: (if $v == null then "no completed request" else "\($v | num(2)) (\($s["deepPage/graph"].p50 | num(1)) ms / \($s["supplierList/graph"].p50 | num(1)) ms)" end),
       met: ($v != null and $v <= 1.5)},
    ($s["categoryTree/graph"].p50) as $v
    | {figure: "`categoryTree` p50 (20 root categories, two levels of children, `contractedSpend` and `supplierCount`; issue 16)", target: "≤ 50 ms",
       measured: (if $v == null then "no completed request" else "\($v | num(1)) ms" + (if clean("categoryTree/graph") then "" else ", \($s["categoryTree/graph"].errors) errors" end) end),
       met: ($v != null and $v <= 50 and clean("categoryTree/graph"))},
    (ratio($s["supplierList/graph"].alloc; $s["supplierList/raw"].alloc)) as $v
    | {figure: "allocated bytes per request, graph / raw (`supplierList`)", target: "≤ 1.3",
       measured: (if $v == null then "no completed request" else "\($v | num(2)) (\($s["supplierList/graph"].alloc / 1024 | num(1)) KB / \($s["supplierList/raw"].alloc / 1024 | num(1)) KB)" end),
       met: ($v != null and $v <= 1.3)},
    ($peakAll | mib) as $v
    | {figure: "server peak working set during the whole run", target: "≤ 250 MB",
       measured: "\($v | num(0)) MB (VmHWM of the bench host, which serves the raw side too; 1 MB = 1,048,576 bytes)", met: ($v != null and $v <= 250)},
    ($facts.coldStarts | median) as $v
    | {figure: "cold start (product server as published: Release, ReadyToRun; existing database)", target: "≤ 1.5 s",
       measured: "\($v / 1000 | num(2)) s (median of \($facts.coldStarts | map(. / 1000 | num(2) + " s") | join(", ")); the port was open after \($facts.coldListening | median / 1000 | num(2)) s)", met: ($v != null and $v <= 1500)}
  ] as $targets
| ($targets | map(select(.met)) | length) as $met
| ($targets | map(select(.met | not)) | length) as $missed
| if $targetsOnly then "targets: \($met) met, \($missed) missed" else
[
  "# Benchmark results",
  "",
  "Written by `bench/run.sh\(if $machine.mode == "smoke" then " --smoke" else "" end)` on \($machine.started) (took \($machine.took) s). Source: commit `\($machine.commit)`\(if $machine.dirty then " with uncommitted changes" else "" end). What the figures mean: [bench/README.md](../README.md).",
  "",
  "## Machine",
  "",
  "| | |",
  "|---|---|",
  "| CPU | \($machine.cpu) |",
  "| Cores | \($machine.cores) |",
  "| Memory | \($machine.memory) |",
  "| OS | \($machine.os) |",
  "| .NET | SDK \($machine.sdk), runtime \($machine.runtime) |",
  "| Load generator | \($machine.wrk), on the same machine (loopback) |",
  "| Load average (1, 5, 15 min) at start | \($machine.loadStart) |",
  "| Load average (1, 5, 15 min) at end | \($machine.loadEnd) |",
  "",
  "## Settings",
  "",
  "- Database: `\($machine.database)` (SQLite)\(if $machine.mode == "full" then ", copied for this run (the writes change the copy; the seed and the next run stay as seeded)" else "" end): \($facts.counts.suppliers | num(0)) suppliers, \($facts.counts.contracts | num(0)) contracts, \($facts.counts.ratings | num(0)) ratings at the start; \(($facts.ratingsAtEnd // $facts.counts.ratings) - $facts.counts.ratings | num(0)) ratings written during the run.",
  "- Server: the bench host (`bench/ProcurementGraph.Bench.Host`: the product composed as `src/ProcurementGraph.Api` composes it, plus the raw baseline `/raw/*` and `/bench/metrics`), Release, `--environment Development` (the development identity answers without a token), rate limiting off, log level Warning.",
  "- Runtime environment of the bench host and the cold-start server, the product's own (`src/ProcurementGraph.Api/runtime.env`, unless the run overrode it): `\($machine.runtimeEnvironment)`.",
  "- Load: `wrk -t\($machine.threads) -c\($machine.concurrency)` on 127.0.0.1, timeout \($machine.wrkTimeout) s; per scenario a \($machine.warmup) s warm-up per side, then \($machine.rounds) measured windows per side of \($machine.window) s (longer for slow scenarios, at most \($machine.windowCap) s: 2.5 × single-request latency × connections / cores); graph and raw windows alternate (graph raw, raw graph, ...). Before and after each window the host's counters are read once nothing is in flight.",
  "- Request bodies (graph and raw rotate through the same list in the same order): `supplierScorecard` and `nodeLookup` over \($facts.scorecardIds) suppliers with contracts spread over the key range; `biExtract` over the first \($facts.biPages) pages of 1,000 contracts (the first without cursor, then each page's `endCursor`); `contractsByCategoryQuarter` (`contractsAggregate(groupBy: [CATEGORY, START_QUARTER], first: 1000)` over all contracts: count, sum and avg of `annualValue` and `annualSavings`, `category { code }`) over its \($facts.quarterPages // "n/a") pages of groups (\($facts.quarterGroups // "n/a") groups; every page groups all contracts); `deepPage`: the `supplierList` query with a cursor after supplier #\($facts.deepPosition | num(0)) in (name, id) order (`\($facts.deepCursorKey | tojson)`, found by walking `suppliers(first: 1000, order: [{name: ASC}])` pages); the DE/ACTIVE filter then answers a page of \($facts["rows.deepPage"] | num(0)) rows after it (and `totalCount` over all DE/ACTIVE suppliers). Writes, after the reads: `submitRatings` rotates over \($facts.ratingBodies) bodies of \($facts.ratingBatch) new ratings each (a supplier, one of its contracts and the contract's category, from \($facts.ratingPool | num(0)) contracts spread over the key range; scores and quarter vary), sent as a `Stakeholder.Rater` of business unit `\($facts.raterUnit)` (a DevJwt token signed with a key made for the run); `updateContract` changes the title of one of \($facts.contractIds) contracts the bench owns at its current `expectedVersion`, as a `Procurement.Editor`: each wrk thread owns its share of the contracts, sends a contract only while none of its requests is in flight and takes the next version from the answer (`lib/versioned.lua`), and the versions are read again before every window, so every request is a successful write, not a conflict. The raw sides are hand-written EF Core (`/raw/submitRatings`: one query per kind of reference, `AddRange` + `SaveChanges` for the ratings and for their audit rows in one transaction; `/raw/updateContract`: load tracked, compare the concurrency token, one `SaveChanges` for the change and its audit row).",
  "- Verification before load: the first \($machine.verify) bodies of each scenario (or all, if fewer) once: HTTP 200, `data`, no `errors`; `supplierList`, `deepPage`, `supplierScorecard` and `biExtract` answers equal the raw endpoint's (`jq -S`); every page of `contractsByCategoryQuarter` equals the raw SQL oracle's (`/raw/contractsByCategoryQuarter`: one hand-written statement over the base columns, money as exact cents parsed from the decimal text; counts, sums to the cent and averages alike); the writes: every graph and raw answer is the write without errors, of the same shape on both sides (ids, versions and titles aside), every `updateContract` answer is the stored row as the graph reads it back, and the rating count grew by exactly the ratings both sides submitted. All passed.",
  "- Figures: req/s = completed requests / window time, summed over the rounds; p50/p99 = median over the rounds of wrk's per-window percentiles; SQL statements per request = the statements the completed requests executed (a `DbCommandInterceptor`, tallied per request) / those requests; allocated bytes per request = `GC.GetTotalAllocatedBytes(true)` over the window / the requests the host served in it, including those cut off when wrk closed its connections at the window's end (shown as \"+N cut off\" when over 1 %); errors = socket errors + non-2xx + answers with `errors`; single = one request alone during verification (median, the first body's second run included).",
  "",
  "## Scenarios",
  "",
  ($scenarios[] as $name
   | ("### `\($name)`", "",
      "| Side | Window | Requests | Req/s | \(if $rowsLabel[$name] then $rowsLabel[$name] + " | " else "" end)p50 ms | p99 ms | Single ms | SQL statements/request | Allocated KB/request | Errors |",
      "|---|---|---|---|\(if $rowsLabel[$name] then "---|" else "" end)---|---|---|---|---|---|",
      (["graph", "raw"][] as $side | ($name + "/" + $side) as $key | select($s[$key] != null) | $s[$key] as $x
       | "| \($side) | \($x.rounds) × \($x.window) s | \($x.requests | num(0))\(if $x.aborted > 0 and $x.aborted >= 0.01 * ($x.served + $x.aborted) then " (+\($x.aborted) cut off)" else "" end) | \($x.rps | num(1)) | \(if $rowsLabel[$name] then (rows_per_s($key) | num(0)) + " | " else "" end)\($x.p50 | num(1)) | \($x.p99 | num(1)) | \(if $side == "graph" then ($facts["single." + $name] * 1000 | num(1)) else ($facts["singleRaw." + $name] // null | if . == null then "" else . * 1000 | num(1) end) end) | \($x.statements | num(2))\(if $side == "graph" and $expected[$name] != null then " (target \($expected[$name]))" else "" end) | \(if $x.alloc == null then "n/a" else $x.alloc / 1024 | num(1) end)\(if $x.drops > 0 then " †" else "" end) | \($x.errors) |"),
      (if $s[$name + "/raw"] != null and $s[$name + "/graph"].rps != null and $s[$name + "/raw"].rps != null
       then "", "Graph / raw: throughput \(ratio($s[$name + "/graph"].rps; $s[$name + "/raw"].rps) | num(2)) (per round: \($windows | map(select(.phase == "measured" and .scenario == $name)) | group_by(.round) | map((map(select(.side == "graph"))[0] | .requests / .duration_us) as $g | (map(select(.side == "raw"))[0] | .requests / .duration_us) as $r | ratio($g; $r) | num(2)) | join(", "))), p50 \(ratio($s[$name + "/graph"].p50; $s[$name + "/raw"].p50) | num(2)), allocated bytes \(ratio($s[$name + "/graph"].alloc; $s[$name + "/raw"].alloc) | num(2))."
       else empty end),
      (if $facts.peakResets then "Host peak resident set during the measured windows: " + ([["graph", "raw"][] as $side | select($s[$name + "/" + $side] != null) | "\($side) \($s[$name + "/" + $side].peak | mib | num(0)) MB"] | join(", ")) + "." else empty end),
      "")),
  (if $anyDrops then "† The runtime's allocation counter dropped during a window of this row (DATAS took a GC heap out of service, dotnet/runtime#131069): the figure is a lower bound.", "" else empty end),
  "Host memory (peak resident set, VmHWM\(if $facts.peakResets then ", reset at every step" else "" end)): \($peaks | map(select(.step == "start")) | .[0].bytes | mib | num(0)) MB until ready, \($peaks | map(select(.step == "prepare")) | .[0].bytes | mib | num(0)) MB while preparing and verifying the workload, \($peakAll | mib | num(0)) MB over the whole run (within 1 % of it first during: \($peakWhere.step)\(if $peakWhere.side != "" then " " + $peakWhere.side else "" end)); \($facts.endWorkingSet | mib | num(0)) MB resident at the end. The resident set hardly shrinks once grown, so a window's peak includes what earlier windows left.",
  "",
  "## Targets (docs/PERFORMANCE.md)",
  "",
  "| Figure | Target | Measured | |",
  "|---|---|---|---|",
  ($targets[] | "| \(.figure) | \(.target) | \(.measured) | \(if .met then "met" else "**missed**" end) |"),
  "",
  (if $changes != "" then "## Changes (bench/results/changes.md)", "", $changes, "" else empty end),
  "targets: \($met) met, \($missed) missed"
] | join("\n")
end
