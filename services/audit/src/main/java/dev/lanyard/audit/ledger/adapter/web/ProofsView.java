package dev.lanyard.audit.ledger.adapter.web;

import java.util.List;

/**
 * The answer of {@code /api/audit/verify}.
 *
 * @param checkpoint the latest checkpoint, which the inclusion proofs are against
 * @param consistency from the checkpoint before the range to the latest
 * @param records one per leaf in the range
 */
record ProofsView(LedgerController.CheckpointView checkpoint, ConsistencyView consistency,
		List<InclusionView> records) {

	/**
	 * @param from the earlier checkpoint
	 * @param proof RFC 9162 consistency proof, base64 hashes
	 */
	record ConsistencyView(LedgerController.CheckpointView from, List<String> proof) {
	}

	/**
	 * @param leafIndex the leaf
	 * @param eventId its event
	 * @param leafHash the stored leaf hash, base64
	 * @param leafData the bytes hashed (canonical JSON), or null when the record is gone
	 * @param inclusionProof RFC 9162 audit path, nearest sibling first
	 */
	record InclusionView(long leafIndex, String eventId, String leafHash, String leafData,
			List<String> inclusionProof) {
	}

}
