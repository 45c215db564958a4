-- Single upserts of a random document of a random tenant: PUT /collections/notes/documents/u{n}.
package.path = "bench/lua/?.lua;" .. package.path
local common = require("common")
local tenants = common.tenants()
local body = '{"data":{"n":1,"text":"bench upsert"}}'

math.randomseed(os.time())

request = function()
  return wrk.format("PUT", "/collections/notes/documents/u" .. math.random(100000),
    tenants[math.random(#tenants)].headers, body)
end

done = common.done
