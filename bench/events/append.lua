-- One single-event append per request, to one of 1,000 streams of one tenant, with expectedVersion "any".
-- The tenant and its key come from the environment (set by append-load.sh).
local tenant = os.getenv("BENCH_TENANT")
local key = os.getenv("BENCH_KEY")
local streams = tonumber(os.getenv("BENCH_STREAMS") or "1000")
local body = '{"expectedVersion":"any","events":[{"type":"BenchAppended","data":{"amount":12.5,"note":"bench"}}]}'

wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["X-Tenant-ID"] = tenant
wrk.headers["Authorization"] = "Bearer " .. key

local statuses = {}

request = function()
  return wrk.format(nil, "/streams/bench-" .. math.random(1, streams) .. "/events", nil, body)
end

response = function(status, headers, body)
  statuses[status] = (statuses[status] or 0) + 1
end

done = function(summary, latency, requests)
  io.write(string.format("appends/s: %.0f  (p50 %.1f ms, p99 %.1f ms, errors %d)\n",
    summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000, latency:percentile(99) / 1000,
    summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.write
      + summary.errors.timeout))
end
