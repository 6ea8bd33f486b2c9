-- Read model of users, kept from user-provisioning's UserChanged snapshots (newest version wins).
create table user_snapshot (
    user_id    varchar(200) primary key,
    username   varchar(200) not null,
    role       varchar(64)  not null,
    locked     boolean      not null,
    active     boolean      not null,
    group_ids  text[]       not null,
    version    bigint       not null,
    changed_at timestamptz  not null
);

-- UserDeactivated events; a user deactivated after their latest snapshot gets no token.
create table user_deactivation (
    user_id        varchar(200) primary key,
    deactivated_at timestamptz  not null
);

-- Read model of integrations, kept from integration-registry's IntegrationChanged snapshots.
-- Never a client secret: token-broker fetches it from integration-registry when it needs it.
create table integration_snapshot (
    integration_id              varchar(200)  primary key,
    name                        varchar(400)  not null,
    kind                        varchar(32)   not null,
    token_endpoint              varchar(2000) not null,
    authorization_endpoint      varchar(2000),
    client_id                   varchar(400)  not null,
    secret_version              bigint        not null,
    scopes                      text[]        not null,
    audience                    varchar(2000),
    max_token_lifetime_seconds  bigint,
    allowed_group_ids           text[]        not null,
    content_ids                 text[]        not null,
    deleted                     boolean       not null,
    changed_at                  timestamptz   not null
);
