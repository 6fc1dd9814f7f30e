-- POSTs the JSON bodies in the file named by BENCH_BODIES, one a line, each once while the file lasts, for writes that
-- refuse a twin; the bearer token comes from wrk's -H option. Each of the BENCH_THREADS threads has its own Lua state,
-- so thread i sends lines i, i + threads, ... and no two threads send the same body.
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
local bodies = {}
for line in io.lines(os.getenv("BENCH_BODIES")) do bodies[#bodies + 1] = line end
local stride = tonumber(os.getenv("BENCH_THREADS") or "1")
local started = 0

function setup(thread)
  thread:set("offset", started)
  started = started + 1
end

local next
request = function()
  next = (next or offset) + stride
  return wrk.format(nil, nil, nil, bodies[(next - stride) % #bodies + 1])
end
