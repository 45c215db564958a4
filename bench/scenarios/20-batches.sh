# Batch appends of 100 events at 8 connections: Palisade over REST interleaved with a 100-row insert transaction
# (bench/sql/insert-hundred.sql).

scenario append.batch100.c8 "events/s" higher "batch appends of 100 events, $BENCH_TENANTS tenants, 8 connections" \
  ">= 0.7x insert"
subject append.batch100.c8 palisade "POST /streams/bench-{1..1000}/events, 100 events, random tenant (wrk)"
subject append.batch100.c8 insert "100-row INSERT transaction into bench.events (pgbench, insert-hundred.sql)"

batches_family() {
  BENCH_BATCH=100 wrk_warmup appends.lua 8 "$BENCH_WARMUP_SHORT"
  interleave "$BENCH_ROUNDS" batch_palisade batch_insert
}
family batches_family

batch_palisade() {
  BENCH_BATCH=100 wrk_run append.batch100.c8 palisade "$1" appends.lua 8 "$BENCH_SECONDS" rate 100
}
batch_insert() {
  pgbench_run append.batch100.c8 insert "$1" "$BENCH_DB" postgres insert-hundred.sql 8 "$BENCH_SECONDS" rate 100 \
    tenants="$BENCH_TENANTS"
}
