-- Appends of $BENCH_BATCH events (default 1) per request to one of $BENCH_STREAMS streams of a random tenant of
-- $BENCH_TENANTS_FILE, with expectedVersion "any": POST /streams/{id}/events.
package.path = "bench/lua/?.lua;" .. package.path
local common = require("common")
local tenants = common.tenants()
local streams = common.env_number("BENCH_STREAMS", 1000)
local batch = common.env_number("BENCH_BATCH", 1)

local event = '{"type":"BenchAppended","data":{"amount":12.5,"note":"bench"}}'
local events = {}
for i = 1, batch do events[i] = event end
local body = '{"expectedVersion":"any","events":[' .. table.concat(events, ",") .. ']}'

math.randomseed(os.time())

request = function()
  local t = tenants[math.random(#tenants)]
  return wrk.format("POST", "/streams/bench-" .. math.random(streams) .. "/events", t.headers, body)
end

done = common.done
