-- Shared by the wrk scripts (rotate.lua, versioned.lua): what counts as an error in an answer, and the RESULT line
--   RESULT requests=<n> duration_us=<n> p50_us=<n> p90_us=<n> p99_us=<n> max_us=<n> errors=<n> non2xx=<n> graphql_errors=<n> bytes=<n>
-- A script loads it with dofile (beside itself), sets the globals `non2xx` and `graphql_errors` to 0 in its init, calls
-- count(status, body) from its response and done(threads, summary, latency) from its done.
local result = {}

-- Not 2xx, or an `errors` list: the GraphQL errors of a request, or a mutation payload's typed errors (a successful
-- payload has `"errors":null`).
function result.count(status, body)
  if status < 200 or status > 299 then
    non2xx = non2xx + 1
  elseif string.find(body, '"errors":[', 1, true) then
    graphql_errors = graphql_errors + 1
  end
end

function result.done(threads, summary, latency)
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

return result
