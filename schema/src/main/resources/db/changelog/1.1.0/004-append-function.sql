--liquibase formatted sql

--changeset palisade:1.1.0-004-append-function splitStatements:false
--comment: Appends of one tenant in one statement. Called in autocommit mode it commits by itself, so the position lock of the tenant is held only inside the database, never across a round trip to the service; several concurrent appends share one call and one commit. SECURITY INVOKER: the grants of the caller and row-level security apply.
CREATE FUNCTION palisade_append_events(p_tenant text, p_appends jsonb)
    RETURNS TABLE (outcome text, current_version bigint, first_position bigint)
    LANGUAGE plpgsql
AS $$
-- p_appends: [{"streamId": "...", "expected": "any|no_stream|exists|exactly", "version": n,
--              "events": [{"eventId": "...", "type": "...", "data": {...}, "metadata": {...}}, ...]}, ...]
-- One result row per append, in order: 'appended' (with its first position), 'wrong_version' or 'known_ids'
-- (nothing written: a retry or a conflict, which the caller tells apart), each with the stream's version before it.
DECLARE
    v_bound text := nullif(current_setting('app.tenant_id', true), '');
    v_append jsonb;
    v_stream text;
    v_count bigint;
    v_current bigint;
    v_before_first bigint;
    v_appended boolean := false;
BEGIN
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
        -- An array, not an IN subquery: the planner then probes the (tenant_id, event_id) index for each id.
        IF EXISTS (SELECT 1 FROM events e
                    WHERE e.tenant_id = p_tenant
                      AND e.event_id = ANY (ARRAY(SELECT (x->>'eventId')::uuid
                                                    FROM jsonb_array_elements(v_append->'events') x)))
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
            v_appended := true;
            RETURN QUERY SELECT 'appended'::text, v_current, v_before_first + 1;
        END IF;
    END LOOP;
    IF v_appended THEN
        PERFORM pg_notify('palisade_events', p_tenant);
    END IF;
END
$$;
REVOKE EXECUTE ON FUNCTION palisade_append_events(text, jsonb) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION palisade_append_events(text, jsonb) TO ${app_role};
--rollback DROP FUNCTION palisade_append_events(text, jsonb);
