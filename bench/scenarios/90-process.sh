# The service process: start to ready, and resident memory after every other scenario has run (so this family
# must stay last). The full run also reruns bench/startup.sh (plain jar and jar + AppCDS, on a fresh database).

scenario process.ready "ms" lower "start to ready of the benchmarked service (container JVM options)" "no slower than today"
subject process.ready palisade "process start to first 200 from /q/health/ready, on a migrated database"
scenario process.rss "MB" lower "resident memory after the run (container JVM options)" "<= 350 MB"
subject process.rss palisade "VmRSS of the service process after all scenarios"
if [[ $BENCH_SMOKE != 1 ]]; then
  scenario process.ready.plain "ms" lower "start to ready, plain jar, median of $BENCH_STARTUP_RUNS (bench/startup.sh)" \
    "< 5 s"
  subject process.ready.plain palisade "bench/startup.sh $BENCH_STARTUP_RUNS, plain jar"
  scenario process.ready.appcds "ms" lower \
    "start to ready, jar + AppCDS, median of $BENCH_STARTUP_RUNS (bench/startup.sh)" "< 5 s"
  subject process.ready.appcds palisade "bench/startup.sh $BENCH_STARTUP_RUNS, jar + AppCDS archive"
fi

process_family() {
  measure process.ready palisade 1 "$SERVICE_READY_MS"
  measure process.rss palisade 1 "$(rss_mb "$SERVICE_PID")"
  [[ $BENCH_SMOKE == 1 ]] && return
  stop_service
  local out
  out=$(bench/startup.sh "$BENCH_STARTUP_RUNS" 2>"$BENCH_OUT/logs/startup.err") \
    || die "bench/startup.sh failed (logs/startup.err)"
  echo "$out" >"$BENCH_OUT/logs/startup.txt"
  measure process.ready.plain palisade 1 "$(sed -nE 's/^plain jar: .*\(median ([0-9]+) ms\)/\1/p' <<<"$out")"
  measure process.ready.appcds palisade 1 "$(sed -nE 's/^jar \+ AppCDS: .*\(median ([0-9]+) ms\)/\1/p' <<<"$out")"
}
family process_family
