--liquibase formatted sql

--changeset palisade:1.3.0-050-append-function-cached-plans splitStatements:false rollbackSplitStatements:false
--comment: The append function with plans made once per session (generic plans, sequential scans priced out) instead of planned at every call: re-planning its statements cost about 1 ms of the ~2.5 ms of an append at one connection (bench/RESULTS.md). Its plans stay on the indexes on a table that grew after they were cached, without ANALYZE (AppendPlanTest): every lookup is by a key, and the event-id check probes the unique key once per id. Rolled back to the 1.2.0 body.
CREATE OR REPLACE FUNCTION palisade_append_events(p_tenant text, p_appends jsonb)
    RETURNS TABLE (outcome text, current_version bigint, first_position bigint)
    LANGUAGE plpgsql
    SET plan_cache_mode = force_generic_plan
    SET enable_seqscan = off
AS $$
-- The protocol (the JSON taken, the outcomes answered, what each means) is described once, in the service's
-- dev.palisade.events.append.EventAppender, which writes the input and reads the outcomes; AppendProtocolTest proves
-- the two agree. In short: p_appends is [{"streamId", "expected": "any|no_stream|exists|exactly", "version",
-- "events": [{"eventId", "type", "data", "metadata"}]}, ...]; one row per append, in order: 'appended' (with its
-- first position), 'wrong_version' or 'known_ids' (nothing written), each with the stream's version before it.
DECLARE
    v_bound text := nullif(current_setting('app.tenant_id', true), '');
    v_append jsonb;
    v_stream text;
    v_count bigint;
    v_current bigint;
    v_before_first bigint;
    v_ids uuid[];
BEGIN
    -- The tenant binding of an unbound (autocommit) call. The rule (which setting, transaction-local) is the one of
    -- dev.palisade.tenancy.session.TenantSession#bind(java.sql.Connection, ...), which binds a caller's transaction.
    IF v_bound IS NULL THEN
        PERFORM set_config('app.tenant_id', p_tenant, true);
    ELSIF v_bound <> p_tenant THEN
        RAISE EXCEPTION 'this transaction is bound to tenant %, not %', v_bound, p_tenant
            USING ERRCODE = 'insufficient_privilege';
    END IF;

    -- Locks, always in this order so that concurrent calls cannot deadlock: the streams (sorted), then the tenant.
    -- They are held until commit. A stream's lock keeps its version and the retry check stable; the tenant's lock
    -- hands out feed positions in commit order. Its waiters queue and are woken one at a time (waiting on the
    -- counter row itself would wake them all at each commit to race for the row again).
    PERFORM pg_advisory_xact_lock(1163285587, hashtext(p_tenant || '/' || s.stream))
       FROM (SELECT DISTINCT a->>'streamId' AS stream FROM jsonb_array_elements(p_appends) a ORDER BY 1) s;
    PERFORM pg_advisory_xact_lock(1346457684, hashtext(p_tenant));

    -- Each statement takes a new snapshot, so it sees what committed while this call waited for the locks, and the
    -- appends before it in this call.
    FOR v_append IN SELECT a FROM jsonb_array_elements(p_appends) a LOOP
        v_stream := v_append->>'streamId';
        v_count := jsonb_array_length(v_append->'events');
        SELECT coalesce(max(e.version), 0) INTO v_current
          FROM events e WHERE e.tenant_id = p_tenant AND e.stream_id = v_stream;
        -- One probe of the unique (tenant_id, event_id) key per id: a LATERAL subquery with LIMIT is always a
        -- nested loop, and a unique key matched in full by equalities is costed at one row whatever the statistics,
        -- so no plan can read the tenant's events to filter them by id (an = ANY (array) check can: it did). The ids
        -- are a uuid[] first, so the probe compares plain uuids: under row-level security only a leakproof
        -- comparison of columns and parameters may be an index condition, a cast of the JSON text may not.
        v_ids := ARRAY(SELECT (x->>'eventId')::uuid FROM jsonb_array_elements(v_append->'events') x);
        IF EXISTS (SELECT 1 FROM unnest(v_ids) AS i(id)
                    CROSS JOIN LATERAL (SELECT 1 FROM events e
                                         WHERE e.tenant_id = p_tenant AND e.event_id = i.id
                                         LIMIT 1) known)
        THEN
            RETURN QUERY SELECT 'known_ids'::text, v_current, NULL::bigint;
        ELSIF NOT (CASE v_append->>'expected'
                       WHEN 'any' THEN true
                       WHEN 'no_stream' THEN v_current = 0
                       WHEN 'exists' THEN v_current > 0
                       WHEN 'exactly' THEN v_current = (v_append->>'version')::bigint
                   END) THEN
            RETURN QUERY SELECT 'wrong_version'::text, v_current, NULL::bigint;
        ELSE
            UPDATE event_positions SET last_position = last_position + v_count WHERE tenant_id = p_tenant
            RETURNING last_position - v_count INTO v_before_first;
            IF NOT FOUND THEN
                INSERT INTO event_positions (tenant_id, last_position) VALUES (p_tenant, v_count);
                v_before_first := 0;
            END IF;
            INSERT INTO events (tenant_id, position, stream_id, version, event_id, type, data, metadata)
            SELECT p_tenant, v_before_first + e.ord, v_stream, v_current + e.ord, e."eventId", e.type, e.data,
                   coalesce(e.metadata, '{}'::jsonb)
              FROM ROWS FROM (jsonb_to_recordset(v_append->'events')
                                  AS ("eventId" uuid, type text, data jsonb, metadata jsonb))
                   WITH ORDINALITY AS e("eventId", type, data, metadata, ord);
            RETURN QUERY SELECT 'appended'::text, v_current, v_before_first + 1;
        END IF;
    END LOOP;
