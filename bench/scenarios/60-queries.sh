# Queries (issue 13): the document query language over bench_orders, $BENCH_QUERY_DOCS orders per tenant (1,000, so
# 100,000 over 100 tenants, in the full run; 200 in the smoke run) and 100 bench_customers each. bench/collections.yaml
# declares both, with the indexes `status` and `total` (built by the migration) and the reference customerId. Each
# scenario is Palisade over REST (wrk, lua/queries.lua) beside the same query written by hand (pgbench,
# sql/query-*.sql): a transaction as the service role that binds the tenant, as the service's are, interleaved round
# by round. The two declared-index scenarios have a third subject, the same SQL as the superuser: row-level security
# bypassed (as the service role the declared index serves the filter too, its extractors being LEAKPROOF since
# schema 1.4.0: the two plans should now match; bench/README.md, "Queries").

BENCH_QUERY_DOCS=${BENCH_QUERY_DOCS:-$([[ $BENCH_SMOKE == 1 ]] && echo 200 || echo 1000)}
BENCH_QUERY_CUSTOMERS=100
BENCH_QUERY_RANGE=400 # the width of a range of totals, which lie in [0, 10000): about 40 of a tenant's 1,000 orders
BENCH_QUERY_INCLUDE=customer # the reference customerId, named without its Id
QUERY_LIST=/collections/bench_orders/documents

scenario query.eq.c1 "ms p50" lower "equality on a declared index (data.status, a page of 40), 1 connection" \
  "p50 < 10 ms, <= 1.3x sql"
subject query.eq.c1 palisade "GET $QUERY_LIST?data.status=s{01..25}&limit=50 (wrk, queries.lua eq)"
subject query.eq.c1 sql "palisade_doc_text(data, '{status}') = ?, service role, tenant bound (pgbench, query-eq.sql)"
subject query.eq.c1 index "the same SQL as the superuser: no row-level security (pgbench)"
scenario query.eq.c8 "queries/s" higher "equality on a declared index, 8 connections" ">= 0.77x sql (1.3x)"
subject query.eq.c8 palisade "the same requests, 8 connections (wrk, queries.lua eq)"
subject query.eq.c8 sql "the same SQL as the service role, 8 clients (pgbench, query-eq.sql)"
scenario query.range.c1 "ms p50" lower "range on a declared index, ordered by it (about 40 rows), 1 connection" \
  "<= 1.3x sql"
subject query.range.c1 palisade \
  "GET $QUERY_LIST?data.total__gte=lo&data.total__lt=lo+400&orderBy=data.total&limit=50 (wrk, queries.lua range)"
subject query.range.c1 sql \
  "palisade_doc_number_key(data, '{total}') range rechecked on numeric, ordered, service role (pgbench, query-range.sql)"
subject query.range.c1 index "the same SQL as the superuser: no row-level security (pgbench)"
scenario query.scan.c1 "ms p50" lower "filter on an undeclared field (the tenant's orders scanned), 1 connection" \
  "<= 1.3x sql"
subject query.scan.c1 palisade "GET $QUERY_LIST?data.region=r{01..50}&limit=50 (wrk, queries.lua scan)"
subject query.scan.c1 sql "data ->> 'region' = ?, service role, tenant bound (pgbench, query-scan.sql)"
scenario query.group.c1 "ms p50" lower "group by a field with counts (25 groups), 1 connection" "<= 1.3x sql"
subject query.group.c1 palisade \
  "POST $QUERY_LIST/query {\"groupBy\":[\"data.status\"],\"_count\":true} (wrk, queries.lua group)"
subject query.group.c1 sql "GROUP BY data ->> 'status' with count(*), service role (pgbench, query-group.sql)"
scenario query.include100.c1 "ms p50" lower "include of a declared reference on a page of 100, 1 connection" \
  "<= 1.3x sql"
subject query.include100.c1 palisade "GET $QUERY_LIST?include=$BENCH_QUERY_INCLUDE&limit=100 (wrk, queries.lua include)"
subject query.include100.c1 sql "100 orders joined to their customers, service role (pgbench, query-include.sql)"

queries_family() {
  ((BENCH_QUERY_DOCS >= 100 && BENCH_QUERY_DOCS <= 9999)) || die "BENCH_QUERY_DOCS must be 100 to 9999"
  local started
  started=$(date +%s)
  pg "$BENCH_DB" -v per_tenant="$BENCH_QUERY_DOCS" -v customers="$BENCH_QUERY_CUSTOMERS" \
    -f bench/sql/seed-queries.sql >/dev/null
  log "seeded $(pg_value "$BENCH_DB" "SELECT count(*) FROM documents WHERE collection = 'bench_orders'") orders" \
    "in $(($(date +%s) - started)) s"
  queries_check
  local q
  for q in eq range scan group include; do
    BENCH_QUERY=$q query_env wrk_warmup queries.lua 1 "$BENCH_WARMUP_SHORT"
  done
  interleave "$BENCH_ROUNDS" query_eq_palisade query_eq_sql query_eq_index
  interleave "$BENCH_ROUNDS" query_eq8_palisade query_eq8_sql
  interleave "$BENCH_ROUNDS" query_range_palisade query_range_sql query_range_index
  interleave "$BENCH_ROUNDS" query_scan_palisade query_scan_sql
  interleave "$BENCH_ROUNDS" query_group_palisade query_group_sql
  interleave "$BENCH_ROUNDS" query_include_palisade query_include_sql
}
family queries_family

