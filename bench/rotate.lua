-- wrk script: each request takes the next path from the file named by $WRK_PATHS (one path a
-- line, e.g. /api/search?q=...&size=10), every thread starting at a different place, so that a
-- run exercises the whole query set instead of one cached URL. Non-2xx responses are counted by wrk.
local paths = {}
local counter = 0

function init(args)
  local file = assert(io.open(os.getenv("WRK_PATHS") or args[1], "r"))
  for line in file:lines() do
    if #line > 0 then paths[#paths + 1] = line end
  end
  file:close()
  assert(#paths > 0, "no paths")
  counter = math.random(#paths)
end

function request()
  counter = counter % #paths + 1
  return wrk.format("GET", paths[counter])
end
