-- Browser sessions of people signed in through the upstream identity provider.
-- The cookie value is a bearer secret: only its SHA-256 is stored, so a copy of this
-- table cannot be replayed. The row id is not secret; it is what UserLoggedIn.sessionId
-- carries.
CREATE TABLE browser_session (
    id               uuid         PRIMARY KEY,
    cookie_sha256    char(64)     NOT NULL UNIQUE,
    -- pending: sign-in under way (user-provisioning has not confirmed the user yet)
    -- active: signed in; ended: signed out, expired or revoked (kept for the audit trail's joins)
    status           varchar(16)  NOT NULL CHECK (status IN ('pending', 'active', 'ended')),
    provider         varchar(100) NOT NULL,
    issuer           text         NOT NULL,
    subject          text         NOT NULL,
    user_id          varchar(64),
    created_at       timestamptz  NOT NULL,
    last_seen_at     timestamptz  NOT NULL,
    idle_expires_at  timestamptz  NOT NULL,
    expires_at       timestamptz  NOT NULL,
    ended_at         timestamptz,
    CONSTRAINT browser_session_user_when_active CHECK (status <> 'active' OR user_id IS NOT NULL),
    CONSTRAINT browser_session_ended_at CHECK ((status = 'ended') = (ended_at IS NOT NULL)),
    CONSTRAINT browser_session_lifetime CHECK (expires_at > created_at AND idle_expires_at > created_at)
);

-- "end every session of this user" (deactivation) and the expiry sweep
CREATE INDEX browser_session_user_id ON browser_session (user_id) WHERE status <> 'ended';
CREATE INDEX browser_session_expires_at ON browser_session (expires_at) WHERE status <> 'ended';
