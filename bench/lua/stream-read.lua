-- Reads a whole seeded stream of 1,000 events (read-0 ... read-<$BENCH_READ_STREAMS - 1>) of a random tenant:
-- GET /streams/{id}/events?fromVersion=1&limit=1000.
package.path = "bench/lua/?.lua;" .. package.path
local common = require("common")
local tenants = common.tenants()
local streams = common.env_number("BENCH_READ_STREAMS", 10)

math.randomseed(os.time())

request = function()
  local t = tenants[math.random(#tenants)]
  return wrk.format("GET", "/streams/read-" .. (math.random(streams) - 1) .. "/events?fromVersion=1&limit=1000",
    t.headers)
end

done = common.done
