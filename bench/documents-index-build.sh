#!/usr/bin/env bash
# Adding a declared index to a collection of 1,000,000 documents while clients write to it: the index is built the
# way the migration Job builds it (DeclaredIndex.createSql: CREATE INDEX CONCURRENTLY, tenant_id first), while
# pgbench upserts documents of the same collection; every write's latency is logged, and the longest one during the
# build is the figure (target: no write blocked for more than 100 ms).
#
#   bench/documents-index-build.sh            # a throwaway database on PG (default: local server, user postgres)
#   PGHOST=... PGUSER=... DOCS=1000000 CLIENTS=8 bench/documents-index-build.sh
set -euo pipefail
cd "$(dirname "$0")"
DOCS=${DOCS:-1000000} CLIENTS=${CLIENTS:-8} DB=bench_docidx_$$
export PGHOST=${PGHOST:-127.0.0.1} PGUSER=${PGUSER:-postgres}
OUT=$(mktemp -d)
trap 'psql -qX -d postgres -c "DROP DATABASE IF EXISTS $DB" >/dev/null 2>&1 || true; rm -rf "$OUT"' EXIT
psql -qX -d postgres -c "CREATE DATABASE $DB"
q() { psql -qXAt -v ON_ERROR_STOP=1 -d "$DB" "$@"; }
# The documents table and the LEAKPROOF extractors the bootstrap creates (row-level security does not change the locks).
q -c "CREATE TABLE tenants (id text PRIMARY KEY)" \
  -f ../deploy/postgres/document-extractors.sql \
  -c "$(sed -n '/^CREATE TABLE documents/,/^);/p' ../schema/src/main/resources/db/changelog/1.3.0/001-documents.sql)"
q -c "INSERT INTO tenants SELECT 't' || g FROM generate_series(1, 100) g"
start=$(date +%s.%N)
q -c "INSERT INTO documents SELECT 't' || (1 + g % 100), 'customers', 'c' || g,
        jsonb_build_object('email', 'u' || g || '@t' || (1 + g % 100) || '.example', 'name', 'N' || g, 'tier', 'pro'),
        now(), now(), 0 FROM generate_series(1, $DOCS) g" -c "VACUUM ANALYZE documents"
echo "seeded $DOCS documents in $(echo "$(date +%s.%N) - $start" | bc) s"

INDEX="CREATE INDEX CONCURRENTLY IF NOT EXISTS doc_customers__tier ON documents (tenant_id, (palisade_doc_text(data, '{tier}')), (palisade_doc_text(data, '{name}'))) WHERE collection = 'customers'"
SCRIPT=$PWD/sql/documents-write.sql
# Job control on, so that the background pgbench does not ignore the SIGINT that ends it (and flushes its log).
set -m
pushd "$OUT" >/dev/null
pgbench -n -d "$DB" -f "$SCRIPT" -c "$CLIENTS" -j 2 -T 600 -l --log-prefix=w >/dev/null 2>"$OUT/pgbench.err" &
BENCH=$!
popd >/dev/null
sleep 5
# Beside the latencies, which a busy machine inflates for reasons of its own (CPU, WAL fsync), sample every 20 ms
# whether any write waits on a heavyweight lock: that, not a slow write, is what "blocked by the build" means.
(while sleep 0.02; do q -c "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database()
   AND wait_event_type = 'Lock' AND query LIKE 'INSERT INTO documents%'"; done >"$OUT/lockwaits") &
SAMPLER=$!
build_from=$(date +%s%6N)
q -c "$INDEX"
build_to=$(date +%s%6N)
kill $SAMPLER 2>/dev/null || true
sleep 5
kill -INT $BENCH 2>/dev/null || true
wait $BENCH 2>/dev/null || true
echo "lock-wait samples during the build: $(wc -l <"$OUT/lockwaits"), with a write waiting on a lock: \
$(awk '$1 > 0' "$OUT/lockwaits" | wc -l)"
valid=$(q -c "SELECT indisvalid FROM pg_index WHERE indexrelid = 'doc_customers__tier'::regclass")
# pgbench -l: client, txn, latency (us), script, epoch seconds, epoch microseconds (end of the transaction).
cat "$OUT"/w.* | awk -v from="$build_from" -v to="$build_to" '
  { end = $5 * 1000000 + $6; startt = end - $3
    if (end >= from && startt <= to) { n++; if ($3 > max) max = $3; sum += $3; if ($3 > 100000) slow++ }
    else { m++; if ($3 > omax) omax = $3; osum += $3; if ($3 > 100000) oslow++ } }
  END { printf "index build: %.1f s; writes during it: %d, max %.1f ms, mean %.2f ms, over 100 ms: %d; " \
        "writes before/after it: %d, max %.1f ms, mean %.2f ms, over 100 ms: %d\n", (to - from) / 1e6, n, max / 1000,
        (n ? sum / n / 1000 : 0), slow, m, omax / 1000, (m ? osum / m / 1000 : 0), oslow }'
echo "index valid: $valid (target: no write during the build over 100 ms)"