# query_env <command ...>: runs the command with the environment of queries.lua.
query_env() { BENCH_QUERY_RANGE=$BENCH_QUERY_RANGE BENCH_QUERY_INCLUDE=$BENCH_QUERY_INCLUDE "$@"; }
# query_wrk <scenario> <round> <query> <connections>: Palisade's side (p50 at 1 connection, else queries/s).
query_wrk() {
  BENCH_QUERY=$3 query_env wrk_run "$1" palisade "$2" queries.lua "$4" "$BENCH_SECONDS" \
    "$([[ $4 == 1 ]] && echo p50 || echo rate)"
}
# query_sql <scenario> <subject> <round> <user> <script> <clients> [pgbench -D ...]: a SQL side, likewise.
query_sql() {
  local s=$1 subj=$2 round=$3 user=$4 script=$5 clients=$6
  shift 6
  pgbench_run "$s" "$subj" "$round" "$BENCH_DB" "$user" "$script" "$clients" "$BENCH_SECONDS" \
    "$([[ $clients == 1 ]] && echo p50 || echo rate)" 1 tenants="$BENCH_TENANTS" "$@"
}
query_eq_palisade() { query_wrk query.eq.c1 "$1" eq 1; }
query_eq_sql() { query_sql query.eq.c1 sql "$1" "${BENCH_DB}_app" query-eq.sql 1; }
query_eq_index() { query_sql query.eq.c1 index "$1" postgres query-eq.sql 1; }
query_eq8_palisade() { query_wrk query.eq.c8 "$1" eq 8; }
query_eq8_sql() { query_sql query.eq.c8 sql "$1" "${BENCH_DB}_app" query-eq.sql 8; }
query_range_palisade() { query_wrk query.range.c1 "$1" range 1; }
query_range_sql() { query_sql query.range.c1 sql "$1" "${BENCH_DB}_app" query-range.sql 1 range="$BENCH_QUERY_RANGE"; }
query_range_index() { query_sql query.range.c1 index "$1" postgres query-range.sql 1 range="$BENCH_QUERY_RANGE"; }
query_scan_palisade() { query_wrk query.scan.c1 "$1" scan 1; }
query_scan_sql() { query_sql query.scan.c1 sql "$1" "${BENCH_DB}_app" query-scan.sql 1; }
query_group_palisade() { query_wrk query.group.c1 "$1" group 1; }
query_group_sql() { query_sql query.group.c1 sql "$1" "${BENCH_DB}_app" query-group.sql 1; }
query_include_palisade() { query_wrk query.include100.c1 "$1" include 1; }
query_include_sql() { query_sql query.include100.c1 sql "$1" "${BENCH_DB}_app" query-include.sql 1; }

