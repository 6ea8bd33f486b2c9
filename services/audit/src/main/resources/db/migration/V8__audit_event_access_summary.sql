-- The /access summary (who received credentials for an integration, grouped by person or
-- content) read each of the integration's TokenIssued rows from the table, payload and all,
-- to find the person a content credential was issued for: at 10 M stored events that is a
-- few thousand random heap reads per call, 214 ms p95 in `bin/lanyard bench audit`.
--
-- The person acted for becomes a generated column, so PostgreSQL itself keeps it equal to
-- the payload the ledger hashes: nobody can write it, and ingestion does not change. Adding
-- it rewrites the table once (measured in the root README, "Audit at scale").
ALTER TABLE audit_event ADD COLUMN on_behalf_of_user_id text
    GENERATED ALWAYS AS (payload->>'onBehalfOfUserId') STORED;

-- Every column the summary reads, so it is answered from this index alone (an index-only
-- scan), for credentials issued for an integration only.
CREATE INDEX audit_event_access_by_integration ON audit_event (integration_id, occurred_at)
    INCLUDE (user_id, on_behalf_of_user_id, content_id, token_type)
    WHERE event_type = 'TokenIssued' AND integration_id IS NOT NULL;

-- An index-only scan skips the table only for pages the visibility map marks all-visible,
-- which vacuum does. audit_event only grows, so by default autovacuum visits it after
-- every 20 % more rows: at 10 M that leaves the newest 2 M rows to be read from the table.
-- Every 200,000 rows instead; each such vacuum reads only the pages written since.
ALTER TABLE audit_event SET (autovacuum_vacuum_insert_threshold = 200000,
    autovacuum_vacuum_insert_scale_factor = 0);
