-- One row per event, whatever the number of deliveries: event_id is the idempotency key.
CREATE TABLE audit_event (
    event_id        uuid        PRIMARY KEY,
    event_type      text        NOT NULL,
    topic           text        NOT NULL,
    kafka_partition integer     NOT NULL,
    kafka_offset    bigint      NOT NULL,
    occurred_at     timestamptz NOT NULL,
    recorded_at     timestamptz NOT NULL DEFAULT now(),
    correlation_id  text        NOT NULL,
    producer        text        NOT NULL,
    actor_id        text,
    subject_id      text,
    subject_type    text,
    content_id      text,
    integration_id  text,
    token_type      text,
    token_id        text,
    token_sha256    text,
    grant_type      text,
    scopes          text[],
    audience        text[],
    expires_at      timestamptz,
    payload         jsonb       NOT NULL
);

-- Queries read newest first by (occurred_at, event_id); each filter has an index in that order.
CREATE INDEX audit_event_by_time ON audit_event (occurred_at, event_id);
CREATE INDEX audit_event_by_subject ON audit_event (subject_id, occurred_at, event_id) WHERE subject_id IS NOT NULL;
CREATE INDEX audit_event_by_content ON audit_event (content_id, occurred_at, event_id) WHERE content_id IS NOT NULL;
CREATE INDEX audit_event_by_integration ON audit_event (integration_id, occurred_at, event_id) WHERE integration_id IS NOT NULL;
CREATE INDEX audit_event_by_token_sha256 ON audit_event (token_sha256) WHERE token_sha256 IS NOT NULL;
CREATE INDEX audit_event_by_type ON audit_event (event_type, occurred_at, event_id);
