-- wrk script: HTTP/1.1 pipelining. Each write carries DEPTH copies of the request (default 1)
-- and wrk waits for all DEPTH responses before writing again; latency is per batch.
--   wrk -t2 -c256 -d15s --latency -s benchmarks/pipeline.lua http://127.0.0.1:8080/plaintext -- 16
-- Also prints report.lua's machine-readable line (loaded from this script's directory).
local here = debug.getinfo(1, "S").source:match("^@(.*/)") or "./"
dofile(here .. "report.lua")

init = function(args)
  local depth = tonumber(args[1]) or 1
  local batch = {}
  for i = 1, depth do
    batch[i] = wrk.format()
  end
  req = table.concat(batch)
end

request = function()
  return req
end
