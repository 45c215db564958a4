# The two load generators, each bounded in time and aimed at loopback only: wrk for Palisade over REST, pgbench for
# the SQL baselines. Both are closed-loop with a fixed number of connections and one generator thread, so the two
# sides of a ratio are driven the same way. Each run ends in one `measure` record. Sourced after common.sh.

BENCH_RUN_SEQ=0

# wrk_run <scenario> <subject> <round> <lua script> <connections> <seconds> <metric: rate|p50> [units per request]
# Runs bench/lua/<script>; the script's environment comes from the caller (BENCH_* variables).
wrk_run() {
  local s=$1 subj=$2 round=$3 script=$4 conns=$5 secs=$6 metric=$7 per=${8:-1}
  BENCH_RUN_SEQ=$((BENCH_RUN_SEQ + 1))
  local out="$BENCH_OUT/logs/wrk-$BENCH_RUN_SEQ.json"
  BENCH_WRK_OUT=$out BENCH_TENANTS_FILE=${BENCH_TENANTS_FILE:-$BENCH_OUT/tenants.txt} \
    wrk -t1 -c"$conns" -d"${secs}s" --timeout 10s -s "bench/lua/$script" "$BENCH_URL" \
    >"$BENCH_OUT/logs/wrk-$BENCH_RUN_SEQ.txt" 2>&1 || die "wrk failed: $s/$subj (logs/wrk-$BENCH_RUN_SEQ.txt)"
  [[ -s $out ]] || die "wrk wrote no result: $s/$subj (logs/wrk-$BENCH_RUN_SEQ.txt)"
  local requests secs_run p50 p99 errors value
  read -r requests secs_run p50 p99 errors < <(jq -r \
    '"\(.requests) \(.duration_us / 1e6) \(.p50_us / 1000) \(.p99_us / 1000) \(.errors)"' "$out")
  if [[ $metric == p50 ]]; then value=$p50; else value=$(awk -v r="$requests" -v d="$secs_run" -v p="$per" \
    'BEGIN { printf "%.1f", r * p / d }'); fi
  [[ $requests -gt 0 ]] || value=none
  measure "$s" "$subj" "$round" "$value" "$(printf '%.2f' "$p50")" "$(printf '%.2f' "$p99")" "$requests" "$errors"
}

