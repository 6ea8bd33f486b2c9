package dev.lanyard.audit.trail.adapter.kafka;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import dev.lanyard.audit.trail.application.EventRejectedException;
import dev.lanyard.audit.trail.application.RecordEvents;
import dev.lanyard.audit.trail.application.RecordOutcome;
import dev.lanyard.audit.trail.application.TrailUnavailableException;
import dev.lanyard.audit.trail.domain.EventSource;
import dev.lanyard.audit.trail.domain.IncomingEvent;
import dev.lanyard.audit.trail.domain.TraceIds;
import dev.lanyard.platform.kafka.Topic;
import dev.lanyard.platform.kafka.Topics;
import dev.lanyard.platform.kafka.consumer.UnreadableRecordException;
import dev.lanyard.platform.kafka.consumer.RegistryUnavailableException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.log.LogAccessor;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.support.KafkaUtils;
import org.springframework.kafka.support.serializer.DeserializationException;
import org.springframework.kafka.support.serializer.SerializationUtils;

/**
 * Stores every event of every Lanyard topic, a poll's batch at a time. The container
 * commits a batch's offsets only after this method returns, so the rows are written
 * first. When a record cannot be used, the events before it are stored and a
 * {@link BatchListenerFailedException} names it: the error handler commits what came
 * before, then dead-letters the record ({@link UnreadableRecordException},
 * {@link EventRejectedException}) or retries from it ({@link TrailUnavailableException},
 * {@link RegistryUnavailableException}).
 */
public final class AuditEventListener {

	private static final Logger logger = LoggerFactory.getLogger(AuditEventListener.class);

	private static final String TRACEPARENT = "traceparent";

	private static final LogAccessor headerLogger = new LogAccessor(AuditEventListener.class);

	private final RecordEvents recordEvents;

	public AuditEventListener(RecordEvents recordEvents) {
		if (recordEvents == null) {
			throw new IllegalArgumentException("recordEvents cannot be null");
		}
		this.recordEvents = recordEvents;
	}

	/** Every topic of the ensemble, from {@code Topics.ALL}. */
	public String[] topics() {
		return Topics.ALL.stream().map(Topic::name).toArray(String[]::new);
	}

	@KafkaListener(id = "audit-trail", topics = "#{__listener.topics()}",
			groupId = "${spring.kafka.consumer.group-id:audit}", batch = "true")
	public void onRecords(List<ConsumerRecord<String, DecodedEvent>> records) {
		List<IncomingEvent> pending = new ArrayList<>(records.size());
		List<ConsumerRecord<String, DecodedEvent>> pendingRecords = new ArrayList<>(records.size());
		for (ConsumerRecord<String, DecodedEvent> record : records) {
			DeserializationException unreadable = SerializationUtils.getExceptionFromHeader(record,
					SerializationUtils.VALUE_DESERIALIZER_EXCEPTION_HEADER, headerLogger);
			if (unreadable != null) {
				store(pending, pendingRecords);
				throw unreadable(record, unreadable);
			}
			if (record.value() == null) {
				continue;
			}
			pending.add(new IncomingEvent(record.value().event(),
					new EventSource(record.topic(), record.partition(), record.offset()), record.value().payloadJson(),
					traceId(record)));
			pendingRecords.add(record);
		}
		store(pending, pendingRecords);
	}

	/** The trace id the producer's observation put in the record's headers, if any. */
	private static String traceId(ConsumerRecord<?, ?> record) {
		Header traceparent = record.headers().lastHeader(TRACEPARENT);
		return (traceparent != null)
				? TraceIds.fromTraceparent(new String(traceparent.value(), StandardCharsets.US_ASCII)) : null;
	}

	private void store(List<IncomingEvent> pending, List<ConsumerRecord<String, DecodedEvent>> pendingRecords) {
		if (pending.isEmpty()) {
			return;
		}
		RecordOutcome outcome;
		try {
			outcome = this.recordEvents.record(pending);
		}
		catch (TrailUnavailableException ex) {
			throw retryFrom(pendingRecords.getFirst(), ex);
		}
		catch (RuntimeException ex) {
			// Unexpected: keep the events (retry, the partition waits) rather than
			// dead-letter a batch.
			throw retryFrom(pendingRecords.getFirst(),
					new TrailUnavailableException("Unexpected failure storing events: " + ex.getClass().getName(), ex));
		}
		if (outcome instanceof RecordOutcome.Rejected rejected) {
			ConsumerRecord<String, DecodedEvent> record = pendingRecords.get(rejected.index());
			throw new BatchListenerFailedException("Audit store refused " + KafkaUtils.format(record),
					new EventRejectedException(rejected.reason(), null), record);
		}
		if (logger.isDebugEnabled()) {
			logger.debug("Recorded {} events up to {}", pending.size(), KafkaUtils.format(pendingRecords.getLast()));
		}
	}

	private static BatchListenerFailedException retryFrom(ConsumerRecord<?, ?> record, TrailUnavailableException ex) {
		logger.warn("Audit store unavailable ({}); retrying from {}", rootCauseName(ex), KafkaUtils.format(record));
		return new BatchListenerFailedException("Audit store unavailable", ex, record);
	}

	private static BatchListenerFailedException unreadable(ConsumerRecord<?, ?> record,
			DeserializationException failure) {
		if (failure.getCause() instanceof RegistryUnavailableException registryDown) {
			logger.warn("{}; retrying from {}", registryDown.getMessage(), KafkaUtils.format(record));
			return new BatchListenerFailedException("Schema registry unavailable", registryDown, record);
		}
		String reason = (failure.getCause() != null) ? failure.getCause().getMessage() : failure.getMessage();
		return new BatchListenerFailedException("Unreadable record: " + reason, failure, record);
	}

	private static String rootCauseName(Throwable failure) {
		Throwable root = failure;
		while (root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		return root.getClass().getName();
	}

}
