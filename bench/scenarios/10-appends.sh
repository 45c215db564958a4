# Single-event appends: 100 tenants at 1, 8 and 32 connections, and one hot tenant at 32 (first on an events table
# that has never been analyzed, then with current statistics). Palisade over REST, interleaved with a one-row insert
# transaction (bench/sql/insert-one.sql) and Message DB's write_message (bench/sql/message-db-write.sql).

for c in 1 8 32; do
  scenario "append.tenants.c$c" "appends/s" higher \
    "single-event appends, $BENCH_TENANTS tenants, $c connection(s)" \
    "$([[ $c == 32 ]] && echo '>= 0.5x insert, >= 1.0x Message DB')$([[ $c == 8 ]] && echo 'p99 < 10 ms')"
  subject "append.tenants.c$c" palisade "POST /streams/bench-{1..1000}/events, 1 event, random tenant (wrk, appends.lua)"
  subject "append.tenants.c$c" insert "one-row INSERT transaction into bench.events (pgbench, insert-one.sql)"
  subject "append.tenants.c$c" message-db "Message DB write_message (pgbench, message-db-write.sql)"
done
scenario append.hot.c32.unanalyzed "appends/s" higher \
  "single-event appends, one hot tenant, 32 connections, events table never analyzed" ">= 0.4x insert"
subject append.hot.c32.unanalyzed palisade "POST /streams/bench-{1..1000}/events, 1 event, tenant hot (wrk)"
subject append.hot.c32.unanalyzed insert "one-row INSERT transaction, one tenant (pgbench, insert-one.sql)"
scenario append.hot.c32 "appends/s" higher "single-event appends, one hot tenant, 32 connections" ">= 0.4x insert"
subject append.hot.c32 palisade "POST /streams/bench-{1..1000}/events, 1 event, tenant hot (wrk)"
subject append.hot.c32 insert "one-row INSERT transaction, one tenant (pgbench, insert-one.sql)"

appends_family() {
  # Nothing has appended yet; with autovacuum held off, the table's statistics stay as a fresh table's are until
  # autovacuum gets to it (reltuples -1: never analyzed), through the warm-up and the first measurement.
  pg "$BENCH_DB" -c "ALTER TABLE events SET (autovacuum_enabled = off)" \
    -c "ALTER TABLE event_positions SET (autovacuum_enabled = off)"
  log "warm-up: ${BENCH_WARMUP}s of single-event appends by the hot tenant"
  BENCH_TENANTS_FILE=$BENCH_OUT/hot.txt wrk_warmup appends.lua 32 "$BENCH_WARMUP"
  local analyzed
  analyzed=$(pg_value "$BENCH_DB" "SELECT c.reltuples < 0 AND s.last_analyze IS NULL AND s.last_autoanalyze IS NULL
    FROM pg_class c JOIN pg_stat_user_tables s ON s.relid = c.oid WHERE c.oid = 'public.events'::regclass")
  [[ $analyzed == t ]] || die "the events table was analyzed before the unanalyzed scenario"
  interleave "$BENCH_ROUNDS" hot_unanalyzed_palisade hot_unanalyzed_insert
  analyzed=$(pg_value "$BENCH_DB" "SELECT c.reltuples < 0 FROM pg_class c WHERE c.oid = 'public.events'::regclass")
  [[ $analyzed == t ]] || die "the events table was analyzed during the unanalyzed scenario"

  pg "$BENCH_DB" -c "ALTER TABLE events RESET (autovacuum_enabled)" \
    -c "ALTER TABLE event_positions RESET (autovacuum_enabled)" -c "ANALYZE events" -c "ANALYZE event_positions"
  for BENCH_C in 1 8 32; do
    interleave "$BENCH_ROUNDS" tenants_palisade tenants_insert tenants_message_db
  done
  interleave "$BENCH_ROUNDS" hot_palisade hot_insert
}
family appends_family

hot_unanalyzed_palisade() {
  BENCH_TENANTS_FILE=$BENCH_OUT/hot.txt wrk_run append.hot.c32.unanalyzed palisade "$1" appends.lua 32 \
    "$BENCH_SECONDS" rate
}
hot_unanalyzed_insert() {
  pgbench_run append.hot.c32.unanalyzed insert "$1" "$BENCH_DB" postgres insert-one.sql 32 "$BENCH_SECONDS" rate 1 \
    tenants=1
}
tenants_palisade() { wrk_run "append.tenants.c$BENCH_C" palisade "$1" appends.lua "$BENCH_C" "$BENCH_SECONDS" rate; }
tenants_insert() {
  pgbench_run "append.tenants.c$BENCH_C" insert "$1" "$BENCH_DB" postgres insert-one.sql "$BENCH_C" "$BENCH_SECONDS" \
    rate 1 tenants="$BENCH_TENANTS"
}
tenants_message_db() {
  PGOPTIONS='-c search_path=message_store,public' pgbench_run "append.tenants.c$BENCH_C" message-db "$1" \
    "$BENCH_MDB" postgres message-db-write.sql "$BENCH_C" "$BENCH_SECONDS" rate 1 tenants="$BENCH_TENANTS"
}
hot_palisade() {
  BENCH_TENANTS_FILE=$BENCH_OUT/hot.txt wrk_run append.hot.c32 palisade "$1" appends.lua 32 "$BENCH_SECONDS" rate
}
hot_insert() {
  pgbench_run append.hot.c32 insert "$1" "$BENCH_DB" postgres insert-one.sql 32 "$BENCH_SECONDS" rate 1 tenants=1
}
