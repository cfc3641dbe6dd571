-- wrk script: POSTs JSON bodies read from a file (one body a line), each connection's thread rotating through them,
-- and prints one machine-readable line at the end:
--   RESULT requests=<n> duration_us=<n> p50_us=<n> p90_us=<n> p99_us=<n> max_us=<n> errors=<n> non2xx=<n> graphql_errors=<n> bytes=<n>
-- Usage: wrk -s rotate.lua http://127.0.0.1:PORT -- <bodies file> <path> [<authorization header value>]
-- Every thread starts at position 1 of the same list, so two runs over the same list (graph and raw) ask the same things.
-- An answer counts as an error when it is not 2xx or holds an `errors` list: the GraphQL errors of a request, or a
-- mutation payload's typed errors (a successful payload has `"errors":null`).

local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  local file = assert(io.open(args[1], "r"), "cannot read " .. tostring(args[1]))
  local headers = { ["Content-Type"] = "application/json" }
  if args[3] ~= nil and args[3] ~= "" then
    headers["Authorization"] = args[3]
  end
  bodies = {}
  for line in file:lines() do
    if line ~= "" then
      bodies[#bodies + 1] = wrk.format("POST", args[2], headers, line)
    end
  end
  file:close()
  assert(#bodies > 0, "no request bodies in " .. args[1])
  position = 0
  non2xx = 0
  graphql_errors = 0
end

function request()
  position = position % #bodies + 1
  return bodies[position]
end

function response(status, headers, body)
  if status < 200 or status > 299 then
    non2xx = non2xx + 1
  elseif string.find(body, '"errors":[', 1, true) then
    graphql_errors = graphql_errors + 1
  end
end

function done(summary, latency, requests)
  local non2xx_total, graphql_errors_total = 0, 0
  for _, thread in ipairs(threads) do
    non2xx_total = non2xx_total + thread:get("non2xx")
    graphql_errors_total = graphql_errors_total + thread:get("graphql_errors")
  end
  local e = summary.errors
  local socket_errors = e.connect + e.read + e.write + e.timeout
  io.write(string.format(
    "RESULT requests=%d duration_us=%d p50_us=%d p90_us=%d p99_us=%d max_us=%d errors=%d non2xx=%d graphql_errors=%d bytes=%d\n",
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(90), latency:percentile(99), latency.max,
    socket_errors + non2xx_total + graphql_errors_total, non2xx_total, graphql_errors_total, summary.bytes))
end
