-- PUTs an edit of a pool of demands in turn. BENCH_POOL names a file of "id version" lines, BENCH_BODY the edit body with
-- VERSION where the version goes. Each answer carries the demand's new version, used for its next edit, so the edits
-- do not conflict as long as the pool is larger than the connections (run with one thread: the pool is per thread).
wrk.headers["Content-Type"] = "application/json"
local ids, versions, next = {}, {}, 0
for line in io.lines(os.getenv("BENCH_POOL")) do
  local id, version = line:match("(%S+) (%d+)")
  ids[#ids + 1] = id
  versions[id] = version
end
local file = assert(io.open(os.getenv("BENCH_BODY"), "r"))
local template = file:read("*a")
file:close()

request = function()
  next = next % #ids + 1
  local id = ids[next]
  local body = template:gsub("VERSION", versions[id])
  -- No headers argument: wrk.format then sends wrk.headers, which hold the bearer token given with -H.
  return wrk.format("PUT", "/api/demands/" .. id, nil, body)
end

response = function(status, headers, body)
  local id = body:match('"id":"([^"]+)"')
  local version = body:match('"version":(%d+)')
  if id and version and versions[id] then versions[id] = version end
end
