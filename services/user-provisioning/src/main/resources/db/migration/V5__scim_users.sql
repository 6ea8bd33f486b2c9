-- What SCIM clients write about a user beyond Lanyard's own fields (users.email,
-- first_name, last_name, active). A row exists once a SCIM client wrote the user; it is
-- removed when the client deletes the user (the users row stays, hidden).
CREATE TABLE scim_users (
    user_id          uuid  PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
    user_name        text  NOT NULL,
    external_id      text,
    display_name     text,
    employee_number  text,
    department       text,
    -- the SCIM client (actor id) that last wrote it
    written_by       text  NOT NULL
);

CREATE UNIQUE INDEX scim_users_user_name ON scim_users (lower(user_name));
CREATE INDEX scim_users_external_id ON scim_users (external_id) WHERE external_id IS NOT NULL;
-- "userName eq" also finds users no SCIM client wrote, by their username
CREATE INDEX users_created_at ON users (created_at, id);
