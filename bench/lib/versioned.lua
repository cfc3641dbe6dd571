-- wrk script for writes at a version: each body line is `<id>\t<version>\t<JSON template>`, the template holding
-- `@version@` (the row's current version, sent as expectedVersion) and `@title@` (a new value, different on every
-- request). Each thread owns its own rows (line n belongs to thread n mod <threads>), sends a row only while no request
-- of it is in flight, and reads the row's next version from the answer (`"<entity>":{"id":"...","version":"..."`), so
-- every request is a valid write at the current version, however many connections run. Prints the same RESULT line as
-- rotate.lua.
-- Usage: wrk -s versioned.lua URL -- <bodies file> <path> <authorization header value> <threads> <salt>
-- <salt> makes this run's new values differ from the previous run's (the start time, say).

local result = dofile((debug.getinfo(1, "S").source:match("^@(.*/)") or "./") .. "result.lua")
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
  result.count(status, body)
end

function done(summary, latency, requests)
  result.done(threads, summary, latency)
end
