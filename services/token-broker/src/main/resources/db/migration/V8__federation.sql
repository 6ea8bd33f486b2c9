-- Identity federation (issue 15). The user read model learns the identity provider's unique id and the
-- email, the fields an oidc-federation rule matches a presented token's claim against.
alter table user_snapshot add column unique_id varchar(400);
alter table user_snapshot add column email varchar(400);
create index user_snapshot_unique_id on user_snapshot (unique_id);
create index user_snapshot_email on user_snapshot (lower(email));
create index user_snapshot_username on user_snapshot (username);

-- Trust rules of the federation integrations (oidc-federation, workload-federation), kept from
-- integration-registry's IntegrationChanged snapshots; the rule itself as JSON, looked up by exact issuer.
create table federation_trust (
    integration_id varchar(200)  primary key,
    issuer         varchar(2000) not null,
    rule           text          not null,
    deleted        boolean       not null,
    changed_at     timestamptz   not null
);
create index federation_trust_issuer on federation_trust (issuer) where not deleted;

-- Presented federation tokens' jti, each accepted once across every token-broker instance; a row is kept
-- until the token could no longer be accepted anyway, then pruned.
create table federation_jti (
    token_key  char(64)    primary key, -- SHA-256 hex of issuer and jti
    expires_at timestamptz not null
);
create index federation_jti_expires_at on federation_jti (expires_at);
