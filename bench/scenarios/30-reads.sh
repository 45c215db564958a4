# Reads with $BENCH_READ_EVENTS events per tenant stored (1,000,000 over 100 tenants in the full run): a whole stream
# of 1,000 events (p50 at 1 connection), and feed pages of 1,000 (events/s at 8 connections). Palisade over REST,
# interleaved with the same database work as the service role (bench/sql/stream-read.sql, feed.sql).

scenario read.stream1000.c1 "ms p50" lower "1,000-event stream read, 1 connection" "p50 < 5 ms"
subject read.stream1000.c1 palisade "GET /streams/read-k/events?fromVersion=1&limit=1000 (wrk, stream-read.lua)"
subject read.stream1000.c1 sql "set_config + EventReader.STREAM as the service role (pgbench, stream-read.sql)"
scenario read.feed1000.c8 "events/s" higher "feed pages of 1,000 events, 8 connections" ">= 400,000 events/s"
subject read.feed1000.c8 palisade "GET /events?after=n&limit=1000, random tenant and n (wrk, feed.lua)"
subject read.feed1000.c8 sql "set_config + EventReader.FEED as the service role (pgbench, feed.sql)"

reads_family() {
  local streams=$((BENCH_READ_EVENTS / 1000)) started
  started=$(date +%s)
  log "seeding the read data: $BENCH_READ_EVENTS events for each of $BENCH_TENANTS tenants"
  pg "$BENCH_DB" -v per_tenant="$BENCH_READ_EVENTS" -v streams="$streams" -f bench/sql/seed-reads.sql >/dev/null
  log "seeded $(pg_value "$BENCH_DB" "SELECT count(*) FROM events WHERE type = 'BenchSeeded'") events in $(($(date +%s) - started)) s"
  # Every request must really return a full page, or the figures would not be what they say.
  local t k
  read -r t k <"$BENCH_OUT/tenants.txt"
  local n
  n=$(curl -sf "$BENCH_URL/streams/read-0/events?fromVersion=1&limit=1000" -H "X-Tenant-ID: $t" \
    -H "Authorization: Bearer $k" | jq '.events | length')
  [[ $n == 1000 ]] || die "a stream read returned $n events, not 1000"
  n=$(curl -sf "$BENCH_URL/events?after=$((BENCH_READ_EVENTS - 1000))&limit=1000" -H "X-Tenant-ID: $t" \
    -H "Authorization: Bearer $k" | jq '.events | length')
  [[ $n == 1000 ]] || die "a feed page returned $n events, not 1000"

  BENCH_READ_STREAMS=$streams wrk_warmup stream-read.lua 1 "$BENCH_WARMUP_SHORT"
  BENCH_FEED_MAX_AFTER=$((BENCH_READ_EVENTS - 1000)) wrk_warmup feed.lua 8 "$BENCH_WARMUP_SHORT"
  interleave "$BENCH_ROUNDS" stream_palisade stream_sql
  interleave "$BENCH_ROUNDS" feed_palisade feed_sql
}
family reads_family

stream_palisade() {
  BENCH_READ_STREAMS=$((BENCH_READ_EVENTS / 1000)) wrk_run read.stream1000.c1 palisade "$1" stream-read.lua 1 \
    "$BENCH_SECONDS" p50
}
stream_sql() {
  pgbench_run read.stream1000.c1 sql "$1" "$BENCH_DB" "${BENCH_DB}_app" stream-read.sql 1 "$BENCH_SECONDS" p50 1 \
    tenants="$BENCH_TENANTS" streams=$((BENCH_READ_EVENTS / 1000))
}
feed_palisade() {
  BENCH_FEED_MAX_AFTER=$((BENCH_READ_EVENTS - 1000)) wrk_run read.feed1000.c8 palisade "$1" feed.lua 8 \
    "$BENCH_SECONDS" rate 1000
}
feed_sql() {
  pgbench_run read.feed1000.c8 sql "$1" "$BENCH_DB" "${BENCH_DB}_app" feed.sql 8 "$BENCH_SECONDS" rate 1000 \
    tenants="$BENCH_TENANTS" max_after=$((BENCH_READ_EVENTS - 1000))
}
