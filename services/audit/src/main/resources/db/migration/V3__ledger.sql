-- The tamper-evident log over audit_event: an RFC 9162 Merkle tree with one leaf per stored
-- event, appended by one appender at a time (it locks ledger_state), signed as C2SP checkpoints.

-- Events stored but not yet in the log. Filled in the same transaction as audit_event, so an
-- event is never lost between the two; the appender empties it in the order of seq.
CREATE TABLE ledger_pending (
    seq      bigserial PRIMARY KEY,
    event_id uuid      NOT NULL
);

-- The log's order: leaf i is event_id, whose leaf data hashed to leaf_hash when appended.
CREATE TABLE ledger_leaf (
    leaf_index bigint PRIMARY KEY,
    event_id   uuid   NOT NULL UNIQUE,
    leaf_hash  bytea  NOT NULL
);

-- Hashes of the complete subtrees of level 1 and above (level 0 is ledger_leaf): proofs read
-- O(log n) of them.
CREATE TABLE ledger_node (
    level      smallint NOT NULL,
    node_index bigint   NOT NULL,
    hash       bytea    NOT NULL,
    PRIMARY KEY (level, node_index)
);

-- The one row the appender and the signer lock.
CREATE TABLE ledger_state (
    id        boolean PRIMARY KEY DEFAULT true CHECK (id),
    tree_size bigint  NOT NULL,
    root_hash bytea   NOT NULL
);
INSERT INTO ledger_state (id, tree_size, root_hash) VALUES (true, 0, sha256(''::bytea));

-- Every signed checkpoint, as signed.
CREATE TABLE ledger_checkpoint (
    tree_size bigint      PRIMARY KEY,
    root_hash bytea       NOT NULL,
    note      text        NOT NULL,
    signed_at timestamptz NOT NULL
);

CREATE FUNCTION ledger_enqueue() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO ledger_pending (event_id) SELECT event_id FROM inserted ORDER BY event_id;
    RETURN NULL;
END
$$;

-- Statement level with a transition table: one insert per batch, and only rows really inserted
-- (ON CONFLICT DO NOTHING leaves redeliveries out).
CREATE TRIGGER audit_event_enters_ledger AFTER INSERT ON audit_event
    REFERENCING NEW TABLE AS inserted FOR EACH STATEMENT EXECUTE FUNCTION ledger_enqueue();

INSERT INTO ledger_pending (event_id) SELECT event_id FROM audit_event ORDER BY recorded_at, event_id;
