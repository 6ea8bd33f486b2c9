package dev.lanyard.audit.ledger.domain;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * A stored event as the log commits to it: what was received (the envelope, the whole
 * payload, where it was read from), when it was stored and, from leaf format 2 on, the
 * query columns derived from the payload ({@link QueryColumns}), so that the filters an
 * auditor relies on are covered too. Leaves appended before format 2 (no columns) keep
 * format 1 and are checked as such.
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
 * @param columns its query columns for a format 2 leaf, null for format 1
 */
public record LedgerRecord(UUID eventId, String eventType, String topic, int partition, long offset, Instant occurredAt,
		Instant recordedAt, String correlationId, String producer, String actorId, String payloadJson,
		QueryColumns columns) {

	/** The leaf encoding of new leaves: format 1's members and the query columns. */
	public static final int FORMAT = 2;

	/** The first leaf encoding: envelope and payload, no query columns. */
	public static final int FORMAT_WITHOUT_COLUMNS = 1;

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

	/** A record of format 1, without query columns. */
	public LedgerRecord(UUID eventId, String eventType, String topic, int partition, long offset, Instant occurredAt,
			Instant recordedAt, String correlationId, String producer, String actorId, String payloadJson) {
		this(eventId, eventType, topic, partition, offset, occurredAt, recordedAt, correlationId, producer, actorId,
				payloadJson, null);
	}

	/** The leaf encoding this record is hashed with. */
	public int format() {
		return (this.columns != null) ? FORMAT : FORMAT_WITHOUT_COLUMNS;
	}

	/**
	 * The bytes hashed into the log: UTF-8 canonical JSON with the members below,
	 * {@code "v"} the {@link #format()} and, in format 2, {@code "columns"}. Instants in
	 * ISO-8601 UTC as {@link Instant#toString()} spells them.
	 */
	public byte[] leafData() {
		Map<String, Object> leaf = new LinkedHashMap<>();
		leaf.put("v", format());
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
		if (this.columns != null) {
			leaf.put("columns", this.columns.asLeafMember());
		}
		StringBuilder out = new StringBuilder(this.payloadJson.length() + 400);
		CanonicalJson.write(leaf, out);
		return out.toString().getBytes(StandardCharsets.UTF_8);
	}

	public byte[] leafHash() {
		return MerkleHashes.leaf(leafData());
	}

}
