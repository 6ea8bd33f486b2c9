-- Group names match case-sensitively (as the identity provider spells them): "Admins" and
-- "admins" are two groups.
DROP INDEX groups_name;
CREATE UNIQUE INDEX groups_name ON groups (name);

-- The identity provider's id of a group (e.g. an Entra ID object id), for matching groups
-- claims by unique id. Kept apart from external_id, the SCIM client's id.
ALTER TABLE groups ADD COLUMN unique_id text;
CREATE UNIQUE INDEX groups_unique_id ON groups (unique_id) WHERE unique_id IS NOT NULL;

-- A user created through the admin API by unique id alone learns its issuer at first
-- sign-in.
ALTER TABLE users DROP CONSTRAINT users_identity_complete;
ALTER TABLE users ADD CONSTRAINT users_issuer_needs_unique_id CHECK (issuer IS NULL OR unique_id IS NOT NULL);
DROP INDEX users_identity;
CREATE UNIQUE INDEX users_identity ON users (issuer, unique_id) WHERE issuer IS NOT NULL;
CREATE UNIQUE INDEX users_unique_id_without_issuer ON users (unique_id) WHERE issuer IS NULL AND unique_id IS NOT NULL;
CREATE INDEX users_unique_id ON users (unique_id) WHERE unique_id IS NOT NULL;

-- Profile fields the user's identity provider supplies from claims (username, email,
-- firstName, lastName): refreshed at every sign-in, not editable through the API.
ALTER TABLE users ADD COLUMN claimed_fields text[] NOT NULL DEFAULT '{}';

-- Every UserLoggedIn applied, so a redelivered one is not applied twice. Written in the
-- same transaction as the changes it caused.
CREATE TABLE processed_login_events (
    event_id      uuid         PRIMARY KEY,
    processed_at  timestamptz  NOT NULL
);