# pgbench_run <scenario> <subject> <round> <db> <user> <sql script> <clients> <seconds> <metric: rate|p50>
#             [units per transaction] [pgbench -D name=value ...]
# Runs bench/sql/<script> with prepared statements; latency percentiles come from pgbench's per-transaction log.
pgbench_run() {
  local s=$1 subj=$2 round=$3 db=$4 user=$5 script=$6 clients=$7 secs=$8 metric=$9 per=${10:-1}
  shift 10 2>/dev/null || shift $#
  BENCH_RUN_SEQ=$((BENCH_RUN_SEQ + 1))
  local dir="$BENCH_OUT/logs/pgbench-$BENCH_RUN_SEQ"
  mkdir -p "$dir"
  local vars=() arg
  for arg in "$@"; do vars+=(-D "$arg"); done
  (cd "$dir" && PGPASSWORD=a pgbench -n -M prepared -h "$BENCH_PG_HOST" -p "$BENCH_PG_PORT" -U "$user" \
    -c "$clients" -j 1 -T "$secs" -l --log-prefix=tx "${vars[@]}" -f "$BENCH_ROOT/bench/sql/$script" "$db" \
    >out.txt 2>&1) || die "pgbench failed: $s/$subj (logs/pgbench-$BENCH_RUN_SEQ/out.txt)"
  local processed failed tps p50 p99 value
  processed=$(sed -nE 's/^number of transactions actually processed: ([0-9]+).*/\1/p' "$dir/out.txt")
  failed=$(sed -nE 's/^number of failed transactions: ([0-9]+).*/\1/p' "$dir/out.txt")
  tps=$(sed -nE 's/^tps = ([0-9.]+) \(without initial connection time\)/\1/p' "$dir/out.txt")
  read -r p50 p99 < <(cat "$dir"/tx.* | awk '{ print $3 }' | sort -n | awk '{ v[NR] = $1 }
    END { if (NR == 0) { print "null null"; exit } i50 = int(NR * 0.50); i99 = int(NR * 0.99);
          if (i50 < 1) i50 = 1; if (i99 < 1) i99 = 1; printf "%.2f %.2f\n", v[i50] / 1000, v[i99] / 1000 }')
  rm -f "$dir"/tx.*
  if [[ $metric == p50 ]]; then value=$p50; else value=$(awk -v t="$tps" -v p="$per" 'BEGIN { printf "%.1f", t * p }'); fi
  [[ ${processed:-0} -gt 0 ]] || value=none
  measure "$s" "$subj" "$round" "$value" "$p50" "$p99" "${processed:-0}" "${failed:-0}"
}

# interleave <rounds> <function> ...: round 1 runs every function once in order, then round 2, and so on (A, B, A,
# B ...), so that every subject of a ratio sees the same drift of a shared machine. Each function gets the round.
interleave() {
  local rounds=$1 r f; shift
  for r in $(seq 1 "$rounds"); do
    for f in "$@"; do "$f" "$r"; done
  done
}

# wrk_warmup <lua script> <connections> <seconds>: the same load, unmeasured (JIT, caches, pool), for at least
# <seconds>, then on in chunks of BENCH_WARMUP_CHUNK seconds until the service's JIT compilers have settled: they used
# less than BENCH_JIT_SETTLED per cent of one core during the last chunk (or BENCH_WARMUP_MAX seconds have passed).
# A fixed warm-up is not enough: the service's C1/C2 compilers keep compiling for one to two minutes of load on this
# machine, and while they do they take CPU from the service and the database (bench/PROFILE.md). Each warm-up is
# recorded in warmups.jsonl (seconds run, the compilers' share in the last chunk, settled or not).
wrk_warmup() {
  local script=$1 conns=$2 min=$3
  [[ $min -gt 0 ]] || return 0
  local chunk=${BENCH_WARMUP_CHUNK:-5} max=${BENCH_WARMUP_MAX:-150} settled=${BENCH_JIT_SETTLED:-2}
  local ran=0 secs=$min share=null before after done=false
  while :; do
    before=$(jit_ticks)
    BENCH_WRK_OUT=/dev/null BENCH_TENANTS_FILE=${BENCH_TENANTS_FILE:-$BENCH_OUT/tenants.txt} \
      wrk -t1 -c"$conns" -d"${secs}s" --timeout 10s -s "bench/lua/$script" "$BENCH_URL" \
      >"$BENCH_OUT/logs/warmup.txt" 2>&1 || die "wrk failed while warming up with $script (logs/warmup.txt)"
    after=$(jit_ticks)
    ran=$((ran + secs))
    # Ticks are 1/100 s: the compilers' CPU over the wall time of the chunk, in per cent of one core.
    share=$(awk -v t=$((after - before)) -v s="$secs" 'BEGIN { printf "%.1f", t / s }')
    if awk -v p="$share" -v lim="$settled" 'BEGIN { exit !(p < lim) }'; then done=true; break; fi
    [[ $BENCH_SMOKE == 1 || $ran -ge $max ]] && break
    secs=$chunk
  done
  log "  warm-up $script c$conns: ${ran}s, JIT compilers ${share}% of a core in the last ${secs}s$([[ $done == true ]] \
    || echo ' (not settled)')"
  jq -cn --arg script "$script" --argjson conns "$conns" --argjson seconds "$ran" --argjson jit "$share" \
    --argjson settled "$done" '{script: $script, connections: $conns, seconds: $seconds,
      jit_percent_of_a_core_last_chunk: $jit, settled: $settled}' >>"$BENCH_OUT/warmups.jsonl"
}

# The CPU ticks (1/100 s) used so far by the service's JIT compiler threads (HotSpot names them "C1/C2 CompilerThre").
jit_ticks() {
  local f total=0 line
  for f in /proc/"$SERVICE_PID"/task/*/stat; do
    line=$(cat "$f" 2>/dev/null) || continue
    [[ $line == *"(C1 CompilerThre)"* || $line == *"(C2 CompilerThre)"* ]] || continue
    line=${line##*) }
    # After the name: state is field 3 of stat; utime and stime are fields 14 and 15.
    total=$((total + $(awk '{ print $12 + $13 }' <<<"$line")))
  done
  echo "$total"
}
