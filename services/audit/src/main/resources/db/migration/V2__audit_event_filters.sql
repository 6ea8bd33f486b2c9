-- Columns for the auditor's filters on user, group and outcome (grant, actor and correlation
-- id have columns since V1), extracted at ingestion and backfilled here from payload.
ALTER TABLE audit_event
    ADD COLUMN user_id  text,
    ADD COLUMN group_id text,
    ADD COLUMN outcome  text;

UPDATE audit_event SET
    user_id = CASE
        WHEN event_type IN ('UserChanged', 'GroupMembershipChanged', 'UserDeactivated', 'UserSignedOut',
                            'UserLoginRefused') THEN payload->>'userId'
        WHEN subject_type = 'user' THEN subject_id
    END,
    group_id = CASE WHEN event_type = 'GroupMembershipChanged' THEN payload->>'groupId' END,
    outcome = CASE WHEN event_type IN ('UserLoginRefused', 'CredentialDenied') THEN 'failure' ELSE 'success' END,
    grant_type = CASE WHEN event_type = 'CredentialDenied' THEN payload->>'grantType' ELSE grant_type END;

ALTER TABLE audit_event ALTER COLUMN outcome SET NOT NULL;

-- Each filter reads newest first by (occurred_at, event_id), like V1's indexes.
CREATE INDEX audit_event_by_user ON audit_event (user_id, occurred_at, event_id) WHERE user_id IS NOT NULL;
CREATE INDEX audit_event_by_group ON audit_event (group_id, occurred_at, event_id) WHERE group_id IS NOT NULL;
CREATE INDEX audit_event_by_actor ON audit_event (actor_id, occurred_at, event_id) WHERE actor_id IS NOT NULL;
CREATE INDEX audit_event_by_correlation ON audit_event (correlation_id, occurred_at, event_id);
CREATE INDEX audit_event_by_grant ON audit_event (grant_type, occurred_at, event_id) WHERE grant_type IS NOT NULL;
-- Failures are rare and what auditors look for; successes are nearly everything and the
-- time index serves them.
CREATE INDEX audit_event_failures ON audit_event (occurred_at, event_id) WHERE outcome = 'failure';
-- Joins a revocation to the credential it names, and an IntegrationChanged to the previous one.
CREATE INDEX audit_event_by_token_id ON audit_event (token_id) WHERE token_id IS NOT NULL;
CREATE INDEX audit_event_revocations ON audit_event (subject_id, occurred_at) WHERE event_type = 'TokenRevoked';
