-- Shared by the wrk scripts: the tenants and their keys, and the result record that bench/lib/load.sh reads.
local M = {}

-- The tenants of $BENCH_TENANTS_FILE ("tenant key" lines), each with its request headers built once.
function M.tenants()
  local list = {}
  for line in io.lines(os.getenv("BENCH_TENANTS_FILE")) do
    local id, key = line:match("^(%S+)%s+(%S+)$")
    if id then
      list[#list + 1] = { id = id, headers = { ["X-Tenant-ID"] = id, ["Authorization"] = "Bearer " .. key,
        ["Content-Type"] = "application/json" } }
    end
  end
  assert(#list > 0, "no tenants in " .. os.getenv("BENCH_TENANTS_FILE"))
  return list
end

function M.env_number(name, default)
  return tonumber(os.getenv(name) or "") or default
end

-- Writes one JSON line for the harness; any 4xx/5xx answer, timeout or socket error counts as an error.
function M.done(summary, latency)
  local e = summary.errors
  local f = assert(io.open(os.getenv("BENCH_WRK_OUT"), "w"))
  f:write(string.format('{"requests":%d,"duration_us":%d,"p50_us":%.0f,"p99_us":%.0f,"errors":%d}\n',
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(99),
    e.status + e.connect + e.read + e.write + e.timeout))
  f:close()
end

return M
