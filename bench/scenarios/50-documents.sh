# Documents (issue 12): single upserts, reads by id and bulk upserts of 1,000, each beside the same SQL over JDBC
# (pgbench, superuser, the same documents table and rows). The collection is the example's `notes` (no schema, no
# declared index), so both sides write exactly the same rows; the service adds HTTP, JSON, validation and the walls.

scenario doc.upsert.c8 "upserts/s" higher "single-document upserts, random tenant, 8 connections" ">= 0.5x insert"
subject doc.upsert.c8 palisade "PUT /collections/notes/documents/{id}, random tenant and id (wrk, documents-upsert.lua)"
subject doc.upsert.c8 insert "INSERT ... ON CONFLICT DO UPDATE of one document (pgbench, documents-upsert.sql)"
scenario doc.read.c8 "ms p50" lower "reads by id, random tenant, 8 connections" "p50 < 2 ms"
subject doc.read.c8 palisade "GET /collections/notes/documents/{id} (wrk, documents-read.lua)"
subject doc.read.c8 select "SELECT of one document by primary key (pgbench, documents-read.sql)"
scenario doc.bulk.c4 "documents/s" higher "bulk upserts of 1,000 documents, random tenant, 4 connections" \
  ">= 0.7x insert"
subject doc.bulk.c4 palisade "POST /collections/notes/documents:bulk, 1,000 documents (wrk, documents-bulk.lua)"
subject doc.bulk.c4 insert "one INSERT ... ON CONFLICT of 1,000 documents (pgbench, documents-bulk.sql)"

documents_family() {
  pg "$BENCH_DB" -v per_tenant=1000 -f bench/sql/seed-documents.sql >/dev/null
  local t k
  read -r t k <"$BENCH_OUT/tenants.txt"
  curl -sf "$BENCH_URL/collections/notes/documents/n1" -H "X-Tenant-ID: $t" -H "Authorization: Bearer $k" \
    | jq -e '.data.n == 1' >/dev/null || die "a seeded document does not read back"
  wrk_warmup documents-upsert.lua 8 "$BENCH_WARMUP_SHORT"
  interleave "$BENCH_ROUNDS" doc_upsert_palisade doc_upsert_insert
  interleave "$BENCH_ROUNDS" doc_read_palisade doc_read_select
  # A bulk of 1,000 takes hundreds of milliseconds, more on a cold JVM: warm it up, and measure it for at least
  # 3 s so that even the smoke run's one-second rounds complete requests.
  wrk_warmup documents-bulk.lua 4 "$BENCH_WARMUP_SHORT"
  interleave "$BENCH_ROUNDS" doc_bulk_palisade doc_bulk_insert
}
bulk_seconds() { echo $((BENCH_SECONDS < 3 ? 3 : BENCH_SECONDS)); }
family documents_family

doc_upsert_palisade() { wrk_run doc.upsert.c8 palisade "$1" documents-upsert.lua 8 "$BENCH_SECONDS" rate; }
doc_upsert_insert() {
  pgbench_run doc.upsert.c8 insert "$1" "$BENCH_DB" postgres documents-upsert.sql 8 "$BENCH_SECONDS" rate 1 \
    tenants="$BENCH_TENANTS"
}
doc_read_palisade() { wrk_run doc.read.c8 palisade "$1" documents-read.lua 8 "$BENCH_SECONDS" p50; }
doc_read_select() {
  pgbench_run doc.read.c8 select "$1" "$BENCH_DB" postgres documents-read.sql 8 "$BENCH_SECONDS" p50 1 \
    tenants="$BENCH_TENANTS"
}
doc_bulk_palisade() { wrk_run doc.bulk.c4 palisade "$1" documents-bulk.lua 4 "$(bulk_seconds)" rate 1000; }
doc_bulk_insert() {
  pgbench_run doc.bulk.c4 insert "$1" "$BENCH_DB" postgres documents-bulk.sql 4 "$(bulk_seconds)" rate 1000 \
    tenants="$BENCH_TENANTS"
}
