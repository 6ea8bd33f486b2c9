-- Deactivation (why and when) and deletion. A deleted user is hidden from lists and
-- lookups but kept, so the audit history about it keeps its meaning; its identity stays
-- bound to it (the person's sign-in is refused), its username becomes free.
ALTER TABLE users ADD COLUMN deactivation_reason varchar(64);
ALTER TABLE users ADD COLUMN deactivated_at timestamptz;
ALTER TABLE users ADD COLUMN deleted_at timestamptz;
ALTER TABLE users ADD CONSTRAINT users_deleted_is_inactive CHECK (deleted_at IS NULL OR NOT active);

DROP INDEX users_username;
CREATE UNIQUE INDEX users_username ON users (lower(username)) WHERE deleted_at IS NULL;
