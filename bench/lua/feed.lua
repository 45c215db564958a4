-- Reads a full feed page of 1,000 events of a random tenant from a random position in 0 ... $BENCH_FEED_MAX_AFTER:
-- GET /events?after={n}&limit=1000.
package.path = "bench/lua/?.lua;" .. package.path
local common = require("common")
local tenants = common.tenants()
local max_after = common.env_number("BENCH_FEED_MAX_AFTER", 9000)

math.randomseed(os.time())

request = function()
  local t = tenants[math.random(#tenants)]
  return wrk.format("GET", "/events?after=" .. math.random(0, max_after) .. "&limit=1000", t.headers)
end

done = common.done
