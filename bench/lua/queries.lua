-- The query scenarios over bench_orders (bench/sql/seed-queries.sql), a random tenant each request; $BENCH_QUERY says
-- which (bench/scenarios/60-queries.sh sets it, and the same values are drawn by the SQL baselines):
--   eq       GET ...?data.status=s{01..25}&limit=50                      declared index `status`
--   range    GET ...?data.total__gte=lo&data.total__lt=lo+$BENCH_QUERY_RANGE&orderBy=data.total&limit=50,
--            lo in 0 ... 10000 - $BENCH_QUERY_RANGE                     declared index `total`
--   scan     GET ...?data.region=r{01..50}&limit=50                      no index: the tenant's orders are scanned
--   group    POST .../documents/query {"groupBy":["data.status"],"_count":true}
--   include  GET ...?include=$BENCH_QUERY_INCLUDE&limit=100              100 orders, each with its customer
package.path = "bench/lua/?.lua;" .. package.path
local common = require("common")
local tenants = common.tenants()
local query = os.getenv("BENCH_QUERY")
local range = common.env_number("BENCH_QUERY_RANGE", 400)
local include = os.getenv("BENCH_QUERY_INCLUDE") or "customer"
local list = "/collections/bench_orders/documents"

math.randomseed(os.time())

local function two(n)
  return string.format("%02d", n)
end

local requests = {
  eq = function(h)
    return wrk.format("GET", list .. "?data.status=s" .. two(math.random(25)) .. "&limit=50", h)
  end,
  range = function(h)
    local lo = math.random(0, 10000 - range)
    return wrk.format("GET", list .. "?data.total__gte=" .. lo .. "&data.total__lt=" .. (lo + range)
      .. "&orderBy=data.total&limit=50", h)
  end,
  scan = function(h)
    return wrk.format("GET", list .. "?data.region=r" .. two(math.random(50)) .. "&limit=50", h)
  end,
  group = function(h)
    return wrk.format("POST", list .. "/query", h, '{"groupBy":["data.status"],"_count":true}')
  end,
  include = function(h)
    return wrk.format("GET", list .. "?include=" .. include .. "&limit=100", h)
  end,
}
local make = assert(requests[query], "BENCH_QUERY must be one of eq, range, scan, group, include")

request = function()
  return make(tenants[math.random(#tenants)].headers)
end

done = common.done
