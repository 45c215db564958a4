# Shared by bench/run and every scenario file: logging, the scenario registry, measurement records, PostgreSQL
# helpers. Sourced, never run. Everything the harness starts is remembered here and stopped by bench_cleanup.

BENCH_PG_HOST=${BENCH_PG_HOST:-127.0.0.1}
BENCH_PG_PORT=${BENCH_PG_PORT:-5432}
BENCH_PG_SUPERUSER=${BENCH_PG_SUPERUSER:-postgres}

log() { printf '[bench %s] %s\n' "$(date -u +%H:%M:%S)" "$*" >&2; }
die() { log "FAIL: $*"; exit 1; }

# --- registry -------------------------------------------------------------------------------------------------
# A scenario family is one file in bench/scenarios/; it registers each scenario it measures with
#   scenario <id> <unit> <better: higher|lower> <title> [target]
# and adds the function that measures them (setup, warm-up and every interleaved round) with
#   family <function>
# bench/run calls the families in file-name order. Each scenario must end up with at least one record per subject
# it declared (see `measure`); bench/run checks that and fails otherwise, which is what the smoke run tests.
BENCH_FAMILIES=()
family() { BENCH_FAMILIES+=("$1"); }

scenario() {
  local id=$1 unit=$2 better=$3 title=$4 target=${5:-}
  jq -cn --arg id "$id" --arg unit "$unit" --arg better "$better" --arg title "$title" --arg target "$target" \
    '{id: $id, unit: $unit, better: $better, title: $title, target: $target}' >>"$BENCH_OUT/scenarios.jsonl"
}

# subject <scenario id> <subject> <description>: what a subject of a scenario runs (Palisade or a baseline). The
# first subject declared is the one ratios are taken of; every other subject is a baseline it is divided by.
subject() {
  jq -cn --arg s "$1" --arg subject "$2" --arg how "$3" '{scenario: $s, subject: $subject, how: $how}' \
    >>"$BENCH_OUT/subjects.jsonl"
}

# measure <scenario> <subject> <round> <value> [p50_ms] [p99_ms] [requests] [errors]: one measured figure.
measure() {
  local s=$1 subj=$2 round=$3 value=$4 p50=${5:-null} p99=${6:-null} requests=${7:-null} errors=${8:-0}
  [[ $value =~ ^[0-9]+(\.[0-9]+)?$ ]] || die "$s/$subj round $round: no number measured (got '$value')"
  [[ $errors == 0 ]] || die "$s/$subj round $round: $errors failed requests (see $BENCH_OUT/logs)"
  jq -cn --arg s "$s" --arg subject "$subj" --argjson round "$round" --argjson value "$value" \
    --argjson p50 "$p50" --argjson p99 "$p99" --argjson requests "$requests" \
    '{scenario: $s, subject: $subject, round: $round, value: $value, p50_ms: $p50, p99_ms: $p99,
      requests: $requests}' >>"$BENCH_OUT/measurements.jsonl"
  log "  $s  $subj  round $round: $value${5:+  p50 $p50 ms  p99 $p99 ms}"
}

# --- PostgreSQL ------------------------------------------------------------------------------------------------
# psql as the superuser on a database; extra arguments go to psql (-c, -f, -v ...).
pg() {
  local db=$1; shift
  psql -X -q -v ON_ERROR_STOP=1 -h "$BENCH_PG_HOST" -p "$BENCH_PG_PORT" -U "$BENCH_PG_SUPERUSER" -d "$db" "$@"
}
# One value from a query, as the superuser.
pg_value() { pg "$1" -At -c "$2"; }

# --- processes -------------------------------------------------------------------------------------------------
BENCH_PIDS=()
BENCH_DATABASES=()
BENCH_ROLES=()

# A TCP port on loopback that nothing listens on.
free_port() {
  local port
  for _ in $(seq 1 50); do
    port=$((20000 + RANDOM % 20000))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
      echo "$port"
      return
    fi
  done
  die "no free port found"
}

bench_cleanup() {
  local pid
  for pid in "${BENCH_PIDS[@]}"; do
    if kill -0 "$pid" 2>/dev/null; then
      kill "$pid" 2>/dev/null || true
      wait "$pid" 2>/dev/null || true
    fi
  done
  BENCH_PIDS=()
  local db role
  for db in "${BENCH_DATABASES[@]}"; do
    pg postgres -c "DROP DATABASE IF EXISTS \"$db\" WITH (FORCE)" >/dev/null 2>&1 || true
  done
  for role in "${BENCH_ROLES[@]}"; do
    pg postgres -c "DROP ROLE IF EXISTS \"$role\"" >/dev/null 2>&1 || true
  done
  BENCH_DATABASES=()
  BENCH_ROLES=()
}

# The median of numbers, one per line on stdin.
median() { sort -g | awk '{ v[NR] = $1 } END { if (NR == 0) exit 1; print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
