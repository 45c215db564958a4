# The cost of the walls: a tenant's workspace list (20 workspaces per tenant). At the database, where the walls of
# a list are (tenant binding, the filter's predicate, row-level security), the walled transaction as the service
# runs it (bench/sql/workspaces-walled.sql) against the same rows of one tenant from a single-tenant table without any
# of them (workspaces-bare.sql), both by pgbench; and the whole request over REST (authentication included), whose
# ratio to the walled SQL is what HTTP, JSON and Hibernate add on top.

scenario walls.workspaces.c8 "lists/s" higher "tenant-scoped workspace list, 8 connections, SQL with walls vs without" \
  "walls cost <= 1.2x (ratio >= 0.83)"
subject walls.workspaces.c8 walled "set_config + list with tenant predicate, RLS on, service role (pgbench)"
subject walls.workspaces.c8 bare "the same rows from a single-tenant table: no binding, predicate or RLS (pgbench)"
scenario walls.workspaces.rest.c8 "lists/s" higher "tenant-scoped workspace list, 8 connections, REST vs its SQL" ""
subject walls.workspaces.rest.c8 palisade "GET /workspaces, random tenant (wrk, workspaces.lua)"
subject walls.workspaces.rest.c8 walled "the walled SQL of the same list (pgbench, workspaces-walled.sql)"

walls_family() {
  pg "$BENCH_DB" -v per_tenant=20 -f bench/sql/seed-workspaces.sql >/dev/null
  local t k n
  read -r t k <"$BENCH_OUT/tenants.txt"
  n=$(curl -sf "$BENCH_URL/workspaces" -H "X-Tenant-ID: $t" -H "Authorization: Bearer $k" | jq 'length')
  [[ $n == 20 ]] || die "a workspace list returned $n workspaces, not 20"
  wrk_warmup workspaces.lua 8 "$BENCH_WARMUP_SHORT"
  interleave "$BENCH_ROUNDS" walls_rest walls_walled walls_bare
}
family walls_family

walls_rest() { wrk_run walls.workspaces.rest.c8 palisade "$1" workspaces.lua 8 "$BENCH_SECONDS" rate; }
walls_walled() {
  pgbench_run walls.workspaces.c8 walled "$1" "$BENCH_DB" "${BENCH_DB}_app" workspaces-walled.sql 8 "$BENCH_SECONDS" \
    rate 1 tenants="$BENCH_TENANTS"
  # The same measurement is the REST scenario's baseline of that round.
  jq -c 'select(.scenario == "walls.workspaces.c8" and .subject == "walled")' "$BENCH_OUT/measurements.jsonl" \
    | tail -1 | jq -c '.scenario = "walls.workspaces.rest.c8"' >>"$BENCH_OUT/measurements.jsonl"
}
walls_bare() {
  pgbench_run walls.workspaces.c8 bare "$1" "$BENCH_DB" postgres workspaces-bare.sql 8 "$BENCH_SECONDS" rate
}
