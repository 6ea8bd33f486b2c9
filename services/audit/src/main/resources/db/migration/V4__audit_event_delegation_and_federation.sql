-- Issue 15's TokenIssued/CredentialDenied fields as filters: the user a credential was issued
-- on behalf of (backend mapping) and the issuer of a presented federated token. Indexes on
-- the payload's fields rather than new columns: nothing to backfill, nothing for ingestion to
-- extract, and the payload stays the one source (the ledger hashes it). Newest first by
-- (occurred_at, event_id) like V2's indexes; both are rare, hence partial.
CREATE INDEX audit_event_by_on_behalf_of ON audit_event ((payload->>'onBehalfOfUserId'), occurred_at, event_id)
    WHERE payload->>'onBehalfOfUserId' IS NOT NULL;
CREATE INDEX audit_event_by_federated_issuer ON audit_event ((payload->>'federatedIssuer'), occurred_at, event_id)
    WHERE payload->>'federatedIssuer' IS NOT NULL;
