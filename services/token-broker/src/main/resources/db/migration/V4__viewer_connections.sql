-- A viewer's pending "connect" flow: authorization code + PKCE against the external service.
-- The row is deleted when the callback uses it (one use) and purged once expired. The PKCE
-- verifier is a secret until the code is exchanged: AES-256-GCM-encrypted like the signing keys
-- when a key-encryption key is set (verifier_encryption = 'A256GCM'), plain when it is 'none'.
create table connect_attempt (
    state               varchar(64)   primary key,
    user_id             varchar(200)  not null,
    integration_id      varchar(200)  not null,
    verifier_encryption varchar(16)   not null check (verifier_encryption in ('none', 'A256GCM')),
    code_verifier       bytea         not null,
    redirect_path       varchar(2000),
    created_at          timestamptz   not null,
    expires_at          timestamptz   not null
);

create index connect_attempt_expires_at on connect_attempt (expires_at);

-- A user's connection to a viewer integration: the external refresh token, encrypted as above.
-- version increases with every rotation, so a refresh that lost a race can tell.
create table viewer_connection (
    user_id                  varchar(200)  not null,
    integration_id           varchar(200)  not null,
    scopes                   text[]        not null,
    refresh_token_encryption varchar(16)   not null check (refresh_token_encryption in ('none', 'A256GCM')),
    refresh_token            bytea         not null,
    version                  bigint        not null,
    connected_at             timestamptz   not null,
    updated_at               timestamptz   not null,
    primary key (user_id, integration_id)
);