END
$$;
--rollback CREATE OR REPLACE FUNCTION palisade_append_events(p_tenant text, p_appends jsonb)
--rollback     RETURNS TABLE (outcome text, current_version bigint, first_position bigint)
--rollback     LANGUAGE plpgsql
--rollback     SET plan_cache_mode = force_custom_plan
--rollback AS $$
--rollback -- The protocol (the JSON taken, the outcomes answered, what each means) is described once, in the service's
--rollback -- dev.palisade.events.append.EventAppender, which writes the input and reads the outcomes; AppendProtocolTest proves
--rollback -- the two agree. In short: p_appends is [{"streamId", "expected": "any|no_stream|exists|exactly", "version",
--rollback -- "events": [{"eventId", "type", "data", "metadata"}]}, ...]; one row per append, in order: 'appended' (with its
--rollback -- first position), 'wrong_version' or 'known_ids' (nothing written), each with the stream's version before it.
--rollback DECLARE
--rollback     v_bound text := nullif(current_setting('app.tenant_id', true), '');
--rollback     v_append jsonb;
--rollback     v_stream text;
--rollback     v_count bigint;
--rollback     v_current bigint;
--rollback     v_before_first bigint;
--rollback BEGIN
--rollback     -- The tenant binding of an unbound (autocommit) call. The rule (which setting, transaction-local) is the one of
--rollback     -- dev.palisade.tenancy.session.TenantSession#bind(java.sql.Connection, ...), which binds a caller's transaction.
--rollback     IF v_bound IS NULL THEN
--rollback         PERFORM set_config('app.tenant_id', p_tenant, true);
--rollback     ELSIF v_bound <> p_tenant THEN
--rollback         RAISE EXCEPTION 'this transaction is bound to tenant %, not %', v_bound, p_tenant
--rollback             USING ERRCODE = 'insufficient_privilege';
--rollback     END IF;
--rollback
--rollback     -- Locks, always in this order so that concurrent calls cannot deadlock: the streams (sorted), then the tenant.
--rollback     -- They are held until commit. A stream's lock keeps its version and the retry check stable; the tenant's lock
--rollback     -- hands out feed positions in commit order. Its waiters queue and are woken one at a time (waiting on the
--rollback     -- counter row itself would wake them all at each commit to race for the row again).
--rollback     PERFORM pg_advisory_xact_lock(1163285587, hashtext(p_tenant || '/' || s.stream))
--rollback        FROM (SELECT DISTINCT a->>'streamId' AS stream FROM jsonb_array_elements(p_appends) a ORDER BY 1) s;
--rollback     PERFORM pg_advisory_xact_lock(1346457684, hashtext(p_tenant));
--rollback
--rollback     -- Each statement takes a new snapshot, so it sees what committed while this call waited for the locks, and the
--rollback     -- appends before it in this call.
--rollback     FOR v_append IN SELECT a FROM jsonb_array_elements(p_appends) a LOOP
--rollback         v_stream := v_append->>'streamId';
--rollback         v_count := jsonb_array_length(v_append->'events');
--rollback         SELECT coalesce(max(e.version), 0) INTO v_current
--rollback           FROM events e WHERE e.tenant_id = p_tenant AND e.stream_id = v_stream;
--rollback         -- An array, not an IN subquery: the planner then probes the (tenant_id, event_id) index for each id.
--rollback         IF EXISTS (SELECT 1 FROM events e
--rollback                     WHERE e.tenant_id = p_tenant
--rollback                       AND e.event_id = ANY (ARRAY(SELECT (x->>'eventId')::uuid
--rollback                                                     FROM jsonb_array_elements(v_append->'events') x)))
--rollback         THEN
--rollback             RETURN QUERY SELECT 'known_ids'::text, v_current, NULL::bigint;
--rollback         ELSIF NOT (CASE v_append->>'expected'
--rollback                        WHEN 'any' THEN true
--rollback                        WHEN 'no_stream' THEN v_current = 0
--rollback                        WHEN 'exists' THEN v_current > 0
--rollback                        WHEN 'exactly' THEN v_current = (v_append->>'version')::bigint
--rollback                    END) THEN
--rollback             RETURN QUERY SELECT 'wrong_version'::text, v_current, NULL::bigint;
--rollback         ELSE
--rollback             UPDATE event_positions SET last_position = last_position + v_count WHERE tenant_id = p_tenant
--rollback             RETURNING last_position - v_count INTO v_before_first;
--rollback             IF NOT FOUND THEN
--rollback                 INSERT INTO event_positions (tenant_id, last_position) VALUES (p_tenant, v_count);
--rollback                 v_before_first := 0;
--rollback             END IF;
--rollback             INSERT INTO events (tenant_id, position, stream_id, version, event_id, type, data, metadata)
--rollback             SELECT p_tenant, v_before_first + e.ord, v_stream, v_current + e.ord, e."eventId", e.type, e.data,
--rollback                    coalesce(e.metadata, '{}'::jsonb)
--rollback               FROM ROWS FROM (jsonb_to_recordset(v_append->'events')
--rollback                                   AS ("eventId" uuid, type text, data jsonb, metadata jsonb))
--rollback                    WITH ORDINALITY AS e("eventId", type, data, metadata, ord);
--rollback             RETURN QUERY SELECT 'appended'::text, v_current, v_before_first + 1;
--rollback         END IF;
--rollback     END LOOP;
--rollback END
--rollback $$;
