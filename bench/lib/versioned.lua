-- wrk script for writes at a version: each body line is `<id>\t<version>\t<JSON template>`, the template holding
-- `@version@` (the row's current version, sent as expectedVersion) and `@title@` (a new value, different on every
-- request). Each thread owns its own rows (line n belongs to thread n mod <threads>), sends a row only while no request
-- of it is in flight, and reads the row's next version from the answer (`"<entity>":{"id":"...","version":"..."`), so
-- every request is a valid write at the current version, however many connections run. Prints the same RESULT line as
-- rotate.lua.
-- Usage: wrk -s versioned.lua URL -- <bodies file> <path> <authorization header value> <threads> <salt>
-- <salt> makes this run's new values differ from the previous run's (the start time, say).

local threads = {}
local counter = 0

function setup(thread)
  thread:set("index", counter)
  counter = counter + 1
  table.insert(threads, thread)
end

function init(args)
  local file = assert(io.open(args[1], "r"), "cannot read " .. tostring(args[1]))
  local count = tonumber(args[4])
  path = args[2]
  salt = args[5] or "0"
  headers = { ["Content-Type"] = "application/json" }
  if args[3] ~= nil and args[3] ~= "" then
    headers["Authorization"] = args[3]
  end
  rows = {}
  local n = 0
  for line in file:lines() do
    if line ~= "" then
      if n % count == index then
        local id, version, template = string.match(line, "^([^\t]+)\t([^\t]+)\t(.+)$")
        assert(id ~= nil, "a body line is not <id> TAB <version> TAB <template>")
        rows[#rows + 1] = { id = id, version = version, template = template, busy = false }
      end
      n = n + 1
    end
  end
  file:close()
  assert(#rows > 0, "no rows for thread " .. index .. " in " .. args[1])
  byId = {}
  for _, row in ipairs(rows) do byId[row.id] = row end
  position = 0
  sent = 0
  non2xx = 0
  graphql_errors = 0
  unmatched = 0
end

function request()
  -- The next row without a request in flight; with more rows than connections there always is one.
  local row
  for _ = 1, #rows do
    position = position % #rows + 1
    if not rows[position].busy then
      row = rows[position]
      break
    end
  end
  row = row or rows[position % #rows + 1]
  row.busy = true
  sent = sent + 1
  local title = "Bench revision " .. salt .. "." .. index .. "." .. sent
  local body = string.gsub(row.template, "@version@", function() return row.version end)
  body = string.gsub(body, "@title@", function() return title end)
  return wrk.format("POST", path, headers, body)
end

function response(status, headers, body)
  local id, version = string.match(body, '"id":"([^"]+)","version":"([^"]+)"')
  local row = id and byId[id]
  if row then
    row.version = version
    row.busy = false
  else
    unmatched = unmatched + 1 -- a failed write names no row: that row stays out of the rotation
  end
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
