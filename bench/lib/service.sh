# The service under test: build, throwaway database, pipeline migration, start with the container's JVM options,
# tenants. Sourced by bench/run after common.sh.

# BENCH_APP: another build's quarkus-app directory (e.g. a copy of the previous build, for a before/after run).
BENCH_APP=${BENCH_APP:-api/target/quarkus-app}

# Builds the service when the runnable jar is missing or older than any source or POM (never `mvn install`); a
# BENCH_APP given by the caller is run as it is.
build_if_needed() {
  local jar=$BENCH_APP/quarkus-run.jar
  [[ $BENCH_APP != api/target/quarkus-app ]] && { [[ -f $jar ]] || die "$jar is missing"; return; }
  if [[ -f $jar ]] && [[ -z $(find . \( -path ./bench -o -name target -o -name .git \) -prune -o \( -name '*.java' -o -name '*.sql' -o -name '*.yaml' \
    -o -name '*.properties' -o -name pom.xml \) -newer "$jar" -print -quit) ]]; then
    return
  fi
  [[ ${BENCH_SMOKE:-0} == 1 ]] && die "$jar is missing or stale; build it first: mvn -q package -DskipTests"
  log "building the service: mvn -q package -DskipTests"
  mvn -q package -DskipTests
}

# The JVM options the container image gives the service: run-java.sh of ubi9/openjdk-17-runtime sizes the heap at
# JAVA_MAX_MEM_RATIO=60 % of the container's memory limit (768Mi in deploy/k8s/deployment.yaml; -XX:MaxRAM stands in
# for the cgroup limit outside a container), adds its default GC options, then JAVA_OPTS_APPEND of Dockerfile.jvm.
# The AppCDS archive is left out (it changes start time, measured separately by startup.sh, not throughput).
container_jvm_options() {
  echo "-XX:MaxRAM=${BENCH_CONTAINER_MEMORY:-768m} -XX:MaxRAMPercentage=60 -XX:+UseParallelGC" \
    "-XX:MinHeapFreeRatio=10 -XX:MaxHeapFreeRatio=20 -XX:GCTimeRatio=4 -XX:AdaptiveSizePolicyWeight=90" \
    "-XX:+ExitOnOutOfMemoryError -Xmn40m -Djava.util.logging.manager=org.jboss.logmanager.LogManager -Xshare:auto"
}

# bootstrap_database <db>: the database and its owner and service roles, by deploy/postgres/bootstrap.sql.
bootstrap_database() {
  local db=$1
  BENCH_DATABASES+=("$db")
  BENCH_ROLES+=("${db}_app" "${db}_owner")
  pg postgres -v db="$db" -v owner="${db}_owner" -v owner_password=o -v app="${db}_app" -v app_password=a \
    -f deploy/postgres/bootstrap.sql >/dev/null
}

# start_migration <db>: starts the pipeline's migration (QUARKUS_INIT_AND_EXIT=true, as the owner role) in the
# background and sets MIGRATION_PID; `wait "$MIGRATION_PID"` gives its exit status.
start_migration() {
  local db=$1
  QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://$BENCH_PG_HOST:$BENCH_PG_PORT/$db" \
    QUARKUS_DATASOURCE_USERNAME="${db}_app" QUARKUS_DATASOURCE_PASSWORD=a PALISADE_ADMIN_KEY="$BENCH_ADMIN_KEY" \
    QUARKUS_INIT_AND_EXIT=true QUARKUS_LIQUIBASE_USERNAME="${db}_owner" QUARKUS_LIQUIBASE_PASSWORD=o \
    java -jar "$BENCH_APP/quarkus-run.jar" >"$BENCH_OUT/logs/migrate.log" 2>&1 &
  MIGRATION_PID=$!
  BENCH_PIDS+=("$MIGRATION_PID")
}

# start_service <db> <port>: starts the jar, waits for /q/health/ready; sets SERVICE_PID and SERVICE_READY_MS.
start_service() {
  local db=$1 port=$2 start end
  start=$(date +%s%N)
  # shellcheck disable=SC2046 # the options are words
  QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://$BENCH_PG_HOST:$BENCH_PG_PORT/$db" \
    QUARKUS_DATASOURCE_USERNAME="${db}_app" QUARKUS_DATASOURCE_PASSWORD=a PALISADE_ADMIN_KEY="$BENCH_ADMIN_KEY" \
    java $(container_jvm_options) ${BENCH_JAVA_OPTS:-} -Dquarkus.http.host=127.0.0.1 -Dquarkus.http.port="$port" \
    -jar "$BENCH_APP/quarkus-run.jar" >"$BENCH_OUT/logs/service.log" 2>&1 &
  SERVICE_PID=$!
  BENCH_PIDS+=("$SERVICE_PID")
  for _ in $(seq 1 1200); do
    if curl -sf -o /dev/null "http://127.0.0.1:$port/q/health/ready"; then
      end=$(date +%s%N)
      SERVICE_READY_MS=$(((end - start) / 1000000))
      return
    fi
    kill -0 "$SERVICE_PID" 2>/dev/null || die "the service exited while starting (logs/service.log)"
    sleep 0.05
  done
  die "the service was not ready after 60 s (logs/service.log)"
}

# seed_tenants <base url> <count>: tenants t000, t001 ... through the admin API, plus the hot tenant "hot"; writes
# "tenant key" lines to $BENCH_OUT/tenants.txt (read by the wrk scripts) and hot.txt.
seed_tenants() {
  local base=$1 count=$2 i id body
  : >"$BENCH_OUT/tenants.txt"
  for i in $(seq 0 $((count - 1))) hot; do
    [[ $i == hot ]] && id=hot || id=$(printf 't%03d' "$i")
    body=$(curl -sf -X POST "$base/admin/tenants" -H "Authorization: Bearer $BENCH_ADMIN_KEY" \
      -H 'Content-Type: application/json' -d "{\"id\":\"$id\",\"name\":\"Bench $id\"}") \
      || die "could not create tenant $id"
    if [[ $id == hot ]]; then
      echo "$id $(jq -r .apiKey.secret <<<"$body")" >"$BENCH_OUT/hot.txt"
    else
      echo "$id $(jq -r .apiKey.secret <<<"$body")" >>"$BENCH_OUT/tenants.txt"
    fi
  done
}

# rss_mb <pid>: resident set size of a process in MB.
rss_mb() { awk '/^VmRSS:/ { printf "%.0f", $2 / 1024 }' "/proc/$1/status"; }

# Stops the service started by start_service.
stop_service() {
  kill "$SERVICE_PID" 2>/dev/null || true
  wait "$SERVICE_PID" 2>/dev/null || true
}
