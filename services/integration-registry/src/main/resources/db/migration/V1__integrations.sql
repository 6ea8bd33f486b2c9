-- Templates describe a kind of external service (GitHub, Snowflake, Entra ID, custom ...):
-- endpoint patterns with placeholders such as {tenant} or {account}, which grants it
-- supports, and default scopes. An integration is one configured instance of a template.
CREATE TABLE integration_template (
    id                              varchar(64)  PRIMARY KEY,
    name                            varchar(200) NOT NULL,
    authorization_endpoint_pattern  text,
    token_endpoint_pattern          text,
    default_scopes                  text[]       NOT NULL DEFAULT '{}',
    supports_viewer                 boolean      NOT NULL,
    supports_service_account        boolean      NOT NULL,
    created_at                      timestamptz  NOT NULL,
    updated_at                      timestamptz  NOT NULL,
    CONSTRAINT integration_template_supports_a_kind CHECK (supports_viewer OR supports_service_account),
    CONSTRAINT integration_template_viewer_needs_authorization_endpoint
        CHECK (NOT supports_viewer OR authorization_endpoint_pattern IS NOT NULL)
);

-- One row per integration; the row is the IntegrationChanged snapshot plus the secret.
-- The client secret is stored only encrypted (key id kept for key rotation) and never
-- leaves this service; secret_version tells others that it changed.
CREATE TABLE integration (
    id                           uuid          PRIMARY KEY,
    name                         varchar(200)  NOT NULL,
    template_id                  varchar(64)   NOT NULL REFERENCES integration_template (id),
    kind                         varchar(16)   NOT NULL CHECK (kind IN ('viewer', 'service-account')),
    authorization_endpoint       text,
    token_endpoint               text          NOT NULL,
    client_id                    text          NOT NULL,
    client_secret_ciphertext     bytea,
    client_secret_key_id         varchar(64),
    secret_version               bigint        NOT NULL DEFAULT 0 CHECK (secret_version >= 0),
    scopes                       text[]        NOT NULL DEFAULT '{}',
    audience                     text,
    max_token_lifetime_seconds   bigint        CHECK (max_token_lifetime_seconds > 0),
    version                      bigint        NOT NULL DEFAULT 1 CHECK (version > 0),
    created_at                   timestamptz   NOT NULL,
    created_by                   varchar(128),
    updated_at                   timestamptz   NOT NULL,
    updated_by                   varchar(128),
    deleted_at                   timestamptz,
    CONSTRAINT integration_viewer_needs_authorization_endpoint
        CHECK (kind <> 'viewer' OR authorization_endpoint IS NOT NULL),
    CONSTRAINT integration_secret_with_key
        CHECK ((client_secret_ciphertext IS NULL) = (client_secret_key_id IS NULL))
);

-- names are unique among live integrations, ignoring case; a deleted one frees its name
CREATE UNIQUE INDEX integration_name_live ON integration (lower(name)) WHERE deleted_at IS NULL;
CREATE INDEX integration_template_id ON integration (template_id);

-- Groups (ids owned by user-provisioning) whose members may use a viewer integration;
-- no rows means no group restriction.
CREATE TABLE integration_allowed_group (
    integration_id  uuid         NOT NULL REFERENCES integration (id) ON DELETE CASCADE,
    group_id        varchar(64)  NOT NULL,
    PRIMARY KEY (integration_id, group_id)
);

-- Which content (ids owned by the data platform) may ask for credentials of which integration.
CREATE TABLE content_integration (
    content_id      varchar(128)  NOT NULL,
    integration_id  uuid          NOT NULL REFERENCES integration (id) ON DELETE CASCADE,
    created_at      timestamptz   NOT NULL,
    created_by      varchar(128),
    PRIMARY KEY (content_id, integration_id)
);

CREATE INDEX content_integration_integration_id ON content_integration (integration_id);
