package dev.lanyard.audit.ledger.domain;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * A stored event as the log commits to it: what was received (the envelope, the whole
 * payload, where it was read from) and when it was stored. The query columns derived from
 * the payload (subject, content, token hash…) are left out on purpose: they are an index
 * that the trail may re-derive as its mapping improves; the payload they come from is
 * covered.
 *
 * @param eventId the event's id
 * @param eventType its record name
 * @param topic the topic it was read from
 * @param partition its partition
 * @param offset its offset
 * @param occurredAt when it happened
 * @param recordedAt when the trail stored it
 * @param correlationId its correlation id
 * @param producer the service that published it
 * @param actorId who caused it, or null
 * @param payloadJson the whole event as JSON, in any spelling
 */
public record LedgerRecord(UUID eventId, String eventType, String topic, int partition, long offset, Instant occurredAt,
		Instant recordedAt, String correlationId, String producer, String actorId, String payloadJson) {

	/** The version of the leaf encoding, first member of every leaf. */
	public static final int FORMAT = 1;

	public LedgerRecord {
		if (eventId == null) {
			throw new IllegalArgumentException("eventId cannot be null");
		}
		if (occurredAt == null || recordedAt == null) {
			throw new IllegalArgumentException("occurredAt and recordedAt cannot be null");
		}
		if (payloadJson == null) {
			throw new IllegalArgumentException("payloadJson cannot be null");
		}
	}

	/**
	 * The bytes hashed into the log: UTF-8 canonical JSON with the members below and
	 * {@code "v":1}. Instants in ISO-8601 UTC as {@link Instant#toString()} spells them.
	 */
	public byte[] leafData() {
		Map<String, Object> leaf = new LinkedHashMap<>();
		leaf.put("v", FORMAT);
		leaf.put("eventId", this.eventId.toString());
		leaf.put("eventType", this.eventType);
		leaf.put("topic", this.topic);
		leaf.put("partition", this.partition);
		leaf.put("offset", this.offset);
		leaf.put("occurredAt", this.occurredAt.toString());
		leaf.put("recordedAt", this.recordedAt.toString());
		leaf.put("correlationId", this.correlationId);
		leaf.put("producer", this.producer);
		leaf.put("actorId", this.actorId);
		leaf.put("payload", new CanonicalJson.Raw(CanonicalJson.canonicalize(this.payloadJson)));
		StringBuilder out = new StringBuilder(this.payloadJson.length() + 400);
		CanonicalJson.write(leaf, out);
		return out.toString().getBytes(StandardCharsets.UTF_8);
	}

	public byte[] leafHash() {
		return MerkleHashes.leaf(leafData());
	}

}