# Before anything is measured: the migration built both declared indexes, and for one tenant every REST query returns
# exactly the rows (ids and their order, groups and counts, included customers) its SQL returns, so that both sides of
# every ratio do the same work. The plans of the SQL, as the service role and as the superuser, go to the logs.
queries_check() {
  local built
  built=$(pg_value "$BENCH_DB" "SELECT count(*) FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid
    WHERE c.relname IN ('doc_bench_orders__status', 'doc_bench_orders__total') AND i.indisvalid")
  [[ $built == 2 ]] || die "the migration did not build the declared indexes of bench_orders ($built of 2)"
  local t k
  read -r t k <"$BENCH_OUT/tenants.txt"
  QUERY_AUTH=(-H "X-Tenant-ID: $t" -H "Authorization: Bearer $k")
  local where="tenant_id = '$t' AND collection = 'bench_orders'" lo=1000 hi=$((1000 + BENCH_QUERY_RANGE))
  local status="palisade_doc_text(data, '{status}')" total="palisade_doc_number(data #> '{total}')"
  local key="palisade_doc_number_key(data, '{total}')"
  query_plans "$t" "SELECT id FROM documents WHERE $where AND $status = 's07' ORDER BY id LIMIT 51" \
    "SELECT id FROM documents WHERE $where AND $key >= $lo - 1e-9 AND $total >= $lo AND $key <= $hi + 1e-9
      AND $total < $hi ORDER BY $key, $total, id LIMIT 51"
  # A list answers a JSON array (or {items}); its ids in order, one per line.
  local ids='(if type == "array" then . else .items end) | .[].id' rest
  rest=$(query_rest eq "$QUERY_LIST?data.status=s07&limit=50" | jq -r "$ids")
  query_same eq "$rest" "$(pg_value "$BENCH_DB" "SELECT id FROM documents WHERE $where AND $status = 's07'
    ORDER BY id LIMIT 50")" $((BENCH_QUERY_DOCS / 25))
  rest=$(query_rest range "$QUERY_LIST?data.total__gte=$lo&data.total__lt=$hi&orderBy=data.total&limit=50" \
    | jq -r "$ids")
  query_same range "$rest" "$(pg_value "$BENCH_DB" "SELECT id FROM documents WHERE $where AND $total >= $lo
    AND $total < $hi ORDER BY $total, id LIMIT 50")"
  rest=$(query_rest scan "$QUERY_LIST?data.region=r07&limit=50" | jq -r "$ids")
  query_same scan "$rest" "$(pg_value "$BENCH_DB" "SELECT id FROM documents WHERE $where AND data ->> 'region' = 'r07'
    ORDER BY id LIMIT 50")" $((BENCH_QUERY_DOCS / 50))
  # A group reads {"data": {"status": ...}, "_count": n}.
  rest=$(query_rest group "$QUERY_LIST/query" -H 'Content-Type: application/json' \
    -d '{"groupBy":["data.status"],"_count":true}' | jq -r '.groups[] | "\(.data.status)|\(._count)"' | sort)
  query_same group "$rest" "$(pg_value "$BENCH_DB" "SELECT (data ->> 'status') || '|' || count(*) FROM documents
    WHERE $where GROUP BY data ->> 'status'" | sort)" 25
  # The include: the first 100 orders, each with the customer its customerId names.
  rest=$(query_rest include "$QUERY_LIST?include=$BENCH_QUERY_INCLUDE&limit=100" \
    | jq -r --arg inc "$BENCH_QUERY_INCLUDE" \
      '(if type == "array" then . else .items end) | .[] | "\(.id)|\(.[$inc].id // .included[$inc].id // "none")"')
  query_same include "$rest" "$(pg_value "$BENCH_DB" "SELECT o.id || '|' || c.id
    FROM (SELECT id, data FROM documents WHERE $where ORDER BY id LIMIT 100) o
    JOIN documents c ON c.tenant_id = '$t' AND c.collection = 'bench_customers' AND c.id = o.data ->> 'customerId'
    ORDER BY o.id")" 100
}

# query_plans <tenant> <sql ...>: EXPLAIN of each statement as the service role (tenant bound) and as the superuser,
# into logs/query-plans.txt.
query_plans() {
  local t=$1 sql
  shift
  for sql in "$@"; do
    {
      echo "== $sql"
      echo "-- as the service role"
      PGPASSWORD=a psql -X -q -v ON_ERROR_STOP=1 -h "$BENCH_PG_HOST" -p "$BENCH_PG_PORT" -U "${BENCH_DB}_app" \
        -d "$BENCH_DB" -c "BEGIN" -c "SELECT set_config('app.tenant_id', '$t', true)" -c "EXPLAIN $sql" -c "COMMIT"
      echo "-- as the superuser"
      pg "$BENCH_DB" -c "EXPLAIN $sql"
    } >>"$BENCH_OUT/logs/query-plans.txt" 2>&1 || die "EXPLAIN failed (logs/query-plans.txt)"
  done
}

# query_rest <name> <path and query> [curl arguments]: the answer's body, as the first tenant; any status but 200 stops
# the run, naming the status and the problem's title and detail.
query_rest() {
  local name=$1 path=$2
  shift 2
  local out status
  out=$(curl -s -w '\n%{http_code}' "${QUERY_AUTH[@]}" "$@" "$BENCH_URL$path") || die "query check $name: no answer"
  status=${out##*$'\n'}
  [[ $status == 200 ]] || die "query check $name: $path answered $status: $(sed '$d' <<<"$out" \
    | jq -r '"\(.title // "") \(.detail // "")"' 2>/dev/null | head -c 300)"
  sed '$d' <<<"$out"
}

# query_same <name> <REST answer> <SQL answer> [lines expected]: both sides answered the same, something (and as many
# lines as expected).
query_same() {
  local name=$1 rest=$2 sql=$3 expected=${4:-}
  [[ -n $sql ]] || die "query check $name: the SQL found nothing (was the data seeded?)"
  [[ $rest == "$sql" ]] || die "query check $name: REST and SQL differ; REST: $(head -5 <<<"$rest" | tr '\n' ' ')..." \
    "SQL: $(head -5 <<<"$sql" | tr '\n' ' ')..."
  [[ -z $expected || $(wc -l <<<"$sql") == "$expected" ]] \
    || die "query check $name: $(wc -l <<<"$sql") rows, expected $expected"
}
