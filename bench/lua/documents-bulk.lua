-- Bulk upserts of 1,000 documents of a random tenant: POST /collections/notes/documents:bulk.
package.path = "bench/lua/?.lua;" .. package.path
local common = require("common")
local tenants = common.tenants()

math.randomseed(os.time())

local function body(batch)
  local items = {}
  for g = 1, 1000 do
    items[g] = string.format('{"id":"b%d","data":{"n":%d,"text":"bulk"}}', batch * 1000 + g, g)
  end
  return '{"documents":[' .. table.concat(items, ",") .. ']}'
end
local bodies = {}
for b = 0, 99 do bodies[b] = body(b) end

request = function()
  return wrk.format("POST", "/collections/notes/documents:bulk", tenants[math.random(#tenants)].headers,
    bodies[math.random(0, 99)])
end

done = common.done
