-- wrk script: POSTs JSON bodies read from a file (one body a line), each connection's thread rotating through them,
-- and prints one machine-readable line at the end:
--   RESULT requests=<n> duration_us=<n> p50_us=<n> p90_us=<n> p99_us=<n> max_us=<n> errors=<n> non2xx=<n> graphql_errors=<n> bytes=<n>
-- Usage: wrk -s rotate.lua http://127.0.0.1:PORT -- <bodies file> <path> [<authorization header value>]
-- Every thread starts at position 1 of the same list, so two runs over the same list (graph and raw) ask the same things.
-- An answer counts as an error when it is not 2xx or holds an `errors` list: the GraphQL errors of a request, or a
-- mutation payload's typed errors (a successful payload has `"errors":null`).

local result = dofile((debug.getinfo(1, "S").source:match("^@(.*/)") or "./") .. "result.lua")
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
  result.count(status, body)
end

function done(summary, latency, requests)
  result.done(threads, summary, latency)
end
