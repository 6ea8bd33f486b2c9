-- Browser sessions as WebFlux keeps them (JdbcSessionRepository). The V1 table was
-- designed before the sign-in was built and never used; this one replaces it.
DROP TABLE browser_session;

CREATE TABLE web_session (
    -- the cookie value is a bearer secret: only its SHA-256 is stored, so a copy of this
    -- table cannot be replayed
    id_sha256         char(64)     PRIMARY KEY,
    created_at        timestamptz  NOT NULL,
    last_accessed_at  timestamptz  NOT NULL,
    max_idle_seconds  integer      NOT NULL CHECK (max_idle_seconds > 0),
    expires_at        timestamptz  NOT NULL,
    -- set once user-provisioning confirmed the sign-in: "end every session of this user"
    user_id           varchar(64),
    -- the session's attributes (security context, pending authorization request, CSRF
    -- token), Java-serialized; never a minted token
    attributes        bytea        NOT NULL
);

CREATE INDEX web_session_expires_at ON web_session (expires_at);
CREATE INDEX web_session_user_id ON web_session (user_id) WHERE user_id IS NOT NULL;
