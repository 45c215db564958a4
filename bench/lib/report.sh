# Results: every scenario must have a figure from every subject it declared (check_complete); then the JSON file for
# tools (write_results_json) and the Markdown for people (write_results_md). Sourced after common.sh.

# Fails naming each scenario or subject without a measured number; prints how many figures there are.
check_complete() {
  jq -rn --slurpfile sc "$BENCH_OUT/scenarios.jsonl" --slurpfile su "$BENCH_OUT/subjects.jsonl" \
    --slurpfile me "$BENCH_OUT/measurements.jsonl" '
    $sc[] as $s | ($su | map(select(.scenario == $s.id))) as $subs
    | if ($subs | length) == 0 then "\($s.id): declares no subject"
      else $subs[] as $sub
           | select([$me[] | select(.scenario == $s.id and .subject == $sub.subject and (.value | type) == "number")]
                    | length == 0)
           | "\($s.id): no figure for \($sub.subject)" end' >"$BENCH_OUT/missing.txt"
  if [[ -s $BENCH_OUT/missing.txt ]]; then
    cat "$BENCH_OUT/missing.txt" >&2
    die "some scenarios produced no number"
  fi
  log "every scenario ran: $(wc -l <"$BENCH_OUT/scenarios.jsonl") scenarios, $(wc -l <"$BENCH_OUT/measurements.jsonl") figures"
}

