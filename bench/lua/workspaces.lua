-- Lists the workspaces of a random tenant: GET /workspaces.
package.path = "bench/lua/?.lua;" .. package.path
local common = require("common")
local tenants = common.tenants()

math.randomseed(os.time())

request = function()
  return wrk.format("GET", "/workspaces", tenants[math.random(#tenants)].headers)
end

done = common.done
