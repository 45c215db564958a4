#!/usr/bin/env bash
# Measures how many single-event appends per second ONE tenant gets over REST (POST /streams/{id}/events), the
# event store's worst case: every append of a tenant takes that tenant's position lock.
#
#   mvn -q package -pl api -am -DskipTests && bench/events/append-load.sh [seconds] [connections]
#
# Everything runs on this machine: the packaged service (JVM), the local PostgreSQL (superuser postgres on
# localhost:5432, a throwaway database dropped afterwards) and wrk (apt-get install wrk) as the load generator,
# bounded in time and aimed only at localhost. After the run it checks in the database that the tenant's feed is
# exactly positions 1..n with one event per successful request.
set -euo pipefail
cd "$(dirname "$0")/../.."
seconds=${1:-20}
connections=${2:-32}
app=api/target/quarkus-app
db=palisade_bench_events
port=18081
admin=bench-admin-key-0123456789abcdef
[[ -f $app/quarkus-run.jar ]] || { echo "build first: mvn -q package -pl api -am -DskipTests" >&2; exit 1; }
command -v wrk >/dev/null || { echo "wrk is needed: apt-get install wrk" >&2; exit 1; }

psql -X -q -h localhost -U postgres -d postgres -v db=$db -v owner=${db}_owner -v owner_password=o \
  -v app=${db}_app -v app_password=a -f deploy/postgres/bootstrap.sql
service_pid=
cleanup() {
  if [[ -n $service_pid ]]; then kill "$service_pid" 2>/dev/null || true; wait "$service_pid" 2>/dev/null || true; fi
  psql -X -q -h localhost -U postgres -d postgres -c "DROP DATABASE IF EXISTS $db WITH (FORCE)" \
    -c "DROP ROLE IF EXISTS ${db}_app" -c "DROP ROLE IF EXISTS ${db}_owner" >/dev/null
}
trap cleanup EXIT

export QUARKUS_DATASOURCE_JDBC_URL=jdbc:postgresql://localhost:5432/$db
export QUARKUS_DATASOURCE_USERNAME=${db}_app QUARKUS_DATASOURCE_PASSWORD=a PALISADE_ADMIN_KEY=$admin
QUARKUS_INIT_AND_EXIT=true QUARKUS_LIQUIBASE_USERNAME=${db}_owner QUARKUS_LIQUIBASE_PASSWORD=o \
  java -jar $app/quarkus-run.jar >/dev/null

java -Dquarkus.http.port=$port -jar $app/quarkus-run.jar > /tmp/palisade-bench-events.log 2>&1 &
service_pid=$!
for _ in $(seq 1 120); do
  curl -sf -o /dev/null http://localhost:$port/q/health/ready && break
  sleep 0.5
done

created=$(curl -sf -X POST http://localhost:$port/admin/tenants -H "Authorization: Bearer $admin" \
  -H 'Content-Type: application/json' -d '{"id":"bench","name":"Bench"}')
export BENCH_TENANT=bench
BENCH_KEY=$(sed -E 's/.*"secret":"([^"]+)".*/\1/' <<<"$created")
export BENCH_KEY

echo "warm-up (15 s) ..."
wrk -t1 -c"$connections" -d15s -s bench/events/append.lua http://localhost:$port >/dev/null
# Statistics as autovacuum keeps them on a live table (a fresh table is not analyzed for up to a minute or more).
psql -X -q -h localhost -U postgres -d $db -c "ANALYZE events, event_positions"
echo "measuring: $seconds s, $connections connections, 1 wrk thread, $(nproc) cores shared by service, database and wrk"
wrk -t1 -c"$connections" -d"${seconds}s" --latency -s bench/events/append.lua http://localhost:$port

read -r count last <<<"$(psql -X -At -F ' ' -h localhost -U postgres -d $db \
  -c "SELECT count(*), coalesce(max(position), 0) FROM events WHERE tenant_id = 'bench'")"
echo "feed of tenant bench: $count events, last position $last"
[[ $count == "$last" ]] || { echo "FAIL: the feed has gaps or duplicates" >&2; exit 1; }
