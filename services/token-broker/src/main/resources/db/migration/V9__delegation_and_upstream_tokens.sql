-- How a viewer integration's token is obtained without a connect step: 'token-exchange'
-- (RFC 8693 at the provider) or 'jwt-bearer-obo' (Entra's on-behalf-of); null = connect once.
alter table integration_snapshot add column delegation varchar(32)
    check (delegation in ('token-exchange', 'jwt-bearer-obo'));

-- The upstream IdP's access token of a browser session, deposited by the gateway at sign-in,
-- for delegation at a provider. Sealed like viewers' refresh tokens (AES-256-GCM under the
-- key-encryption key, the row's session and user as associated data). Bound to the session
-- and its user; deleted at sign-out and deactivation, and purged once expired.
create table upstream_token (
    session_id       varchar(200) primary key,
    user_id          varchar(200) not null,
    token_encryption varchar(16)  not null check (token_encryption in ('none', 'A256GCM')),
    access_token     bytea        not null,
    expires_at       timestamptz  not null,
    deposited_at     timestamptz  not null
);

create index upstream_token_user_id on upstream_token (user_id);
create index upstream_token_expires_at on upstream_token (expires_at);