# write_results_json <file>: machine, date, commit, parameters, and per scenario every subject's rounds, medians and
# the ratios of the first subject (Palisade) to each baseline, overall (of medians) and per round.
write_results_json() {
  local commit dirty
  commit=$(git rev-parse HEAD)
  dirty=$([[ -z $(git status --porcelain --untracked-files=no -- . ':!bench') ]] && echo false || echo true)
  jq -n --slurpfile sc "$BENCH_OUT/scenarios.jsonl" --slurpfile su "$BENCH_OUT/subjects.jsonl" \
    --slurpfile me "$BENCH_OUT/measurements.jsonl" --slurpfile wu "$BENCH_OUT/warmups.jsonl" \
    --arg date "$BENCH_STARTED" --arg commit "$commit" --argjson dirty "$dirty" \
    --arg subject_line "$(git log -1 --format=%s)" --arg mode "$BENCH_MODE" \
    --arg cpu "$(lscpu | sed -nE 's/^Model name: *//p' | head -1)" --argjson cores "$(nproc)" \
    --argjson memory_mb "$(free -m | awk '/^Mem:/ { print $2 }')" --arg kernel "$(uname -r)" \
    --arg java "$(java -version 2>&1 | head -1)" --arg postgres "$(pg_value postgres 'SHOW server_version')" \
    --arg wrk "$(wrk -v 2>&1 | head -1 | awk '{ print $1, $2 }')" --arg pgbench "$(pgbench --version)" \
    --arg message_db "$BENCH_MESSAGE_DB_VERSION" --arg jvm "$(container_jvm_options)" \
    --arg load "$(cut -d' ' -f1-3 /proc/loadavg)" --arg load_start "$BENCH_LOAD_START" --arg note "${BENCH_NOTE:-}" \
    --argjson seconds "$BENCH_SECONDS" --argjson rounds "$BENCH_ROUNDS" --argjson tenants "$BENCH_TENANTS" \
    --argjson read_events "$BENCH_READ_EVENTS" --argjson warmup "$BENCH_WARMUP" \
    --argjson jit_settled "${BENCH_JIT_SETTLED:-2}" --argjson warmup_chunk "${BENCH_WARMUP_CHUNK:-5}" '
    def median: sort | if length == 0 then null elif length % 2 == 1 then .[(length - 1) / 2]
                       else (.[length / 2 - 1] + .[length / 2]) / 2 end;
    def r3: (. * 1000 | round) / 1000;
    {
      date: $date, mode: $mode, commit: $commit, commit_subject: $subject_line, dirty: $dirty, note: $note,
      machine: {cpu: $cpu, cores: $cores, memory_mb: $memory_mb, kernel: $kernel, java: $java,
                postgres: $postgres, wrk: $wrk, pgbench: $pgbench, message_db: $message_db,
                load_average_at_start: $load_start, load_average_at_end: $load},
      parameters: {seconds_per_run: $seconds, rounds: $rounds, tenants: $tenants,
                   events_per_tenant_for_reads: $read_events, warmup_seconds: $warmup, warmup_chunk_seconds: $warmup_chunk,
                   warmup_jit_settled_percent: $jit_settled, service_jvm_options: $jvm},
      warmups: $wu,
      scenarios: [ $sc[] as $s
        | ($me | map(select(.scenario == $s.id and (.value | type) == "number"))) as $ms
        | $s + {subjects: [ $su[] | select(.scenario == $s.id) | . as $sub
                  | ($ms | map(select(.subject == $sub.subject)) | sort_by(.round)) as $m
                  | {subject: $sub.subject, how: $sub.how, value: ($m | map(.value) | median),
                     p50_ms: ($m | map(.p50_ms | select(. != null)) | median),
                     p99_ms: ($m | map(.p99_ms | select(. != null)) | median),
                     rounds: [$m[] | {round, value, p50_ms, p99_ms, requests}]} ]}
        | .ratios = [ .subjects[0] as $a | .subjects[1:][] as $b
                      | {of: $a.subject, to: $b.subject,
                         value: (if ($b.value // 0) > 0 then $a.value / $b.value | r3 else null end),
                         per_round: [ range(0; [($a.rounds | length), ($b.rounds | length)] | min) as $i
                                      | if $b.rounds[$i].value > 0 then $a.rounds[$i].value / $b.rounds[$i].value | r3
                                        else null end ]} ]
      ]
    }' >"$1"
}

# write_results_md <results.json> <file> <json name shown> <json link relative to the file>: the same figures as a page, with how to reproduce them.
write_results_md() {
  jq -r --arg json "$3" --arg link "$4" '
    def commas: if length > 3 then (.[0:length - 3] | commas) + "," + .[length - 3:] else . end;
    def num: if . == null then "n/a" elif . >= 100 then (round | tostring | commas)
             elif . >= 10 then ((. * 10 | round) / 10 | tostring) else ((. * 100 | round) / 100 | tostring) end;
    def lat: if .p50_ms != null then " (p50 \(.p50_ms | num) ms, p99 \(.p99_ms | num) ms)" else "" end;
    "# Benchmark results",
    "",
    "Written by `bench/run` (\(.mode) run). Every figure is the median of \(.parameters.rounds) interleaved rounds of \(.parameters.seconds_per_run) s; ratios are Palisade over the baseline (for a latency, higher means slower). Per-round figures, and everything below, are in [`\($json)`](\($link)).",
    "",
    "| | |", "|---|---|",
    "| date (UTC) | \(.date) |",
    "| commit | `\(.commit[0:12])` \(.commit_subject)\(if .dirty then " (with uncommitted changes)" else "" end) |",
    "| machine | \(.machine.cpu), \(.machine.cores) cores, \(.machine.memory_mb | num) MB, Linux \(.machine.kernel) |",
    "| software | \(.machine.java); PostgreSQL \(.machine.postgres); \(.machine.wrk); \(.machine.pgbench); Message DB \(.machine.message_db) |",
    "| service JVM | `\(.parameters.service_jvm_options)` |",
    "| data | \(.parameters.tenants) tenants; \(.parameters.events_per_tenant_for_reads | num) events per tenant for the reads (\(.parameters.tenants * .parameters.events_per_tenant_for_reads | num) in all) |",
    "| warm-up | before each family, until the JIT compilers used < \(.parameters.warmup_jit_settled_percent) % of a core for \(.parameters.warmup_chunk_seconds) s (at least \(.parameters.warmup_seconds) s for the first): \([.warmups[] | "\(.script) c\(.connections) \(.seconds) s\(if .settled then "" else " (not settled)" end)"] | join(", ")) |",
    "| load average (1, 5, 15 min) | at the start \(.machine.load_average_at_start); at the end \(.machine.load_average_at_end) |",
    (if .note != "" then "| note | \(.note) |" else empty end),
    "",
    "## Figures",
    "",
    "| scenario | Palisade (or the first subject) | baselines | ratio | target |",
    "|---|---|---|---|---|",
    (.scenarios[] | . as $s
      | "| \(.title) | \(if .subjects[0].subject == "palisade" then "" else .subjects[0].subject + " " end)"
        + "\(.subjects[0].value | num) \(.unit)\(if .unit | startswith("ms") then (.subjects[0] | if .p99_ms != null then " (p99 \(.p99_ms | num) ms)" else "" end) else .subjects[0] | lat end) | "
        + ([.subjects[1:][] | "\(.subject) \(.value | num)\(lat)"] | join("; ")) + " | "
        + ([.ratios[] | "\(.value | if . == null then "n/a" else (. * 100 | round) / 100 | tostring end)x \(.to)"] | join("; ")) + " | "
        + (.target // "") + " |"),
    "",
    "Where the time goes, and why a target is still missed: [PROFILE.md](PROFILE.md) (written by hand from profiles).",
    "",
    "## What each side runs",
    "",
    "| scenario | subject | what runs | rounds |",
    "|---|---|---|---|",
    (.scenarios[] | . as $s | .subjects[]
      | "| `\($s.id)` | \(.subject) | \(.how) | \([.rounds[].value | num] | join(", ")) |"),
    "",
    "## How to reproduce",
    "",
    "```bash",
    "bench/run            # the full run (about 15 minutes); writes this file and bench/results/<date>-<commit>.json",
    "bench/run --smoke    # seconds per scenario: checks that every scenario runs and yields a number",
    "```",
    "",
    "See [README.md](README.md) for what the harness does, what it needs, and how to add a scenario."
  ' "$1" >"$2"
}
