#!/usr/bin/env bash
# Measures how long the packaged service takes from process start to a 200 on /q/health/ready, on a database
# that the pipeline (QUARKUS_INIT_AND_EXIT=true) has migrated. Target: under 5 seconds.
#
#   mvn -q package -pl api -am -DskipTests && bench/startup.sh [runs]
#
# Uses the local PostgreSQL (superuser postgres on localhost:5432) and a throwaway database it drops afterwards.
# Prints one line per run and the median, for the plain jar and for the jar with the AppCDS archive that
# deploy/docker/appcds.sh makes (the JVM image makes its archive with the same script, see deploy/README.md).
# BENCH_WRAPPER prefixes each java command, e.g. BENCH_WRAPPER="taskset -c 0" to see the start on one CPU.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-5}
app=api/target/quarkus-app
# Own database and port per run, so that it can run beside another benchmark or test run.
db=palisade_bench_startup_$$
port=$(for _ in $(seq 1 50); do p=$((20000 + RANDOM % 20000)); (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null || { echo $p; break; }; done)
[[ -f $app/quarkus-run.jar ]] || { echo "build first: mvn -q package -pl api -am -DskipTests" >&2; exit 1; }

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
export QUARKUS_DATASOURCE_USERNAME=${db}_app QUARKUS_DATASOURCE_PASSWORD=a PALISADE_ADMIN_KEY=bench-admin-key-0123456789
(cd $app && QUARKUS_INIT_AND_EXIT=true QUARKUS_LIQUIBASE_USERNAME=${db}_owner QUARKUS_LIQUIBASE_PASSWORD=o \
  java -jar quarkus-run.jar >/dev/null)

measure() {
  local label=$1; shift
  local times=()
  for _ in $(seq 1 "$runs"); do
    local start end
    start=$(date +%s%N)
    (cd $app && exec ${BENCH_WRAPPER:-} java "$@" -Dquarkus.http.port=$port -jar quarkus-run.jar >/dev/null 2>&1) &
    service_pid=$!
    until curl -sf -o /dev/null "http://localhost:$port/q/health/ready"; do
      kill -0 "$service_pid" 2>/dev/null || { echo "the service exited while starting" >&2; exit 1; }
      sleep 0.02
    done
    end=$(date +%s%N)
    kill "$service_pid"; wait "$service_pid" 2>/dev/null || true
    service_pid=
    times+=($(( (end - start) / 1000000 )))
  done
  local median
  median=$(printf '%s\n' "${times[@]}" | sort -n | sed -n "$(( (runs + 1) / 2 ))p")
  echo "$label: ready after ${times[*]} ms (median $median ms)"
}
measure "plain jar"
deploy/docker/appcds.sh $app
measure "jar + AppCDS" -Xshare:on -XX:SharedArchiveFile=app-cds.jsa
