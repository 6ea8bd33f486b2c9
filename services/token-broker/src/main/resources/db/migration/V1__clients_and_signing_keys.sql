-- Registered OAuth clients. The secret is kept only as an encoded hash ({sha256}<hex>).
create table client (
    client_id         varchar(128)  primary key,
    name              varchar(200)  not null,
    kind              varchar(32)   not null check (kind in ('content', 'auditor', 'administrator')),
    scopes            varchar(5100) not null default '',
    created_at        timestamptz   not null,
    secret_hash       varchar(200)  not null,
    secret_updated_at timestamptz   not null
);

-- Token signing keys. key_material is the JWK (private parts included) as JSON, encrypted
-- with AES-256-GCM when key_encryption = 'A256GCM', plain when it is 'none'.
create table signing_key (
    kid            varchar(128) primary key,
    algorithm      varchar(16)  not null,
    active         boolean      not null,
    key_encryption varchar(16)  not null check (key_encryption in ('none', 'A256GCM')),
    key_material   bytea        not null,
    created_at     timestamptz  not null
);

-- At most one signing key per algorithm is active, so instances starting together agree on it.
create unique index signing_key_one_active_per_algorithm on signing_key (algorithm) where active;
