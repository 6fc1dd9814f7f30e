-- POSTs the JSON bodies in the file named by BENCH_BODIES, one a line, in turn (each body once while the file lasts),
-- for writes that refuse a twin; the bearer token comes from wrk's -H option.
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
local bodies, next = {}, 0
for line in io.lines(os.getenv("BENCH_BODIES")) do bodies[#bodies + 1] = line end

request = function()
  next = next % #bodies + 1
  return wrk.format(nil, nil, nil, bodies[next])
end
