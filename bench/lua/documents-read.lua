-- Reads by id of a seeded document of a random tenant: GET /collections/notes/documents/n{1..1000}.
package.path = "bench/lua/?.lua;" .. package.path
local common = require("common")
local tenants = common.tenants()

math.randomseed(os.time())

request = function()
  return wrk.format("GET", "/collections/notes/documents/n" .. math.random(1000), tenants[math.random(#tenants)].headers)
end

done = common.done
