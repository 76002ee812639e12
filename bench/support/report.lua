-- wrk script: optional rotation through the paths of a file (one per line, for a "mix"), and
-- one JSON line of results at the end (latencies in microseconds).
local paths, index = nil, 0

init = function(args)
  if args[1] then
    paths = {}
    for line in io.lines(args[1]) do
      if #line > 0 then paths[#paths + 1] = line end
    end
  end
end

request = function()
  if paths then
    index = index % #paths + 1
    return wrk.format(nil, paths[index])
  end
  return wrk.format()
end

done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    '{"requests": %d, "duration_us": %d, "p50": %d, "p95": %d, "p99": %d, ' ..
    '"socket_errors": %d, "bad_status": %d}\n',
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(95),
    latency:percentile(99), e.connect + e.read + e.write + e.timeout, e.status))
end
