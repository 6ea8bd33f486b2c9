-- The identity providers allowed to push users and groups through /scim/v2, one row per
-- provider. The bearer secret itself is never stored: only its SHA-256, which is what a
-- request's secret is looked up by (a unique index, so one bounded lookup per request).
CREATE TABLE scim_clients (
    id              uuid          PRIMARY KEY,
    name            varchar(64)   NOT NULL,
    token_sha256    bytea         NOT NULL CHECK (octet_length(token_sha256) = 32),
    created_at      timestamptz   NOT NULL,
    -- the last time the secret was replaced; the previous one stopped working then
    rotated_at      timestamptz,
    -- set once; a revoked client's secret is refused and it cannot be rotated
    revoked_at      timestamptz,
    -- when a request last authenticated with it (written at most once a minute)
    last_used_at    timestamptz
);

CREATE UNIQUE INDEX scim_clients_token_sha256 ON scim_clients (token_sha256);
-- a revoked client's name may be given to a new client for the same provider
CREATE UNIQUE INDEX scim_clients_name ON scim_clients (name) WHERE revoked_at IS NULL;
