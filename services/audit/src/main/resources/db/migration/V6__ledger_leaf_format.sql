-- Which leaf encoding each leaf was hashed with. Leaves appended before this migration are
-- format 1 (envelope and payload); from now on format 2 also covers the query columns the
-- auditors' filters read (subject, user, group, token…), so altering one of them is found
-- by the full check. The column needs no protection of its own: a leaf checked with
-- another format than it was hashed with no longer matches its stored hash.
ALTER TABLE ledger_leaf ADD COLUMN leaf_format smallint NOT NULL DEFAULT 1;
