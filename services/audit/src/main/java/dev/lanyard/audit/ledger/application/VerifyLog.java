package dev.lanyard.audit.ledger.application;

import dev.lanyard.audit.ledger.domain.FullCheck;
import dev.lanyard.audit.ledger.domain.PrunedLeaves;
import dev.lanyard.audit.ledger.domain.NoteKey;
import dev.lanyard.audit.ledger.domain.Verdict;

/**
 * The full check: every stored record recomputed and compared with the log, every
 * checkpoint's signature and root, in one snapshot.
 */
public final class VerifyLog {

	private final LedgerStore store;

	private final NoteKey key;

	private final String origin;

	public VerifyLog(LedgerStore store, NoteKey key, String origin) {
		if (store == null || key == null || origin == null) {
			throw new IllegalArgumentException("store, key and origin cannot be null");
		}
		this.store = store;
		this.key = key;
		this.origin = origin;
	}

	public Verdict verify() {
		return this.store.snapshot((snapshot) -> {
			FullCheck check = new FullCheck(snapshot.checkpoints(), this.key, this.origin, snapshot.size(),
					snapshot::placeOf, PrunedLeaves.of(snapshot.retentionPayloads()));
			Verdict[] found = { check.begin() };
			if (found[0] != null) {
				return found[0];
			}
			snapshot.leaves((leaf) -> {
				found[0] = check.accept(leaf);
				return found[0] == null;
			});
			return (found[0] != null) ? found[0] : check.finish(snapshot.unlogged(1));
		});
	}

}
