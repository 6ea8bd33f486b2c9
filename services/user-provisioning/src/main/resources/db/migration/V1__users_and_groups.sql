-- Users, groups and memberships. This service is their single writer; the rest of the
-- ensemble learns about them from UserChanged / GroupMembershipChanged / UserDeactivated.

CREATE TABLE users (
    id              uuid          PRIMARY KEY,
    username        varchar(100)  NOT NULL,
    -- who the upstream identity provider says this is (issuer + subject), once known
    issuer          text,
    unique_id       text,
    -- the provisioning client's id for the user (SCIM externalId)
    external_id     text,
    email           text,
    first_name      text,
    last_name       text,
    role            varchar(16)   NOT NULL CHECK (role IN ('viewer', 'publisher', 'administrator', 'auditor')),
    locked          boolean       NOT NULL DEFAULT false,
    active          boolean       NOT NULL DEFAULT true,
    -- increases with every change; UserChanged.version
    version         bigint        NOT NULL DEFAULT 1 CHECK (version > 0),
    created_at      timestamptz   NOT NULL,
    updated_at      timestamptz   NOT NULL,
    last_login_at   timestamptz,
    CONSTRAINT users_identity_complete CHECK ((issuer IS NULL) = (unique_id IS NULL))
);

CREATE UNIQUE INDEX users_username ON users (lower(username));
CREATE UNIQUE INDEX users_identity ON users (issuer, unique_id) WHERE unique_id IS NOT NULL;
CREATE UNIQUE INDEX users_external_id ON users (external_id) WHERE external_id IS NOT NULL;
CREATE INDEX users_email ON users (lower(email)) WHERE email IS NOT NULL;

CREATE TABLE groups (
    id              uuid          PRIMARY KEY,
    name            varchar(255)  NOT NULL,
    external_id     text,
    version         bigint        NOT NULL DEFAULT 1 CHECK (version > 0),
    created_at      timestamptz   NOT NULL,
    updated_at      timestamptz   NOT NULL
);

CREATE UNIQUE INDEX groups_name ON groups (lower(name));
CREATE UNIQUE INDEX groups_external_id ON groups (external_id) WHERE external_id IS NOT NULL;

CREATE TABLE group_memberships (
    group_id    uuid          NOT NULL REFERENCES groups (id) ON DELETE CASCADE,
    user_id     uuid          NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    created_at  timestamptz   NOT NULL,
    PRIMARY KEY (group_id, user_id)
);

-- "which groups is this user in" (the other direction is the primary key)
CREATE INDEX group_memberships_user_id ON group_memberships (user_id);
