package dev.lanyard.audit.trail.adapter.kafka;

import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.net.http.HttpTimeoutException;
import java.util.Map;
import java.util.concurrent.TimeoutException;

import com.microsoft.kiota.ApiException;
import dev.lanyard.audit.trail.domain.AuditEvent;
import dev.lanyard.platform.kafka.Topics;
import io.apicurio.registry.serde.avro.AvroKafkaDeserializer;
import org.apache.avro.generic.IndexedRecord;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Reads a record value with Apicurio's Avro deserializer and maps it for the trail. Runs
 * inside Spring Kafka's {@code ErrorHandlingDeserializer}, so whatever it throws marks
 * the record instead of failing the poll: {@link RegistryUnavailableException} when a
 * later attempt may succeed, {@link UnreadableRecordException} otherwise. Messages carry
 * exception types and field names, never record content.
 */
public final class AuditRecordDeserializer implements Deserializer<DecodedEvent> {

	private final Deserializer<?> avro;

	private final AvroEventMapper mapper;

	public AuditRecordDeserializer() {
		this(new AvroKafkaDeserializer<SpecificRecord>(), new AvroEventMapper(Topics.ALL));
	}

	AuditRecordDeserializer(Deserializer<?> avro, AvroEventMapper mapper) {
		if (avro == null) {
			throw new IllegalArgumentException("avro cannot be null");
		}
		if (mapper == null) {
			throw new IllegalArgumentException("mapper cannot be null");
		}
		this.avro = avro;
		this.mapper = mapper;
	}

	@Override
	public void configure(Map<String, ?> configs, boolean isKey) {
		this.avro.configure(configs, isKey);
	}

	@Override
	public DecodedEvent deserialize(String topic, byte[] data) {
		return deserialize(topic, null, data);
	}

	@Override
	public DecodedEvent deserialize(String topic, Headers headers, byte[] data) {
		if (data == null) {
			// A tombstone on a compacted topic: nothing happened that the trail records.
			return null;
		}
		Object value = read(topic, headers, data);
		if (value == null) {
			throw new UnreadableRecordException("The Avro deserializer read nothing from a non-empty value");
		}
		try {
			AuditEvent event = this.mapper.map(topic, value);
			return new DecodedEvent(event, AvroJson.toJson((IndexedRecord) value), data);
		}
		catch (UnreadableRecordException ex) {
			throw ex;
		}
		catch (RuntimeException ex) {
			throw new UnreadableRecordException("Mapping the event failed: " + ex.getClass().getName());
		}
	}

	private Object read(String topic, Headers headers, byte[] data) {
		try {
			return (headers != null) ? this.avro.deserialize(topic, headers, data) : this.avro.deserialize(topic, data);
		}
		catch (RuntimeException ex) {
			throw classify(ex);
		}
	}

	@Override
	public void close() {
		this.avro.close();
	}

	/** Whether asking again may help: transport failures and 5xx/429 answers, yes. */
	static RuntimeException classify(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof ApiException api) {
				int status = api.getResponseStatusCode();
				if (status >= 500 || status == 429 || status == 408) {
					return new RegistryUnavailableException("Schema registry answered HTTP " + status);
				}
				return new UnreadableRecordException("Schema registry answered HTTP " + status
						+ " for the record's schema id (" + api.getClass().getName() + ")");
			}
			if (isTransport(cause)) {
				return new RegistryUnavailableException("Schema registry unreachable: " + cause.getClass().getName());
			}
			if (cause.getCause() == cause) {
				break;
			}
		}
		return new UnreadableRecordException(
				"Not a readable Lanyard Avro value: " + failure.getClass().getName() + rootCauseName(failure));
	}

	private static boolean isTransport(Throwable cause) {
		return cause instanceof ConnectException || cause instanceof SocketTimeoutException
				|| cause instanceof HttpTimeoutException || cause instanceof UnknownHostException
				|| cause instanceof NoRouteToHostException || cause instanceof TimeoutException
				|| (cause instanceof IOException && cause.getClass().getName().startsWith("io.vertx."))
				|| cause.getClass().getName().equals("io.vertx.core.http.HttpClosedException");
	}

	private static String rootCauseName(Throwable failure) {
		Throwable root = failure;
		while (root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		return (root != failure) ? " caused by " + root.getClass().getName() : "";
	}

}
