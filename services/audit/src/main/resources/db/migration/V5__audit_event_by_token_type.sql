-- The token-type filter had no index: a query for a rare type (user-federated, user-delegated)
-- read the whole table (a parallel sequential scan; `bin/lanyard bench audit` measured it).
-- Newest first by (occurred_at, event_id) like V2's indexes; only TokenIssued rows have a type.
CREATE INDEX audit_event_by_token_type ON audit_event (token_type, occurred_at, event_id)
    WHERE token_type IS NOT NULL;
